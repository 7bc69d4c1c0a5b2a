package io.github.slurm4j.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.job.JobState.Name;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void parsesNamesCodesFlagsAndCancelledBy() {
        assertThat(JobState.parse("RUNNING").state()).isEqualTo(Name.RUNNING);
        assertThat(JobState.parse("PD").state()).isEqualTo(Name.PENDING);
        assertThat(JobState.parse("CG").state()).isEqualTo(Name.COMPLETING);
        JobState cancelled = JobState.parse("CANCELLED by 0");
        assertThat(cancelled.state()).isEqualTo(Name.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo(0L);
        assertThat(cancelled.raw()).isEqualTo("CANCELLED by 0");
        assertThat(cancelled.isFinished()).isTrue();
        JobState requeued = JobState.parse("PENDING+REQUEUED");
        assertThat(requeued.is(Name.REQUEUED)).isTrue();
        assertThat(requeued.isActive()).isTrue();
        assertThat(JobState.parse("PENDING,REQUEUED").flags()).containsExactly(Name.REQUEUED);
        JobState odd = JobState.parse("TELEPORTING");
        assertThat(odd.state()).isEqualTo(Name.UNKNOWN);
        assertThat(odd.raw()).isEqualTo("TELEPORTING");
        assertThat(odd.isActive()).isFalse();
        assertThat(JobState.parse("CANCELLED by someone").cancelledBy()).isNull();
        assertThat(JobState.of(Name.TIMEOUT).toString()).isEqualTo("TIMEOUT");
        assertThat(Name.OUT_OF_MEMORY.code()).isEqualTo("OOM");
        assertThat(Name.of(null)).isEqualTo(Name.UNKNOWN);
        assertThat(Name.ofCode(null)).isEqualTo(Name.UNKNOWN);
        assertThat(Name.ofCode("ZZ")).isEqualTo(Name.UNKNOWN);
        assertThatThrownBy(() -> JobState.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finishedAndActiveCoverEveryName() {
        for (Name n : Name.values()) {
            if (n != Name.UNKNOWN) {
                assertThat(n.isFinished() ^ n.isActive()).as(n.name()).isTrue();
            }
        }
        assertThat(Name.DEADLINE.isFinished()).isTrue();
        assertThat(Name.SUSPENDED.isActive()).isTrue();
    }
}
