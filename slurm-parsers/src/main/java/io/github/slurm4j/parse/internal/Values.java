package io.github.slurm4j.parse.internal;

import java.time.LocalDateTime;

/** Allocation-free readers of numbers and times from a character range. */
public final class Values {
    private Values() {
    }

    /** As {@link #parseLong(char[], int, int)}. */
    public static long parseLong(String s, int start, int end) {
        return parseLong(s.toCharArray(), start, end);
    }

    /** As {@link #parseInt(char[], int, int)}. */
    public static int parseInt(String s, int start, int end) {
        return parseInt(s.toCharArray(), start, end);
    }

    /** As {@link #parseIsoSeconds(char[], int, int)}. */
    public static LocalDateTime parseIsoSeconds(String s, int start, int end) {
        return parseIsoSeconds(s.toCharArray(), start, end);
    }

    /**
     * A decimal {@code long} from {@code s[start, end)}.
     *
     * @throws NumberFormatException when the range is empty, not all digits, or overflows
     */
    public static long parseLong(char[] s, int start, int end) {
        if (start >= end) {
            throw new NumberFormatException("empty number");
        }
        boolean negative = s[start] == '-';
        int i = negative ? start + 1 : start;
        if (i >= end || end - i > 18) {
            if (i < end && end - i <= 19) {
                return Long.parseLong(new String(s, start, end - start));
            }
            throw new NumberFormatException("not a number: '" + new String(s, start, end - start) + "'");
        }
        long v = 0;
        for (; i < end; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a number: '" + new String(s, start, end - start) + "'");
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /** A decimal {@code int} from {@code s[start, end)}. */
    public static int parseInt(char[] s, int start, int end) {
        long v = parseLong(s, start, end);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new NumberFormatException("out of int range: '" + new String(s, start, end - start) + "'");
        }
        return (int) v;
    }

    /**
     * A {@code yyyy-MM-ddTHH:mm:ss} time, or {@code null} when the range does not have that shape.
     *
     * @throws java.time.DateTimeException for a well-shaped but impossible date
     */
    public static LocalDateTime parseIsoSeconds(char[] s, int start, int end) {
        if (end - start != 19 || s[start + 4] != '-' || s[start + 7] != '-'
                || s[start + 10] != 'T' || s[start + 13] != ':' || s[start + 16] != ':') {
            return null;
        }
        int y = digits(s, start, 4);
        int mo = digits(s, start + 5, 2);
        int d = digits(s, start + 8, 2);
        int h = digits(s, start + 11, 2);
        int mi = digits(s, start + 14, 2);
        int se = digits(s, start + 17, 2);
        if ((y | mo | d | h | mi | se) < 0) {
            return null;
        }
        return LocalDateTime.of(y, mo, d, h, mi, se);
    }

    private static int digits(char[] s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
