package io.github.slurm4j.redis;

import io.github.slurm4j.redis.stats.ClusterStats;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A store in this JVM with {@link RedisStore}'s semantics (atomic snapshot replacement, lock with
 * lease and fencing epochs, the same read-back): for demos and for testing a host application
 * without Redis. Thread-safe.
 */
public final class InMemoryStore implements StatsStore {
    private final Clock clock;
    private StoredStats current;
    private final Map<String, String> status = new LinkedHashMap<>();
    private String lockToken;
    private long lockUntil;
    private long epoch;
    private long fence = -1;

    /** An empty store whose lock leases run on the system clock. */
    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /**
     * An empty store whose lock leases run on {@code clock} (a test moves it to expire a lease).
     *
     * @param clock the clock leases are measured with
     */
    public InMemoryStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean write(ClusterStats s, Fence f) {
        if (f != null) {
            if (!f.token().equals(heldToken()) || f.epoch() < fence) {
                return false;
            }
            fence = f.epoch();
        }
        current = new StoredStats(s.node(), s.job(), s.pue(), s.brief(), s.jobs(), s.nodes(), Map.of());
        return true;
    }

    @Override
    public synchronized void writeStatus(Map<String, String> fields) {
        status.putAll(fields);
    }

    @Override
    public synchronized Optional<StoredStats> read() {
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredStats(current.node(), current.job(), current.pue(), current.brief(), current.jobs(),
                current.nodes(), status));
    }

    /** {@return the collector status fields alone (also before the first snapshot); a copy} */
    public synchronized Map<String, String> status() {
        return Map.copyOf(status);
    }

    @Override
    public synchronized Optional<Fence> tryAcquire(String collectorId, Duration lease) {
        epoch++;
        if (heldToken() != null) {
            return Optional.empty();
        }
        lockToken = collectorId + ":" + epoch;
        lockUntil = clock.millis() + lease.toMillis();
        return Optional.of(new Fence(lockToken, epoch));
    }

    @Override
    public synchronized boolean renew(Fence f, Duration lease) {
        if (!f.token().equals(heldToken())) {
            return false;
        }
        lockUntil = clock.millis() + lease.toMillis();
        return true;
    }

    @Override
    public synchronized void release(Fence f) {
        if (f.token().equals(heldToken())) {
            lockToken = null;
        }
    }

    private String heldToken() {
        return lockToken != null && clock.millis() < lockUntil ? lockToken : null;
    }
}
