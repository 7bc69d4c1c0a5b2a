package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.ShellContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Shell contract over SSH: {@link RemoteShell} to the lab sshd on 127.0.0.1:2222 as alice,
 * with her key and the lab's known_hosts. The lab sshd passes no client environment
 * ({@code PermitUserEnvironment no}, no {@code AcceptEnv}), so the Slurm output variables cannot be
 * planted in the session from here; {@link #everyUnsetVariableIsRemovedRemotely()} plants them
 * in the command's own parent shell instead.
 */
class RemoteShellIT extends ShellContractTest {

    @BeforeAll
    static void lab() {
        Lab.requireSshd();
    }

    @Override
    protected Shell createShell() {
        return new RemoteShell(SshConfig.builder(Lab.SSH_HOST, Lab.SSH_USER).port(Lab.SSH_PORT)
                .privateKey(Lab.userKey()).knownHosts(Lab.knownHosts()).build());
    }

    @Test
    void targetNamesUserHostAndPort() {
        assertThat(shell().target()).isEqualTo("ssh alice@127.0.0.1:2222");
    }

    /** The wrapper's env removes the variables even when the remote login environment has them. */
    @Test
    void everyUnsetVariableIsRemovedRemotely() {
        StringBuilder plant = new StringBuilder();
        for (String name : io.github.slurm4j.exec.internal.SlurmEnvironment.UNSET) {
            plant.append(name).append("=polluted; export ").append(name).append("; ");
        }
        // run the wrapper's own line inside a shell that has every variable set
        String line = RemoteCommandLine.commandLine(ExecRequest.of("env"));
        ExecResult r = ok(ExecRequest.of("sh", "-c", plant + line));
        assertThat(r.stdout()).doesNotContain("=polluted").contains("LANG=C.UTF-8\n").contains("SLURM_TIME_FORMAT=standard\n");
    }
}
