package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobDetailTest {
    static final Job JOB = ScontrolParser.parseJobs("JobId=464 JobName=train UserId=alice(1001) GroupId=alice(1001) "
            + "JobState=PENDING Reason=Resources SubmitTime=2026-12-02T17:50:03\n").get(0);
    static final JobStatus STATUS = JobStatuses.of(JOB.status().state(), JOB.status().reason());
    static final ZoneId UTC = ZoneId.of("UTC");

    private static JobDetail detail(Job job, JobStatus status, String jobKey, ZoneId zone) {
        return new JobDetail(job, false, List.of(), null, status, null, null, null, null, null, null, List.of(), jobKey, zone);
    }

    @Test
    void eachRequiredPartIsNamedWhenMissing() {
        assertThatThrownBy(() -> detail(null, STATUS, "464-h", UTC)).isInstanceOf(NullPointerException.class).hasMessage("job");
        assertThatThrownBy(() -> detail(JOB, null, "464-h", UTC)).isInstanceOf(NullPointerException.class).hasMessage("status");
        assertThatThrownBy(() -> detail(JOB, STATUS, null, UTC)).isInstanceOf(NullPointerException.class).hasMessage("jobKey");
        assertThatThrownBy(() -> detail(JOB, STATUS, "464-h", null)).isInstanceOf(NullPointerException.class).hasMessage("zone");
        assertThatThrownBy(() -> new JobDetail(JOB, false, null, null, STATUS, null, null, null, null, null, null, List.of(),
                "464-h", UTC)).isInstanceOf(NullPointerException.class).hasMessage("steps");
        assertThatThrownBy(() -> new JobDetail(JOB, false, List.of(), null, STATUS, null, null, null, null, null, null, null,
                "464-h", UTC)).isInstanceOf(NullPointerException.class).hasMessage("allocation");
    }

    @Test
    void theNullablePartsMayBeNull() {
        JobDetail d = detail(JOB, STATUS, "464-h", UTC);
        assertThat(d.efficiency()).isNull();
        assertThat(d.runData()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> show = (Map<String, Object>) d.toConsoleMap().get("showData");
        assertThat(show.get("createTime")).isNull();
        assertThat(show.get("updateTime")).isNull();
        assertThat(show.get("jobKey")).isEqualTo("464-h");
        JobDetail started = new JobDetail(JOB, false, List.of(), null, STATUS, null, null, Instant.ofEpochSecond(100), null, null,
                null, List.of(), "464-h", UTC);
        @SuppressWarnings("unchecked")
        Map<String, Object> s2 = (Map<String, Object>) started.toConsoleMap().get("showData");
        assertThat(s2.get("updateTime")).isEqualTo(100L);
    }
}
