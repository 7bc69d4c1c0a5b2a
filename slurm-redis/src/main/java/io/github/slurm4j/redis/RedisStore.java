package io.github.slurm4j.redis;

import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.redis.stats.JsonRows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Writes snapshots to Redis over a caller-owned {@link UnifiedJedis} (standalone, Sentinel or
 * Cluster; password, ACL user, TLS and database index are the client's own configuration) and
 * reads them back.
 *
 * <p>A snapshot goes out in one pipelined round trip. Each key is replaced atomically: its new
 * content is written to a temporary key {@code {<live key>}:tmp:…} (same Cluster slot as the live
 * key), then one Lua script checks the fence and {@code RENAME}s the temporary key over the live
 * one; an empty list or hash has nothing to rename, so the script {@code DEL}s the live key. A
 * reader sees the old content or the new one, never a missing, partly written or accidentally
 * empty key. The script is the transaction: it runs atomically like {@code MULTI}/{@code EXEC}
 * and, unlike them, can refuse the swap.
 *
 * <p>Fencing: with a {@link Fence}, the swap runs only if no later epoch has taken the key
 * ({@code {<live key>}:fence}, in the key's slot, so it works in Cluster; a new lock holder
 * raises every key's fence to its epoch as it takes the lock) and — when all keys live on one
 * server (not Cluster) — only if the lock still holds the fence's token. A collector that paused
 * past its lease cannot overwrite its successor's data, even before the successor's first write.
 *
 * <p>The store never closes the client.
 */
public final class RedisStore implements StatsStore {
    /** KEYS: tmp, live, fence[, lock]; ARGV: epoch ('' for no fence), rename|del, ttl ms, token. */
    static final String SWAP = String.join("\n",
            "if KEYS[4] and redis.call('GET', KEYS[4]) ~= ARGV[4] then redis.call('DEL', KEYS[1]) return 0 end",
            "if ARGV[1] ~= '' then",
            "  local f = tonumber(redis.call('GET', KEYS[3]) or '-1')",
            "  if tonumber(ARGV[1]) < f then redis.call('DEL', KEYS[1]) return 0 end",
            "  redis.call('SET', KEYS[3], ARGV[1])",
            "end",
            // UNLINK frees the old value in the background: a large old list does not block readers
            "redis.call('UNLINK', KEYS[2])",
            "if ARGV[2] ~= 'del' then",
            "  redis.call('RENAME', KEYS[1], KEYS[2])",
            // RENAME carries the temporary key's own expiry over: the live key gets the store's TTL, or none
            "  if tonumber(ARGV[3]) > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) else redis.call('PERSIST', KEYS[2]) end",
            "end",
            "return 1");
    static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) else return 0 end";
    /**
     * KEYS: epoch; ARGV: the highest fence. The next epoch, above every fence: a counter lost with
     * its server (Cluster: another slot than the fences) starts again above them, not at 1.
     */
    static final String NEXT_EPOCH = "local e = redis.call('INCR', KEYS[1]) "
            + "if e <= tonumber(ARGV[1]) then e = tonumber(ARGV[1]) + 1 redis.call('SET', KEYS[1], e) end return e";
    /** KEYS: fence; ARGV: epoch. Raises the fence to the epoch, never lowers it. */
    static final String RAISE_FENCE = "if tonumber(redis.call('GET', KEYS[1]) or '-1') < tonumber(ARGV[1]) then "
            + "redis.call('SET', KEYS[1], ARGV[1]) end return 1";
    /** RPUSH batch size: keeps each command's arguments bounded for huge lists. */
    static final int BATCH = 1000;
    /** A temporary key left by a broken connection expires by itself. */
    static final long TEMP_TTL_MS = 120_000;

    private final UnifiedJedis jedis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final boolean cluster;
    private final String writer = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    /**
     * A store without TTL: the snapshot's keys live until the next write replaces them. Cluster is
     * recognised from the client's class.
     *
     * @param jedis the client: standalone ({@code RedisClient}, {@code JedisPooled}), Sentinel, or
     *     Cluster as {@code RedisClusterClient} or {@code JedisCluster} (their pipelines route each
     *     command to its slot's node); its password, TLS and database are its own configuration;
     *     not closed by the store
     * @param keys the cluster's key names
     * @throws NullPointerException if {@code jedis} or {@code keys} is null
     */
    public RedisStore(UnifiedJedis jedis, RedisKeys keys) {
        this(jedis, keys, null);
    }

    /**
     * A store whose snapshot keys expire when no new write comes.
     *
     * @param jedis the client; not closed by the store
     * @param keys the cluster's key names
     * @param ttl how long the snapshot's keys live without a new write (a dead collector's data
     *     then disappears), or {@code null} for no TTL
     * @throws NullPointerException if {@code jedis} or {@code keys} is null
     */
    public RedisStore(UnifiedJedis jedis, RedisKeys keys, Duration ttl) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ttl = ttl;
        this.cluster = jedis instanceof JedisCluster || jedis instanceof RedisClusterClient;
    }

    /** {@return the key names this store writes and reads} */
    public RedisKeys keys() {
        return keys;
    }

    @Override
    public boolean write(ClusterStats stats, Fence fence) {
        try (AbstractPipeline p = jedis.pipelined()) {
            List<Response<Object>> swaps = new ArrayList<>();
            swaps.add(hash(p, keys.clusterNode(), stats.node(), fence));
            swaps.add(hash(p, keys.clusterJob(), stats.job(), fence));
            swaps.add(hash(p, keys.clusterPue(), stats.pue(), fence));
            swaps.add(hash(p, keys.clusterBrief(), stats.brief(), fence));
            swaps.add(list(p, keys.jobs(), stats.jobs(), fence));
            swaps.add(list(p, keys.nodes(), stats.nodes(), fence));
            p.sync();
            boolean all = true;
            for (Response<Object> r : swaps) {
                all &= Long.valueOf(1).equals(r.get());
            }
            return all;
        } catch (JedisException e) {
            throw new StoreException("writing the snapshot of " + keys.cluster() + " to Redis failed: " + e.getMessage(), e);
        }
    }

    private Response<Object> hash(AbstractPipeline p, String live, Map<String, String> fields, Fence fence) {
        String tmp = keys.temp(live, writer, sequence.incrementAndGet());
        if (fields.isEmpty()) {
            return swap(p, tmp, live, fence, "del");
        }
        Map<byte[], byte[]> m = new LinkedHashMap<>();
        fields.forEach((k, v) -> m.put(bytes(k), bytes(v)));
        p.hset(bytes(tmp), m);
        p.pexpire(bytes(tmp), TEMP_TTL_MS);
        return swap(p, tmp, live, fence, "rename");
    }

    private Response<Object> list(AbstractPipeline p, String live, List<String> values, Fence fence) {
        String tmp = keys.temp(live, writer, sequence.incrementAndGet());
        if (values.isEmpty()) {
            return swap(p, tmp, live, fence, "del");
        }
        byte[] t = bytes(tmp);
        // rows computed by StatsCalculator are UTF-8 already: no decoding and encoding again
        JsonRows utf8 = values instanceof JsonRows r ? r : null;
        for (int from = 0; from < values.size(); from += BATCH) {
            int to = Math.min(values.size(), from + BATCH);
            byte[][] batch = new byte[to - from][];
            for (int i = from; i < to; i++) {
                batch[i - from] = utf8 != null ? utf8.utf8(i) : bytes(values.get(i));
            }
            p.rpush(t, batch);
            if (from == 0) {
                p.pexpire(t, TEMP_TTL_MS);
            }
        }
        return swap(p, tmp, live, fence, "rename");
    }

    private Response<Object> swap(AbstractPipeline p, String tmp, String live, Fence fence, String mode) {
        List<String> k = new ArrayList<>(4);
        k.add(tmp);
        k.add(live);
        k.add(keys.fence(live));
        if (fence != null && !cluster) {
            k.add(keys.lock());
        }
        List<String> a = List.of(fence == null ? "" : Long.toString(fence.epoch()), mode,
                Long.toString(ttl == null ? 0 : ttl.toMillis()), fence == null ? "" : fence.token());
        return p.eval(SWAP, k, a);
    }

    @Override
    public void writeStatus(Map<String, String> fields) {
        try {
            jedis.hset(keys.collectorStatus(), fields);
        } catch (JedisException e) {
            throw new StoreException("writing the collector status to Redis failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredStats> read() {
        try {
            Map<String, String> node = jedis.hgetAll(keys.clusterNode());
            if (node.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StoredStats(node, jedis.hgetAll(keys.clusterJob()), jedis.hgetAll(keys.clusterPue()),
                    jedis.hgetAll(keys.clusterBrief()), jedis.lrange(keys.jobs(), 0, -1),
                    jedis.lrange(keys.nodes(), 0, -1), jedis.hgetAll(keys.collectorStatus())));
        } catch (JedisException e) {
            throw new StoreException("reading the snapshot of " + keys.cluster() + " from Redis failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The new holder's epoch is above every key's fence, and once it holds the lock it raises
     * every key's fence to its epoch before its first write: from then on a former holder's swap
     * is refused on every key, in Cluster too, where the swap script cannot read the lock (another
     * slot).
     */
    @Override
    public Optional<Fence> tryAcquire(String collectorId, Duration lease) {
        try {
            long highest = -1;
            for (String live : keys.snapshotKeys()) {
                String f = jedis.get(keys.fence(live));
                if (f != null) {
                    highest = Math.max(highest, Long.parseLong(f));
                }
            }
            long epoch = (Long) jedis.eval(NEXT_EPOCH, List.of(keys.epoch()), List.of(Long.toString(highest)));
            String token = collectorId + ":" + epoch;
            String ok = jedis.set(keys.lock(), token, SetParams.setParams().nx().px(lease.toMillis()));
            if (!"OK".equals(ok)) {
                return Optional.empty();
            }
            for (String live : keys.snapshotKeys()) {
                jedis.eval(RAISE_FENCE, List.of(keys.fence(live)), List.of(Long.toString(epoch)));
            }
            return Optional.of(new Fence(token, epoch));
        } catch (JedisException | NumberFormatException e) {
            throw new StoreException("taking the collector lock failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean renew(Fence fence, Duration lease) {
        try {
            Object r = jedis.eval(RENEW, List.of(keys.lock()), List.of(fence.token(), Long.toString(lease.toMillis())));
            return Long.valueOf(1).equals(r);
        } catch (JedisException e) {
            throw new StoreException("renewing the collector lock failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Fence fence) {
        try {
            jedis.eval(RELEASE, List.of(keys.lock()), List.of(fence.token()));
        } catch (JedisException e) {
            throw new StoreException("releasing the collector lock failed: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
