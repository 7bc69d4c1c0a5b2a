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

    @Test
    void theFlagsOf2205To2605ThatTheAuditFound() {
        // INVALID_REG: registered with less than slurm.conf gives it -> error, like sinfo's inval
        assertThat(NodeClass.effectOf(Flag.INVALID_REG)).isEqualTo(NodeClass.FlagEffect.ERROR);
        for (String s : new String[] {"IDLE+INVALID_REG", "MIXED+INVALID_REG", "idle+invalid_reg", "inval", "INVAL"}) {
            assertThat(NodeClass.of(NodeState.parse(s))).as(s).isEqualTo(NodeClass.ERROR);
        }
        // EXTERNAL: a kind of node (no slurmd, external jobs only); its base state decides
        assertThat(NodeClass.effectOf(Flag.EXTERNAL)).isEqualTo(NodeClass.FlagEffect.NONE);
        assertThat(NodeClass.of(NodeState.parse("IDLE+EXTERNAL"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("ALLOCATED+EXTERNAL"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("DOWN+EXTERNAL"))).isEqualTo(NodeClass.ERROR);
        assertThat(NodeClass.of(NodeState.parse("IDLE+EXTERNAL+DRAIN"))).isEqualTo(NodeClass.ERROR);
        // sinfo's external/ext: the flag alone on an UNKNOWN base
        assertThat(NodeClass.of(NodeState.parse("external"))).isEqualTo(NodeClass.ERROR);
        assertThat(NodeClass.of(NodeState.parse("ext"))).isEqualTo(NodeClass.ERROR);
        // power down ASAP drains the node
        assertThat(NodeClass.effectOf(Flag.POWER_DRAIN)).isEqualTo(NodeClass.FlagEffect.ERROR);
        assertThat(NodeClass.of(NodeState.parse("IDLE+POWER_DRAIN"))).isEqualTo(NodeClass.ERROR);
        assertThat(NodeClass.of(NodeState.parse("MIXED+POWER_DOWN_ASAP"))).isEqualTo(NodeClass.ERROR);
        assertThat(NodeClass.of(NodeState.parse("IDLE+POWER_DOWN_FORCE"))).isEqualTo(NodeClass.AVAILABLE);
        // cancelling a reboot changes nothing
        assertThat(NodeClass.effectOf(Flag.REBOOT_CANCEL)).isEqualTo(NodeClass.FlagEffect.NONE);
        assertThat(NodeClass.of(NodeState.parse("MIXED+REBOOT_CANCELED"))).isEqualTo(NodeClass.RUNNING);
        // other names of 22.05 to 26.05
        assertThat(NodeClass.of(NodeState.parse("alloc+"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("ALLOCATED+"))).isEqualTo(NodeClass.RUNNING);
        assertThat(NodeClass.of(NodeState.parse("block"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("boot"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("npc"))).isEqualTo(NodeClass.AVAILABLE);
        assertThat(NodeClass.of(NodeState.parse("power_down"))).isEqualTo(NodeClass.AVAILABLE);
        for (String error : new String[] {"reboot^", "boot*", "cloud", "undrain", "resm", "canc_r", "dynamic_norm",
                "INVALID", "?", "IDLE+?"}) {
            assertThat(NodeClass.of(NodeState.parse(error))).as(error).isEqualTo(NodeClass.ERROR);
        }
    }
}
