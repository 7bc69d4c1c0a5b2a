package io.github.slurm4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.redis.stats.ClusterStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;

/** RedisStore against the real standalone server and the real three-master cluster. */
class RedisStoreIT {

    private static UnifiedJedis client(String mode) {
        if (mode.equals("cluster")) {
            RedisLab.requireCluster();
            return RedisLab.cluster();
        }
        RedisLab.requireStandalone();
        return RedisLab.standalone();
    }

    /** A snapshot whose lists have {@code size} elements, each saying the size and the generation. */
    static ClusterStats snapshot(int generation, int size) {
        Map<String, String> node = new LinkedHashMap<>();
        for (String f : RedisKeys.NODE_FIELDS) {
            node.put(f, Integer.toString(generation));
        }
        Map<String, String> job = new LinkedHashMap<>();
        for (String f : RedisKeys.JOB_FIELDS) {
            job.put(f, Integer.toString(generation));
        }
        Map<String, String> brief = new LinkedHashMap<>();
        for (String f : RedisKeys.BRIEF_FIELDS) {
            brief.put(f, "0.5000");
        }
        List<String> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add("{\"n\":" + size + ",\"g\":" + generation + ",\"i\":" + i + "}");
        }
        return new ClusterStats(Instant.now(), "2026-12-02 12:00:00", node, job, Map.of(), brief, rows, rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"standalone", "cluster"})
    void writesReadsBackAndLeavesNoTemporaryKey(String mode) {
        try (UnifiedJedis jedis = client(mode)) {
            RedisKeys keys = new RedisKeys("it1" + mode);
            RedisStore store = new RedisStore(jedis, keys, Duration.ofMinutes(5));
            assertThat(store.write(snapshot(1, 2500), null)).isTrue();
            StoredStats s = store.read().orElseThrow();
            assertThat(s.jobs()).hasSize(2500);
            assertThat(s.node().keySet()).containsExactlyInAnyOrderElementsOf(RedisKeys.NODE_FIELDS);
            assertThat(jedis.pttl(keys.jobs())).isPositive();
            assertThat(jedis.exists(keys.clusterPue())).isFalse(); // empty hash: DEL, never an empty key
            // an empty list replaces a full one by DEL
            assertThat(store.write(snapshot(2, 0), null)).isTrue();
            assertThat(jedis.exists(keys.jobs())).isFalse();
            assertThat(jedis.hget(keys.clusterNode(), "all_cpu_tot")).isEqualTo("2");
            String port = Integer.toString(mode.equals("cluster") ? RedisLab.CLUSTER_PORTS.get(0) : RedisLab.PORT);
            for (int p : mode.equals("cluster") ? RedisLab.CLUSTER_PORTS : List.of(RedisLab.PORT)) {
                assertThat(RedisLab.cli(p, "--scan", "--pattern", "*" + keys.cluster() + "*:tmp:*")).as(port).isBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standalone", "cluster"})
    void theLiveKeysGetTheStoresTtlNotTheTemporaryKeysExpiry(String mode) {
        try (UnifiedJedis jedis = client(mode)) {
            RedisKeys keys = new RedisKeys("it5" + mode);
            List<String> live = List.of(keys.clusterNode(), keys.clusterJob(), keys.clusterBrief(), keys.jobs(), keys.nodes());
            // a temporary key expires by itself (a broken connection leaves none behind); RENAME carries
            // that expiry over, so without a TTL the last good snapshot would vanish minutes after a write
            assertThat(new RedisStore(jedis, keys).write(snapshot(1, 10), null)).isTrue();
            for (String k : live) {
                assertThat(jedis.pttl(k)).as(k).isEqualTo(-1L);
            }
            assertThat(new RedisStore(jedis, keys, Duration.ofMinutes(5)).write(snapshot(2, 10), null)).isTrue();
            for (String k : live) {
                assertThat(jedis.pttl(k)).as(k).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
            }
            // and back to no TTL: PERSIST clears the one the last write set
            assertThat(new RedisStore(jedis, keys).write(snapshot(3, 10), null)).isTrue();
            for (String k : live) {
                assertThat(jedis.pttl(k)).as(k).isEqualTo(-1L);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standalone", "cluster"})
    void aReaderNeverSeesAMissingEmptyOrHalfWrittenKeyDuring1000Writes(String mode) throws Exception {
        try (UnifiedJedis jedis = client(mode); UnifiedJedis reader = client(mode)) {
            RedisKeys keys = new RedisKeys("it2" + mode);
            RedisStore store = new RedisStore(jedis, keys);
            store.write(snapshot(0, 100), null);
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicLong reads = new AtomicLong();
            Thread t = new Thread(() -> {
                while (!done.get()) {
                    Map<String, String> node = reader.hgetAll(keys.clusterNode());
                    List<String> jobs = reader.lrange(keys.jobs(), 0, -1);
                    reads.incrementAndGet();
                    if (node.size() != RedisKeys.NODE_FIELDS.size()) {
                        problems.add("node hash with " + node.size() + " fields");
                    }
                    if (jobs.isEmpty()) {
                        problems.add("empty or missing jobs list");
                    } else {
                        String first = jobs.get(0);
                        int n = Integer.parseInt(first.substring(first.indexOf(':') + 1, first.indexOf(',')));
                        if (n != jobs.size()) {
                            problems.add("jobs list of " + jobs.size() + " elements, written with " + n);
                        }
                    }
                }
            });
            t.start();
            long t0 = System.nanoTime();
            for (int g = 1; g <= 1000; g++) {
                assertThat(store.write(snapshot(g, 50 + (g * 37) % 1500), null)).isTrue();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            done.set(true);
            t.join();
            System.out.printf("RedisStoreIT %s: 1000 snapshot writes in %d ms, %d concurrent reads%n", mode, ms, reads.get());
            assertThat(problems).isEmpty();
            assertThat(reads.get()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standalone", "cluster"})
    void aFencedOutHolderCannotOverwriteItsSuccessor(String mode) throws Exception {
        try (UnifiedJedis jedis = client(mode)) {
            RedisKeys keys = new RedisKeys("it3" + mode);
            RedisLab.cli(mode.equals("cluster") ? RedisLab.CLUSTER_PORTS.get(0) : RedisLab.PORT, "del", keys.lock());
            RedisStore a = new RedisStore(jedis, keys);
            RedisStore b = new RedisStore(jedis, keys);
            Fence fa = a.tryAcquire("a", Duration.ofMillis(300)).orElseThrow();
            assertThat(b.tryAcquire("b", Duration.ofMillis(300))).isEmpty();
            assertThat(a.write(snapshot(1, 10), fa)).isTrue();
            Thread.sleep(450); // a pauses past its lease
            Fence fb = b.tryAcquire("b", Duration.ofSeconds(10)).orElseThrow();
            assertThat(fb.epoch()).isGreaterThan(fa.epoch());
            assertThat(b.write(snapshot(2, 20), fb)).isTrue();
            assertThat(a.write(snapshot(3, 30), fa)).isFalse();
            assertThat(a.renew(fa, Duration.ofSeconds(1))).isFalse();
            StoredStats s = a.read().orElseThrow();
            assertThat(s.jobs()).hasSize(20);
            assertThat(s.node().get("all_cpu_tot")).isEqualTo("2");
            b.release(fb);
            assertThat(jedis.exists(keys.lock())).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standalone", "cluster"})
    void aNewHolderFencesTheOldOneOutBeforeItsFirstWriteEvenWhenTheEpochCounterWasLost(String mode) throws Exception {
        try (UnifiedJedis jedis = client(mode)) {
            RedisKeys keys = new RedisKeys("it4" + mode);
            jedis.del(keys.lock());
            jedis.del(keys.epoch());
            for (String live : keys.snapshotKeys()) {
                jedis.del(keys.fence(live));
            }
            RedisStore a = new RedisStore(jedis, keys);
            RedisStore b = new RedisStore(jedis, keys);
            Fence fa = a.tryAcquire("a", Duration.ofMillis(300)).orElseThrow();
            assertThat(a.write(snapshot(1, 10), fa)).isTrue();
            // the counter is lost with its server (in Cluster it lives in another slot than the fences)
            jedis.del(keys.epoch());
            Thread.sleep(450); // a pauses past its lease
            Fence fb = b.tryAcquire("b", Duration.ofSeconds(10)).orElseThrow();
            assertThat(fb.epoch()).isGreaterThan(fa.epoch());
            // b has not written yet: a's swap is refused on every key all the same
            assertThat(a.write(snapshot(2, 20), fa)).isFalse();
            StoredStats s = b.read().orElseThrow();
            assertThat(s.jobs()).hasSize(10);
            assertThat(s.node().get("all_cpu_tot")).isEqualTo("1");
            assertThat(b.write(snapshot(3, 30), fb)).isTrue();
            assertThat(b.read().orElseThrow().jobs()).hasSize(30);
            b.release(fb);
        }
    }
}
