package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** The SlurmClient lifecycle over SSH as alice, on the lab's Slurm 26.05 (a chroot cluster). */
@DisplayName("SlurmClient over SSH as alice on Slurm 26.05")
@UsesLab("26.05")
class RemoteSlurmClient2605IT extends RemoteSlurmClientIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_26_05;
    }
}
