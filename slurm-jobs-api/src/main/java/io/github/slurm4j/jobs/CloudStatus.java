package io.github.slurm4j.jobs;

/**
 * The status vocabulary of cloud training consoles, with a reason code and a message in
 * {@link JobStatus}. Mapped from Slurm by {@link JobStatuses#of}.
 */
public enum CloudStatus {
    /** Accepted, not yet in the queue (a submission still in flight; no Slurm state maps here). */
    Created,
    /** In the queue: waiting, held, or requeued. */
    Queuing,
    /** Taken out of the queue to run: nodes being allocated or configured. */
    Dequeued,
    /** Running. */
    Running,
    /** Ending: completing, staging out. */
    Stopping,
    /** Ended with exit code 0. */
    Succeeded,
    /** Ended in failure, the job's own or the system's. */
    Failed,
    /** Stopped by someone: cancelled, suspended, stopped, revoked. */
    Stopped
}
