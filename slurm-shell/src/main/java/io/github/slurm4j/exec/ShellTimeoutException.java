package io.github.slurm4j.exec;

import java.time.Duration;
import java.util.List;

/**
 * A command ran longer than its timeout and was killed (with every process it started, on the
 * machine it ran on).
 */
public class ShellTimeoutException extends ShellException {
    private static final long serialVersionUID = 1L;

    /** The timeout that passed. */
    private final Duration timeout;

    /**
     * A timeout of {@code command}, which the shell has killed.
     *
     * @param command the argument list that ran
     * @param timeout the request's timeout
     * @param target where it ran ({@link Shell#target()}), for the message
     */
    public ShellTimeoutException(List<String> command, Duration timeout, String target) {
        super(command, "timed out after " + timeout.toMillis() + " ms on " + target + "; killed", null);
        this.timeout = timeout;
    }

    /** {@return the timeout that passed (the request's)} */
    public Duration timeout() {
        return timeout;
    }
}
