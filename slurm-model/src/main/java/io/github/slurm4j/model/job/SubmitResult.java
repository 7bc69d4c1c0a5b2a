package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code sbatch} said when it accepted a job: {@code Submitted batch job 57},
 * {@code Submitted batch job 57 on cluster c1}, or with {@code --parsable} {@code 57} /
 * {@code 57;c1}.
 *
 * <p>Accepted is not the same as runnable: Slurm accepts jobs it will never start (an unknown
 * dependency is dropped, an unknown QOS becomes empty, a too-big request pends with
 * {@code PartitionConfig}); those show up in the job's state, not here.
 *
 * @param jobId the id Slurm gave the job (for a heterogeneous job: its leader)
 * @param cluster the cluster named after the id, or {@code null} when none was printed
 * @param warnings lines sbatch printed besides the id, trimmed, in order (e.g.
 *     {@code sbatch: warning: ...} on stderr); never {@code null}, often empty
 */
public record SubmitResult(JobId jobId, String cluster, List<String> warnings) {
    /**
     * Checks the id and copies the warnings.
     *
     * @param jobId the id Slurm gave the job (for a heterogeneous job: its leader)
     * @param cluster the cluster named after the id, or {@code null} when none was printed
     * @param warnings lines sbatch printed besides the id, trimmed, in order (e.g.
     *     {@code sbatch: warning: ...} on stderr); never {@code null}, often empty; copied
     * @throws NullPointerException if {@code jobId} or {@code warnings} is {@code null}
     */
    public SubmitResult {
        Objects.requireNonNull(jobId, "jobId");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /** {@return the cluster, when sbatch named one (federation, {@code -M}); empty otherwise} */
    public Optional<String> clusterName() {
        return Optional.ofNullable(cluster);
    }
}
