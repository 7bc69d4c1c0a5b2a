package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/**
 * {@link AbstractSlurmClientIT} through {@link LocalShell}, as the user running the build (root in
 * the lab); on a newer version (subclasses) as root inside the cluster's chroot.
 */
@DisplayName("SlurmClient as root on Slurm 22.05")
@UsesLab("22.05")
class LocalSlurmClientIT extends AbstractSlurmClientIT {
    @Override
    protected Shell createShell() {
        return LabShells.root(cluster());
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
