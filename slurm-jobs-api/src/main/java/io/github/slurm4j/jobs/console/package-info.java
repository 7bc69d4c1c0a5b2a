/**
 * A job's console output: where Slurm writes it ({@link io.github.slurm4j.jobs.console.StdioPaths},
 * Slurm's filename patterns expanded with the job's own values), the last lines of it
 * ({@link io.github.slurm4j.jobs.console.JobConsole#tail}) and its new lines while the job runs
 * ({@link io.github.slurm4j.jobs.console.JobConsole#follow}), read on the cluster through the
 * {@link io.github.slurm4j.exec.Shell} without copying the whole file.
 */
package io.github.slurm4j.jobs.console;
