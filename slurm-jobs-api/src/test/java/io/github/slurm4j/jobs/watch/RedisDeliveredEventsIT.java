package io.github.slurm4j.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.StoreException;
import io.github.slurm4j.testkit.FakeSlurm;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.UsesLab;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The delivered-events set in the real Redis servers of the ITs ({@code scripts/redis.sh up}: a
 * standalone server with {@code requirepass} on 127.0.0.1:16379 and a cluster of three masters on
 * 17001–17003; ports and password repeated from slurm-redis's {@code RedisLab}): several watchers
 * with their own Redis connections — several application instances, or one restarted — deliver
 * each job's end once between them. Every run uses cluster names of its own and never flushes
 * (other tests share these servers).
 */
@UsesLab({})
class RedisDeliveredEventsIT {
    static final String HOST = "127.0.0.1";
    static final int PORT = 16379;
    static final List<Integer> CLUSTER_PORTS = List.of(17001, 17002, 17003);
    static final String PASSWORD = "slurm4j-redis-test";
    static final String NONCE = UUID.randomUUID().toString().substring(0, 8);

    private final FakeSlurm fake = FakeSlurm.builder().build();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fake.now();
        }
    };

    static JedisClientConfig config() {
        return DefaultJedisClientConfig.builder().password(PASSWORD).timeoutMillis(5000).build();
    }

    static RedisClient standalone() {
        return RedisClient.builder().hostAndPort(HOST, PORT).clientConfig(config()).build();
    }

    @BeforeAll
    static void requireRedis() {
        boolean up;
        try (RedisClient r = standalone()) {
            up = "PONG".equals(r.ping());
        } catch (RuntimeException e) {
            up = false;
        }
        String message = "the test Redis on " + HOST + ":" + PORT + " is not running; start it with `scripts/redis.sh up`";
        if (!up && Lab.inCi()) {
            fail("CI=true and " + message);
        }
        assumeTrue(up, message);
    }

    private JobWatcher watcher(String cluster, UnifiedJedis redis, List<WatchEvent> sink) {
        return JobWatcher.builder(new SlurmClient(fake)).cluster(cluster).clock(clock)
                .deliveredEvents(new RedisDeliveredEvents(redis, Duration.ofMinutes(10))).listener(JobListener.of(sink::add))
                .build();
    }

    private JobId submit(int seconds) {
        return new SlurmClient(fake).submit(SubmitRequest.script("#!/bin/sh\nsleep " + seconds + "\n").name("r").build()).jobId();
    }

    private static long ends(List<WatchEvent> events) {
        return events.stream().filter(e -> e instanceof JobEvent j && j.isTerminal()).count();
    }

    @Test
    void threeInstancesAndARestartedOneDeliverEachEndOnce() {
        String cluster = "w12-" + NONCE + "-a";
        List<JobId> ids = List.of(submit(10), submit(20), submit(30), submit(600));
        List<List<WatchEvent>> seen = new ArrayList<>();
        List<UnifiedJedis> clients = new ArrayList<>();
        List<JobWatcher> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                List<WatchEvent> sink = new CopyOnWriteArrayList<>();
                seen.add(sink);
                UnifiedJedis r = standalone();
                clients.add(r);
                JobWatcher w = watcher(cluster, r, sink);
                w.watch(ids);
                watchers.add(w);
            }
            for (int round = 0; round < 5; round++) {
                fake.advance(Duration.ofSeconds(round == 0 ? 0 : 10));
                for (JobWatcher w : watchers) {
                    w.poll();
                }
            }
            long total = seen.stream().mapToLong(RedisDeliveredEventsIT::ends).sum();
            assertThat(total).as("ends delivered by the three instances together").isEqualTo(3);
            // every instance sees the non-final changes itself
            for (List<WatchEvent> s : seen) {
                assertThat(s.stream().filter(e -> e instanceof JobEvent j && !j.isTerminal())).hasSize(4);
            }
            // one key per ended job, with the time to live
            for (JobId id : ids.subList(0, 3)) {
                String key = new RedisKeys(cluster).watchDelivered(id);
                assertThat(clients.get(0).exists(key)).as(key).isTrue();
                assertThat(clients.get(0).pttl(key)).isBetween(1L, Duration.ofMinutes(10).toMillis());
            }
            assertThat(clients.get(0).exists(new RedisKeys(cluster).watchDelivered(ids.get(3)))).isFalse();

            // a restarted instance: new connection, new watcher, the same jobs: nothing again
            List<WatchEvent> restarted = new ArrayList<>();
            try (UnifiedJedis r = standalone()) {
                JobWatcher w = watcher(cluster, r, restarted);
                w.watch(ids);
                w.watchUser("alice");
                w.poll();
                fake.advance(Duration.ofMinutes(10)); // the long job ends now: this one delivers it
                w.poll();
            }
            assertThat(ends(restarted)).isEqualTo(1);
            assertThat(restarted.stream().filter(e -> e instanceof JobEvent j && j.isTerminal())
                    .map(e -> ((JobEvent) e).job())).containsExactly(ids.get(3));
        } finally {
            clients.forEach(UnifiedJedis::close);
        }
    }

    @Test
    void concurrentClaimsOfOneEndHaveOneWinner() throws Exception {
        String cluster = "w12-" + NONCE + "-b";
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<UnifiedJedis> clients = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                JobId job = JobId.parse("77_" + round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    UnifiedJedis r = round == 0 ? standalone() : clients.get(t);
                    if (round == 0) {
                        clients.add(r);
                    }
                    RedisDeliveredEvents set = new RedisDeliveredEvents(r, Duration.ofMinutes(5));
                    Callable<Boolean> claim = () -> {
                        go.await();
                        return set.claim(cluster, job);
                    };
                    claims.add(pool.submit(claim));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> f : claims) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("claims of %s", job).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(UnifiedJedis::close);
        }
    }

    @Test
    void onRedisClusterEachClaimIsOneKeyInItsSlot() {
        boolean up;
        String cluster = "w12-" + NONCE + "-c";
        try (RedisClusterClient c = RedisClusterClient.builder().nodes(Set.of(new HostAndPort(HOST, CLUSTER_PORTS.get(0))))
                .clientConfig(config()).build()) {
            try {
                up = "PONG".equals(c.ping());
            } catch (RuntimeException e) {
                up = false;
            }
            if (!up && Lab.inCi()) {
                fail("CI=true and the test Redis Cluster on " + HOST + ":" + CLUSTER_PORTS + " is not running");
            }
            assumeTrue(up, "the test Redis Cluster is not running; start it with `scripts/redis.sh up`");
            RedisDeliveredEvents set = new RedisDeliveredEvents(c, Duration.ofMinutes(5));
            for (int i = 0; i < 30; i++) {
                JobId job = JobId.of(1000 + i);
                assertThat(set.claim(cluster, job)).isTrue();
                assertThat(set.claim(cluster, job)).isFalse();
            }
        }
    }

    @Test
    void whileRedisCannotBeReachedTheEndWaitsAndIsDeliveredOnceItCan() {
        String cluster = "w12-" + NONCE + "-d";
        JobId id = submit(10);
        List<WatchEvent> events = new ArrayList<>();
        // a client of a port nobody listens on, then the real server: the store's outage and return
        UnifiedJedis down = RedisClient.builder().hostAndPort(HOST, 1).clientConfig(
                DefaultJedisClientConfig.builder().password(PASSWORD).connectionTimeoutMillis(500).timeoutMillis(500).build())
                .build();
        try (UnifiedJedis up = standalone()) {
            RedisDeliveredEvents unreachable = new RedisDeliveredEvents(down, Duration.ofMinutes(5));
            RedisDeliveredEvents reachable = new RedisDeliveredEvents(up, Duration.ofMinutes(5));
            boolean[] isDown = {true};
            DeliveredEvents switching = (c, job) -> (isDown[0] ? unreachable : reachable).claim(c, job);
            JobWatcher w = JobWatcher.builder(new SlurmClient(fake)).cluster(cluster).clock(clock).deliveredEvents(switching)
                    .listener(JobListener.of(events::add)).build();
            w.watch(id);
            w.poll();
            fake.advance(Duration.ofSeconds(20));
            w.poll();
            w.poll();
            assertThat(ends(events)).isZero();
            assertThat(events).filteredOn(e -> e instanceof OutageEvent).singleElement().satisfies(e -> {
                OutageEvent o = (OutageEvent) e;
                assertThat(o.service()).isEqualTo(OutageEvent.Service.DELIVERED_EVENTS);
                assertThat(o.cause()).isInstanceOf(StoreException.class).hasMessageContaining("job " + id);
            });
            isDown[0] = false;
            w.poll();
            w.poll();
            assertThat(ends(events)).isEqualTo(1);
            assertThat(events).filteredOn(e -> e instanceof RecoveryEvent).hasSize(1);
        } finally {
            down.close();
        }
    }
}
