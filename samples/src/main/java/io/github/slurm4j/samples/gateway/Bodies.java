package io.github.slurm4j.samples.gateway;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies: read within a size limit, then parsed as a JSON object or an
 * {@code application/x-www-form-urlencoded} form into one map of fields. Every failure is an
 * {@link ApiError} that says what and where: 400 {@code bad_json} (with line and column),
 * 400 {@code bad_form}, 413 {@code body_too_large}, 415 {@code unsupported_media_type}.
 */
final class Bodies {
    /** The default limit of a request body: 1 MiB (a job script is a few KiB). */
    static final int DEFAULT_LIMIT = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Bodies() {
    }

    /**
     * Reads at most {@code limit} bytes of {@code in}.
     *
     * @param declaredLength the {@code Content-Length}, or -1 when not given
     * @throws ApiError 413 when the body is longer
     */
    static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(413, "body_too_large", "the request body is larger than " + limit + " bytes");
    }

    /**
     * The fields of a body: a JSON object (content type {@code application/json}, or none) or a
     * URL-encoded form. An empty body has no fields.
     */
    static Map<String, Object> fields(String contentType, byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "":
            case "application/json":
                return jsonObject(body, "the body");
            case "application/x-www-form-urlencoded":
                return form(text(body, "bad_form", "the form"));
            default:
                throw new ApiError(415, "unsupported_media_type", "the body must be application/json or "
                        + "application/x-www-form-urlencoded, not " + Routes.shorten(type));
        }
    }

    /** {@code what} as a JSON object; 400 {@code bad_json} otherwise. */
    static Map<String, Object> jsonObject(byte[] json, String what) {
        String text = text(json, "bad_json", what);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiError.badRequest("bad_json", what + " is not JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("bad_json", what + " must be a JSON object, not "
                    + (node == null ? "empty" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return JSON.convertValue(node, MAP);
    }

    /** {@code what} as a JSON object given as JSON text (a string field), or as an object already. */
    static Map<String, Object> jsonObjectField(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                return Map.of();
            }
            return jsonObject(s.getBytes(StandardCharsets.UTF_8), what);
        }
        throw ApiError.badRequest("bad_json", what + " must be a JSON object or a string holding one");
    }

    /** A URL-encoded form; a name given twice is refused (which value would count is not clear). */
    static Map<String, Object> form(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.put(name, value) != null) {
                throw ApiError.badRequest("bad_form", "the form gives '" + Routes.shorten(name) + "' twice");
            }
        }
        return out;
    }

    /** The query of a URI ({@code a=1&b=x}) as a map; a repeated name keeps its first value. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_form", "not percent-encoded correctly: '" + Routes.shorten(s) + "'");
        }
    }

    private static String text(byte[] body, String type, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest(type, what + " is not UTF-8 text");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return Routes.shorten(nl < 0 ? s : s.substring(0, nl));
    }
}
