package io.github.slurm4j.jobs.metrics;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.metrics.PidMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sample of a job: every node of it at one time.
 *
 * @param job the job
 * @param time when the sample was taken (every metric carries it)
 * @param state the job's state then; a job that is not running has no nodes sampled
 * @param nodes one per node of the job, in node-list order
 */
public record JobSample(JobId job, Instant time, JobState state, List<NodeSample> nodes) {
    /**
     * Copies the nodes.
     *
     * @param job the job
     * @param time when the sample was taken
     * @param state the job's state then
     * @param nodes one per node of the job; copied
     * @throws NullPointerException if {@code job}, {@code time} or {@code nodes} is {@code null}, or a node is
     */
    public JobSample {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(time, "time");
        nodes = List.copyOf(nodes);
    }

    /** {@return the metrics of every node, node by node: one per process} */
    public List<PidMetric> metrics() {
        List<PidMetric> out = new ArrayList<>();
        nodes.forEach(n -> out.addAll(n.metrics()));
        return out;
    }

    /** {@return the allocated GPUs without a process, on every node; empty when not known} */
    public List<IdleGpu> idleGpus() {
        List<IdleGpu> out = new ArrayList<>();
        for (NodeSample n : nodes) {
            n.idleGpus().forEach(i -> out.add(new IdleGpu(n.node(), i)));
        }
        return out;
    }

    /** {@return whether any process has a GPU value (utilisation or memory)} */
    public boolean hasGpuData() {
        return metrics().stream().anyMatch(m -> m.gpuUtilPercent() != null || m.gpuMemoryUsedMib() != null);
    }
}
