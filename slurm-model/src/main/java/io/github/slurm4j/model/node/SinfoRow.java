package io.github.slurm4j.model.node;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of sinfo output: a group of nodes of one partition sharing a state (partition-oriented,
 * the default) or one node in one partition ({@code -N}). Every component is {@code null} when
 * the format did not print it.
 *
 * @param partition the partition name without the default marker
 * @param defaultPartition whether sinfo marked the partition as default ({@code debug*})
 * @param available the partition availability ({@code up}, {@code down}, {@code drain}, {@code inact})
 * @param timeLimit the partition time limit ({@code infinite} is {@link TimeLimit#UNLIMITED})
 * @param nodeCount the number of nodes in the row ({@code %D})
 * @param state the state ({@code mix}, {@code drain*}, {@code unknown*}); {@code null} for
 *     {@code n/a} (a partition without matching nodes)
 * @param nodeList the nodes, a hostlist expression; {@code null} when empty
 * @param cpus CPU counts {@code A/I/O/T} ({@code %C})
 * @param nodesAiot node counts {@code A/I/O/T} ({@code %F})
 * @param cpusPerNode CPUs per node ({@code %c}; a range such as {@code 8+} stays in extras)
 * @param memoryMib memory per node in MiB ({@code %m})
 * @param freeMemoryMib free memory in MiB ({@code %e}); {@code null} for {@code N/A}
 * @param gres the configured GRES ({@code %G}); {@code null} for {@code (null)}
 * @param gresUsed the GRES in use ({@code GresUsed}, may carry {@code (IDX:0-1)})
 * @param reason the reason a node is down or drained; {@code null} for {@code none}
 * @param reasonUser who set the reason ({@code %u})
 * @param reasonTime when the reason was set ({@code %H})
 * @param extras every other printed field, keyed by its {@code -O} name, raw text, in order
 * @param truncated keys of the fields whose printed value may be cut
 */
public record SinfoRow(
        String partition,
        Boolean defaultPartition,
        String available,
        TimeLimit timeLimit,
        Integer nodeCount,
        NodeState state,
        String nodeList,
        CpuCounts cpus,
        CpuCounts nodesAiot,
        Integer cpusPerNode,
        Long memoryMib,
        Long freeMemoryMib,
        String gres,
        String gresUsed,
        String reason,
        String reasonUser,
        SlurmTime reasonTime,
        Map<String, String> extras,
        Set<String> truncated) {

    public SinfoRow {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        truncated = truncated == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(truncated));
    }

    /** Whether the value printed for an {@code -O} field name may be cut. */
    public boolean isTruncated(String field) {
        return truncated.contains(field);
    }

    /**
     * sinfo's {@code allocated/idle/other/total} counts ({@code %C} for CPUs, {@code %F} for nodes).
     *
     * @param allocated allocated
     * @param idle idle
     * @param other other (down, drained, …)
     * @param total total
     */
    public record CpuCounts(long allocated, long idle, long other, long total) {
        /**
         * Parses {@code 6/2/0/8}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static CpuCounts parse(String text) {
            String[] p = text.trim().split("/", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("not A/I/O/T counts: '" + text + "'");
            }
            try {
                return new CpuCounts(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not A/I/O/T counts: '" + text + "'", e);
            }
        }
    }
}
