package io.github.slurm4j.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A point in time as Slurm prints it: {@code 2026-11-20T22:28:11} in the cluster's local time (no
 * zone is printed, so an {@link Instant} needs the cluster's {@link ZoneId}), or a sentinel.
 *
 * @param kind whether a time is set, or which sentinel was printed
 * @param dateTime the local time when {@code kind == SET}, otherwise {@code null}
 */
public record SlurmTime(Kind kind, LocalDateTime dateTime) {
    /** Slurm's sentinels for times. */
    public enum Kind {
        /** A real time. */
        SET,
        /** {@code Unknown}: e.g. the start time of a job not yet scheduled. */
        UNKNOWN,
        /** {@code None}: e.g. the suspend time of a job never suspended. */
        NONE,
        /** {@code N/A}, {@code (null)} or an empty value: not applicable. */
        NOT_APPLICABLE
    }

    /** Slurm printed {@code Unknown}: e.g. the start time of a job not yet scheduled. */
    public static final SlurmTime UNKNOWN = new SlurmTime(Kind.UNKNOWN, null);
    /** Slurm printed {@code None} (or {@code --json} printed 0): e.g. the suspend time of a job never suspended. */
    public static final SlurmTime NONE = new SlurmTime(Kind.NONE, null);
    /** Slurm printed {@code N/A}, {@code (null)} or nothing: not applicable. */
    public static final SlurmTime NOT_APPLICABLE = new SlurmTime(Kind.NOT_APPLICABLE, null);

    /**
     * Checks that a date-time is given exactly for {@link Kind#SET}; prefer {@link #of}, {@link #parse}
     * and the sentinel constants.
     *
     * @param kind whether a time is set, or which sentinel was printed
     * @param dateTime the local time when {@code kind == SET}, otherwise {@code null}
     * @throws NullPointerException if {@code kind} is {@code null}
     * @throws IllegalArgumentException if {@code dateTime} is {@code null} for SET or given for a sentinel
     */
    public SlurmTime {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SET) != (dateTime != null)) {
            throw new IllegalArgumentException("a date-time goes with SET and only with it");
        }
    }

    /**
     * A real time.
     *
     * @param dateTime the cluster's local time; not null
     * @return the time, of kind {@link Kind#SET}
     * @throws IllegalArgumentException if {@code dateTime} is null
     */
    public static SlurmTime of(LocalDateTime dateTime) {
        return new SlurmTime(Kind.SET, dateTime);
    }

    /**
     * A time from epoch seconds, as {@code --json} prints them.
     *
     * @param epochSecond seconds since the epoch; 0 (or less) means unset
     * @param zone the cluster's zone, to give the local time Slurm would print
     * @return the time, or {@link #NONE} for 0 or less
     */
    public static SlurmTime ofEpochSecond(long epochSecond, ZoneId zone) {
        if (epochSecond <= 0) {
            return NONE;
        }
        return of(LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone));
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss} (Slurm's {@code standard} time format) or a sentinel
     * ({@code Unknown}, {@code None}, {@code N/A}, {@code (null)}, empty).
     *
     * @param text the time as printed, surrounding spaces ignored; sentinels case-insensitive; may be null
     * @return the time or sentinel; {@code null} and empty text give {@link #NOT_APPLICABLE}
     * @throws IllegalArgumentException for anything else
     */
    public static SlurmTime parse(String text) {
        String s = text == null ? "" : text.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "unknown":
                return UNKNOWN;
            case "none":
                return NONE;
            case "n/a":
            case "(null)":
            case "":
                return NOT_APPLICABLE;
            default:
                try {
                    return of(LocalDateTime.parse(s));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a Slurm time: '" + text + "'", e);
                }
        }
    }

    /** {@return whether this is a real time, not a sentinel} */
    public boolean isSet() {
        return kind == Kind.SET;
    }

    /** {@return the cluster's local time as printed; empty for a sentinel} */
    public Optional<LocalDateTime> asLocalDateTime() {
        return Optional.ofNullable(dateTime);
    }

    /**
     * The instant, reading the printed local time in the cluster's zone.
     *
     * @param clusterZone the zone the cluster prints its times in (slurmctld's zone)
     * @return the instant; empty for a sentinel
     */
    public Optional<Instant> toInstant(ZoneId clusterZone) {
        return dateTime == null ? Optional.empty() : Optional.of(dateTime.atZone(clusterZone).toInstant());
    }

    /**
     * Epoch seconds, reading the printed local time in the cluster's zone.
     *
     * @param clusterZone the zone the cluster prints its times in
     * @return the seconds, or 0 for a sentinel (as Slurm's JSON does)
     */
    public long toEpochSecond(ZoneId clusterZone) {
        return dateTime == null ? 0 : dateTime.atZone(clusterZone).toEpochSecond();
    }

    /** Slurm's own notation. */
    @Override
    public String toString() {
        switch (kind) {
            case SET:
                return dateTime.toString().length() == 16 ? dateTime + ":00" : dateTime.toString();
            case UNKNOWN:
                return "Unknown";
            case NONE:
                return "None";
            default:
                return "N/A";
        }
    }
}
