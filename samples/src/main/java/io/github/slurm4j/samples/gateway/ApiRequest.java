package io.github.slurm4j.samples.gateway;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the gateway's handlers see it, independent of the server that read it.
 *
 * @param method the method, upper case
 * @param path the raw path (still percent-encoded), without the query
 * @param query the decoded query parameters (the first value of each name)
 * @param headers the headers, names in lower case (the first value of each)
 * @param body the body, at most the gateway's limit
 */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A header's value, or {@code null}. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
