package io.github.slurm4j.testkit;

/**
 * {@link FakeSlurm} was sent a command, an option or a situation it does not simulate. It fails
 * the test loudly rather than answer something the real Slurm would not: extend the fake, or
 * use {@link FakeShell} with a captured reply for that command.
 */
public final class NotModelledError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /**
     * An error whose message starts with {@code FakeSlurm does not model this:}.
     *
     * @param message what was not modelled: the command, option or situation
     */
    public NotModelledError(String message) {
        super("FakeSlurm does not model this: " + message);
    }
}
