package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.model.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A watched job has been missing from the queue ({@code squeue}) for the watcher's
 * {@code unknownAfter} without accounting ({@code sacct}) saying how it ended: accounting is down
 * or disabled, or has no finished record of it. Slurm's {@link JobPhase}s have no "unknown", and
 * the watcher never guesses an end, so this is an event of its own. It comes at most once per
 * job; the watcher keeps asking accounting for the job (for {@code forgetUnknownAfter}), and a
 * {@link JobEvent} with the real end follows if accounting answers later.
 *
 * @param job the job as Slurm prints it
 * @param lastPhase the last phase the watcher saw, or {@code null} when it never saw the job
 * @param missingSince since when the queue no longer lists it
 * @param reason why its end is not known ({@code accounting unavailable: …}, {@code accounting has no record of it}, …)
 * @param at when the watcher reported it
 */
public record JobUnknownEvent(JobId job, JobPhase lastPhase, Instant missingSince, String reason, Instant at)
        implements WatchEvent {
    /**
     * Checks the event.
     *
     * @param job the job as Slurm prints it
     * @param lastPhase the last phase the watcher saw, or {@code null}
     * @param missingSince since when the queue no longer lists it
     * @param reason why its end is not known
     * @param at when the watcher reported it
     * @throws NullPointerException if an argument but {@code lastPhase} is {@code null}
     */
    public JobUnknownEvent {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(missingSince, "missingSince");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
