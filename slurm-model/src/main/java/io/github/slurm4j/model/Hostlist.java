package io.github.slurm4j.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slurm hostlist expressions: {@code gpu[01-04,07]}, {@code node[0001-0010]-int},
 * {@code rack[1-2]-n[01-02]}, {@code a,b[1-3]}.
 *
 * <p>{@link #expand} turns an expression into host names in Slurm's order; {@link #compress} turns
 * host names into the canonical expression (hosts grouped by prefix and suffix around their last
 * run of digits, numbers sorted, consecutive numbers of the same zero-padding joined into ranges).
 * For a canonical expression {@code compress(expand(x)).equals(x)}.
 */
public final class Hostlist {
    /** Guards against expressions such as {@code n[0-999999999]}. */
    public static final int MAX_HOSTS = 1_000_000;

    private Hostlist() {
    }

    /**
     * Expands a hostlist expression. {@code null}, an empty string and {@code (null)} give an empty
     * list.
     *
     * @param expression the expression, surrounding spaces ignored; may be null
     * @return the host names in Slurm's order, duplicates kept; a new modifiable list
     * @throws IllegalArgumentException if the expression is malformed or names more than
     *     {@link #MAX_HOSTS} hosts
     */
    public static List<String> expand(String expression) {
        List<String> hosts = new ArrayList<>();
        if (expression == null) {
            return hosts;
        }
        String expr = expression.trim();
        if (expr.isEmpty() || expr.equals("(null)")) {
            return hosts;
        }
        for (String part : splitTopLevel(expr, expression)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty host name in hostlist '" + expression + "'");
            }
            expandPart(part, 0, new StringBuilder(), hosts, expression);
        }
        return hosts;
    }

    private static List<String> splitTopLevel(String expr, String original) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '[') {
                if (++depth > 1) {
                    throw new IllegalArgumentException("nested '[' in hostlist '" + original + "'");
                }
            } else if (c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("unbalanced ']' in hostlist '" + original + "'");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(expr.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '[' in hostlist '" + original + "'");
        }
        parts.add(expr.substring(start));
        return parts;
    }

    private static void expandPart(String part, int from, StringBuilder prefix, List<String> out, String original) {
        int open = part.indexOf('[', from);
        if (open < 0) {
            out.add(prefix + part.substring(from));
            if (out.size() > MAX_HOSTS) {
                throw new IllegalArgumentException("hostlist names more than " + MAX_HOSTS + " hosts: '" + original + "'");
            }
            return;
        }
        int close = part.indexOf(']', open);
        String head = part.substring(from, open);
        String body = part.substring(open + 1, close);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty range '[]' in hostlist '" + original + "'");
        }
        for (String range : body.split(",", -1)) {
            int dash = range.indexOf('-');
            String lo = dash < 0 ? range : range.substring(0, dash);
            String hi = dash < 0 ? range : range.substring(dash + 1);
            if (!isDigits(lo) || !isDigits(hi)) {
                throw new IllegalArgumentException("bad range '" + range + "' in hostlist '" + original + "'");
            }
            long a = Long.parseLong(lo);
            long b = Long.parseLong(hi);
            if (b < a) {
                throw new IllegalArgumentException("descending range '" + range + "' in hostlist '" + original + "'");
            }
            if (b - a >= MAX_HOSTS) {
                throw new IllegalArgumentException("hostlist names more than " + MAX_HOSTS + " hosts: '" + original + "'");
            }
            int width = lo.length();
            for (long n = a; n <= b; n++) {
                int mark = prefix.length();
                prefix.append(head).append(pad(n, width));
                expandPart(part, close + 1, prefix, out, original);
                prefix.setLength(mark);
            }
        }
    }

    /**
     * Compresses host names into a canonical hostlist expression. Duplicates are dropped. Hosts
     * without digits are listed as they are.
     *
     * @param hosts the host names, in any order; null and empty names are skipped
     * @return the expression ({@code node[01-03,07]}); {@code ""} for no hosts
     */
    public static String compress(Collection<String> hosts) {
        // group key: prefix + '\u0000' + suffix, in order of first appearance
        Map<String, TreeMap<Long, List<String>>> groups = new LinkedHashMap<>();
        for (String host : hosts) {
            if (host == null || host.isEmpty()) {
                continue;
            }
            int end = host.length();
            while (end > 0 && !isAsciiDigit(host.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isAsciiDigit(host.charAt(start - 1))) {
                start--;
            }
            if (end == 0 || end - start > 18) {
                groups.computeIfAbsent(host + "\u0001", k -> new TreeMap<>());
                continue;
            }
            String key = host.substring(0, start) + '\u0000' + host.substring(end);
            String digits = host.substring(start, end);
            List<String> spellings = groups.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(Long.parseLong(digits), k -> new ArrayList<>());
            if (!spellings.contains(digits)) {
                spellings.add(digits);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, TreeMap<Long, List<String>>> group : groups.entrySet()) {
            String key = group.getKey();
            if (key.endsWith("\u0001")) {
                appendSep(sb).append(key, 0, key.length() - 1);
                continue;
            }
            int sep = key.indexOf('\u0000');
            String prefix = key.substring(0, sep);
            String suffix = key.substring(sep + 1);
            List<String> ranges = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (Map.Entry<Long, List<String>> e : group.getValue().entrySet()) {
                numbers.addAll(e.getValue());
            }
            int i = 0;
            while (i < numbers.size()) {
                String first = numbers.get(i);
                int width = first.length() > 1 && first.charAt(0) == '0' ? first.length() : 0;
                long prev = Long.parseLong(first);
                String last = first;
                int j = i + 1;
                while (j < numbers.size()) {
                    String next = numbers.get(j);
                    long n = Long.parseLong(next);
                    if (n != prev + 1 || !pad(n, width).equals(next)) {
                        break;
                    }
                    prev = n;
                    last = next;
                    j++;
                }
                ranges.add(first.equals(last) ? first : first + "-" + last);
                i = j;
            }
            appendSep(sb).append(prefix);
            if (ranges.size() == 1 && !ranges.get(0).contains("-")) {
                sb.append(ranges.get(0));
            } else {
                sb.append('[').append(String.join(",", ranges)).append(']');
            }
            sb.append(suffix);
        }
        return sb.toString();
    }

    private static StringBuilder appendSep(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        return sb;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }
}
