package io.github.slurm4j.model.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One generic resource of a {@code Gres=}, {@code GresUsed=} or {@code GRES=} value:
 * {@code gpu:a100:4(S:0-1)}, {@code gpu:2}, {@code gpu:1(IDX:0)}, {@code gpu:a100:0(IDX:N/A)}.
 *
 * @param name the GRES name ({@code gpu}); never null
 * @param type the type ({@code a100}), or null when untyped
 * @param count the count; 1 when the spec names no count
 * @param indexes the device indexes after {@code IDX:} ({@code 0-1,3}), or null when not printed;
 *     {@code N/A} is kept as printed
 * @param sockets the socket binding after {@code S:}, or null
 * @param raw the item as printed
 */
public record GresItem(String name, String type, long count, String indexes, String sockets, String raw) {
    /**
     * Checks the name and count.
     *
     * @param name the GRES name ({@code gpu}); never null
     * @param type the type ({@code a100}), or null when untyped
     * @param count the count; 1 when the spec names no count
     * @param indexes the device indexes after {@code IDX:} ({@code 0-1,3}), or null when not printed;
     *     {@code N/A} is kept as printed
     * @param sockets the socket binding after {@code S:}, or null
     * @param raw the item as printed
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public GresItem {
        Objects.requireNonNull(name, "name");
        if (count < 0) {
            throw new IllegalArgumentException("negative GRES count in '" + raw + "'");
        }
    }

    /**
     * Parses a comma list of GRES. {@code (null)}, {@code N/A} and the empty string give an empty
     * list. Commas inside parentheses ({@code gpu:2(IDX:0,2)}) do not split.
     *
     * @param text the value as printed ({@code gpu:a100:2(S:0),shard:4}); may be null
     * @return the items in printed order; unmodifiable
     * @throws IllegalArgumentException when an item has no name or a bad count
     */
    public static List<GresItem> parseList(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty() || s.equals("(null)") || s.equals("N/A")) {
            return List.of();
        }
        List<GresItem> items = new ArrayList<>(2);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? ',' : s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth <= 0) {
                items.add(parse(s.substring(start, i)));
                start = i + 1;
            }
        }
        return List.copyOf(items);
    }

    /**
     * Parses one item. The TRES spelling {@code gres/gpu} gives the name {@code gpu}; a count may
     * carry a {@code K}, {@code M} or {@code G} suffix (binary: K = 1024).
     *
     * @param text one item, {@code gpu:a100:4(S:0-1)}, {@code gpu:1(IDX:0)}, {@code gpu}
     * @return the item; {@link #raw()} is the trimmed text
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException for unbalanced parentheses, a missing name or a negative count
     */
    public static GresItem parse(String text) {
        String s = Objects.requireNonNull(text, "text").trim();
        String base = s;
        String idx = null;
        String sockets = null;
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = s.lastIndexOf(')');
            if (close < open) {
                throw new IllegalArgumentException("unbalanced parentheses in GRES '" + text + "'");
            }
            base = s.substring(0, open);
            for (String part : s.substring(open + 1, close).split(",(?=[A-Za-z]+:)")) {
                if (part.startsWith("IDX:")) {
                    idx = part.substring(4);
                } else if (part.startsWith("S:")) {
                    sockets = part.substring(2);
                }
            }
        }
        String[] parts = base.split(":", -1);
        if (parts[0].isEmpty()) {
            throw new IllegalArgumentException("GRES without a name: '" + text + "'");
        }
        String name = parts[0];
        // gres/gpu (TRES spelling) -> gpu
        if (name.startsWith("gres/")) {
            name = name.substring(5);
        }
        String type = null;
        long count = 1;
        if (parts.length >= 2) {
            String last = parts[parts.length - 1];
            Long n = count(last);
            if (n != null) {
                count = n;
                if (parts.length >= 3) {
                    type = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
                }
            } else {
                type = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length));
            }
        }
        return new GresItem(name, type, count, idx, sockets, s);
    }

    private static Long count(String s) {
        if (s.isEmpty()) {
            return null;
        }
        long mult = 1;
        String digits = s;
        char last = s.charAt(s.length() - 1);
        if (last == 'K' || last == 'k') {
            mult = 1024;
        } else if (last == 'M' || last == 'm') {
            mult = 1024L * 1024;
        } else if (last == 'G' || last == 'g') {
            mult = 1024L * 1024 * 1024;
        }
        if (mult > 1) {
            digits = s.substring(0, s.length() - 1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(digits) * mult;
    }

    @Override
    public String toString() {
        return raw;
    }
}
