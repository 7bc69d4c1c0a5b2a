package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link NodesJsonParser} on hand-written documents of the v0.0.38 and v0.0.41+ shapes. */
class NodesJsonParserTest {

    private static final String V42 = """
            {"meta": {"plugin": {"data_parser": "data_parser/v0.0.42"}, "slurm": {"release": "24.11.5"}},
             "errors": [], "warnings": [],
             "nodes": [{"name": "gn1", "architecture": "x86_64", "boards": 1, "cores": 16, "cpus": 32,
               "effective_cpus": 30, "sockets": 2, "threads": 1, "real_memory": 257000, "temporary_disk": 0,
               "gres": "gpu:h100:4(S:0-1)", "gres_used": "gpu:h100:2(IDX:0-1)", "gres_drained": "N/A",
               "features": ["gpu", "h100"], "active_features": "gpu,h100", "tres": "cpu=32,mem=257000M,gres/gpu=4",
               "tres_used": "cpu=8,mem=64G,gres/gpu=2", "specialized_cores": 2, "specialized_cpus": "",
               "specialized_memory": 1024, "res_cores_per_gpu": 0, "alloc_cpus": 8, "alloc_idle_cpus": 24,
               "cpu_load": 128, "alloc_memory": 65536, "free_mem": {"set": true, "infinite": false, "number": 190000},
               "address": "10.1.0.1", "hostname": "gn1.lab", "port": 6818, "version": "24.11.5",
               "operating_system": "Linux 6.1 #1 SMP", "weight": 10, "owner": "", "mcs_label": "",
               "partitions": ["gpu", "debug"], "boot_time": {"set": true, "infinite": false, "number": 1758266697},
               "slurmd_start_time": {"set": true, "infinite": false, "number": 0},
               "last_busy": {"set": false, "infinite": false, "number": 0},
               "resume_after": {"set": true, "infinite": false, "number": 0},
               "next_state_after_reboot": ["INVALID"], "state": ["MIXED", "DRAIN"], "reason": "ECC error",
               "reason_set_by_user": "root", "reason_changed_at": {"set": true, "infinite": false, "number": 1747762139},
               "comment": "", "extra": "", "reservation": "", "instance_id": "", "instance_type": "",
               "energy": {"current_watts": {"set": true, "infinite": false, "number": 0}}, "power": {},
               "cluster_name": "", "tres_weighted": 8.0}]}
            """;

