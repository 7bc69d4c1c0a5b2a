package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.DisplayName;

/** The SlurmClient lifecycle over SSH as alice, on the lab's Slurm 24.11 (a chroot cluster). */
@DisplayName("SlurmClient over SSH as alice on Slurm 24.11")
@UsesLab("24.11")
class RemoteSlurmClient2411IT extends RemoteSlurmClientIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_24_11;
    }
}
