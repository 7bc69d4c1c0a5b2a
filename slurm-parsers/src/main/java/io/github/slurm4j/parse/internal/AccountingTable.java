package io.github.slurm4j.parse.internal;

import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.AccountingValues;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tables of sacct and sstat into {@link AccountingValues}: parsable ({@code -P}, or
 * {@code -p} with a trailing delimiter) with or without header, and fixed-width with a ruler or with
 * widths given by the format.
 *
 * <p><b>Surplus fields.</b> Slurm does not escape the delimiter inside values, so a job name or a
 * comment containing {@code |} makes a row with too many fields. The surplus is given back to a
 * free-text column ({@link AccountingField.Kind#TEXT}) only when exactly one placement is
 * consistent: every other column must then hold a valid value of its type. When no placement or
 * several placements fit, the row is refused with a {@link SlurmParseException}: values are never
 * shifted silently. A caller that knows which column may hold the delimiter narrows the
 * candidates with {@code absorbing}; using a delimiter that cannot occur ({@code --delimiter}) avoids
 * the question.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountingTable {
    private final String command;
    private final String delimiter;
    private final List<String> fields;
    private final List<Integer> widths;
    private final Set<String> absorbing;
    private final boolean trailingWithoutHeader;

    /**
     * @param command the command name used in errors ({@code sacct}, {@code sstat})
     * @param delimiter the parsable delimiter, or {@code null} for fixed-width output
     * @param fields the field names when the output has no header, or {@code null} to read the header
     * @param widths the fixed widths when fixed-width output has no header, else {@code null}
     * @param absorbing the columns that may hold the delimiter (lower case), or {@code null} for
     *     every free-text column
     * @param trailingWithoutHeader whether headerless parsable rows end with the delimiter ({@code -p});
     *     with a header, the header says
     */
    public AccountingTable(String command, String delimiter, List<String> fields, List<Integer> widths,
            Set<String> absorbing, boolean trailingWithoutHeader) {
        this.trailingWithoutHeader = trailingWithoutHeader;
        this.command = command;
        this.delimiter = delimiter;
        this.fields = fields == null ? null : List.copyOf(fields);
        this.widths = widths == null ? null : List.copyOf(widths);
        this.absorbing = absorbing == null ? null : Set.copyOf(absorbing);
        if (delimiter != null && delimiter.isEmpty()) {
            throw new IllegalArgumentException("empty delimiter");
        }
        if (this.fields != null && this.fields.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        if (this.widths != null && (this.fields == null || this.widths.size() != this.fields.size())) {
            throw new IllegalArgumentException("one width per field is needed");
        }
    }

    public List<AccountingValues> read(String text) {
        if (delimiter == null) {
            return readFixed(TextTable.lines(text.getBytes(StandardCharsets.UTF_8)));
        }
        return readDelimited(TextTable.lines(text));
    }

    public List<AccountingValues> read(byte[] bytes) {
        if (delimiter == null) {
            return readFixed(TextTable.lines(bytes));
        }
        return readDelimited(TextTable.lines(Texts.decode(bytes)));
    }

    // ---- parsable ----

    private List<AccountingValues> readDelimited(List<String> lines) {
        List<AccountingValues> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size()) {
            return out;
        }
        List<String> names;
        boolean trailing;
        if (fields == null) {
            String header = lines.get(i);
            trailing = header.endsWith(delimiter);
            String body = trailing ? header.substring(0, header.length() - delimiter.length()) : header;
            names = TextTable.split(body, delimiter);
            for (String n : names) {
                if (n.isBlank()) {
                    throw new SlurmParseException(command, i + 1, null, header, "empty field name in header");
                }
            }
            checkHeader(names, i + 1, header);
            i++;
        } else {
            names = fields;
            trailing = trailingWithoutHeader;
            String first = lines.get(i);
            String body = trailing && first.endsWith(delimiter) ? first.substring(0, first.length() - delimiter.length()) : first;
            refuseHeader(TextTable.split(body, delimiter), i + 1, first);
        }
        AccountingField[] known = lookup(names);
        boolean joins = isControlDelimiter(delimiter);
        int expected = names.size() - 1 + (trailing ? 1 : 0);
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (joins) {
                // a value holding a line break: the row goes on until it has every delimiter
                // (joined once and counted line by line: linear however many lines it takes)
                int n = count(line, delimiter);
                if (n < expected && i + 1 < lines.size()) {
                    StringBuilder joined = new StringBuilder(line);
                    while (n < expected && i + 1 < lines.size()) {
                        i++;
                        joined.append('\n').append(lines.get(i));
                        n += count(lines.get(i), delimiter);
                    }
                    line = joined.toString();
                }
                if (n < expected) {
                    throw new SlurmParseException(command, lineNo, null, line, "row ends with fewer '" + delimiter
                            + "' than the header has");
                }
                if (n > expected && i + 1 > lineNo) {
                    throw new SlurmParseException(command, lineNo, null, line, "row goes on over a line break and "
                            + "then has more '" + delimiter + "' than the header: a value holds the delimiter and a "
                            + "line break; refused as ambiguous");
                }
            }
            String body = line;
            if (trailing) {
                if (!line.endsWith(delimiter)) {
                    throw new SlurmParseException(command, i + 1, null, line, "row does not end with the delimiter '" + delimiter + "' as the header does");
                }
                body = line.substring(0, line.length() - delimiter.length());
            }
            List<String> pieces = TextTable.split(body, delimiter);
            List<String> values = place(names, known, pieces, lineNo, line);
            out.add(build(names, known, values, Collections.emptySet(), lineNo, line));
        }
        return out;
    }

    /** A field name as sacct and sstat print them in a header; {@code +} ends one cut by its width. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*\\+?");

    /**
     * Refuses a line read as the header that is not one: every name must look like a field name
     * and at least one must be a field slurm4j knows. The first row of output printed with
     * {@code -n} is neither, and reading it as the header would lose it.
     */
    private void checkHeader(List<String> names, int lineNo, String line) {
        boolean known = false;
        for (String n : names) {
            String name = n.strip();
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new SlurmParseException(command, lineNo, "header", line, "expected the header line of " + command
                        + " (field names such as JobID|State), but '" + name + "' is not a field name "
                        + "(output printed with -n/--noheader? then give the parser its -o fields)");
            }
            known |= AccountingField.lookup(name) != null;
        }
        if (!known) {
            throw new SlurmParseException(command, lineNo, "header", line, "expected the header line of " + command
                    + ", but none of its names is a known field (output printed with -n/--noheader? then give the "
                    + "parser its -o fields)");
        }
    }

    /**
     * Refuses output read without header whose first line is the header of the expected fields (a
     * name cut by its width ends with {@code +}): read as a row, it would be a phantom job.
     */
    private void refuseHeader(List<String> cells, int lineNo, String line) {
        if (cells.size() != fields.size()) {
            return;
        }
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).strip().toLowerCase(Locale.ROOT);
            String name = fields.get(c).strip().toLowerCase(Locale.ROOT);
            AccountingField f = AccountingField.lookup(name);
            boolean same = cell.equals(name) || (f != null && f == AccountingField.lookup(cell))
                    || (cell.length() > 1 && cell.endsWith("+") && name.startsWith(cell.substring(0, cell.length() - 1)));
            if (!same) {
                return;
            }
        }
        throw new SlurmParseException(command, lineNo, "header", line, "expected rows of " + command + " -o "
                + String.join(",", fields) + " printed with -n/--noheader, but the output starts with its header line "
                + "(read it with a parser that expects the header)");
    }

    /**
     * Whether rows may go on over line breaks: only with a delimiter of control characters (such
     * as U+001F), which no value holds by accident; with {@code |} a short row stays an error.
     */
    static boolean isControlDelimiter(String delimiter) {
        if (delimiter.isEmpty()) {
            return false;
        }
        for (int k = 0; k < delimiter.length(); k++) {
            char c = delimiter.charAt(k);
            if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static int count(String line, String delimiter) {
        int n = 0;
        for (int k = line.indexOf(delimiter); k >= 0; k = line.indexOf(delimiter, k + delimiter.length())) {
            n++;
        }
        return n;
    }

    private List<String> place(List<String> names, AccountingField[] known, List<String> pieces, int lineNo, String line) {
        int n = names.size();
        if (pieces.size() == n) {
            return pieces;
        }
        if (pieces.size() < n) {
            throw new SlurmParseException(command, lineNo, names.get(pieces.size()), line,
                    "row has " + pieces.size() + " fields, the header " + n);
        }
        int surplus = pieces.size() - n;
        List<List<String>> fits = new ArrayList<>();
        List<String> fitNames = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (known[c] == null || !known[c].isFreeText()) {
                continue;
            }
            if (absorbing != null && !absorbing.contains(names.get(c).trim().toLowerCase(Locale.ROOT))) {
                continue;
            }
            candidates.add(names.get(c));
            List<String> v = new ArrayList<>(n);
            for (int j = 0; j < c; j++) {
                v.add(pieces.get(j));
            }
            v.add(String.join(delimiter, pieces.subList(c, c + surplus + 1)));
            for (int j = c + surplus + 1; j < pieces.size(); j++) {
                v.add(pieces.get(j));
            }
            if (consistent(known, v)) {
                fits.add(v);
                fitNames.add(names.get(c));
            }
        }
        if (fits.size() == 1) {
            return fits.get(0);
        }
        if (fits.isEmpty()) {
            throw new SlurmParseException(command, lineNo, candidates.isEmpty() ? null : String.join(",", candidates), line,
                    "row has " + pieces.size() + " fields, the header " + n + ", and no free-text column can hold the surplus '"
                            + delimiter + "'");
        }
        throw new SlurmParseException(command, lineNo, String.join(",", fitNames), line,
                "row has " + pieces.size() + " fields, the header " + n + ": the surplus '" + delimiter
                        + "' fits in several free-text columns; refusing to guess (narrow the absorbing columns or use another delimiter)");
    }

    private static boolean consistent(AccountingField[] known, List<String> values) {
        for (int j = 0; j < known.length; j++) {
            if (known[j] == null || known[j].isFreeText()) {
                continue;
            }
            try {
                known[j].parseValue(values.get(j));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    // ---- fixed width ----

    private List<AccountingValues> readFixed(List<byte[]> lines) {
        List<AccountingValues> out = new ArrayList<>();
        List<TextTable.Span> spans;
        List<String> names;
        List<Boolean> left = null;
        int first;
        if (widths == null) {
            int start = 0;
            while (start < lines.size() && TextTable.isBlank(lines.get(start))) {
                start++;
            }
            if (start == lines.size()) {
                return out;
            }
            if (start + 1 >= lines.size() || !TextTable.isRuler(lines.get(start + 1))) {
                throw new SlurmParseException(command, start + 1, null, Texts.decode(lines.get(start)),
                        "fixed-width output without the '---- ----' line under its header");
            }
            spans = TextTable.spans(lines.get(start + 1));
            String headerText = Texts.decode(lines.get(start));
            List<TextTable.Cell> header = TextTable.cut(lines.get(start), spans, null, command, start + 1, headerText);
            names = new ArrayList<>();
            left = new ArrayList<>();
            for (TextTable.Cell c : header) {
                String name = c.text().trim();
                if (c.truncated()) {
                    name = resolveCutName(name);
                }
                names.add(name);
                left.add(!c.text().startsWith(" "));
            }
            checkHeader(names, start + 1, headerText);
            first = start + 2;
        } else {
            spans = TextTable.spansOf(widths);
            names = fields;
            first = 0;
            int start = 0;
            while (start < lines.size() && TextTable.isBlank(lines.get(start))) {
                start++;
            }
            if (start < lines.size()) {
                String text = Texts.decode(lines.get(start));
                List<String> cells = new ArrayList<>();
                for (TextTable.Cell c : TextTable.cut(lines.get(start), spans, null, command, start + 1, text)) {
                    cells.add(c.text());
                }
                refuseHeader(cells, start + 1, text);
            }
        }
        AccountingField[] known = lookup(names);
        for (int i = first; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (TextTable.isBlank(line)) {
                continue;
            }
            String text = Texts.decode(line);
            List<TextTable.Cell> cells = TextTable.cut(line, spans, left, command, i + 1, text);
            List<String> values = new ArrayList<>(cells.size());
            Set<String> cut = new LinkedHashSet<>();
            for (int c = 0; c < cells.size(); c++) {
                values.add(cells.get(c).text().trim());
                if (cells.get(c).truncated()) {
                    cut.add(names.get(c));
                }
            }
            out.add(build(names, known, values, cut, i + 1, text));
        }
        return out;
    }

    /** A header name cut by its width ({@code MaxVMSizeN+}): the one known field it starts, else as printed. */
    private static String resolveCutName(String printed) {
        String prefix = printed.substring(0, printed.length() - 1).toLowerCase(Locale.ROOT);
        AccountingField match = null;
        for (AccountingField f : AccountingField.values()) {
            if (f.header().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                if (match != null) {
                    return printed;
                }
                match = f;
            }
        }
        return match == null ? printed : match.header();
    }

    // ---- rows ----

    private static AccountingField[] lookup(List<String> names) {
        AccountingField[] known = new AccountingField[names.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = AccountingField.lookup(names.get(i));
        }
        return known;
    }

    private AccountingValues build(List<String> names, AccountingField[] known, List<String> values, Set<String> cut,
            int lineNo, String line) {
        Map<AccountingField, Object> typed = new EnumMap<>(AccountingField.class);
        Map<String, String> extras = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            String raw = values.get(j);
            if (known[j] == null) {
                extras.put(names.get(j), raw);
                continue;
            }
            if (cut.contains(names.get(j))) {
                continue;
            }
            Object v;
            try {
                v = known[j].parseValue(raw);
            } catch (IllegalArgumentException e) {
                throw new SlurmParseException(command, lineNo, names.get(j), line, e.getMessage(), e);
            }
            if (v != null) {
                typed.put(known[j], v);
            }
        }
        return new AccountingValues(names, values, typed, cut, extras);
    }
}
