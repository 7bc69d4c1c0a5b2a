package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.SinfoRow;
import io.github.slurm4j.model.node.SinfoRowView;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SinfoRow#toNode()}, {@link SinfoRow#toNodes} and {@link SinfoRowView} on real sinfo outputs. */
class SinfoRowMappingTest {

    @Test
    void nodeRowsMapToNodes() {
        var c = Fixtures.load("sinfo-custom-cpus-gres-mem");
        List<SinfoRow> rows = SinfoParser.forFormat("%N|%P|%T|%C|%c|%G|%m|%e|%O|%f|%E|%H|%u").parse(c.stdoutBytes());
        Node cpu01 = rows.get(0).toNode();
        assertThat(cpu01.name()).isEqualTo("cpu01");
        assertThat(cpu01.state().base()).isEqualTo(NodeState.Base.IDLE);
        assertThat(cpu01.state().flags()).contains(NodeState.Flag.DRAIN, NodeState.Flag.NOT_RESPONDING);
        assertThat(cpu01.reason()).isEqualTo("disk replaced: wait for fsck");
        assertThat(cpu01.reasonTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:26:08")));
        assertThat(cpu01.hardware().cpuTotal()).isEqualTo(16);
        assertThat(cpu01.usage().cpuAlloc()).isZero();
        assertThat(cpu01.hardware().realMemoryBytes()).isEqualTo(32000 * MemorySize.MIB);
        assertThat(cpu01.usage().freeMemoryBytes()).isNull();
        assertThat(cpu01.hardware().gres()).isNull(); // sinfo printed (null): the row keeps no GRES
        assertThat(cpu01.hardware().availableFeatures()).containsExactly("skylake");
        assertThat(cpu01.info().partitions()).containsExactly("cpu");
        assertThat(cpu01.usage().cpuLoad()).isNull();
        assertThat(cpu01.extras()).isEmpty();

        SinfoRow local = rows.stream().filter(r -> "localhost".equals(r.nodeList())).findFirst().orElseThrow();
        Node n = local.toNode();
        assertThat(n.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(n.usage().cpuAlloc()).isEqualTo(6);
        assertThat(n.usage().freeMemoryBytes()).isEqualTo(23060 * MemorySize.MIB);
        assertThat(n.usage().cpuLoad()).isEqualTo(0.98);
        assertThat(n.hardware().gres()).containsExactly(GresItem.parse("gpu:2"));
        assertThat(n.hardware().availableFeatures()).containsExactly("lab", "x86_64");
        assertThat(n.reason()).isNull();

        // sinfo -N prints localhost once per partition: one node with all of them
        List<Node> nodes = SinfoRow.toNodes(rows);
        Node merged = nodes.stream().filter(x -> x.name().equals("localhost")).findFirst().orElseThrow();
        assertThat(merged.info().partitions()).containsExactly("debug", "gpu", "short", "maint", "urgent");
        assertThat(nodes).extracting(Node::name).doesNotHaveDuplicates().contains("cpu01", "gpu01");
    }

    @Test
    void nodeLongRowsTypeDiskWeightAndSct() {
        var c = Fixtures.load("sinfo-Nel");
        List<SinfoRow> rows = SinfoParser.nodeLongFormat().parse(c.stdoutBytes());
        Node cpu01 = rows.get(0).toNode();
        assertThat(cpu01.name()).isEqualTo("cpu01");
        assertThat(cpu01.hardware().tmpDiskBytes()).isZero();
        assertThat(cpu01.info().weight()).isEqualTo(1L);
        assertThat(cpu01.hardware().cpuTotal()).isEqualTo(16);
        assertThat(cpu01.hardware().realMemoryBytes()).isEqualTo(32000 * MemorySize.MIB);
        // S:C:T has no single Node component: kept as printed
        assertThat(cpu01.extras()).containsEntry("SocketCoreThread", "16:1:1");
        assertThat(rows.get(0).isTruncated("Reason")).isTrue();
    }

    @Test
    void noheaderNodeRowsAndExtrasTyping() {
        var c = Fixtures.load("sinfo-custom-noheader-nodes");
        List<SinfoRow> rows = SinfoParser.forFormat("%N %T %C %e %m %G %E").withoutHeader().parse(c.stdoutBytes());
        Node gpu01 = rows.stream().filter(r -> "gpu01".equals(r.nodeList())).findFirst().orElseThrow().toNode();
        assertThat(gpu01.hardware().gres()).extracting(GresItem::type, GresItem::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a100", 4L));
        assertThat(gpu01.info().partitions()).isNull();
        assertThat(gpu01.hardware().cpuTotal()).isEqualTo(8);

        SinfoRow synthetic = new SinfoRow("p", false, null, null, 1, null, "n1", null, null, null, null, null, ":1",
                ":2", null, null, null,
                Map.of("Sockets", "2", "Cores", "4", "Threads", "2", "CPUsLoad", "N/A", "FeaturesAct", "(null)",
                        "Version", "22.05.8", "NodeAddr", "10.0.0.1", "NodeHost", "n1.lab", "Disk", "x"),
                Set.of());
        Node s = synthetic.toNode();
        assertThat(s.hardware().sockets()).isEqualTo(2);
        assertThat(s.hardware().coresPerSocket()).isEqualTo(4);
        assertThat(s.hardware().threadsPerCore()).isEqualTo(2);
        assertThat(s.hardware().activeFeatures()).isEmpty();
        assertThat(s.info().version()).isEqualTo("22.05.8");
        assertThat(s.info().nodeAddr()).isEqualTo("10.0.0.1");
        assertThat(s.info().nodeHostName()).isEqualTo("n1.lab");
        assertThat(s.extras()).containsEntry("Disk", "x").containsEntry("Gres", ":1").containsEntry("GresUsed", ":2")
                .doesNotContainKey("CPUsLoad");
    }

    @Test
    void partitionRowsAreNotNodes() {
        var c = Fixtures.load("sinfo-default-fresh-unknown-nodes");
        List<SinfoRow> rows = SinfoParser.defaultFormat().parse(c.stdoutBytes());
        SinfoRow multi = rows.stream().filter(r -> r.nodeCount() != null && r.nodeCount() > 1).findFirst().orElseThrow();
        assertThat(multi.isSingleNode()).isFalse();
        assertThatThrownBy(multi::toNode).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SinfoRow.toNodes(rows)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void viewOfAPartitionRow() {
        var c = Fixtures.load("sinfo-all-fields-percent-all");
        List<SinfoRow> rows = SinfoParser.forFormat("%all").parse(c.stdoutBytes());
        SinfoRow debug = rows.get(0);
        Map<String, Object> m = SinfoRowView.toMap(debug);
        assertThat(m).containsEntry("partition", "debug").containsEntry("default_partition", true)
                .containsEntry("avail", "up").containsEntry("time_limit", "UNLIMITED").containsEntry("nodes", 1)
                .containsEntry("state", "mixed").containsEntry("state_flags", List.of()).containsEntry("state_raw", "mixed")
                .containsEntry("node_list", "localhost").containsEntry("cpus_allocated", 6L).containsEntry("cpus_idle", 2L)
                .containsEntry("cpus_other", 0L).containsEntry("cpus_total", 8L).containsEntry("nodes_allocated", 1L)
                .containsEntry("nodes_total", 1L).containsEntry("cpus_per_node", 8).containsEntry("memory_mb", 8000L)
                .containsEntry("free_memory_mb", 23060L).containsEntry("gres", "gpu:2").containsEntry("reason_time", null)
                .doesNotContainKey("reason").doesNotContainKey("truncated");
        @SuppressWarnings("unchecked")
        Map<String, Object> extras = (Map<String, Object>) m.get("extras");
        assertThat(extras).containsEntry("Version", "22.05.8").containsEntry("PreemptMode", "CANCEL");
        assertValueTypes(m);
    }

    @Test
    @SuppressWarnings("unchecked")
    void viewOfCutAndDrainedRows() {
        var c = Fixtures.load("sinfo-node-long");
        List<SinfoRow> rows = SinfoParser.nodeLongFormat().parse(c.stdoutBytes());
        Map<String, Object> m = SinfoRowView.toMap(rows.get(0));
        assertThat(m).containsEntry("state", "idle").containsEntry("state_raw", "drained*");
        assertThat((List<Object>) m.get("state_flags")).contains("drain", "not_responding");
        assertThat((List<Object>) m.get("truncated")).contains("reason");
        assertThat(m.get("reason")).isEqualTo("disk replaced: wait");
        assertValueTypes(m);

        SinfoRow limited = new SinfoRow("p", null, null, TimeLimit.ofMinutes(90), null, null, null, null,
                SinfoRow.CpuCounts.parse("1/2/3/6"), null, null, null, null, null, null, "root",
                SlurmTime.of(LocalDateTime.parse("2026-11-20T22:26:08")), Map.of(), Set.of("CPUsState", "NodeAIOT", "Extra"));
        Map<String, Object> v = SinfoRowView.toMap(limited);
        assertThat(v).containsEntry("time_limit", 5400L).containsEntry("nodes_other", 3L).containsEntry("reason_user", "root")
                .containsEntry("reason_time", "2026-11-20T22:26:08").doesNotContainKey("default_partition");
        assertThat((List<Object>) v.get("truncated")).containsExactlyInAnyOrder("cpus_aiot", "nodes_aiot", "Extra");
        // a whole minute keeps its seconds (LocalDateTime.toString() would drop them)
        SinfoRow onTheMinute = new SinfoRow("p", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, "root", SlurmTime.of(LocalDateTime.parse("2026-11-20T22:26:00")), Map.of(), Set.of());
        assertThat(SinfoRowView.toMap(onTheMinute)).containsEntry("reason_time", "2026-11-20T22:26:00");
    }

    private static void assertValueTypes(Object v) {
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(SinfoRowMappingTest::assertValueTypes);
        } else if (v instanceof List<?> l) {
            l.forEach(SinfoRowMappingTest::assertValueTypes);
        } else if (v != null) {
            assertThat(v).isInstanceOfAny(String.class, Long.class, Integer.class, Double.class, Boolean.class);
        }
    }
}
