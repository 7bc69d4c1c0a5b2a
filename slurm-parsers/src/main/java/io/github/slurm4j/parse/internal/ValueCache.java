package io.github.slurm4j.parse.internal;

import java.util.function.Function;

/**
 * A small direct-mapped cache from a character range of a line to a value derived from it, so
 * that the many repeated values of a large output ({@code root}, {@code normal}, the same
 * {@code TRES=} string, the same submit time) share one object. Not {@code String.intern}: the
 * cache lives as long as one parse. A slot holds the last value that hashed to it; a miss just
 * creates the value. Not thread-safe.
 *
 * @param <T> the value type
 */
public final class ValueCache<T> {
    /** Ranges longer than this are not cached. */
    public static final int MAX_KEY = 96;

    private final char[][] keys;
    private final Object[] values;
    private final int mask;
    private final Function<String, T> factory;

    /**
     * @param sizePow2 the number of slots, a power of two
     * @param factory makes a value from its text; may throw
     */
    public ValueCache(int sizePow2, Function<String, T> factory) {
        if (Integer.bitCount(sizePow2) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        this.keys = new char[sizePow2][];
        this.values = new Object[sizePow2];
        this.mask = sizePow2 - 1;
        this.factory = factory;
    }

    /** The value for {@code s[start, end)}. */
    public T get(String s, int start, int end) {
        return get(s.toCharArray(), start, end);
    }

    /** The value for {@code s[start, end)}. */
    @SuppressWarnings("unchecked")
    public T get(char[] s, int start, int end) {
        int len = end - start;
        if (len > MAX_KEY) {
            return factory.apply(new String(s, start, len));
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s[i];
        }
        int slot = (h ^ (h >>> 15)) & mask;
        char[] k = keys[slot];
        if (k != null && k.length == len) {
            int i = 0;
            while (i < len && k[i] == s[start + i]) {
                i++;
            }
            if (i == len) {
                return (T) values[slot];
            }
        }
        String text = new String(s, start, len);
        T value = factory.apply(text);
        keys[slot] = java.util.Arrays.copyOfRange(s, start, end);
        values[slot] = value;
        return value;
    }
}
