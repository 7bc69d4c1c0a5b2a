package io.github.slurm4j.jobs;

/**
 * The console's status of a job, one of the eight the known console shows. Mapped from Slurm's
 * state and reason by {@link JobStatuses#of}; the table is in the README and on that method.
 */
public enum JobPhase {
    /** Waiting in the queue for its turn or for resources. */
    QUEUED,
    /** Chosen to run: nodes being allocated, booted or configured. */
    SCHEDULING,
    /** Running (also while it is being signalled, resized or completing). */
    RUNNING,
    /**
     * Being paused. Slurm's suspend is immediate, so no Slurm state maps here; kept because the
     * console shows it.
     */
    PAUSING,
    /** Held in the queue (by its user or an operator) or suspended while running. */
    PAUSED,
    /** Ended: completed with exit code 0, or cancelled. */
    FINISHED,
    /** Ended by the system: a node failed, the launch failed, the job was preempted. */
    ERROR,
    /** Ended by its own doing: non-zero exit, out of memory, time limit, deadline. */
    FAILED;

    /** {@return whether the job has ended in this phase: FINISHED, ERROR or FAILED} */
    public boolean isFinal() {
        return this == FINISHED || this == ERROR || this == FAILED;
    }
}
