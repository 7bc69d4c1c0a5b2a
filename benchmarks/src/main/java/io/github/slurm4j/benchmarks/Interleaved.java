package io.github.slurm4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The three workloads of {@link ParseBenchmark} ({@code floor}, {@code scontrolParser},
 * {@code jacksonJson}, same inputs, same code paths) run round-robin in one JVM, with the order
 * rotated every round, measuring the process CPU time (GC and JIT threads included) and the wall
 * time of each. On a machine shared with other work, wall times of separate JMH benchmarks are
 * disturbed at different moments; here every round measures all three back to back, and the
 * ratios are taken per round, so a disturbance hits both sides of a ratio. Complements JMH, does
 * not replace it.
 *
 * <p>{@code java -Xms3g -Xmx3g -cp benchmarks.jar io.github.slurm4j.benchmarks.Interleaved [rounds] [warmup]}
 */
public final class Interleaved {
    /** Keeps every result reachable so that nothing is optimised away. */
    static volatile Object sink;

    private Interleaved() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    /** Exactly {@link ParseBenchmark#floor}: decoding and line splitting, lines only counted. */
    static long floor(byte[] text) throws IOException {
        long lines = 0;
        try (BufferedReader r = new BufferedReader(reader(text), 1 << 16)) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    static long parser(byte[] text) {
        return JobsFromText.forEach(new ByteArrayInputStream(text), job -> sink = job);
    }

    /** {@code rounds} (12) measured rounds after {@code warmup} (4). */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        byte[] text = BenchInputs.read(BenchInputs.scontrol());
        byte[] json = BenchInputs.read(BenchInputs.json());
        ObjectMapper mapper = new ObjectMapper();
        ObjectReader jobReader = mapper.readerFor(JsonJob.class);
        String[] names = {"floor", "scontrolParser", "jacksonJson"};
        List<double[]> cpuRows = new ArrayList<>();
        List<double[]> wallRows = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double[] cpuMs = new double[3];
            double[] wallMs = new double[3];
            for (int k = 0; k < 3; k++) {
                int w = (k + round) % 3;
                System.gc();
                long c0 = cpu();
                long t0 = System.nanoTime();
                long n = switch (w) {
                    case 0 -> floor(text);
                    case 1 -> parser(text);
                    default -> ParseBenchmark.JacksonJobs.forEach(mapper, jobReader, json, job -> sink = job);
                };
                wallMs[w] = (System.nanoTime() - t0) / 1e6;
                cpuMs[w] = (cpu() - c0) / 1e6;
                if (n <= 0) {
                    throw new IllegalStateException(names[w] + " read nothing");
                }
            }
            if (round >= warmup) {
                cpuRows.add(cpuMs);
                wallRows.add(wallMs);
            }
            System.err.printf(Locale.ROOT, "%s round %d cpu ms %.0f %.0f %.0f wall ms %.0f %.0f %.0f%n",
                    round < warmup ? "warmup" : "measure", round, cpuMs[0], cpuMs[1], cpuMs[2],
                    wallMs[0], wallMs[1], wallMs[2]);
        }
        report("process CPU", cpuRows, names);
        report("wall", wallRows, names);
    }

    private static void report(String what, List<double[]> rows, String[] names) {
        System.out.printf(Locale.ROOT, "%s, %d rounds: median [min-max] ms%n", what, rows.size());
        for (int w = 0; w < 3; w++) {
            int ww = w;
            double[] v = rows.stream().mapToDouble(r -> r[ww]).toArray();
            System.out.printf(Locale.ROOT, "  %-15s %8.1f [%.1f-%.1f]%n", names[w], median(v), min(v), max(v));
        }
        double[] pf = rows.stream().mapToDouble(r -> r[1] / r[0]).toArray();
        double[] pj = rows.stream().mapToDouble(r -> r[1] / r[2]).toArray();
        System.out.printf(Locale.ROOT, "  parser/floor   per-round median %.2fx [%.2f-%.2f]%n", median(pf), min(pf), max(pf));
        System.out.printf(Locale.ROOT, "  parser/jackson per-round median %.2fx [%.2f-%.2f]%n", median(pj), min(pj), max(pj));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
