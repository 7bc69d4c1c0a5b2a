package io.github.slurm4j.jobs;

import java.time.Instant;

/**
 * One job in a list ({@link SlurmJobs#myJobs}, {@link SlurmJobs#activeJobs}).
 *
 * @param id the job id as Slurm prints it ({@code 123}, {@code 120_4})
 * @param jobKey {@code <id>-<cluster host>}, the console's key
 * @param name the job name
 * @param user the user name
 * @param partition the partition
 * @param status the status in both console vocabularies, with the reason in plain words
 * @param devices GPUs when the job has any, else CPUs (GPUs are known from accounting's TRES;
 *     a job only the queue listed shows its CPUs)
 * @param gpus whether {@code devices} counts GPUs
 * @param preemptible whether its partition or QOS is one the cluster lists as preemptible
 * @param priority Slurm's priority on the 1..1000 scale ({@link Priorities})
 * @param submitted submit time
 * @param started start time, {@code null} before the start
 * @param finished end time, {@code null} before the end
 * @param reason Slurm's reason code, {@code null} for none
 * @param comment the user's comment (submission token removed)
 * @param fromQueue whether the row came from {@code squeue} (else from {@code sacct})
 */
public record JobRow(String id, String jobKey, String name, String user, String partition, JobStatus status,
        Integer devices, boolean gpus, boolean preemptible, Integer priority, Instant submitted, Instant started,
        Instant finished, String reason, String comment, boolean fromQueue) {

    /** {@return the console's status, {@code status().phase()}} */
    public JobPhase phase() {
        return status.phase();
    }
}
