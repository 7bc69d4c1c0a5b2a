package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.NodeState.Base;
import io.github.slurm4j.model.node.NodeState.Flag;
import org.junit.jupiter.api.Test;

class NodeClassTest {

    @Test
    void everyBaseStateAndEveryFlagHasAClass() {
        for (Base b : Base.values()) {
            assertThat(NodeClass.ofBase(b)).as("base %s", b).isNotNull();
        }
        for (Flag f : Flag.values()) {
            assertThat(NodeClass.effectOf(f)).as("flag %s", f).isNotNull();
        }
    }

    @Test
    void theDocumentedClassOfEachState() {
        assertThat(NodeClass.of(NodeState.parse("ALLOCATED"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("MIXED"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("comp"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("IDLE+COMPLETING"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("IDLE"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("idle~"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("IDLE+POWERING_UP"))).isEqualTo(NodeClass.AVAILABLE);
        for (String error : new String[] {"DOWN", "MIXED+DRAIN", "ALLOCATED+DRAIN", "drng", "drain", "IDLE+DRAIN",
                "fail", "failg", "inval", "mix*", "unk*", "UNKNOWN", "IDLE+REBOOT_ISSUED", "idle^", "maint", "idle$",
                "UNKNOWN+MAINTENANCE+RESERVED+NOT_RESPONDING", "FUTURE", "ERROR", "IDLE+NEW_FLAG_OF_2027", "weird"}) {
            assertThat(NodeClass.of(NodeState.parse(error))).as(error).isEqualTo(NodeClass.ERROR);
        }
        assertThat(NodeClass.of(null)).isEqualTo(NodeClass.ERROR);
        assertThat(NodeClass.of(NodeState.parse("IDLE+RESERVED"))).isEqualTo(NodeClass.AVAILABLE);
    }
}
