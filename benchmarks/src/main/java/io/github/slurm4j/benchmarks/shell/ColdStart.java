package io.github.slurm4j.benchmarks.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the samples jar against a JDK-only hello world, each a fresh {@code java} process,
 * interleaved in the same run. Prints {@code key=value} lines (a properties file) on stdout.
 *
 * <pre>java -cp benchmarks.jar io.github.slurm4j.benchmarks.shell.ColdStart --samples-jar FILE [--reps 30] [--warmup 3]</pre>
 *
 * <p>Variants: {@code hello} ({@link Hello}, one class file in a folder of its own, plain
 * {@code java -cp}), {@code help} ({@code java -jar slurm4j-samples.jar --help}: the JVM, the
 * shaded jar and the samples' main class, no Slurm), {@code jobs} ({@code java -jar
 * slurm4j-samples.jar jobs --all}: one local {@code squeue}, printed as JSON) and {@code squeue}
 * ({@code squeue --all}, the Slurm call alone, for context). Every variant is first run once and
 * checked (exit 0, expected output); a failing variant stops the run rather than timing an error
 * path. Then {@code --warmup} rounds are thrown away and {@code --reps} rounds are timed; each
 * round runs every variant once, starting with a different one each round so no variant always
 * follows another. Time = from {@code ProcessBuilder.start()} to the exit, stdout discarded.
 *
 * <p>One more run of {@code hello}, {@code help} and {@code jobs} with {@code -Xlog:class+load}
 * (not timed) counts the classes each loads, by source (CDS archive, JDK image, the jar, generated)
 * and by package, and notes when the main class and the last class were loaded.
 */
