package io.github.slurm4j.benchmarks.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the Markdown tables of one or more runs of {@code benchmarks/run-shells.sh}: the ratios
 * that have speed targets in {@code benchmarks/SHELLS.md} (medians of the same run, never
 * asserted), the absolute medians, and
 * what the cold-started JVMs loaded. With several runs, one column per run and the spread.
 *
 * <pre>java -cp benchmarks.jar io.github.slurm4j.benchmarks.shell.ShellReport RUN_DIR...</pre>
 * Each {@code RUN_DIR} holds {@code jmh.json} (JMH, SampleTime) and {@code coldstart.properties}
 * ({@link ColdStart}).
 */
public final class ShellReport {
    private static final int COMMANDS = ConcurrencyBenchmark.COMMANDS;

    /** A time of one run: median, 90th percentile, minimum (ms) and the number of samples. */
    record Timing(double median, double p90, double min, long samples) {
    }

    /** A ratio row: label, keys of the numerator and the denominator, the target as text. */
    record Ratio(String label, String top, String bottom, String target) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("RemoteShell reused / OpenSSH ControlMaster", "latency.remoteShellReused",
                    "latency.opensshControlMaster", "<= 0.5x"),
            new Ratio("RemoteShell reused / LocalShell", "latency.remoteShellReused", "latency.localShell", "<= 1.5x"),
            new Ratio("RemoteShell with Nagle on / RemoteShell reused (the stall TCP_NODELAY avoids)",
                    "latency.remoteShellNagle", "latency.remoteShellReused", "-"),
            new Ratio("OpenSSH new connection / RemoteShell reused", "latency.opensshNewConnection",
                    "latency.remoteShellReused", "-"),
            new Ratio("new RemoteShell per command / RemoteShell reused", "latency.remoteShellNewPerCommand",
                    "latency.remoteShellReused", "-"),
            new Ratio("bare sshj `echo x` / LocalShell (floor)", "latency.sshjRawEcho", "latency.localShell", "-"),
            new Ratio("bare sshj with RemoteShell's wrapped line / bare sshj `echo x` (cost of the env wrapper and pid marker on the host)",
                    "latency.sshjRawWrapped", "latency.sshjRawEcho", "-"),
            new Ratio("RemoteShell reused / bare sshj wrapped line (RemoteShell's Java-side cost)",
                    "latency.remoteShellReused", "latency.sshjRawWrapped", "-"),
            new Ratio("8 x `echo x` on one connection: sequential / concurrent", "perCommand.sequential:echo",
                    "perCommand.concurrent:echo", ">= 1.5x"),
            new Ratio("8 x `sleep 0.05; echo x`: sequential / concurrent", "perCommand.sequential:sleep",
                    "perCommand.concurrent:sleep", ">= 1.5x"),
            new Ratio("8 x ~20 ms shell loop (CPU-bound): sequential / concurrent", "perCommand.sequential:cpu",
                    "perCommand.concurrent:cpu", "-"),
            new Ratio("cold start: `jobs --all` / JDK-only hello", "coldstart.jobs", "coldstart.hello", "<= 8x"),
            new Ratio("cold start: `--help` (JVM + shaded jar, no Slurm) / hello", "coldstart.help", "coldstart.hello",
                    "-"));

    static final Map<String, String> LABELS = labels();

    private ShellReport() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("latency.remoteShellReused", "RemoteShell, reused connection, `echo x`");
        m.put("latency.remoteShellNagle", "RemoteShell, reused, TCP_NODELAY off");
        m.put("latency.opensshControlMaster", "OpenSSH through a ControlMaster");
        m.put("latency.opensshNewConnection", "OpenSSH, new connection");
        m.put("latency.remoteShellNewPerCommand", "new RemoteShell (sshj client) per command");
        m.put("latency.localShell", "LocalShell");
        m.put("latency.sshjRawEcho", "floor: bare sshj, reused client, NODELAY, `echo x`");
        m.put("latency.sshjRawWrapped", "floor: bare sshj, reused, RemoteShell's wrapped line");
        for (String c : List.of("echo", "sleep", "cpu")) {
            m.put("perCommand.sequential:" + c, "per command, 8 sequential, " + c);
            m.put("perCommand.concurrent:" + c, "per command, 8 concurrent, " + c);
        }
        m.put("coldstart.hello", "cold start: JDK-only hello (`java -cp`)");
        m.put("coldstart.help", "cold start: samples jar `--help`");
        m.put("coldstart.jobs", "cold start: samples jar `jobs --all`");
        m.put("coldstart.squeue", "`squeue --all` alone");
        return m;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ShellReport RUN_DIR...");
            System.exit(2);
        }
        List<Map<String, Timing>> runs = new ArrayList<>();
        Properties last = new Properties();
        for (String a : args) {
            Path dir = Path.of(a);
            Map<String, Timing> timings = new LinkedHashMap<>(readJmh(dir.resolve("jmh.json")));
            Properties cold = readProperties(dir.resolve("coldstart.properties"));
            timings.putAll(coldStart(cold));
            runs.add(timings);
            if (!cold.isEmpty()) {
                last = cold;
            }
        }
        System.out.print(render(runs));
        System.out.print(renderClassLoads(last));
    }

    /**
     * The timings in a JMH JSON result: {@code latency.<method>} per command, and for the
     * concurrency benchmark {@code perCommand.<method>:<command>} (one op = 8 commands, divided by 8).
     */
    static Map<String, Timing> readJmh(Path file) throws IOException {
        Map<String, Timing> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String benchmark = run.get("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode metric = run.get("primaryMetric");
            double factor = toMillis(metric.get("scoreUnit").asText());
            JsonNode pct = metric.get("scorePercentiles");
            if (pct == null || pct.get("50.0") == null) {
                throw new IllegalArgumentException(benchmark + " in " + file + " has no percentiles: run it in SampleTime mode");
            }
            long samples = 0;
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        samples += bin.get(1).asLong();
                    }
                }
            }
            String key;
            double divisor = 1;
            if (benchmark.contains(".ConcurrencyBenchmark.")) {
                key = "perCommand." + method + ":" + run.path("params").path("command").asText();
                divisor = COMMANDS;
            } else if (benchmark.contains(".LatencyBenchmark.")) {
                key = "latency." + method;
            } else {
                continue;
            }
            double f = factor / divisor;
            out.put(key, new Timing(pct.get("50.0").asDouble() * f, pct.get("90.0").asDouble() * f,
                    pct.get("0.0").asDouble() * f, samples));
        }
        return out;
    }

    /** {@code coldstart.<variant>} timings from {@code coldstart.<variant>.ms=…} lines. */
    static Map<String, Timing> coldStart(Properties p) {
        Map<String, Timing> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames().stream().sorted().toList()) {
            if (name.startsWith("coldstart.") && name.endsWith(".ms")) {
                List<Double> ms = Stats.parse(p.getProperty(name));
                if (!ms.isEmpty()) {
                    out.put(name.substring(0, name.length() - 3), new Timing(Stats.median(ms), Stats.quantile(ms, 0.9),
                            Stats.quantile(ms, 0), ms.size()));
                }
            }
        }
        return out;
    }

    static String render(List<Map<String, Timing>> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure (ratio of medians) |");
        for (int i = 1; i <= runs.size(); i++) {
            sb.append(runs.size() == 1 ? " this run |" : " run " + i + " |");
        }
        if (runs.size() > 1) {
            sb.append(" spread |");
        }
        sb.append(" target |\n|---|");
        sb.append("---|".repeat(runs.size() + (runs.size() > 1 ? 1 : 0) + 1)).append('\n');
        for (Ratio r : RATIOS) {
            sb.append("| ").append(r.label()).append(" |");
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Map<String, Timing> run : runs) {
                Timing top = run.get(r.top());
                Timing bottom = run.get(r.bottom());
                if (top == null || bottom == null) {
                    sb.append(" n/a |");
                    continue;
                }
                double ratio = top.median() / bottom.median();
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
                sb.append(' ').append(x(ratio)).append(" (").append(ms(top.median())).append(" / ")
                        .append(ms(bottom.median())).append(") |");
            }
            if (runs.size() > 1) {
                sb.append(' ').append(lo <= hi ? x(lo) + " – " + x(hi) : "n/a").append(" |");
            }
            sb.append(' ').append(r.target()).append(" |\n");
        }
        sb.append("\n| absolute, ms | ");
        sb.append(runs.size() == 1 ? "median | p90 | min | samples |\n|---|---|---|---|---|\n"
                : String.join(" | ", runs.stream().map(x -> "run " + (runs.indexOf(x) + 1) + " median (p90)").toList())
                        + " |\n|---|" + "---|".repeat(runs.size()) + "\n");
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            if (runs.stream().noneMatch(run -> run.containsKey(e.getKey()))) {
                continue;
            }
            sb.append("| ").append(e.getValue()).append(" |");
            for (Map<String, Timing> run : runs) {
                Timing t = run.get(e.getKey());
                if (t == null) {
                    sb.append(runs.size() == 1 ? " n/a | | | |" : " n/a |");
                } else if (runs.size() == 1) {
                    sb.append(' ').append(ms(t.median())).append(" | ").append(ms(t.p90())).append(" | ")
                            .append(ms(t.min())).append(" | ").append(t.samples()).append(" |");
                } else {
                    sb.append(' ').append(ms(t.median())).append(" (").append(ms(t.p90())).append(") |");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** What the cold-started JVMs loaded ({@code classes.*} lines of {@link ColdStart}). */
    static String renderClassLoads(Properties p) {
        List<String> variants = List.of("hello", "help", "jobs");
        if (variants.stream().noneMatch(v -> p.getProperty("classes." + v + ".total") != null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n| classes loaded (one -Xlog:class+load run) | ");
        sb.append(String.join(" | ", variants)).append(" |\n|---|---|---|---|\n");
        String[][] rows = {
            {"total", "total"}, {"from the JDK's CDS archive", "source.cds"}, {"from the JDK image (jrt:/)", "source.jdk"},
            {"from the jar / class folder", "source.app"}, {"generated (lambdas, proxies)", "source.generated"},
            {"main class loaded at, ms of JVM uptime", "mainLoadedAt.ms"}, {"last class loaded at, ms", "lastLoadedAt.ms"}};
        for (String[] row : rows) {
            sb.append("| ").append(row[0]).append(" |");
            for (String v : variants) {
                sb.append(' ').append(p.getProperty("classes." + v + "." + row[1], "0")).append(" |");
            }
            sb.append('\n');
        }
        String prefix = "classes.jobs.package.";
        List<String> packages = new ArrayList<>();
        for (Iterator<String> it = p.stringPropertyNames().stream().sorted().iterator(); it.hasNext();) {
            String k = it.next();
            if (k.startsWith(prefix)) {
                packages.add("`" + k.substring(prefix.length()) + "` " + p.getProperty(k));
            }
        }
        if (!packages.isEmpty()) {
            sb.append("\n`jobs --all` loads from the jar: ").append(String.join(", ", packages)).append(".\n");
        }
        return sb.toString();
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

    private static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    static String x(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    static String ms(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }
}
