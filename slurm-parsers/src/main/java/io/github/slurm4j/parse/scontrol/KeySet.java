package io.github.slurm4j.parse.scontrol;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys one record type of {@code scontrol show} prints, with the free-text keys (whose values
 * may hold spaces and {@code word=} text) and the repeatable keys (the {@code -d} detail lines).
 * A lookup from a range of UTF-8 bytes to the canonical key string that allocates nothing. Keys
 * are ASCII, so a key's byte hash is its {@link String#hashCode}.
 */
final class KeySet {
    private final String[] keys;
    private final byte[][] keyBytes;
    private final boolean[] freeText;
    private final boolean[] repeatable;
    private final int[] table;
    /** The full hash of the key in each table slot, compared before any character. */
    private final int[] tableHash;
    private final int mask;

    /**
     * @param known every known key, in any order
     * @param freeTextKeys the subset whose values are free text
     * @param repeatableKeys the subset that may appear more than once in a record
     */
    public KeySet(List<String> known, Set<String> freeTextKeys, Set<String> repeatableKeys) {
        Set<String> unique = new HashSet<>(known);
        if (unique.size() != known.size()) {
            throw new IllegalArgumentException("duplicate keys");
        }
        if (!unique.containsAll(freeTextKeys) || !unique.containsAll(repeatableKeys)) {
            throw new IllegalArgumentException("free-text or repeatable key not in the known keys");
        }
        this.keys = known.toArray(new String[0]);
        this.keyBytes = new byte[keys.length][];
        this.freeText = new boolean[keys.length];
        this.repeatable = new boolean[keys.length];
        int size = Integer.highestOneBit(keys.length * 4 - 1) << 1;
        this.mask = size - 1;
        this.table = new int[size];
        this.tableHash = new int[size];
        Arrays.fill(table, -1);
        for (int i = 0; i < keys.length; i++) {
            if (!keys[i].chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("key is not printable ASCII: " + keys[i]);
            }
            keyBytes[i] = keys[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            freeText[i] = freeTextKeys.contains(keys[i]);
            repeatable[i] = repeatableKeys.contains(keys[i]);
            int h = hash(keyBytes[i], 0, keyBytes[i].length);
            int slot = mix(h) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
            tableHash[slot] = h;
        }
    }

    /** {@code 31 * h + b} over the bytes, as {@link String#hashCode} does for ASCII. */
    static int hash(byte[] s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s[i];
        }
        return h;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The index of the key {@code s[start, end)}, whose {@link #hash} the caller has, or -1 when unknown. */
    public int indexOf(byte[] s, int start, int end, int hash) {
        int len = end - start;
        int slot = mix(hash) & mask;
        while (true) {
            int idx = table[slot];
            if (idx < 0) {
                return -1;
            }
            byte[] k = keyBytes[idx];
            if (tableHash[slot] == hash && k.length == len && same(s, start, k)) {
                return idx;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean same(byte[] s, int start, byte[] k) {
        for (int i = 0; i < k.length; i++) {
            if (s[start + i] != k[i]) {
                return false;
            }
        }
        return true;
    }

    /** The canonical key string of an index. */
    public String key(int index) {
        return keys[index];
    }

    /** The bytes of the key at this index; do not modify. */
    byte[] bytes(int index) {
        return keyBytes[index];
    }

    /** Whether the key at this index has a free-text value. */
    public boolean isFreeText(int index) {
        return freeText[index];
    }

    /** Whether the key at this index may repeat in one record. */
    public boolean isRepeatable(int index) {
        return repeatable[index];
    }

    /** The number of known keys. */
    public int size() {
        return keys.length;
    }
}
