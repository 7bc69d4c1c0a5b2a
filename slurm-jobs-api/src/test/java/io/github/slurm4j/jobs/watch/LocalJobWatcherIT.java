package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;

/** {@link JobWatcherIT} on the machine the JVM runs on, as root: 22.05 directly, 24.11 in its chroot. */
@UsesLab({"22.05", "24.11"})
class LocalJobWatcherIT extends JobWatcherIT {
    @Override
    protected Shell createShell(LabCluster cluster) {
        return cluster.rootShell(LocalShell.create());
    }

    @Override
    protected String user() {
        return System.getProperty("user.name");
    }
}
