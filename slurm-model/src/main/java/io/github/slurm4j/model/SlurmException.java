package io.github.slurm4j.model;

/**
 * The one unchecked umbrella for everything slurm4j reports as a failure: a command that could not
 * run, a refusal by Slurm ({@link SlurmCommandException}), output that could not be parsed (the
 * parsers' {@code SlurmParseException}), a store error.
 */
public class SlurmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying cause.
     *
     * @param message what failed, for people
     */
    public SlurmException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception (an I/O error, a parse error).
     *
     * @param message what failed, for people
     * @param cause the underlying exception; may be null
     */
    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
