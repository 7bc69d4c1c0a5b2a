package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.PidMetricSeries;
import io.github.slurm4j.model.metrics.PidMetricView;
import io.github.slurm4j.model.metrics.ProcessInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PidMetricsTest {
    private static final Instant T = Instant.parse("2022-05-10T04:22:50Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static List<JobPid> listpids() {
        return ListPidsParser.parse(Fixtures.load("scontrol-listpids-running").stdout());
    }

    private static List<ProcessInfo> ps() {
        return List.of(
                new ProcessInfo(1, 0, "root", 0.7, 0.0, 17060 * 1024L, 45040 * 1024L, Duration.ofSeconds(321), "init"),
                new ProcessInfo(15452, 1, "root", 0.0, 0.1, 3000 * 1024L, 9000 * 1024L, Duration.ofSeconds(300), "slurm_script"),
                new ProcessInfo(29735, 15452, "root", 98.5, 1.2, 524288 * 1024L, 900000 * 1024L, Duration.ofSeconds(200), "python"),
                new ProcessInfo(32510, 29735, "root", 10.0, 0.5, 102400 * 1024L, 200000 * 1024L, Duration.ofSeconds(100), "cuda app"));
    }

    private static List<GpuProcess> apps(String name) {
        return NvidiaSmiParser.parseComputeApps(NvidiaSmiParserTest.handmade(name).stdout());
    }

    private static List<GpuProcessUtilization> pmon() {
        return NvidiaSmiParser.parsePmon(NvidiaSmiParserTest.handmade("nvidia-smi-pmon-um").stdout());
    }

    @Test
    void combineKeepsListpidsOrderAndSkipsMissingProcesses() {
        List<PidMetric> m = PidMetrics.combine(listpids(), ps(), apps("nvidia-smi-compute-apps-csv"), pmon(), T);
        assertThat(m).containsExactly(
                new PidMetric(15452, T, 0.0, 0.1, 3000 * 1024L, null, null, null),
                new PidMetric(29735, T, 98.5, 1.2, 524288 * 1024L, 75.0, 20.0, 1746L),
                new PidMetric(32510, T, 10.0, 0.5, 102400 * 1024L, null, null, 300L));
        assertThat(PidMetricView.toMap(m.get(1))).containsEntry("pid", 29735L).containsEntry("time", "2022-05-10T04:22:50Z")
                .containsEntry("gpu_util_percent", 75.0).containsEntry("gpu_memory_used_mib", 1746L)
                .containsEntry("rss_bytes", 524288 * 1024L).containsEntry("cpu_percent", 98.5)
                .containsEntry("mem_percent", 1.2).containsEntry("gpu_memory_util_percent", 20.0);
    }

    @Test
    void gpuMemoryFallsBackToPmonFrameBuffer() {
        List<PidMetric> m = PidMetrics.combine(listpids(), ps(), apps("nvidia-smi-compute-apps-noheader-nounits"), pmon(), T);
        assertThat(m.get(1).gpuMemoryUsedMib()).isEqualTo(1746L);
        assertThat(m.get(2).gpuMemoryUsedMib()).isEqualTo(300L); // [N/A] in compute-apps, 300 MB in pmon
        List<PidMetric> noApps = PidMetrics.combine(listpids(), ps(), null, pmon(), T);
        assertThat(noApps.get(1).gpuMemoryUsedMib()).isEqualTo(1746L);
        List<PidMetric> noGpu = PidMetrics.combine(listpids(), ps(), List.of(), null, T);
        assertThat(noGpu).extracting(PidMetric::gpuUtilPercent).containsOnlyNulls();
        assertThat(noGpu).extracting(PidMetric::gpuMemoryUsedMib).containsOnlyNulls();
    }

    @Test
    void processesWithoutTheSampledColumnsAreRefused() {
        List<ProcessInfo> noCpu = PsParser.forFormat("pid,rss,comm").withoutHeader().read("   1  100 init\n");
        assertThatThrownBy(() -> PidMetrics.combine(listpids(), noCpu, null, null, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks pcpu, pmem or rss");
    }

    @Test
    void duplicatePidsAreSampledOnce() {
        List<JobPid> pids = new ArrayList<>(listpids());
        pids.addAll(listpids());
        assertThat(PidMetrics.combine(pids, ps(), null, null, T)).hasSize(3);
    }

    private static Map<String, Object> y(String data, long pid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("name", "PID-" + pid);
        return m;
    }

    private static Map<String, Object> entry(String x, String title, List<Map<String, Object>> ys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", Map.of("data", x));
        m.put("y", ys);
        m.put("title", title);
        return m;
    }

    @Test
    void runDataShapeIsPinned() {
        List<PidMetric> m = PidMetrics.combine(listpids(), ps(), apps("nvidia-smi-compute-apps-csv"), pmon(), T);
        String x = "2022-05-10 12:22:50";
        List<Map<String, Object>> expected = List.of(
                entry(x, "gpu", List.of(y(null, 15452), y("75.0", 29735), y(null, 32510))),
                entry(x, "mem", List.of(y("0.1", 15452), y("1.2", 29735), y("0.5", 32510))),
                entry(x, "cpu", List.of(y("0.0", 15452), y("98.5", 29735), y("10.0", 32510))),
                entry(x, "ram", List.of(y("2.9", 15452), y("512.0", 29735), y("100.0", 32510))),
                entry(x, "gpu_memory_usage", List.of(y(null, 15452), y("1746.0", 29735), y("300.0", 32510))));
        List<Map<String, Object>> runData = new PidMetricSeries(m).runData(ZONE);
        assertThat(runData).isEqualTo(expected);
        assertThat(runData.get(0).keySet()).containsExactly("x", "y", "title");
        assertThat(PidMetricSeries.TITLES).containsExactly("gpu", "mem", "cpu", "ram", "gpu_memory_usage");
    }

    @Test
    void runDataOrdersSampleTimes() {
        Instant later = T.plusSeconds(10);
        List<PidMetric> samples = new ArrayList<>(PidMetrics.combine(listpids(), ps(), null, null, later));
        samples.addAll(PidMetrics.combine(listpids(), ps(), null, null, T));
        List<Map<String, Object>> runData = new PidMetricSeries(samples).runData(ZONE);
        assertThat(runData).hasSize(10);
        assertThat(runData).extracting(e -> (Object) ((Map<?, ?>) e.get("x")).get("data"))
                .containsExactly("2022-05-10 12:22:50", "2022-05-10 12:22:50", "2022-05-10 12:22:50",
                        "2022-05-10 12:22:50", "2022-05-10 12:22:50", "2022-05-10 12:23:00", "2022-05-10 12:23:00",
                        "2022-05-10 12:23:00", "2022-05-10 12:23:00", "2022-05-10 12:23:00");
        assertThat(new PidMetricSeries(List.of()).runData(ZONE)).isEmpty();
    }
}
