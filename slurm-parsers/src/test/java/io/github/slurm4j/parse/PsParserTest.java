package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.metrics.ProcessInfo;
import io.github.slurm4j.model.metrics.ProcessInfoView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsParserTest {

    private static Fixtures.Case handmade(String name) {
        return Fixtures.load("handmade", name);
    }

    @Test
    void headerAndCommandWithBlank() {
        Fixtures.Case c = handmade("ps-header-space-in-comm");
        assertThat(c.cmd()).contains(PsParser.FORMAT);
        List<ProcessInfo> rows = PsParser.parse(c.stdout());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(new ProcessInfo(1, 0, "root", 0.7, 0.0, 17060 * 1024L, 45040 * 1024L,
                Duration.ofSeconds(321), "process_api"));
        assertThat(rows.get(1).pid()).isEqualTo(11178);
        assertThat(rows.get(1).ppid()).isEqualTo(11176);
        assertThat(rows.get(1).command()).isEqualTo("my sleep");
        assertThat(rows.get(1).rssBytes()).isEqualTo(1804 * 1024L);
        assertThat(rows.get(2).cpuPercent()).isEqualTo(74.2);
        assertThat(rows.get(2).command()).isEqualTo("sh");
        assertThat(ProcessInfoView.toMap(rows.get(1))).containsEntry("command", "my sleep")
                .containsEntry("rss_bytes", 1804 * 1024L).containsEntry("vsz_bytes", 2920 * 1024L)
                .containsEntry("elapsed_seconds", 3L).containsEntry("cpu_percent", 0.0)
                .containsEntry("mem_percent", 0.0).containsEntry("user", "root").containsEntry("pid", 11178L)
                .containsEntry("ppid", 11176L);
    }

    @Test
    void noHeaders() {
        List<ProcessInfo> rows = PsParser.parse(handmade("ps-no-headers").stdout());
        assertThat(rows).extracting(ProcessInfo::pid).containsExactly(1L, 11178L);
        assertThat(rows.get(1).command()).isEqualTo("my sleep");
        assertThat(rows.get(1).elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void noSuchPidGivesHeaderOnly() {
        Fixtures.Case c = handmade("ps-no-such-pid");
        assertThat(c.rc()).isEqualTo(1);
        assertThat(PsParser.parse(c.stdout())).isEmpty();
    }

    @Test
    void errorsNameLineAndField() {
        String h = "  PID  PPID USER     %CPU %MEM   RSS    VSZ ELAPSED COMMAND\n";
        SlurmParseException e = catchThrowableOfType(() -> PsParser.parse("  PID  PPID USER COMMAND\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("header");
        e = catchThrowableOfType(() -> PsParser.parse(h + "    1     0 root      0.7  0.0 17060  45040     321\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(2);
        e = catchThrowableOfType(() -> PsParser.parse(h + "    1     0 root      0.7  0.0 17060  45040     321   \n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(2);
        e = catchThrowableOfType(() -> PsParser.parse(h + "    1     0 root      high  0.0 17060  45040     321 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("pcpu");
        e = catchThrowableOfType(() -> PsParser.parse("    1     0 root      0.7  0.0 17060  -     321 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("vsz");
        assertThat(e.line()).isEqualTo(1);
        assertThat(PsParser.parse(null)).isEmpty();
    }
}
