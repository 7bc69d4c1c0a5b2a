package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule for rows with more fields than the header: one consistent free-text placement, or an error. */
class SacctSurplusRuleTest {

    @Test
    void oneFreeTextColumnAbsorbsTheSurplus() {
        List<AccountingRecord> rows = SacctParser.fromHeader()
                .parse("JobID|JobName|State|ExitCode\n9|a|b|c|COMPLETED|0:0\n");
        assertThat(rows.get(0).jobName()).isEqualTo("a|b|c");
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(rows.get(0).raw("JobName")).isEqualTo("a|b|c");
    }

    @Test
    void typesDecideBetweenTwoFreeTextColumnsWhenOnlyOnePlacementFits() {
        List<AccountingRecord> rows = SacctParser.fromHeader()
                .parse("JobID|JobName|State|Comment\n9|a|b|RUNNING|note\n");
        assertThat(rows.get(0).jobName()).isEqualTo("a|b");
        assertThat(rows.get(0).comment()).isEqualTo("note");
    }

    @Test
    void twoFreeTextColumnsThatBothFitAreAParseErrorWithLineAndFields() {
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|State\n1|RUNNING\nJobID|JobName|Comment\n"))
                .isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|JobName|Comment\n1|x|y\n2|a|b|c\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("JobName,Comment");
                    assertThat(e.excerpt()).isEqualTo("2|a|b|c");
                    assertThat(e.reason()).contains("refusing to guess");
                });
    }

    @Test
    void narrowingTheAbsorbingColumnsResolvesTheAmbiguity() {
        List<AccountingRecord> rows = SacctParser.fromHeader().withAbsorbingColumns("comment")
                .parse("JobID|JobName|Comment\n2|a|b|c\n");
        assertThat(rows.get(0).jobName()).isEqualTo("a");
        assertThat(rows.get(0).comment()).isEqualTo("b|c");
    }

    @Test
    void noFreeTextColumnMeansError() {
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|State|ExitCode\n1|RUNNING|0:0|x\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("no free-text column");
                });
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|JobName|State\n1|a|b|NOPE\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("JobName"));
    }

    @Test
    void snakeNamesAndKinds() {
        assertThat(AccountingField.JOB_ID_RAW.snakeName()).isEqualTo("job_id_raw");
        assertThat(AccountingField.MAX_RSS.snakeName()).isEqualTo("max_rss");
        assertThat(AccountingField.TRES_USAGE_IN_MAX.snakeName()).isEqualTo("tres_usage_in_max");
        assertThat(AccountingField.ALLOC_CPUS.snakeName()).isEqualTo("alloc_cpus");
        assertThat(AccountingField.CPU_TIME_RAW.snakeName()).isEqualTo("cpu_time_raw");
        assertThat(AccountingField.DB_INDEX.snakeName()).isEqualTo("db_index");
        assertThat(AccountingField.snake("Def QOS")).isEqualTo("def_qos");
        assertThat(AccountingField.lookup("jobidraw")).isEqualTo(AccountingField.JOB_ID_RAW);
        assertThat(AccountingField.lookup("nope")).isNull();
        assertThat(AccountingField.lookup(null)).isNull();
        assertThat(AccountingField.COMMENT.isFreeText()).isTrue();
        assertThat(AccountingField.STATE.kind()).isEqualTo(AccountingField.Kind.STATE);
        assertThatThrownBy(() -> AccountingField.USER.parseValue("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountingField.ELAPSED_RAW.parseValue("12a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountingField.EXIT_CODE.parseValue("6")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountingField.STATE.parseValue("CANCELLED by x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountingField.TIMELIMIT.parseValue("INVALID")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccountingField.NODE_LIST.parseValue("(null)")).isEqualTo(List.of());
        assertThat(AccountingField.CONSUMED_ENERGY.parseValue("2K")).isEqualTo(2048L);
    }

    @Test
    void stepsWithoutTheirJobRowFormTheirOwnGroup() {
        List<AccountingRecord> rows = SacctParser.fromHeader().parse("JobID|State\n5.batch|RUNNING\n5.0|RUNNING\n6|PENDING\n");
        List<AccountingJob> jobs = AccountingJob.group(rows);
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).job()).isNull();
        assertThat(jobs.get(0).jobId()).isEqualTo(JobId.of(5));
        assertThat(jobs.get(0).steps()).hasSize(2);
        assertThat(rows.get(0).isStep()).isTrue();
        List<AccountingRecord> noId = SacctParser.fromHeader().parse("State\nRUNNING\n");
        assertThat(noId.get(0).isStep()).isNull();
        assertThat(AccountingJob.group(noId).get(0).jobId()).isNull();
    }
}
