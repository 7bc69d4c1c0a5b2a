package io.github.slurm4j.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job or partition time limit: a duration, or one of Slurm's sentinels.
 *
 * @param kind what the limit is
 * @param duration the limit when {@code kind == LIMITED}, otherwise {@code null}
 */
public record TimeLimit(Kind kind, Duration duration) {
    /** The forms a time limit takes in Slurm's output. */
    public enum Kind {
        /** A real limit. */
        LIMITED,
        /** {@code UNLIMITED} (also {@code infinite} in sinfo). */
        UNLIMITED,
        /** {@code Partition_Limit}: the partition's limit applies. */
        PARTITION_LIMIT,
        /** {@code INVALID}. */
        INVALID,
        /** {@code NOT_SET}, {@code N/A}, {@code NONE}: no value. */
        NOT_SET
    }

    /** No limit: Slurm printed {@code UNLIMITED} (sinfo {@code infinite}). */
    public static final TimeLimit UNLIMITED = new TimeLimit(Kind.UNLIMITED, null);
    /** Slurm printed {@code Partition_Limit}: the job has no limit of its own, the partition's applies. */
    public static final TimeLimit PARTITION_LIMIT = new TimeLimit(Kind.PARTITION_LIMIT, null);
    /** Slurm printed {@code INVALID}. */
    public static final TimeLimit INVALID = new TimeLimit(Kind.INVALID, null);
    /** No value: Slurm printed {@code NOT_SET}, {@code N/A}, {@code NONE} or nothing. */
    public static final TimeLimit NOT_SET = new TimeLimit(Kind.NOT_SET, null);

    /**
     * Checks that a duration is given exactly for {@link Kind#LIMITED}; prefer {@link #of},
     * {@link #ofMinutes}, {@link #parse} and the sentinel constants.
     *
     * @param kind what the limit is
     * @param duration the limit when {@code kind == LIMITED}, otherwise {@code null}
     * @throws NullPointerException if {@code kind} is {@code null}
     * @throws IllegalArgumentException if {@code duration} is {@code null} for LIMITED or given for a sentinel
     */
    public TimeLimit {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.LIMITED) != (duration != null)) {
            throw new IllegalArgumentException("a duration goes with LIMITED and only with it");
        }
    }

    /**
     * A real limit.
     *
     * @param duration the limit; not null
     * @return the limit, of kind {@link Kind#LIMITED}
     * @throws IllegalArgumentException if {@code duration} is null
     */
    public static TimeLimit of(Duration duration) {
        return new TimeLimit(Kind.LIMITED, duration);
    }

    /**
     * A real limit in minutes, the unit Slurm stores limits in ({@code --time=90}).
     *
     * @param minutes the limit in minutes
     * @return the limit, of kind {@link Kind#LIMITED}
     */
    public static TimeLimit ofMinutes(long minutes) {
        return of(Duration.ofMinutes(minutes));
    }

    /**
     * Parses Slurm's printed limit ({@code 1-02:04:00}, {@code 30:00}, {@code UNLIMITED},
     * {@code infinite}, {@code Partition_Limit}, {@code INVALID}, {@code NOT_SET}, {@code N/A}).
     *
     * @param text the limit as printed; sentinels case-insensitive; null and empty give {@link #NOT_SET}
     * @return the limit or sentinel
     * @throws IllegalArgumentException for anything else
     */
    public static TimeLimit parse(String text) {
        String s = text == null ? "" : text.trim();
        switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "UNLIMITED":
            case "INFINITE":
                return UNLIMITED;
            case "PARTITION_LIMIT":
                return PARTITION_LIMIT;
            case "INVALID":
                return INVALID;
            case "NOT_SET":
            case "N/A":
            case "NONE":
            case "":
                return NOT_SET;
            default:
                return of(SlurmDuration.parse(s));
        }
    }

    /** {@return whether this is a real limit (kind LIMITED), not a sentinel} */
    public boolean isLimited() {
        return kind == Kind.LIMITED;
    }

    /** {@return the duration of a real limit; empty for a sentinel, {@link #UNLIMITED} included} */
    public Optional<Duration> asDuration() {
        return Optional.ofNullable(duration);
    }

    /** {@return whole minutes of a real limit (Slurm stores limits in minutes), rounded down; empty for a sentinel} */
    public OptionalLong minutes() {
        return duration == null ? OptionalLong.empty() : OptionalLong.of(duration.toMinutes());
    }

    /** Slurm's own notation: {@code 1-02:04:00}, {@code UNLIMITED}, {@code Partition_Limit}, … */
    @Override
    public String toString() {
        switch (kind) {
            case LIMITED:
                return SlurmDuration.format(duration);
            case UNLIMITED:
                return "UNLIMITED";
            case PARTITION_LIMIT:
                return "Partition_Limit";
            case INVALID:
                return "INVALID";
            default:
                return "NOT_SET";
        }
    }
}
