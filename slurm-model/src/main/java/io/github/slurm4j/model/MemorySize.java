package io.github.slurm4j.model;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Memory amounts as Slurm prints them: {@code 300M}, {@code 62.50G}, {@code 1508K}, {@code 0},
 * {@code 8000} (a bare number is in the caller's default unit, usually MiB). Units are binary
 * (K = 1024). The result is always bytes.
 */
public final class MemorySize {
    /** Bytes in a KiB, Slurm's {@code K}: 1024. */
    public static final long KIB = 1024L;
    /** Bytes in a MiB, Slurm's {@code M}: 1024². */
    public static final long MIB = KIB * 1024;
    /** Bytes in a GiB, Slurm's {@code G}: 1024³. */
    public static final long GIB = MIB * 1024;
    /** Bytes in a TiB, Slurm's {@code T}: 1024⁴. */
    public static final long TIB = GIB * 1024;
    /** Bytes in a PiB, Slurm's {@code P}: 1024⁵. */
    public static final long PIB = TIB * 1024;

    private MemorySize() {
    }

    /**
     * Parses an amount with an optional unit suffix ({@code K M G T P}, case-insensitive, optionally
     * followed by {@code B} or {@code iB}); a bare number is in {@code defaultUnit} bytes.
     *
     * @param text the amount, surrounding spaces ignored; fractions allowed ({@code 62.50G})
     * @param defaultUnit bytes per unit of a bare number: {@link #KIB} for sacct's RSS, {@link #MIB}
     *     for scontrol, 1 for disk I/O
     * @return the bytes, rounded half-up to a whole byte
     * @throws IllegalArgumentException if {@code text} is null, not an amount, negative, or too large for a long
     */
    public static long parseBytes(String text, long defaultUnit) {
        String s = text == null ? "" : text.trim();
        int end = s.length();
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.endsWith("IB")) {
            end -= 2;
        } else if (upper.endsWith("B") && end > 1 && Character.isLetter(upper.charAt(end - 2))) {
            end -= 1;
        }
        long unit = defaultUnit;
        if (end > 0) {
            char u = upper.charAt(end - 1);
            long m = multiplier(u);
            if (m > 0) {
                unit = m;
                end--;
            } else if (u == 'B' && end > 0) {
                unit = 1;
                end--;
            }
        }
        String number = s.substring(0, end).trim();
        if (number.isEmpty()) {
            throw new IllegalArgumentException("not a memory amount: '" + text + "'");
        }
        try {
            BigDecimal value = new BigDecimal(number);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("negative memory amount: '" + text + "'");
            }
            return value.multiply(BigDecimal.valueOf(unit)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a memory amount: '" + text + "'", e);
        }
    }

    /**
     * Parses an amount whose bare numbers are MiB (scontrol, sinfo, squeue).
     *
     * @param text the amount ({@code 8000}, {@code 300M})
     * @return the bytes
     * @throws IllegalArgumentException if {@code text} is not an amount
     */
    public static long parseBytes(String text) {
        return parseBytes(text, MIB);
    }

    /**
     * The multiplier of a unit letter.
     *
     * @param c {@code K}, {@code M}, {@code G}, {@code T} or {@code P}, case-insensitive
     * @return bytes per unit, or 0 when {@code c} is not a unit letter
     */
    public static long multiplier(char c) {
        switch (Character.toUpperCase(c)) {
            case 'K':
                return KIB;
            case 'M':
                return MIB;
            case 'G':
                return GIB;
            case 'T':
                return TIB;
            case 'P':
                return PIB;
            default:
                return 0;
        }
    }

    /**
     * Whole MiB, rounded down.
     *
     * @param bytes an amount in bytes
     * @return the MiB, as Slurm's options take them ({@code --mem=300})
     */
    public static long toMib(long bytes) {
        return bytes / MIB;
    }
}
