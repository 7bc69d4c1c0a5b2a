package io.github.slurm4j.jobs.console;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;

/**
 * How a {@link ConsoleFollow} ended.
 *
 * @param job the job followed
 * @param stream which output
 * @param path the file read
 * @param lines how many lines were delivered
 * @param bytes how many bytes of the file were read (the backlog included)
 * @param finalState the job's state at its end, or {@code null} when the follow was closed first
 * @param closedEarly whether {@link ConsoleFollow#close()} stopped it before the job ended
 */
public record FollowResult(JobId job, ConsoleStream stream, String path, long lines, long bytes, JobState finalState,
        boolean closedEarly) {
}
