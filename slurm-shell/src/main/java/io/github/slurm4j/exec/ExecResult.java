package io.github.slurm4j.exec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a command ended: exit code, stdout and stderr (raw bytes; decoded as UTF-8 on demand),
 * how long it ran, and whether an output went past the request's limit. A non-zero exit code
 * is a normal result; what it means is decided by the caller (the Slurm layer reads the text
 * too, because several Slurm commands report errors with exit code 0).
 */
public final class ExecResult {
    private final List<String> command;
    private final int exitCode;
    private final byte[] stdout;
    private final byte[] stderr;
    private final Duration duration;
    private final boolean truncated;

    /**
     * A result as a shell makes it.
     *
     * @param command   the argument list that ran
     * @param exitCode  the exit status; 128+N when a signal N ended it (as a POSIX shell reports it)
     * @param stdout    what it wrote on stdout, up to the output limit (not copied: do not change it)
     * @param stderr    what it wrote on stderr, up to the output limit (not copied)
     * @param duration  from start to exit
     * @param truncated whether stdout or stderr went past the output limit and was cut
     */
    public ExecResult(List<String> command, int exitCode, byte[] stdout, byte[] stderr, Duration duration,
            boolean truncated) {
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.truncated = truncated;
    }

    /**
     * A result with text outputs, for fakes and tests: duration zero, not truncated.
     *
     * @param command the argument list that ran
     * @param exitCode the exit status
     * @param stdout what it wrote on stdout; encoded as UTF-8; not null
     * @param stderr what it wrote on stderr; encoded as UTF-8; not null
     * @return the result
     */
    public static ExecResult of(List<String> command, int exitCode, String stdout, String stderr) {
        return new ExecResult(command, exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }

    /** {@return the argument list that ran; unmodifiable} */
    public List<String> command() {
        return command;
    }

    /** {@return the exit status; 128+N when a signal N ended the command} */
    public int exitCode() {
        return exitCode;
    }

    /** {@return whether the exit code is 0 (not the same as "Slurm succeeded": see the class comment)} */
    public boolean isSuccess() {
        return exitCode == 0;
    }

    /** {@return stdout decoded as UTF-8 (malformed bytes become U+FFFD); decoded anew on each call} */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** {@return stderr decoded as UTF-8 (malformed bytes become U+FFFD); decoded anew on each call} */
    public String stderr() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** {@return the raw stdout bytes, up to the output limit (not a copy: do not change them)} */
    public byte[] stdoutBytes() {
        return stdout;
    }

    /** {@return the raw stderr bytes, up to the output limit (not a copy: do not change them)} */
    public byte[] stderrBytes() {
        return stderr;
    }

    /** {@return how long the command ran, from start to exit; zero for results made by {@link #of}} */
    public Duration duration() {
        return duration;
    }

    /** {@return whether stdout or stderr went past the request's output limit and was cut} */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return "ExecResult[" + ExecRequest.display(command) + " -> exit " + exitCode + ", stdout " + stdout.length
                + " B, stderr " + stderr.length + " B, " + duration.toMillis() + " ms" + (truncated ? ", truncated" : "")
                + "]";
    }
}
