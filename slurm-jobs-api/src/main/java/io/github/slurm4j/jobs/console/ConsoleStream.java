package io.github.slurm4j.jobs.console;

/** Which of a job's outputs: {@code --output} or {@code --error} (the same file unless {@code --error} was given). */
public enum ConsoleStream {
    /** Standard output ({@code StdOut}, {@code --output}). */
    STDOUT,
    /** Standard error ({@code StdErr}, {@code --error}; Slurm writes it into the output file when not given). */
    STDERR
}
