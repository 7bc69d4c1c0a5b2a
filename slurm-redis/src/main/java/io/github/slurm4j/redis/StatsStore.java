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
     * @param stats the snapshot: the hashes and lists of {@link RedisKeys}
     * @param fence the holder's fence, or {@code null} when no lock is used (one collector only)
     * @return {@code false} when fenced out (another collector holds the lock or wrote a later epoch)
     * @throws StoreException when the store cannot be reached
     */
    boolean write(ClusterStats stats, Fence fence);

    /**
     * Sets fields of {@code [cluster]_collector_status} (the others stay).
     *
     * @param fields field → value, of {@link RedisKeys#STATUS_FIELDS} and the timing fields
     * @throws StoreException when the store cannot be reached
     */
    void writeStatus(Map<String, String> fields);

    /**
     * The snapshot as readers see it, or empty before the first write.
     *
     * @return the snapshot with the collector status
     * @throws StoreException when the store cannot be reached
     */
    Optional<StoredStats> read();

    /**
     * Takes the collectors' lock for {@code lease} if nobody holds it; every attempt takes a new epoch.
     *
     * @param collectorId the collector's id, part of the lock's token
     * @param lease how long the lock holds without a {@link #renew}
     * @return the new fence, or empty when another collector holds the lock
     * @throws StoreException when the store cannot be reached
     */
    Optional<Fence> tryAcquire(String collectorId, Duration lease);

    /**
     * Extends the lease if {@code fence} still holds the lock.
     *
     * @param fence the fence {@link #tryAcquire} gave
     * @param lease the new lease, from now
     * @return {@code false} when the lock was lost (expired or taken over)
     * @throws StoreException when the store cannot be reached
     */
    boolean renew(Fence fence, Duration lease);

    /**
     * Gives the lock up if {@code fence} holds it; otherwise does nothing.
     *
     * @param fence the fence {@link #tryAcquire} gave
     * @throws StoreException when the store cannot be reached
     */
    void release(Fence fence);
}
