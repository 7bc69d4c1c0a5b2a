package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;
import io.github.slurm4j.model.metrics.GpuProcessUtilizationView;
import io.github.slurm4j.model.metrics.GpuProcessView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {

    static Fixtures.Case handmade(String name) {
        return Fixtures.load("handmade", name);
    }

    @Test
    void computeAppsCsvWithHeaderAndUnits() {
        List<GpuProcess> rows = NvidiaSmiParser.parseComputeApps(handmade("nvidia-smi-compute-apps-csv").stdout());
        assertThat(rows).containsExactly(new GpuProcess(29735, 1234L), new GpuProcess(29735, 512L), new GpuProcess(32510, 300L));
        assertThat(GpuProcessView.toMap(rows.get(0))).containsEntry("pid", 29735L).containsEntry("used_memory_mib", 1234L);
    }

    @Test
    void computeAppsNoheaderNounitsWithNotAvailable() {
        List<GpuProcess> rows = NvidiaSmiParser.parseComputeApps(handmade("nvidia-smi-compute-apps-noheader-nounits").stdout());
        assertThat(rows).containsExactly(new GpuProcess(29735, 1234L), new GpuProcess(29735, 512L), new GpuProcess(32510, null));
        assertThat(GpuProcessView.toMap(rows.get(2))).containsEntry("used_memory_mib", null);
    }

    @Test
    void computeAppsNounitsHeaderAndNone() {
        assertThat(NvidiaSmiParser.parseComputeApps(handmade("nvidia-smi-compute-apps-nounits-header").stdout()))
                .containsExactly(new GpuProcess(29735, 1234L));
        assertThat(NvidiaSmiParser.parseComputeApps(handmade("nvidia-smi-compute-apps-none").stdout())).isEmpty();
        assertThat(NvidiaSmiParser.parseComputeApps("pid, used_gpu_memory [MiB]\n" + NvidiaSmiParser.NO_PROCESSES + "\n")).isEmpty();
        assertThat(NvidiaSmiParser.parseComputeApps(null)).isEmpty();
    }

    @Test
    void computeAppsErrors() {
        SlurmParseException e = catchThrowableOfType(() -> NvidiaSmiParser.parseComputeApps("pid, process_name\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("header");
        e = catchThrowableOfType(() -> NvidiaSmiParser.parseComputeApps(
                "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        e = catchThrowableOfType(() -> NvidiaSmiParser.parseComputeApps("12, 3 GiB\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("used_memory");
        e = catchThrowableOfType(() -> NvidiaSmiParser.parseComputeApps("pid, used_memory [MiB]\nabc, 3 MiB\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("pid");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.command()).isEqualTo(NvidiaSmiParser.COMPUTE_APPS_COMMAND);
    }

    @Test
    void pmonWithDashesIdleGpuAndBlankInCommand() {
        List<GpuProcessUtilization> rows = NvidiaSmiParser.parsePmon(handmade("nvidia-smi-pmon-um").stdout());
        assertThat(rows).containsExactly(
                new GpuProcessUtilization(0, 29735L, "C", 45, 12, null, null, 1234L, "python", Map.of()),
                new GpuProcessUtilization(1, 29735L, "C", 30, 8, null, null, 512L, "python", Map.of()),
                new GpuProcessUtilization(2, null, null, null, null, null, null, null, null, Map.of()),
                new GpuProcessUtilization(3, 32510L, "C", null, null, null, null, 300L, "cuda app", Map.of()));
        Map<String, Object> m = GpuProcessUtilizationView.toMap(rows.get(3));
        assertThat(m).containsEntry("gpu", 3).containsEntry("pid", 32510L).containsEntry("sm_percent", null)
                .containsEntry("fb_mib", 300L).containsEntry("command", "cuda app").containsEntry("extras", Map.of());
    }

    @Test
    void pmonNewerColumnsGoToExtras() {
        List<GpuProcessUtilization> rows = NvidiaSmiParser.parsePmon(handmade("nvidia-smi-pmon-um-newer-columns").stdout());
        assertThat(rows).hasSize(1);
        GpuProcessUtilization r = rows.get(0);
        assertThat(r.pid()).isEqualTo(29735L);
        assertThat(r.smPercent()).isEqualTo(45);
        assertThat(r.memPercent()).isEqualTo(12);
        assertThat(r.fbMib()).isEqualTo(1234L);
        assertThat(r.command()).isEqualTo("python");
        assertThat(r.extras()).containsExactly(Map.entry("jpg", "-"), Map.entry("ofa", "-"), Map.entry("ccpm", "0"));
    }

    @Test
    void pmonColumnOrderFollowsTheHeader() {
        String text = "# gpu        pid  type    fb    sm   mem   enc   dec   command\n"
                + "# Idx          #   C/G    MB     %     %     %     %   name\n"
                + "    1    1864615     C   535     7     3     -     -   python\n";
        GpuProcessUtilization r = NvidiaSmiParser.parsePmon(text).get(0);
        assertThat(r.fbMib()).isEqualTo(535L);
        assertThat(r.smPercent()).isEqualTo(7);
        assertThat(r.memPercent()).isEqualTo(3);
    }

    @Test
    void pmonErrors() {
        SlurmParseException e = catchThrowableOfType(() -> NvidiaSmiParser.parsePmon("    0  1 C 1 1 - - 1 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("header");
        assertThat(e.line()).isEqualTo(1);
        e = catchThrowableOfType(() -> NvidiaSmiParser.parsePmon("# gpu pid command type\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("header");
        String h = "# gpu pid type sm mem command\n# Idx # C/G % % name\n";
        e = catchThrowableOfType(() -> NvidiaSmiParser.parsePmon(h + "0 1 C 5\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(3);
        e = catchThrowableOfType(() -> NvidiaSmiParser.parsePmon(h + "0 1 C lots 1 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("sm");
        e = catchThrowableOfType(() -> NvidiaSmiParser.parsePmon(h + "- 1 C 1 1 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("gpu");
        assertThat(e.command()).isEqualTo(NvidiaSmiParser.PMON_COMMAND);
        assertThat(NvidiaSmiParser.parsePmon(null)).isEmpty();
    }
}
