package io.github.slurm4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.JobId;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    @Test
    void theDeliveredMarkerHoldsTheJobIdAsSlurmWritesIt() {
        RedisKeys keys = new RedisKeys("hpc");
        assertThat(keys.watchDelivered(JobId.of(17))).isEqualTo("hpc_watch_delivered:17");
        assertThat(keys.watchDelivered(JobId.parse("17_3"))).isEqualTo("hpc_watch_delivered:17_3");
        assertThat(keys.watchDelivered(JobId.parse(" 21+1 "))).isEqualTo("hpc_watch_delivered:21+1");
        assertThatThrownBy(() -> keys.watchDelivered(null)).isInstanceOf(NullPointerException.class).hasMessage("job");
    }
}
