package io.github.slurm4j.parse.internal;

import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizers shared by the accounting and report tables: line splitting, delimited rows, and
 * fixed-width rows cut at the widths of a {@code ---- ----} ruler.
 *
 * <p>Fixed widths are counted in bytes, as Slurm pads with {@code printf}: a Chinese character is
 * three columns wide. Cutting therefore works on the UTF-8 bytes of each line.
 */
public final class TextTable {
    private TextTable() {
    }

    /** A cell cut from a fixed-width line. */
    public record Cell(String text, boolean truncated) {
    }

    /** A column of a fixed-width table: bytes {@code [start, end)}. */
    public record Span(int start, int end) {
        public int width() {
            return end - start;
        }
    }

    /** The lines of a text, without line terminators; a final newline does not make an empty last line. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(text.substring(start, stop));
            start = end + 1;
        }
        return out;
    }

    /** The lines of UTF-8 bytes, split at {@code \n} (a final {@code \r} dropped). */
    public static List<byte[]> lines(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        int n = bytes.length;
        while (start < n) {
            int end = start;
            while (end < n && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            byte[] line = new byte[stop - start];
            System.arraycopy(bytes, start, line, 0, line.length);
            out.add(line);
            start = end + 1;
        }
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Splits at every occurrence of {@code delimiter}, keeping empty pieces. */
    public static List<String> split(String line, String delimiter) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int at = line.indexOf(delimiter, start);
            if (at < 0) {
                out.add(line.substring(start));
                return out;
            }
            out.add(line.substring(start, at));
            start = at + delimiter.length();
        }
    }

    /** Whether a line is a ruler: dashes in groups separated by single spaces, nothing else. */
    public static boolean isRuler(byte[] line) {
        boolean dash = false;
        for (byte b : line) {
            if (b == '-') {
                dash = true;
            } else if (b != ' ') {
                return false;
            }
        }
        return dash;
    }

    private static int groups(byte[] line) {
        int g = 0;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '-' && (i == 0 || line[i - 1] == ' ')) {
                g++;
            }
        }
        return g;
    }

    /**
     * The index of the ruler under a header: the first ruler line of at least two columns that
     * follows a non-blank, non-ruler line; else the first such ruler of one column; -1 if none.
     * (sreport prints full-width dash banners above its title: they have one group and precede the
     * real ruler.)
     */
    public static int findRuler(List<byte[]> lines) {
        int single = -1;
        for (int i = 1; i < lines.size(); i++) {
            byte[] prev = lines.get(i - 1);
            if (!isRuler(lines.get(i)) || isRuler(prev) || isBlank(prev)) {
                continue;
            }
            if (groups(lines.get(i)) >= 2) {
                return i;
            }
            if (single < 0) {
                single = i;
            }
        }
        return single;
    }

    public static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The column spans of a ruler line. */
    public static List<Span> spans(byte[] ruler) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < ruler.length) {
            if (ruler[i] != '-') {
                i++;
                continue;
            }
            int s = i;
            while (i < ruler.length && ruler[i] == '-') {
                i++;
            }
            out.add(new Span(s, i));
        }
        return out;
    }

    /** Spans of consecutive columns of the given widths, separated by one space. */
    public static List<Span> spansOf(List<Integer> widths) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        for (int w : widths) {
            out.add(new Span(at, at + w));
            at += w + 1;
        }
        return out;
    }

    /**
     * Cuts a line into one cell per span. Each cell is the decoded text of its bytes (untrimmed);
     * it is {@code truncated} when it fills its width, ends with {@code +}, and is not padding
     * (Slurm prints {@code width-1} characters and a {@code +} for a value that does not fit).
     *
     * @throws SlurmParseException when a byte between columns or after the last one is not a space:
     *     the line does not have the ruler's layout, and cutting it would shift values
     */
    public static List<Cell> cut(byte[] line, List<Span> spans, List<Boolean> leftAligned, String command,
            int lineNo, String text) {
        List<Cell> out = new ArrayList<>(spans.size());
        for (int c = 0; c < spans.size(); c++) {
            Span sp = spans.get(c);
            int from = Math.min(sp.start(), line.length);
            int to = Math.min(sp.end(), line.length);
            byte[] cell = new byte[to - from];
            System.arraycopy(line, from, cell, 0, cell.length);
            boolean full = cell.length == sp.width() && cell.length > 0;
            boolean left = leftAligned != null && leftAligned.get(c);
            boolean truncated = full && cell[cell.length - 1] == '+' && (left || cell[0] != ' ');
            out.add(new Cell(Texts.decode(cell), truncated));
            int sepEnd = c + 1 < spans.size() ? spans.get(c + 1).start() : line.length;
            for (int i = sp.end(); i < Math.min(sepEnd, line.length); i++) {
                if (line[i] != ' ') {
                    String name = c + 1 < spans.size() ? "column " + (c + 1) + "/" + (c + 2) : "after column " + (c + 1);
                    throw new SlurmParseException(command, lineNo, name, text,
                            "value overflows its fixed-width column (the line does not match the header ruler)");
                }
            }
        }
        return out;
    }
}
