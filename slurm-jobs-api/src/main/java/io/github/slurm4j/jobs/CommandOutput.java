package io.github.slurm4j.jobs;

/**
 * What a raw command printed ({@link SlurmJobs#run}).
 *
 * @param exitCode the exit code
 * @param stdout the output
 * @param stderr the error output
 */
public record CommandOutput(int exitCode, String stdout, String stderr) {
}
