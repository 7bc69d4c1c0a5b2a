package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.metrics.ProcessInfo;
import io.github.slurm4j.model.metrics.ProcessInfoView;
import java.time.Duration;
import java.time.ZoneOffset;
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
        SlurmParseException e = catchThrowableOfType(() -> PsParser.parse("  PID  NI USER COMMAND\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("header");
        assertThat(e.reason()).contains("'NI'");
        e = catchThrowableOfType(() -> PsParser.parse("USER COMMAND\nroot bash\n"), SlurmParseException.class);
        assertThat(e.reason()).contains("without PID");
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
        e = catchThrowableOfType(() -> PsParser.parse(h + "    1     0 root      0.7  100.5 17060  45040     321 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("pmem");
        e = catchThrowableOfType(() -> PsParser.parse(h + "    1     0 root      0.7  0.5 1234567890123456  45040     321 x\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("rss");
    }

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    @Test
    void anyColumnListFromItsHeaderWithoutUser() {
        Fixtures.Case c = lab("ps-no-user-header");
        List<ProcessInfo> fromHeader = PsParser.parse(c.stdout());
        List<ProcessInfo> fromFormat = PsParser.forFormat("pid,ppid,pcpu,pmem,rss,vsz,etimes,comm").read(c.stdout());
        assertThat(fromFormat).isEqualTo(fromHeader);
        assertThat(fromHeader).hasSize(2);
        ProcessInfo init = fromHeader.get(0);
        assertThat(init.pid()).isEqualTo(1);
        assertThat(init.ppid()).isEqualTo(0L);
        assertThat(init.user()).isNull();
        assertThat(init.cpuPercent()).isEqualTo(1.9);
        assertThat(init.rssBytes()).isEqualTo(11908 * 1024L);
        assertThat(init.vszBytes()).isEqualTo(43768 * 1024L);
        assertThat(init.elapsed()).isEqualTo(Duration.ofSeconds(307));
        assertThat(init.command()).isEqualTo("process_api");
        assertThat(init.args()).isNull();
        assertThat(ProcessInfoView.toMap(init)).containsEntry("user", null).containsEntry("cpu_time_seconds", null)
                .containsEntry("elapsed_seconds", 307L);
        assertThat(fromHeader.get(1).pid()).isEqualTo(8037);
        assertThat(fromHeader.get(1).command()).isEqualTo("sleep");
    }

    @Test
    void withAndWithoutHeaderBothWaysRound() {
        Fixtures.Case with = lab("ps-no-user-header");
        Fixtures.Case without = lab("ps-no-user-noheader");
        PsParser p = PsParser.forFormat("pid,ppid,pcpu,pmem,rss,vsz,etimes,comm");
        assertThat(p.withoutHeader().read(without.stdout())).isEqualTo(p.read(with.stdout())).hasSize(2);
        SlurmParseException e = catchThrowableOfType(() -> p.read(without.stdout()), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("expected the header line of ps -o pid,ppid,pcpu,pmem,rss,vsz,etimes,comm")
                .contains("'PID PPID %CPU %MEM RSS VSZ ELAPSED COMMAND'");
        assertThat(e.excerpt()).contains("process_api");
        e = catchThrowableOfType(() -> p.withoutHeader().read(with.stdout()), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("starts with its header");

        Fixtures.Case wide = lab("ps-sampler-columns-args-last");
        Fixtures.Case wideWithout = lab("ps-sampler-columns-args-last-noheader");
        PsParser all = PsParser.forFormat("user,pid,ppid,%cpu,%mem,rss,vsz,etime,etimes,time,stat,comm,args");
        assertThat(all.withoutHeader().read(wideWithout.stdout())).isEqualTo(all.read(wide.stdout())).hasSize(2);
        assertThat(catchThrowableOfType(() -> all.read(wideWithout.stdout()), SlurmParseException.class).line()).isEqualTo(1);
        assertThat(catchThrowableOfType(() -> all.withoutHeader().read(wide.stdout()), SlurmParseException.class).line()).isEqualTo(1);
    }

    @Test
    void everySamplerColumnWithArgsLast() {
        Fixtures.Case c = lab("ps-sampler-columns-args-last");
        List<ProcessInfo> rows = PsParser.forFormat("user,pid,ppid,%cpu,%mem,rss,vsz,etime,etimes,time,stat,comm,args").read(c.stdout());
        ProcessInfo init = rows.get(0);
        assertThat(init.user()).isEqualTo("root");
        assertThat(init.elapsed()).isEqualTo(Duration.ofSeconds(308));
        assertThat(init.cpuTime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(init.state()).isEqualTo("S<Ll");
        assertThat(init.command()).isEqualTo("process_api");
        assertThat(init.args()).startsWith("/process_api --firecracker-init --addr 0.0.0.0:2024").endsWith("--auth-required");
        ProcessInfo sleeper = rows.get(1);
        assertThat(sleeper.pid()).isEqualTo(8037);
        assertThat(sleeper.command()).isEqualTo("sleep");
        assertThat(sleeper.args()).isEqualTo("p9-sleeper 28");
        assertThat(sleeper.elapsed()).isEqualTo(Duration.ZERO);
        // read from the header alone: two COMMAND columns are comm then args, ELAPSED either form
        assertThat(PsParser.parse(c.stdout())).isEqualTo(rows);
        assertThat(ProcessInfoView.toMap(init)).containsEntry("args", init.args()).containsEntry("state", "S<Ll")
                .containsEntry("cpu_time_seconds", 6L);
    }

    @Test
    void argsAloneAndInAnyOrderWithEtime() {
        Fixtures.Case c = lab("ps-command-stat-etime");
        List<ProcessInfo> rows = PsParser.forFormat("stat,etime,pid,command").read(c.stdout());
        assertThat(rows).extracting(ProcessInfo::pid).containsExactly(1L, 8037L);
        assertThat(rows.get(1).args()).isEqualTo("p9-sleeper 28");
        assertThat(rows.get(1).command()).isNull();
        assertThat(rows.get(0).elapsed()).isEqualTo(Duration.ofMinutes(5).plusSeconds(8));
        assertThat(rows.get(0).state()).isEqualTo("S<Ll");
        // from the header alone a single COMMAND column cannot be told from comm
        assertThat(PsParser.parse(c.stdout()).get(1).command()).isEqualTo("p9-sleeper 28");
        // etime with days and hours
        List<ProcessInfo> long_ = PsParser.forFormat("pid,etime,time,comm").withoutHeader()
                .read("  42 3-04:05:06 1-00:00:01 my sleep\n");
        assertThat(long_.get(0).elapsed()).isEqualTo(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6));
        assertThat(long_.get(0).cpuTime()).isEqualTo(Duration.ofDays(1).plusSeconds(1));
        assertThat(long_.get(0).command()).isEqualTo("my sleep");
    }

    @Test
    void emptyTitlesMeanNoHeaderAndCustomTitlesAreTheHeader() {
        Fixtures.Case c = lab("ps-all-headers-blank");
        PsParser blank = PsParser.forFormat("pid=,ppid=,etimes=,comm=");
        List<ProcessInfo> rows = blank.read(c.stdout());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).pid()).isEqualTo(1);
        assertThat(rows.get(0).elapsed()).isEqualTo(Duration.ofSeconds(343));
        assertThat(rows.get(0).command()).isEqualTo("process_api");
        List<ProcessInfo> named = PsParser.forFormat("pid=X,comm=Y").read("    X Y\n    1 process_api\n");
        assertThat(named).extracting(ProcessInfo::command).containsExactly("process_api");
        assertThat(catchThrowableOfType(() -> PsParser.forFormat("pid=X,comm=Y").read("  PID COMMAND\n    1 init\n"),
                SlurmParseException.class).reason()).contains("'X Y'");
    }

    @Test
    void aCommThatIsNotLastIsItsFifteenCharacters() {
        List<ProcessInfo> rows = PsParser.forFormat("comm,pid").read("COMMAND           PID\nmy sleep            7\nprocess_api         1\n");
        assertThat(rows).extracting(ProcessInfo::command).containsExactly("my sleep", "process_api");
        assertThat(rows).extracting(ProcessInfo::pid).containsExactly(7L, 1L);
        assertThat(catchThrowableOfType(() -> PsParser.forFormat("comm,pid").withoutHeader().read("/process_api --firecracker-     1\n"),
                SlurmParseException.class).field()).isEqualTo("comm");
    }

    @Test
    void formatsSlurm4jCannotReadAreRefusedUpFront() {
        assertThatThrownBy(() -> PsParser.forFormat("pid,args,comm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("args must be the last column");
        assertThatThrownBy(() -> PsParser.forFormat("ppid,comm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pid");
        assertThatThrownBy(() -> PsParser.forFormat("pid,wchan")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'wchan'");
    }

    @Test
    void theDispatcherReadsTheOListOfTheCommandLine() {
        for (String name : List.of("ps-no-user-header", "ps-no-user-noheader", "ps-sampler-columns-args-last",
                "ps-sampler-columns-args-last-noheader", "ps-command-stat-etime", "ps-all-headers-blank", "ps-job-pids-header")) {
            Fixtures.Case c = lab(name);
            ParsedOutput out = CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
            assertThat(out.kind()).as(name).isEqualTo("process");
            assertThat(out.items()).as(name).isNotEmpty().allSatisfy(m -> assertThat(m.get("pid")).isInstanceOf(Long.class));
        }
        Fixtures.Case c = lab("ps-command-stat-etime");
        ParsedOutput out = CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
        assertThat(out.items().get(1)).containsEntry("args", "p9-sleeper 28").containsEntry("command", null)
                .containsEntry("elapsed_seconds", 0L).containsEntry("state", "S");
        Fixtures.Case job = lab("ps-job-pids-header");
        ParsedOutput pids = CommandOutputParser.parse(new CommandOutput(job.cmd(), job.stdout(), job.stderr(), job.rc()), ZoneOffset.UTC);
        assertThat(pids.items()).extracting(m -> m.get("command")).containsExactly("sleep", "slurm_script", "srun", "srun", "sleep");
        assertThat(pids.items().get(2)).containsEntry("vsz_bytes", 209736 * 1024L).containsEntry("cpu_percent", 0.1);
    }
}
