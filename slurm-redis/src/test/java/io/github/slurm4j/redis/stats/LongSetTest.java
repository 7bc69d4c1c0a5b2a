package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongSetTest {
    @Test
    void addsLikeAHashSet() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            LongSet mine = new LongSet(r.nextInt(20));
            Set<Long> ref = new HashSet<>();
            int bound = 1 + r.nextInt(5000);
            for (int i = 0; i < 20_000; i++) {
                long v = switch (r.nextInt(5)) {
                    case 0 -> r.nextLong();
                    case 1 -> (long) r.nextInt(bound) << 18; // strides of a power of two
                    case 2 -> 0L;
                    case 3 -> Long.MIN_VALUE + r.nextInt(3);
                    default -> 1_000_000 + r.nextInt(bound);
                };
                assertThat(mine.add(v)).as("round %d add %d", round, v).isEqualTo(ref.add(v));
            }
        }
    }
}
