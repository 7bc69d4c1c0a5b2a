package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScontrolNodeParserTest {

    private static List<Node> nodes(String caseName) {
        Fixtures.Case c = Fixtures.load(caseName);
        assertThat(c.rc()).isZero();
        return ScontrolParser.parseNodes(c.stdout());
    }

    private static Node one(String caseName) {
        List<Node> nodes = nodes(caseName);
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    @Test
    void allNodesMultiline() {
        List<Node> nodes = nodes("scontrol-node-all-multiline");
        assertThat(nodes).extracting(Node::name).containsExactly("cpu01", "cpu02", "cpu03", "gpu01", "gpu02", "localhost");
        Node gpu02 = nodes.get(4);
        assertThat(gpu02.state().base()).isEqualTo(NodeState.Base.UNKNOWN);
        assertThat(gpu02.state().flags()).contains(NodeState.Flag.MAINT, NodeState.Flag.RESERVED,
                NodeState.Flag.NOT_RESPONDING);
        assertThat(gpu02.hardware().availableFeatures()).containsExactly("a100", "nvlink");
        assertThat(gpu02.hardware().cfgTres().gpus()).hasValue(4);
        assertThat(gpu02.hardware().cfgTres().memoryBytes()).hasValue(64000 * MemorySize.MIB);
        Node local = nodes.get(5);
        assertThat(local.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(local.state().flags()).isEmpty();
        assertThat(local.hardware().arch()).isEqualTo("x86_64");
        assertThat(local.hardware().coresPerSocket()).isEqualTo(8);
        assertThat(local.hardware().cpuTotal()).isEqualTo(8);
        assertThat(local.hardware().cpuEffective()).isEqualTo(8);
        assertThat(local.usage().cpuAlloc()).isEqualTo(6);
        assertThat(local.usage().cpuLoad()).isEqualTo(0.98);
        assertThat(local.hardware().realMemoryBytes()).isEqualTo(8000 * MemorySize.MIB);
        assertThat(local.usage().allocMemoryBytes()).isEqualTo(1668 * MemorySize.MIB);
        assertThat(local.usage().freeMemoryBytes()).isEqualTo(23060 * MemorySize.MIB);
        assertThat(local.hardware().gres()).containsExactly(new GresItem("gpu", null, 2, null, null, "gpu:2"));
        assertThat(local.info().os()).isEqualTo("Linux 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0");
        assertThat(local.info().version()).isEqualTo("22.05.8");
        assertThat(local.info().partitions()).containsExactly("debug", "gpu", "short", "maint", "urgent");
        assertThat(local.info().bootTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:19:32")));
        assertThat(local.usage().allocTres().gpus()).hasValue(1);
        assertThat(local.usage().capWatts()).isEqualTo("n/a");
        assertThat(local.usage().currentWatts()).isZero();
        assertThat(local.usage().extSensorsJoules()).isEqualTo("n/s");
        assertThat(local.reason()).isNull();
        assertThat(local.extras()).isEmpty();
        Node cpu02 = nodes.get(1);
        assertThat(cpu02.info().bootTime()).isEqualTo(SlurmTime.NONE);
        assertThat(cpu02.usage().allocTres().isEmpty()).isTrue();
        assertThat(cpu02.info().port()).isEqualTo(16818);
        assertThat(cpu02.info().partitions()).containsExactly("cpu");
    }

    @Test
    void downReasonWithCommaAndEquals() {
        Node n = one("scontrol-node-down-reason");
        assertThat(n.name()).isEqualTo("cpu03");
        assertThat(n.state().base()).isEqualTo(NodeState.Base.DOWN);
        assertThat(n.state().has(NodeState.Flag.NOT_RESPONDING)).isTrue();
        assertThat(n.reason()).isEqualTo("PSU failure, ticket=INC-4711");
        assertThat(n.reasonUser()).isEqualTo("root");
        assertThat(n.reasonTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:26:08")));
        assertThat(n.extras()).isEmpty();
    }

    @Test
    void drainedReasonWithSpacesAndColon() {
        Node n = one("scontrol-node-drained-reason-spaces");
        assertThat(n.name()).isEqualTo("cpu01");
        assertThat(n.state().isDrain()).isTrue();
        assertThat(n.reason()).isEqualTo("disk replaced: wait for fsck");
        assertThat(n.reasonUser()).isEqualTo("root");
        assertThat(n.usage().freeMemoryBytes()).as("FreeMem=N/A").isNull();
        assertThat(n.usage().cpuLoad()).as("CPULoad=N/A").isNull();
    }

    @Test
    void localhostDownNotResponding() {
        Node n = one("scontrol-node-localhost-down-not-responding");
        assertThat(n.name()).isEqualTo("localhost");
        assertThat(n.state().base()).isEqualTo(NodeState.Base.DOWN);
        assertThat(n.reason()).isEqualTo("Not responding");
        assertThat(n.reasonTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:38:54")));
        assertThat(n.usage().freeMemoryBytes()).isEqualTo(23345 * MemorySize.MIB);
    }

    @Test
    void localhostMixedAndDetail() {
        Node n = one("scontrol-node-localhost-mixed");
        assertThat(n.name()).isEqualTo("localhost");
        assertThat(n.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(n.usage().gresUsed()).as("GresUsed is a -d key").isNull();
        Node d = one("scontrol-node-localhost-mixed-detail");
        assertThat(d.usage().gresUsed()).containsExactly(new GresItem("gpu", null, 1, null, null, "gpu:1"));
        assertThat(d.usage().gresDrain()).isEqualTo("N/A");
        assertThat(d.hardware()).isEqualTo(n.hardware());
        assertThat(d.info()).isEqualTo(n.info());
    }

    @Test
    void unknownNotRespondingMultilineEqualsOneLiner() {
        Node multi = one("scontrol-node-unknown-not-responding");
        assertThat(multi.name()).isEqualTo("gpu01");
        assertThat(multi.state().base()).isEqualTo(NodeState.Base.UNKNOWN);
        assertThat(multi.state().has(NodeState.Flag.NOT_RESPONDING)).isTrue();
        assertThat(multi.hardware().gres()).containsExactly(new GresItem("gpu", "a100", 4, null, null, "gpu:a100:4"));
        assertThat(multi.usage().freeMemoryBytes()).isNull();
        Node oneLiner = one("scontrol-node-oneliner-unknown-not-responding");
        assertThat(oneLiner.name()).isEqualTo("gpu01");
        assertThat(oneLiner.hardware().coresPerSocket()).as("CoresPerSocket=1  CPUAlloc=0").isEqualTo(1);
        assertThat(oneLiner.info().port()).isEqualTo(16818);
        assertThat(oneLiner.info().partitions()).containsExactly("gpu");
        assertThat(oneLiner.hardware()).isEqualTo(multi.hardware());
        assertThat(oneLiner.state()).isEqualTo(multi.state());
        assertThat(oneLiner.extras()).isEmpty();
    }

    @Test
    void oneLinerOsWithDoubleSeparatorAndNewerKeys() {
        String line = "NodeName=na1 Arch=x86_64 CoresPerSocket=16  CPUAlloc=4 CPUEfctv=32 CPUTot=32 CPULoad=8.62 "
                + "AvailableFeatures=cpu ActiveFeatures=cpu Gres=gpu:a100:4(S:0-1) NodeAddr=172.18.0.11 NodeHostName=na1 "
                + "Version=24.11.7 OS=Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Thu Jun 18 21:54:43 UTC 2026  RealMemory=15867 "
                + "AllocMem=8192 FreeMem=406 Sockets=1 Boards=1 State=MIXED+DYNAMIC_NORM ThreadsPerCore=2 TmpDisk=0 "
                + "Weight=1 Owner=N/A MCS_label=N/A Partitions=cpu,debug,high  BootTime=2026-07-24T16:41:28 "
                + "SlurmdStartTime=2026-07-31T03:59:08 LastBusyTime=2026-07-31T03:59:08 ResumeAfterTime=None "
                + "CfgTRES=cpu=32,mem=15867M,billing=32 AllocTRES=cpu=4,mem=8G CurrentWatts=0 AveWatts=0 "
                + "NewKey26=some value \n";
        Node n = ScontrolParser.parseNodes(line).get(0);
        assertThat(n.info().os()).isEqualTo("Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Thu Jun 18 21:54:43 UTC 2026");
        assertThat(n.hardware().realMemoryBytes()).isEqualTo(15867 * MemorySize.MIB);
        assertThat(n.state().has(NodeState.Flag.DYNAMIC_NORM)).isTrue();
        assertThat(n.info().partitions()).containsExactly("cpu", "debug", "high");
        assertThat(n.info().resumeAfterTime()).isEqualTo(SlurmTime.NONE);
        assertThat(n.hardware().gres().get(0).sockets()).isEqualTo("0-1");
        assertThat(n.extras()).containsExactly(java.util.Map.entry("NewKey26", "some value"));
    }

    @Test
    void reasonWithoutUserTimeIsKeptWhole() {
        Node n = ScontrolParser.parseNodes("NodeName=a State=IDLE+DRAIN Reason=maintenance [planned]\n").get(0);
        assertThat(n.reason()).isEqualTo("maintenance [planned]");
        assertThat(n.reasonUser()).isNull();
        assertThat(n.reasonTime()).isNull();
    }

    @Test
    void noNodesIsEmpty() {
        assertThat(ScontrolParser.parseNodes("No nodes in the system\n")).isEmpty();
    }
}
