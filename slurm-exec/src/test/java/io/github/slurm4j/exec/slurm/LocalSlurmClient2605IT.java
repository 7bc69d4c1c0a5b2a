package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** The SlurmClient lifecycle as root (an operator: suspend, resume, priority), on the lab's Slurm 26.05. */
@DisplayName("SlurmClient as root on Slurm 26.05")
@UsesLab("26.05")
class LocalSlurmClient2605IT extends LocalSlurmClientIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_26_05;
    }
}
