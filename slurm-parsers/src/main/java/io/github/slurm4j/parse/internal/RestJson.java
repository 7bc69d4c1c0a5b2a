package io.github.slurm4j.parse.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the JSON of Slurm's {@code --json} outputs and slurmrestd with Jackson's tree model:
 * the document, its {@code errors}/{@code warnings} arrays, and the numbers that openapi
 * v0.0.38 prints plainly ({@code 120}, {@code null}) and v0.0.39+ as
 * {@code {"set": true, "infinite": false, "number": 120}}.
 */
public final class RestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RestJson() {
    }

    /**
     * A number as Slurm's JSON carries it.
     *
     * @param set whether a value is set ({@code false} for {@code "set": false}: Slurm's NO_VAL)
     * @param infinite whether it is Slurm's INFINITE ({@code "infinite": true})
     * @param value the number (0 unless set and finite)
     */
    public record Num(boolean set, boolean infinite, double value) {
        /** The value as a long (the caller checked {@link #isIntegral()} where it matters). */
        public long asLong() {
            return (long) value;
        }

        /** Whether the value is set, finite and whole. */
        public boolean isIntegral() {
            return set && !infinite && value == Math.rint(value) && Math.abs(value) < 9.0e18;
        }
    }

    /** Reads a document; a syntax error becomes a parse error with its line. */
    public static JsonNode read(String command, Reader json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new SlurmParseException(command, 1, null, "", "empty JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SlurmParseException(command, loc == null ? 0 : Math.max(0, loc.getLineNr()), null, null,
                    "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SlurmParseException(command, 0, null, null, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a Slurm number: a JSON number, or a {@code set/infinite/number} object. JSON
     * {@code null} and a missing key give {@code null}.
     *
     * @throws IllegalArgumentException for any other shape
     */
    public static Num num(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return new Num(true, false, n.doubleValue());
        }
        if (n.isObject() && n.has("number")) {
            JsonNode set = n.get("set");
            JsonNode inf = n.get("infinite");
            JsonNode num = n.get("number");
            if (!num.isNumber() || (set != null && !set.isBoolean()) || (inf != null && !inf.isBoolean())) {
                throw new IllegalArgumentException("not a Slurm number object");
            }
            boolean isSet = set == null || set.booleanValue();
            boolean isInf = inf != null && inf.booleanValue();
            return new Num(isSet, isInf, isSet && !isInf ? num.doubleValue() : 0);
        }
        throw new IllegalArgumentException("not a number");
    }

    /**
     * The messages of an {@code errors} or {@code warnings} array: each entry's
     * {@code description}, with its {@code error} text when it adds something
     * ({@code "Unable to query JobId=6354 (Invalid job id specified)"}). Missing array: empty.
     */
    public static List<String> messages(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode e : array) {
            if (e.isTextual()) {
                out.add(e.textValue());
                continue;
            }
            String description = text(e.get("description"));
            String error = text(e.get("error"));
            JsonNode number = e.has("error_number") ? e.get("error_number") : e.get("errno");
            boolean noError = number != null && number.isNumber() && number.longValue() == 0;
            StringBuilder sb = new StringBuilder();
            if (!description.isEmpty()) {
                sb.append(description);
            }
            if (!error.isEmpty() && !noError && !error.equals(description)) {
                sb.append(sb.length() == 0 ? error : " (" + error + ")");
            }
            if (sb.length() == 0) {
                sb.append(e.toString());
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? "" : n.textValue();
    }

    /** How a value is kept in an {@code extras} map: text as is, arrays of text joined by commas, else JSON. */
    public static String raw(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            boolean allText = true;
            for (JsonNode e : n) {
                allText &= e.isTextual();
            }
            if (allText) {
                List<String> parts = new ArrayList<>();
                n.forEach(e -> parts.add(e.textValue()));
                return String.join(",", parts);
            }
        }
        if (n.isObject() && n.has("number") && n.has("set")) {
            Num v;
            try {
                v = num(n);
            } catch (IllegalArgumentException e) {
                return n.toString();
            }
            return v.infinite() ? "INFINITE" : !v.set() ? "" : v.isIntegral() ? Long.toString(v.asLong())
                    : Double.toString(v.value());
        }
        return n.toString();
    }
}
