package io.github.slurm4j.model.job;

import java.util.Objects;

/**
 * One per-node detail line of {@code scontrol -d show job}:
 * {@code Nodes=localhost CPU_IDs=0-1 Mem=300 GRES=gpu:1(IDX:0)}.
 *
 * @param nodes the nodes this line is about (a hostlist expression); never null
 * @param cpuIds the CPU ids on each of those nodes ({@code 0-1,4}), or null when not printed
 * @param memoryBytes the memory allocated on each node in bytes ({@code Mem=} is in MiB), or null
 * @param gres the GRES allocated on each node with their indexes ({@code gpu:1(IDX:0)}); empty
 *     when none
 */
public record JobNodeAllocation(String nodes, String cpuIds, Long memoryBytes, String gres) {
    /**
     * Checks that the line names its nodes.
     *
     * @param nodes the nodes this line is about (a hostlist expression); never null
     * @param cpuIds the CPU ids on each of those nodes ({@code 0-1,4}), or null when not printed
     * @param memoryBytes the memory allocated on each node in bytes ({@code Mem=} is in MiB), or null
     * @param gres the GRES allocated on each node with their indexes ({@code gpu:1(IDX:0)}); empty
     *     when none
     * @throws NullPointerException if {@code nodes} is {@code null}
     */
    public JobNodeAllocation {
        Objects.requireNonNull(nodes, "nodes");
    }
}
