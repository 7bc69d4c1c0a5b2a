package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqueueParserTest {

    private static SqueueRow job(List<SqueueRow> rows, String id) {
        return rows.stream().filter(r -> r.jobId().toString().equals(id)).findFirst().orElseThrow();
    }

    /** tres-alloc (what SlurmClient asks for the façade's devices) is checked where the line is known, typed on the row. */
    @Test
    void tresAllocIsCheckedByTheParserAndTypedOnTheRow() {
        SqueueParser p = SqueueParser.forFormatLong("JobID:\u001f,tres-alloc:\u001f").withoutHeader();
        List<SqueueRow> rows = p.parse("7\u001fcpu=1,mem=256M,node=1,billing=1,gres/gpu=2\u001f\n8\u001fcpu=3,mem=1G,node=1,billing=3\u001f\n");
        assertThat(rows.get(0).tresAlloc().gpus()).hasValue(2);
        assertThat(rows.get(1).tresAlloc().gpus()).isEmpty();
        assertThatThrownBy(() -> p.parse("7\u001fcpu=1\u001f\n8\u001fcpu\u001f\n")).isInstanceOfSatisfying(SlurmParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo(SqueueRow.TRES_ALLOC);
        });
    }

    @Test
    void defaultRichLongReasonWithCommasAndTruncatedNames() {
        var c = Fixtures.load("squeue-default-rich");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        SqueueRow r = job(rows, "34");
        assertThat(r.partition()).isEqualTo("cpu");
        assertThat(r.name()).isEqualTo("cpu-part");
        assertThat(r.isTruncated("Name")).isTrue();
        assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(r.reason()).isEqualTo("Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions");
        assertThat(r.nodeList()).isNull();
        assertThat(r.nodes()).isEqualTo(2);
        assertThat(r.timeUsed()).isEqualTo(Duration.ZERO);
        SqueueRow arr = job(rows, "17_[3-6%2]");
        assertThat(arr.jobId().arrayTask()).isEqualTo("[3-6%2]");
        assertThat(arr.reason()).isEqualTo("JobArrayTaskLimit");
        // exactly 8 bytes: may be cut, so flagged; the padded user is not
        assertThat(job(rows, "36").isTruncated("Name")).isTrue();
        assertThat(job(rows, "36").isTruncated("UserName")).isFalse();
    }

    @Test
    void defaultMixedArrayPendingAndRunning() {
        var c = Fixtures.load("squeue-default-mixed-running-array-pending-resources");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        SqueueRow arr = rows.get(0);
        assertThat(arr.jobId().id()).isEqualTo(10);
        assertThat(arr.jobId().isArrayRange()).isTrue();
        assertThat(arr.reason()).isEqualTo("Resources");
        SqueueRow nine = job(rows, "9");
        assertThat(nine.name()).isEqualTo("a|b,c=d");
        assertThat(nine.user()).isEqualTo("alice");
        assertThat(nine.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(nine.reason()).isNull();
        assertThat(nine.nodeList()).isEqualTo("localhost");
    }

    @Test
    void longFormatSkipsDateLineAndReadsLimits() {
        var c = Fixtures.load("squeue-long");
        List<SqueueRow> rows = SqueueParser.longFormat().parse(c.stdoutBytes());
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(34));
        assertThat(job(rows, "34").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(2)));
        assertThat(job(rows, "37").timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(job(rows, "36").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofHours(3)));
        assertThat(job(rows, "34").state().state()).isEqualTo(JobState.Name.PENDING);
    }

    @Test
    void unicodeNameCutMidCharacterIsFlagged() {
        var c = Fixtures.load("squeue-partition-gpu");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).hasSize(3);
        SqueueRow r = job(rows, "15");
        assertThat(r.name()).startsWith("训练").contains("\uFFFD");
        assertThat(r.isTruncated("Name")).isTrue();
        assertThat(r.user()).isEqualTo("alice");
        assertThat(r.partition()).isEqualTo("gpu");
        assertThat(job(rows, "21+1").jobId().hetOffset()).isEqualTo(1);
        // decoded text: the overflow rule re-aligns the columns after the replacement character
        SqueueRow s = job(SqueueParser.defaultFormat().parse(c.stdout()), "15");
        assertThat(s.user()).isEqualTo("alice");
        assertThat(s.nodeList()).isEqualTo("localhost");
    }

    @Test
    void joblistWithArrayAndHetjob() {
        var c = Fixtures.load("squeue-joblist");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).extracting(r -> r.jobId().toString()).contains("40_[1-5%2]", "21+0", "14", "21+1", "15");
        assertThat(job(rows, "40_[1-5%2]").reason()).isEqualTo("BeginTime");
        assertThat(job(rows, "15").isTruncated("Name")).isTrue();
    }

    @Test
    void allStatesWithOverflowingTimeLimit() {
        var c = Fixtures.load("squeue-all-states-with-preempted");
        SqueueParser p = SqueueParser.forFormat("%.10i %.16j %.8u %.12T %.10M %.9l %R");
        List<SqueueRow> rows = p.parse(c.stdoutBytes());
        SqueueRow r34 = job(rows, "34");
        // 2-00:00:00 is wider than %.9l: printed whole, and the reason after it still found
        assertThat(r34.timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(2)));
        assertThat(r34.reason()).startsWith("Nodes required");
        assertThat(job(rows, "49").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(365)));
        SqueueRow uni = job(rows, "15");
        assertThat(uni.name()).isEqualTo("训练任务 中");
        assertThat(uni.isTruncated("Name")).isTrue();
        assertThat(uni.state().state()).isEqualTo(JobState.Name.PREEMPTED);
        assertThat(uni.user()).isEqualTo("alice");
        assertThat(job(rows, "9").name()).isEqualTo("a|b,c=d \"q\" 's'");
        assertThat(job(rows, "47").state().state()).isEqualTo(JobState.Name.DEADLINE);
        assertThat(job(rows, "17_[2,4-5]").reason()).isEqualTo("JobArrayTaskLimit,JobHeldUser");
        assertThat(job(rows, "28").nodeList()).isNull();
        assertThat(job(rows, "28").reason()).isNull();
        assertThat(job(rows, "14").name()).isEqualTo("renamed-steps-lo");
        assertThat(job(rows, "14").isTruncated("Name")).isTrue();
    }

    @Test
    void arrayExpanded() {
        var c = Fixtures.load("squeue-array-expanded");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).extracting(r -> r.jobId().toString()).contains("34", "48");
        assertThat(rows).allSatisfy(r -> assertThat(r.jobId().isArrayRange()).isFalse());
    }

    @Test
    void customPipeHeaderKeepsFullNames() {
        var c = Fixtures.load("squeue-custom-pipe-header");
        List<SqueueRow> rows = SqueueParser.forFormat("%i|%j|%u|%T|%M|%l|%D|%C|%R").parse(c.stdoutBytes());
        SqueueRow r = job(rows, "42");
        assertThat(r.name()).startsWith("very-long-job-name-").endsWith("-end");
        assertThat(r.truncated()).isEmpty();
        assertThat(r.cpus()).isEqualTo(2);
        assertThat(job(rows, "34").reason()).contains("DOWN, DRAINED");
        assertThat(job(rows, "17_[3-6%2]").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofHours(2)));
    }

    @Test
    void customPipeNoheaderThirtyFields() {
        var c = Fixtures.load("squeue-custom-pipe-noheader");
        SqueueParser p = SqueueParser.forFormat("%i|%A|%F|%K|%j|%u|%a|%P|%q|%t|%T|%r|%M|%l|%L|%D|%C|%m|%b|%N|%R|%V|%S|%e|%p|%Q|%y|%k|%Z|%o")
                .withoutHeader();
        List<SqueueRow> rows = p.parse(c.stdoutBytes());
        SqueueRow r = job(rows, "34");
        assertThat(r.arrayJobId()).isEqualTo(34L);
        assertThat(r.arrayTaskId()).isNull();
        assertThat(r.account()).isEqualTo("root");
        assertThat(r.qos()).isEqualTo("normal");
        assertThat(r.submitTime().dateTime()).isEqualTo(LocalDateTime.parse("2026-11-20T22:28:22"));
        assertThat(r.workDir()).isEqualTo("/srv/lab/out");
        assertThat(r.extras()).containsEntry("Command", "/srv/lab/jobs/burn.sh 3 60 20")
                .containsEntry("PriorityLong", "3389").containsEntry("MinMemory", "256M").containsEntry("JobID", "34");
    }

    @Test
    void percentAllHeaderWithEmptyTitle() {
        var c = Fixtures.load("squeue-all-fields-percent-all");
        List<SqueueRow> rows = SqueueParser.forFormat("%all").parse(c.stdoutBytes());
        assertThat(rows).hasSize(33);
        SqueueRow r = job(rows, "34");
        assertThat(r.extras()).containsEntry("SCT", "*:*:*").containsEntry("SelectJobInfo", "")
                .containsEntry("PriorityLong", "3389");
        assertThat(r.workDir()).isEqualTo("/srv/lab/out");
        assertThat(r.reason()).startsWith("Nodes required");
        assertThat(job(rows, "48").extras()).containsEntry("Reservation", "cpu_future");
    }

    @Test
    void formatLongWidthsFlagsTouchingColumnsAndSpaces() {
        var c = Fixtures.load("squeue-Format-widths");
        List<SqueueRow> rows = SqueueParser.forFormatLong("JobID:12,ArrayJobID:10,ArrayTaskID:10,Name:30,UserName:10,State:12,"
                + "Reason:40,TimeUsed:12,TimeLimit:14,NumCPUs:6,MinMemory:8,tres-per-node:14,NodeList:20,SubmitTime:22,StartTime:22,WorkDir:40")
                .parse(c.stdoutBytes());
        SqueueRow r = job(rows, "34");
        assertThat(r.reason()).isEqualTo("Nodes required for job are DOWN, DRAINED");
        assertThat(r.isTruncated("Reason")).isTrue();
        assertThat(r.cpus()).isEqualTo(32);
        SqueueRow long42 = job(rows, "42");
        assertThat(long42.name()).isEqualTo("very-long-job-name-abcdefghija");
        assertThat(long42.isTruncated("Name")).isTrue();
        assertThat(long42.user()).isEqualTo("root");
        SqueueRow arr = job(rows, "17");
        assertThat(arr.arrayTaskId()).isEqualTo("5");
        assertThat(rows).anySatisfy(x -> assertThat(x.workDir()).contains(" "));
    }

    @Test
    void formatLongNoWidthsDefaultsTo20() {
        var c = Fixtures.load("squeue-Format-no-widths");
        List<SqueueRow> rows = SqueueParser.forFormatLong("JobID,Name,State,Reason,Dependency").parse(c.stdoutBytes());
        SqueueRow r = job(rows, "34");
        assertThat(r.reason()).isEqualTo("Nodes required for j");
        assertThat(r.isTruncated("Reason")).isTrue();
        assertThat(r.extras()).containsEntry("Dependency", "(null)");
        assertThat(job(rows, "42").name()).isEqualTo("very-long-job-name-a");
        assertThat(job(rows, "42").isTruncated("Name")).isTrue();
        assertThat(job(rows, "48").isTruncated("Name")).isFalse();
    }

    @Test
    void formatLongPipeSuffixes() {
        var c = Fixtures.load("squeue-Format-pipe-delimited");
        List<SqueueRow> rows = SqueueParser.forFormatLong(
                "JobID:|,Name:|,UserName:|,StateCompact:|,Reason:|,TimeUsed:|,NumCPUs:|,tres-alloc:|,Comment:|,WorkDir")
                .withoutHeader().parse(c.stdoutBytes());
        SqueueRow r = job(rows, "34");
        assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(r.reason()).isEqualTo("Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions");
        assertThat(r.extras()).containsEntry("tres-alloc", "cpu=32,mem=8G,node=2,billing=32");
        assertThat(r.workDir()).isEqualTo("/srv/lab/out");
        assertThat(job(rows, "42").name()).endsWith("-end");
    }

    @Test
    void afterRequeueBobsJobs() {
        var c = Fixtures.load("squeue-after-requeue");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).extracting(r -> r.jobId().id()).containsExactly(16L, 39L, 38L);
        assertThat(rows).extracting(SqueueRow::reason).containsExactly("BeginTime", "AssocMaxJobsLimit", "AssocMaxJobsLimit");
        assertThat(rows).allSatisfy(r -> assertThat(r.user()).isEqualTo("bob"));
    }

    @Test
    void userAlice() {
        var c = Fixtures.load("squeue-user-alice");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(job(rows, "26").reason()).isEqualTo("JobHeldUser");
        assertThat(job(rows, "17_1").state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(rows).allSatisfy(r -> assertThat(r.user()).isEqualTo("alice"));
    }

    @Test
    void dbdDownStillRunning() {
        var c = Fixtures.load("dbd-down-squeue-still-works");
        List<SqueueRow> rows = SqueueParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).extracting(r -> r.jobId().toString()).contains("18", "16", "17_3", "60");
        assertThat(rows).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING));
        assertThat(job(rows, "60").partition()).isEqualTo("urgent");
    }

    @Test
    void pendingReasonsAfterTransitions() {
        var c = Fixtures.load("squeue-pending-reasons-after-transitions");
        List<SqueueRow> rows = SqueueParser.forFormat("%.8i %.14j %.10T %.8Q %r").parse(c.stdoutBytes());
        assertThat(job(rows, "34").extras()).containsEntry("PriorityLong", "11389");
        assertThat(job(rows, "57").reason()).isEqualTo("PartitionNodeLimit");
        SqueueRow cut = rows.stream().filter(r -> r.jobId() == null).findFirst().orElseThrow();
        // "17_[2,4-" is a cut id: not guessed, kept raw and flagged
        assertThat(cut.extras()).containsEntry("JobArrayID", "17_[2,4-");
        assertThat(cut.isTruncated("JobArrayID")).isTrue();
        assertThat(cut.reason()).isEqualTo("JobArrayTaskLimit,JobHeldUser");
    }

    @Test
    void startTimesAndSchedNodes() {
        var c = Fixtures.load("squeue-start-times");
        List<SqueueRow> rows = SqueueParser.startFormat().parse(c.stdoutBytes());
        SqueueRow r = job(rows, "21+0");
        assertThat(r.startTime().dateTime()).isEqualTo(LocalDateTime.parse("2026-11-20T22:30:57"));
        assertThat(r.extras()).containsEntry("SchedNodes", "localhost");
        assertThat(job(rows, "40_[1-5%2]").extras()).containsEntry("SchedNodes", "(null)");
        assertThat(job(rows, "40_[1-5%2]").reason()).isEqualTo("BeginTime");
    }

    @Test
    void steps() {
        var c = Fixtures.load("squeue-steps");
        List<SqueueRow> rows = SqueueParser.stepsFormat().parse(c.stdoutBytes());
        assertThat(job(rows, "14.batch").jobId().step()).isEqualTo("batch");
        assertThat(job(rows, "14.1").name()).isEqualTo("burn.sh");
        assertThat(job(rows, "16.extern").user()).isEqualTo("bob");
        assertThat(rows).anySatisfy(r -> assertThat(r.jobId().toString()).isEqualTo("17_1.batch"));
        assertThat(job(rows, "14.batch").nodeList()).isEqualTo("localhost");
    }

    @Test
    void errorCaseStdoutIsHeaderOnly() {
        var c = Fixtures.load("squeue-error-invalid-user");
        assertThat(SqueueParser.defaultFormat().parse(c.stdoutBytes())).isEmpty();
        assertThat(SqueueParser.defaultFormat().parse("")).isEmpty();
    }

    @Test
    void formatEngineJustificationAndWidths() {
        SqueueParser p = SqueueParser.forFormat("%.5i %-6j|%t").withoutHeader();
        List<SqueueRow> rows = p.parse("   12 abcdef|R\n  123 ab    |PD\n");
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(12));
        assertThat(rows.get(0).name()).isEqualTo("abcdef");
        assertThat(rows.get(0).isTruncated("Name")).isTrue();
        assertThat(rows.get(1).name()).isEqualTo("ab");
        assertThat(rows.get(1).isTruncated("Name")).isFalse();
        assertThat(rows.get(1).state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(p.fields()).containsExactly("JobArrayID", "Name", "StateCompact");
        assertThat(SqueueParser.forFormat("%%%i %z").fields()).containsExactly("JobArrayID", "SCT");
    }

    @Test
    void delimiterInsideOneFreeTextValueIsRepaired() {
        SqueueParser p = SqueueParser.forFormat("%i|%j|%T").withoutHeader();
        SqueueRow r = p.parse("9|a|b,c|COMPLETED\n").get(0);
        assertThat(r.name()).isEqualTo("a|b,c");
        assertThat(r.state().state()).isEqualTo(JobState.Name.COMPLETED);
    }

    @Test
    void delimiterInsideAmbiguousValuesIsRejected() {
        SqueueParser p = SqueueParser.forFormat("%i|%j|%k|%T").withoutHeader();
        assertThatThrownBy(() -> p.parse("9|a|b|c|COMPLETED\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("line 1");
    }

    @Test
    void badValueNamesLineAndField() {
        SqueueParser p = SqueueParser.forFormat("%i|%M");
        assertThatThrownBy(() -> p.parse("JOBID|TIME\n12|0:00\nxx|0:00\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("JobArrayID");
                    assertThat(e.excerpt()).isEqualTo("xx");
                });
        assertThatThrownBy(() -> SqueueParser.forFormat("%i|%l").withoutHeader().parse("1|soon\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("TimeLimit");
        assertThatThrownBy(() -> SqueueParser.forFormat("%all").parse("A|B\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("%all");
    }

    @Test
    void malformedFormatsAreRejected() {
        assertThatThrownBy(() -> SqueueParser.forFormat("%i%j")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormat("%.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormat("%.5!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormat("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormat("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormatLong("JobID,,Name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqueueParser.forFormatLong(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leadingLiteralMustBePresent() {
        SqueueParser p = SqueueParser.forFormat("[%i]").withoutHeader();
        assertThat(p.parse("[12]\n").get(0).jobId()).isEqualTo(JobId.of(12));
        assertThatThrownBy(() -> p.parse("12]\n")).isInstanceOf(SlurmParseException.class);
    }
}
