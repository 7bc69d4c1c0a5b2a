package io.github.slurm4j.parse.scontrol;

import java.nio.charset.StandardCharsets;

/**
 * Splits one line of {@code scontrol show} output into {@code Key=value} tokens. Values are not
 * quoted by scontrol, so where a value ends is decided by the keys:
 *
 * <ul>
 *   <li>A token starts at the line start (after indentation) or after a single separator space,
 *       with a key word (a letter, then letters, digits, {@code _ / : -}) directly followed by
 *       {@code =}.
 *   <li>After a <em>free-text</em> key (see {@link KeySet#isFreeText}) only a <em>known</em> key
 *       that was not yet seen in this record (or is repeatable) ends the value; so
 *       {@code Comment=key=value spaces = signs; owner=ops team} stays whole.
 *   <li>After any other key, any key-shaped {@code word=} ends the value, so keys of newer Slurm
 *       versions become their own tokens.
 *   <li>The end of the line ends every value.
 *   <li>The separator is exactly one space: further spaces belong to the value, so a value's own
 *       trailing spaces are kept, both before the next key ({@code Comment=ops team  Extra=x} gives
 *       {@code "ops team "}) and at the end of the line. A tokenizer that trims values (node,
 *       partition and reservation records, where scontrol pads some values with a space of its own
 *       before the separator: {@code CoresPerSocket=1  CPUAlloc=0}) right-trims every value but
 *       free text, which it keeps verbatim like the others.
 * </ul>
 *
 * Works on UTF-8 bytes: every byte that delimits (space, {@code =}, key characters) is ASCII, and
 * UTF-8 never uses an ASCII byte inside a multi-byte character, so tokens are found without
 * decoding; a value is decoded (malformed bytes replaced) only when it is made a {@code String}.
 * Scans the line in place when it is given as a range of a {@code byte[]} (the record loop's read
 * buffer), or a reusable copy when it is given as a string. Reusable: {@link #newRecord()} per record,
 * {@link #reset} per line. Not thread-safe.
 */
