package io.github.slurm4j.benchmarks.redis;

import io.github.slurm4j.benchmarks.RoundRobin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workloads of {@link RedisSnapshotBenchmark} (the floor {@code floorPerRowPipelined}
 * first, the baseline of the ratios; then the stricter floor {@code floorPipelined},
 * {@code computeAndWrite}, {@code writeOnly}, {@code computeOnly}; same cluster, same code) run
 * round-robin in one JVM, the order rotated every round, measuring wall time and process CPU time
 * (GC and JIT threads included) of each; ratios are taken per round, so a disturbance of the
 * shared machine hits both sides of a ratio. The ratios to the stricter floor are printed after
 * those to the baseline. Complements JMH, does not replace it. Needs the test Redis
 * ({@code scripts/redis.sh up}).
 *
 * <p>Each workload starts after a {@code System.gc()} (so that none pays for the garbage of the
 * one before it) unless {@code --no-gc} is given.
 *
 * <p>{@code java -Xmx2g -cp benchmarks.jar io.github.slurm4j.benchmarks.redis.SnapshotInterleaved [rounds] [warmup] [--no-gc]}
 */
public final class SnapshotInterleaved {
    private SnapshotInterleaved() {
    }

    /** {@code rounds} (10) measured rounds after {@code warmup} (3). */
    public static void main(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean gc = !a.remove("--no-gc");
        int rounds = a.size() > 0 ? Integer.parseInt(a.get(0)) : 10;
        int warmup = a.size() > 1 ? Integer.parseInt(a.get(1)) : 3;
        RedisSnapshotBenchmark b = new RedisSnapshotBenchmark();
        b.nodes = 10_000;
        b.jobs = 100_000;
        b.setup();
        RoundRobin r;
        try {
            r = RoundRobin.run(List.of(new RoundRobin.Workload("floorPerRowPipelined", b::floorPerRowPipelined),
                    new RoundRobin.Workload("floorPipelined", b::floorPipelined),
                    new RoundRobin.Workload("computeAndWrite", b::computeAndWrite),
                    new RoundRobin.Workload("writeOnly", b::writeOnly),
                    new RoundRobin.Workload("computeOnly", b::computeOnly)), rounds, warmup, gc, System.out);
        } finally {
            b.tearDown();
        }
        System.out.print(r.summary(gc ? "" : " (no System.gc)", true));
        for (String w : List.of("computeAndWrite", "writeOnly", "computeOnly")) {
            System.out.print(r.ratioLine(w, "floorPipelined", true));
        }
    }
}
