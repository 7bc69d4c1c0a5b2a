package io.github.slurm4j.parse;

import io.github.slurm4j.model.SlurmTable;
import io.github.slurm4j.parse.internal.TextTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the report tables of Slurm's accounting tools into a {@link SlurmTable}: {@code sacctmgr}
 * ({@code -P} and fixed-width {@code list users}, {@code show cluster}), {@code sshare} (default
 * and {@code -P}), {@code sprio -w}, {@code sreport cluster utilization}.
 *
 * <p>Three layouts, each an immutable parser:
 * <ul>
 * <li>{@link #parsable(String)}: a header line and rows split at {@code |} (a trailing {@code |}
 *     as {@code -p} prints is accepted); a row with another number of fields is refused;</li>
 * <li>{@link #fixedWidth(String)}: a header over a {@code ---- ----} ruler whose dash groups give
 *     the byte widths; lines before the header (sreport's title) are kept as the preamble; a cut
 *     value ending in {@code +} is flagged;</li>
 * <li>{@link #headerAligned(String)}: a header without ruler ({@code sprio -w}): each value belongs to
 *     the header word it lies under.</li>
 * </ul>
 * Cells of left-aligned columns (the header starts at the column's first byte) keep their leading
 * spaces, as sshare indents accounts by depth; other cells are trimmed.
 *
 * <p>A line is read as the header only if it is one: every title holds a letter (a data row of
 * sshare or sprio has numbers and empty cells), and, when the parser knows the field list the
 * command ran with ({@link #withColumns}), each title is that field's name or its abbreviation
 * ({@code DefaultAccount} prints {@code Def Acct}). Without the field list, a data row whose every
 * cell holds a letter ({@code alice|physics|normal}) cannot be told from a header and is read as
 * one: give the parser its field list wherever the command's fields are known. Parsable output printed with {@code -n}
 * ({@link #withoutHeader}) must not start with that header. sreport's {@code -P} output starts with
 * a title between two dashed lines: it becomes the {@linkplain SlurmTable#preamble() preamble}.
 */
public final class SlurmTableParser {
    private enum Layout { PARSABLE, FIXED, ALIGNED }

    private final String command;
    private final Layout layout;
    private final String delimiter;
    private final List<String> fields;
    private final boolean header;
    private final boolean trailing;

    private SlurmTableParser(String command, Layout layout, String delimiter, List<String> fields, boolean header,
            boolean trailing) {
        this.command = Objects.requireNonNull(command, "command");
        this.layout = layout;
        this.delimiter = delimiter;
        this.fields = fields;
        this.header = header;
        this.trailing = trailing;
    }

    /**
     * {@code -P}/{@code -p} output with its header.
     *
     * @param command the command, as errors name it ({@code sacctmgr list users}); not null
     * @return the parser
     * @throws NullPointerException if {@code command} is null
     */
    public static SlurmTableParser parsable(String command) {
        return new SlurmTableParser(command, Layout.PARSABLE, "|", null, true, false);
    }

    /**
     * Fixed-width output with a header over a {@code ---- ----} ruler.
     *
     * @param command the command, as errors name it; not null
     * @return the parser
     * @throws NullPointerException if {@code command} is null
     */
    public static SlurmTableParser fixedWidth(String command) {
        return new SlurmTableParser(command, Layout.FIXED, null, null, true, false);
    }

    /**
     * Space-aligned output with a header and no ruler ({@code sprio -w}).
     *
     * @param command the command, as errors name it; not null
     * @return the parser
     * @throws NullPointerException if {@code command} is null
     */
    public static SlurmTableParser headerAligned(String command) {
        return new SlurmTableParser(command, Layout.ALIGNED, null, null, true, false);
    }

    /**
     * The same parsable parser for another delimiter ({@code sacctmgr --delimiter}).
     *
     * @param delimiter the delimiter the command printed; not empty
     * @return a new parser; this one is unchanged
     * @throws IllegalArgumentException for a null or empty delimiter, or a parser that is not parsable
     */
    public SlurmTableParser withDelimiter(String delimiter) {
        if (layout != Layout.PARSABLE || delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("a non-empty delimiter applies to parsable output only");
        }
        return new SlurmTableParser(command, layout, delimiter, fields, header, trailing);
    }

    /**
     * The same parser for output of these fields, in order (the {@code format=} or {@code -o} list,
     * {@code %width} suffixes allowed): a header line must name them.
     *
     * @param fields the field names as given to the command; not null, not empty
     * @return a new parser; this one is unchanged
     * @throws IllegalArgumentException for an empty list or an empty field name
     */
    public SlurmTableParser withColumns(List<String> fields) {
        List<String> names = new ArrayList<>();
        for (String f : Objects.requireNonNull(fields, "fields")) {
            int pct = f.indexOf('%');
            String name = (pct < 0 ? f : f.substring(0, pct)).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty field in " + fields);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        return new SlurmTableParser(command, layout, delimiter, List.copyOf(names), header, trailing);
    }

    /**
     * The same parsable parser for output printed without header ({@code -n}/{@code --noheader}); its
     * columns are the fields given to {@link #withColumns}.
     *
     * @param trailingDelimiter whether every row ends with the delimiter ({@code -p}, not {@code -P})
     * @return a new parser; this one is unchanged
     * @throws IllegalStateException for a layout other than parsable, or without the field list
     */
    public SlurmTableParser withoutHeader(boolean trailingDelimiter) {
        if (layout != Layout.PARSABLE || fields == null) {
            throw new IllegalStateException("output without header is read for parsable output with its field list only");
        }
        return new SlurmTableParser(command, layout, delimiter, fields, false, trailingDelimiter);
    }

    /**
     * Parses decoded output, encoded back to UTF-8; see {@link #parse(byte[])}.
     *
     * @param output the command's standard output; not null
     * @return the table
     * @throws SlurmParseException as {@link #parse(byte[])}
     */
    public SlurmTable parse(String output) {
        return parse(Objects.requireNonNull(output, "output").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the output in this parser's layout.
     *
     * @param output the command's standard output as bytes (fixed widths count bytes); not null
     * @return the table: preamble, columns and rows
     * @throws SlurmParseException for a row with the wrong number of fields, a header that is not
     *     the expected one, or (built {@link #withoutHeader}) output that starts with the header
     */
    public SlurmTable parse(byte[] output) {
        Objects.requireNonNull(output, "output");
        switch (layout) {
            case PARSABLE:
                return parsable(TextTable.lines(Texts.decode(output)));
            case FIXED:
                return fixed(TextTable.lines(output));
            default:
                return aligned(TextTable.lines(output));
        }
    }

    private SlurmTable parsable(List<String> lines) {
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<String> preamble = new ArrayList<>();
        if (header && i < lines.size() && isBanner(lines.get(i))) {
            // sreport: a title between two dashed lines, then the header
            int end = i + 1;
            while (end < lines.size() && !isBanner(lines.get(end))) {
                end++;
            }
            if (end == lines.size()) {
                throw new SlurmParseException(command, i + 1, null, lines.get(i),
                        "a dashed line before the header that no second dashed line closes");
            }
            for (int k = i + 1; k < end; k++) {
                if (!lines.get(k).isBlank()) {
                    preamble.add(lines.get(k).strip());
                }
            }
            i = end + 1;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
        }
        if (i == lines.size()) {
            return new SlurmTable(preamble, fields == null || header ? List.of() : fields, List.of());
        }
        boolean trailing;
        List<String> columns;
        if (header) {
            String headerLine = lines.get(i);
            trailing = headerLine.endsWith(delimiter);
            columns = TextTable.split(strip(headerLine, trailing), delimiter);
            checkHeader(columns, i + 1, headerLine);
            i++;
        } else {
            trailing = this.trailing;
            columns = fields;
            String first = lines.get(i);
            List<String> cells = TextTable.split(trailing && first.endsWith(delimiter) ? strip(first, true) : first, delimiter);
            if (cells.size() == fields.size() && names(cells, fields)) {
                throw new SlurmParseException(command, i + 1, "header", first, "expected rows of " + String.join(delimiter, fields)
                        + " printed with -n/--noheader, but the output starts with their header line "
                        + "(read it with a parser that expects the header)");
            }
        }
        List<SlurmTable.Row> rows = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (trailing && !line.endsWith(delimiter)) {
                throw new SlurmParseException(command, i + 1, null, line, "row does not end with '" + delimiter + "' as the header does");
            }
            List<String> cells = TextTable.split(strip(line, trailing), delimiter);
            if (cells.size() != columns.size()) {
                throw new SlurmParseException(command, i + 1, cells.size() > columns.size() ? null : columns.get(cells.size()), line,
                        "row has " + cells.size() + " fields, the header " + columns.size());
            }
            rows.add(new SlurmTable.Row(cells, Set.of()));
        }
        return new SlurmTable(preamble, columns, rows);
    }

    /** sreport's banner: a line of dashes only. */
    private static boolean isBanner(String line) {
        String s = line.strip();
        return s.length() >= 3 && s.chars().allMatch(ch -> ch == '-');
    }

    /**
     * Refuses a line read as the header that is not one: a title without a letter (a number, an
     * empty cell) is data, and with the field list known every title must name its field.
     */
    private void checkHeader(List<String> titles, int lineNo, String line) {
        for (String t : titles) {
            if (t.chars().noneMatch(Character::isLetter)) {
                throw new SlurmParseException(command, lineNo, "header", line, "expected the header line of " + command
                        + ", but '" + t + "' is no column title (output printed with -n/--noheader? then give the "
                        + "parser its field list and read it withoutHeader)");
            }
        }
        if (fields != null && !(titles.size() == fields.size() && names(titles, fields))) {
            throw new SlurmParseException(command, lineNo, "header", line, "expected the header line of " + command
                    + " naming " + String.join(",", fields) + " (output printed with -n/--noheader? then read it "
                    + "withoutHeader)");
        }
    }

    /** Whether each title names its field: equal or an abbreviation, letters and digits compared in order, case aside. */
    static boolean names(List<String> titles, List<String> fields) {
        for (int c = 0; c < titles.size(); c++) {
            String t = alnum(titles.get(c));
            String f = alnum(fields.get(c));
            if (t.isEmpty() || f.isEmpty() || !(subsequence(t, f) || subsequence(f, t))) {
                return false;
            }
        }
        return true;
    }

    private static String alnum(String s) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    /** Whether {@code a}'s characters occur in {@code b} in order. */
    private static boolean subsequence(String a, String b) {
        int j = 0;
        for (int k = 0; k < b.length() && j < a.length(); k++) {
            if (b.charAt(k) == a.charAt(j)) {
                j++;
            }
        }
        return j == a.length();
    }

    private String strip(String line, boolean trailing) {
        return trailing ? line.substring(0, line.length() - delimiter.length()) : line;
    }

    private SlurmTable fixed(List<byte[]> lines) {
        int ruler = TextTable.findRuler(lines);
        if (ruler < 0) {
            if (lines.stream().allMatch(TextTable::isBlank)) {
                return new SlurmTable(List.of(), List.of(), List.of());
            }
            throw new SlurmParseException(command, 1, null, lines.isEmpty() ? "" : Texts.decode(lines.get(0)),
                    "no '---- ----' line under a header");
        }
        List<String> preamble = new ArrayList<>();
        for (int i = 0; i < ruler - 1; i++) {
            if (!TextTable.isBlank(lines.get(i)) && !TextTable.isRuler(lines.get(i))) {
                preamble.add(Texts.decode(lines.get(i)).strip());
            }
        }
        List<TextTable.Span> spans = TextTable.spans(lines.get(ruler));
        byte[] headerLine = lines.get(ruler - 1);
        List<TextTable.Cell> header = TextTable.cut(headerLine, spans, null, command, ruler, Texts.decode(headerLine));
        List<String> columns = new ArrayList<>();
        List<Boolean> left = new ArrayList<>();
        for (TextTable.Cell c : header) {
            columns.add(c.text().strip());
            left.add(!c.text().isEmpty() && c.text().charAt(0) != ' ');
        }
        checkHeader(columns, ruler, Texts.decode(headerLine));
        List<SlurmTable.Row> rows = new ArrayList<>();
        for (int i = ruler + 1; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (TextTable.isBlank(line)) {
                continue;
            }
            List<TextTable.Cell> cells = TextTable.cut(line, spans, left, command, i + 1, Texts.decode(line));
            List<String> values = new ArrayList<>();
            Set<Integer> cut = new LinkedHashSet<>();
            for (int c = 0; c < cells.size(); c++) {
                String t = cells.get(c).text();
                values.add(left.get(c) ? t.stripTrailing() : t.strip());
                if (cells.get(c).truncated()) {
                    cut.add(c);
                }
            }
            rows.add(new SlurmTable.Row(values, cut));
        }
        return new SlurmTable(preamble, columns, rows);
    }

    private SlurmTable aligned(List<byte[]> lines) {
        int h = 0;
        while (h < lines.size() && TextTable.isBlank(lines.get(h))) {
            h++;
        }
        if (h == lines.size()) {
            return new SlurmTable(List.of(), List.of(), List.of());
        }
        List<int[]> words = words(lines.get(h));
        List<String> columns = new ArrayList<>();
        for (int[] w : words) {
            columns.add(new String(lines.get(h), w[0], w[1] - w[0], StandardCharsets.UTF_8));
        }
        checkHeader(columns, h + 1, Texts.decode(lines.get(h)));
        List<SlurmTable.Row> rows = new ArrayList<>();
        for (int i = h + 1; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (TextTable.isBlank(line)) {
                continue;
            }
            String[] values = new String[words.size()];
            for (int[] t : words(line)) {
                int col = -1;
                for (int c = 0; c < words.size(); c++) {
                    int[] w = words.get(c);
                    if (t[0] < w[1] && w[0] < t[1]) {
                        if (col >= 0) {
                            col = -2;
                            break;
                        }
                        col = c;
                    }
                }
                String text = Texts.decode(java.util.Arrays.copyOfRange(line, t[0], t[1]));
                if (col < 0 || values[col] != null) {
                    throw new SlurmParseException(command, i + 1, col >= 0 ? columns.get(col) : null, Texts.decode(line),
                            "value '" + text + "' does not lie under exactly one header word");
                }
                values[col] = text;
            }
            List<String> row = new ArrayList<>();
            for (String v : values) {
                row.add(v == null ? "" : v);
            }
            rows.add(new SlurmTable.Row(row, Collections.emptySet()));
        }
        return new SlurmTable(List.of(), columns, rows);
    }

    private static List<int[]> words(byte[] line) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < line.length) {
            if (line[i] == ' ' || line[i] == '\t') {
                i++;
                continue;
            }
            int s = i;
            while (i < line.length && line[i] != ' ' && line[i] != '\t') {
                i++;
            }
            out.add(new int[] {s, i});
        }
        return out;
    }
}
