package io.github.slurm4j.jobs;

import java.util.Map;

/**
 * A {@link JobConf} that was refused before Slurm was called, with a message per field
 * ({@link JobConf#validate}).
 */
public final class JobConfException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> errors;

    public JobConfException(Map<String, String> errors) {
        super("invalid job: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name → what is wrong with it. */
    public Map<String, String> errors() {
        return errors;
    }
}
