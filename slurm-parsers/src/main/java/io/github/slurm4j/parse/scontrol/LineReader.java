package io.github.slurm4j.parse.scontrol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Splits UTF-8 bytes into lines without decoding them and without making a {@code String} per
 * line: the bytes are read straight into one reusable {@code byte[]}, and each line is a range of
 * it (UTF-8 never uses the bytes of {@code \n} and {@code \r} inside a multi-byte character). Lines end where
 * {@link java.io.BufferedReader#readLine} ends them ({@code \n}, {@code \r} or {@code \r\n}; a last
 * line without a terminator counts, an empty end does not), so line numbers are the same.
 *
 * <p>The lines of one record can be kept together: {@link #mark()} at a line's start keeps every
 * byte from there in the buffer (moved to the buffer's start or the buffer grown when it
 * fills) until the next {@code mark()} or {@link #unmark()}. Positions inside the buffer change
 * when it is compacted, so a caller keeps positions relative to {@link #markPosition()}.
 * Not thread-safe.
 */
final class LineReader {
    private final InputStream in;
    private byte[] buf;
    /** Bytes valid in {@link #buf}. */
    private int fill;
    /** Where the next line starts. */
    private int pos;
    private int lineStart;
    private int lineEnd;
    /** Start of the kept range, or -1. */
    private int mark = -1;
    /** A {@code \r} ended the previous line at the end of the data read so far. */
    private boolean skipLf;
    private boolean eof;

    /**
     * @param in the text as UTF-8 bytes (other bytes pass through; they are decoded with
     *     replacement when a value is made)
     * @param size the initial buffer size in bytes (it grows for a longer record)
     */
    public LineReader(InputStream in, int size) {
        this.in = Objects.requireNonNull(in, "in");
        this.buf = new byte[Math.max(16, size)];
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the text
     */
    public boolean next() throws IOException {
        while (true) {
            if (skipLf && pos < fill) {
                if (buf[pos] == '\n') {
                    pos++;
                }
                skipLf = false;
            }
            final byte[] b = buf;
            final int f = fill;
            int i = pos;
            while (i < f) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    lineStart = pos;
                    lineEnd = i;
                    if (c == '\r') {
                        if (i + 1 < f) {
                            if (b[i + 1] == '\n') {
                                i++;
                            }
                        } else {
                            skipLf = true;
                        }
                    }
                    pos = i + 1;
                    return true;
                }
                i++;
            }
            if (eof) {
                if (pos < fill) {
                    lineStart = pos;
                    lineEnd = fill;
                    pos = fill;
                    return true;
                }
                return false;
            }
            fillMore();
        }
    }

    /** Reads more bytes, moving the kept range (or the current partial line) to the start first. */
    private void fillMore() throws IOException {
        int keep = mark >= 0 ? mark : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, fill - keep);
            fill -= keep;
            pos -= keep;
            if (mark >= 0) {
                mark = 0;
            }
        }
        if (fill == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, fill, buf.length - fill);
        if (n < 0) {
            eof = true;
        } else {
            fill += n;
        }
    }

    /** The buffer holding the current line (and the kept range); do not modify. */
    public byte[] bytes() {
        return buf;
    }

    /** The current line's first byte in {@link #bytes()}. */
    public int lineStart() {
        return lineStart;
    }

    /** The current line's end (exclusive, without its terminator) in {@link #bytes()}. */
    public int lineEnd() {
        return lineEnd;
    }

    /** Keeps every byte from the current line's start until the next mark or {@link #unmark()}. */
    public void mark() {
        mark = lineStart;
    }

    /** Drops the kept range. */
    public void unmark() {
        mark = -1;
    }

    /** Where the kept range starts in {@link #bytes()} now (it moves when the buffer is compacted). */
    public int markPosition() {
        return mark;
    }

    /** The current line as a new string (malformed UTF-8 replaced). */
    public String line() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }
}
