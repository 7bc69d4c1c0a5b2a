package io.github.slurm4j.jobs.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an {@link OutageEvent} reported answers again.
 *
 * @param service what is back
 * @param since when the outage began (the {@link OutageEvent#since()})
 * @param at when the watcher saw it answer again
 */
public record RecoveryEvent(OutageEvent.Service service, Instant since, Instant at) implements WatchEvent {
    /**
     * Checks the event.
     *
     * @param service what is back
     * @param since when the outage began
     * @param at when the watcher saw it answer again
     * @throws NullPointerException if an argument is {@code null}
     */
    public RecoveryEvent {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
    }

    /** {@return how long it was out, as the watcher saw it: from {@code since} to {@code at}} */
    public Duration duration() {
        return Duration.between(since, at);
    }
}
