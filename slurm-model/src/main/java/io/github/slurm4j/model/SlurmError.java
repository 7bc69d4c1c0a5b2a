package io.github.slurm4j.model;

import java.util.Objects;

/**
 * A classified error reported by a Slurm command: its type and the message Slurm printed (all
 * relevant lines, trimmed, joined with {@code \n}).
 */
public record SlurmError(SlurmErrorType type, String message) {
    public SlurmError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
