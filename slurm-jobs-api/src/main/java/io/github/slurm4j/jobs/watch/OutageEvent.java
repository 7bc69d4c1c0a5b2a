package io.github.slurm4j.jobs.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of what the watcher depends on stopped answering: sent once when it fails, followed by
 * one {@link RecoveryEvent} when it answers again. While slurmctld is out the watcher delivers no
 * job event at all (a failed {@code squeue} is not an empty queue) and backs off.
 *
 * @param service what failed
 * @param since when the watcher first saw it fail
 * @param cause the failure ({@code controller_unavailable}, a lost connection, …)
 */
public record OutageEvent(Service service, Instant since, RuntimeException cause) implements WatchEvent {
    /**
     * Checks the event.
     *
     * @param service what failed
     * @param since when the watcher first saw it fail
     * @param cause the failure
     * @throws NullPointerException if an argument is {@code null}
     */
    public OutageEvent {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(cause, "cause");
    }

    /** What stopped answering. */
    public enum Service {
        /** slurmctld, through {@code squeue} (or the shell to the machine it runs on). */
        CONTROLLER,
        /** slurmdbd, through {@code sacct}: ends of jobs that left the queue wait for it. */
        ACCOUNTING,
        /** The {@link DeliveredEvents} store: ends wait for it, so that none is delivered twice. */
        DELIVERED_EVENTS
    }

    /** {@return when the watcher saw it fail: {@link #since()}} */
    @Override
    public Instant at() {
        return since;
    }
}
