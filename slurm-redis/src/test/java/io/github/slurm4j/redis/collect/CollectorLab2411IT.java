package io.github.slurm4j.redis.collect;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** {@link CollectorLabIT} on the lab's Slurm 24.11: over SSH to that cluster's own sshd, as alice. */
@DisplayName("collector over SSH as alice on Slurm 24.11")
@UsesLab("24.11")
class CollectorLab2411IT extends CollectorLabIT {
    @Override
    protected LabCluster cluster() {
        return Lab.SLURM_24_11;
    }

    @Override
    protected List<String> ways() {
        return List.of("ssh");
    }
}
