package io.github.slurm4j.parse;

import java.util.Objects;

/**
 * What a command left behind: the command line it ran, its decoded output, and its exit code.
 *
 * @param commandLine the exact command line (as a shell would read it)
 * @param stdout standard output, decoded with {@link Texts#decode}
 * @param stderr standard error, decoded with {@link Texts#decode}
 * @param exitCode the exit code
 */
public record CommandOutput(String commandLine, String stdout, String stderr, int exitCode) {
    /**
     * Checks the command line; a missing output is taken as empty.
     *
     * @param commandLine the exact command line (as a shell would read it)
     * @param stdout standard output, decoded with {@link Texts#decode}; {@code null} is taken as {@code ""}
     * @param stderr standard error, decoded with {@link Texts#decode}; {@code null} is taken as {@code ""}
     * @param exitCode the exit code
     * @throws NullPointerException if {@code commandLine} is {@code null}
     */
    public CommandOutput {
        Objects.requireNonNull(commandLine, "commandLine");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}
