package io.github.slurm4j.parse.scontrol;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;

/**
 * The characters of a {@code Reader} as UTF-8 bytes, so that text that arrives as characters goes
 * through the byte-based record loop of {@code ScontrolParser}. A lone surrogate becomes {@code ?},
 * as {@link String#getBytes(java.nio.charset.Charset)} encodes it. Not thread-safe.
 */
final class Utf8InputStream extends InputStream {
    private final Reader reader;
    private final char[] chars = new char[8192];
    private int at;
    private int count;
    private boolean eof;
    /** The encoded bytes of one character that did not fit the caller's array. */
    private final byte[] pending = new byte[4];
    private int pendingAt;
    private int pendingCount;

    /** @param reader the characters */
    public Utf8InputStream(Reader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int o = off;
        final int end = off + len;
        while (pendingAt < pendingCount && o < end) {
            b[o++] = pending[pendingAt++];
        }
        while (o < end) {
            if (at == count || (at == count - 1 && Character.isHighSurrogate(chars[at]) && !eof)) {
                if (o > off || !fill()) {
                    break;
                }
                continue;
            }
            // ASCII runs: one bounds computation, then a plain copy loop
            final char[] cs = chars;
            int a = at;
            final int stop = a + Math.min(end - o, count - a);
            while (a < stop) {
                char c = cs[a];
                if (c >= 0x80) {
                    break;
                }
                b[o++] = (byte) c;
                a++;
            }
            at = a;
            if (a == stop || (a == count - 1 && Character.isHighSurrogate(cs[a]) && !eof)) {
                continue; // out of room, out of characters, or a pair's high half read alone
            }
            int n = encode(cs[a]);
            for (int i = 0; i < n; i++) {
                if (o < end) {
                    b[o++] = pending[i];
                } else {
                    pendingAt = i;
                    pendingCount = n;
                    return o - off;
                }
            }
            pendingAt = 0;
            pendingCount = 0;
        }
        return o > off ? o - off : -1;
    }

    /** Encodes the character (pair) at {@link #at} into {@link #pending}, advances, returns the byte count. */
    private int encode(char c) {
        int cp = c;
        at++;
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && at < count && Character.isLowSurrogate(chars[at])) {
                cp = Character.toCodePoint(c, chars[at++]);
            } else {
                pending[0] = '?';
                return 1;
            }
        }
        if (cp < 0x800) {
            pending[0] = (byte) (0xc0 | cp >> 6);
            pending[1] = (byte) (0x80 | cp & 0x3f);
            return 2;
        }
        if (cp < 0x10000) {
            pending[0] = (byte) (0xe0 | cp >> 12);
            pending[1] = (byte) (0x80 | cp >> 6 & 0x3f);
            pending[2] = (byte) (0x80 | cp & 0x3f);
            return 3;
        }
        pending[0] = (byte) (0xf0 | cp >> 18);
        pending[1] = (byte) (0x80 | cp >> 12 & 0x3f);
        pending[2] = (byte) (0x80 | cp >> 6 & 0x3f);
        pending[3] = (byte) (0x80 | cp & 0x3f);
        return 4;
    }

    /** Reads more characters, keeping an unpaired high surrogate at the end; false at the end. */
    private boolean fill() throws IOException {
        int keep = count - at;
        if (keep > 0) {
            chars[0] = chars[at];
        }
        at = 0;
        count = keep;
        while (!eof) {
            int n = reader.read(chars, count, chars.length - count);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                count += n;
                return true;
            }
        }
        return count > 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
