package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.node.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys that Slurm 23.02 through 26.05 print and the 22.05 fixtures do not have. */
class ScontrolNewerKeysTest {

    @Test
    void everyNewerJobKeyIsTyped() {
        String text = String.join("\n",
                "JobId=101 JobName=new keys",
                "   UserId=carol(1003) GroupId=lab(2000) MCS_label=N/A",
                "   Priority=1 Nice=0 Account=phys QOS=high WCKey=*proj",
                "   JobState=RUNNING Reason=None Dependency=(null)",
                "   KillOInInvalidDependent=Yes",
                "   SuspendTime=None SecsPreSuspend=12 LastSchedEval=2026-01-01T00:00:00 Scheduler=Main",
                "   Partition=gpu AllocNode:Sid=login1",
                "   BatchHost=g1",
                "   ThreadSpec=2",
                "   Prefer=fast ClusterFeatures=c1 BatchFeatures=bf",
                "   LicensesAlloc=matlab:1 Network=ib",
                "   AdminComment=admin says hi SystemComment=sys note",
                "   BurstBuffer=#DW jobdw capacity=1GB BurstBufferState=staged-in",
                "   CpuFreqMin=Low CpuFreqMax=High CpuFreqGov=Performance",
                "   TresBind=gres/gpu:closest TresFreq=gpu:high TresPerJob=gres/gpu:2 TresPerSocket=gres/gpu:1",
                "   NtasksPerTRES=2",
                "   ResvPorts=12000-12001 SELinuxContext=user_u",
                "   Container=/srv/bundle dir ContainerID=abc",
                "   Switches=1 Wait-for-Switch=00:10:00",
                "   ArrayJobId=100 ArrayTaskId=1 ArrayTaskThrottle=0",
                "   HetJobId=100 HetJobOffset=0",
                "   Epilog=running",
                "");
        Job j = ScontrolParser.parseJobs(text).get(0);
        assertThat(j.name()).isEqualTo("new keys");
        assertThat(j.identity().wckey()).isEqualTo("*proj");
        assertThat(j.identity().group().name()).isEqualTo("lab");
        assertThat(j.status().killOnInvalidDependency()).isEqualTo("Yes");
        assertThat(j.timing().secsPreSuspend()).hasSeconds(12);
        assertThat(j.placement().allocNode()).isEqualTo("login1");
        assertThat(j.placement().allocSid()).isNull();
        assertThat(j.resources().threadSpec()).isEqualTo("2");
        assertThat(j.resources().prefer()).isEqualTo("fast");
        assertThat(j.resources().clusterFeatures()).isEqualTo("c1");
        assertThat(j.resources().batchFeatures()).isEqualTo("bf");
        assertThat(j.resources().licensesAlloc()).isEqualTo("matlab:1");
        assertThat(j.resources().network()).isEqualTo("ib");
        assertThat(j.identity().adminComment()).isEqualTo("admin says hi");
        assertThat(j.identity().systemComment()).isEqualTo("sys note");
        assertThat(j.resources().burstBuffer()).isEqualTo("#DW jobdw capacity=1GB");
        assertThat(j.resources().burstBufferState()).isEqualTo("staged-in");
        assertThat(j.resources().cpuFreqMin()).isEqualTo("Low");
        assertThat(j.resources().cpuFreqMax()).isEqualTo("High");
        assertThat(j.resources().cpuFreqGov()).isEqualTo("Performance");
        assertThat(j.resources().tresBind()).isEqualTo("gres/gpu:closest");
        assertThat(j.resources().tresFreq()).isEqualTo("gpu:high");
        assertThat(j.resources().tresPerJob()).isEqualTo("gres/gpu:2");
        assertThat(j.resources().tresPerSocket()).isEqualTo("gres/gpu:1");
        assertThat(j.resources().ntasksPerTres()).isEqualTo("2");
        assertThat(j.resources().resvPorts()).isEqualTo("12000-12001");
        assertThat(j.identity().selinuxContext()).isEqualTo("user_u");
        assertThat(j.identity().container()).isEqualTo("/srv/bundle dir");
        assertThat(j.identity().containerId()).isEqualTo("abc");
        assertThat(j.resources().switches()).isEqualTo("1");
        assertThat(j.resources().waitForSwitch()).isEqualTo("00:10:00");
        assertThat(j.io().epilog()).isEqualTo("running");
        assertThat(j.identity().arrayTaskThrottle()).isZero();
        assertThat(j.displayId()).hasToString("100_1");
        assertThat(j.extras()).isEmpty();
    }

