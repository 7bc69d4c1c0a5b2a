package io.github.slurm4j.jobs.watch;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives a {@link JobWatcher}'s events, on the watcher's thread, in the order they happened
 * within a cycle. A lambda handles the job events only; override the other methods for the rest,
 * or use {@link #of} to receive everything as {@link WatchEvent}s. A listener that throws does not
 * stop the watcher or the other listeners (see {@link JobWatcher.Builder#onListenerError}).
 */
@FunctionalInterface
public interface JobListener {
    /**
     * A job changed phase; {@link JobEvent#isTerminal()} for its end (once per job).
     *
     * @param event the change
     */
    void onJobEvent(JobEvent event);

    /**
     * A job left the queue and accounting did not tell its end in time. Does nothing by default.
     *
     * @param event the job and why its end is not known
     */
    default void onUnknown(JobUnknownEvent event) {
    }

    /**
     * slurmctld, slurmdbd or the delivered-events store stopped answering. Does nothing by default.
     *
     * @param event what failed and the failure
     */
    default void onOutage(OutageEvent event) {
    }

    /**
     * What an outage reported answers again. Does nothing by default.
     *
     * @param event what is back, and since when it was out
     */
    default void onRecovery(RecoveryEvent event) {
    }

    /**
     * A listener that passes every event to {@code sink}.
     *
     * @param sink receives every kind of event
     * @return the listener
     * @throws NullPointerException if {@code sink} is {@code null}
     */
    static JobListener of(Consumer<? super WatchEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        return new JobListener() {
            @Override
            public void onJobEvent(JobEvent event) {
                sink.accept(event);
            }

            @Override
            public void onUnknown(JobUnknownEvent event) {
                sink.accept(event);
            }

            @Override
            public void onOutage(OutageEvent event) {
                sink.accept(event);
            }

            @Override
            public void onRecovery(RecoveryEvent event) {
                sink.accept(event);
            }
        };
    }
}
