package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link DeliveredEvents} in Redis, so that several instances of an application watching the same
 * jobs, or one restarted, deliver each job's end once between them. A claim is one atomic
 * {@code SET key value NX PX ttl} on the key {@link RedisKeys#watchDelivered(JobId)} of the job
 * ({@code [cluster]_watch_delivered:<job id>}): the first instance sets it and delivers, the others
 * find it set. The value names the instance and the time, for whoever looks; the key expires after
 * the time to live (default 7 days), which bounds what Redis keeps. One key per job, so it works
 * the same on Redis Cluster.
 *
 * <p>Needs {@code slurm-redis} (and Jedis), an optional dependency of {@code slurm-jobs-api}:
 * declare it in the application. The client belongs to the caller and is not closed here. A Redis
 * failure is thrown as a {@link StoreException}; the watcher then holds the end back and claims it
 * again in its next cycle, so a Redis outage delays ends, it never doubles them.
 */
public final class RedisDeliveredEvents implements DeliveredEvents {
    private final UnifiedJedis jedis;
    private final Duration ttl;
    private final String instance;

    /**
     * Claims kept for {@link InMemoryDeliveredEvents#DEFAULT_TTL}.
     *
     * @param jedis the Redis client (standalone, Sentinel or Cluster), owned by the caller
     * @throws NullPointerException if {@code jedis} is {@code null}
     */
    public RedisDeliveredEvents(UnifiedJedis jedis) {
        this(jedis, InMemoryDeliveredEvents.DEFAULT_TTL);
    }

    /**
     * Claims kept for {@code ttl}.
     *
     * @param jedis the Redis client (standalone, Sentinel or Cluster), owned by the caller
     * @param ttl how long Redis keeps a claim; at least a millisecond ({@code PX} is in milliseconds)
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code ttl} is shorter than a millisecond
     */
    public RedisDeliveredEvents(UnifiedJedis jedis, Duration ttl) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.ttl = DeliveredTtl.check(ttl);
        this.instance = UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean claim(String cluster, JobId job) {
        String key = new RedisKeys(cluster).watchDelivered(job);
        try {
            String ok = jedis.set(key, instance + " " + Instant.now(), SetParams.setParams().nx().px(ttl.toMillis()));
            return "OK".equals(ok);
        } catch (JedisException e) {
            throw new StoreException("claiming the end of job " + job + " of " + cluster + " in Redis failed: " + e.getMessage(), e);
        }
    }
}