    @Test
    void newerNodeKeys() {
        String text = String.join("\n",
                "NodeName=n1 CoresPerSocket=4 ",
                "   CPUAlloc=0 CPUEfctv=6 CPUTot=8 CPULoad=0.00",
                "   Gres=gpu:h100:4(S:0-1),shard:8",
                "   NodeAddr=n1 NodeHostName=n1 Port=6818 BcastAddr=n1-ib Version=25.05.1",
                "   RealMemory=1024 AllocMem=0 FreeMem=512 Sockets=2 Boards=1",
                "   CoreSpecCount=2 CPUSpecList=0-1 MemSpecLimit=256",
                "   State=IDLE+PLANNED ThreadsPerCore=1 TmpDisk=100 Weight=10 Owner=N/A MCS_label=N/A",
                "   NextState=RESUME ReservationName=r1 InstanceId=i-1 InstanceType=m5 Topology=sw1",
                "   RestrictedCoresPerGPU=1 Power=none",
                "   CurrentWatts=n/a AveWatts=n/a LowestJoules=5 ConsumedJoules=7",
                "   Comment=rack 4 slot 2 Extra={\"a\": 1}",
                "");
        Node n = ScontrolParser.parseNodes(text).get(0);
        assertThat(n.hardware().gres()).hasSize(2);
        assertThat(n.hardware().gres().get(0).type()).isEqualTo("h100");
        assertThat(n.hardware().gres().get(1).name()).isEqualTo("shard");
        assertThat(n.hardware().gres().get(1).count()).isEqualTo(8);
        assertThat(n.info().bcastAddr()).isEqualTo("n1-ib");
        assertThat(n.hardware().coreSpecCount()).isEqualTo(2);
        assertThat(n.hardware().cpuSpecList()).isEqualTo("0-1");
        assertThat(n.hardware().memSpecLimitBytes()).isEqualTo(256 * MemorySize.MIB);
        assertThat(n.hardware().tmpDiskBytes()).isEqualTo(100 * MemorySize.MIB);
        assertThat(n.state().flags()).extracting(Enum::name).contains("PLANNED");
        assertThat(n.info().nextState()).isEqualTo("RESUME");
        assertThat(n.info().reservation()).isEqualTo("r1");
        assertThat(n.info().instanceId()).isEqualTo("i-1");
        assertThat(n.info().instanceType()).isEqualTo("m5");
        assertThat(n.info().topology()).isEqualTo("sw1");
        assertThat(n.hardware().restrictedCoresPerGpu()).isEqualTo("1");
        assertThat(n.info().power()).isEqualTo("none");
        assertThat(n.usage().currentWatts()).isNull();
        assertThat(n.usage().lowestJoules()).isEqualTo(5L);
        assertThat(n.usage().consumedJoules()).isEqualTo(7L);
        assertThat(n.info().comment()).isEqualTo("rack 4 slot 2");
        assertThat(n.info().extra()).isEqualTo("{\"a\": 1}");
        assertThat(n.info().weight()).isEqualTo(10L);
        assertThat(n.info().owner()).isEqualTo("N/A");
    }

    @Test
    void partitionPerCpuMemoryAndMoreKeys() {
        String text = "PartitionName=p AllowGroups=ALL DenyAccounts=a1,a2 DenyQos=low Default=NO "
                + "DefMemPerCPU=2048 MaxMemPerCPU=4G MaxCPUsPerSocket=UNLIMITED NodeSets=ALL "
                + "TRESBillingWeights=CPU=1.0 Alternate=q RootOnly=YES ReqResv=NO LLN=YES DisableRootJobs=NO "
                + "ExclusiveUser=YES Hidden=YES OverSubscribe=FORCE:4 SelectTypeParameters=CR_CORE "
                + "PriorityJobFactor=5 AllocNodes=ALL AllowAccounts=ALL AllowQos=ALL QoS=part_qos "
                + "OverTimeLimit=5 SuspendTime=NONE\n";
        Partition p = ScontrolParser.parsePartitions(text).get(0);
        assertThat(p.limits().defMem()).isEqualTo(MemoryRequest.perCpu(2048 * MemorySize.MIB));
        assertThat(p.limits().maxMem()).isEqualTo(MemoryRequest.perCpu(4 * MemorySize.GIB));
        assertThat(p.limits().maxCpusPerSocket()).isEqualTo(Partition.UNLIMITED);
        assertThat(p.access().denyAccounts()).isEqualTo("a1,a2");
        assertThat(p.access().denyQos()).isEqualTo("low");
        assertThat(p.access().rootOnly()).isTrue();
        assertThat(p.access().lln()).isTrue();
        assertThat(p.access().exclusiveUser()).isEqualTo("YES");
        assertThat(p.access().qos()).isEqualTo("part_qos");
        assertThat(p.scheduling().nodeSets()).isEqualTo("ALL");
        assertThat(p.scheduling().tresBillingWeights()).isEqualTo("CPU=1.0");
        assertThat(p.scheduling().alternate()).isEqualTo("q");
        assertThat(p.scheduling().overSubscribe()).isEqualTo("FORCE:4");
        assertThat(p.scheduling().priorityJobFactor()).isEqualTo(5);
        assertThat(p.limits().overTimeLimit()).isEqualTo("5");
        assertThat(p.extras()).containsEntry("SuspendTime", "NONE");
    }

    @Test
    void reservationCommentAndUnknownKey() {
        String text = "ReservationName=r StartTime=2026-01-01T00:00:00 EndTime=2026-01-02T00:00:00 Duration=1-00:00:00\n"
                + "   Nodes=(null) NodeCnt=0 CoreCnt=0 Features=(null) PartitionName=gpu Flags=FLEX\n"
                + "   Users=(null) Groups=ops Accounts=-guest Licenses=(null) State=ACTIVE BurstBuffer=(null)\n"
                + "   Comment=maintenance window, see ticket=42 Skip=No\n";
        var r = ScontrolParser.parseReservations(text).get(0);
        assertThat(r.users()).isEmpty();
        assertThat(r.groups()).containsExactly("ops");
        assertThat(r.accounts()).containsExactly("-guest");
        assertThat(r.partition()).isEqualTo("gpu");
        assertThat(r.comment()).isEqualTo("maintenance window, see ticket=42 Skip=No");
        assertThat(r.nodes()).isEmpty();
        assertThat(r.licenses()).isEmpty();
        assertThat(r.burstBuffer()).isEmpty();
        assertThat(List.of(r.flags())).hasSize(1);
    }
}