public final class ColdStart {
    private static final Pattern LOAD_LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]\\[info\\]\\[class,load\\] (\\S+) source: (.*)$");

    /** One program to time: a name, its argument list, and the check its stdout must pass. */
    record Variant(String name, List<String> command, Predicate<String> stdoutOk) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path samplesJar = null;
        int reps = 30;
        int warmup = 3;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples-jar" -> samplesJar = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--java" -> java = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (samplesJar == null || !Files.isRegularFile(samplesJar)) {
            System.err.println("usage: ColdStart --samples-jar FILE [--reps N] [--warmup N] [--java PATH]"
                    + (samplesJar == null ? "" : " (no file " + samplesJar + ")"));
            System.exit(2);
        }
        Path helloDir = Files.createTempDirectory("slurm4j-hello");
        try {
            writeHello(helloDir);
            List<Variant> variants = variants(java, helloDir, samplesJar.toAbsolutePath());
            run(variants, reps, warmup, System.out);
        } finally {
            deleteTree(helloDir);
        }
    }

    static List<Variant> variants(String java, Path helloDir, Path samplesJar) {
        return List.of(
                new Variant("hello", List.of(java, "-cp", helloDir.toString(), Hello.class.getName()),
                        out -> out.equals("hello\n")),
                new Variant("help", List.of(java, "-jar", samplesJar.toString(), "--help"),
                        out -> out.startsWith("usage:")),
                new Variant("jobs", List.of(java, "-jar", samplesJar.toString(), "jobs", "--all"),
                        out -> out.startsWith("[") && out.stripTrailing().endsWith("]")),
                new Variant("squeue", List.of("squeue", "--all"), out -> out.contains("JOBID")));
    }

    static void run(List<Variant> variants, int reps, int warmup, PrintStream out) throws IOException, InterruptedException {
        out.println("coldstart.reps=" + reps);
        out.println("coldstart.warmup=" + warmup);
        for (Variant v : variants) {
            verify(v);
            out.println("coldstart." + v.name() + ".command=" + String.join(" ", v.command()));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (Variant v : variants) {
            times.put(v.name(), new ArrayList<>());
        }
        for (int round = 0; round < warmup + reps; round++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((round + k) % variants.size());
                double ms = time(v);
                if (round >= warmup) {
                    times.get(v.name()).add(ms);
                }
            }
        }
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            out.println("coldstart." + e.getKey() + ".ms=" + Stats.join(e.getValue()));
        }
        for (Variant v : variants) {
            if (v.command().get(0).endsWith("java")) {
                classLoads(v, out);
            }
        }
    }

    /** Runs the variant once and fails unless it exits 0 with the expected stdout. */
    private static void verify(Variant v) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(v.command()).redirectInput(Redirect.from(new java.io.File("/dev/null"))).start();
        byte[][] outErr = readBoth(p);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(v.name() + " did not finish in 120 s: " + v.command());
        }
        String stdout = new String(outErr[0], StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !v.stdoutOk().test(stdout)) {
            throw new IllegalStateException(v.name() + " (" + String.join(" ", v.command()) + ") exited " + p.exitValue()
                    + "; stdout: " + excerpt(stdout) + "; stderr: " + excerpt(new String(outErr[1], StandardCharsets.UTF_8)));
        }
    }

    /** Wall time of one run in ms, from start to exit; a non-zero exit stops the harness. */
    private static double time(Variant v) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(v.command()).redirectInput(Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int rc = p.waitFor();
        long t1 = System.nanoTime();
        if (rc != 0) {
            throw new IllegalStateException(v.name() + " exited " + rc + " during the timed runs: " + v.command());
        }
        return (t1 - t0) / 1e6;
    }

    /** One untimed run with {@code -Xlog:class+load} (to a file, so stdout stays the program's). */
    private static void classLoads(Variant v, PrintStream out) throws IOException, InterruptedException {
        Path log = Files.createTempFile("slurm4j-classload", ".log");
        try {
            List<String> cmd = new ArrayList<>(v.command());
            cmd.add(1, "-Xlog:class+load=info:file=" + log);
            Process p = new ProcessBuilder(cmd).redirectInput(Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(v.name() + " with -Xlog:class+load exited " + p.exitValue());
            }
            ClassLoads loads = ClassLoads.parse(Files.readAllLines(log, StandardCharsets.UTF_8), mainClass(v));
            String k = "classes." + v.name() + ".";
            out.println(k + "total=" + loads.total());
            loads.bySource().forEach((source, n) -> out.println(k + "source." + source + "=" + n));
            loads.appPackages().forEach((pkg, n) -> out.println(k + "package." + pkg + "=" + n));
            out.println(k + "mainLoadedAt.ms=" + String.format(Locale.ROOT, "%.0f", loads.mainAtMs()));
            out.println(k + "lastLoadedAt.ms=" + String.format(Locale.ROOT, "%.0f", loads.lastAtMs()));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String mainClass(Variant v) {
        return v.name().equals("hello") ? Hello.class.getName() : "io.github.slurm4j.samples.Main";
    }

    /** What one {@code -Xlog:class+load} log says. */
    record ClassLoads(int total, Map<String, Integer> bySource, Map<String, Integer> appPackages, double mainAtMs,
            double lastAtMs) {

        /**
         * Counts the {@code [class,load]} lines: source {@code cds} (the JDK's shared archive),
         * {@code jdk} ({@code jrt:/}, the JDK image), {@code app} (a jar or folder), {@code generated}
         * (lambda forms, proxies, hidden classes); app classes also by package (first three
         * segments for {@code io.github.slurm4j.*}, two for the others).
         */
        static ClassLoads parse(List<String> lines, String mainClass) {
            Map<String, Integer> bySource = new TreeMap<>();
            Map<String, Integer> packages = new TreeMap<>();
            int total = 0;
            double mainAt = Double.NaN;
            double last = 0;
            for (String line : lines) {
                Matcher m = LOAD_LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                total++;
                double at = Double.parseDouble(m.group(1)) * 1000;
                last = Math.max(last, at);
                String name = m.group(2);
                String source = m.group(3);
                if (name.equals(mainClass)) {
                    mainAt = at;
                }
                String kind;
                if (source.startsWith("shared objects file")) {
                    kind = "cds";
                } else if (source.startsWith("jrt:/")) {
                    kind = "jdk";
                } else if (source.startsWith("file:") || source.startsWith("jar:")) {
                    kind = "app";
                    packages.merge(packageGroup(name), 1, Integer::sum);
                } else {
                    kind = "generated";
                }
                bySource.merge(kind, 1, Integer::sum);
            }
            return new ClassLoads(total, bySource, packages, mainAt, last);
        }

        static String packageGroup(String className) {
            String[] parts = className.split("\\.");
            int keep = className.startsWith("io.github.slurm4j.") ? 4 : 2;
            keep = Math.min(keep, parts.length - 1);
            return keep <= 0 ? "(default)" : String.join(".", java.util.Arrays.copyOf(parts, keep));
        }
    }

    private static byte[][] readBoth(Process p) throws IOException {
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getErrorStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        return new byte[][] {out, err.join()};
    }

    private static String excerpt(String s) {
        String t = s.strip().replace('\n', ' ');
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    /** Copies {@link Hello}'s class file (from this jar) into {@code dir}, under its package folders. */
    static void writeHello(Path dir) throws IOException {
        String resource = Hello.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the class path");
            }
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
