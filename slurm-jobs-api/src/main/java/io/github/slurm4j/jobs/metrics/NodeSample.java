package io.github.slurm4j.jobs.metrics;

import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.ProcessInfo;
import java.util.List;
import java.util.Objects;

/**
 * What one node said in one sample: the outputs of its commands, parsed, and the per-process
 * metrics joined from them ({@code PidMetrics.combine}).
 *
 * @param node the node
 * @param pids {@code scontrol listpids} of the job on the node (the sampling step's own processes left out)
 * @param processes {@code ps} of those processes
 * @param gpuQueried whether {@code nvidia-smi} exists on the node and answered
 * @param computeApps {@code nvidia-smi --query-compute-apps=pid,used_memory}; empty without GPUs
 * @param pmon {@code nvidia-smi pmon -c 1 -s um}; empty without GPUs
 * @param metrics one sample per process of the job that ps listed
 * @param allocatedGpus the GPU indexes Slurm allocated to the job on this node
 * @param idleGpus those of {@code allocatedGpus} on which no process runs; empty when not known
 *     (no nvidia-smi answer)
 * @param error why the node could not be sampled ({@code srun} refused, a command failed), or
 *     {@code null}; the lists are then empty
 */
public record NodeSample(String node, List<JobPid> pids, List<ProcessInfo> processes, boolean gpuQueried,
        List<GpuProcess> computeApps, List<GpuProcessUtilization> pmon, List<PidMetric> metrics, List<Integer> allocatedGpus,
        List<Integer> idleGpus, String error) {
    /**
     * Copies the lists.
     *
     * @param node the node
     * @param pids {@code scontrol listpids} of the job on the node; copied
     * @param processes {@code ps} of those processes; copied
     * @param gpuQueried whether {@code nvidia-smi} exists on the node and answered
     * @param computeApps {@code nvidia-smi --query-compute-apps}; copied
     * @param pmon {@code nvidia-smi pmon}; copied
     * @param metrics one sample per process; copied
     * @param allocatedGpus the GPU indexes Slurm allocated to the job on this node; copied
     * @param idleGpus those without a process; copied
     * @param error why the node could not be sampled, or {@code null}
     * @throws NullPointerException if {@code node} or a list is {@code null}, or a list holds a {@code null}
     */
    public NodeSample {
        Objects.requireNonNull(node, "node");
        pids = List.copyOf(pids);
        processes = List.copyOf(processes);
        computeApps = List.copyOf(computeApps);
        pmon = List.copyOf(pmon);
        metrics = List.copyOf(metrics);
        allocatedGpus = List.copyOf(allocatedGpus);
        idleGpus = List.copyOf(idleGpus);
    }

    static NodeSample failed(String node, List<Integer> allocatedGpus, String error) {
        return new NodeSample(node, List.of(), List.of(), false, List.of(), List.of(), List.of(), allocatedGpus, List.of(), error);
    }
}
