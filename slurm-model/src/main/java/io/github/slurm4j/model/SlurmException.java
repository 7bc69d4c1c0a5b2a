package io.github.slurm4j.model;

/**
 * The one unchecked umbrella for everything slurm4j reports as a failure: a command that could not
 * run, a refusal by Slurm ({@link SlurmCommandException}), output that could not be parsed (the
 * parsers' {@code SlurmParseException}), a store error.
 */
public class SlurmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SlurmException(String message) {
        super(message);
    }

    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
