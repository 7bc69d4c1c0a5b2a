package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.job.SqueueRow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SqueueRow#toJob()} on real squeue outputs. */
class SqueueRowToJobTest {

    private static final String NOHEADER_FORMAT =
            "%i|%A|%F|%K|%j|%u|%a|%P|%q|%t|%T|%r|%M|%l|%L|%D|%C|%m|%b|%N|%R|%V|%S|%e|%p|%Q|%y|%k|%Z|%o";

    private static Job job(List<SqueueRow> rows, String printedId) {
        return rows.stream().filter(r -> r.jobId() != null && r.jobId().toString().equals(printedId)).findFirst()
                .orElseThrow().toJob();
    }

    @Test
    void defaultFormatSuppliesOnlyItsColumns() {
        var c = Fixtures.load("squeue-default-rich");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        Job j = job(rows, "34");
        assertThat(j.jobId()).isEqualTo(34);
        assertThat(j.displayId()).isEqualTo(JobId.of(34));
        assertThat(j.identity().partition()).isEqualTo("cpu");
        assertThat(j.name()).isEqualTo("cpu-part");
        assertThat(j.identity().user()).isEqualTo(new UserRef("root", null));
        assertThat(j.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(j.status().reason()).startsWith("Nodes required for job are DOWN, DRAINED");
        assertThat(j.timing().runTime()).isEqualTo(Duration.ZERO);
        assertThat(j.resources().numNodes()).isEqualTo(2);
        // not printed by the default format: not supplied
        assertThat(j.identity().account()).isNull();
        assertThat(j.timing().timeLimit()).isNull();
        assertThat(j.timing().submitTime()).isNull();
        assertThat(j.resources().numCpus()).isNull();
        assertThat(j.io().workDir()).isNull();
        assertThat(j.status().priority()).isNull();
        assertThat(j.extras()).isEmpty();

        // a pending array remainder: its own id is the array job id
        Job arr = job(rows, "17_[3-6%2]");
        assertThat(arr.jobId()).isEqualTo(17);
        assertThat(arr.identity().arrayJobId()).isEqualTo(17L);
        assertThat(arr.identity().arrayTaskId().tasks()).containsExactly(3, 4, 5, 6);
        assertThat(arr.identity().arrayTaskId().throttle()).isEqualTo(2);
        assertThat(arr.displayId().toString()).isEqualTo("17_[3-6%2]");
        assertThat(arr.status().reason()).isEqualTo("JobArrayTaskLimit");
    }

    @Test
    void hetComponentsWithoutRawIdKeepTheirPrintedId() {
        var c = Fixtures.load("squeue-joblist");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        Job leader = job(rows, "21+0");
        assertThat(leader.jobId()).isEqualTo(21);
        assertThat(leader.identity().hetJobId()).isEqualTo(21L);
        assertThat(leader.identity().hetJobOffset()).isZero();
        Job other = job(rows, "21+1");
        // squeue -j printed no %A: the component's own id is not known, and not guessed
        assertThat(other.jobId()).isZero();
        assertThat(other.displayId().toString()).isEqualTo("21+1");
        assertThat(other.identity().partition()).isEqualTo("gpu");
        Job running = job(rows, "14");
        assertThat(running.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(running.placement().nodeList()).isEqualTo("localhost");
        assertThat(running.status().reason()).isNull();
        assertThat(running.timing().runTime()).isEqualTo(Duration.ofSeconds(165));
        Job pendingArray = job(rows, "40_[1-5%2]");
        assertThat(pendingArray.jobId()).isEqualTo(40);
        assertThat(pendingArray.status().reason()).isEqualTo("BeginTime");
    }

    @Test
    void arrayElementsWithoutPercentAHaveNoOwnId() {
        var c = Fixtures.load("squeue-array-expanded");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        SqueueRow element = rows.stream().filter(r -> r.jobId().arrayTask() != null && !r.jobId().isArrayRange())
                .findFirst().orElseThrow();
        Job j = element.toJob();
        assertThat(j.jobId()).isZero();
        assertThat(j.identity().arrayJobId()).isEqualTo(element.jobId().id());
        assertThat(j.identity().arrayTaskId().raw()).isEqualTo(element.jobId().arrayTask());
        assertThat(j.displayId()).isEqualTo(element.jobId());
    }

    @Test
    void thirtyFieldsMapOntoTheJob() {
        var c = Fixtures.load("squeue-custom-pipe-noheader");
        List<SqueueRow> rows = SqueueParser.forFormat(NOHEADER_FORMAT).withoutHeader().parse(c.stdoutBytes());
        Job j = job(rows, "34");
        assertThat(j.jobId()).isEqualTo(34);
        // %F of a job that is no array is its own id: not an array job id
        assertThat(j.identity().arrayJobId()).isNull();
        assertThat(j.identity().arrayTaskId()).isNull();
        assertThat(j.extras()).containsEntry("ArrayJobID", "34");
        assertThat(j.identity().account()).isEqualTo("root");
        assertThat(j.identity().qos()).isEqualTo("normal");
        assertThat(j.timing().timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(2)));
        assertThat(j.timing().submitTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:28:22")));
        assertThat(j.timing().startTime()).isEqualTo(SlurmTime.NOT_APPLICABLE);
        assertThat(j.resources().numCpus()).isEqualTo(32);
        assertThat(j.resources().minMemory()).isEqualTo(new MemoryRequest(256 * MemorySize.MIB, MemoryRequest.Per.UNSPECIFIED));
        assertThat(j.resources().tresPerNode()).isEmpty();
        assertThat(j.status().priority()).isEqualTo(3389L);
        assertThat(j.status().nice()).isZero();
        assertThat(j.identity().comment()).isEmpty();
        assertThat(j.io().workDir()).isEqualTo("/srv/lab/out");
        assertThat(j.io().command()).isEqualTo("/srv/lab/jobs/burn.sh 3 60 20");
        // the normalised float priority and the time left have no Job component
        assertThat(j.extras()).containsEntry("Priority", "0.00000078906305").containsEntry("TimeLeft", "2-00:00:00");

        // %A gives the element's own id
        Job element = job(rows, "17_2");
        assertThat(element.jobId()).isEqualTo(20);
        assertThat(element.identity().arrayJobId()).isEqualTo(17L);
        assertThat(element.identity().arrayTaskId().tasks()).containsExactly(2);
        assertThat(element.displayId().toString()).isEqualTo("17_2");
        assertThat(element.status().reason()).isEqualTo("job requeued in held state");
        assertThat(element.extras()).doesNotContainKey("JobID");

        Job het = job(rows, "21+1");
        assertThat(het.jobId()).isEqualTo(22);
        assertThat(het.identity().hetJobId()).isEqualTo(21L);
        assertThat(het.identity().hetJobOffset()).isEqualTo(1);
        assertThat(het.resources().tresPerNode()).isEqualTo("gres:gpu:1");
        assertThat(het.resources().minMemory().bytes()).isEqualTo(100 * MemorySize.MIB);

        Job held = job(rows, "40_[1-5%2]");
        assertThat(held.identity().arrayTaskId().tasks()).containsExactly(1, 2, 3, 4, 5);
        assertThat(held.timing().endTime()).isEqualTo(SlurmTime.NONE);
        assertThat(held.status().priority()).isZero();
    }

    @Test
    void percentAllMapsGroupsDependencyAndSentinels() {
        var c = Fixtures.load("squeue-all-fields-percent-all");
        List<SqueueRow> rows = SqueueParser.forFormat("%all").parse(c.stdoutBytes());
        Job bob = job(rows, "39");
        assertThat(bob.identity().user()).isEqualTo(new UserRef("bob", 1002L));
        assertThat(bob.identity().group()).isEqualTo(new UserRef("bob", 1002L));
        assertThat(bob.identity().account()).isEqualTo("chemistry");
        assertThat(bob.timing().timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(bob.status().dependency()).isEmpty();
        assertThat(bob.identity().reservation()).isEmpty();
        assertThat(bob.identity().wckey()).isEmpty();
        assertThat(bob.resources().features()).isEmpty();
        assertThat(bob.resources().licenses()).isEmpty();
        assertThat(bob.placement().schedNodeList()).isEmpty();
        assertThat(bob.placement().batchHost()).isEmpty();
        assertThat(bob.resources().contiguous()).isFalse();
        assertThat(bob.resources().minCpusNode()).isEqualTo(1);
        assertThat(bob.resources().overSubscribe()).isEqualTo("OK");
        assertThat(bob.status().priority()).isEqualTo(7090L);
        assertThat(bob.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(bob.status().reason()).isEqualTo("AssocMaxJobsLimit");
        Job resv = job(rows, "48");
        assertThat(resv.identity().reservation()).isEqualTo("cpu_future");
        assertThat(resv.extras()).containsKeys("TimeLeft", "SCT", "SocketsPerNode");
        SqueueRow dependent = rows.stream().filter(r -> !r.extras().getOrDefault("Dependency", "(null)").equals("(null)"))
                .findFirst().orElseThrow();
        assertThat(dependent.toJob().status().dependency()).isEqualTo(dependent.extras().get("Dependency"))
                .contains("(");
    }

    @Test
    void truncatedNamesStayFlaggedOnTheRow() {
        var c = Fixtures.load("squeue-partition-gpu");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        SqueueRow r = rows.stream().filter(x -> x.jobId().toString().equals("15")).findFirst().orElseThrow();
        assertThat(r.truncated()).contains("Name");
        Job j = r.toJob();
        assertThat(j.name()).isEqualTo(r.name());
        assertThat(j.identity().user().name()).isEqualTo("alice");
    }

    @Test
    void rowsWithoutIdsOrWithOddValuesKeepTheRawText() {
        SqueueRow row = new SqueueRow(null, 7L, null, "n", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null,
                Map.of("Nice", "x", "MinCpus", "y", "Contiguous", "2", "MinMemory", "lots", "PriorityLong", "-1",
                        "GroupID", "7", "UserID", "8", "ArrayTaskID", "bad"),
                Set.of());
        Job j = row.toJob();
        assertThat(j.jobId()).isZero();
        assertThat(j.identity().group()).isEqualTo(new UserRef(null, 7L));
        assertThat(j.identity().user()).isEqualTo(new UserRef(null, 8L));
        assertThat(j.identity().arrayJobId()).isNull();
        assertThat(j.extras()).containsEntry("Nice", "x").containsEntry("MinCpus", "y").containsEntry("Contiguous", "2")
                .containsEntry("MinMemory", "lots").containsEntry("PriorityLong", "-1").containsEntry("ArrayJobID", "7")
                .containsEntry("ArrayTaskID", "bad");

        SqueueRow task = new SqueueRow(null, 7L, "3-4", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of(), Set.of());
        assertThat(task.toJob().identity().arrayJobId()).isEqualTo(7L);
        assertThat(task.toJob().identity().arrayTaskId().tasks()).containsExactly(3, 4);
        SqueueRow badTask = new SqueueRow(null, 7L, "x-y", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, Map.of(), Set.of());
        assertThat(badTask.toJob().extras()).containsEntry("ArrayTaskID", "x-y");
    }

    @Test
    void stepRowsMapToTheirJob() {
        var c = Fixtures.load("squeue-steps");
        List<SqueueRow> rows = SqueueParser.stepsFormat().parse(c.stdoutBytes());
        SqueueRow step = rows.stream().filter(r -> r.jobId() != null && r.jobId().isStep()).findFirst().orElseThrow();
        Job j = step.toJob();
        assertThat(j.jobId()).isEqualTo(step.jobId().id());
        assertThat(j.extras()).containsEntry("StepID", step.jobId().toString());
    }

    @Test
    void everyRowOfPercentAllPrintsThroughJobView() {
        var c = Fixtures.load("squeue-all-fields-percent-all");
        for (SqueueRow r : SqueueParser.forFormat("%all").parse(c.stdoutBytes())) {
            Map<String, Object> m = JobView.toSuppliedMap(r.toJob(), ZoneOffset.UTC);
            assertThat(m).containsEntry("name", r.name()).containsKey("job_state");
        }
        Job j = job(SqueueParser.forFormat("%all").parse(c.stdoutBytes()), "39");
        Map<String, Object> m = JobView.toSuppliedMap(j, ZoneOffset.UTC);
        assertThat(m).containsEntry("job_id", 39L).containsEntry("user_name", "bob").containsEntry("partition", "debug")
                .containsEntry("time_limit", "UNLIMITED").doesNotContainKey("alloc_node");
    }
}
