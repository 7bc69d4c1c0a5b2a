package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.jobs.JobStatus;
import io.github.slurm4j.jobs.JobStatuses;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A watched job moved to another {@link JobPhase} (Slurm's state mapped by {@link JobStatuses},
 * the façade's one table). A state change within a phase ({@code RUNNING} to {@code COMPLETING})
 * is no event. An event whose {@code to} is final ({@link #isTerminal()}) is the job's end and is
 * delivered exactly once; the watcher stops watching the job after it.
 *
 * @param job the job as Slurm prints it ({@code 42}, an array element {@code 17_3})
 * @param from the phase the watcher saw before, or {@code null} when this is the first time it
 *     sees the job (a job registered, or one of a watched user that appeared, in this phase —
 *     possibly already ended)
 * @param to the new phase
 * @param status the full status behind {@code to}: Slurm's state (raw text kept), reason, cloud status
 * @param exitCode the exit code when the end was read from accounting ({@code sacct}); {@code null}
 *     when it came from the queue ({@code squeue} prints none)
 * @param user the job's user, or {@code null} when the watcher never saw the job in the queue
 * @param at when the watcher saw the change
 */
public record JobEvent(JobId job, JobPhase from, JobPhase to, JobStatus status, ExitCode exitCode, String user, Instant at)
        implements WatchEvent {
    /**
     * Checks the event.
     *
     * @param job the job as Slurm prints it
     * @param from the phase seen before, or {@code null} the first time
     * @param to the new phase
     * @param status the status behind {@code to}
     * @param exitCode the exit code from accounting, or {@code null}
     * @param user the job's user, or {@code null}
     * @param at when the watcher saw the change
     * @throws NullPointerException if {@code job}, {@code to}, {@code status} or {@code at} is {@code null}
     * @throws IllegalArgumentException if {@code status} is not of phase {@code to}
     */
    public JobEvent {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (status.phase() != to) {
            throw new IllegalArgumentException("status " + status.phase() + " is not phase " + to);
        }
    }

    /** {@return whether this is the job's end (the phase is final): delivered once, the last event of the job} */
    public boolean isTerminal() {
        return to.isFinal();
    }

    @Override
    public String toString() {
        return "job " + job + ": " + (from == null ? "(first seen)" : from) + " -> " + to + " (" + status.state().raw()
                + (status.reasonCode() == null ? "" : ", " + status.reasonCode()) + (exitCode == null ? "" : ", exit " + exitCode)
                + ")";
    }
}
