package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.parse.SlurmParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value's own trailing spaces are kept wherever scontrol's format tells where the value ends:
 * at the end of its line (multi-line form), and before the one separator space ahead of the next
 * key ({@code -o}); scontrol's own space after some values ({@code "Comment=%s "}) is removed.
 */
class ScontrolTrailingSpaceTest {

    private static Job labJob(String name) {
        Fixtures.Case c = Fixtures.load("lab-22.05", name);
        assertThat(c.rc()).isZero();
        assertThat(c.stderr()).isEmpty();
        List<Job> jobs = ScontrolParser.parseJobs(c.stdout());
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private static void assertTrailingSpaceJob(Job j) {
        assertThat(j.jobId()).isEqualTo(25);
        assertThat(j.name()).isEqualTo("trailing-space-test");
        assertThat(j.identity().user()).isEqualTo(new UserRef("root", 0L));
        assertThat(j.status().state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(j.identity().partition()).isEqualTo("debug");
        // submitted with --comment='owner=ops team ': the comment's own trailing space is kept,
        // scontrol's space after it ("Comment=%s ") is not
        assertThat(j.identity().comment()).isEqualTo("owner=ops team ");
        assertThat(j.io().workDir()).isEqualTo("/tmp");
        assertThat(j.io().stdOut()).isEqualTo("/tmp/25.out");
        assertThat(j.io().stdErr()).isEqualTo("/tmp/25.out");
        assertThat(j.extras()).isEmpty();
    }

    @Test
    void oneLinerCommentEndingWithASpaceIsKept() {
        Fixtures.Case c = Fixtures.load("lab-22.05", "scontrol-job-oneliner-comment-trailing-space");
        // the comment's space, scontrol's own, then the separator
        assertThat(c.stdout()).contains(" Comment=owner=ops team   StdErr=/tmp/25.out ");
        assertTrailingSpaceJob(labJob("scontrol-job-oneliner-comment-trailing-space"));
    }

    @Test
    void multiLineCommentEndingWithASpaceIsKept() {
        Fixtures.Case c = Fixtures.load("lab-22.05", "scontrol-job-multiline-comment-trailing-space");
        assertThat(c.stdout()).contains("\n   Comment=owner=ops team  \n");
        Job multi = labJob("scontrol-job-multiline-comment-trailing-space");
        assertTrailingSpaceJob(multi);
        assertThat(multi).isEqualTo(labJob("scontrol-job-oneliner-comment-trailing-space"));
    }

    @Test
    void everyJobFreeTextValueKeepsItsTrailingSpaces() {
        String oneLiner = "JobId=7 JobName=n   UserId=u(1) GroupId=g(1) JobState=PENDING RunTime=0 TimeLimit=1 "
                + "SubmitTime=2026-11-20T22:28:11 Partition=p Command=/bin/c  WorkDir=/w  AdminComment=a   "
                + "SystemComment=s  Comment=c  Extra=e   StdErr=/e  StdIn=/dev/null StdOut=/o  Power= \n";
        Job j = ScontrolParser.parseJobs(oneLiner).get(0);
        assertThat(j.name()).isEqualTo("n  ");
        assertThat(j.io().command()).isEqualTo("/bin/c ");
        assertThat(j.io().workDir()).isEqualTo("/w ");
        // scontrol 22.05-25.05 print the comments (and, from 23.02, Extra) as "Key=%s ": that one space is dropped
        assertThat(j.identity().adminComment()).isEqualTo("a ");
        assertThat(j.identity().systemComment()).isEqualTo("s");
        assertThat(j.identity().comment()).isEqualTo("c");
        assertThat(j.identity().extra()).isEqualTo("e ");
        assertThat(j.io().stdErr()).isEqualTo("/e ");
        assertThat(j.io().stdOut()).isEqualTo("/o ");
        String multi = "JobId=7 JobName=n  \n   UserId=u(1) GroupId=g(1) JobState=PENDING RunTime=0 TimeLimit=1\n"
                + "   SubmitTime=2026-11-20T22:28:11 Partition=p\n   Command=/bin/c \n   WorkDir=/w \n"
                + "   AdminComment=a  \n   SystemComment=s \n   Comment=c \n   Extra=e  \n   StdErr=/e \n"
                + "   StdIn=/dev/null\n   StdOut=/o \n   Power=\n   \n\n";
        assertThat(ScontrolParser.parseJobs(multi).get(0)).isEqualTo(j);
    }

    @Test
    void nodeFreeTextKeepsItsTrailingSpacesAndPaddingIsTrimmed() {
        // 22.05 node -o: "OS=%s " and "Partitions=%s " carry a space of scontrol's own, Reason is
        // "Reason=%s [user@time]", Comment and Extra are printed as they are, and the line has no final separator
        String oneLiner = "NodeName=n1 Arch=x86_64 CoresPerSocket=8  CPUAlloc=0 CPUEfctv=8 CPUTot=8 CPULoad=0.85 "
                + "AvailableFeatures=lab ActiveFeatures=lab Gres=(null) NodeAddr=n1 NodeHostName=n1 Version=22.05.8 "
                + "OS=Linux 6.1 #1 SMP @0  RealMemory=8000 AllocMem=0 FreeMem=23311 Sockets=1 Boards=1 "
                + "State=IDLE+DRAIN ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A Partitions=debug,gpu  "
                + "BootTime=None SlurmdStartTime=None LastBusyTime=2026-12-02T14:12:57 CfgTRES=cpu=8 AllocTRES= "
                + "CapWatts=n/a CurrentWatts=0 AveWatts=0 ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s "
                + "Reason=disk  [root@2026-11-20T22:26:08] Comment=owner=ops team  Extra=rack 4 \n";
        Node n = ScontrolParser.parseNodes(oneLiner).get(0);
        assertThat(n.info().os()).isEqualTo("Linux 6.1 #1 SMP @0");
        assertThat(n.hardware().coresPerSocket()).isEqualTo(8);
        assertThat(n.info().partitions()).containsExactly("debug", "gpu");
        assertThat(n.reason()).isEqualTo("disk ");
        assertThat(n.reasonUser()).isEqualTo("root");
        assertThat(n.info().comment()).isEqualTo("owner=ops team ");
        assertThat(n.info().extra()).isEqualTo("rack 4 ");
        assertThat(n.extras()).isEmpty();
        String multi = "NodeName=n1 Arch=x86_64 CoresPerSocket=8 \n   CPUAlloc=0 CPUEfctv=8 CPUTot=8 CPULoad=0.85\n"
                + "   AvailableFeatures=lab\n   ActiveFeatures=lab\n   Gres=(null)\n"
                + "   NodeAddr=n1 NodeHostName=n1 Version=22.05.8\n   OS=Linux 6.1 #1 SMP @0 \n"
                + "   RealMemory=8000 AllocMem=0 FreeMem=23311 Sockets=1 Boards=1\n"
                + "   State=IDLE+DRAIN ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A\n"
                + "   Partitions=debug,gpu \n   BootTime=None SlurmdStartTime=None\n   LastBusyTime=2026-12-02T14:12:57\n"
                + "   CfgTRES=cpu=8\n   AllocTRES=\n   CapWatts=n/a\n   CurrentWatts=0 AveWatts=0\n"
                + "   ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s\n"
                + "   Reason=disk  [root@2026-11-20T22:26:08]\n   Comment=owner=ops team \n   Extra=rack 4 \n\n";
        assertThat(ScontrolParser.parseNodes(multi).get(0)).isEqualTo(n);
    }

    @Test
    void nodeReasonWithLineBreaksIsWhereTheFormatLosesTrack() {
        // scontrol prints each further line of a reason after the separator and seven spaces
        SlurmParseException multi = catchThrowableOfType(() -> ScontrolParser.parseNodes(
                "NodeName=n1 State=DOWN\n   Reason=disk [root@2026-11-20T22:26:08]\n          dead\n"),
                SlurmParseException.class);
        assertThat(multi.line()).isEqualTo(3);
        Node oneLiner = ScontrolParser.parseNodes("NodeName=n1 State=DOWN Reason=disk [root@2026-11-20T22:26:08]        dead\n")
                .get(0);
        assertThat(oneLiner.reason()).isEqualTo("disk [root@2026-11-20T22:26:08]        dead");
        assertThat(oneLiner.reasonUser()).isNull();
    }

    @Test
    void reservationCommentKeepsItsTrailingSpaces() {
        String multi = "ReservationName=r StartTime=2026-11-21T22:30:23 EndTime=2026-11-22T22:30:23 Duration=1-00:00:00\n"
                + "   Nodes=cpu02 NodeCnt=1 CoreCnt=16 Features=(null) PartitionName=(null) Flags=MAINT\n"
                + "   TRES=cpu=16\n   Users=alice Groups=(null) Accounts=(null) Licenses=(null) State=INACTIVE "
                + "BurstBuffer=(null) Watts=n/a\n   MaxStartDelay=(null)\n   Comment=disk swap, ask ops \n\n";
        Reservation r = ScontrolParser.parseReservations(multi).get(0);
        assertThat(r.comment()).isEqualTo("disk swap, ask ops ");
        String oneLiner = multi.replace("\n   ", " ").replace("\n\n", "\n");
        assertThat(ScontrolParser.parseReservations(oneLiner).get(0)).isEqualTo(r);
    }
}
