package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.JobPidView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListPidsParserTest {

    @Test
    void runningJobWithSentinels() {
        Fixtures.Case c = Fixtures.load("scontrol-listpids-running");
        List<JobPid> rows = ListPidsParser.parse(c.stdout());
        assertThat(rows).containsExactly(
                new JobPid(15452L, JobId.of(14), "batch", 0, 0),
                new JobPid(29716L, JobId.of(14), "batch", null, null),
                new JobPid(29703L, JobId.of(14), "batch", null, null),
                new JobPid(null, JobId.of(14), "extern", 0, 0),
                new JobPid(15378L, JobId.of(14), "extern", null, null),
                new JobPid(29735L, JobId.of(14), "1", 0, 0),
                new JobPid(32510L, JobId.of(14), "1", null, null));
        assertThat(rows.get(3).hasProcess()).isFalse();
        assertThat(rows.get(0).isTask()).isTrue();
        assertThat(rows.get(1).isTask()).isFalse();
        Map<String, Object> extern = new LinkedHashMap<>();
        extern.put("pid", null);
        extern.put("job_id", 14L);
        extern.put("job_id_text", "14.extern");
        extern.put("step_id", "extern");
        extern.put("local_id", 0);
        extern.put("global_id", 0);
        assertThat(JobPidView.toMap(rows.get(3))).containsExactlyEntriesOf(extern);
    }

    @Test
    void blankIsEmptyAndHeaderOnlyIsEmpty() {
        assertThat(ListPidsParser.parse("")).isEmpty();
        assertThat(ListPidsParser.parse(null)).isEmpty();
        assertThat(ListPidsParser.parse("PID      JOBID    STEPID   LOCALID GLOBALID\n")).isEmpty();
        assertThat(ListPidsParser.parse("PID JOBID STEPID LOCALID GLOBALID\r\n7 17_1 0 0 0\r\n"))
                .containsExactly(new JobPid(7L, new JobId(17, "1", null, null), "0", 0, 0));
    }

    @Test
    void errorsNameLineAndField() {
        String h = "PID JOBID STEPID LOCALID GLOBALID\n";
        SlurmParseException e = catchThrowableOfType(() -> ListPidsParser.parse("Jobid 14 not on this node\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("header");
        e = catchThrowableOfType(() -> ListPidsParser.parse(h + "1 14 batch 0\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(2);
        e = catchThrowableOfType(() -> ListPidsParser.parse(h + "x 14 batch 0 0\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("PID");
        e = catchThrowableOfType(() -> ListPidsParser.parse(h + "1 abc batch 0 0\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("JOBID");
        e = catchThrowableOfType(() -> ListPidsParser.parse(h + "1 14 batch 0 ?\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("GLOBALID");
        assertThat(e.command()).isEqualTo("scontrol listpids");
    }
}
