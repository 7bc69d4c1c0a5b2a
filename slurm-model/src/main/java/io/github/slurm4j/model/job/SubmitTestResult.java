package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import java.util.List;
import java.util.Objects;

/**
 * What {@code sbatch --test-only} said: {@code Job 21 to start at 2026-12-02T14:12:19 using 1
 * processors on nodes localhost in partition debug} (on stderr, exit code 0). No job was
 * submitted: the scheduler only estimated when and where the script would start now.
 *
 * @param jobId the id Slurm numbered the test with; no job exists under it
 * @param startTime the estimated start (the controller's local time)
 * @param processors the processors the job would be given
 * @param nodeList the nodes it would run on, as Slurm printed them (a hostlist expression)
 * @param partition the partition it would run in
 * @param warnings other lines sbatch printed, trimmed, in order; never {@code null}
 */
public record SubmitTestResult(JobId jobId, SlurmTime startTime, int processors, String nodeList, String partition,
                               List<String> warnings) {
    /**
     * Checks that the estimate is complete and copies the warnings.
     *
     * @param jobId the id Slurm numbered the test with; no job exists under it
     * @param startTime the estimated start (the controller's local time)
     * @param processors the processors the job would be given
     * @param nodeList the nodes it would run on, as Slurm printed them (a hostlist expression)
     * @param partition the partition it would run in
     * @param warnings other lines sbatch printed, trimmed, in order; never {@code null}
     * @throws NullPointerException if {@code jobId}, {@code startTime}, {@code nodeList}, {@code partition} or
     *     {@code warnings} is {@code null}
     */
    public SubmitTestResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(nodeList, "nodeList");
        Objects.requireNonNull(partition, "partition");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }
}
