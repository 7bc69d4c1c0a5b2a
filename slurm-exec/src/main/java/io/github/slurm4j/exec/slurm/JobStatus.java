package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import java.util.Objects;

/**
 * Where a job stands, from {@link SlurmClient#statusOf}: read from the queue ({@code squeue}) when
 * the job is still there, else from accounting ({@code sacct}).
 *
 * @param jobId the id as it was asked for
 * @param state the state
 * @param reason the pending reason, or {@code null} for {@code None} from either source
 *     ({@link Job.Status#reasonOf}: the rule of every model type)
 * @param exitCode the exit code; {@code null} from the queue, which does not print it
 * @param source where the answer came from
 */
public record JobStatus(JobId jobId, JobState state, String reason, ExitCode exitCode, Source source) {
    /**
     * Checks the parts and applies {@link Job.Status#reasonOf} to the reason.
     *
     * @param jobId the id as it was asked for
     * @param state the state
     * @param reason the pending reason, or {@code null} for {@code None} from either source
     *     ({@link Job.Status#reasonOf}: the rule of every model type)
     * @param exitCode the exit code; {@code null} from the queue, which does not print it
     * @param source where the answer came from
     * @throws NullPointerException if {@code jobId}, {@code state} or {@code source} is {@code null}
     */
    public JobStatus {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        reason = Job.Status.reasonOf(reason);
    }

    /** Which command gave the status. */
    public enum Source {
        /** {@code squeue}: the controller's current view. */
        QUEUE,
        /** {@code sacct}: the accounting database (the job has left the queue). */
        ACCOUNTING
    }
}
