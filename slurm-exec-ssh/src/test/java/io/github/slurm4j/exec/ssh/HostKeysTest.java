package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {
    /** sshj's default host key algorithms (0.39), in its order. */
    static final List<String> OFFERED = List.of("ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512",
            "rsa-sha2-256", "ssh-rsa", "ssh-dss");

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static Path keygen(Path dir, String type, String name) throws Exception {
        run(dir, "ssh-keygen", "-q", "-t", type, "-N", "", "-f", dir.resolve(name).toString());
        return dir.resolve(name + ".pub");
    }

    @Test
    void fingerprintIsWhatSshKeygenPrints(@TempDir Path dir) throws Exception {
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path pub = keygen(dir, type, "k_" + type);
            String line = Files.readString(pub).strip();
            byte[] blob = Base64.getDecoder().decode(line.split(" ")[1]);
            String expected = run(dir, "ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).split(" ")[1];
            assertThat(HostKeys.fingerprint(blob)).as(type).isEqualTo(expected).startsWith("SHA256:").doesNotEndWith("=");
        }
    }

    @Test
    void offersOnlyTheAlgorithmsOfTheKnownKeyTypes() {
        assertThat(HostKeys.algorithms(OFFERED, Set.of("ssh-rsa"))).containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        assertThat(HostKeys.algorithms(OFFERED, Set.of("ecdsa-sha2-nistp256", "ssh-ed25519")))
                .containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256");
        assertThat(HostKeys.algorithms(OFFERED, Set.of())).doesNotContain("ssh-ed25519-cert-v01@openssh.com")
                .contains("ssh-ed25519", "rsa-sha2-512", "ecdsa-sha2-nistp521");
    }

    @Test
    void readsTheKeyTypesOfAHostFromPlainAndHashedKnownHosts(@TempDir Path dir) throws Exception {
        String rsa = Files.readString(keygen(dir, "rsa", "rsa")).strip();
        String ed = Files.readString(keygen(dir, "ed25519", "ed")).strip();
        String ecdsa = Files.readString(keygen(dir, "ecdsa", "ec")).strip();
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "[10.0.0.1]:2222 " + rsa + "\n" + "10.0.0.1 " + ed + "\n" + "other.example " + ecdsa + "\n"
                + "[login.example]:2200 " + ecdsa + "\n");
        run(dir, "ssh-keygen", "-H", "-f", kh.toString());
        assertThat(Files.readString(kh)).doesNotContain("login.example").contains("|1|");
        HostKeys.KnownHosts hashed = HostKeys.loadKnownHosts(kh, "test");
        assertThat(hashed.keyTypes("login.example", 2200)).containsExactly("ecdsa-sha2-nistp256");
        assertThat(hashed.keyTypes("login.example", 22)).isEmpty();
        assertThat(hashed.keyTypes("10.0.0.1", 2222)).containsExactly("ssh-rsa");
        assertThat(hashed.keyTypes("10.0.0.1", 22)).containsExactly("ssh-ed25519");

        Path plain = dir.resolve("plain");
        Files.writeString(plain, "# comment\n[10.0.0.1]:2222 " + rsa + "\n[10.0.0.1]:2222 " + ed + "\n");
        assertThat(HostKeys.loadKnownHosts(plain, "test").keyTypes("10.0.0.1", 2222))
                .containsExactlyInAnyOrder("ssh-rsa", "ssh-ed25519");
    }

    @Test
    void knownHostsNames() {
        assertThat(HostKeys.knownHostsName("h", 22)).isEqualTo("h");
        assertThat(HostKeys.knownHostsName("127.0.0.1", 2222)).isEqualTo("[127.0.0.1]:2222");
    }
}
