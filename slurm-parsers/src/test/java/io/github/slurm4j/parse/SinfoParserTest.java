package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.SinfoRow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinfoParserTest {

    private static SinfoRow node(List<SinfoRow> rows, String node) {
        return rows.stream().filter(r -> node.equals(r.nodeList())).findFirst().orElseThrow();
    }

    @Test
    void defaultRichStatesWithFlags() {
        var c = Fixtures.load("sinfo-default-rich");
        List<SinfoRow> rows = SinfoParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows).hasSize(10);
        SinfoRow first = rows.get(0);
        assertThat(first.partition()).isEqualTo("debug");
        assertThat(first.defaultPartition()).isTrue();
        assertThat(first.available()).isEqualTo("up");
        assertThat(first.timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(first.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(node(rows, "gpu02").state().has(NodeState.Flag.MAINT)).isTrue();
        assertThat(node(rows, "cpu01").state().isDrain()).isTrue();
        assertThat(node(rows, "cpu01").state().has(NodeState.Flag.NOT_RESPONDING)).isTrue();
        assertThat(node(rows, "cpu03").state().base()).isEqualTo(NodeState.Base.DOWN);
        assertThat(node(rows, "gpu01").state().base()).isEqualTo(NodeState.Base.UNKNOWN);
        assertThat(node(rows, "gpu01").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(1)));
        assertThat(rows.get(8).available()).isEqualTo("down");
        assertThat(rows.get(8).partition()).isEqualTo("maint");
        assertThat(rows.get(8).defaultPartition()).isFalse();
    }

    @Test
    void freshUnknownNodesHostlist() {
        var c = Fixtures.load("sinfo-default-fresh-unknown-nodes");
        List<SinfoRow> rows = SinfoParser.defaultFormat().parse(c.stdoutBytes());
        SinfoRow cpu = node(rows, "cpu[01-03]");
        assertThat(cpu.nodeCount()).isEqualTo(3);
        assertThat(cpu.state().base()).isEqualTo(NodeState.Base.UNKNOWN);
        assertThat(node(rows, "gpu[01-02]").nodeCount()).isEqualTo(2);
    }

    @Test
    void allNodesDown() {
        var c = Fixtures.load("sinfo-all-nodes-down");
        List<SinfoRow> rows = SinfoParser.defaultFormat().parse(c.stdoutBytes());
        assertThat(rows.stream().filter(r -> "localhost".equals(r.nodeList())))
                .allSatisfy(r -> assertThat(r.state().raw()).isEqualTo("down*"));
        assertThat(rows.get(rows.size() - 1).timeLimit()).isEqualTo(TimeLimit.of(Duration.ofHours(1)));
    }

    @Test
    void partitionsWithoutNodesShowNa() {
        var c = Fixtures.load("sinfo-filter-node-partitions-na");
        List<SinfoRow> rows = SinfoParser.defaultFormat().parse(c.stdoutBytes());
        SinfoRow cpu = rows.stream().filter(r -> r.partition().equals("cpu")).findFirst().orElseThrow();
        assertThat(cpu.nodeCount()).isZero();
        assertThat(cpu.state()).isNull();
        assertThat(cpu.nodeList()).isNull();
    }

    @Test
    void deadThenResponding() {
        var c = Fixtures.load("sinfo-dead-responding");
        String[] tables = c.stdout().split("(?m)^===\\n");
        List<SinfoRow> dead = SinfoParser.defaultFormat().parse(tables[0]);
        List<SinfoRow> responding = SinfoParser.defaultFormat().parse(tables[1]);
        assertThat(dead).hasSize(9);
        assertThat(dead.get(0).state()).isNull();
        assertThat(node(dead, "cpu01").state().raw()).isEqualTo("drain*");
        assertThat(responding).hasSize(6);
        assertThat(responding.stream().filter(r -> r.state() != null))
                .allSatisfy(r -> assertThat(r.state().base()).isEqualTo(NodeState.Base.MIXED))
                .allSatisfy(r -> assertThat(r.nodeList()).isEqualTo("localhost"));
    }

    @Test
    void emptyPartitionIsHeaderOnly() {
        var c = Fixtures.load("sinfo-partition-error-unknown");
        assertThat(SinfoParser.defaultFormat().parse(c.stdoutBytes())).isEmpty();
    }

    @Test
    void nodeLongDateLineAndTruncatedReason() {
        var c = Fixtures.load("sinfo-node-long");
        List<SinfoRow> rows = SinfoParser.nodeLongFormat().parse(c.stdoutBytes());
        assertThat(rows).hasSize(10);
        SinfoRow cpu01 = node(rows, "cpu01");
        assertThat(cpu01.partition()).isEqualTo("cpu");
        assertThat(cpu01.state().raw()).isEqualTo("drained*");
        assertThat(cpu01.cpusPerNode()).isEqualTo(16);
        assertThat(cpu01.memoryMib()).isEqualTo(32000L);
        assertThat(cpu01.reason()).isEqualTo("disk replaced: wait");
        assertThat(cpu01.isTruncated("Reason")).isTrue();
        assertThat(cpu01.extras()).containsEntry("SocketCoreThread", "16:1:1").containsEntry("Features", "skylake");
        SinfoRow local = rows.get(5);
        assertThat(local.extras()).containsEntry("Features", "lab,x86_");
        assertThat(local.isTruncated("Features")).isTrue();
        assertThat(node(rows, "cpu02").reason()).isNull();
    }

    @Test
    void nelSameAsNodeLong() {
        var c = Fixtures.load("sinfo-Nel");
        List<SinfoRow> rows = SinfoParser.nodeLongFormat().parse(c.stdoutBytes());
        assertThat(node(rows, "cpu03").reason()).isEqualTo("PSU failure, ticket=");
        assertThat(node(rows, "cpu03").isTruncated("Reason")).isTrue();
        assertThat(node(rows, "gpu01").extras()).containsEntry("Features", "a100,nvl");
        assertThat(rows.stream().filter(r -> "localhost".equals(r.nodeList())).map(SinfoRow::partition))
                .containsExactly("urgent", "debug", "gpu", "short", "maint");
    }

    @Test
    void reasons() {
        var c = Fixtures.load("sinfo-reasons-not-responding");
        List<SinfoRow> rows = SinfoParser.reasonsFormat().parse(c.stdoutBytes());
        SinfoRow local = node(rows, "localhost");
        assertThat(local.reason()).isEqualTo("Not responding");
        assertThat(local.reasonUser()).isEqualTo("root");
        assertThat(local.reasonTime().dateTime()).isEqualTo(LocalDateTime.parse("2026-11-20T22:38:54"));
        assertThat(node(rows, "cpu01").reason()).isEqualTo("disk replaced: wait");
        assertThat(node(rows, "cpu03").reason()).isEqualTo("PSU failure, ticket=");
        assertThat(node(rows, "cpu03").isTruncated("Reason")).isTrue();
        assertThat(local.isTruncated("Reason")).isFalse();
    }

    @Test
    void formatLongWidthsCpuStateAndGresUsed() {
        var c = Fixtures.load("sinfo-Format-widths");
        List<SinfoRow> rows = SinfoParser.forFormatLong(
                "NodeList:12,Partition:10,StateLong:15,CPUsState:14,CPUsLoad:8,Memory:8,FreeMem:10,Gres:20,GresUsed:30,Reason:40")
                .parse(c.stdoutBytes());
        SinfoRow cpu01 = node(rows, "cpu01");
        assertThat(cpu01.reason()).isEqualTo("disk replaced: wait for fsck");
        assertThat(cpu01.cpus()).isEqualTo(new SinfoRow.CpuCounts(0, 0, 16, 16));
        assertThat(cpu01.gres()).isNull();
        assertThat(cpu01.freeMemoryMib()).isNull();
        SinfoRow local = rows.get(5);
        assertThat(local.partition()).isEqualTo("debug");
        assertThat(local.defaultPartition()).isTrue();
        assertThat(local.gres()).isEqualTo("gpu:2");
        assertThat(local.gresUsed()).isEqualTo("gpu:1");
        assertThat(local.freeMemoryMib()).isEqualTo(23060L);
        assertThat(local.extras()).containsEntry("CPUsLoad", "0.98");
        assertThat(node(rows, "gpu01").gresUsed()).isEqualTo("gpu:a100:0");
        assertThat(node(rows, "cpu03").reason()).isEqualTo("PSU failure, ticket=INC-4711");
    }

    @Test
    void percentAllWithTrailingSpacesInTitles() {
        var c = Fixtures.load("sinfo-all-fields-percent-all");
        List<SinfoRow> rows = SinfoParser.forFormat("%all").parse(c.stdoutBytes());
        assertThat(rows).hasSize(10);
        SinfoRow first = rows.get(0);
        assertThat(first.partition()).isEqualTo("debug");
        assertThat(first.defaultPartition()).isTrue();
        assertThat(first.cpus()).isEqualTo(new SinfoRow.CpuCounts(6, 2, 0, 8));
        assertThat(first.nodesAiot()).isEqualTo(new SinfoRow.CpuCounts(1, 0, 0, 1));
        assertThat(first.state().raw()).isEqualTo("mixed");
        assertThat(first.extras()).containsEntry("Version", "22.05.8").containsEntry("PartitionName", "debug")
                .containsEntry("Root", "no");
        SinfoRow cpu01 = rows.stream().filter(r -> "cpu01".equals(r.nodeList())).findFirst().orElseThrow();
        assertThat(cpu01.reason()).isEqualTo("disk replaced: wait for fsck");
    }

    @Test
    void customCpusGresMem() {
        var c = Fixtures.load("sinfo-custom-cpus-gres-mem");
        List<SinfoRow> rows = SinfoParser.forFormat("%N|%P|%T|%C|%c|%G|%m|%e|%O|%f|%E|%H|%u").parse(c.stdoutBytes());
        SinfoRow cpu03 = node(rows, "cpu03");
        assertThat(cpu03.reason()).isEqualTo("PSU failure, ticket=INC-4711");
        assertThat(cpu03.reasonTime().dateTime()).isEqualTo(LocalDateTime.parse("2026-11-20T22:26:08"));
        assertThat(cpu03.cpusPerNode()).isEqualTo(16);
        assertThat(node(rows, "gpu01").gres()).isEqualTo("gpu:a100:4");
        assertThat(rows.get(5).reasonUser()).isNull();
        assertThat(rows.get(5).extras()).containsEntry("Features", "lab,x86_64");
    }

    @Test
    void customNoheaderReasonWithSpacesLast() {
        var c = Fixtures.load("sinfo-custom-noheader-nodes");
        List<SinfoRow> rows = SinfoParser.forFormat("%N %T %C %e %m %G %E").withoutHeader().parse(c.stdoutBytes());
        assertThat(rows).hasSize(10);
        assertThat(node(rows, "cpu01").reason()).isEqualTo("disk replaced: wait for fsck");
        assertThat(node(rows, "cpu01").state().isDrain()).isTrue();
        assertThat(rows.get(5).freeMemoryMib()).isEqualTo(23060L);
        assertThat(rows.get(5).memoryMib()).isEqualTo(8000L);
    }

    @Test
    void customPartition() {
        var c = Fixtures.load("sinfo-custom-partition");
        List<SinfoRow> rows = SinfoParser.forFormat("%P %a %l %D %T %C %G %N").parse(c.stdoutBytes());
        assertThat(rows.get(0).partition()).isEqualTo("debug");
        assertThat(rows.get(0).cpus().idle()).isEqualTo(2);
        assertThat(node(rows, "cpu02").state().raw()).isEqualTo("unknown*");
        assertThat(node(rows, "gpu02").timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(1)));
    }

    @Test
    void nodeCompleting() {
        var c = Fixtures.load("sinfo-node-completing");
        List<SinfoRow> rows = SinfoParser.forFormat("%N %P %T %C").parse(c.stdoutBytes());
        SinfoRow local = rows.get(5);
        assertThat(local.nodeList()).isEqualTo("localhost");
        assertThat(local.state().has(NodeState.Flag.COMPLETING)).isTrue();
    }

    @Test
    void dynamicWidthsWithoutHeaderAreMeasuredOnDataAndTitles() {
        // %#P is as wide as "PARTITION" even under -h (as sinfo-default-noheader shows)
        String out = "localhost      1 debug*    mix   \ncpu01          1 cpu       drain*\n";
        List<SinfoRow> rows = SinfoParser.nodeFormat().withoutHeader().parse(out);
        assertThat(rows.get(0).nodeList()).isEqualTo("localhost");
        assertThat(rows.get(0).nodeCount()).isEqualTo(1);
        assertThat(rows.get(1).partition()).isEqualTo("cpu");
        assertThat(rows.get(1).state().isDrain()).isTrue();
        assertThat(SinfoParser.longFormat().fields()).contains("Size", "Root", "OverSubscribe", "Groups");
    }

    @Test
    void badCountsNameTheField() {
        assertThatThrownBy(() -> SinfoParser.forFormat("%N|%C").parse("NODELIST|CPUS(A/I/O/T)\nn1|1/2/3\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("CPUsState");
                });
        assertThatThrownBy(() -> SinfoParser.forFormat("%N|%D").withoutHeader().parse("n1|x\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("Nodes");
        assertThatThrownBy(() -> SinfoRow.CpuCounts.parse("a/b/c/d")).isInstanceOf(IllegalArgumentException.class);
    }
}
