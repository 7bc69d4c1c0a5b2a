package io.github.slurm4j.redis;

import io.github.slurm4j.redis.stats.ClusterStats;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where snapshots go and where web servers read them back: {@link RedisStore}, or
 * {@link InMemoryStore} for demos and host-app tests. Both keep the same schema and read-back.
 */
public interface StatsStore {

    /**
     * Replaces every key of the snapshot, each atomically.
     *
     * @param fence the holder's fence, or {@code null} when no lock is used (one collector only)
     * @return {@code false} when fenced out (another collector holds the lock or wrote a later epoch)
     * @throws StoreException when the store cannot be reached
     */
    boolean write(ClusterStats stats, Fence fence);

    /** Sets fields of {@code [cluster]_collector_status} (the others stay). */
    void writeStatus(Map<String, String> fields);

    /** The snapshot as readers see it, or empty before the first write. */
    Optional<StoredStats> read();

    /** Takes the collectors' lock for {@code lease} if nobody holds it; the new fence, or empty. */
    Optional<Fence> tryAcquire(String collectorId, Duration lease);

    /** Extends the lease if {@code fence} still holds the lock; {@code false} when it was lost. */
    boolean renew(Fence fence, Duration lease);

    /** Gives the lock up if {@code fence} holds it. */
    void release(Fence fence);
}
