package io.github.slurm4j.redis.stats;

/**
 * A set of {@code long}s (open addressing, linear probing): which job ids were seen, without a
 * boxed key and a map entry per job. Slots follow the id's low bits, so the mostly consecutive
 * ids of a queue land in neighbouring slots.
 */
final class LongSet {
    private long[] keys;
    private int size;
    private int mask;
    /** 0 marks an empty slot; whether 0 itself is in the set is kept here. */
    private boolean zero;

    LongSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        mask = cap - 1;
    }

    /** Adds {@code v}; false when it was there already. */
    boolean add(long v) {
        if (v == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        int i = slot(v);
        for (long k; (k = keys[i]) != 0; i = (i + 1) & mask) {
            if (k == v) {
                return false;
            }
        }
        keys[i] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** Whether {@code v} was added. */
    boolean contains(long v) {
        if (v == 0) {
            return zero;
        }
        for (int i = slot(v); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == v) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    private int slot(long v) {
        int h = (int) (v ^ (v >>> 32));
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        mask = keys.length - 1;
        for (long k : old) {
            if (k != 0) {
                int i = slot(k);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
            }
        }
    }
}
