package io.github.slurm4j.model;

import java.util.Objects;

/**
 * A classified error reported by a Slurm command: its type and the message Slurm printed (all
 * relevant lines, trimmed, joined with {@code \n}).
 *
 * @param type what kind of refusal it is
 * @param message Slurm's text: the relevant lines, trimmed, joined with {@code \n}
 */
public record SlurmError(SlurmErrorType type, String message) {
    /**
     * Checks that both parts are present.
     *
     * @param type what kind of refusal it is
     * @param message Slurm's text: the relevant lines, trimmed, joined with {@code \n}
     * @throws NullPointerException if {@code type} or {@code message} is {@code null}
     */
    public SlurmError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
