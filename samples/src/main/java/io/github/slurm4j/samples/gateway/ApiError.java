package io.github.slurm4j.samples.gateway;

import java.util.Map;

/**
 * A request the gateway answers with an error: the HTTP status, the typed error
 * ({@code bad_json}, {@code unknown_machine}, {@code job_not_found}, …) and a message for people.
 * Thrown by the handlers; {@link GatewayApi} turns it into the envelope. The message never holds
 * a stack trace.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient Map<String, String> fields;

    ApiError(int status, String type, String message) {
        this(status, type, message, Map.of());
    }

    /** @param fields what is wrong, field by field (a refused job form); empty for none */
    ApiError(int status, String type, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.fields = Map.copyOf(fields);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    Map<String, String> fields() {
        return fields;
    }

    static ApiError badRequest(String type, String message) {
        return new ApiError(400, type, message);
    }

    static ApiError missing(String field, String message) {
        return new ApiError(400, "missing_field", message, Map.of(field, "missing"));
    }
}
