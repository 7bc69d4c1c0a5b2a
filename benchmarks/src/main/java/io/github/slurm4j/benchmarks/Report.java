package io.github.slurm4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the Markdown table of one harness run: time ratios from a JMH JSON result file and the
 * streaming and retained-size figures from {@code key=value} files written by the other checks.
 *
 * <pre>java -cp benchmarks.jar io.github.slurm4j.benchmarks.Report &lt;jmh.json&gt; &lt;checks.properties&gt;...</pre>
 *
 * Targets are printed beside the measured values, never asserted: one run on a shared machine
 * is a measurement, not a test.
 */
public final class Report {
    private static final double MB = 1024.0 * 1024.0;

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Report <jmh.json> [checks.properties...]");
            System.exit(2);
        }
        Map<String, double[]> scores = readJmh(Path.of(args[0]));
        Properties checks = new Properties();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.exists(p)) {
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    checks.load(r);
                }
            }
        }
        System.out.print(render(scores, checks));
    }

    /** benchmark method name to {score, error} in ms per operation. */
    static Map<String, double[]> readJmh(Path file) throws IOException {
        Map<String, double[]> scores = new HashMap<>();
        if (!Files.exists(file)) {
            return scores;
        }
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.') + 1);
            JsonNode metric = run.get("primaryMetric");
            double factor = toMillis(metric.get("scoreUnit").asText());
            scores.put(name, new double[] {metric.get("score").asDouble() * factor,
                metric.get("scoreError").asDouble() * factor});
        }
        return scores;
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000.0;
            case "ms/op" -> 1.0;
            case "us/op" -> 0.001;
            case "ns/op" -> 0.000001;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    static String render(Map<String, double[]> scores, Properties checks) {
        long jobs = Long.parseLong(checks.getProperty("jobs", Integer.toString(Generator.DEFAULT_JOBS)));
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | this run | target |\n");
        sb.append("| --- | --- | --- |\n");
        ratio(sb, "time: ScontrolParser / readLine floor", scores, "scontrolParser", "floor", "<= 2.5x");
        ratio(sb, "time per job: ScontrolParser / Jackson databind (squeue --json)", scores,
                "scontrolParser", "jacksonJson", "<= 0.8x");
        ratio(sb, "time: ScontrolParser given a decoding Reader / readLine floor (context)", scores,
                "scontrolParserReader", "floor", "-");
        ratio(sb, "time: HashMap split / readLine floor (context)", scores, "mapSplit", "floor", "-");
        size(sb, "retained: " + jobs + " parsed Job objects in a list", checks, "jobs", "<= 300 MB");
        size(sb, "retained: " + jobs + " HashMap<String,String> (baseline)", checks, "maps", "-");
        size(sb, "retained: " + jobs + " raw line Strings (context)", checks, "lines", "-");
        String streamed = checks.getProperty("streaming.count");
        String status = checks.getProperty("streaming.status", "not run");
        sb.append("| streaming all jobs with -Xmx64m | ")
                .append(streamed == null ? status : status + ", " + streamed + " jobs, "
                        + checks.getProperty("streaming.mismatches", "?") + " mismatches")
                .append(" | succeeds, 0 mismatches |\n");
        sb.append('\n');
        sb.append("| benchmark (one op = all ").append(jobs).append(" jobs) | ms/op | ns/job |\n");
        sb.append("| --- | --- | --- |\n");
        for (String b : new String[] {"floor", "scontrolParser", "scontrolParserReader", "mapSplit", "jacksonJson"}) {
            double[] s = scores.get(b);
            if (s != null) {
                sb.append("| ").append(b).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f ± %.1f", s[0], s[1])).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f", s[0] * 1_000_000.0 / jobs)).append(" |\n");
            }
        }
        String textBytes = checks.getProperty("input.scontrol.bytes");
        String jsonBytes = checks.getProperty("input.json.bytes");
        if (textBytes != null && jsonBytes != null) {
            sb.append('\n').append(String.format(Locale.ROOT,
                    "Inputs: scontrol -o show job %.1f MB, squeue --json %.1f MB (%d jobs each).%n",
                    Long.parseLong(textBytes) / MB, Long.parseLong(jsonBytes) / MB, jobs));
        }
        return sb.toString();
    }

    private static void ratio(StringBuilder sb, String label, Map<String, double[]> scores, String num,
            String den, String target) {
        double[] a = scores.get(num);
        double[] b = scores.get(den);
        sb.append("| ").append(label).append(" | ");
        if (a == null || b == null) {
            sb.append("not measured");
        } else {
            sb.append(String.format(Locale.ROOT, "%.2fx (%.0f / %.0f ms)", a[0] / b[0], a[0], b[0]));
        }
        sb.append(" | ").append(target).append(" |\n");
    }

    private static void size(StringBuilder sb, String label, Properties checks, String mode, String target) {
        String bytes = checks.getProperty("retained." + mode + ".bytes");
        sb.append("| ").append(label).append(" | ");
        if (bytes == null) {
            sb.append("not measured");
        } else {
            long b = Long.parseLong(bytes);
            sb.append(String.format(Locale.ROOT, "%.1f MB (%d B/job)", b / MB,
                    b / Math.max(1, Long.parseLong(checks.getProperty("retained." + mode + ".count", "1")))));
        }
        sb.append(" | ").append(target).append(" |\n");
    }
}
