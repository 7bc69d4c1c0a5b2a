package io.github.slurm4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobIdViewTest {

    @Test
    void ownJobIdIsWhatTheTextTells() {
        assertThat(JobId.parse("14").ownJobId()).isEqualTo(14L);
        assertThat(JobId.parse("14.batch").ownJobId()).isEqualTo(14L);
        assertThat(JobId.parse("17_[3-6%2]").ownJobId()).isEqualTo(17L);
        assertThat(JobId.parse("21+0").ownJobId()).isEqualTo(21L);
        assertThat(JobId.parse("21+0.1").ownJobId()).isEqualTo(21L);
        assertThat(JobId.parse("17_3").ownJobId()).isNull();
        assertThat(JobId.parse("21+1").ownJobId()).isNull();
    }

    @Test
    void keysOfEachKindOfId() {
        assertThat(JobIdView.toMap(JobId.parse("21+1"), null)).containsExactly(
                Map.entry("job_id_text", "21+1"), Map.entry("het_job_id", 21L), Map.entry("het_job_offset", 1));
        assertThat(JobIdView.toMap(JobId.parse("21+1"), 22L)).containsEntry("job_id", 22L);
        assertThat(JobIdView.toMap(JobId.parse("17_[3-6%2]"), null)).containsExactly(Map.entry("job_id", 17L),
                Map.entry("job_id_text", "17_[3-6%2]"), Map.entry("array_job_id", 17L), Map.entry("array_task_str", "3-6%2"));
        assertThat(JobIdView.toMap(JobId.parse("17_3.batch"), 19L)).containsExactly(Map.entry("job_id", 19L),
                Map.entry("job_id_text", "17_3.batch"), Map.entry("array_job_id", 17L), Map.entry("array_task_id", 3),
                Map.entry("step_id", "batch"));
        assertThat(JobIdView.toMap(JobId.of(57), null)).containsExactly(Map.entry("job_id", 57L), Map.entry("job_id_text", "57"));
        assertThat(JobIdView.KEYS).containsAll(JobIdView.toMap(JobId.parse("17_3.0"), 1L).keySet());
    }
}
