package io.github.slurm4j.exec;

import java.util.Objects;

/**
 * The outcome of {@link Shell#stream(ExecRequest, StdoutReader)}: what the reader returned (or
 * threw) and how the command ended. {@link #status()} is an {@link ExecResult} with an empty
 * stdout (it went to the reader).
 *
 * @param value   what the reader returned; {@code null} if it threw
 * @param failure what the reader threw; {@code null} if it returned
 * @param status  exit code, stderr, duration and whether stdout went past the output limit
 * @param <T> what the reader returns
 */
public record StreamResult<T>(T value, Exception failure, ExecResult status) {
    /**
     * Checks that the command's end is known.
     *
     * @param value   what the reader returned; {@code null} if it threw
     * @param failure what the reader threw; {@code null} if it returned
     * @param status  exit code, stderr, duration and whether stdout went past the output limit
     * @throws NullPointerException if {@code status} is {@code null}
     */
    public StreamResult {
        Objects.requireNonNull(status, "status");
    }

    /**
     * The reader's value, or its failure rethrown: an unchecked exception as it is, a checked one
     * wrapped in a {@link ShellException}. Look at {@link #status()} first when a failed command
     * would explain the failure.
     *
     * @return the reader's value
     */
    public T valueOrThrow() {
        if (failure == null) {
            return value;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        throw new ShellException(status.command(), "reading stdout failed: " + failure.getMessage(), failure);
    }
}
