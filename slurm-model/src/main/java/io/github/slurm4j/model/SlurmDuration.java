package io.github.slurm4j.model;

import java.time.Duration;

/**
 * Slurm's elapsed-time notation: {@code SS}, {@code MM:SS}, {@code HH:MM:SS}, {@code D-HH},
 * {@code D-HH:MM}, {@code D-HH:MM:SS}, each optionally with {@code .mmm} milliseconds (sacct's
 * TotalCPU prints {@code 00:01.234}).
 *
 * <p>Sentinels such as {@code UNLIMITED} are not durations: see {@link TimeLimit}.
 */
public final class SlurmDuration {
    private SlurmDuration() {
    }

    /**
     * Whether {@code text} is a duration {@link #parse} accepts.
     *
     * @param text the text; may be null
     * @return true when it parses
     */
    public static boolean isDuration(String text) {
        return tryParse(text) != null;
    }

    /**
     * Parses a Slurm duration.
     *
     * @param text the duration as printed, surrounding spaces ignored ({@code 1-02:00:00}, {@code 00:01.964})
     * @return the duration, with milliseconds when printed
     * @throws IllegalArgumentException if {@code text} is not a duration (null, empty, {@code UNLIMITED}, ...)
     */
    public static Duration parse(String text) {
        Duration d = tryParse(text);
        if (d == null) {
            throw new IllegalArgumentException("not a Slurm duration: '" + text + "'");
        }
        return d;
    }

    /**
     * Parses a Slurm duration without throwing.
     *
     * @param text the duration as printed; may be null
     * @return the duration, or {@code null} when {@code text} is null, empty or not a duration
     */
    public static Duration tryParse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        long days = 0;
        int dash = s.indexOf('-');
        boolean hasDays = dash >= 0;
        if (hasDays) {
            Long d = digits(s, 0, dash);
            if (d == null) {
                return null;
            }
            days = d;
            s = s.substring(dash + 1);
        }
        long millis = 0;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            Long f = digits(frac, 0, frac.length());
            if (f == null || frac.length() > 9) {
                return null;
            }
            millis = Math.round(f * Math.pow(10, 3 - frac.length()));
            s = s.substring(0, dot);
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long n = digits(parts[i], 0, parts[i].length());
            if (n == null) {
                return null;
            }
            v[i] = n;
        }
        long h;
        long m;
        long sec;
        if (hasDays) {
            // D-HH, D-HH:MM, D-HH:MM:SS
            h = v[0];
            m = parts.length > 1 ? v[1] : 0;
            sec = parts.length > 2 ? v[2] : 0;
        } else if (parts.length == 3) {
            h = v[0];
            m = v[1];
            sec = v[2];
        } else if (parts.length == 2) {
            h = 0;
            m = v[0];
            sec = v[1];
        } else {
            h = 0;
            m = 0;
            sec = v[0];
        }
        return Duration.ofDays(days).plusHours(h).plusMinutes(m).plusSeconds(sec).plusMillis(millis);
    }

    private static Long digits(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return null;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(s.substring(from, to));
    }

    /**
     * Formats like Slurm's {@code secs2time_str}: {@code HH:MM:SS}, or {@code D-HH:MM:SS} from one
     * day on. Fractions of a second are dropped.
     *
     * @param d the duration; not negative
     * @return the text, {@code 00:01:05} or {@code 2-03:00:00}
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public static String format(Duration d) {
        long total = d.getSeconds();
        if (total < 0) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        long days = total / 86_400;
        long h = (total % 86_400) / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        // by hand, not String.format: the statistics format one duration per job of the queue
        StringBuilder sb = new StringBuilder(12);
        if (days > 0) {
            sb.append(days).append('-');
        }
        two(sb, h).append(':');
        two(sb, m).append(':');
        return two(sb, s).toString();
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
