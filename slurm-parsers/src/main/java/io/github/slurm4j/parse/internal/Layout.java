package io.github.slurm4j.parse.internal;

import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The printed layout of a squeue/sinfo format: a leading literal and the columns, each with the
 * literal printed after it. Splits output lines into {@link Cell}s, measuring widths in bytes as
 * Slurm's {@code printf} does (a Chinese character is three columns wide).
 *
 * <p>How a line is split: a column of width {@code W} takes {@code W} bytes; if the literal that
 * must follow is not there, the value overflowed its width (squeue prints times whole) and the
 * column extends to the next occurrence of the literal. An unbounded column extends to the next
 * occurrence of its literal; the last column takes the rest of the line. A value that fills its
 * whole width, or holds a character cut in the middle, is flagged {@linkplain Cell#truncated()
 * possibly truncated}.
 */
public final class Layout {
    private final String command;
    private final String lead;
    private final List<Column> columns;
    private final Set<String> freeText;
    /** Per-line constants, computed once: the lead's and each column's literal's UTF-8 bytes. */
    private final byte[] leadBytes;
    private final byte[][] afterBytes;
    /** {@link #computeUniformDelimiter()} and its bytes, or null. */
    private final String uniform;
    private final byte[] uniformBytes;
    /** Per column: its value is taken as printed, white space included (see the constructor). */
    private final boolean[] verbatim;
    private final boolean padded;

    /**
     * @param command the command, for error messages
     * @param lead literal text printed before the first column
     * @param columns the columns
     * @param freeText keys of columns whose values may contain the delimiter (names, reasons)
     */
    public Layout(String command, String lead, List<Column> columns, Set<String> freeText) {
        this(command, lead, columns, freeText, false);
    }

