package io.github.slurm4j.parse.internal;

import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads squeue/sinfo {@code -o} and {@code -O} format strings into a {@link Layout}, and the
 * columns of {@code -o %all} from the header a Slurm version printed ({@link #percentAll}).
 */
public final class Formats {
    /** Width of an {@code -O} field given without one. */
    public static final int DEFAULT_LONG_WIDTH = 20;

    private Formats() {
    }

    /**
     * Reads an {@code -o} format ({@code "%.18i %-8j|%T"}, {@code %#P}). Letters are named through
     * {@code letters} (letter to {@code -O} name); an unknown letter is kept as {@code %X}.
     *
     * @throws IllegalArgumentException for a malformed format
     */
    public static Layout parseShort(String command, String format, Map<Character, String> letters, Set<String> freeText) {
        if (format == null || format.isEmpty()) {
            throw new IllegalArgumentException("empty format");
        }
        StringBuilder literal = new StringBuilder();
        String lead = null;
        List<Column> cols = new ArrayList<>();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char ch = format.charAt(i);
            if (ch != '%') {
                literal.append(ch);
                i++;
                continue;
            }
            if (i + 1 < n && format.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
                continue;
            }
            int start = i;
            i++;
            boolean right = false;
            boolean dynamic = false;
            while (i < n && (format.charAt(i) == '.' || format.charAt(i) == '-' || format.charAt(i) == '#')) {
                if (format.charAt(i) == '.') {
                    right = true;
                } else if (format.charAt(i) == '#') {
                    dynamic = true;
                }
                i++;
            }
            int ws = i;
            while (i < n && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw new IllegalArgumentException("format ends inside a field: '" + format.substring(start) + "'");
            }
            char letter = format.charAt(i);
            if (!Character.isLetter(letter)) {
                throw new IllegalArgumentException("not a field letter '" + letter + "' in '" + format + "'");
            }
            int width = ws == i ? Column.UNBOUNDED : Integer.parseInt(format.substring(ws, i));
            if (dynamic) {
                width = Column.DYNAMIC;
            }
            i++;
            if (lead == null) {
                lead = literal.toString();
            } else {
                Column prev = cols.remove(cols.size() - 1);
                cols.add(prev.withAfter(literal.toString()));
            }
            literal.setLength(0);
            String key = letters.getOrDefault(letter, "%" + letter);
            cols.add(new Column(key, format.substring(start, i), width, right, ""));
        }
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("no field in format '" + format + "'");
        }
        Column lastCol = cols.remove(cols.size() - 1);
        cols.add(lastCol.withAfter(literal.toString()));
        return new Layout(command, lead, cols, freeText);
    }

    /**
     * Reads an {@code -O} format: comma-separated {@code Name[:[.][width][suffix]]}. A field without
     * {@code :} is {@value #DEFAULT_LONG_WIDTH} wide; {@code Name:|} has no width and {@code |} after.
     * Names are matched case-insensitively against {@code names} and reported in its spelling.
     *
     * @throws IllegalArgumentException for a malformed format
     */
    public static Layout parseLong(String command, String format, Set<String> names, Set<String> freeText) {
        return parseLong(command, format, names, Map.of(), freeText);
    }

    /**
     * Like {@link #parseLong(String, String, Set, Set)}, with second spellings: a name matching a
     * key of {@code aliases} (case-insensitively) is reported as its value ({@code gres} →
     * {@code tres-per-node}).
     */
    public static Layout parseLong(String command, String format, Set<String> names, Map<String, String> aliases,
            Set<String> freeText) {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("empty format");
        }
        List<Column> cols = new ArrayList<>();
        for (String item : format.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty field in '" + format + "'");
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon);
            int width = DEFAULT_LONG_WIDTH;
            boolean right = false;
            String suffix = "";
            if (colon >= 0) {
                String rest = item.substring(colon + 1);
                int j = 0;
                if (j < rest.length() && rest.charAt(j) == '.') {
                    right = true;
                    j++;
                }
                int ws = j;
                while (j < rest.length() && Character.isDigit(rest.charAt(j))) {
                    j++;
                }
                width = ws == j ? Column.UNBOUNDED : Integer.parseInt(rest.substring(ws, j));
                suffix = rest.substring(j);
            }
            String key = canonical(name.trim(), names);
            String alias = aliases.get(key.toLowerCase(Locale.ROOT));
            if (alias != null) {
                key = alias;
            }
            cols.add(new Column(key, item, width, right, suffix));
        }
        return new Layout(command, "", cols, freeText);
    }

    private static String canonical(String name, Set<String> names) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).equals(lower)) {
                return n;
            }
        }
        return name;
    }

    /**
     * A field {@code -o %all} may print: its letter and the {@code -O} name its column is reported
     * under. A letter that meant another field in another Slurm version is listed once per meaning
     * (squeue's {@code %s}: {@code SelectJobInfo} in 22.05, {@code SLUID} in 26.05).
     *
     * @param letter the {@code -o} letter
     * @param name the {@code -O} name, the key its value is reported under
     */
    public record AllField(char letter, String name) {
    }

    /**
     * The columns of {@code -o %all}, read off the header line the command printed. squeue and
     * sinfo build {@code %all} from every letter, {@code a} to {@code z} then {@code A} to
     * {@code Z}, skip the letters their version does not know and print each other one under its
     * title, separated by {@code |} ({@code src/squeue/opts.c}, {@code src/sinfo/opts.c}). So one rule reads
     * every version: each title is given, in order, to the next field of {@code fields} that prints
     * it (a field the version does not print is passed over: squeue 24.11 has no {@code %s}, sinfo
     * 24.11 adds {@code %i}). A title-like text that no field prints (a column of a newer Slurm) is
     * a column of its own, keyed by the title as printed, so its values are kept as extras; a title
     * that only an earlier field prints (out of {@code %all}'s order), a text that is not a title
     * (output printed with {@code -h}) and a header with no known title are refused.
     *
     * @param command the command, for errors and the layout
     * @param fields every field {@code %all} may print, in {@code %all}'s order
     * @param titles the printed titles by {@code -O} name
     * @param freeText keys of columns whose values may contain {@code |}
     * @param header the header line's bytes
     * @param lineNo the header's 1-based line number
     * @return the layout: unbounded columns separated by {@code |}
     * @throws SlurmParseException for a header that is not one of {@code %all} (line, column, excerpt)
     */
    public static Layout percentAll(String command, List<AllField> fields, Map<String, List<String>> titles,
            Set<String> freeText, byte[] header, int lineNo) {
        String text = Texts.decode(header);
        String[] printed = text.split("\\|", -1);
        List<Column> cols = new ArrayList<>();
        int next = 0;
        boolean known = false;
        int start = 0;
        int previousStart = 0;
        for (int k = 0; k < printed.length; k++) {
            String title = printed[k].strip();
            String after = k < printed.length - 1 ? "|" : "";
            int found = -1;
            for (int j = next; j < fields.size() && found < 0; j++) {
                if (titles.getOrDefault(fields.get(j).name(), List.of()).contains(title)) {
                    found = j;
                }
            }
            String field = "%all column " + (k + 1);
            if (found >= 0) {
                AllField f = fields.get(found);
                cols.add(new Column(f.name(), "%" + f.letter(), Column.UNBOUNDED, false, after));
                next = found + 1;
                known = true;
            } else if (fields.stream().anyMatch(f -> titles.getOrDefault(f.name(), List.of()).contains(title))) {
                throw new SlurmParseException(command, lineNo, field, text.substring(previousStart),
                        "title '" + title + "' is out of the order of " + command + " -o %all (every letter a to z, then A to Z)");
            } else if (Layout.isTitleLike(title)) {
                cols.add(new Column(title, title, Column.UNBOUNDED, false, after));
            } else {
                throw new SlurmParseException(command, lineNo, field, text.substring(previousStart),
                        "expected the header line of " + command + " -o %all, but '" + title + "' is not a column title "
                                + "(output printed with -h/--noheader? then build the parser withoutHeader())");
            }
            previousStart = start;
            start += printed[k].length() + 1;
        }
        if (!known) {
            throw new SlurmParseException(command, lineNo, "header", text,
                    "expected the header line of " + command + " -o %all, but no title is one " + command + " prints");
        }
        return new Layout(command, "", cols, freeText, true);
    }
}
