package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.testkit.UsesLab;
import java.util.function.Function;

/**
 * {@link AbstractConsoleIT} on this machine as root. Slurm refuses root a step in another
 * user's job ({@code srun --jobid}: Access/permission denied, seen on the lab), and root's own
 * jobs are sampled the same way as everyone's here: through a shell per node, which for the
 * lab's single node is this machine.
 */
@UsesLab("22.05")
class LocalConsoleIT extends AbstractConsoleIT {
    @Override
    protected Shell createShell() {
        return LocalShell.create();
    }

    @Override
    protected String user() {
        return System.getProperty("user.name");
    }

    @Override
    protected Function<String, Shell> nodeShells() {
        return node -> lab.shell();
    }
}
