package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.NodeState.Base;
import io.github.slurm4j.model.node.NodeState.Flag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeClassTest {

    /**
     * The README's state table names every base state and flag (but OTHER, its "unknown" entries) in
     * exactly one row, and that row's class is the one {@link NodeClass} gives it. (That every value
     * has a class at all is the compiler's check: both switches are exhaustive.)
     */
    @Test
    void theReadmeTableListsEveryBaseStateAndFlagWithTheClassItGets() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int header = lines.indexOf("| node state (22.05–26.05) | class |");
        assertThat(header).as("the README's state table").isPositive();
        Map<String, String> rowClass = new LinkedHashMap<>(); // row text -> its class cell
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String row = lines.get(i);
            String[] cells = row.split("\\|");
            rowClass.put(row, cells[cells.length - 1].strip());
        }
        assertThat(rowClass).hasSize(4);
        List<String> problems = new ArrayList<>();
        for (Base b : Base.values()) {
            if (b != Base.OTHER) {
                String expected = switch (NodeClass.ofBase(b)) {
                    case RUNNING -> "running";
                    case AVAILABLE -> "the class of the base state";
                    case ERROR -> "error";
                };
                check("base " + b, b.name(), expected, rowClass, problems);
            }
        }
        for (Flag f : Flag.values()) {
            if (f != Flag.OTHER) {
                String expected = switch (NodeClass.effectOf(f)) {
                    case RUNNING -> "running";
                    case NONE -> "the class of the base state";
                    case ERROR -> "error, whatever the base";
                };
                check("flag " + f, f.name(), expected, rowClass, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String what, String name, String expectedClass, Map<String, String> rowClass, List<String> problems) {
        List<String> classes = new ArrayList<>();
        rowClass.forEach((row, cls) -> {
            if (row.contains("`" + name + "`")) {
                classes.add(cls);
            }
        });
        if (classes.size() != 1) {
            problems.add(what + " is in " + classes.size() + " rows of the README's table");
        } else if (!classes.get(0).startsWith(expectedClass)) {
            problems.add(what + ": README says '" + classes.get(0) + "', NodeClass '" + expectedClass + "'");
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
