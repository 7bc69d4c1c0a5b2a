package io.github.slurm4j.jobs.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one cycle of a {@link JobWatcher} did ({@link JobWatcher#poll()}).
 *
 * @param at when it ran (the watcher's clock)
 * @param squeueCalls {@code squeue} commands run: 0 when nothing is watched, else 1
 * @param sacctCalls {@code sacct} commands run: 1 when some watched job is missing from the
 *     queue, else 0 (none while slurmctld is out)
 * @param watched the jobs watched after the cycle (those of watched users included; a registered
 *     id not yet seen counts as one)
 * @param events the events delivered, in order
 * @param nextDelay the time until the next cycle: the base interval after a change, doubled
 *     (up to the maximum) after a cycle without one
 */
public record WatchCycle(Instant at, int squeueCalls, int sacctCalls, int watched, List<WatchEvent> events,
        Duration nextDelay) {
    /**
     * Copies the events.
     *
     * @param at when it ran
     * @param squeueCalls {@code squeue} commands run
     * @param sacctCalls {@code sacct} commands run
     * @param watched the jobs watched after the cycle
     * @param events the events delivered, in order; copied
     * @param nextDelay the time until the next cycle
     * @throws NullPointerException if {@code at}, {@code nextDelay} or {@code events} is {@code null}, or an event is
     */
    public WatchCycle {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nextDelay, "nextDelay");
        events = List.copyOf(events);
    }

    /** {@return the Slurm commands the cycle ran: {@code squeueCalls + sacctCalls}, at most 2} */
    public int commands() {
        return squeueCalls + sacctCalls;
    }
}
