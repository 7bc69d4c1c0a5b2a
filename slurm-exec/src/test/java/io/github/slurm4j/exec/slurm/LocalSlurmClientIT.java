package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;

/** {@link AbstractSlurmClientIT} through {@link LocalShell}, as the user running the build (root in the lab). */
class LocalSlurmClientIT extends AbstractSlurmClientIT {
    @Override
    protected Shell createShell() {
        return LocalShell.create();
    }

    @Override
    protected boolean privileged() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    protected String user() {
        return System.getProperty("user.name");
    }
}
