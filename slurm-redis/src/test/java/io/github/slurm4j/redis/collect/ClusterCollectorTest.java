package io.github.slurm4j.redis.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.redis.Fence;
import io.github.slurm4j.redis.InMemoryStore;
import io.github.slurm4j.redis.StatsStore;
import io.github.slurm4j.redis.StoredStats;
import io.github.slurm4j.redis.collect.ClusterCollector.Outcome;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The collector against FakeSlurm and the in-memory store: outcomes, failures, fencing. */
class ClusterCollectorTest {

    private static FakeSlurm cluster() {
        FakeSlurm slurm = FakeSlurm.builder().node("c1", 8, 16_000).gpuNode("g1", 16, 64_000, 4, "a100")
                .partition("cpu", true, null, null, "c1", "g1").partition("gpu", false, null, null, "g1").build();
        SlurmClient client = new SlurmClient(slurm);
        for (int i = 0; i < 3; i++) {
            client.submit(SubmitRequest.script("#!/bin/sh\nsleep 600\n").name("cpu" + i).cpusPerTask(4).build());
        }
        client.submit(SubmitRequest.script("#!/bin/sh\nsleep 600\n").name("gpu").partition("gpu").gpus("2").build());
        slurm.advance(Duration.ofSeconds(5));
        return slurm;
    }

