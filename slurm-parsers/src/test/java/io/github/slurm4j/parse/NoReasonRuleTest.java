package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.AccountingRecordView;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.SqueueRowView;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One meaning for "no reason": Slurm's {@code None} is {@code null} in every model type, read from
 * every source (scontrol, squeue's table and {@code -O}, squeue {@code --json}, sacct {@code -P}
 * and {@code --json}); other reasons are kept verbatim. Only the 109-key {@link JobView#toMap}
 * prints Slurm's {@code "None"}.
 */
class NoReasonRuleTest {

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    @Test
    void theRule() {
        assertThat(Job.Status.reasonOf("None")).isNull();
        assertThat(Job.Status.reasonOf("")).isNull();
        assertThat(Job.Status.reasonOf(null)).isNull();
        assertThat(Job.Status.reasonOf("Priority")).isEqualTo("Priority");
        // built by hand, too
        assertThat(Job.builder(1).reason("None").build().status().reason()).isNull();
    }

    @Test
    void scontrol() {
        List<Job> jobs = ScontrolParser.parseJobs(lab("scontrol-job-hetjob").stdout());
        assertThat(jobs).hasSize(2).allSatisfy(j -> assertThat(j.status().reason()).isNull());
        Job pending = ScontrolParser.parseJobs(Fixtures.load("scontrol-job-pending-resources").stdout()).get(0);
        assertThat(pending.status().reason()).isEqualTo("Resources");
        // the console's view keeps Slurm's text; the parse tool's leaves the key out
        assertThat(JobView.toMap(jobs.get(0), ZoneOffset.UTC)).containsEntry("state_reason", "None");
        assertThat(JobView.toSuppliedMap(jobs.get(0), ZoneOffset.UTC)).doesNotContainKey("state_reason");
        assertThat(JobView.toSuppliedMap(pending, ZoneOffset.UTC)).containsEntry("state_reason", "Resources");
    }

    @Test
    void squeueTableAndFormatO() {
        // (None) in the default table's NODELIST(REASON), None in -O Reason
        List<SqueueRow> table = SqueueParser.defaultFormat().parse(lab("squeue-hetjob-default").stdout());
        List<SqueueRow> formatO = SqueueParser.forFormatLong("JobID:|,HetJobID:|,HetJobOffset:|,HetJobIDSet:|,ArrayJobID:|,"
                + "ArrayTaskID:|,Name:|,State:|,Reason:").withoutHeader().parse(lab("squeue-hetjob-format-O").stdout());
        for (SqueueRow row : List.of(table.get(0), table.get(1), formatO.get(0), formatO.get(1))) {
            assertThat(row.reason()).isNull();
            assertThat(row.toJob().status().reason()).isNull();
            assertThat(SqueueRowView.toMap(row, ZoneOffset.UTC)).doesNotContainKey("state_reason");
        }
        SqueueRow held = SqueueParser.defaultFormat().parse(Fixtures.load("squeue-default-rich").stdout()).stream()
                .filter(r -> "JobHeldUser".equals(r.reason())).findFirst().orElseThrow();
        assertThat(held.toJob().status().reason()).isEqualTo("JobHeldUser");
    }

    @Test
    void squeueJson() {
        List<Job> jobs = SqueueJsonParser.parse(lab("squeue-hetjob-json").stdout(), ZoneOffset.UTC).items();
        Job het = jobs.stream().filter(j -> j.jobId() == 4).findFirst().orElseThrow();
        assertThat(het.status().reason()).isNull();
        assertThat(het.displayId()).isEqualTo(JobId.parse("3+1"));
    }

    @Test
    void sacctParsableAndJson() {
        List<AccountingRecord> rows = SacctParser.fromHeader().parse(lab("sacct-hetjob").stdout());
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.reason()).isNull());
        assertThat(AccountingRecordView.toMap(rows.get(0))).containsEntry("reason", null);
        List<AccountingRecord> json = SacctParser.json().parse(Fixtures.load("sacct-json").stdout());
        assertThat(json).extracting(AccountingRecord::reason).doesNotContain("None").contains("BeginTime", "JobHeldUser", (String) null);
    }
}
