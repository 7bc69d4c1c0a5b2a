package io.github.slurm4j.parse.scontrol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/** Allocation-free readers of numbers and times from a range of UTF-8 bytes. */
final class Values {
    private Values() {
    }

    private static byte[] utf8(String s, int start, int end) {
        return s.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] s, int start, int end) {
        return new String(s, start, end - start, StandardCharsets.UTF_8);
    }

    /** As {@link #parseLong(byte[], int, int)}, over {@code s.substring(start, end)}. */
    public static long parseLong(String s, int start, int end) {
        byte[] b = utf8(s, start, end);
        return parseLong(b, 0, b.length);
    }

    /** As {@link #parseInt(byte[], int, int)}, over {@code s.substring(start, end)}. */
    public static int parseInt(String s, int start, int end) {
        byte[] b = utf8(s, start, end);
        return parseInt(b, 0, b.length);
    }

    /** As {@link #parseIsoSeconds(byte[], int, int)}, over {@code s.substring(start, end)}. */
    public static LocalDateTime parseIsoSeconds(String s, int start, int end) {
        byte[] b = utf8(s, start, end);
        return parseIsoSeconds(b, 0, b.length);
    }

    /**
     * A decimal {@code long} from {@code s[start, end)}.
     *
     * @throws NumberFormatException when the range is empty, not all digits, or overflows
     */
    public static long parseLong(byte[] s, int start, int end) {
        if (start >= end) {
            throw new NumberFormatException("empty number");
        }
        boolean negative = s[start] == '-';
        int i = negative ? start + 1 : start;
        if (i >= end || end - i > 18) {
            if (i < end && end - i <= 19) {
                return Long.parseLong(text(s, start, end));
            }
            throw new NumberFormatException("not a number: '" + text(s, start, end) + "'");
        }
        long v = 0;
        for (; i < end; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a number: '" + text(s, start, end) + "'");
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /** A decimal {@code int} from {@code s[start, end)}. */
    public static int parseInt(byte[] s, int start, int end) {
        long v = parseLong(s, start, end);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new NumberFormatException("out of int range: '" + text(s, start, end) + "'");
        }
        return (int) v;
    }

    /**
     * A {@code yyyy-MM-ddTHH:mm:ss} time, or {@code null} when the range does not have that shape.
     *
     * @throws java.time.DateTimeException for a well-shaped but impossible date
     */
    public static LocalDateTime parseIsoSeconds(byte[] s, int start, int end) {
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

    private static int digits(byte[] s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
