package io.github.slurm4j.model.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of one process of a job: what {@code ps} and {@code nvidia-smi} said about it at
 * {@link #time()}. The GPU components are {@code null} when nvidia-smi listed nothing for the
 * process (no GPU context, no GPU on the node, or no value sampled) — never 0 for "unknown".
 *
 * @param pid the process id
 * @param time when the sample was taken (an instant; render it in the cluster's zone)
 * @param cpuPercent ps {@code %CPU}, percent of one CPU
 * @param memPercent ps {@code %MEM}, percent of the node's physical memory
 * @param rssBytes ps {@code RSS} in bytes
 * @param gpuUtilPercent pmon {@code sm} summed over the GPUs the process uses (percent of one GPU,
 *     like {@code %CPU}), or {@code null}
 * @param gpuMemoryUtilPercent pmon {@code mem} summed over the GPUs the process uses, or {@code null}
 * @param gpuMemoryUsedMib GPU memory used in MiB, summed over GPUs, or {@code null}
 */
public record PidMetric(long pid, Instant time, double cpuPercent, double memPercent, long rssBytes,
                        Double gpuUtilPercent, Double gpuMemoryUtilPercent, Long gpuMemoryUsedMib) {
    /**
     * Checks that the sample has a time.
     *
     * @param pid the process id
     * @param time when the sample was taken (an instant; render it in the cluster's zone)
     * @param cpuPercent ps {@code %CPU}, percent of one CPU
     * @param memPercent ps {@code %MEM}, percent of the node's physical memory
     * @param rssBytes ps {@code RSS} in bytes
     * @param gpuUtilPercent pmon {@code sm} summed over the GPUs the process uses (percent of one GPU,
     *     like {@code %CPU}), or {@code null}
     * @param gpuMemoryUtilPercent pmon {@code mem} summed over the GPUs the process uses, or {@code null}
     * @param gpuMemoryUsedMib GPU memory used in MiB, summed over GPUs, or {@code null}
     * @throws NullPointerException if {@code time} is {@code null}
     */
    public PidMetric {
        Objects.requireNonNull(time, "time");
    }
}
