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
 */
public record StreamResult<T>(T value, Exception failure, ExecResult status) {
    public StreamResult {
        Objects.requireNonNull(status, "status");
    }

    /** The reader's value, or its failure rethrown (unchecked exceptions as they are). */
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
