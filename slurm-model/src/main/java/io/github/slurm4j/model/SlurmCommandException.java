package io.github.slurm4j.model;

import java.util.Objects;

/**
 * Slurm refused or failed a command: the classified error, the command that was run and its exit
 * code (which may be 0: several Slurm commands report errors with exit code 0).
 */
public class SlurmCommandException extends SlurmException {
    private static final long serialVersionUID = 1L;

    private final SlurmError error;
    private final String command;
    private final int exitCode;

    public SlurmCommandException(SlurmError error, String command, int exitCode) {
        super(command + ": " + error.type().wireName() + " (exit " + exitCode + "): " + error.message());
        this.error = Objects.requireNonNull(error, "error");
        this.command = Objects.requireNonNull(command, "command");
        this.exitCode = exitCode;
    }

    public SlurmError error() {
        return error;
    }

    public SlurmErrorType type() {
        return error.type();
    }

    public String command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }
}
