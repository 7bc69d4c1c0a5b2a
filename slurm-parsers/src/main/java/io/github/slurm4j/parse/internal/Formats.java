package io.github.slurm4j.parse.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads squeue/sinfo {@code -o} and {@code -O} format strings into a {@link Layout}. */
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
}
