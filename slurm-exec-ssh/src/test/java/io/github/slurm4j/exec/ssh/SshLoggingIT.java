package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.testkit.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application with a default slf4j binding (slf4j-simple at INFO, as in these tests) sees
 * of RemoteShell against the lab sshd: nothing for a normal connect, command and close (sshj logs
 * 4 INFO lines by itself), and exactly one WARN line for a refused host key (sshj logs 3 ERROR
 * lines and a stack trace by itself); the detail is in the typed exception.
 */
class SshLoggingIT {
    @BeforeAll
    static void lab() {
        Lab.requireSshd();
    }

    @Test
    void aConnectCommandAndCloseLogNothingAtInfo() throws Exception {
        List<String> lines = StderrCapture.linesOf(() -> {
            try (RemoteShell shell = new RemoteShell(RemoteShellFaultsIT.keyConfig())) {
                assertThat(shell.run("echo", "x").stdout()).isEqualTo("x\n");
            }
        });
        assertThat(lines).isEmpty();
    }

    @Test
    void aRefusedHostKeyLogsOneWarnLine(@TempDir Path tmp) throws Exception {
        RemoteShellFaultsIT.local("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("other").toString());
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, "[127.0.0.1]:2222 " + Files.readString(tmp.resolve("other.pub")));
        String presented = RemoteShellFaultsIT.fingerprintOf(Lab.sshDir().resolve("ssh_host_ed25519_key.pub"));
        List<String> lines = StderrCapture.linesOf(() -> {
            try (RemoteShell shell = new RemoteShell(RemoteShellFaultsIT.alice().privateKey(Lab.userKey())
                    .knownHosts(kh).build())) {
                assertThatThrownBy(() -> shell.run("true")).isInstanceOf(HostKeyVerificationException.class)
                        .hasMessageContaining(presented);
            }
        });
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(" WARN io.github.slurm4j.exec.ssh.RemoteShell - ",
                "host key refused (CHANGED ssh-ed25519 " + presented + ")");
    }
}
