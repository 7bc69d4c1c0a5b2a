package io.github.slurm4j.jobs;

import java.util.Map;

/**
 * A {@link JobConf} that was refused before Slurm was called, with a message per field
 * ({@link JobConf#validate}).
 */
public final class JobConfException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> errors;

    /**
     * A refusal whose message lists every field's error.
     *
     * @param errors field name → what is wrong with it, as {@link JobConf#validate} gives them; copied
     */
    public JobConfException(Map<String, String> errors) {
        super("invalid job: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** {@return field name → what is wrong with it; {@code null} after deserialisation (not serialised)} */
    public Map<String, String> errors() {
        return errors;
    }
}
