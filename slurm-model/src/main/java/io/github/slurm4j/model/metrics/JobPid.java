package io.github.slurm4j.model.metrics;

import io.github.slurm4j.model.JobId;

import java.util.Objects;

/**
 * One row of {@code scontrol listpids}: a process of a job step on the node where the command ran.
 *
 * @param pid the process id, or {@code null} when Slurm printed {@code -1} (a step's task slot
 *     without a process, as the {@code extern} step shows)
 * @param jobId the {@code JOBID} column
 * @param stepId the {@code STEPID} column as printed: {@code batch}, {@code extern},
 *     {@code interactive} or a step number
 * @param localId the {@code LOCALID} column (task rank on this node), or {@code null} for {@code -}
 *     (a process the task started, not the task itself)
 * @param globalId the {@code GLOBALID} column (task rank in the step), or {@code null} for {@code -}
 */
public record JobPid(Long pid, JobId jobId, String stepId, Integer localId, Integer globalId) {
    /**
     * Checks that the row names its step.
     *
     * @param pid the process id, or {@code null} when Slurm printed {@code -1} (a step's task slot
     *     without a process, as the {@code extern} step shows)
     * @param jobId the {@code JOBID} column
     * @param stepId the {@code STEPID} column as printed: {@code batch}, {@code extern},
     *     {@code interactive} or a step number
     * @param localId the {@code LOCALID} column (task rank on this node), or {@code null} for {@code -}
     *     (a process the task started, not the task itself)
     * @param globalId the {@code GLOBALID} column (task rank in the step), or {@code null} for {@code -}
     * @throws NullPointerException if {@code jobId} or {@code stepId} is {@code null}
     */
    public JobPid {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(stepId, "stepId");
    }

    /** {@return whether this row names a real process ({@code PID} was not {@code -1})} */
    public boolean hasProcess() {
        return pid != null;
    }

    /** {@return whether this process is a task of the step itself (it has a local id)} */
    public boolean isTask() {
        return localId != null;
    }
}
