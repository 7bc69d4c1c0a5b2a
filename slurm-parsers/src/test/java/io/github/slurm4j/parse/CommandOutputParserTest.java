package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmErrorType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dispatcher behind the parse tool, over every captured case. */
class CommandOutputParserTest {

    /** Cases whose output must be refused (a value holds the delimiter and its owner is ambiguous). */
    static final Set<String> REFUSED = Set.of("sacct-comment-with-pipe-and-equals", "sacct-parsable2-many-fields-all");

    /** Cases that legitimately yield no items: header-only and silent successes are counted apart. */
    static ParsedOutput parse(Fixtures.Case c) {
        return CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
    }

    @Test
    void everyFixtureIsParsedOrClassifiedOrRefusedWithWhere() {
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int errors = 0;
        for (String name : Fixtures.names()) {
            Fixtures.Case c = Fixtures.load(name);
            if (REFUSED.contains(name)) {
                assertThatThrownBy(() -> parse(c)).as(name).isInstanceOf(SlurmParseException.class)
                        .hasMessageContaining("line ");
                continue;
            }
            ParsedOutput out;
            try {
                out = parse(c);
            } catch (RuntimeException e) {
                problems.add(name + ": " + e);
                continue;
            }
            kinds.merge(out.kind(), 1, Integer::sum);
            if (out.kind().equals("unknown")) {
                problems.add(name + ": unknown kind");
            }
            if (out.error() != null) {
                errors++;
                assertThat(out.items()).as(name).isEmpty();
                assertThat(out.error().message()).as(name).isNotBlank();
            }
        }
        assertThat(problems).isEmpty();
        // the error cases of the index: *-error-*, controller/dbd down, permission refusals
        assertThat(errors).isEqualTo(50);
        assertThat(kinds).containsKeys("job", "node", "partition", "step", "reservation", "accounting", "stat", "seff",
                "submit", "pids", "action", "table", "config", "license", "hostname", "diag");
    }

    @Test
    void aJobComesOutAsTheJsonViewWithOnlySuppliedKeys() {
        ParsedOutput out = parse(Fixtures.load("squeue-custom-pipe-header"));
        assertThat(out.command()).isEqualTo("squeue");
        assertThat(out.kind()).isEqualTo("job");
        assertThat(out.items()).isNotEmpty();
        Map<String, Object> first = out.items().get(0);
        assertThat(first).containsKeys("name", "job_state").doesNotContainKeys("work_dir", "std_out", "batch_host");
    }

    @Test
    void aCompactStateThatFillsItsColumnIsNotFlaggedButACutNameIs() {
        ParsedOutput out = parse(Fixtures.load("squeue-default-rich"));
        Map<String, Object> job48 = out.items().stream().filter(m -> Long.valueOf(48).equals(m.get("job_id"))).findFirst().orElseThrow();
        assertThat(job48).containsEntry("job_state", "PENDING").containsEntry("name", "in-reser");
        assertThat(job48.get("truncated")).isEqualTo(List.of("Name"));
    }

    @Test
    void errorsAreClassifiedBeforeParsing() {
        ParsedOutput out = parse(Fixtures.load("squeue-error-invalid-user"));
        assertThat(out.error()).isNotNull();
        assertThat(out.error().type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT);
        ParsedOutput down = parse(Fixtures.load("ctld-down-squeue"));
        assertThat(down.error().type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE);
        assertThat(down.kind()).isEqualTo("job");
    }

    @Test
    void compoundCommandLinesAreSplitAtTheirMarkers() {
        ParsedOutput out = parse(Fixtures.load("sinfo-dead-responding"));
        assertThat(out.command()).isEqualTo("sinfo");
        assertThat(out.kind()).isEqualTo("partition");
        assertThat(out.items()).hasSizeGreaterThan(1);
        assertThatThrownBy(() -> CommandOutputParser.parse(new CommandOutput("sinfo -d; sinfo -r", "a\nb\n", "", 0), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which output");
    }

    @Test
    void unknownToolsAndPrefixesOfScontrol() {
        assertThatThrownBy(() -> CommandOutputParser.parse(new CommandOutput("ls -l", "x", "", 0), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parser");
        assertThatThrownBy(() -> CommandOutputParser.parse(new CommandOutput("echo hi", "hi", "", 0), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Slurm command");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("scontrol show part -o"))).isEqualTo("partition");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("scontrol -d show nodes"))).isEqualTo("node");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("scontrol show hostlist a,b"))).isEqualTo("unknown");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("scontrol listpids 14"))).isEqualTo("pids");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("squeue -s"))).isEqualTo("step");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("sinfo -N"))).isEqualTo("node");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("nvidia-smi pmon -c 1"))).isEqualTo("gpu_process");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("ps -o pid"))).isEqualTo("process");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("sbatch --test-only -p debug x.sh"))).isEqualTo("submit_test");
        assertThat(CommandOutputParser.kindOf(SlurmCommandLine.parse("sbatch -p debug x.sh"))).isEqualTo("submit");
        assertThat(CommandOutputParser.snake("GrpTRESMins")).isEqualTo("grp_tres_mins");
        assertThat(CommandOutputParser.snake("Def Acct")).isEqualTo("def_acct");
        assertThat(CommandOutputParser.snake("NormShares")).isEqualTo("norm_shares");
    }

    @Test
    void noheaderTablesNeedTheirFormatList() {
        ParsedOutput out = CommandOutputParser.parse(new CommandOutput("sshare -P -n -o Account,User", "root|\n a|b\n", "", 0), ZoneOffset.UTC);
        assertThat(out.items()).hasSize(2);
        assertThat(out.items().get(1)).containsEntry("user", "b");
        assertThatThrownBy(() -> CommandOutputParser.parse(new CommandOutput("sshare -P -n", "root|\n", "", 0), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--format");
    }
}
