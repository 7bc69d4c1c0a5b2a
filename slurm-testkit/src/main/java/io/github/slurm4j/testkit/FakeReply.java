package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.ShellException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FakeShell} answers to one command: an exit code with stdout and stderr, or a
 * failure ({@link ShellException}, or a timeout), optionally after a real delay. Immutable; the
 * {@code with*} methods return changed copies.
 *
 * <pre>{@code
 * FakeReply.ok("42\n");                              // exit 0, stdout "42\n"
 * FakeReply.of(1, "", "slurm_load_jobs error: ...");  // a refusal
 * FakeReply.ok("x").after(Duration.ofSeconds(2));     // slow: times out under a 1 s request timeout
 * FakeReply.timeout();                                // ShellTimeoutException at once
 * FakeReply.ok("x").repeating();                      // answers every matching command, never used up
 * }</pre>
 */
public final class FakeReply {
    private final int exitCode;
    private final byte[] stdout;
    private final byte[] stderr;
    private final Duration delay;
    private final ShellException failure;
    private final boolean timeout;
    private final boolean repeating;
    private final String origin;

    private FakeReply(int exitCode, byte[] stdout, byte[] stderr, Duration delay, ShellException failure,
            boolean timeout, boolean repeating, String origin) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.delay = delay;
        this.failure = failure;
        this.timeout = timeout;
        this.repeating = repeating;
        this.origin = origin;
    }

    /**
     * Exit code 0 with this stdout and an empty stderr.
     *
     * @param stdout the output, encoded as UTF-8; not null
     * @return the reply, used up by one command
     */
    public static FakeReply ok(String stdout) {
        return of(0, stdout, "");
    }

    /**
     * This exit code, stdout and stderr (UTF-8).
     *
     * @param exitCode the exit code the result carries
     * @param stdout the standard output; not null
     * @param stderr the standard error; not null
     * @return the reply, used up by one command
     */
    public static FakeReply of(int exitCode, String stdout, String stderr) {
        return of(exitCode, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This exit code and raw outputs (not copied: do not change them), e.g. broken UTF-8.
     *
     * @param exitCode the exit code the result carries
     * @param stdout the standard output bytes; not null
     * @param stderr the standard error bytes; not null
     * @return the reply, used up by one command
     */
    public static FakeReply of(int exitCode, byte[] stdout, byte[] stderr) {
        return new FakeReply(exitCode, Objects.requireNonNull(stdout, "stdout"), Objects.requireNonNull(stderr, "stderr"),
                Duration.ZERO, null, false, false, null);
    }

    /**
     * The command could not run: {@code run} throws {@code failure}.
     *
     * @param failure the exception to throw (the same instance each time); not null
     * @return the reply
     */
    public static FakeReply failure(ShellException failure) {
        return new FakeReply(-1, new byte[0], new byte[0], Duration.ZERO, Objects.requireNonNull(failure, "failure"),
                false, false, null);
    }

    /** {@return a reply that times out: {@code run} throws a {@code ShellTimeoutException} with the request's timeout, at once} */
    public static FakeReply timeout() {
        return new FakeReply(-1, new byte[0], new byte[0], Duration.ZERO, null, true, false, null);
    }

    /**
     * The same reply after a real sleep of {@code delay}. A delay that reaches the request's
     * timeout ends in a {@code ShellTimeoutException} once the timeout has passed.
     *
     * @param delay the wall-clock sleep before answering; not negative
     * @return the changed copy
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public FakeReply after(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        return new FakeReply(exitCode, stdout, stderr, delay, failure, timeout, repeating, origin);
    }

    /** {@return the same reply, answering every matching command instead of being used up by one} */
    public FakeReply repeating() {
        return new FakeReply(exitCode, stdout, stderr, delay, failure, timeout, true, origin);
    }

    /**
     * The same reply, saying where it came from (a fixture case), for messages.
     *
     * @param origin a description such as the case folder's path
     * @return the changed copy
     */
    public FakeReply from(String origin) {
        return new FakeReply(exitCode, stdout, stderr, delay, failure, timeout, repeating, origin);
    }

    /** {@return the exit code the result carries; -1 for a failure or timeout} */
    public int exitCode() {
        return exitCode;
    }

    /** {@return the stdout bytes (not a copy)} */
    public byte[] stdout() {
        return stdout;
    }

    /** {@return the stderr bytes (not a copy)} */
    public byte[] stderr() {
        return stderr;
    }

    /** {@return the real sleep before answering; zero unless {@link #after} was used} */
    public Duration delay() {
        return delay;
    }

    /** {@return the failure to throw, or {@code null}} */
    public ShellException failure() {
        return failure;
    }

    /** {@return whether the reply is a timeout ({@link #timeout()})} */
    public boolean isTimeout() {
        return timeout;
    }

    /** {@return whether the reply answers every matching command ({@link #repeating()})} */
    public boolean isRepeating() {
        return repeating;
    }

    /** {@return where the reply came from (a fixture case), or {@code null}} */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        String what = failure != null ? "failure " + failure.getClass().getSimpleName()
                : timeout ? "timeout" : "exit " + exitCode + ", stdout " + stdout.length + " B, stderr " + stderr.length + " B";
        return "FakeReply[" + what + (delay.isZero() ? "" : ", after " + delay.toMillis() + " ms")
                + (repeating ? ", repeating" : "") + (origin == null ? "" : ", from " + origin) + "]";
    }
}
