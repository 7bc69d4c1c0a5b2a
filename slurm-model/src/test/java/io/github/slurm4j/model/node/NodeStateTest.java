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

    @Test
    void invalidRegistrationInEveryForm() {
        // scontrol show node, scontrol/sinfo --json, sinfo's StateComplete (22.05 on)
        assertThat(NodeState.parse("IDLE+INVALID_REG").flags()).containsExactly(Flag.INVALID_REG);
        assertThat(NodeState.parse("IDLE+INVALID_REG").base()).isEqualTo(Base.IDLE);
        assertThat(NodeState.parse("idle+drain+invalid_reg").flags()).containsExactlyInAnyOrder(Flag.DRAIN, Flag.INVALID_REG);
        // sinfo's long and compact name, whatever the base
        assertThat(NodeState.parse("inval").flags()).containsExactlyInAnyOrder(Flag.INVAL, Flag.INVALID_REG);
        assertThat(NodeState.parse("INVAL").flags()).containsExactlyInAnyOrder(Flag.INVAL, Flag.INVALID_REG);
        assertThat(NodeState.parse("DOWN+INVAL").has(Flag.INVALID_REG)).isTrue();
    }

    @Test
    void externalNodes() {
        // scontrol show node and JSON (+EXTERNAL from 25.05; JSON v0.0.44 on)
        NodeState ext = NodeState.parse("IDLE+EXTERNAL");
        assertThat(ext.base()).isEqualTo(Base.IDLE);
        assertThat(ext.flags()).containsExactly(Flag.EXTERNAL);
        assertThat(NodeState.parse("ALLOCATED+EXTERNAL").flags()).containsExactly(Flag.EXTERNAL);
        // sinfo's long and compact names, printed for the flag alone (base UNKNOWN)
        for (String s : new String[] {"external", "EXTERNAL", "ext", "EXT"}) {
            assertThat(NodeState.parse(s).base()).as(s).isEqualTo(Base.UNKNOWN);
            assertThat(NodeState.parse(s).flags()).as(s).containsExactly(Flag.EXTERNAL);
        }
        assertThat(NodeState.parse("IDLE+EXT").flags()).containsExactly(Flag.EXTERNAL);
    }

    @Test
    void theOtherNamesOf2205To2605() {
        // ALLOCATED+ / alloc+: allocated, some jobs completing
        for (String s : new String[] {"ALLOCATED+", "alloc+", "allocated+"}) {
            assertThat(NodeState.parse(s).base()).as(s).isEqualTo(Base.ALLOCATED);
            assertThat(NodeState.parse(s).flags()).as(s).containsExactly(Flag.COMPLETING);
        }
        // blocked by an exclusive-topology job (24.05 on)
        assertThat(NodeState.parse("block").flags()).containsExactly(Flag.BLOCKED);
        assertThat(NodeState.parse("BLOCKED").flags()).containsExactly(Flag.BLOCKED);
        assertThat(NodeState.parse("IDLE+BLOCKED").flags()).containsExactly(Flag.BLOCKED);
        // a reboot pending (reboot/boot), issued (^) or on a node not responding (*)
        assertThat(NodeState.parse("reboot").flags()).containsExactly(Flag.REBOOT_REQUESTED);
        assertThat(NodeState.parse("boot").flags()).containsExactly(Flag.REBOOT_REQUESTED);
        assertThat(NodeState.parse("REBOOT^").flags()).containsExactly(Flag.REBOOT_ISSUED);
        assertThat(NodeState.parse("boot^").flags()).containsExactly(Flag.REBOOT_ISSUED);
        assertThat(NodeState.parse("boot*").flags()).containsExactlyInAnyOrder(Flag.REBOOT_REQUESTED, Flag.NOT_RESPONDING);
        assertThat(NodeState.parse("reboot_issued").flags()).containsExactly(Flag.REBOOT_ISSUED);
        // cancelling a reboot: sinfo's long and compact names, JSON's REBOOT_CANCELED
        assertThat(NodeState.parse("cancel_reboot").flags()).containsExactly(Flag.REBOOT_CANCEL);
        assertThat(NodeState.parse("canc_r").flags()).containsExactly(Flag.REBOOT_CANCEL);
        assertThat(NodeState.parse("IDLE+REBOOT_CANCELED").flags()).containsExactly(Flag.REBOOT_CANCEL);
        // power saving: long names of a flag alone, compact spellings, JSON's composite names (26.05)
        assertThat(NodeState.parse("power_down").flags()).containsExactly(Flag.POWER_DOWN);
        assertThat(NodeState.parse("power_up").flags()).containsExactly(Flag.POWER_UP);
        assertThat(NodeState.parse("powered_dn").flags()).containsExactly(Flag.POWERED_DOWN);
        assertThat(NodeState.parse("powring_dn").flags()).containsExactly(Flag.POWERING_DOWN);
        assertThat(NodeState.parse("IDLE+POWER_DRAIN").flags()).containsExactly(Flag.POWER_DRAIN);
        assertThat(NodeState.parse("IDLE+POWER_DOWN_ASAP").flags()).containsExactlyInAnyOrder(Flag.POWER_DOWN, Flag.POWER_DRAIN);
        assertThat(NodeState.parse("IDLE+POWER_DOWN_FORCE").flags()).containsExactlyInAnyOrder(Flag.POWER_DOWN, Flag.POWERED_DOWN);
        // performance counters (22.05 to 23.11): an idle node
        assertThat(NodeState.parse("npc").base()).isEqualTo(Base.IDLE);
        assertThat(NodeState.parse("perfctrs").flags()).containsExactly(Flag.PERFCTRS);
        assertThat(NodeState.parse("IDLE+PERFCTRS").flags()).containsExactly(Flag.PERFCTRS);
        // names sinfo's long form prints for a flag alone, base UNKNOWN
        assertThat(NodeState.parse("cloud").base()).isEqualTo(Base.UNKNOWN);
        assertThat(NodeState.parse("cloud").flags()).containsExactly(Flag.CLOUD);
        assertThat(NodeState.parse("undrain").flags()).containsExactly(Flag.UNDRAIN);
        assertThat(NodeState.parse("resume").flags()).containsExactly(Flag.RESUME);
        assertThat(NodeState.parse("resm").flags()).containsExactly(Flag.RESUME);
        assertThat(NodeState.parse("dynamic_norm").flags()).containsExactly(Flag.DYNAMIC_NORM);
        assertThat(NodeState.parse("dynamic_future").flags()).containsExactly(Flag.DYNAMIC_FUTURE);
        assertThat(NodeState.parse("IDLE+UNDRAIN").flags()).containsExactly(Flag.UNDRAIN);
        // Slurm's own names for no valid base state or an unnamed flag
        assertThat(NodeState.parse("INVALID").base()).isEqualTo(Base.OTHER);
        assertThat(NodeState.parse("?").base()).isEqualTo(Base.OTHER);
        assertThat(NodeState.parse("IDLE+?").flags()).containsExactly(Flag.OTHER);
    }

    @Test
    void everyFlagNameOfScontrolAndJsonIsKnown() {
        // node_state_flags[] of 22.05 to 26.05 and the JSON NODE_STATES flags of v0.0.39 to v0.0.45
        String[] names = {"BLOCKED", "CLOUD", "COMPLETING", "DRAIN", "DYNAMIC_FUTURE", "DYNAMIC_NORM", "EXTERNAL",
                "INVALID_REG", "FAIL", "MAINTENANCE", "POWER_DOWN", "POWER_UP", "POWERED_DOWN", "REBOOT_REQUESTED",
                "REBOOT_ISSUED", "RESERVED", "RESUME", "NOT_RESPONDING", "PLANNED", "POWERING_UP", "POWERING_DOWN",
                "PERFCTRS", "UNDRAIN", "REBOOT_CANCELED", "POWER_DRAIN", "POWER_DOWN_ASAP", "POWER_DOWN_FORCE"};
        for (String n : names) {
            assertThat(NodeState.parse("IDLE+" + n).flags()).as(n).isNotEmpty().doesNotContain(Flag.OTHER);
        }
        for (String b : new String[] {"DOWN", "IDLE", "ALLOCATED", "ERROR", "MIXED", "FUTURE", "UNKNOWN"}) {
            assertThat(NodeState.parse(b).base()).as(b).isNotEqualTo(Base.OTHER);
        }
    }
}
