package io.github.slurm4j.benchmarks.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellReportTest {

    /** A JMH SampleTime result as JMH 1.37 writes it (trimmed to the fields the report reads). */
    private static String jmhRun(String benchmark, String params, String unit, double p0, double p50, double p90,
            String histogram) {
        return "{\"benchmark\":\"io.github.slurm4j.benchmarks.shell." + benchmark + "\",\"mode\":\"sample\","
                + (params == null ? "" : "\"params\":" + params + ",")
                + "\"primaryMetric\":{\"score\":" + p50 + ",\"scoreError\":0.1,\"scoreUnit\":\"" + unit + "\","
                + "\"scorePercentiles\":{\"0.0\":" + p0 + ",\"50.0\":" + p50 + ",\"90.0\":" + p90 + ",\"100.0\":" + p90 + "},"
                + "\"rawDataHistogram\":" + histogram + "}}";
    }

    @Test
    void readsMediansPerCommandAndDividesConcurrencyOpsByEight(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + String.join(",",
                jmhRun("LatencyBenchmark.remoteShellReused", null, "ms/op", 2.0, 2.5, 3.0,
                        "[[[[2.5,10],[3.0,5]],[[2.4,7]]]]"),
                jmhRun("LatencyBenchmark.localShell", null, "us/op", 1500, 2000, 2600, "[[[[2000,4]]]]"),
                jmhRun("ConcurrencyBenchmark.concurrent", "{\"command\":\"sleep\"}", "ms/op", 56, 64, 80, "[[[[64,3]]]]"))
                + "]", StandardCharsets.UTF_8);

        Map<String, ShellReport.Timing> t = ShellReport.readJmh(json);

        assertThat(t).containsOnlyKeys("latency.remoteShellReused", "latency.localShell", "perCommand.concurrent:sleep");
        assertThat(t.get("latency.remoteShellReused")).isEqualTo(new ShellReport.Timing(2.5, 3.0, 2.0, 22));
        ShellReport.Timing local = t.get("latency.localShell");
        assertThat(local.median()).isCloseTo(2.0, within(1e-9));
        assertThat(local.p90()).isCloseTo(2.6, within(1e-9));
        assertThat(t.get("perCommand.concurrent:sleep").median()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void refusesAResultWithoutPercentiles(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[{\"benchmark\":\"x.LatencyBenchmark.localShell\",\"primaryMetric\":"
                + "{\"score\":1.0,\"scoreError\":0.1,\"scoreUnit\":\"ms/op\"}}]", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShellReport.readJmh(json)).hasMessageContaining("SampleTime");
    }

    @Test
    void coldStartTimingsAreMediansOfTheSamples() {
        Properties p = new Properties();
        p.setProperty("coldstart.hello.ms", "40.00,50.00,45.00,300.00");
        p.setProperty("coldstart.hello.command", "java -cp x Hello");
        p.setProperty("coldstart.jobs.ms", "310.5");

        Map<String, ShellReport.Timing> t = ShellReport.coldStart(p);

        assertThat(t).containsOnlyKeys("coldstart.hello", "coldstart.jobs");
        assertThat(t.get("coldstart.hello").median()).isCloseTo(47.5, within(1e-9));
        assertThat(t.get("coldstart.hello").min()).isCloseTo(40.0, within(1e-9));
        assertThat(t.get("coldstart.hello").samples()).isEqualTo(4);
        assertThat(t.get("coldstart.jobs").median()).isCloseTo(310.5, within(1e-9));
    }

    @Test
    void ratiosAreOfMediansAndMissingMeasuresSayNa() {
        Map<String, ShellReport.Timing> run = Map.of(
                "latency.remoteShellReused", new ShellReport.Timing(3.0, 4.0, 2.0, 100),
                "latency.opensshControlMaster", new ShellReport.Timing(7.5, 9.0, 6.0, 50),
                "coldstart.jobs", new ShellReport.Timing(400, 450, 380, 30),
                "coldstart.hello", new ShellReport.Timing(50, 60, 45, 30));

        String md = ShellReport.render(List.of(run));

        assertThat(md).contains("| RemoteShell reused / OpenSSH ControlMaster | 0.40x (3.00 / 7.50) | <= 0.5x |");
        assertThat(md).contains("| cold start: `jobs --all` / JDK-only hello | 8.00x (400 / 50.00) | <= 8x |");
        assertThat(md).contains("| RemoteShell reused / LocalShell | n/a | <= 1.5x |");
        assertThat(md).contains("| RemoteShell, reused connection, `echo x` | 3.00 | 4.00 | 2.00 | 100 |");
    }

    @Test
    void severalRunsShowEachRunAndTheSpread() {
        Map<String, ShellReport.Timing> a = Map.of(
                "latency.remoteShellReused", new ShellReport.Timing(3.0, 4.0, 2.0, 100),
                "latency.localShell", new ShellReport.Timing(2.0, 3.0, 1.5, 100));
        Map<String, ShellReport.Timing> b = Map.of(
                "latency.remoteShellReused", new ShellReport.Timing(4.0, 5.0, 2.0, 100),
                "latency.localShell", new ShellReport.Timing(2.0, 3.0, 1.5, 100));

        String md = ShellReport.render(List.of(a, b));

        assertThat(md).contains("| RemoteShell reused / LocalShell | 1.50x (3.00 / 2.00) | 2.00x (4.00 / 2.00) | 1.50x – 2.00x | <= 1.5x |");
        assertThat(md).contains("| LocalShell | 2.00 (3.00) | 2.00 (3.00) |");
    }

    @Test
    void classLoadLinesAreCountedBySourceAndPackage() {
        List<String> log = List.of(
                "[0.012s][info][class,load] java.lang.Object source: shared objects file",
                "[0.030s][info][class,load] java.util.HexFormat source: jrt:/java.base",
                "[0.041s][info][class,load] io.github.slurm4j.samples.Main source: file:/x/slurm4j-samples.jar",
                "[0.052s][info][class,load] io.github.slurm4j.exec.local.LocalShell source: file:/x/slurm4j-samples.jar",
                "[0.060s][info][class,load] org.slf4j.LoggerFactory source: file:/x/slurm4j-samples.jar",
                "[0.061s][info][class,load] io.github.slurm4j.samples.Main$$Lambda$14/0x0000000800c0b000 source: io.github.slurm4j.samples.Main",
                "[0.070s][info][gc] something else");

        ColdStart.ClassLoads c = ColdStart.ClassLoads.parse(log, "io.github.slurm4j.samples.Main");

        assertThat(c.total()).isEqualTo(6);
        assertThat(c.bySource()).containsExactlyInAnyOrderEntriesOf(Map.of("cds", 1, "jdk", 1, "app", 3, "generated", 1));
        assertThat(c.appPackages()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "io.github.slurm4j.samples", 1, "io.github.slurm4j.exec", 1, "org.slf4j", 1));
        assertThat(c.mainAtMs()).isCloseTo(41.0, within(1e-9));
        assertThat(c.lastAtMs()).isCloseTo(61.0, within(1e-9));
    }

    @Test
    void quantilesInterpolateBetweenRanks() {
        List<Double> v = List.of(4.0, 1.0, 3.0, 2.0);
        assertThat(Stats.median(v)).isCloseTo(2.5, within(1e-9));
        assertThat(Stats.quantile(v, 0)).isEqualTo(1.0);
        assertThat(Stats.quantile(v, 1)).isEqualTo(4.0);
        assertThat(Stats.quantile(v, 0.9)).isCloseTo(3.7, within(1e-9));
        assertThat(Stats.median(List.of())).isNaN();
        assertThat(Stats.parse(Stats.join(List.of(1.234, 50.0)))).containsExactly(1.23, 50.0);
    }

    @Test
    void helloIsCopiedAsOneClassFile(@TempDir Path dir) throws IOException {
        ColdStart.writeHello(dir);
        Path cls = dir.resolve("io/github/slurm4j/benchmarks/shell/Hello.class");
        assertThat(cls).isRegularFile();
        byte[] b = Files.readAllBytes(cls);
        assertThat(b).startsWith(0xCA, 0xFE, 0xBA, 0xBE);
    }
}
