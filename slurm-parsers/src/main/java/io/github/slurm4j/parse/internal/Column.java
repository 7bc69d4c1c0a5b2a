package io.github.slurm4j.parse.internal;

import java.util.Objects;

/**
 * One column of a squeue/sinfo output format, and the literal text printed after it.
 *
 * @param key the name the value is reported under (the {@code -O} field name, e.g. {@code JobID})
 * @param spec the spec as written ({@code %.18i}, {@code JobID:12}), for messages
 * @param width the printed width in bytes; {@link #UNBOUNDED} when the value is printed whole,
 *     {@link #DYNAMIC} for sinfo's {@code %#X} (sized to the longest value of the table)
 * @param rightJustified whether the value is right-justified in its width
 * @param after the literal printed after the value ({@code " "}, {@code "|"}, or empty)
 */
public record Column(String key, String spec, int width, boolean rightJustified, String after) {
    /** The value is printed whole. */
    public static final int UNBOUNDED = 0;
    /** sinfo's {@code %#X}: the width of the longest value in the table. */
    public static final int DYNAMIC = -1;

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(after, "after");
        if (width < DYNAMIC) {
            throw new IllegalArgumentException("bad width " + width);
        }
    }

    Column withWidth(int w) {
        return new Column(key, spec, w, rightJustified, after);
    }

    Column withAfter(String a) {
        return new Column(key, spec, width, rightJustified, a);
    }
}