    @Test
    void laterShape() {
        JsonResult<Node> r = NodesJsonParser.parse(V42, ZoneOffset.UTC);
        assertThat(r.slurmVersion()).isEqualTo("24.11.5");
        Node n = r.items().get(0);
        assertThat(n.name()).isEqualTo("gn1");
        assertThat(n.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(n.state().flags()).containsExactly(NodeState.Flag.DRAIN);
        assertThat(n.reason()).isEqualTo("ECC error");
        assertThat(n.reasonUser()).isEqualTo("root");
        assertThat(n.reasonTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2025-05-20T17:28:59")));
        assertThat(n.hardware().cpuTotal()).isEqualTo(32);
        assertThat(n.hardware().cpuEffective()).isEqualTo(30);
        assertThat(n.hardware().coresPerSocket()).isEqualTo(16);
        assertThat(n.hardware().realMemoryBytes()).isEqualTo(257000 * MemorySize.MIB);
        assertThat(n.hardware().memSpecLimitBytes()).isEqualTo(1024 * MemorySize.MIB);
        assertThat(n.hardware().gres()).containsExactly(GresItem.parse("gpu:h100:4(S:0-1)"));
        assertThat(n.hardware().availableFeatures()).containsExactly("gpu", "h100");
        assertThat(n.hardware().activeFeatures()).containsExactly("gpu", "h100");
        assertThat(n.hardware().cfgTres().gpus()).hasValue(4);
        assertThat(n.hardware().restrictedCoresPerGpu()).isEqualTo("0");
        assertThat(n.usage().cpuAlloc()).isEqualTo(8);
        assertThat(n.usage().cpuLoad()).isEqualTo(1.28);
        assertThat(n.usage().allocMemoryBytes()).isEqualTo(65536 * MemorySize.MIB);
        assertThat(n.usage().freeMemoryBytes()).isEqualTo(190000 * MemorySize.MIB);
        assertThat(n.usage().gresUsed().get(0).indexes()).isEqualTo("0-1");
        assertThat(n.usage().allocTres().cpus()).hasValue(8);
        assertThat(n.info().partitions()).containsExactly("gpu", "debug");
        assertThat(n.info().port()).isEqualTo(6818);
        assertThat(n.info().weight()).isEqualTo(10L);
        assertThat(n.info().os()).isEqualTo("Linux 6.1 #1 SMP");
        assertThat(n.info().bootTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2025-09-19T07:24:57")));
        assertThat(n.info().slurmdStartTime()).isEqualTo(SlurmTime.NONE);
        assertThat(n.info().lastBusyTime()).isNull();
        assertThat(n.info().resumeAfterTime()).isEqualTo(SlurmTime.NONE);
        assertThat(n.info().nextState()).isEqualTo("INVALID");
        assertThat(n.extras()).containsEntry("alloc_idle_cpus", "24").containsEntry("tres_weighted", "8.0")
                .doesNotContainKeys("energy", "power");
    }

    @Test
    void v0038Shape() {
        String json = """
                {"meta": {"plugin": {"type": "openapi/v0.0.38"}, "Slurm": {"release": "22.05.8"}}, "errors": [],
                 "nodes": [{"name": "cpu01", "state": "idle", "state_flags": ["DRAIN", "NOT_RESPONDING"],
                   "reason": "", "reason_set_by_user": "", "reason_changed_at": 0, "cpus": 16, "cpu_load": 0,
                   "free_memory": 100, "gres": "", "features": "skylake", "boot_time": 0, "tres": "=x", "gres_used": ":1"}]}
                """;
        Node n = NodesJsonParser.parse(json.getBytes(StandardCharsets.UTF_8), ZoneOffset.UTC).items().get(0);
        assertThat(n.state().base()).isEqualTo(NodeState.Base.IDLE);
        assertThat(n.state().flags()).contains(NodeState.Flag.DRAIN, NodeState.Flag.NOT_RESPONDING);
        assertThat(n.reason()).isNull();
        assertThat(n.reasonUser()).isNull();
        assertThat(n.reasonTime()).isNull();
        assertThat(n.usage().cpuLoad()).isZero();
        assertThat(n.hardware().gres()).isEmpty();
        assertThat(n.hardware().availableFeatures()).containsExactly("skylake");
        assertThat(n.info().bootTime()).isEqualTo(SlurmTime.NONE);
        assertThat(n.hardware().cfgTres()).isNull();
        assertThat(n.usage().gresUsed()).isNull();
        assertThat(n.extras()).containsEntry("free_memory", "100").containsEntry("tres", "=x").containsEntry("gres_used", ":1");
    }

    @Test
    void errorsAndBadInput() {
        JsonResult<Node> r = NodesJsonParser.parse("""
                {"nodes": [], "errors": [{"description": "Failure to query node x", "error_number": 0,
                 "error": "No error", "source": "_dump_nodes"}]}""", ZoneOffset.UTC);
        assertThat(r.items()).isEmpty();
        assertThat(r.errors()).containsExactly("Failure to query node x");
        assertThat(NodesJsonParser.parse("{}", ZoneOffset.UTC).items()).isEmpty();
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": [{\"name\": 3}]}", ZoneOffset.UTC))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("nodes[0].name"));
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": [{\"state\": [\"IDLE\"]}]}", ZoneOffset.UTC))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("nodes[0].name"));
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": [{\"name\": \"a\", \"state\": [1]}]}", ZoneOffset.UTC))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("nodes[0].state"));
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": [{\"name\": \"a\", \"state\": {}}]}", ZoneOffset.UTC))
                .isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": [{\"name\": \"a\", \"state\": \"\"}]}", ZoneOffset.UTC))
                .isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> NodesJsonParser.parse("{\"nodes\": 1}", ZoneOffset.UTC))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("nodes"));
        assertThatThrownBy(() -> NodesJsonParser.parse("\"x\"", ZoneOffset.UTC)).isInstanceOf(SlurmParseException.class);
    }
}
