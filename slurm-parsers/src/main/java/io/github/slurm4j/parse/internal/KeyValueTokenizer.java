package io.github.slurm4j.parse.internal;

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
 *   <li>The separator is exactly one space: further spaces belong to the value (a comment's
 *       real trailing space is kept), unless the tokenizer trims values (node, partition and
 *       reservation records, whose separators vary).
 * </ul>
 *
 * Scans a reusable {@code char[]} copy of the line. Reusable: {@link #newRecord()} per record,
 * {@link #reset} per line. Not thread-safe.
 */
public final class KeyValueTokenizer {
    private final KeySet keys;
    private final boolean trimValues;
    private final long[] seen;

    private String line;
    private char[] buf = new char[256];
    private int end;
    private int pos;
    private int keyStart;
    private int keyEnd;
    private int keyIndex;
    private int valueStart;
    private int valueEnd;
    /** The '=' of the next token when the previous scan already found it, else -1. */
    private int nextEq = -1;

    /**
     * @param keys the record type's keys
     * @param trimValues whether trailing spaces are stripped from every value
     */
    public KeyValueTokenizer(KeySet keys, boolean trimValues) {
        this.keys = keys;
        this.trimValues = trimValues;
        this.seen = new long[(keys.size() + 63) / 64];
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
        this.line = text;
        int e = text.length();
        if (buf.length < e) {
            buf = new char[Math.max(e, buf.length * 2)];
        }
        text.getChars(0, e, buf, 0);
        if (stripSeparator && e > 0 && buf[e - 1] == ' ') {
            e--;
        }
        this.end = e;
        this.nextEq = -1;
        int p = 0;
        while (p < end && buf[p] == ' ') {
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
        final char[] b = buf;
        final int e = end;
        int eq = nextEq >= 0 ? nextEq : keyEnd(b, pos, e);
        if (eq < 0) {
            throw new TokenException(pos, "expected Key=value");
        }
        keyStart = pos;
        keyEnd = eq;
        int idx = keys.indexOf(b, keyStart, keyEnd);
        keyIndex = idx;
        boolean free = idx >= 0 && keys.isFreeText(idx);
        if (idx >= 0) {
            seen[idx >>> 6] |= 1L << idx;
        }
        valueStart = eq + 1;
        int next = e;
        int foundEq = -1;
        for (int i = valueStart; i < e; i++) {
            if (b[i] != ' ') {
                continue;
            }
            int cand = i + 1;
            int candEq = keyEnd(b, cand, e);
            if (candEq >= 0 && (!free || endsFreeText(b, cand, candEq))) {
                next = i;
                foundEq = candEq;
                break;
            }
        }
        valueEnd = next;
        nextEq = foundEq;
        pos = next == e ? e : next + 1;
        if (trimValues) {
            while (valueEnd > valueStart && b[valueEnd - 1] == ' ') {
                valueEnd--;
            }
            while (pos < e && b[pos] == ' ') {
                pos++;
                nextEq = -1;
            }
        }
        return true;
    }

    private boolean endsFreeText(char[] b, int start, int eq) {
        int idx = keys.indexOf(b, start, eq);
        if (idx < 0) {
            return false;
        }
        return keys.isRepeatable(idx) || (seen[idx >>> 6] & (1L << idx)) == 0;
    }

    /** Where the key word at {@code start} ends (the {@code =}), or -1 when there is none. */
    private static int keyEnd(char[] s, int start, int end) {
        if (start >= end) {
            return -1;
        }
        char c = s[start];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            return -1;
        }
        for (int i = start + 1; i < end; i++) {
            c = s[i];
            if (c == '=') {
                return i;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '/' || c == ':' || c == '-')) {
                return -1;
            }
        }
        return -1;
    }

    /** The known key's index, or -1 for an unknown key. */
    public int keyIndex() {
        return keyIndex;
    }

    /** The key: the canonical string of a known key, else a new string. */
    public String key() {
        return keyIndex >= 0 ? keys.key(keyIndex) : line.substring(keyStart, keyEnd);
    }

    /** The value as a new string. */
    public String value() {
        return line.substring(valueStart, valueEnd);
    }

    /** The line being tokenized. */
    public String line() {
        return line;
    }

    /** The characters of the line (valid up to its length); do not modify. */
    public char[] chars() {
        return buf;
    }

    /** The value's start index in the line. */
    public int valueStart() {
        return valueStart;
    }

    /** The value's end index (exclusive) in the line. */
    public int valueEnd() {
        return valueEnd;
    }

    /** The key's start index in the line. */
    public int keyStart() {
        return keyStart;
    }

    /** Whether the value equals {@code text}. */
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

    /** Whether the value is empty. */
    public boolean valueIsEmpty() {
        return valueEnd == valueStart;
    }

    /** A token that is not {@code Key=value}. */
    public static final class TokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int column;

        TokenException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        /** The 0-based column in the line. */
        public int column() {
            return column;
        }
    }
}
