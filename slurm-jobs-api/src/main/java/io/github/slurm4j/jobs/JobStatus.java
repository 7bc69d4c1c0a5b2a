package io.github.slurm4j.jobs;

import io.github.slurm4j.model.job.JobState;
import java.util.Objects;

/**
 * A job's status in both console vocabularies, from one Slurm state and reason.
 *
 * @param phase the console's status
 * @param cloud the cloud-console status
 * @param reasonCode Slurm's reason ({@code Resources}, {@code JobHeldUser}), else the state's
 *     name for an end other than success ({@code TIMEOUT}); {@code null} when there is nothing to say
 * @param message {@code reasonCode} in plain words ({@link PendingReasons#describe}); {@code null}
 *     with {@code reasonCode}
 * @param state the Slurm state it was read from (raw text kept)
 */
public record JobStatus(JobPhase phase, CloudStatus cloud, String reasonCode, String message, JobState state) {
    /**
     * Checks that the statuses and the state are present.
     *
     * @param phase the console's status
     * @param cloud the cloud-console status
     * @param reasonCode Slurm's reason ({@code Resources}, {@code JobHeldUser}), else the state's
     *     name for an end other than success ({@code TIMEOUT}); {@code null} when there is nothing to say
     * @param message {@code reasonCode} in plain words ({@link PendingReasons#describe}); {@code null}
     *     with {@code reasonCode}
     * @param state the Slurm state it was read from (raw text kept)
     * @throws NullPointerException if {@code phase}, {@code cloud} or {@code state} is {@code null}
     */
    public JobStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(state, "state");
    }
}
