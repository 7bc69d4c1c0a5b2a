package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.parse.SacctParser;
import io.github.slurm4j.testkit.FakeShell;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge rule of myJobs on hand-made rows: what the simulated cluster cannot show. */
class MergeTest {
    private static final List<String> FIELDS = List.of("JobID", "JobIDRaw", "JobName", "User", "Partition", "State",
            "Submit", "Start", "End", "AllocTRES", "ReqTRES", "AllocCPUS", "Comment");
    private final Shell shell = new FakeShell();
    private final Cluster cluster = Cluster.builder("lab", shell).zone(ZoneId.of("UTC")).host("vm").build();

    private static SqueueRow queued(long id, String state, String submit) {
        return new SqueueRow(JobId.of(id), null, null, "j" + id, "alice", "physics", "debug", "normal", JobState.parse(state),
                null, null, null, null, 1, 4, SlurmTime.parse(submit), SlurmTime.parse(submit), null, "/tmp",
                Map.of("JobID", Long.toString(id), "PriorityLong", "1000"), null);
    }

    private static List<AccountingRecord> accounted(String... lines) {
        String text = String.join("\n", lines) + "\n";
        return SacctParser.parsable(FIELDS).withDelimiter("|").parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequeuedJobWhoseSubmitTimeMovedIsOneRow() {
        List<JobRow> rows = SlurmJobs.merge(List.of(queued(201, "PENDING", "2026-12-02T15:37:22")),
                accounted("201|201|j201|alice|debug|PENDING|2026-12-02T15:37:40|Unknown|Unknown||billing=4,cpu=4,gres/gpu=2|0|"),
                cluster);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.fromQueue()).isTrue();
            assertThat(r.devices()).isEqualTo(2);
            assertThat(r.gpus()).isTrue();
        });
    }

    @Test
    void anIdReusedAfterADatabaseResetIsTwoJobs() {
        List<JobRow> rows = SlurmJobs.merge(List.of(queued(7, "RUNNING", "2026-12-02T10:00:00")),
                accounted("7|7|old|alice|debug|COMPLETED|2026-11-20T10:00:00|2026-11-20T10:00:01|2026-11-20T10:05:00|cpu=1|cpu=1|1|"),
                cluster);
        assertThat(rows).extracting(JobRow::name).containsExactly("j7", "old");
        assertThat(rows.get(1).phase()).isEqualTo(JobPhase.FINISHED);
    }

    @Test
    void anEndedStateWinsAndTheTokenIsStripped() {
        List<JobRow> rows = SlurmJobs.merge(List.of(queued(9, "RUNNING", "2026-12-02T10:00:00")),
                accounted("9|9|j9|alice|debug|FAILED|2026-12-02T10:00:00|2026-12-02T10:00:01|2026-12-02T10:01:00|cpu=4|cpu=4|4|"
                        + "slurm4j:0123456789abcdef0123456789abcdef hello"), cluster);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo(JobPhase.FAILED);
            assertThat(r.fromQueue()).isFalse();
            assertThat(r.comment()).isEqualTo("hello");
            assertThat(r.finished()).isNotNull();
        });
    }
}
