package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code squeue -o %all} of each Slurm version, read by its header: 22.05 prints every letter (an
 * untitled {@code %s}), 24.11 no {@code %s}, 26.05 {@code %s} as {@code SLUID}. The headers and rows
 * are the captures' ({@code squeue-all-fields-percent-all} of each corpus), edited where a case
 * needs a header no Slurm printed.
 */
class SqueuePercentAllTest {

    static final String V22 = "slurm-22.05";
    static final String V24 = "slurm-24.11";
    static final String V26 = "slurm-26.05";

    static String header(String corpus) {
        return Fixtures.load(corpus, "squeue-all-fields-percent-all").stdout().lines().findFirst().orElseThrow();
    }

    /** The capture's row of the job named {@code name}. */
    static String row(String corpus, String name) {
        return Fixtures.load(corpus, "squeue-all-fields-percent-all").stdout().lines()
                .filter(l -> l.contains("|" + name + "|")).findFirst().orElseThrow();
    }

    static SqueueRow parseOne(String stdout) {
        List<SqueueRow> rows = SqueueParser.forFormat("%all").parse(stdout);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void theThreeHeadersDifferOnlyWherePercentSIs() {
        String h22 = header(V22);
        assertThat(h22).contains("|REASON||ST|");
        assertThat(header(V24)).isEqualTo(h22.replace("|REASON||ST|", "|REASON|ST|"));
        assertThat(header(V26)).isEqualTo(h22.replace("|REASON||ST|", "|REASON|SLUID|ST|"));
        assertThat(h22.split("\\|", -1)).hasSize(52);
        assertThat(header(V24).split("\\|", -1)).hasSize(51);
        assertThat(header(V26).split("\\|", -1)).hasSize(52);
    }

    @Test
    void slurm2205HasAnEmptySelectJobInfoColumn() {
        SqueueRow r = parseOne(header(V22) + "\n" + row(V22, "lower-prio") + "\n");
        assertThat(r.jobId().toString()).isEqualTo("24");
        assertThat(r.name()).isEqualTo("lower-prio");
        assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(r.user()).isEqualTo("alice");
        assertThat(r.workDir()).isEqualTo("/home/alice");
        assertThat(r.extras()).containsEntry("SelectJobInfo", "").containsEntry("StateCompact", "R")
                .doesNotContainKey("SLUID");
    }

    @Test
    void slurm2411HasNoPercentSColumn() {
        SqueueRow r = parseOne(header(V24) + "\n" + row(V24, "cap-running") + "\n");
        assertThat(r.jobId().toString()).isEqualTo("476");
        assertThat(r.name()).isEqualTo("cap-running");
        assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(r.user()).isEqualTo("root");
        assertThat(r.qos()).isEqualTo("normal");
        assertThat(r.reason()).isNull();
        assertThat(r.nodeList()).isEqualTo("localhost");
        assertThat(r.workDir()).isEqualTo("/tmp");
        assertThat(r.extras()).containsEntry("Comment", "key=value spaces = signs").containsEntry("StateCompact", "R")
                .containsEntry("PriorityLong", "3090").doesNotContainKey("SelectJobInfo").doesNotContainKey("SLUID");
    }

    @Test
    void slurm2605PrintsPercentSAsSluid() {
        SqueueRow r = parseOne(header(V26) + "\n" + row(V26, "cap-running") + "\n");
        assertThat(r.jobId().toString()).isEqualTo("431");
        assertThat(r.name()).isEqualTo("cap-running");
        assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(r.user()).isEqualTo("root");
        assertThat(r.reason()).isNull();
        assertThat(r.extras()).containsEntry("SLUID", "sD6SM8VYJGKC00").containsEntry("StateCompact", "R")
                .containsEntry("OverSubscribe", "NO").doesNotContainKey("SelectJobInfo");
        assertThat(r.toJob().extras()).containsEntry("SLUID", "sD6SM8VYJGKC00");
    }

    @Test
    void aTitleSlurm4jDoesNotKnowIsKeptInExtrasUnderIt() {
        // a newer Slurm's column after SLUID, and one at the end
        String header = header(V26).replace("|SLUID|", "|SLUID|GPU_SHARE|") + "|FUTURE(X)";
        String row = row(V26, "cap-running").replace("|sD6SM8VYJGKC00|", "|sD6SM8VYJGKC00|7|") + "|x y";
        SqueueRow r = parseOne(header + "\n" + row + "\n");
        assertThat(r.name()).isEqualTo("cap-running");
        assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(r.workDir()).isEqualTo("/tmp");
        assertThat(r.extras()).containsEntry("SLUID", "sD6SM8VYJGKC00").containsEntry("GPU_SHARE", "7")
                .containsEntry("FUTURE(X)", "x y");
        assertThat(r.extras().keySet()).containsSubsequence("SLUID", "GPU_SHARE", "StateCompact");
    }

    @Test
    void outputPrintedWithoutHeaderIsRefusedTypedOnLineOne() {
        String stdout = row(V24, "cap-running") + "\n";
        assertThatThrownBy(() -> SqueueParser.forFormat("%all").parse(stdout))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.command()).isEqualTo("squeue");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("%all column 1");
                    assertThat(e.excerpt()).startsWith("root|N/A|1|0|");
                    assertThat(e.reason()).contains("'root' is not a column title").contains("withoutHeader()");
                });
    }

    @Test
    void aKnownTitleOutOfOrderIsRefused() {
        // USER (%u) before ST (%t): no squeue prints it so
        String header = header(V24).replace("|ST|USER|", "|USER|ST|");
        assertThatThrownBy(() -> SqueueParser.forFormat("%all").parse(header + "\n" + row(V24, "cap-running") + "\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("%all column 20");
                    assertThat(e.excerpt()).startsWith("USER|ST|RESERVATION|");
                    assertThat(e.reason()).contains("'ST' is out of the order");
                });
    }

    @Test
    void aHeaderOfNoKnownTitleIsRefused() {
        assertThatThrownBy(() -> SqueueParser.forFormat("%all").parse("FOO|BAR\nx|y\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("header");
                    assertThat(e.excerpt()).isEqualTo("FOO|BAR");
                });
    }

    @Test
    void theHeaderIsTheFirstLineAfterBlankAndDateLines() {
        String stdout = "\nWed Dec  2 18:02:30 2026\n" + header(V26) + "\n" + row(V26, "cap-running") + "\n";
        List<SqueueRow> rows = SqueueParser.forFormat("%all").parse(stdout);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("cap-running");
            assertThat(r.extras()).containsEntry("SLUID", "sD6SM8VYJGKC00");
        });
        assertThat(SqueueParser.forFormat("%all").parse(header(V24) + "\n")).isEmpty();
        assertThat(SqueueParser.forFormat("%all").parse("")).isEmpty();
    }

    @Test
    void withoutHeaderPercentAllIsRead2205Wise() {
        SqueueParser noHeader = SqueueParser.forFormat("%all").withoutHeader();
        assertThat(noHeader.parse(row(V22, "lower-prio") + "\n")).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("lower-prio"));
        // 24.11's rows have one column fewer: refused, typed, not read shifted
        assertThatThrownBy(() -> noHeader.parse(row(V24, "cap-running") + "\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void sluidIsALongFormatName() {
        SqueueParser p = SqueueParser.forFormatLong("JobID:|,sluid:|,Name");
        assertThat(p.fields()).containsExactly("JobID", "SLUID", "Name");
        List<SqueueRow> rows = p.parse("JOBID|SLUID|NAME\n431|sD6SM8VYJGKC00|cap-running\n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.jobId().id()).isEqualTo(431L);
            assertThat(r.extras()).containsEntry("SLUID", "sD6SM8VYJGKC00");
        });
    }
}
