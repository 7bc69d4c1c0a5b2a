/**
 * Jobs as Slurm reports them: {@link io.github.slurm4j.model.job.Job} (the full record of
 * {@code scontrol show job}, a few nested records), the narrower rows of {@code squeue}
 * ({@link io.github.slurm4j.model.job.SqueueRow}) and {@code sacct}
 * ({@link io.github.slurm4j.model.job.AccountingJob} with its steps), {@code sstat} records and the
 * results of submit and of actions such as cancel or hold. States keep their flags and raw text in
 * {@link io.github.slurm4j.model.job.JobState}; each type that the samples print has a
 * {@code *View} that turns it into a plain map for JSON.
 */
package io.github.slurm4j.model.job;
