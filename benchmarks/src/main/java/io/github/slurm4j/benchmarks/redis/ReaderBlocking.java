package io.github.slurm4j.benchmarks.redis;

import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.redis.stats.PowerReading;
import io.github.slurm4j.redis.stats.StatsCalculator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * How long a concurrent reader waits while snapshots of 10,000 nodes / 100,000 jobs are swapped in:
 * a reader does {@code HGET [cluster]_cluster_node all_cpu_tot} in a loop, first with no writer
 * (the machine's own noise), then during 20 snapshot writes; prints p50, p99 and max of each.
 * {@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.redis.ReaderBlocking}
 */
public final class ReaderBlocking {
    private ReaderBlocking() {
    }

    public static void main(String[] args) throws Exception {
        DefaultJedisClientConfig cfg = DefaultJedisClientConfig.builder().password("slurm4j-redis-test").timeoutMillis(60_000).build();
        try (RedisClient writer = RedisClient.builder().hostAndPort("127.0.0.1", 16379).clientConfig(cfg).build();
                RedisClient reader = RedisClient.builder().hostAndPort("127.0.0.1", 16379).clientConfig(cfg).build()) {
            Random r = new Random(42);
            ClusterStats stats = StatsCalculator.compute(RedisSnapshotBenchmark.generateNodes(r, 10_000),
                    RedisSnapshotBenchmark.generateJobs(r, 100_000, 10_000), PowerReading.NONE,
                    ZonedDateTime.now(ZoneId.of("UTC")));
            RedisKeys keys = new RedisKeys("benchreader");
            RedisStore store = new RedisStore(writer, keys);
            store.write(stats, null);
            report("no writer", read(reader, keys, () -> sleep(8000)));
            report("during 20 swaps", read(reader, keys, () -> {
                for (int i = 0; i < 20; i++) {
                    store.write(stats, null);
                }
            }));
            for (String k : keys.snapshotKeys()) {
                writer.del(k);
            }
        }
    }

    private static List<Long> read(RedisClient reader, RedisKeys keys, Runnable meanwhile) throws InterruptedException {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread t = new Thread(() -> {
            while (!done.get()) {
                long t0 = System.nanoTime();
                String v = reader.hget(keys.clusterNode(), "all_cpu_tot");
                micros.add((System.nanoTime() - t0) / 1000);
                if (v == null) {
                    throw new IllegalStateException("missing key seen");
                }
            }
        });
        t.start();
        meanwhile.run();
        done.set(true);
        t.join();
        return micros;
    }

    private static void report(String what, List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        System.out.printf("%s: %d reads, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, s.size(),
                s.get(s.size() / 2) / 1000.0, s.get((int) (s.size() * 0.99)) / 1000.0, s.get(s.size() - 1) / 1000.0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
