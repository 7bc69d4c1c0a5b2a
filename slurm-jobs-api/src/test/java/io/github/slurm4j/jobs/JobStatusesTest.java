package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.job.JobState;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatusesTest {
    /** The short codes squeue prints (%t), all that squeue's manual lists. */
    private static final List<String> CODES = List.of("BF", "CA", "CD", "CF", "CG", "DL", "F", "NF", "OOM", "PD", "PR",
            "R", "RD", "RF", "RH", "RQ", "RS", "RV", "SE", "SI", "SO", "ST", "S", "TO");

    @Test
    void everyStateHasAPhaseAndACloudStatus() {
        for (JobState.Name n : JobState.Name.values()) {
            JobStatus s = JobStatuses.of(JobState.of(n), null);
            assertThat(s.phase()).as(n.name()).isNotNull().isEqualTo(JobStatuses.phaseOf(n));
            assertThat(s.cloud()).as(n.name()).isNotNull().isEqualTo(JobStatuses.cloudOf(n));
            // a finished Slurm state is a final phase; a queued, running or suspended one is not
            if (n.isFinished()) {
                assertThat(JobStatuses.phaseOf(n).isFinal()).as(n.name()).isTrue();
            }
        }
    }

    @Test
    void activeBaseStatesAreNotFinal() {
        for (JobState.Name n : SlurmJobs.QUEUE_STATES) {
            assertThat(JobStatuses.phaseOf(n).isFinal()).as(n.name()).isEqualTo(n.isFinished());
        }
    }

    @Test
    void everyShortCodeReadsAsAKnownStateWithAMapping() {
        for (String code : CODES) {
            JobState st = JobState.parse(code);
            assertThat(st.state()).as(code).isNotEqualTo(JobState.Name.UNKNOWN);
            assertThat(st.state().code()).isEqualTo(code);
            assertThat(JobStatuses.of(st, null).phase()).as(code).isNotNull();
        }
        assertThat(CODES).hasSize((int) java.util.Arrays.stream(JobState.Name.values()).filter(n -> n.code() != null).count());
    }

    @Test
    void theDocumentedRows() {
        assertThat(JobStatuses.of(JobState.parse("PENDING"), "Resources").phase()).isEqualTo(JobPhase.QUEUED);
        assertThat(JobStatuses.of(JobState.parse("PENDING"), "JobHeldUser").phase()).isEqualTo(JobPhase.PAUSED);
        assertThat(JobStatuses.of(JobState.parse("PD"), "JobHeldAdmin").phase()).isEqualTo(JobPhase.PAUSED);
        assertThat(JobStatuses.of(JobState.parse("SUSPENDED"), null).phase()).isEqualTo(JobPhase.PAUSED);
        assertThat(JobStatuses.of(JobState.parse("CONFIGURING"), null).phase()).isEqualTo(JobPhase.SCHEDULING);
        assertThat(JobStatuses.of(JobState.parse("CF"), null).cloud()).isEqualTo(CloudStatus.Dequeued);
        assertThat(JobStatuses.of(JobState.parse("COMPLETING"), null).cloud()).isEqualTo(CloudStatus.Stopping);
        assertThat(JobStatuses.of(JobState.parse("COMPLETED"), null)).satisfies(s -> {
            assertThat(s.phase()).isEqualTo(JobPhase.FINISHED);
            assertThat(s.cloud()).isEqualTo(CloudStatus.Succeeded);
            assertThat(s.reasonCode()).isNull();
        });
        JobStatus cancelled = JobStatuses.of(JobState.parse("CANCELLED by 0"), null);
        assertThat(cancelled.phase()).isEqualTo(JobPhase.FINISHED);
        assertThat(cancelled.cloud()).isEqualTo(CloudStatus.Stopped);
        assertThat(cancelled.reasonCode()).isEqualTo("CANCELLED");
        JobStatus timeout = JobStatuses.of(JobState.parse("TIMEOUT"), null);
        assertThat(timeout.phase()).isEqualTo(JobPhase.FAILED);
        assertThat(timeout.message()).isEqualTo("ended at its time limit");
        assertThat(JobStatuses.of(JobState.parse("NODE_FAIL"), null).phase()).isEqualTo(JobPhase.ERROR);
        JobStatus waiting = JobStatuses.of(JobState.parse("PENDING"), "Resources");
        assertThat(waiting.cloud()).isEqualTo(CloudStatus.Queuing);
        assertThat(waiting.reasonCode()).isEqualTo("Resources");
        assertThat(waiting.message()).isEqualTo("waiting for free nodes");
        JobStatus odd = JobStatuses.of(JobState.parse("SOMETHING_NEW"), null);
        assertThat(odd.phase()).isEqualTo(JobPhase.ERROR);
        assertThat(odd.reasonCode()).isEqualTo("SOMETHING_NEW");
    }
}
