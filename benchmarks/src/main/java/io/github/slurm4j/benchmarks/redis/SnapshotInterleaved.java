package io.github.slurm4j.benchmarks.redis;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The workloads of {@link RedisSnapshotBenchmark} ({@code floorPipelined}, {@code computeAndWrite},
 * {@code writeOnly}, {@code computeOnly}; same cluster, same code) run round-robin in one JVM, the
 * order rotated every round, measuring wall time and process CPU time (GC and JIT threads
 * included) of each; ratios to the floor are taken per round, so a disturbance of the shared
 * machine hits both sides of a ratio. Complements JMH, does not replace it. Needs the test Redis
 * ({@code scripts/redis.sh up}).
 *
 * <p>Each workload starts after a {@code System.gc()} (so that none pays for the garbage of the
 * one before it) unless {@code --no-gc} is given.
 *
 * <p>{@code java -Xmx2g -cp benchmarks.jar io.github.slurm4j.benchmarks.redis.SnapshotInterleaved [rounds] [warmup] [--no-gc]}
 */
public final class SnapshotInterleaved {
    static volatile Object sink;

    private SnapshotInterleaved() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
        String[] names = {"floorPipelined", "computeAndWrite", "writeOnly", "computeOnly"};
        int n = names.length;
        List<double[]> wallRows = new ArrayList<>();
        List<double[]> cpuRows = new ArrayList<>();
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                double[] wall = new double[n];
                double[] cpu = new double[n];
                for (int k = 0; k < n; k++) {
                    int w = (k + round) % n;
                    if (gc) {
                        System.gc();
                    }
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    sink = switch (w) {
                        case 0 -> b.floorPipelined();
                        case 1 -> b.computeAndWrite();
                        case 2 -> b.writeOnly();
                        default -> b.computeOnly();
                    };
                    wall[w] = (System.nanoTime() - t0) / 1e6;
                    cpu[w] = (cpu() - c0) / 1e6;
                }
                boolean measured = round >= warmup;
                if (measured) {
                    wallRows.add(wall);
                    cpuRows.add(cpu);
                }
                System.out.printf(Locale.ROOT, "%s round %d: wall %s  cpu %s%n", measured ? "" : "(warm-up)", round,
                        fmt(wall), fmt(cpu));
            }
        } finally {
            b.tearDown();
        }
        System.out.printf(Locale.ROOT, "%n%d rounds%s, %d cores, load %s%n", rounds, gc ? "" : " (no System.gc)",
                Runtime.getRuntime().availableProcessors(), load());
        for (int w = 0; w < n; w++) {
            System.out.printf(Locale.ROOT, "%-16s wall median %7.1f ms  cpu median %7.1f ms%n", names[w],
                    median(wallRows, w, -1), median(cpuRows, w, -1));
        }
        for (int w = 1; w < n; w++) {
            System.out.printf(Locale.ROOT, "%-16s / floor: wall %s  cpu %s (per-round median [min-max])%n", names[w],
                    ratio(wallRows, w), ratio(cpuRows, w));
        }
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(String.format(Locale.ROOT, "%8.1f", d));
        }
        return sb.toString();
    }

    private static double median(List<double[]> rows, int w, int over) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = over < 0 ? rows.get(i)[w] : rows.get(i)[w] / rows.get(i)[over];
        }
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String ratio(List<double[]> rows, int w) {
        double min = Double.MAX_VALUE, max = 0;
        for (double[] r : rows) {
            min = Math.min(min, r[w] / r[0]);
            max = Math.max(max, r[w] / r[0]);
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f-%.2f]", median(rows, w, 0), min, max);
    }
}
