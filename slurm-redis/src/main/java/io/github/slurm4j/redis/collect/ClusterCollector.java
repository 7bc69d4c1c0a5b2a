package io.github.slurm4j.redis.collect;

import io.github.slurm4j.redis.Fence;
import io.github.slurm4j.redis.StatsStore;
import io.github.slurm4j.redis.StoreException;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.redis.stats.StatsCalculator;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a cluster, computes its statistics and writes them to a store: once ({@link #runOnce}),
 * or every interval ({@link #start}).
 *
 * <ul>
 *   <li>Slurm fails: the last good snapshot stays untouched (no zeros, no empty lists) and
 *       {@code [cluster]_collector_status} records {@code last_error}, {@code last_error_time};
 *       every success records {@code last_success} and {@code cycle_ms} (plus the split
 *       {@code slurm_ms}, {@code compute_ms}, {@code redis_ms}); {@code collector_id} always.</li>
 *   <li>The store fails: the write is retried with exponential backoff (100 ms doubling, up to the
 *       interval) until it succeeds or a newer snapshot replaces it; the collector never dies.</li>
 *   <li>Several instances ({@link Builder#locking}): only the holder of the store's lock writes;
 *       the lease is {@code interval} and renewed every third of it, the others try to take it
 *       every interval, so one takes over within two intervals after the holder dies. Every write
 *       is fenced, so a holder that paused past its lease cannot overwrite its successor.</li>
 * </ul>
 */
public final class ClusterCollector implements AutoCloseable {
    /** What one cycle did. */
    public enum Outcome {
        /** The snapshot was written. */
        WRITTEN,
        /** Another instance holds the lock; nothing was read. */
        NOT_LEADER,
        /** The write was refused by the fence: the lock was lost meanwhile. */
        FENCED,
        /** Slurm could not be read; the last snapshot stays. */
        SLURM_FAILED,
        /** The store could not be reached (after the retries allowed in this cycle). */
        STORE_FAILED
    }

    private final ClusterSource source;
    private final StatsStore store;
    private final Duration interval;
    private final boolean locking;
    private final String collectorId;
    private final ZoneId zone;
    private final int onceAttempts;
    private ScheduledExecutorService scheduler;
    private volatile Fence fence;
    private volatile ClusterStats pending;
    private volatile Outcome last;
    private volatile ClusterStats lastWritten;

    private ClusterCollector(Builder b) {
        this.source = b.source;
        this.store = b.store;
        this.interval = b.interval;
        this.locking = b.locking;
        this.collectorId = b.collectorId;
        this.zone = b.zone;
        this.onceAttempts = b.onceAttempts;
    }

    /**
     * Starts configuring a collector.
     *
     * @param source where each cycle reads the cluster, e.g. a {@link SlurmClusterSource}
     * @param store where each cycle writes the snapshot and the collector status
     * @return a builder with the defaults: 30 s interval, no locking, a random id, this JVM's zone,
     *     5 store attempts per cycle
     * @throws NullPointerException if {@code source} or {@code store} is null
     */
    public static Builder builder(ClusterSource source, StatsStore store) {
        return new Builder(source, store);
    }

    /**
     * {@return this instance's id: in its lock token and in the {@code collector_id} field of
     * {@code [cluster]_collector_status}}
     */
    public String collectorId() {
        return collectorId;
    }

    /** {@return the outcome of the last cycle, or {@code null} before the first} */
    public Outcome lastOutcome() {
        return last;
    }

    /** {@return the last snapshot this collector wrote, or {@code null} before its first write} */
    public ClusterStats lastWritten() {
        return lastWritten;
    }

    /**
     * {@return whether this instance holds the lock now, as of its last acquire or renewal (always
     * {@code true} without locking)}
     */
    public boolean isLeader() {
        return !locking || fence != null;
    }

    /**
     * One cycle: take or check the lock, read, compute, write (retrying the store up to the
     * configured attempts with backoff). A failing Slurm read or a {@code StoreException} is
     * not thrown but recorded: in the outcome and, for Slurm, in {@code [cluster]_collector_status}.
     *
     * @return what the cycle did
     */
    public synchronized Outcome runOnce() {
        long t0 = System.nanoTime();
        // the fence this cycle writes under, read once: the renewal thread may clear the field meanwhile,
        // and a write without a fence would skip the lock check altogether
        Fence held = null;
        try {
            if (locking && (held = lead()) == null) {
                return last = Outcome.NOT_LEADER;
            }
        } catch (StoreException e) {
            return last = Outcome.STORE_FAILED;
        }
        ClusterReading reading;
        try {
            reading = source.read();
        } catch (RuntimeException e) {
            status(Map.of("last_error", oneLine(e), "last_error_time", now()));
            return last = Outcome.SLURM_FAILED;
        }
        long t1 = System.nanoTime();
        ClusterStats stats = StatsCalculator.compute(reading.nodes(), reading.jobs(), reading.power(), reading.time());
        long t2 = System.nanoTime();
        pending = stats;
        Outcome o = Outcome.STORE_FAILED;
        long backoff = 100;
        for (int attempt = 1; attempt <= onceAttempts && pending == stats; attempt++) {
            try {
                o = store.write(stats, held) ? Outcome.WRITTEN : Outcome.FENCED;
                break;
            } catch (StoreException e) {
                if (attempt == onceAttempts) {
                    break;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, Math.max(100, interval.toMillis()));
            }
        }
        long t3 = System.nanoTime();
        if (o == Outcome.FENCED) {
            fence = null;
        } else if (o == Outcome.WRITTEN) {
            lastWritten = stats;
            Map<String, String> s = new LinkedHashMap<>();
            s.put("last_success", stats.updateTime());
            s.put("cycle_ms", Long.toString(ms(t3 - t0)));
            s.put("slurm_ms", Long.toString(ms(t1 - t0)));
            s.put("compute_ms", Long.toString(ms(t2 - t1)));
            s.put("redis_ms", Long.toString(ms(t3 - t2)));
            status(s);
        }
        return last = o;
    }

    /** Renews the lock this collector holds, or tries to take it; returns the fence held, or {@code null}. */
    private Fence lead() {
        Duration lease = interval;
        Fence f = fence;
        if (f != null) {
            if (store.renew(f, lease)) {
                return f;
            }
            fence = null;
        }
        f = store.tryAcquire(collectorId, lease).orElse(null);
        fence = f;
        return f;
    }

    /**
     * Runs a cycle now and then every interval (measured from the end of one cycle to the start of
     * the next), on a daemon thread, until {@link #close}. With locking, the lease is also renewed
     * every third of the interval.
     *
     * @return this collector
     * @throws IllegalStateException if it was already started
     */
    public synchronized ClusterCollector start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "slurm4j-collector-" + collectorId);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::cycleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        if (locking) {
            long every = Math.max(1, interval.toMillis() / 3);
            scheduler.scheduleWithFixedDelay(this::renewSafely, every, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void cycleSafely() {
        try {
            runOnce();
        } catch (Throwable t) {
            // never let the schedule die; the status records what went wrong
            status(Map.of("last_error", oneLine(t), "last_error_time", now()));
        }
    }

    private void renewSafely() {
        Fence f = fence;
        if (f == null) {
            return;
        }
        try {
            if (!store.renew(f, interval)) {
                fence = null;
            }
        } catch (RuntimeException e) {
            // the store is down: the lease runs out by itself, and the next cycle finds out
        }
    }

    private void status(Map<String, String> fields) {
        Map<String, String> m = new LinkedHashMap<>(fields);
        m.put("collector_id", collectorId);
        try {
            store.writeStatus(m);
        } catch (RuntimeException e) {
            // the store is down: nothing to record it in; the next cycle retries
        }
    }

    /** Stops the schedule without giving the lock up, as a crashed process would (for tests). */
    synchronized void halt() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Stops the schedule and gives the lock up. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        Fence f = fence;
        fence = null;
        if (f != null) {
            try {
                store.release(f);
            } catch (RuntimeException e) {
                // the lease expires by itself
            }
        }
    }

    private String now() {
        return StatsCalculator.UPDATE_TIME.format(ZonedDateTime.now(zone));
    }

    private static String oneLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
        m = m.replace('\n', ' ').replace('\r', ' ').strip();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a collector. */
    public static final class Builder {
        private final ClusterSource source;
        private final StatsStore store;
        private Duration interval = Duration.ofSeconds(30);
        private boolean locking;
        private String collectorId = UUID.randomUUID().toString().substring(0, 8);
        private ZoneId zone = ZoneId.systemDefault();
        private int onceAttempts = 5;

        private Builder(ClusterSource source, StatsStore store) {
            this.source = Objects.requireNonNull(source, "source");
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the cycle interval (default 30 s); also the lock's lease and the longest backoff
         * between store attempts.
         *
         * @param interval the time between cycles; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is zero or negative
         */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
            this.interval = interval;
            return this;
        }

        /**
         * Sets whether to take the store's lock, for several instances collecting one cluster
         * (default false).
         *
         * @param locking {@code true} to write only while holding the lock, with fenced writes
         * @return this builder
         */
        public Builder locking(boolean locking) {
            this.locking = locking;
            return this;
        }

        /**
         * Sets this instance's id in the lock token and the status (default: 8 random hex digits).
         *
         * @param id the id; not empty, no {@code ':'} (the lock token's separator)
         * @return this builder
         * @throws IllegalArgumentException if {@code id} is empty or contains {@code ':'}
         */
        public Builder collectorId(String id) {
            if (id.isEmpty() || id.contains(":")) {
                throw new IllegalArgumentException("collector id must be non-empty without ':'");
            }
            this.collectorId = id;
            return this;
        }

        /**
         * Sets the cluster's zone, for the times in the status ({@code last_error_time}); the
         * snapshot's own {@code update_time} is in the zone of the source's reading.
         *
         * @param zone the zone (default: this JVM's)
         * @return this builder
         * @throws NullPointerException if {@code zone} is null
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets how many times one cycle tries the store write before giving the cycle up as
         * {@link Outcome#STORE_FAILED} (default 5); the waits between attempts start at 100 ms and
         * double, up to the interval.
         *
         * @param attempts the attempts per cycle; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is less than 1
         */
        public Builder storeAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1");
            }
            this.onceAttempts = attempts;
            return this;
        }

        /** {@return a collector with this configuration, not started yet} */
        public ClusterCollector build() {
            return new ClusterCollector(this);
        }
    }
}
