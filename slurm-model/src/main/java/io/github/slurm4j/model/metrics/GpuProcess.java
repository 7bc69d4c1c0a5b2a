package io.github.slurm4j.model.metrics;

/**
 * One row of {@code nvidia-smi --query-compute-apps=pid,used_memory --format=csv}: a process with
 * a compute context on one GPU (a process on two GPUs has two rows).
 *
 * @param pid the process id
 * @param usedMemoryMib GPU memory used by the context on that GPU, in MiB, or {@code null} when
 *     nvidia-smi printed {@code [N/A]} (or another bracketed "not available" value)
 */
public record GpuProcess(long pid, Long usedMemoryMib) {
}
