package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.job.StepStatView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SstatParserTest {

    @Test
    void pendingJobPrintsHeaderOnly() {
        Fixtures.Case c = Fixtures.load("sstat-error-pending-job");
        assertThat(c.stderr()).contains("No steps running for job 24");
        assertThat(SstatParser.fromHeader().parse(c.stdout())).isEmpty();
    }

    @Test
    void controllerDownPrintsHeaderOnly() {
        Fixtures.Case c = Fixtures.load("ctld-down-sstat");
        assertThat(SstatParser.fromHeader().parse(c.stdout())).isEmpty();
    }

    @Test
    void allStepsWithTresUsage() {
        Fixtures.Case c = Fixtures.load("sstat-parsable-running-allsteps");
        List<StepStatRecord> rows = SstatParser.fromHeader().parse(c.stdout());
        assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("14.extern", "14.batch", "14.1");
        assertThat(rows.get(0).values().names()).containsExactlyElementsOf(SstatParser.DEFAULT_FIELDS);
        StepStatRecord step = rows.get(2);
        assertThat(step.maxRss()).isEqualTo(130880 * MemorySize.KIB);
        assertThat(step.aveRss()).isEqualTo(130880 * MemorySize.KIB);
        assertThat(step.maxVmSize()).isEqualTo(135136 * MemorySize.KIB);
        assertThat(step.aveCpu()).isEqualTo(Duration.ofSeconds(4));
        assertThat(step.minCpu()).isEqualTo(Duration.ofSeconds(4));
        assertThat(step.ntasks()).isEqualTo(1L);
        assertThat(step.tresUsageInMax().asMap()).containsEntry("mem", "130880K").containsEntry("fs/disk", "39523");
        assertThat(step.tresUsageInMax().duration("cpu")).hasValue(Duration.ofSeconds(4));
        assertThat(step.tresUsageOutMax().asMap()).containsKey("fs/disk");
        assertThat(step.<Long>get(AccountingField.MAX_DISK_WRITE)).isEqualTo(45L);
        assertThat(step.<String>get(AccountingField.REQ_CPU_FREQ_MIN)).isEqualTo("Unknown");
        assertThat(rows.get(0).<Long>get(AccountingField.MAX_DISK_WRITE)).isEqualTo(MemorySize.MIB);
        Map<String, Object> view = StepStatView.toMap(step);
        assertThat(view).containsEntry("job_id", 14L).containsEntry("job_id_text", "14.1").containsEntry("step_id", "1").containsEntry("max_rss", 130880 * MemorySize.KIB)
                .containsEntry("ave_cpu", 4.0).containsEntry("ntasks", 1L);
        assertThat(view.get("tres_usage_in_max")).isEqualTo(step.tresUsageInMax().asMap());
        assertThat(view.get("tres_usage_in_max_node")).isInstanceOf(Map.class);
    }

    @Test
    void explicitStepFormat() {
        Fixtures.Case c = Fixtures.load("sstat-parsable-step-format");
        List<StepStatRecord> rows = SstatParser.fromHeader().parse(c.stdout());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.parse("14.1"));
        assertThat(rows.get(1).jobId().step()).isEqualTo("batch");
        assertThat(rows.get(1).maxRss()).isEqualTo(12380 * MemorySize.KIB);
        assertThat(rows.get(1).tresUsageInTot().asMap()).containsEntry("pages", "5").containsEntry("vmem", "221260K");
        assertThat(rows.get(0).tresUsageInMax()).isNull();
        assertThat(StepStatView.toMap(rows.get(0)).keySet())
                .containsExactly("job_id", "job_id_text", "step_id", "max_rss", "ave_rss", "max_vm_size", "ave_cpu", "min_cpu", "ntasks", "tres_usage_in_tot");
    }

    @Test
    void suspendedJobSteps() {
        Fixtures.Case c = Fixtures.load("sstat-suspended-job");
        List<StepStatRecord> rows = SstatParser.fromHeader().parse(c.stdout());
        assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("18.extern", "18.batch");
        assertThat(rows.get(1).maxRss()).isEqualTo(69468 * MemorySize.KIB);
        assertThat(rows.get(1).aveCpu()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void headerlessAndErrors() {
        List<StepStatRecord> rows = SstatParser.parsable(List.of("JobID", "MaxRSS")).parse("14.1|100M\n");
        assertThat(rows.get(0).maxRss()).isEqualTo(100 * MemorySize.MIB);
        assertThat(SstatParser.parsable(List.of("JobID", "MaxRSS")).withDelimiter(";").parse("14.1;1G\n").get(0).maxRss())
                .isEqualTo(MemorySize.GIB);
        assertThatThrownBy(() -> SstatParser.fromHeader().parse("JobID|MaxRSS\n14.1|lots\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.command()).isEqualTo("sstat");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("MaxRSS");
                });
        assertThatThrownBy(() -> SstatParser.fromHeader().parse("JobID|MaxRSS\n14.1|1K|2K\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.reason()).contains("no free-text column"));
    }
}
