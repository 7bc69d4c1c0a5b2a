package io.github.slurm4j.jobs;

import io.github.slurm4j.model.JobId;

/**
 * A submitted job.
 *
 * @param jobId the job's id
 * @param cluster the cluster's name in the façade
 * @param token the submission token written into its comment ({@link SubmitTokens})
 * @param attempts how many times sbatch (or the look-up before a retry) was tried
 * @param recovered whether the job was found by its token after a lost connection (sbatch had
 *     reached Slurm), rather than from sbatch's answer
 */
public record Submission(JobId jobId, String cluster, String token, int attempts, boolean recovered) {
}
