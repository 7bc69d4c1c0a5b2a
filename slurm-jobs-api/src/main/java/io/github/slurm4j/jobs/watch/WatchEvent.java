package io.github.slurm4j.jobs.watch;

import java.time.Instant;

/**
 * What a {@link JobWatcher} tells its listeners: a job's phase change ({@link JobEvent}), a job it
 * can no longer place ({@link JobUnknownEvent}), a part of Slurm that stopped answering
 * ({@link OutageEvent}) and its return ({@link RecoveryEvent}).
 */
public sealed interface WatchEvent permits JobEvent, JobUnknownEvent, OutageEvent, RecoveryEvent {
    /** {@return when the watcher saw it (the time of the cycle, on the watcher's clock)} */
    Instant at();
}
