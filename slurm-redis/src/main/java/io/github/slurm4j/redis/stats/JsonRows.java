package io.github.slurm4j.redis.stats;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The rows of a snapshot list ({@code [cluster]_jobs}, {@code [cluster]_nodes}): flat JSON
 * objects kept as their UTF-8 bytes, in a few large chunks rather than one {@code String} per row.
 * A list of 100,000 rows is then some 25 chunks the garbage collector never copies (large arrays
 * are allocated outside the young generation) instead of 100,000 strings it copies once or
 * twice, and the store sends the bytes without encoding them again ({@link #utf8}).
 *
 * <p>Immutable. {@link #get} decodes a row into a new {@code String} on every call: the bytes are
 * the list's only copy. The bytes are exactly what {@code String.getBytes(UTF_8)} makes of the
 * row's text (an unpaired surrogate becomes {@code ?}).
 */
public final class JsonRows extends AbstractList<String> implements RandomAccess {
    private static final JsonRows EMPTY = new JsonRows(new byte[0][], new int[0], new int[0], new int[0], 0, 0);

    private final byte[][] chunks;
    private final int[] chunk;
    private final int[] start;
    private final int[] length;
    private final int size;
    private final long bytes;

    private JsonRows(byte[][] chunks, int[] chunk, int[] start, int[] length, int size, long bytes) {
        this.chunks = chunks;
        this.chunk = chunk;
        this.start = start;
        this.length = length;
        this.size = size;
        this.bytes = bytes;
    }

    /** {@return an empty list} */
    public static JsonRows empty() {
        return EMPTY;
    }

    /** The rows of several lists, in order: their chunks are shared, not copied. */
    static JsonRows concat(java.util.List<JsonRows> parts) {
        int rows = 0;
        int chunkCount = 0;
        int nonEmpty = 0;
        JsonRows last = EMPTY;
        for (JsonRows p : parts) {
            rows += p.size;
            chunkCount += p.chunks.length;
            if (p.size > 0) {
                nonEmpty++;
                last = p;
            }
        }
        if (nonEmpty < 2) {
            return last; // none or one of them has rows
        }
        byte[][] chunks = new byte[chunkCount][];
        int[] chunk = new int[rows];
        int[] start = new int[rows];
        int[] length = new int[rows];
        long bytes = 0;
        int c = 0;
        int r = 0;
        for (JsonRows p : parts) {
            System.arraycopy(p.chunks, 0, chunks, c, p.chunks.length);
            for (int i = 0; i < p.size; i++) {
                chunk[r] = p.chunk[i] + c;
                start[r] = p.start[i];
                length[r] = p.length[i];
                r++;
            }
            c += p.chunks.length;
            bytes += p.bytes;
        }
        return new JsonRows(chunks, chunk, start, length, rows, bytes);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Decodes row {@code index} into a new {@code String} on every call.
     *
     * @param index the row, from 0
     * @return the row's JSON text
     * @throws IndexOutOfBoundsException if there is no such row
     */
    @Override
    public String get(int index) {
        check(index);
        return new String(chunks[chunk[index]], start[index], length[index], StandardCharsets.UTF_8);
    }

    /**
     * Copies row {@code index}'s UTF-8 bytes.
     *
     * @param index the row, from 0
     * @return the bytes, in a new array the caller may keep or change
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public byte[] utf8(int index) {
        check(index);
        int s = start[index];
        return Arrays.copyOfRange(chunks[chunk[index]], s, s + length[index]);
    }

    /** {@return the UTF-8 size of all rows together, in bytes} */
    public long utf8Size() {
        return bytes;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
    }

    /**
     * Writes rows one at a time, each a flat JSON object of string, number and null fields, straight
     * into UTF-8 bytes: no {@code String}, no map per row. Not thread-safe; {@link #build} ends it.
     */
    static final class Builder {
        /**
         * 1 MiB with the array header: one G1 region of a heap up to 2 GiB holds one chunk, which is
         * allocated there directly (a humongous object) and never copied by a young collection.
         */
        private static final int MAX_CHUNK = (1 << 20) - 64;
        private static final byte[] NULL = {'n', 'u', 'l', 'l'};
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        /** ASCII characters written as they are: printable, not {@code "} or {@code \\}. */
        private static final boolean[] PLAIN = new boolean[128];

        static {
            for (char c = 0x20; c < 0x80; c++) {
                PLAIN[c] = c != '"' && c != '\\';
            }
        }

        private byte[][] chunks = new byte[4][];
        private int chunkCount;
        private byte[] current;
        private int used;
        private final int chunkSize;
        private int[] chunk;
        private int[] start;
        private int[] length;
        private int size;
        private long total;
        /** The row being written. */
        private byte[] row = new byte[512];
        private int pos;
        private boolean first;

        /** @param expectedRows about how many rows will be written (sizes the first chunk and the index) */
        Builder(int expectedRows) {
            int n = Math.max(4, expectedRows);
            chunk = new int[n];
            start = new int[n];
            length = new int[n];
            chunkSize = (int) Math.min(MAX_CHUNK, Math.max(4096L, expectedRows * 256L));
        }

        /** Starts a row. */
        Builder begin() {
            pos = 0;
            row[pos++] = '{';
            first = true;
            return this;
        }

        /** Ends the row and appends it to the list. */
        void end() {
            room(1);
            row[pos++] = '}';
            append(row, pos);
        }

        /** A field name, given as the bytes of {@code "name":} ({@link #key}). */
        private void name(byte[] key) {
            room(key.length + 1);
            if (!first) {
                row[pos++] = ',';
            }
            first = false;
            System.arraycopy(key, 0, row, pos, key.length);
            pos += key.length;
        }

        /** The bytes of {@code "name":} for an ASCII field name. */
        static byte[] key(String name) {
            return ('"' + name + "\":").getBytes(StandardCharsets.US_ASCII);
        }

        Builder str(byte[] key, String value) {
            name(key);
            if (value == null) {
                raw(NULL);
            } else {
                quote();
                chars(value);
                quote();
            }
            return this;
        }

        Builder num(byte[] key, long value) {
            name(key);
            digits(value);
            return this;
        }

        /** A number field: {@code null}, or the value's {@code toString()} ({@code Double}s included). */
        Builder num(byte[] key, Number value) {
            name(key);
            if (value == null) {
                raw(NULL);
            } else if (value instanceof Long || value instanceof Integer) {
                digits(value.longValue());
            } else {
                chars(value.toString());
            }
            return this;
        }

        /** A string field whose text is a job id as {@code JobId.toString()} writes it. */
        Builder jobId(byte[] key, io.github.slurm4j.model.JobId id) {
            name(key);
            quote();
            digits(id.id());
            if (id.arrayTask() != null) {
                ascii('_');
                chars(id.arrayTask());
            }
            if (id.hetOffset() != null) {
                ascii('+');
                digits(id.hetOffset());
            }
            if (id.step() != null) {
                ascii('.');
                chars(id.step());
            }
            quote();
            return this;
        }

        /** A string field of a non-negative number of seconds as {@code SlurmDuration.format}: {@code [D-]HH:MM:SS}. */
        Builder duration(byte[] key, long seconds) {
            name(key);
            quote();
            long days = seconds / 86_400;
            if (days > 0) {
                digits(days);
                ascii('-');
            }
            two((seconds % 86_400) / 3600);
            ascii(':');
            two((seconds % 3600) / 60);
            ascii(':');
            two(seconds % 60);
            quote();
            return this;
        }

        private void two(long v) {
            if (v < 10) {
                ascii('0');
            }
            digits(v);
        }

        private void quote() {
            ascii('"');
        }

        private void ascii(char c) {
            room(1);
            row[pos++] = (byte) c;
        }

        private void raw(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, row, pos, b.length);
            pos += b.length;
        }

        private void digits(long v) {
            room(20);
            if (v < 0) {
                if (v == Long.MIN_VALUE) {
                    raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                row[pos++] = '-';
                v = -v;
            }
            byte[] buf = row;
            int p = pos + digitCount(v);
            pos = p;
            while (v >= Integer.MAX_VALUE) {
                buf[--p] = (byte) ('0' + v % 10);
                v /= 10;
            }
            // two digits a division, in int arithmetic: ids, counts and seconds are written for every row
            int i = (int) v;
            while (i >= 100) {
                int r = i % 100;
                i /= 100;
                buf[--p] = ONES[r];
                buf[--p] = TENS[r];
            }
            buf[--p] = ONES[i];
            if (i >= 10) {
                buf[--p] = TENS[i];
            }
        }

        /** The last and the first digit of 0..99. */
        private static final byte[] ONES = new byte[100], TENS = new byte[100];

        static {
            for (int k = 0; k < 100; k++) {
                ONES[k] = (byte) ('0' + k % 10);
                TENS[k] = (byte) ('0' + k / 10);
            }
        }

        private static int digitCount(long v) {
            int n = 1;
            for (long limit = 10; n < 19 && v >= limit; limit *= 10) {
                n++;
            }
            return n;
        }

        /**
         * The characters of a JSON string's content, escaped as {@code Json.string} escapes them and
         * encoded as {@code String.getBytes(UTF_8)} encodes (an unpaired surrogate becomes {@code ?}).
         */
        private void chars(String s) {
            int n = s.length();
            room(n);
            // the common case first: printable ASCII, one byte a character, room made above
            byte[] buf = row;
            int p = pos;
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || !PLAIN[c]) {
                    break;
                }
                buf[p++] = (byte) c;
            }
            pos = p;
            if (i < n) {
                escaped(s, i);
            }
        }

        /** {@link #chars} from index {@code i} on, where a character needs escaping or several bytes. */
        private void escaped(String s, int i) {
            int n = s.length();
            for (; i < n; i++) {
                char c = s.charAt(i);
                room(12);
                if (c < 0x80 && PLAIN[c]) {
                    row[pos++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '"' -> pair('\\', '"');
                    case '\\' -> pair('\\', '\\');
                    case '\n' -> pair('\\', 'n');
                    case '\r' -> pair('\\', 'r');
                    case '\t' -> pair('\\', 't');
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            row[pos++] = '\\';
                            row[pos++] = 'u';
                            row[pos++] = HEX[(c >> 12) & 15];
                            row[pos++] = HEX[(c >> 8) & 15];
                            row[pos++] = HEX[(c >> 4) & 15];
                            row[pos++] = HEX[c & 15];
                        } else if (c < 0x800) {
                            row[pos++] = (byte) (0xc0 | (c >> 6));
                            row[pos++] = (byte) (0x80 | (c & 0x3f));
                        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            int cp = Character.toCodePoint(c, s.charAt(++i));
                            row[pos++] = (byte) (0xf0 | (cp >> 18));
                            row[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                            row[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                            row[pos++] = (byte) (0x80 | (cp & 0x3f));
                        } else if (Character.isSurrogate(c)) {
                            row[pos++] = '?';
                        } else {
                            row[pos++] = (byte) (0xe0 | (c >> 12));
                            row[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                            row[pos++] = (byte) (0x80 | (c & 0x3f));
                        }
                    }
                }
            }
        }

        private void pair(char a, char b) {
            row[pos++] = (byte) a;
            row[pos++] = (byte) b;
        }

        /** Room for {@code n} more bytes in the row buffer. */
        private void room(int n) {
            if (pos + n > row.length) {
                row = Arrays.copyOf(row, Math.max(row.length * 2, pos + n));
            }
        }

        /** Appends one finished row: into the current chunk, or a new one when it does not fit. */
        private void append(byte[] b, int len) {
            if (current == null || used + len > current.length) {
                current = new byte[Math.max(chunkSize, len)];
                used = 0;
                if (chunkCount == chunks.length) {
                    chunks = Arrays.copyOf(chunks, chunkCount * 2);
                }
                chunks[chunkCount++] = current;
            }
            System.arraycopy(b, 0, current, used, len);
            if (size == chunk.length) {
                int n = size * 2;
                chunk = Arrays.copyOf(chunk, n);
                start = Arrays.copyOf(start, n);
                length = Arrays.copyOf(length, n);
            }
            chunk[size] = chunkCount - 1;
            start[size] = used;
            length[size] = len;
            size++;
            used += len;
            total += len;
        }

        /** The row just written, as text (for the few rows that end up inside a hash value). */
        String lastRow() {
            int i = size - 1;
            return new String(chunks[chunk[i]], start[i], length[i], StandardCharsets.UTF_8);
        }

        JsonRows build() {
            if (size == 0) {
                return EMPTY;
            }
            return new JsonRows(Arrays.copyOf(chunks, chunkCount), chunk, start, length, size, total);
        }
    }
}
