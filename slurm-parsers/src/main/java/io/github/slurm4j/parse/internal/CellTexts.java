package io.github.slurm4j.parse.internal;

import io.github.slurm4j.parse.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes the {@link Cell} of a byte range of a line — its text decoded and stripped of white space
 * at both ends, {@code truncated} when it was filled or holds U+FFFD — and, given an instance (one
 * per parse), shares the cells of repeated short values: the user, account, partition, state,
 * times and limits of a large output are a few distinct texts. A direct-mapped cache keyed by
 * the bytes, as the scontrol parser's value caches; a slot holds the last range that hashed to
 * it. Not thread-safe.
 */
public final class CellTexts {
    /** Longer ranges are not cached. */
    private static final int MAX_KEY = 64;
    private static final int SLOTS = 2048;
    private static final Cell EMPTY = new Cell("", false);

    private final byte[][] keys = new byte[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final Cell[] cells = new Cell[SLOTS];

    /**
     * Exactly {@code new Cell(text, filled || text.indexOf('\uFFFD') >= 0)} with
     * {@code text = Texts.decode(bytes[from, to)).strip()}.
     *
     * @param texts the parse's cache, or {@code null}
     */
    public static Cell cell(byte[] b, int from, int to, boolean filled, CellTexts texts) {
        int s = from;
        int e = to;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                // not ASCII: the decoder (malformed bytes become U+FFFD) and String.strip
                String text = Texts.decode(Arrays.copyOfRange(b, from, to)).strip();
                return new Cell(text, filled || text.indexOf('\uFFFD') >= 0);
            }
        }
        // ASCII: one char a byte; strip() removes what Character.isWhitespace says, here bytes
        while (s < e && whitespace(b[s])) {
            s++;
        }
        while (e > s && whitespace(b[e - 1])) {
            e--;
        }
        Cell c;
        if (s == e) {
            c = EMPTY;
        } else if (texts == null || e - s > MAX_KEY) {
            c = new Cell(new String(b, s, e - s, StandardCharsets.ISO_8859_1), false);
        } else {
            c = texts.get(b, s, e);
        }
        return filled ? new Cell(c.text(), true) : c;
    }

    /**
     * The cell of a value printed whole between delimiters: its text decoded as it is, white space
     * included; {@code truncated} only when it holds U+FFFD.
     *
     * @param texts the parse's cache, or {@code null}
     */
    public static Cell verbatim(byte[] b, int from, int to, CellTexts texts) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                String text = Texts.decode(Arrays.copyOfRange(b, from, to));
                return new Cell(text, text.indexOf('\uFFFD') >= 0);
            }
        }
        if (from == to) {
            return EMPTY;
        }
        if (texts == null || to - from > MAX_KEY) {
            return new Cell(new String(b, from, to - from, StandardCharsets.ISO_8859_1), false);
        }
        return texts.get(b, from, to);
    }

    /** {@code Character.isWhitespace} of an ASCII character. */
    static boolean whitespace(byte x) {
        return x == ' ' || (x >= 0x09 && x <= 0x0d) || (x >= 0x1c && x <= 0x1f);
    }

    private Cell get(byte[] b, int s, int e) {
        int len = e - s;
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 11)) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && hashes[slot] == h && k.length == len && Arrays.equals(k, 0, len, b, s, e)) {
            return cells[slot];
        }
        Cell c = new Cell(new String(b, s, len, StandardCharsets.ISO_8859_1), false);
        keys[slot] = Arrays.copyOfRange(b, s, e);
        hashes[slot] = h;
        cells[slot] = c;
        return c;
    }
}
