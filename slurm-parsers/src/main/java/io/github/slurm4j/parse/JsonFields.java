package io.github.slurm4j.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.slurm4j.parse.internal.RestJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Typed access to the fields of one JSON object of a Slurm output. Strict getters throw a
 * {@link SlurmParseException} naming the JSON path ({@code jobs[3].job_id}) for a value of the wrong
 * type; lenient getters give {@code null} and keep the value, as printed, for the extras. The
 * fields no getter asked for are handed to the extras by {@link #rest}.
 */
final class JsonFields {
    private final String command;
    private final String path;
    private final JsonNode obj;
    private final Set<String> used = new HashSet<>();
    private final Map<String, String> odd = new LinkedHashMap<>();

    JsonFields(String command, String path, JsonNode obj) {
        if (obj == null || !obj.isObject()) {
            throw new SlurmParseException(command, 0, path, obj == null ? "" : obj.toString(), "not a JSON object");
        }
        this.command = command;
        this.path = path;
        this.obj = obj;
    }

    String path() {
        return path;
    }

    /** The raw node (missing and null give {@code null}); marks the key as read. */
    JsonNode node(String key) {
        used.add(key);
        JsonNode n = obj.get(key);
        return n == null || n.isNull() ? null : n;
    }

    boolean has(String key) {
        return obj.has(key);
    }

    /** Whether the key is present with JSON {@code null}. */
    boolean isNull(String key) {
        return obj.has(key) && obj.get(key).isNull();
    }

    SlurmParseException error(String key, String reason) {
        JsonNode n = obj.get(key);
        return new SlurmParseException(command, 0, path + "." + key, n == null ? "" : n.toString(), reason);
    }

    /** Keeps the value of {@code key}, as printed, for the extras. */
    void keep(String key) {
        JsonNode n = obj.get(key);
        if (n != null && !n.isNull()) {
            odd.put(key, RestJson.raw(n));
        }
    }

    private <T> T odd(String key, JsonNode n) {
        odd.put(key, RestJson.raw(n));
        return null;
    }

    String str(String key) {
        JsonNode n = node(key);
        if (n == null) {
            return null;
        }
        return n.isTextual() ? n.textValue() : odd(key, n);
    }

    String strictStr(String key) {
        JsonNode n = node(key);
        if (n != null && !n.isTextual()) {
            throw error(key, "expected a string");
        }
        return n == null ? null : n.textValue();
    }

    RestJson.Num num(String key) {
        JsonNode n = node(key);
        try {
            return RestJson.num(n);
        } catch (IllegalArgumentException e) {
            return odd(key, n);
        }
    }

    RestJson.Num strictNum(String key) {
        JsonNode n = node(key);
        try {
            RestJson.Num v = RestJson.num(n);
            if (v != null && v.set() && !v.infinite() && !v.isIntegral()) {
                throw error(key, "expected a whole number");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw error(key, "expected a number");
        }
    }

    /** A set, finite whole number; else {@code null} (a fraction is kept for the extras). */
    Long lng(String key) {
        RestJson.Num v = num(key);
        if (v == null || !v.set() || v.infinite()) {
            return null;
        }
        return v.isIntegral() ? (Long) v.asLong() : odd(key, obj.get(key));
    }

    /** Like {@link #lng} but within int range. */
    Integer integer(String key) {
        Long v = lng(key);
        if (v == null) {
            return null;
        }
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Integer) v.intValue() : odd(key, obj.get(key));
    }

    /** A set, finite whole number; {@code 0} becomes {@code null} (Slurm's "none"). */
    Long positive(String key) {
        Long v = lng(key);
        return v == null || v == 0 ? null : v;
    }

    /** A strict, set, finite whole number; {@code 0} and unset become {@code null}. */
    Long strictPositive(String key) {
        RestJson.Num v = strictNum(key);
        return v == null || !v.set() || v.infinite() || v.asLong() == 0 ? null : v.asLong();
    }

    Boolean bool(String key) {
        JsonNode n = node(key);
        if (n == null) {
            return null;
        }
        return n.isBoolean() ? (Boolean) n.booleanValue() : odd(key, n);
    }

    /** An array of strings, or a comma-separated string; {@code null} when missing. */
    List<String> strings(String key) {
        JsonNode n = node(key);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            for (String s : n.textValue().split(",")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
        if (!n.isArray()) {
            return odd(key, n);
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return odd(key, n);
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** Hands every field not read (except {@code drop}) and every value of an odd type to {@code extra}. */
    void rest(Set<String> drop, BiConsumer<String, String> extra) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!used.contains(e.getKey()) && !drop.contains(e.getKey()) && !e.getValue().isNull()) {
                extra.accept(e.getKey(), RestJson.raw(e.getValue()));
            }
        }
        odd.forEach(extra);
    }
}
