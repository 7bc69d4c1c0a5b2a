package io.github.slurm4j.parse.scontrol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one {@code scontrol show} record as ranges of a UTF-8 byte buffer, so that a record
 * is tokenized where it was read, without a {@code String} per line. Filled by the record loop
 * from a {@link LineReader} (whose kept range holds the record), or from strings. Reused from
 * record to record; valid until the next {@link #clear()}. Not thread-safe.
 */
final class RecordLines {
    private LineReader source;
    private byte[] own;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int[] lineNos = new int[8];
    private int size;
    private int firstLine;

    /** The lines of a record read by {@code reader}; its kept range starts at the first line. */
    public static RecordLines over(LineReader reader) {
        RecordLines r = new RecordLines();
        r.source = reader;
        return r;
    }

    /** A record made of these lines (tests and small inputs). */
    public static RecordLines of(List<String> lines, int firstLine) {
        RecordLines r = new RecordLines();
        byte[][] encoded = new byte[lines.size()][];
        int total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
            total += encoded[i].length;
        }
        r.own = new byte[total];
        int at = 0;
        for (byte[] l : encoded) {
            System.arraycopy(l, 0, r.own, at, l.length);
            r.add(at, at + l.length, firstLine);
            at += l.length;
        }
        r.firstLine = firstLine;
        r.extended = lines.stream().anyMatch(l -> l.indexOf('\n') >= 0);
        return r;
    }

    private boolean extended;

    private int base() {
        return source != null ? source.markPosition() : 0;
    }

    /** Forgets the lines. */
    public void clear() {
        size = 0;
        extended = false;
    }

    /** Whether a line was extended over a line break ({@link #extendLast}): a value holds one. */
    public boolean anyExtended() {
        return extended;
    }

    /** Adds the reader's current line, numbered {@code lineNo} (1-based). */
    public void addCurrent(int lineNo) {
        int base = source.markPosition();
        add(source.lineStart() - base, source.lineEnd() - base, lineNo);
    }

    private void add(int start, int end, int lineNo) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            lineNos = Arrays.copyOf(lineNos, size * 2);
        }
        if (size == 0) {
            firstLine = lineNo;
        }
        starts[size] = start;
        ends[size] = end;
        lineNos[size] = lineNo;
        size++;
    }

    /**
     * Extends the last line to the end of the reader's current line, so that it spans every line
     * read since, with their line terminators as read: a value that holds a line break.
     */
    public void extendLastToCurrent() {
        ends[size - 1] = currentEnd();
        extended = true;
    }

    /** The reader's current line end, as a position that {@link #extendLast(int)} takes. */
    public int currentEnd() {
        return source.lineEnd() - source.markPosition();
    }

    /** Extends the last line to {@code end}, a {@link #currentEnd()} of a later line. */
    public void extendLast(int end) {
        ends[size - 1] = end;
        extended = true;
    }

    /** The 1-based number of the (first physical) line of line {@code i}. */
    public int lineNo(int i) {
        return lineNos[i];
    }

    /** Whether there are no lines. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of lines. */
    public int size() {
        return size;
    }

    /** The 1-based number of the first line. */
    public int firstLine() {
        return firstLine;
    }

    /** The buffer holding the lines; do not modify. */
    public byte[] bytes() {
        return source != null ? source.bytes() : own;
    }

    /** Line {@code i}'s first byte in {@link #bytes()}. */
    public int start(int i) {
        return base() + starts[i];
    }

    /** Line {@code i}'s end (exclusive) in {@link #bytes()}. */
    public int end(int i) {
        return base() + ends[i];
    }

    /** Line {@code i} as a new string (malformed UTF-8 replaced). */
    public String line(int i) {
        int s = start(i);
        return new String(bytes(), s, end(i) - s, StandardCharsets.UTF_8);
    }
}
