package io.github.slurm4j.benchmarks.redis;

import io.github.slurm4j.benchmarks.RoundRobin;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;

/**
 * Where a snapshot's CPU goes: each workload of {@link RedisSnapshotBenchmark} run {@code ops}
 * times in a row (after as many unmeasured), with the wall time, this JVM's process CPU and the
 * Redis server's CPU ({@code INFO cpu}: {@code used_cpu_user} + {@code used_cpu_sys}) per op.
 * Tells whether a write leaves a core free for the computation to overlap with. Needs the test
 * Redis ({@code scripts/redis.sh up}); nothing else may use that Redis meanwhile.
 *
 * <p>{@code java -Xmx2g -cp benchmarks.jar io.github.slurm4j.benchmarks.redis.SnapshotCpu [ops]}
 */
public final class SnapshotCpu {
    /** Keeps every result reachable so that nothing is optimised away. */
    private static volatile Object sink;

    private SnapshotCpu() {
    }

    /** {@code ops} (40) measured calls per workload. */
    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        RedisSnapshotBenchmark b = new RedisSnapshotBenchmark();
        b.nodes = 10_000;
        b.jobs = 100_000;
        b.setup();
        try (RedisClient info = RedisSnapshotBenchmark.testRedis()) {
            List<RoundRobin.Workload> workloads = List.of(new RoundRobin.Workload("floorPerRowPipelined", b::floorPerRowPipelined),
                    new RoundRobin.Workload("floorPipelined", b::floorPipelined),
                    new RoundRobin.Workload("computeAndWrite", b::computeAndWrite),
                    new RoundRobin.Workload("writeOnly", b::writeOnly),
                    new RoundRobin.Workload("computeOnly", b::computeOnly));
            System.out.printf(Locale.ROOT, "%-21s %9s %9s %9s  (per op, %d ops in a row)%n", "workload", "wall ms", "jvm cpu",
                    "redis cpu", ops);
            for (RoundRobin.Workload w : workloads) {
                Supplier<?> call = w.call();
                for (int i = 0; i < ops; i++) {
                    sink = call.get();
                }
                System.gc();
                double redis0 = redisCpuSeconds(info);
                long cpu0 = RoundRobin.processCpuNanos();
                long t0 = System.nanoTime();
                for (int i = 0; i < ops; i++) {
                    sink = call.get();
                }
                double wall = (System.nanoTime() - t0) / 1e6 / ops;
                double jvm = (RoundRobin.processCpuNanos() - cpu0) / 1e6 / ops;
                double redis = (redisCpuSeconds(info) - redis0) * 1e3 / ops;
                System.out.printf(Locale.ROOT, "%-21s %9.1f %9.1f %9.1f%n", w.name(), wall, jvm, redis);
            }
        } finally {
            b.tearDown();
        }
    }

    /** The server's CPU time so far, in seconds, from {@code INFO cpu}. */
    static double redisCpuSeconds(RedisClient jedis) {
        double s = 0;
        for (String line : jedis.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                s += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return s;
    }
}
