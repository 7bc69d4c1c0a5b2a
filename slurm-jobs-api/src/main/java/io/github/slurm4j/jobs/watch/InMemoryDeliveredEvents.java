package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.model.JobId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DeliveredEvents} in this JVM's memory: each claim is remembered for a time to live
 * (default 7 days), so a job that shows up again later (a watch by user after a watch by id, a
 * job slurmctld still lists for {@code MinJobAge}) is not delivered again. Shared by several
 * watchers of one application if given to each; lost with the process. Thread-safe.
 */
public final class InMemoryDeliveredEvents implements DeliveredEvents {
    /** The default time a claim is remembered. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Instant> claims = new ConcurrentHashMap<>();
    private int sincePrune;

    /** Claims remembered for {@link #DEFAULT_TTL} on the system clock. */
    public InMemoryDeliveredEvents() {
        this(DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * Claims remembered for {@code ttl} on {@code clock}.
     *
     * @param ttl how long a claim is remembered; at least a millisecond, as in {@link RedisDeliveredEvents}
     * @param clock the clock the time to live runs on (a simulated cluster's in tests)
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code ttl} is shorter than a millisecond
     */
    public InMemoryDeliveredEvents(Duration ttl, Clock clock) {
        this.ttl = DeliveredTtl.check(ttl);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean claim(String cluster, JobId job) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        String key = Objects.requireNonNull(cluster, "cluster") + "\u0000" + Objects.requireNonNull(job, "job");
        boolean[] first = {false};
        claims.compute(key, (k, old) -> {
            if (old == null || !old.isAfter(now)) {
                first[0] = true;
                return until;
            }
            return old;
        });
        prune(now, false);
        return first[0];
    }

    /** {@return how many claims are remembered now (expired ones are dropped first)} */
    public int size() {
        prune(clock.instant(), true);
        return claims.size();
    }

    /** Drops expired claims: every 1024 claims (an amortised sweep), or now when {@code force}. */
    private void prune(Instant now, boolean force) {
        synchronized (this) {
            if (!force && ++sincePrune < 1024) {
                return;
            }
            sincePrune = 0;
        }
        for (Iterator<Instant> it = claims.values().iterator(); it.hasNext();) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
    }
}
