package io.github.slurm4j.jobs;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** {@link RemoteJobsIT} on the lab's Slurm 24.11: over SSH to that cluster's own sshd, as alice. */
@DisplayName("jobs façade over SSH as alice on Slurm 24.11")
@UsesLab("24.11")
class RemoteJobs2411IT extends RemoteJobsIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_24_11;
    }
}