    /**
     * @param command the command, for error messages
     * @param lead literal text printed before the first column
     * @param columns the columns
     * @param freeText keys of columns whose values may contain the delimiter (names, reasons)
     * @param padded whether the command pads values it prints without a width in the format
     *     ({@code sinfo -o %all}: {@code "1/0 |"}); otherwise a value without a width that ends at a
     *     delimiter other than white space is taken as printed, its spaces included
     */
    public Layout(String command, String lead, List<Column> columns, Set<String> freeText, boolean padded) {
        this.padded = padded;
        this.command = command;
        this.lead = lead == null ? "" : lead;
        this.columns = List.copyOf(columns);
        this.freeText = Set.copyOf(freeText);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a format needs at least one field");
        }
        for (int i = 0; i < this.columns.size() - 1; i++) {
            Column c = this.columns.get(i);
            if (c.width() == Column.UNBOUNDED && c.after().isEmpty()) {
                throw new IllegalArgumentException("field " + c.spec()
                        + " has no width and nothing after it: its end cannot be found");
            }
        }
        this.leadBytes = this.lead.getBytes(StandardCharsets.UTF_8);
        this.afterBytes = new byte[this.columns.size()][];
        for (int i = 0; i < afterBytes.length; i++) {
            afterBytes[i] = this.columns.get(i).after().getBytes(StandardCharsets.UTF_8);
        }
        this.uniform = computeUniformDelimiter();
        this.uniformBytes = uniform == null ? null : uniform.getBytes(StandardCharsets.UTF_8);
        this.verbatim = new boolean[this.columns.size()];
        for (int i = 0; i < verbatim.length; i++) {
            Column c = this.columns.get(i);
            // a value with no width ends at a delimiter that is not white space: Slurm pads nothing,
            // so its spaces are the value's (a comment "owner=ops team " keeps its last space);
            // the last value of a line is so when the previous one ends at such a delimiter
            String end = !c.after().isEmpty() || i < verbatim.length - 1 ? c.after()
                    : i > 0 ? this.columns.get(i - 1).after() : "";
            // (not String.isBlank: Java counts U+001F, the delimiter slurm4j's own formats use, as white space)
            verbatim[i] = !padded && c.width() == Column.UNBOUNDED && end.chars().anyMatch(ch -> ch != ' ' && ch != '\t');
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public String command() {
        return command;
    }

    /** Whether a column has a {@link Column#DYNAMIC} width still to be resolved. */
    public boolean hasDynamicWidths() {
        return columns.stream().anyMatch(c -> c.width() == Column.DYNAMIC);
    }

    /**
     * Resolves sinfo's dynamic widths from the lines of one table (header included when printed):
     * a dynamic column is as wide as its widest value or its title, whichever is wider (sinfo pads
     * {@code %#P} to the width of {@code PARTITION} with {@code -h} too: fixture
     * {@code sinfo-default-noheader}). Columns after an unbounded one, and columns with no lines
     * to measure, stay unbounded.
     *
     * @param titles the printed titles by column key
     */
    public Layout resolve(List<byte[]> lines, Map<String, List<String>> titles) {
        if (!hasDynamicWidths()) {
            return this;
        }
        List<Column> out = new ArrayList<>(columns);
        int offset = lead.length();
        boolean known = true;
        for (int i = 0; i < out.size(); i++) {
            Column c = out.get(i);
            if (c.width() == Column.DYNAMIC) {
                int w = -1;
                if (known) {
                    for (byte[] line : lines) {
                        w = Math.max(w, span(line, offset, c.rightJustified()));
                    }
                    if (w > 0) {
                        for (String t : titles.getOrDefault(c.key(), List.of())) {
                            w = Math.max(w, t.getBytes(StandardCharsets.UTF_8).length);
                        }
                    }
                }
                if (w <= 0) {
                    out.set(i, c.withWidth(Column.UNBOUNDED));
                    known = false;
                    continue;
                }
                c = c.withWidth(w);
                out.set(i, c);
            }
            if (c.width() == Column.UNBOUNDED) {
                known = false;
            }
            offset += c.width() + c.after().getBytes(StandardCharsets.UTF_8).length;
        }
        return new Layout(command, lead, out, freeText, padded);
    }

    private static int span(byte[] line, int offset, boolean right) {
        int i = offset;
        if (i >= line.length) {
            return -1;
        }
        if (right) {
            while (i < line.length && line[i] == ' ') {
                i++;
            }
        }
        while (i < line.length && line[i] != ' ') {
            i++;
        }
        return i - offset;
    }

    /**
     * In a purely delimited layout whose delimiter is made of control characters (the command
     * layer's U+001F), the number of delimiters a row has; else -1. Such a row with fewer goes on
     * over a line break (a value holding one); with spaces or {@code |} as delimiter that would be
     * ambiguous, so it is not done.
     */
    public int controlDelimiters() {
        if (columns.size() < 2) {
            return -1;
        }
        String delim = columns.get(0).after();
        if (delim.isEmpty() || !lead.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < delim.length(); k++) {
            char ch = delim.charAt(k);
            if (ch >= 0x20 && ch != 0x7f || ch == '\n' || ch == '\r') {
                return -1;
            }
        }
        for (int i = 0; i < columns.size() - 1; i++) {
            Column c = columns.get(i);
            if (c.width() != Column.UNBOUNDED || !c.after().equals(delim)) {
                return -1;
            }
        }
        Column last = columns.get(columns.size() - 1);
        if (last.width() != Column.UNBOUNDED) {
            return -1;
        }
        return columns.size() - 1 + (last.after().equals(delim) ? 1 : 0);
    }

    /** How often {@code delim} (UTF-8) occurs in {@code line}. */
    public static int count(byte[] line, String delim) {
        return count(line, delim.getBytes(StandardCharsets.UTF_8));
    }

    /** How often {@code d} occurs in {@code line}, occurrences not overlapping. */
    public static int count(byte[] line, byte[] d) {
        int n = 0;
        if (d.length == 1) {
            byte b = d[0];
            for (byte x : line) {
                if (x == b) {
                    n++;
                }
            }
            return n;
        }
        for (int k = indexOf(line, d, 0); k >= 0; k = indexOf(line, d, k + d.length)) {
            n++;
        }
        return n;
    }

    /** The delimiter of a {@link #controlDelimiters()} layout. */
    public String delimiter() {
        return columns.get(0).after();
    }

    /**
     * Splits one line into one cell per column.
     *
     * @param line the line's bytes, without the line end
     * @param lineNo the 1-based line number, for errors
     * @throws SlurmParseException if the line does not have the format's shape
     */
    public Cell[] split(byte[] line, int lineNo) {
        return split(line, lineNo, null);
    }

    /**
     * {@link #split(byte[], int)}, sharing the text of repeated short values through {@code texts}
     * (one per parse; {@code null} for none): the same cells, fewer strings.
     */
    public Cell[] split(byte[] line, int lineNo, CellTexts texts) {
        String delim = uniform;
        if (delim != null) {
            // the command prints every delimiter, empty values too: a row with fewer lacks values
            int n = count(line, uniformBytes);
            if (n < columns.size() - 1) {
                throw error(lineNo, columns.get(n + 1).key(), line, "row has " + n + " '" + delim + "', the format "
                        + (columns.size() - 1) + ": values are missing");
            }
        }
        int pos = 0;
        if (leadBytes.length > 0) {
            if (!startsWith(line, 0, leadBytes)) {
                throw error(lineNo, null, line, "the line does not start with '" + lead + "'");
            }
            pos = leadBytes.length;
        }
        Cell[] cells = new Cell[columns.size()];
        int last = columns.size() - 1;
        for (int i = 0; i <= last; i++) {
            Column c = columns.get(i);
            byte[] after = afterBytes[i];
            if (pos >= line.length) {
                cells[i] = EMPTY;
                continue;
            }
            int end;
            boolean filled = false;
            if (i == last) {
                end = line.length;
                if (after.length > 0 && endsWith(line, after) && line.length - after.length >= pos) {
                    end = line.length - after.length;
                }
                filled = c.width() > 0 && line[pos] != ' ' && trimmedLength(line, pos, end) >= c.width() - 1;
            } else if (c.width() > 0) {
                end = Math.min(pos + c.width(), line.length);
                if (after.length > 0 && end < line.length && !startsWith(line, end, after)) {
                    int k = indexOf(line, after, end);
                    end = k < 0 ? line.length : k;
                } else {
                    // a cut right after a space shows as one char less: also "possibly cut"
                    filled = end - pos == c.width() && line[pos] != ' ' && trimmedLength(line, pos, end) >= c.width() - 1;
                }
            } else {
                int k = indexOf(line, after, pos);
                end = k < 0 ? line.length : k;
            }
            cells[i] = verbatim[i] ? CellTexts.verbatim(line, pos, end, texts) : CellTexts.cell(line, pos, end, filled, texts);
            pos = end;
            if (i < last && pos < line.length) {
                pos += after.length;
            }
        }
        return repair(cells, line, lineNo);
    }

    private static final Cell EMPTY = new Cell("", false);

    /**
     * In a purely delimited layout (no widths, one delimiter), a value holding the delimiter shows
     * as extra delimiters in the last cell. If exactly one free-text column can hold them, the
     * surplus is moved there; otherwise the line is rejected rather than guessed.
     */
    private Cell[] repair(Cell[] cells, byte[] line, int lineNo) {
        String delim = uniform;
        if (delim == null) {
            return cells;
        }
        Column lastCol = columns.get(columns.size() - 1);
        String lastText = cells[cells.length - 1].text();
        if (lastCol.width() != Column.UNBOUNDED || !lastText.contains(delim) || freeText.contains(lastCol.key())) {
            return cells;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (freeText.contains(columns.get(i).key())) {
                candidates.add(i);
            }
        }
        if (candidates.size() != 1) {
            throw error(lineNo, lastCol.key(), line, "more '" + delim
                    + "' than the format has: a value contains the delimiter and its owner cannot be told");
        }
        int owner = candidates.get(0);
        String text = Texts.decode(line);
        if (text.startsWith(lead)) {
            text = text.substring(lead.length());
        }
        List<String> parts = new ArrayList<>(Arrays.asList(text.split(java.util.regex.Pattern.quote(delim), -1)));
        int surplus = parts.size() - columns.size();
        if (lastCol.after().equals(delim) && parts.size() > 0 && parts.get(parts.size() - 1).isBlank()) {
            parts.remove(parts.size() - 1);
            surplus--;
        }
        String merged = String.join(delim, parts.subList(owner, owner + surplus + 1));
        List<String> fixed = new ArrayList<>(parts.subList(0, owner));
        fixed.add(merged);
        fixed.addAll(parts.subList(owner + surplus + 1, parts.size()));
        Cell[] out = new Cell[columns.size()];
        for (int i = 0; i < out.length; i++) {
            String t = fixed.get(i).strip();
            out[i] = new Cell(t, t.indexOf('\uFFFD') >= 0);
        }
        return out;
    }

    /**
     * The delimiter of a purely delimited layout (no widths, one delimiter that is not blanks after
     * every column but the last), else {@code null}.
     */
    private String computeUniformDelimiter() {
        if (columns.size() < 2) {
            return null;
        }
        String delim = columns.get(0).after();
        // only spaces make a width-aligned table; control characters such as U+001F (which
        // String.isBlank counts as white space) are real delimiters and must be checked
        if (delim.isEmpty() || delim.chars().allMatch(ch -> ch == ' ')) {
            return null;
        }
        for (int i = 0; i < columns.size() - 1; i++) {
            Column c = columns.get(i);
            if (c.width() != Column.UNBOUNDED || !c.after().equals(delim)) {
                return null;
            }
        }
        return delim;
    }

    private static int trimmedLength(byte[] line, int from, int to) {
        while (to > from && line[to - 1] == ' ') {
            to--;
        }
        while (from < to && line[from] == ' ') {
            from++;
        }
        return to - from;
    }

    private static boolean startsWith(byte[] line, int at, byte[] what) {
        if (at + what.length > line.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (line[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] line, byte[] what) {
        return startsWith(line, line.length - what.length, what);
    }

    private static int indexOf(byte[] line, byte[] what, int from) {
        if (what.length == 1) {
            byte b = what[0];
            for (int i = Math.max(from, 0); i < line.length; i++) {
                if (line[i] == b) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = Math.max(from, 0); i + what.length <= line.length; i++) {
            if (startsWith(line, i, what)) {
                return i;
            }
        }
        return -1;
    }

    /** What a title looks like where slurm4j does not know a column's title: upper case, digits, {@code _():/%+.#-}. */
    private static final Pattern TITLE_SHAPE = Pattern.compile("[A-Z0-9_:/()%+.#-]*[A-Z][A-Z0-9_:/()%+.#-]*");

    /** Whether a text looks like a column title slurm4j does not know ({@link #TITLE_SHAPE}). */
    static boolean isTitleLike(String text) {
        return TITLE_SHAPE.matcher(text).matches();
    }

    /**
     * The first column whose cell is not the title this format prints over it, or {@code null} when
     * the split line is this format's header. A known title ({@code titles}, keyed by column key;
     * several when the command prints one of them, as squeue prints {@code STEPID} for {@code %i}
     * under {@code -s}) must be printed whole, or cut where its column is full; a column without a
     * known title must hold an upper-case title-like text.
     *
     * @param cells the line split by this layout
     * @param titles the printed titles by column key
     */
    public Column headerMismatch(Cell[] cells, Map<String, List<String>> titles) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String text = cells[i].text().strip(); // titles are padded even between delimiters (sinfo %all: "NODES(A/I) ")
            List<String> known = titles.get(c.key());
            if (known == null) {
                if (!isTitleLike(text)) {
                    return c;
                }
                continue;
            }
            boolean ok = false;
            for (String t : known) {
                if (t.equals(text) || (!text.isEmpty() && cells[i].truncated() && t.startsWith(text))) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether a split line is this format's header, for output read without one: every column as
     * {@link #headerMismatch} wants it, and at least one column with a known title (so a data row
     * of title-like words is not mistaken for it).
     */
    public boolean isHeader(Cell[] cells, Map<String, List<String>> titles) {
        return headerMismatch(cells, titles) == null && columns.stream().anyMatch(c -> titles.containsKey(c.key()));
    }

    /**
     * The reason of a header refusal: which column, what was found, what was expected.
     *
     * @param format the format as given, for the message
     */
    public static String headerReason(String command, String format, Column column, String found, List<String> expected) {
        return "expected the header line of " + command + " format '" + format + "', but column " + column.spec()
                + " reads '" + found + "' where " + (expected == null ? "an upper-case title"
                        : "'" + String.join("' or '", expected) + "'")
                + " belongs (output printed with -h/--noheader? then build the parser withoutHeader())";
    }

    SlurmParseException error(int lineNo, String field, byte[] line, String reason) {
        return new SlurmParseException(command, lineNo, field, Texts.decode(line), reason);
    }

    /** Splits output into lines of bytes (on {@code \n}, dropping a {@code \r} before it). */
    public static List<byte[]> lines(byte[] out) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= out.length; i++) {
            if (i == out.length || out[i] == '\n') {
                int end = i;
                if (end > start && out[end - 1] == '\r') {
                    end--;
                }
                if (i < out.length || end > start) {
                    lines.add(Arrays.copyOfRange(out, start, end));
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableList(lines);
    }

    /** Whether a line is empty or only spaces. */
    public static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
