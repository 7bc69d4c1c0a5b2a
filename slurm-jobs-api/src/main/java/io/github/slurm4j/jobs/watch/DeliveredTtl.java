package io.github.slurm4j.jobs.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * The rule for the time to live of a delivered-end claim, the same for every {@link DeliveredEvents}
 * of slurm4j: at least {@link #MIN}, a millisecond, the unit of Redis's {@code PX}, so that a claim
 * lives as long in memory as in Redis.
 */
final class DeliveredTtl {
    /** The shortest time to live a claim may have. */
    static final Duration MIN = Duration.ofMillis(1);

    private DeliveredTtl() {
    }

    /**
     * @param ttl a time to live
     * @return {@code ttl}
     * @throws NullPointerException if {@code ttl} is {@code null}
     * @throws IllegalArgumentException if {@code ttl} is shorter than {@link #MIN}
     */
    static Duration check(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("the time to live must be at least " + MIN.toMillis() + " ms: " + ttl);
        }
        return ttl;
    }
}
