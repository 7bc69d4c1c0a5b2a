package io.github.slurm4j.jobs.console;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JobConsole#follow} reads.
 *
 * @param backlogLines how many of the lines already in the file are delivered first (like
 *     {@code tail -n N -f}); {@link #FROM_START} for the whole file
 * @param pollInterval the pause between two reads that found nothing more to read; the job's
 *     state is asked once per pause
 * @param readBytes the most bytes one read takes ({@code dd count=}); a read that fills it is
 *     followed at once by the next
 * @param maxLineBytes a line that grows past this without a newline is delivered in pieces of
 *     this size (a progress bar that never ends its line does not fill the memory)
 * @param maxFailures how many reads or status checks in a row may fail (a dropped connection)
 *     before the follow ends with the last failure
 */
public record FollowOptions(int backlogLines, Duration pollInterval, int readBytes, int maxLineBytes, int maxFailures) {
    /** {@link #backlogLines()}: deliver the file from its first byte. */
    public static final int FROM_START = -1;

    public FollowOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (backlogLines < FROM_START) {
            throw new IllegalArgumentException("backlogLines must be >= 0 or FROM_START: " + backlogLines);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
        if (readBytes < 1 || maxLineBytes < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("readBytes, maxLineBytes and maxFailures must be positive");
        }
    }

    /** The last {@value JobConsole#DEFAULT_LINES} lines first, a read every second, 1 MiB per read and per line, 3 failures. */
    public static FollowOptions defaults() {
        return new FollowOptions(JobConsole.DEFAULT_LINES, Duration.ofSeconds(1), 1 << 20, 1 << 20, 3);
    }

    public FollowOptions withBacklogLines(int lines) {
        return new FollowOptions(lines, pollInterval, readBytes, maxLineBytes, maxFailures);
    }

    /** The whole file first: {@code withBacklogLines(FROM_START)}. */
    public FollowOptions fromStart() {
        return withBacklogLines(FROM_START);
    }

    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(backlogLines, interval, readBytes, maxLineBytes, maxFailures);
    }

    public FollowOptions withReadBytes(int bytes) {
        return new FollowOptions(backlogLines, pollInterval, bytes, maxLineBytes, maxFailures);
    }

    public FollowOptions withMaxLineBytes(int bytes) {
        return new FollowOptions(backlogLines, pollInterval, readBytes, bytes, maxFailures);
    }

    public FollowOptions withMaxFailures(int failures) {
        return new FollowOptions(backlogLines, pollInterval, readBytes, maxLineBytes, failures);
    }
}