    @Test
    void writesASnapshotWithTwoSlurmCommands() {
        FakeSlurm slurm = cluster();
        InMemoryStore store = new InMemoryStore();
        int before = slurm.requests().size();
        ClusterCollector c = ClusterCollector.builder(new SlurmClusterSource(new SlurmClient(slurm)), store).build();
        assertThat(c.runOnce()).isEqualTo(Outcome.WRITTEN);
        assertThat(slurm.requests().size() - before).isEqualTo(2);
        StoredStats s = store.read().orElseThrow();
        assertThat(s.nodeCount("all_node_tot")).hasValue(2);
        assertThat(s.nodeCount("gpu_card_tot")).hasValue(4);
        assertThat(s.jobCount("running_jobs").getAsLong() + s.jobCount("pending_jobs").getAsLong()).isEqualTo(4);
        assertThat(s.jobCount("gpu_running_jobs").getAsLong() + s.jobCount("gpu_pending_jobs").getAsLong()).isEqualTo(1);
        assertThat(store.status()).containsKeys("last_success", "cycle_ms", "collector_id");
        assertThat(s.age(ZoneId.systemDefault())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aSlurmFailureKeepsTheLastSnapshotAndRecordsTheError() {
        FakeSlurm slurm = cluster();
        InMemoryStore store = new InMemoryStore();
        ClusterCollector c = ClusterCollector.builder(new SlurmClusterSource(new SlurmClient(slurm)), store).build();
        assertThat(c.runOnce()).isEqualTo(Outcome.WRITTEN);
        StoredStats good = store.read().orElseThrow();
        slurm.controllerDown(true);
        assertThat(c.runOnce()).isEqualTo(Outcome.SLURM_FAILED);
        StoredStats after = store.read().orElseThrow();
        assertThat(after.node()).isEqualTo(good.node());
        assertThat(after.jobs()).isEqualTo(good.jobs());
        assertThat(store.status().get("last_error")).contains("controller");
        assertThat(store.status()).containsKeys("last_error_time", "last_success");
    }

    @Test
    void aLeaderPausedPastItsLeaseIsFencedOutAndItsSuccessorWrites() throws Exception {
        FakeSlurm slurm = cluster();
        InMemoryStore store = new InMemoryStore();
        SlurmClusterSource real = new SlurmClusterSource(new SlurmClient(slurm));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ClusterSource pausing = pausingOnSecondRead(real, paused, resume);
        Duration interval = Duration.ofMillis(1500);
        ClusterCollector a = ClusterCollector.builder(pausing, store).interval(interval).locking(true).collectorId("a").build();
        ClusterCollector b = ClusterCollector.builder(real, store).interval(interval).locking(true).collectorId("b").build();
        assertThat(a.runOnce()).isEqualTo(Outcome.WRITTEN);
        assertThat(b.runOnce()).isEqualTo(Outcome.NOT_LEADER);
        Thread t = new Thread(() -> a.runOnce());
        t.start();
        assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(interval.toMillis() + 100); // a's lease runs out while it is paused
        assertThat(b.runOnce()).isEqualTo(Outcome.WRITTEN);
        String bJobs = String.join("", store.read().orElseThrow().jobs());
        resume.countDown();
        t.join(5000);
        assertThat(a.lastOutcome()).isEqualTo(Outcome.FENCED);
        assertThat(String.join("", store.read().orElseThrow().jobs())).isEqualTo(bJobs).isNotEmpty();
        assertThat(a.runOnce()).isEqualTo(Outcome.NOT_LEADER);
    }

    @Test
    void aStartedLeaderWhoseRenewalFindsTheLockLostMidCycleWritesUnderItsFenceAndIsRefused() throws Exception {
        FakeSlurm slurm = cluster();
        InMemoryStore memory = new InMemoryStore();
        AtomicBoolean renewFails = new AtomicBoolean();
        // the store as a's renewal thread sees it once the lease is lost (a long GC pause, a network split)
        StatsStore store = new StatsStore() {
            public boolean write(ClusterStats stats, Fence fence) {
                return memory.write(stats, fence);
            }

            public void writeStatus(Map<String, String> fields) {
                memory.writeStatus(fields);
            }

            public Optional<StoredStats> read() {
                return memory.read();
            }

            public Optional<Fence> tryAcquire(String collectorId, Duration lease) {
                return memory.tryAcquire(collectorId, lease);
            }

            public boolean renew(Fence fence, Duration lease) {
                return !renewFails.get() && memory.renew(fence, lease);
            }

            public void release(Fence fence) {
                memory.release(fence);
            }
        };
        SlurmClusterSource real = new SlurmClusterSource(new SlurmClient(slurm));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ClusterSource pausing = pausingOnSecondRead(real, paused, resume);
        Duration interval = Duration.ofMillis(600);
        try (ClusterCollector a = ClusterCollector.builder(pausing, store).interval(interval).locking(true).collectorId("a")
                .build()) {
            // b's lease outlasts the test: a cannot take the lock back and write again before the checks
            ClusterCollector b = ClusterCollector.builder(real, memory).interval(Duration.ofSeconds(60)).locking(true)
                    .collectorId("b").build();
            a.start(); // the first cycle writes, the second pauses in its read
            assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(a.lastOutcome()).isEqualTo(Outcome.WRITTEN);
            renewFails.set(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (a.isLeader() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(a.isLeader()).as("a's renewal thread found the lock lost").isFalse();
            Thread.sleep(interval.toMillis() + 100); // a's lease runs out
            assertThat(b.runOnce()).isEqualTo(Outcome.WRITTEN);
            String bJobs = String.join("", memory.read().orElseThrow().jobs());
            ClusterStats aWrote = a.lastWritten();
            resume.countDown();
            // the paused cycle ends: refused, or (the bug this guards against) written without a fence
            while (a.lastOutcome() == Outcome.WRITTEN && a.lastWritten() == aWrote
                    && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(5);
            }
            // a's paused cycle took the lock before it read: it writes under that fence, which b's lock voids
            assertThat(a.lastOutcome()).isEqualTo(Outcome.FENCED);
            assertThat(String.join("", memory.read().orElseThrow().jobs())).isEqualTo(bJobs).isNotEmpty();
        }
    }

    /**
     * {@code real}'s reading without jobs (so the writer shows in the stored rows), pausing in its
     * second read until {@code resume}, after counting {@code paused} down.
     */
    private static ClusterSource pausingOnSecondRead(ClusterSource real, CountDownLatch paused, CountDownLatch resume) {
        AtomicInteger reads = new AtomicInteger();
        return () -> {
            ClusterReading r = real.read();
            if (reads.incrementAndGet() == 2) {
                paused.countDown();
                await(resume);
            }
            return new ClusterReading(r.nodes(), List.of(), r.power(), ZonedDateTime.now());
        };
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
