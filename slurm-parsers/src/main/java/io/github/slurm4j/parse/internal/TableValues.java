package io.github.slurm4j.parse.internal;

import io.github.slurm4j.parse.SlurmParseException;
import java.util.Locale;
import java.util.function.Function;

/** Typed conversion of cells, turning failures into {@link SlurmParseException}s. */
public final class TableValues {
    private TableValues() {
    }

    /** Whether Slurm printed "nothing" ({@code ""}, {@code N/A}, {@code (null)}, {@code n/a}). */
    public static boolean isAbsent(String s) {
        // as s.toLowerCase(Locale.ROOT) is "", "n/a" or "(null)", without a lower-case copy per cell:
        // no character other than N, A, U, L lower-cases (or upper-cases) to one of their letters
        return s == null || s.isEmpty() || s.length() == 3 && s.equalsIgnoreCase("n/a")
                || s.length() == 6 && s.equalsIgnoreCase("(null)");
    }

    /** Converts a value; an exception from {@code f} becomes a parse error naming the field. */
    public static <T> T convert(String command, int line, String field, String text, Function<String, T> f) {
        try {
            return f.apply(text);
        } catch (RuntimeException e) {
            throw new SlurmParseException(command, line, field, text, "cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    /** An integer, or {@code null} when absent. */
    public static Integer toInt(String command, int line, String field, String text) {
        return isAbsent(text) ? null : convert(command, line, field, text, Integer::valueOf);
    }

    /** A long, or {@code null} when absent. */
    public static Long toLong(String command, int line, String field, String text) {
        return isAbsent(text) ? null : convert(command, line, field, text, Long::valueOf);
    }
}
