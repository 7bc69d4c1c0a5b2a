package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.SlurmTable;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.SubmitTestResult;
import io.github.slurm4j.model.job.SubmitTestResultView;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two outputs the parse tool used to refuse: {@code sbatch --test-only} and {@code sreport -P}. */
class SbatchTestOnlyAndSreportTest {

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    private static ParsedOutput dispatch(Fixtures.Case c) {
        return CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
    }

    private static SubmitTestResult testOnly(Fixtures.Case c) {
        return SbatchParser.parseTestOnly(c.stdout(), c.stderr(), c.rc());
    }

    @Test
    void testOnlyEstimateIsReadFromStderr() {
        Fixtures.Case c = lab("sbatch-test-only");
        assertThat(c.stdout()).isEmpty();
        SubmitTestResult r = testOnly(c);
        assertThat(r.jobId()).isEqualTo(JobId.of(21));
        assertThat(r.startTime()).isEqualTo(SlurmTime.of(LocalDateTime.of(2026, 12, 2, 14, 12, 19)));
        assertThat(r.processors()).isEqualTo(1);
        assertThat(r.nodeList()).isEqualTo("localhost");
        assertThat(r.partition()).isEqualTo("debug");
        assertThat(r.warnings()).isEmpty();
        ParsedOutput out = dispatch(c);
        assertThat(out.kind()).isEqualTo("submit_test");
        assertThat(out.error()).isNull();
        assertThat(out.items()).containsExactly(SubmitTestResultView.toMap(r));
        assertThat(out.items().get(0)).containsEntry("job_id", 21L).containsEntry("job_id_text", "21")
                .containsEntry("start_time", "2026-12-02T14:12:19")
                .containsEntry("processors", 1).containsEntry("node_list", "localhost").containsEntry("partition", "debug");
    }

    @Test
    void laterStartOtherPartitionAndParsable() {
        SubmitTestResult later = testOnly(lab("sbatch-test-only-later-all-cpus"));
        assertThat(later.jobId()).isEqualTo(JobId.of(22));
        assertThat(later.processors()).isEqualTo(8);
        assertThat(later.startTime().dateTime()).isEqualTo(LocalDateTime.of(2026, 12, 2, 14, 14, 4));

        Fixtures.Case alice = lab("runuser-alice-sbatch-test-only-partition");
        SubmitTestResult short_ = testOnly(alice);
        assertThat(short_.partition()).isEqualTo("short");
        assertThat(short_.processors()).isEqualTo(2);
        assertThat(dispatch(alice).items().get(0)).containsEntry("job_id", 23L).containsEntry("job_id_text", "23")
                .containsEntry("partition", "short");

        // --parsable changes nothing about the estimate
        Fixtures.Case parsable = lab("sbatch-test-only-parsable");
        assertThat(testOnly(parsable).jobId()).isEqualTo(JobId.of(24));
        assertThat(dispatch(parsable).kind()).isEqualTo("submit_test");
    }

    @Test
    void aRefusedTestIsClassifiedLikeARefusedSubmission() {
        Fixtures.Case c = lab("sbatch-test-only-error-invalid-partition");
        assertThat(c.rc()).isEqualTo(1);
        ParsedOutput out = dispatch(c);
        assertThat(out.kind()).isEqualTo("submit_test");
        assertThat(out.items()).isEmpty();
        assertThat(out.error()).isNotNull();
        assertThat(out.error().type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED);
        assertThat(out.error().message()).contains("invalid partition specified: nosuch");
        assertThatThrownBy(() -> testOnly(c)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.error().type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED));
    }

    @Test
    void otherLinesAreWarningsAndTwoEstimatesAreRefused() {
        String line = "sbatch: Job 5 to start at 2026-12-02T14:12:19 using 4 processors on nodes n[1-2] in partition p\n";
        SubmitTestResult r = SbatchParser.parseTestOnly("", "sbatch: warning: something\n" + line, 0);
        assertThat(r.nodeList()).isEqualTo("n[1-2]");
        assertThat(r.warnings()).containsExactly("sbatch: warning: something");
        assertThatThrownBy(() -> SbatchParser.parseTestOnly("", line + line, 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> SbatchParser.parseTestOnly("", line.replace("2026-12-02T14:12:19", "soon"), 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("start time"));
        assertThatThrownBy(() -> SbatchParser.parseTestOnly("", "", 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.reason()).contains("to start at"));
    }

    @Test
    void sreportParsableBannerBecomesThePreamble() {
        Fixtures.Case c = lab("sreport-parsable-cluster-utilization");
        SlurmTable t = SlurmTableParser.parsable("sreport").parse(c.stdout());
        assertThat(t.preamble()).containsExactly("Cluster Utilization 2026-12-01T00:00:00 - 2026-12-01T23:59:59",
                "Usage reported in CPU Minutes");
        assertThat(t.columns()).containsExactly("Cluster", "Allocated", "Down", "PLND Down", "Idle", "Planned", "Reported");
        assertThat(t.rows()).isEmpty();
        ParsedOutput out = dispatch(c);
        assertThat(out.kind()).isEqualTo("table");
        assertThat(out.error()).isNull();
        assertThat(out.items()).isEmpty();

        Fixtures.Case top = lab("sreport-parsable-user-top");
        SlurmTable u = SlurmTableParser.parsable("sreport").parse(top.stdout());
        assertThat(u.preamble().get(0)).startsWith("Top 10 Users 2026-01-01T00:00:00");
        assertThat(u.columns()).containsExactly("Cluster", "Login", "Proper Name", "Account", "Used", "Energy");

        Fixtures.Case sizes = lab("sreport-parsable-job-sizes");
        SlurmTable s = SlurmTableParser.parsable("sreport").parse(sizes.stdout());
        assertThat(s.preamble()).containsExactly("Job Sizes 2026-12-01T00:00:00 - 2026-12-02T13:59:59 (136800 secs)",
                "Time reported in Minutes");
        assertThat(s.columns()).contains("0-49 CPUs", ">= 1000 CPUs", "% of cluster");
        assertThat(dispatch(sizes).items()).isEmpty();
    }

    @Test
    void sreportParsableRowsAfterTheBanner() {
        // the cluster utilisation of the fixed-width capture, as -P prints it
        Fixtures.Case c = lab("sreport-parsable-cluster-utilization");
        String withRow = c.stdout() + "localcluster|5|0|0|1435|0|1440\n";
        ParsedOutput out = CommandOutputParser.parse(new CommandOutput(c.cmd(), withRow, "", 0), ZoneOffset.UTC);
        assertThat(out.items()).hasSize(1);
        assertThat(out.items().get(0)).containsEntry("cluster", "localcluster").containsEntry("allocated", "5")
                .containsEntry("plnd_down", "0").containsEntry("reported", "1440");
        assertThatThrownBy(() -> SlurmTableParser.parsable("sreport").parse("-----\nTitle\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.reason()).contains("dashed line"));
        assertThat(SlurmTableParser.parsable("sreport").parse("-----\nTitle\n-----\n").preamble()).containsExactly("Title");
        assertThat(List.of(SlurmTableParser.parsable("sreport").withColumns(List.of("Login", "Used"))
                .parse("-----\nTop\n-----\nLogin|Used\nalice|5\n").get(0, "Used"))).containsExactly("5");
    }
}
