package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScontrolParseErrorTest {

    @Test
    void badNumberNamesLineAndField() {
        String text = "JobId=14 JobName=x\n   UserId=root(0) GroupId=root(0)\n   Priority=high Nice=0\n";
        SlurmParseException e = catchThrowableOfType(() -> ScontrolParser.parseJobs(text), SlurmParseException.class);
        assertThat(e.command()).isEqualTo("scontrol show job");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("Priority");
        assertThat(e.excerpt()).startsWith("Priority=high");
        assertThat(e.getMessage()).contains("line 3", "field Priority");
    }

    @Test
    void badTimeInSecondRecord() {
        // record 1 has every key scontrol always prints: a record start is accepted only after a complete record
        String text = "JobId=1 JobName=a\n   UserId=u(1) GroupId=g(1) JobState=PENDING RunTime=0 TimeLimit=1\n"
                + "   SubmitTime=2026-11-20T22:28:11 Partition=p Command=c WorkDir=/\n\n"
                + "JobId=2 JobName=b\n   SubmitTime=yesterday\n";
        List<Job> seen = new ArrayList<>();
        SlurmParseException e = catchThrowableOfType(
                () -> ScontrolParser.parseJobs(new StringReader(text), seen::add), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("SubmitTime");
        // a job record is delivered only once the next one is known to be sound
        assertThat(seen).isEmpty();
    }

    @Test
    void badValuesOfEveryKind() {
        assertThat(fieldOf("JobId=abc\n")).isEqualTo("JobId");
        assertThat(fieldOf("JobId=1 JobState=\n")).isEqualTo("JobState");
        assertThat(fieldOf("JobId=1\n   ExitCode=x:y\n")).isEqualTo("ExitCode");
        assertThat(fieldOf("JobId=1\n   TimeLimit=forever\n")).isEqualTo("TimeLimit");
        assertThat(fieldOf("JobId=1\n   Requeue=maybe\n")).isEqualTo("Requeue");
        assertThat(fieldOf("JobId=1\n   TRES=cpu\n")).isEqualTo("TRES");
        assertThat(fieldOf("JobId=1\n   MinMemoryNode=lots\n")).isEqualTo("MinMemoryNode");
        assertThat(fieldOf("JobId=1\n   CPU_IDs=0\n")).isEqualTo("CPU_IDs");
        assertThat(fieldOf("JobId=1\n   NumNodes=1-x\n")).isEqualTo("NumNodes");
        assertThat(fieldOf("JobId=1\n   ArrayTaskId=5-1\n")).isEqualTo("ArrayTaskId");
    }

    private static String fieldOf(String text) {
        return catchThrowableOfType(() -> ScontrolParser.parseJobs(text), SlurmParseException.class).field();
    }

    @Test
    void garbageFailsLoudly() {
        SlurmParseException e = catchThrowableOfType(
                () -> ScontrolParser.parseJobs("slurm_load_jobs error: Invalid job id specified\n"),
                SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("JobId=");
        SlurmParseException cont = catchThrowableOfType(
                () -> ScontrolParser.parseJobs("   UserId=root(0)\n"), SlurmParseException.class);
        assertThat(cont.reason()).contains("continuation");
        SlurmParseException token = catchThrowableOfType(
                () -> ScontrolParser.parseNodes("NodeName=x\n   this is not a token\n"), SlurmParseException.class);
        assertThat(token.line()).isEqualTo(2);
        assertThat(token.excerpt()).isEqualTo("this is not a token");
        // a line that is not a key line continues the name (a job name may hold a line break), and the
        // record, cut short, is refused
        SlurmParseException cut = catchThrowableOfType(
                () -> ScontrolParser.parseJobs("JobId=1 JobName=x\n   this is not a token\n"), SlurmParseException.class);
        assertThat(cut.line()).isEqualTo(1);
        assertThat(cut.reason()).contains("lacks one of UserId=");
        SlurmParseException after = catchThrowableOfType(
                () -> ScontrolParser.parseJobs("No jobs in the system\nJobId=1\n"), SlurmParseException.class);
        assertThat(after.line()).isEqualTo(2);
    }

    @Test
    void recordsMustStartWithTheirKey() {
        assertThatThrownBy(() -> ScontrolParser.parseNodes("NodeName= State=IDLE\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("NodeName");
        SlurmParseException node = catchThrowableOfType(
                () -> ScontrolParser.parseNodes("NodeName=a CPUTot=8\n   RealMemory=lots\n"), SlurmParseException.class);
        assertThat(node.command()).isEqualTo("scontrol show node");
        assertThat(node.line()).isEqualTo(2);
        assertThat(node.field()).isEqualTo("RealMemory");
        SlurmParseException nodeTok = catchThrowableOfType(
                () -> ScontrolParser.parseNodes("NodeName=a\n   ???\n"), SlurmParseException.class);
        assertThat(nodeTok.line()).isEqualTo(2);
        SlurmParseException part = catchThrowableOfType(
                () -> ScontrolParser.parsePartitions("PartitionName=p MaxNodes=many\n"), SlurmParseException.class);
        assertThat(part.field()).isEqualTo("MaxNodes");
        assertThat(catchThrowableOfType(() -> ScontrolParser.parsePartitions("PartitionName=p Hidden=perhaps\n"),
                SlurmParseException.class).field()).isEqualTo("Hidden");
        SlurmParseException resv = catchThrowableOfType(
                () -> ScontrolParser.parseReservations("ReservationName=r\n   NodeCnt=x\n"), SlurmParseException.class);
        assertThat(resv.command()).isEqualTo("scontrol show reservation");
        assertThat(resv.line()).isEqualTo(2);
        SlurmParseException step = catchThrowableOfType(
                () -> ScontrolParser.parseSteps("StepId=1.0 SrunHost:Pid=nohost\n"), SlurmParseException.class);
        assertThat(step.field()).isEqualTo("SrunHost:Pid");
        assertThatThrownBy(() -> ScontrolParser.parseSteps("StepId=1.0\n   ???\n")).isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> ScontrolParser.parseSteps("JobId=1\n")).isInstanceOf(SlurmParseException.class);
    }

    @Test
    void unknownKeysGoToExtrasInOrder() {
        Job j = ScontrolParser.parseJobs("JobId=3 JobName=n\n   Zeta=1 Alpha=two words\n   Priority=1\n").get(0);
        assertThat(j.extras()).containsExactly(java.util.Map.entry("Zeta", "1"), java.util.Map.entry("Alpha", "two words"));
        assertThat(j.status().priority()).isEqualTo(1L);
    }

    @Test
    void newerVersionKeysAreTyped() {
        String text = "JobId=90 JobName=new\n   ReqTRES=cpu=2,mem=1G,node=1 AllocTRES=cpu=2,mem=1G,node=1\n"
                + "   NumNodes=1-3 NumCPUs=2-4 NumTasks=2\n   MailUser=a@b MailType=END,FAIL\n"
                + "   Container= ContainerID=\n   OOMKillStep=0 Segment=2\n   TresPerTask=cpu:2\n"
                + "   CpusPerTres=gres/gpu:4 MemPerTres=gres/gpu:100\n   ResizeTime=2026-01-01T00:00:00\n"
                + "   StepMgrEnabled=Yes Prolog=done Epilog=none\n   Extra=free text here\n";
        Job j = ScontrolParser.parseJobs(text).get(0);
        assertThat(j.resources().reqTres().cpus()).hasValue(2);
        assertThat(j.resources().allocTres().memoryBytes()).hasValue(1L << 30);
        assertThat(j.resources().numNodes()).isEqualTo(1);
        assertThat(j.resources().maxNodes()).isEqualTo(3);
        assertThat(j.resources().maxCpus()).isEqualTo(4);
        assertThat(j.identity().mailUser()).isEqualTo("a@b");
        assertThat(j.identity().mailType()).isEqualTo("END,FAIL");
        assertThat(j.identity().extra()).isEqualTo("free text here");
        assertThat(j.status().oomKillStep()).isEqualTo("0");
        assertThat(j.resources().segment()).isEqualTo("2");
        assertThat(j.resources().cpusPerTres()).isEqualTo("gres/gpu:4");
        assertThat(j.timing().resizeTime().isSet()).isTrue();
        assertThat(j.io().prolog()).isEqualTo("done");
        assertThat(j.extras()).isEmpty();
        var view = io.github.slurm4j.model.job.JobView.toMap(j, java.time.ZoneOffset.UTC);
        assertThat(view.get("tres_req_str")).isEqualTo("cpu=2,mem=1G,node=1");
        assertThat(view.get("tres_alloc_str")).isEqualTo("cpu=2,mem=1G,node=1");
        assertThat(view.get("cpus_per_tres")).isEqualTo("gpu:4");
        assertThat(view.get("max_nodes")).isEqualTo(3);
    }

    @Test
    void readerFailuresAreUnchecked() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("pipe closed");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> ScontrolParser.parseJobs(broken, j -> { }))
                .isInstanceOf(UncheckedIOException.class);
        List<Object> none = new ArrayList<>();
        ScontrolParser.parseNodes(new StringReader("No nodes in the system\n"), none::add);
        assertThat(none).isEmpty();
    }
}
