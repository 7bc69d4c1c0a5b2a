package io.github.slurm4j.parse.scontrol;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A small direct-mapped cache from a range of UTF-8 bytes of a line to a value derived from it, so
 * that the many repeated values of a large output ({@code root}, {@code normal}, the same
 * {@code TRES=} string, the same submit time) share one object. Not {@code String.intern}: the
 * cache lives as long as one parse. A slot holds the last value that hashed to it; a miss just
 * creates the value. Each slot keeps its range's hash, compared before any byte, so a miss
 * against a same-length occupant (every time is 19 bytes) costs one int comparison.
 * Not thread-safe.
 *
 * @param <T> the value type
 */
final class ValueCache<T> {
    /** Ranges longer than this (in bytes) are not cached. */
    public static final int MAX_KEY = 96;

    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;
    private final Function<String, T> factory;
    private final RangeFactory<T> rangeFactory;

    /** Makes a value straight from a byte range, without a {@code String} first. */
    @FunctionalInterface
    public interface RangeFactory<T> {
        /** The value of the UTF-8 bytes {@code s[start, end)}; may throw. */
        T make(byte[] s, int start, int end);
    }

    /**
     * @param sizePow2 the number of slots, a power of two
     * @param factory makes a value from its text (malformed UTF-8 replaced); may throw
     */
    public ValueCache(int sizePow2, Function<String, T> factory) {
        this(sizePow2, java.util.Objects.requireNonNull(factory, "factory"), null);
    }

    private ValueCache(int sizePow2, Function<String, T> factory, RangeFactory<T> rangeFactory) {
        if (Integer.bitCount(sizePow2) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        this.keys = new byte[sizePow2][];
        this.hashes = new int[sizePow2];
        this.values = new Object[sizePow2];
        this.mask = sizePow2 - 1;
        this.factory = factory;
        this.rangeFactory = rangeFactory;
    }

    /**
     * A cache whose values are made from the bytes directly (no {@code String} per miss).
     *
     * @param sizePow2 the number of slots, a power of two
     * @param factory makes a value from its bytes; may throw
     */
    public static <T> ValueCache<T> ofRange(int sizePow2, RangeFactory<T> factory) {
        return new ValueCache<>(sizePow2, null, java.util.Objects.requireNonNull(factory, "factory"));
    }

    private T make(byte[] s, int start, int end) {
        return rangeFactory != null ? rangeFactory.make(s, start, end)
                : factory.apply(new String(s, start, end - start, StandardCharsets.UTF_8));
    }

    /** The value for the UTF-8 bytes {@code s[start, end)}. */
    public T get(byte[] s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s[i];
        }
        return get(s, start, end, h);
    }

    /**
     * The value for {@code s[start, end)} whose {@code 31 * h + b} hash the caller already has.
     */
    @SuppressWarnings("unchecked")
    public T get(byte[] s, int start, int end, int h) {
        int len = end - start;
        if (len > MAX_KEY) {
            return make(s, start, end);
        }
        int slot = (h ^ (h >>> 15)) & mask;
        byte[] k = keys[slot];
        if (k != null && hashes[slot] == h && k.length == len) {
            int i = 0;
            while (i < len && k[i] == s[start + i]) {
                i++;
            }
            if (i == len) {
                return (T) values[slot];
            }
        }
        T value = make(s, start, end);
        keys[slot] = java.util.Arrays.copyOfRange(s, start, end);
        hashes[slot] = h;
        values[slot] = value;
        return value;
    }
}
