package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** slurmctld and slurmdbd stopped on the lab's Slurm 26.05: the same typed errors as on 22.05. */
@DisplayName("SlurmClient with a daemon stopped on Slurm 26.05")
@UsesLab("26.05")
class SlurmFaults2605IT extends SlurmFaultsIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_26_05;
    }
}
