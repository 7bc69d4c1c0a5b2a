package io.github.slurm4j.exec;

import java.time.Duration;
import java.util.List;

/**
 * A command ran longer than its timeout and was killed (with every process it started, on the
 * machine it ran on).
 */
public class ShellTimeoutException extends ShellException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public ShellTimeoutException(List<String> command, Duration timeout, String target) {
        super(command, "timed out after " + timeout.toMillis() + " ms on " + target + "; killed", null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
