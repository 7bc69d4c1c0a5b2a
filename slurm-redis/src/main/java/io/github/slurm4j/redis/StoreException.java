package io.github.slurm4j.redis;

import io.github.slurm4j.model.SlurmException;

/** The store could not be reached or refused a command (Redis down, wrong password, …). */
public class StoreException extends SlurmException {
    private static final long serialVersionUID = 1L;

    /**
     * A store failure.
     *
     * @param message what failed, with the key or command
     * @param cause the Redis client's exception; may be null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
