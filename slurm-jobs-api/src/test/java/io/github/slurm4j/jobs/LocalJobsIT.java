package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** {@link AbstractJobsIT} on the machine the JVM runs on, as root (a Slurm operator). */
@DisplayName("jobs façade as root on Slurm 22.05")
@UsesLab("22.05")
class LocalJobsIT extends AbstractJobsIT {
    @Override
    protected Shell createShell() {
        return LocalShell.create();
    }

    @Override
    protected String user() {
        return System.getProperty("user.name");
    }

    @Override
    protected boolean operator() {
        return "root".equals(user());
    }
}
