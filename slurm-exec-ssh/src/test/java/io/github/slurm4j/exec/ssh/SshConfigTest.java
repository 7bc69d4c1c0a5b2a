package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshConfigTest {
    static final String FP = "SHA256:" + "A".repeat(42) + "s";

    @Test
    void defaults() {
        SshConfig c = SshConfig.builder("login1", "alice").privateKey(Path.of("/k")).knownHosts(Path.of("/kh")).build();
        assertThat(c.port()).isEqualTo(22);
        assertThat(c.maxChannels()).isEqualTo(8);
        assertThat(c.address()).isEqualTo("alice@login1:22");
        assertThat(c.connectTimeout()).isPositive();
        assertThat(c.acceptsAnyHostKey()).isFalse();
    }

    @Test
    void needsExactlyOneAuthentication() {
        assertThatThrownBy(() -> SshConfig.builder("h", "u").knownHosts(Path.of("/kh")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no authentication");
        assertThatThrownBy(() -> SshConfig.builder("h", "u").knownHosts(Path.of("/kh")).privateKey(Path.of("/k"))
                .password("p".toCharArray()).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> SshConfig.builder("h", "u").knownHosts(Path.of("/kh")).password("p".toCharArray())
                .passphrase("x".toCharArray()).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void needsExactlyOneHostKeyPolicy() {
        assertThatThrownBy(() -> SshConfig.builder("h", "u").password("p".toCharArray()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no host key policy");
        assertThatThrownBy(() -> SshConfig.builder("h", "u").password("p".toCharArray()).knownHosts(Path.of("/kh"))
                .insecureAcceptAnyHostKey().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one");
    }

    @Test
    void fingerprintsAreOpenSshSha256() {
        SshConfig c = SshConfig.builder("h", "u").password("p".toCharArray()).hostKeyFingerprint(FP + "=").build();
        assertThat(c.hostKeyFingerprints()).containsExactly(FP);
        assertThatThrownBy(() -> SshConfig.builder("h", "u").hostKeyFingerprint("MD5:aa:bb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA256");
        assertThatThrownBy(() -> SshConfig.builder("h", "u").hostKeyFingerprint("SHA256:short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelsStayBelowOpenSshMaxSessions() {
        SshConfig.Builder b = SshConfig.builder("h", "u");
        assertThatThrownBy(() -> b.maxChannels(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MaxSessions");
        assertThatThrownBy(() -> b.maxChannels(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.maxChannels(9).password("p".toCharArray()).insecureAcceptAnyHostKey().build().maxChannels()).isEqualTo(9);
    }

    @Test
    void rejectsBadValues() {
        SshConfig.Builder b = SshConfig.builder("h", "u");
        assertThatThrownBy(() -> b.port(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SshConfig.builder(" ", "u")).isInstanceOf(IllegalArgumentException.class);
        SshConfig jump = SshConfig.builder("j", "u").password("p".toCharArray()).insecureAcceptAnyHostKey()
                .jumpHost(SshConfig.builder("k", "u").password("p".toCharArray()).insecureAcceptAnyHostKey().build()).build();
        assertThatThrownBy(() -> b.jumpHost(jump)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverPrintsSecretsAndSecretsAreCopied() {
        char[] password = "s3cret-pw".toCharArray();
        SshConfig c = SshConfig.builder("h", "u").password(password).insecureAcceptAnyHostKey().build();
        password[0] = 'X';
        assertThat(c.password()).containsExactly("s3cret-pw".toCharArray());
        c.password()[1] = 'Y';
        assertThat(c.password()).containsExactly("s3cret-pw".toCharArray());
        assertThat(c.toString()).doesNotContain("s3cret").contains("password").contains("INSECURE");

        SshConfig k = SshConfig.builder("h", "u").privateKeyText("-----BEGIN OPENSSH PRIVATE KEY-----\nsecretkeybytes\n")
                .passphrase("my-passphrase".toCharArray()).hostKeyFingerprint(FP)
                .jumpHost(SshConfig.builder("bastion", "b").password("bastion-pw".toCharArray()).knownHosts(Path.of("/kh")).build())
                .build();
        assertThat(k.toString()).doesNotContain("secretkeybytes").doesNotContain("my-passphrase")
                .doesNotContain("bastion-pw").contains("in-memory key").contains("with passphrase").contains(FP)
                .contains("b@bastion:22");
    }
}
