package io.github.slurm4j.jobs.metrics;

/**
 * A GPU allocated to a job on which none of the node's processes runs (nvidia-smi {@code pmon}
 * lists no process on it): paid for, unused.
 *
 * @param node the node
 * @param index the GPU's index as Slurm gives it ({@code scontrol -d show job}: {@code GRES=gpu:2(IDX:0-1)})
 */
public record IdleGpu(String node, int index) {
}