final class KeyValueTokenizer {
    /** Characters a key word may hold after its first letter. */
    private static final boolean[] KEY_CHAR = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            KEY_CHAR[c] = true;
            KEY_CHAR[c + ('a' - 'A')] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            KEY_CHAR[c] = true;
        }
        KEY_CHAR['_'] = true;
        KEY_CHAR['/'] = true;
        KEY_CHAR[':'] = true;
        KEY_CHAR['-'] = true;
    }

    private final KeySet keys;
    private final boolean trimValues;
    private final long[] seen;

    /** The line as a string, made on demand. */
    private String line;
    /** The array being tokenized: {@link #own} or the caller's. */
    private byte[] buf;
    /** The copy of a line given as a string. */
    private byte[] own = new byte[256];
    /** The line's first byte in {@link #buf}. */
    private int base;
    /** The line's end in {@link #buf}, before any separator strip. */
    private int lineEnd;
    /** The end of the tokens (after any separator strip). */
    private int end;
    private int pos;
    private int keyStart;
    private int keyEnd;
    private int keyIndex;
    /** Whether the current known, non-repeatable key was already seen in this record. */
    private boolean repeated;
    private int valueStart;
    private int valueEnd;
    /** The hash of the key word found by the last {@link #keyEnd} call. */
    private int scannedKeyHash;
    /** The key index of the next token when the previous scan already found it. */
    private int nextIdx;
    /** Per key index, the index of the key that followed it last time, or -1. */
    private final int[] follow;
    /** The '=' of the next token when the previous scan already found it, else -1. */
    private int nextEq = -1;

    /**
     * @param keys the record type's keys
     * @param trimValues whether trailing spaces are stripped from every value that is not free text
     */
    public KeyValueTokenizer(KeySet keys, boolean trimValues) {
        this.keys = keys;
        this.trimValues = trimValues;
        this.seen = new long[(keys.size() + 63) / 64];
        this.follow = new int[keys.size()];
        java.util.Arrays.fill(follow, -1);
    }

    /** Forgets which keys were seen: call at the start of every record. */
    public void newRecord() {
        java.util.Arrays.fill(seen, 0L);
    }

    /**
     * Starts a line.
     *
     * @param text the line without its line terminator
     * @param stripSeparator whether one trailing separator space is removed (the {@code -o} form
     *     of job records ends every line with one)
     */
    public void reset(String text, boolean stripSeparator) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int e = utf8.length;
        if (own.length < e) {
            own = new byte[Math.max(e, own.length * 2)];
        }
        System.arraycopy(utf8, 0, own, 0, e);
        reset(own, 0, e, stripSeparator);
        this.line = text;
    }

    /**
     * Starts a line held in the UTF-8 bytes {@code bytes[start, end)}, tokenized in place (the array
     * is read, never written, and must not change until the next reset). Positions the tokenizer
     * reports are indexes into {@code bytes}; {@link #lineStart()} is the line's first one.
     *
     * @param bytes the buffer holding the line
     * @param start the line's first byte
     * @param end the line's end, without its line terminator
     * @param stripSeparator as in {@link #reset(String, boolean)}
     */
    public void reset(byte[] bytes, int start, int end, boolean stripSeparator) {
        this.buf = bytes;
        this.line = null;
        this.base = start;
        this.lineEnd = end;
        int e = end;
        if (stripSeparator && e > start && bytes[e - 1] == ' ') {
            e--;
        }
        this.end = e;
        this.nextEq = -1;
        int p = start;
        while (p < e && bytes[p] == ' ') {
            p++;
        }
        this.pos = p;
    }

    /**
     * Advances to the next token.
     *
     * @return false at the end of the line
     * @throws TokenException when the text at the current position is not {@code Key=}
     */
    public boolean next() {
        if (pos >= end) {
            return false;
        }
        final byte[] b = buf;
        final int e = end;
        int eq;
        int idx;
        if (nextEq >= 0) {
            eq = nextEq;
            idx = nextIdx;
        } else {
            eq = keyEnd(b, pos, e);
            if (eq < 0) {
                throw new TokenException(column(pos), "expected Key=value");
            }
            idx = keys.indexOf(b, pos, eq, scannedKeyHash);
        }
        keyStart = pos;
        keyEnd = eq;
        keyIndex = idx;
        repeated = false;
        boolean free = idx >= 0 && keys.isFreeText(idx);
        // the key that followed this one last time: checked first, by its bytes alone
        byte[] predicted = null;
        int predictedIdx = -1;
        if (idx >= 0) {
            long bit = 1L << idx;
            repeated = (seen[idx >>> 6] & bit) != 0 && !keys.isRepeatable(idx);
            seen[idx >>> 6] |= bit;
            predictedIdx = follow[idx];
            if (predictedIdx >= 0) {
                predicted = keys.bytes(predictedIdx);
            }
        }
        valueStart = eq + 1;
        int next = e;
        int foundEq = -1;
        for (int i = valueStart; i < e; i++) {
            if (b[i] == ' ') {
                int cand = i + 1;
                int candEq;
                int candIdx;
                if (predicted != null && startsWithKey(b, cand, e, predicted)) {
                    candEq = cand + predicted.length;
                    candIdx = predictedIdx;
                } else {
                    candEq = keyEnd(b, cand, e);
                    if (candEq < 0) {
                        continue;
                    }
                    candIdx = keys.indexOf(b, cand, candEq, scannedKeyHash);
                    if (idx >= 0 && candIdx >= 0) {
                        follow[idx] = candIdx;
                    }
                }
                if (!free || (candIdx >= 0 && (keys.isRepeatable(candIdx)
                        || (seen[candIdx >>> 6] & (1L << candIdx)) == 0))) {
                    next = i;
                    foundEq = candEq;
                    nextIdx = candIdx;
                    break;
                }
            }
        }
        valueEnd = next;
        nextEq = foundEq;
        pos = next == e ? e : next + 1;
        if (trimValues && !free) {
            if (valueEnd > valueStart && b[valueEnd - 1] == ' ') {
                while (valueEnd > valueStart && b[valueEnd - 1] == ' ') {
                    valueEnd--;
                }
            }
            while (pos < e && b[pos] == ' ') {
                pos++;
                nextEq = -1;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start..]} is {@code key} followed by {@code =}. Only keys that
     * {@link #keyEnd} once found are predicted, so a match is exactly what {@code keyEnd} and
     * {@link KeySet#indexOf} would have found.
     */
    private static boolean startsWithKey(byte[] s, int start, int end, byte[] key) {
        int n = key.length;
        if (start + n >= end || s[start + n] != '=') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the key word at {@code start} ends (the {@code =}), or -1 when there is none; leaves
     * the word's {@link KeySet#hash} in {@link #scannedKeyHash}.
     */
    private int keyEnd(byte[] s, int start, int end) {
        if (start >= end) {
            return -1;
        }
        int c = s[start];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            return -1;
        }
        int h = c;
        for (int i = start + 1; i < end; i++) {
            c = s[i];
            if (c == '=') {
                scannedKeyHash = h;
                return i;
            }
            h = 31 * h + c;
            if (c < 0 || !KEY_CHAR[c]) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether the current token's key is a known, non-repeatable key that an earlier token of the
     * same record (since {@link #newRecord()}) already had. scontrol prints each key once, so a
     * repeat means that a value held text shaped like {@code Key=} (see {@link
     * ScontrolParser}).
     */
    public boolean keyRepeated() {
        return repeated;
    }

    /** Whether the known key {@code index} was seen in this record. */
    public boolean seen(int index) {
        return (seen[index >>> 6] & (1L << index)) != 0;
    }

    /** The known key's index, or -1 for an unknown key. */
    public int keyIndex() {
        return keyIndex;
    }

    /** The key: the canonical string of a known key, else a new string. */
    public String key() {
        return keyIndex >= 0 ? keys.key(keyIndex) : new String(buf, keyStart, keyEnd - keyStart, StandardCharsets.US_ASCII);
    }

    /** Whether the current value holds a line break (a value continued on the next line). */
    public boolean valueHasLineBreak() {
        for (int i = valueStart; i < valueEnd; i++) {
            if (buf[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Whether the current key is a known key whose value is not free text. */
    public boolean knownStructuredKey() {
        return keyIndex >= 0 && !keys.isFreeText(keyIndex);
    }

    /** The value as a new string (malformed UTF-8 replaced). */
    public String value() {
        return new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
    }

    /** The line being tokenized (decoded on first call for a line given as bytes). */
    public String line() {
        String l = line;
        if (l == null) {
            l = new String(buf, base, lineEnd - base, StandardCharsets.UTF_8);
            line = l;
        }
        return l;
    }

    /** The 0-based column, in characters of {@link #line()}, of the byte index {@code at}. */
    public int column(int at) {
        return new String(buf, base, Math.max(0, Math.min(at, lineEnd) - base), StandardCharsets.UTF_8).length();
    }

    /** The bytes holding the line; do not modify. */
    public byte[] bytes() {
        return buf;
    }

    /** The line's first index in {@link #bytes()} (0 for a line given as a string). */
    public int lineStart() {
        return base;
    }

    /** The value's start index in {@link #bytes()}. */
    public int valueStart() {
        return valueStart;
    }

    /** The value's end index (exclusive) in {@link #bytes()}. */
    public int valueEnd() {
        return valueEnd;
    }

    /** The key's start index in {@link #bytes()}. */
    public int keyStart() {
        return keyStart;
    }

    /** Whether the value equals {@code text}, which must be ASCII. */
    public boolean valueIs(String text) {
        int len = valueEnd - valueStart;
        if (len != text.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[valueStart + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 31 * h + b} over the value's bytes, computed on each call (see {@link ValueCache#get(byte[], int, int, int)}). */
    public int valueHash() {
        final byte[] b = buf;
        int h = 0;
        for (int i = valueStart, e = valueEnd; i < e; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    /** Whether the value is empty. */
    public boolean valueIsEmpty() {
        return valueEnd == valueStart;
    }

    /** A token that is not {@code Key=value}. */
    public static final class TokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The 0-based column in the line, in characters. */
        private final int column;

        TokenException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        /** The 0-based column in the line, in characters. */
        public int column() {
            return column;
        }
    }
}
