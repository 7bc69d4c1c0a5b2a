package io.github.slurm4j.redis.stats;

import java.util.List;
import java.util.Map;

/** The little JSON the schema needs: flat objects of strings, numbers and null; no library. */
final class Json {
    private Json() {
    }

    /** One object; values are {@code String}, {@code Number}, {@code Boolean}, {@code null}, or already-written JSON ({@link Raw}). */
    static String object(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder(128);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            value(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** An array of already-written JSON values. */
    static String array(List<String> rawValues) {
        return "[" + String.join(",", rawValues) + "]";
    }

    /** Already-written JSON, embedded as is. */
    record Raw(String json) {
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Raw r) {
            sb.append(r.json());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(sb, v.toString());
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
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
