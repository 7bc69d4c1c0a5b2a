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

    /**
     * Checks the options.
     *
     * @param backlogLines lines of the file delivered first, 0 or more, or {@link #FROM_START}
     * @param pollInterval the pause between reads that found nothing; positive
     * @param readBytes the most bytes one read takes; positive
     * @param maxLineBytes the longest line delivered in one piece, in bytes; positive
     * @param maxFailures failed reads or status checks in a row that end the follow; positive
     * @throws NullPointerException if {@code pollInterval} is {@code null}
     * @throws IllegalArgumentException if a value is out of range
     */
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

    /**
     * {@return the last {@value JobConsole#DEFAULT_LINES} lines first, a read every second, 1 MiB per
     * read and per line, 3 failures}
     */
    public static FollowOptions defaults() {
        return new FollowOptions(JobConsole.DEFAULT_LINES, Duration.ofSeconds(1), 1 << 20, 1 << 20, 3);
    }

    /**
     * These options with another backlog.
     *
     * @param lines lines of the file delivered first, 0 or more, or {@link #FROM_START}
     * @return new options
     * @throws IllegalArgumentException if {@code lines} is below {@link #FROM_START}
     */
    public FollowOptions withBacklogLines(int lines) {
        return new FollowOptions(lines, pollInterval, readBytes, maxLineBytes, maxFailures);
    }

    /** {@return these options delivering the whole file first: {@code withBacklogLines(FROM_START)}} */
    public FollowOptions fromStart() {
        return withBacklogLines(FROM_START);
    }

    /**
     * These options with another pause between reads.
     *
     * @param interval the pause between reads that found nothing (the job's state is asked once per pause)
     * @return new options
     * @throws NullPointerException if {@code interval} is {@code null}
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(backlogLines, interval, readBytes, maxLineBytes, maxFailures);
    }

    /**
     * These options with another read size.
     *
     * @param bytes the most bytes one read takes ({@code dd count=}); positive
     * @return new options
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public FollowOptions withReadBytes(int bytes) {
        return new FollowOptions(backlogLines, pollInterval, bytes, maxLineBytes, maxFailures);
    }

    /**
     * These options with another longest line.
     *
     * @param bytes the size, in bytes, past which a line without newline is delivered in pieces; positive
     * @return new options
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public FollowOptions withMaxLineBytes(int bytes) {
        return new FollowOptions(backlogLines, pollInterval, readBytes, bytes, maxFailures);
    }

    /**
     * These options with another tolerance of failures.
     *
     * @param failures failed reads or status checks in a row that end the follow; positive
     * @return new options
     * @throws IllegalArgumentException if {@code failures} is not positive
     */
    public FollowOptions withMaxFailures(int failures) {
        return new FollowOptions(backlogLines, pollInterval, readBytes, maxLineBytes, failures);
    }
}
