package io.github.slurm4j.redis.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.redis.Fence;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisLab;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.StatsStore;
import io.github.slurm4j.redis.StoredStats;
import io.github.slurm4j.redis.collect.ClusterCollector.Outcome;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The collector's failure modes against the real Redis: restart, a killed leader, a paused leader. */
class CollectorFailoverIT {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Every successful write: who, when. */
    record Write(String collector, long atMillis) {
    }

    /** A store that records which collector's writes went through. */
    static final class Recording implements StatsStore {
        final StatsStore inner;
        final String id;
        final List<Write> log;

        Recording(StatsStore inner, String id, List<Write> log) {
            this.inner = inner;
            this.id = id;
            this.log = log;
        }

        @Override
        public boolean write(ClusterStats stats, Fence fence) {
            boolean ok = inner.write(stats, fence);
            if (ok) {
                log.add(new Write(id, System.currentTimeMillis()));
            }
            return ok;
        }

        @Override
        public void writeStatus(Map<String, String> fields) {
            inner.writeStatus(fields);
        }

        @Override
        public Optional<StoredStats> read() {
            return inner.read();
        }

        @Override
        public Optional<Fence> tryAcquire(String collectorId, Duration lease) {
            return inner.tryAcquire(collectorId, lease);
        }

        @Override
        public boolean renew(Fence fence, Duration lease) {
            return inner.renew(fence, lease);
        }

        @Override
        public void release(Fence fence) {
            inner.release(fence);
        }
    }

    private static ClusterSource fake() {
        FakeSlurm slurm = FakeSlurm.builder().build();
        SlurmClient client = new SlurmClient(slurm);
        client.submit(SubmitRequest.script("#!/bin/sh\nsleep 3600\n").name("a").build());
        client.submit(SubmitRequest.script("#!/bin/sh\nsleep 3600\n").name("b").gpus("1").build());
        slurm.advance(Duration.ofSeconds(1));
        return new SlurmClusterSource(client);
    }

    @Test
    void redisRestartedMidRunTheCollectorRecovers() throws Exception {
        RedisLab.requireStandalone();
        RedisKeys keys = new RedisKeys("failover-restart");
        try (RedisClient jedis = RedisLab.standalone();
                ClusterCollector c = ClusterCollector.builder(fake(), new RedisStore(jedis, keys)).interval(INTERVAL)
                        .collectorId("r").build().start()) {
            awaitKey(jedis, keys.jobs(), 10_000);
            long t0 = System.nanoTime();
            RedisLab.restartStandalone(); // no persistence: every key is gone
            awaitKey(jedis, keys.jobs(), 15_000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("CollectorFailoverIT: snapshot back %d ms after the restart began%n", ms);
            assertThat(jedis.llen(keys.jobs())).isEqualTo(2);
            assertThat(jedis.hgetAll(keys.clusterNode())).containsKey("all_cpu_tot");
            assertThat(jedis.hget(keys.collectorStatus(), "collector_id")).isEqualTo("r");
        }
    }

    @Test
    void twoCollectorsTheLeaderKilledTheOtherTakesOverWithinTwoIntervalsNeverBothAtOnce() throws Exception {
        RedisLab.requireStandalone();
        RedisKeys keys = new RedisKeys("failover-kill");
        List<Write> log = new CopyOnWriteArrayList<>();
        try (RedisClient jedis = RedisLab.standalone()) {
            jedis.del(keys.lock());
            ClusterSource source = fake();
            ClusterCollector a = ClusterCollector.builder(source, new Recording(new RedisStore(jedis, keys), "a", log))
                    .interval(INTERVAL).locking(true).collectorId("a").build().start();
            Thread.sleep(300);
            ClusterCollector b = ClusterCollector.builder(source, new Recording(new RedisStore(jedis, keys), "b", log))
                    .interval(INTERVAL).locking(true).collectorId("b").build().start();
            try {
                Thread.sleep(3500);
                assertThat(log).extracting(Write::collector).containsOnly("a").isNotEmpty();
                long killed = System.currentTimeMillis();
                a.halt(); // crashed: the lock is not released
                long deadline = killed + 2 * INTERVAL.toMillis() + 500;
                while (log.stream().noneMatch(w -> w.collector().equals("b")) && System.currentTimeMillis() < deadline + 2000) {
                    Thread.sleep(50);
                }
                Write firstB = log.stream().filter(w -> w.collector().equals("b")).findFirst().orElseThrow();
                System.out.printf("CollectorFailoverIT: b wrote %d ms after a was killed%n", firstB.atMillis() - killed);
                assertThat(firstB.atMillis() - killed).isLessThanOrEqualTo(2 * INTERVAL.toMillis() + 300);
                Thread.sleep(1500);
                // never both: no write by a after b's first, none by b before a died
                assertThat(log.stream().filter(w -> w.collector().equals("a")).mapToLong(Write::atMillis).max().orElse(0))
                        .isLessThan(firstB.atMillis());
                assertThat(log.stream().filter(w -> w.collector().equals("b")).mapToLong(Write::atMillis).min().orElseThrow())
                        .isGreaterThanOrEqualTo(killed);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void aDeliberatelyPausedLeaderIsFencedOutByRedis() throws Exception {
        RedisLab.requireStandalone();
        RedisKeys keys = new RedisKeys("failover-pause");
        try (RedisClient jedis = RedisLab.standalone()) {
            jedis.del(keys.lock());
            ClusterSource real = fake();
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            int[] reads = {0};
            ClusterSource pausing = () -> {
                ClusterReading r = real.read();
                if (++reads[0] == 2) {
                    paused.countDown();
                    try {
                        resume.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new ClusterReading(r.nodes(), List.of(), r.power(), r.time()); // stale: no jobs
                }
                return r;
            };
            ClusterCollector a = ClusterCollector.builder(pausing, new RedisStore(jedis, keys)).interval(INTERVAL)
                    .locking(true).collectorId("a").build();
            ClusterCollector b = ClusterCollector.builder(real, new RedisStore(jedis, keys)).interval(INTERVAL)
                    .locking(true).collectorId("b").build();
            assertThat(a.runOnce()).isEqualTo(Outcome.WRITTEN);
            Thread t = new Thread(a::runOnce);
            t.start();
            assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(INTERVAL.toMillis() + 300); // a's lease runs out while it is paused (as in a long GC)
            assertThat(b.runOnce()).isEqualTo(Outcome.WRITTEN);
            resume.countDown();
            t.join(10_000);
            assertThat(a.lastOutcome()).isEqualTo(Outcome.FENCED);
            assertThat(jedis.llen(keys.jobs())).as("b's snapshot, not a's stale one").isEqualTo(2);
            b.close();
        }
    }

    private static void awaitKey(RedisClient jedis, String key, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            try {
                if (jedis.exists(key)) {
                    return;
                }
            } catch (RuntimeException e) {
                // Redis is restarting
            }
            Thread.sleep(50);
        }
        throw new AssertionError(key + " did not appear within " + ms + " ms");
    }
}
