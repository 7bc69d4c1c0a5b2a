package io.github.slurm4j.model.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.node.NodeState.Base;
import io.github.slurm4j.model.node.NodeState.Flag;
import org.junit.jupiter.api.Test;

class NodeStateTest {

    @Test
    void scontrolForms() {
        NodeState s = NodeState.parse("MIXED+DRAIN");
        assertThat(s.base()).isEqualTo(Base.MIXED);
        assertThat(s.flags()).containsExactly(Flag.DRAIN);
        assertThat(s.isDrain()).isTrue();
        NodeState down = NodeState.parse("DOWN+NOT_RESPONDING");
        assertThat(down.base()).isEqualTo(Base.DOWN);
        assertThat(down.has(Flag.NOT_RESPONDING)).isTrue();
        assertThat(down.isUnavailable()).isTrue();
        assertThat(NodeState.parse("IDLE+DRAIN+NOT_RESPONDING").flags()).containsExactlyInAnyOrder(Flag.DRAIN, Flag.NOT_RESPONDING);
        assertThat(NodeState.parse("IDLE+PLANNED").has(Flag.PLANNED)).isTrue();
        assertThat(NodeState.parse("IDLE+DYNAMIC_NORM").has(Flag.DYNAMIC_NORM)).isTrue();
        assertThat(NodeState.parse("IDLE+SHINY").flags()).containsExactly(Flag.OTHER);
        assertThat(NodeState.parse("MIXED").isUnavailable()).isFalse();
        assertThat(NodeState.parse("MIXED").toString()).isEqualTo("MIXED");
    }

    @Test
    void sinfoFormsWithSuffixes() {
        NodeState drain = NodeState.parse("drain*");
        assertThat(drain.base()).isEqualTo(Base.IDLE);
        assertThat(drain.flags()).containsExactlyInAnyOrder(Flag.DRAIN, Flag.NOT_RESPONDING);
        assertThat(NodeState.parse("unk*").base()).isEqualTo(Base.UNKNOWN);
        assertThat(NodeState.parse("mix").base()).isEqualTo(Base.MIXED);
        assertThat(NodeState.parse("alloc").base()).isEqualTo(Base.ALLOCATED);
        assertThat(NodeState.parse("drng").flags()).containsExactly(Flag.DRAIN);
        assertThat(NodeState.parse("idle~").has(Flag.POWERED_DOWN)).isTrue();
        assertThat(NodeState.parse("idle#").has(Flag.POWERING_UP)).isTrue();
        assertThat(NodeState.parse("idle!").has(Flag.POWER_DOWN)).isTrue();
        assertThat(NodeState.parse("idle%").has(Flag.POWERING_DOWN)).isTrue();
        assertThat(NodeState.parse("down$").has(Flag.MAINT)).isTrue();
        assertThat(NodeState.parse("idle@").has(Flag.REBOOT_REQUESTED)).isTrue();
        assertThat(NodeState.parse("mix^").has(Flag.REBOOT_ISSUED)).isTrue();
        assertThat(NodeState.parse("idle-").has(Flag.PLANNED)).isTrue();
        assertThat(NodeState.parse("maint").has(Flag.MAINT)).isTrue();
        assertThat(NodeState.parse("completing").has(Flag.COMPLETING)).isTrue();
        assertThat(NodeState.parse("drained").isDrain()).isTrue();
        assertThat(NodeState.parse("fail").has(Flag.FAIL)).isTrue();
        assertThat(NodeState.parse("resv").has(Flag.RESERVED)).isTrue();
        assertThat(NodeState.parse("plnd").has(Flag.PLANNED)).isTrue();
        assertThat(NodeState.parse("inval").has(Flag.INVAL)).isTrue();
        assertThat(NodeState.parse("pow_dn").has(Flag.POWERED_DOWN)).isTrue();
        assertThat(NodeState.parse("npc").has(Flag.PERFCTRS)).isTrue();
        assertThat(NodeState.parse("futr").base()).isEqualTo(Base.FUTURE);
        assertThat(NodeState.parse("error").base()).isEqualTo(Base.ERROR);
        NodeState weird = NodeState.parse("sleeping");
        assertThat(weird.base()).isEqualTo(Base.OTHER);
        assertThat(weird.raw()).isEqualTo("sleeping");
        assertThatThrownBy(() -> NodeState.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
