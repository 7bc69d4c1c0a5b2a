package io.github.slurm4j.redis.collect;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** {@link CollectorLabIT} on the lab's Slurm 26.05: over SSH to that cluster's own sshd, as alice. */
@DisplayName("collector over SSH as alice on Slurm 26.05")
@UsesLab("26.05")
class CollectorLab2605IT extends CollectorLabIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_26_05;
    }

    @Override
    protected List<String> ways() {
        return List.of("ssh");
    }
}
