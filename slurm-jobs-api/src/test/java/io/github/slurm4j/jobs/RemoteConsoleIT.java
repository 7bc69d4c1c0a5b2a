package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.UsesLab;
import java.util.function.Function;

/** {@link AbstractConsoleIT} over SSH as alice; the metrics go through {@code srun --jobid --overlap}. */
@UsesLab("22.05")
class RemoteConsoleIT extends AbstractConsoleIT {
    @Override
    protected Shell createShell() {
        Lab.requireSshd();
        return new RemoteShell(SshConfig.builder(Lab.SSH_HOST, Lab.SSH_USER).port(Lab.SSH_PORT)
                .privateKey(Lab.userKey()).knownHosts(Lab.knownHosts()).build());
    }

    @Override
    protected String user() {
        return Lab.SSH_USER;
    }

    @Override
    protected Function<String, Shell> nodeShells() {
        return null;
    }
}
