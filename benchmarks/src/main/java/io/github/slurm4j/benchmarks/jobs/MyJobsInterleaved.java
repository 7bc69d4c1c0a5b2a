package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.exec.local.LocalShell;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link MyJobsBenchmark}'s three workloads ({@code rawSqueueAndSacct}, {@code myJobs},
 * {@code parseAndMerge}) run round-robin in one JVM after one {@link MyJobsLab#ensure}, the order
 * rotated every round; ratios to the raw commands are taken per round (wall time), so a
 * disturbance of the shared machine hits both sides of a ratio. Also prints the process CPU time
 * of each (the commands' own CPU is in other processes). Leaves the lab state for the next run
 * unless {@code --cleanup} is given. Before the rounds, {@code parseAndMerge} runs {@code jit} times
 * (100) so that the JIT has compiled the façade's code: a round calls each workload once.
 *
 * <p>{@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.jobs.MyJobsInterleaved [rounds] [warmup] [jit] [--cleanup]}
 */
public final class MyJobsInterleaved {
    static volatile Object sink;

    private MyJobsInterleaved() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean cleanup = a.remove("--cleanup");
        int rounds = a.size() > 0 ? Integer.parseInt(a.get(0)) : 10;
        int warmup = a.size() > 1 ? Integer.parseInt(a.get(1)) : 3;
        int jit = a.size() > 2 ? Integer.parseInt(a.get(2)) : 100;
        MyJobsBenchmark b = new MyJobsBenchmark();
        b.user = MyJobsLab.USER;
        b.queued = MyJobsLab.DEFAULT_QUEUED;
        b.finished = MyJobsLab.DEFAULT_FINISHED;
        b.setUp();
        // the JIT first: one round is one call of each, too few to compile the façade's code
        for (int i = 0; i < jit; i++) {
            sink = b.parseAndMerge();
        }
        String[] names = {"rawSqueueAndSacct", "myJobs", "parseAndMerge"};
        int n = names.length;
        List<double[]> wallRows = new ArrayList<>();
        List<double[]> cpuRows = new ArrayList<>();
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                double[] wall = new double[n];
                double[] cpu = new double[n];
                for (int k = 0; k < n; k++) {
                    int w = (k + round) % n;
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    sink = switch (w) {
                        case 0 -> b.rawSqueueAndSacct();
                        case 1 -> b.myJobs();
                        default -> b.parseAndMerge();
                    };
                    wall[w] = (System.nanoTime() - t0) / 1e6;
                    cpu[w] = (cpu() - c0) / 1e6;
                }
                boolean measured = round >= warmup;
                if (measured) {
                    wallRows.add(wall);
                    cpuRows.add(cpu);
                }
                System.out.printf(Locale.ROOT, "%s round %d: wall %8.1f %8.1f %8.1f  cpu %8.1f %8.1f %8.1f%n",
                        measured ? "" : "(warm-up)", round, wall[0], wall[1], wall[2], cpu[0], cpu[1], cpu[2]);
            }
        } finally {
            b.tearDown();
            if (cleanup) {
                try (LocalShell shell = LocalShell.create()) {
                    MyJobsLab.cleanup(shell, MyJobsLab.USER);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d rounds, %d cores, load %s%n", rounds, Runtime.getRuntime().availableProcessors(),
                load());
        for (int w = 0; w < n; w++) {
            System.out.printf(Locale.ROOT, "%-18s wall median %7.1f ms  process cpu median %7.1f ms%n", names[w],
                    median(wallRows, w, -1), median(cpuRows, w, -1));
        }
        for (int w = 1; w < n; w++) {
            System.out.printf(Locale.ROOT, "%-18s / raw: wall %s (per-round median [min-max])%n", names[w], ratio(wallRows, w));
        }
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
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
