package io.github.slurm4j.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Workloads run round-robin in one JVM, the order rotated every round, measuring the wall time
 * and the process CPU time (GC and JIT threads included) of each; ratios to the first workload
 * (the baseline) are taken per round, so a disturbance of a shared machine hits both sides of a
 * ratio. Complements JMH, does not replace it. The harnesses ({@code MyJobsInterleaved},
 * {@code SnapshotInterleaved}) set up their workloads, call {@link #run} and print {@link #summary}.
 *
 * @param names the workloads' names, the baseline first
 * @param wall per measured round, each workload's wall time in ms (indexed as {@code names})
 * @param cpu per measured round, each workload's process CPU time in ms
 */
public record RoundRobin(List<String> names, List<double[]> wall, List<double[]> cpu) {
    /** Keeps every result reachable so that nothing is optimised away. */
    static volatile Object sink;

    /** Copies the lists. */
    public RoundRobin {
        names = List.copyOf(names);
        wall = List.copyOf(wall);
        cpu = List.copyOf(cpu);
    }

    /** A workload of a round: its name and the call measured. */
    public record Workload(String name, Supplier<?> call) {
    }

    /**
     * Runs {@code warmup} rounds, then {@code rounds} measured ones; each round calls every workload
     * once, starting one further each round, and prints a line with the times of each.
     *
     * @param workloads the workloads, the baseline of the ratios first
     * @param rounds measured rounds
     * @param warmup rounds run before, printed as {@code (warm-up)} and not kept
     * @param gc whether each call starts after a {@code System.gc()} (so that none pays for the
     *        garbage of the one before it)
     * @param out where the round lines go
     * @return the measured rounds
     */
    public static RoundRobin run(List<Workload> workloads, int rounds, int warmup, boolean gc, PrintStream out) {
        int n = workloads.size();
        List<double[]> wallRows = new ArrayList<>();
        List<double[]> cpuRows = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double[] wall = new double[n];
            double[] cpu = new double[n];
            for (int k = 0; k < n; k++) {
                int w = (k + round) % n;
                if (gc) {
                    System.gc();
                }
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                sink = workloads.get(w).call().get();
                wall[w] = (System.nanoTime() - t0) / 1e6;
                cpu[w] = (processCpuNanos() - c0) / 1e6;
            }
            boolean measured = round >= warmup;
            if (measured) {
                wallRows.add(wall);
                cpuRows.add(cpu);
            }
            out.printf(Locale.ROOT, "%s round %d: wall %s  cpu %s%n", measured ? "" : "(warm-up)", round, columns(wall),
                    columns(cpu));
        }
        return new RoundRobin(workloads.stream().map(Workload::name).toList(), wallRows, cpuRows);
    }

    /**
     * The report after the rounds: the machine, each workload's medians and each one's ratio to the
     * baseline per round.
     *
     * @param note added after the number of rounds (a setting of the run), or empty
     * @param cpuRatios whether CPU time ratios are printed too (not when the baseline's work is in
     *        other processes, such as commands it runs)
     * @return the report's lines
     */
    public String summary(String note, boolean cpuRatios) {
        int width = names.stream().mapToInt(String::length).max().orElse(0) + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%d rounds%s, %d cores, load %s%n", wall.size(), note,
                Runtime.getRuntime().availableProcessors(), load()));
        for (int w = 0; w < names.size(); w++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s wall median %7.1f ms  process cpu median %7.1f ms%n",
                    names.get(w), median(wall, w, -1), median(cpu, w, -1)));
        }
        for (int w = 1; w < names.size(); w++) {
            sb.append(ratioLine(w, 0, width, cpuRatios));
        }
        return sb.toString();
    }

    /**
     * One workload's ratio to another than the baseline, per round, as {@link #summary} prints its
     * ratios to the baseline.
     *
     * @param name the workload
     * @param over the workload it is divided by
     * @param cpuRatios whether the CPU time ratio is printed too
     * @return the line
     * @throws IllegalArgumentException if either name is not a workload of the run
     */
    public String ratioLine(String name, String over, boolean cpuRatios) {
        return ratioLine(index(name), index(over), names.stream().mapToInt(String::length).max().orElse(0) + 1, cpuRatios);
    }

    private String ratioLine(int w, int over, int width, boolean cpuRatios) {
        return String.format(Locale.ROOT, "%-" + width + "s / %s: wall %s%s (per-round median [min-max])%n", names.get(w),
                names.get(over), ratio(wall, w, over), cpuRatios ? "  cpu " + ratio(cpu, w, over) : "");
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no workload " + name + " in " + names);
        }
        return i;
    }

    /** @return the process's CPU time in ns (GC and JIT threads included) */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** @return {@code /proc/loadavg}, or {@code ?} where there is none */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    static String columns(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%8.1f", v[i]));
        }
        return sb.toString();
    }

    /** The median over the rounds of workload {@code w}'s value, or of its ratio to workload {@code over} when that is not -1. */
    static double median(List<double[]> rows, int w, int over) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = over < 0 ? rows.get(i)[w] : rows.get(i)[w] / rows.get(i)[over];
        }
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Workload {@code w}'s ratio to workload {@code over}: the median of the rounds' ratios [min-max]. */
    static String ratio(List<double[]> rows, int w, int over) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double[] r : rows) {
            min = Math.min(min, r[w] / r[over]);
            max = Math.max(max, r[w] / r[over]);
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f-%.2f]", median(rows, w, over), min, max);
    }
}
