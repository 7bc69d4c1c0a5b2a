package io.github.slurm4j.samples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer: status, content type, body and extra headers. Every {@code /api/} answer is
 * the envelope {@code {"status": "OK"|"ERROR", "output": …, "status_code": N, "error": ""}}, with
 * {@code status_code} equal to the HTTP status; an error's {@code error} is
 * {@code "<type>: <message>"} ({@code unknown_machine: …}) and its {@code output} is {@code null},
 * or {@code {"fields": {…}}} when fields of a request were refused.
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** {@code {"status": "OK", "output": output, "status_code": 200, "error": ""}}. */
    static ApiResponse ok(Object output) {
        return envelope(200, "OK", output, "", Map.of());
    }

    /** The envelope of an error, with its HTTP status. */
    static ApiResponse error(ApiError e) {
        Object output = e.fields().isEmpty() ? null : Map.of("fields", new LinkedHashMap<>(e.fields()));
        Map<String, String> headers = e.status() == 401 ? Map.of("WWW-Authenticate", "Bearer realm=\"slurm4j-gateway\"") : Map.of();
        return envelope(e.status(), "ERROR", output, e.type() + ": " + e.getMessage(), headers);
    }

    /** An error with extra headers ({@code Allow} of a 405). */
    static ApiResponse error(ApiError e, Map<String, String> headers) {
        ApiResponse r = error(e);
        Map<String, String> all = new LinkedHashMap<>(r.headers());
        all.putAll(headers);
        return new ApiResponse(r.status(), r.contentType(), r.body(), all);
    }

    private static ApiResponse envelope(int status, String word, Object output, String error, Map<String, String> headers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", word);
        m.put("output", output);
        m.put("status_code", status);
        m.put("error", error);
        try {
            return new ApiResponse(status, JSON, MAPPER.writeValueAsBytes(m), headers);
        } catch (JsonProcessingException e) {
            // the outputs are maps, lists, strings, numbers and booleans only
            throw new IllegalStateException("an output that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A static resource. */
    static ApiResponse resource(String contentType, byte[] body, Map<String, String> headers) {
        return new ApiResponse(200, contentType, body, headers);
    }

    /** The body as text (tests). */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
