package io.github.slurm4j.samples;

import java.util.Map;

/**
 * Writes the samples' JSON: maps, lists, strings, numbers, booleans and null, as the model's
 * {@code *View.toMap} produce them. Jackson would do the same, but loading it costs a cold-started
 * sample more than the whole Slurm call; the {@code parse} tool, which needs more, uses Jackson.
 */
final class JsonOut {
    private JsonOut() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder(1024);
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                newline(sb, depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
            }
            newline(sb, depth);
            sb.append('}');
        } else if (value instanceof Iterable<?> list) {
            if (!list.iterator().hasNext()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object item : list) {
                sb.append(first ? "" : ",");
                first = false;
                newline(sb, depth + 1);
                write(sb, item, depth + 1);
            }
            newline(sb, depth);
            sb.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            sb.append(value);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            sb.append(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            sb.append(f);
        } else if (value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            sb.append(value);
        } else {
            string(sb, value.toString());
        }
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
