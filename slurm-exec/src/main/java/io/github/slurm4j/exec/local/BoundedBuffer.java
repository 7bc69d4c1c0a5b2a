package io.github.slurm4j.exec.local;

import java.util.Arrays;

/** A growable byte buffer that keeps the first {@code limit} bytes written and counts the rest. */
final class BoundedBuffer {
    private final long limit;
    private byte[] data = new byte[256];
    private int size;
    private boolean truncated;

    BoundedBuffer(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit: " + limit);
        }
        this.limit = Math.min(limit, Integer.MAX_VALUE - 16);
    }

    void write(byte[] chunk, int length) {
        int keep = (int) Math.min(length, limit - size);
        if (keep < length) {
            truncated = true;
        }
        if (keep <= 0) {
            return;
        }
        if (size + keep > data.length) {
            long grown = Math.max((long) data.length * 2, (long) size + keep);
            data = Arrays.copyOf(data, (int) Math.min(grown, limit));
        }
        System.arraycopy(chunk, 0, data, size, keep);
        size += keep;
    }

    /** Whether bytes past the limit were written (and dropped). */
    boolean truncated() {
        return truncated;
    }

    byte[] toByteArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }
}
