package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.model.JobId;

/**
 * The set of jobs whose end has been delivered, which makes a {@link JobWatcher} deliver each end
 * once: the watcher claims a job's end here before it tells its listeners, and tells them only
 * when the claim is the first. {@link InMemoryDeliveredEvents} (the default) does that within one
 * watcher; {@link RedisDeliveredEvents} across several application instances and restarts.
 *
 * <p>A claim comes before the delivery: an application that dies between the two loses that
 * event (at most once), it never gets it twice.
 */
public interface DeliveredEvents {
    /**
     * Claims the delivery of the end of {@code job} on {@code cluster}, atomically.
     *
     * @param cluster the watcher's cluster name (one set may serve several clusters)
     * @param job the job as Slurm prints it
     * @return {@code true} for the first claim (the caller delivers), {@code false} when it was
     *     claimed before and is still remembered
     * @throws RuntimeException when the store cannot answer; the watcher then delivers nothing
     *     and claims again in its next cycle
     */
    boolean claim(String cluster, JobId job);
}
