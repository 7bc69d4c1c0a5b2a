/**
 * Nodes as Slurm reports them: {@link io.github.slurm4j.model.node.Node} (the record of
 * {@code scontrol show node}), the rows of {@code sinfo} ({@link io.github.slurm4j.model.node.SinfoRow})
 * and their GRES ({@link io.github.slurm4j.model.node.GresItem}). A node's state keeps its base state,
 * flags and raw text in {@link io.github.slurm4j.model.node.NodeState}.
 */
package io.github.slurm4j.model.node;
