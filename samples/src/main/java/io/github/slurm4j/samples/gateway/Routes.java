package io.github.slurm4j.samples.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's routes: a path and a method to one {@link Route}, or the error that says why not
 * (404 for a path the API does not have, 405 with the methods it allows). Pure: nothing here
 * knows the machines.
 */
final class Routes {
    /** A machine name: letters, digits, {@code . _ -}; nothing that needs escaping anywhere. */
    static final Pattern MACHINE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What a request asks for. */
    enum Kind {
        /** {@code POST /api/command/<machine>}. */
        COMMAND,
        /** {@code POST /api/job/<machine>}. */
        SUBMIT,
        /** {@code GET /api/job/<machine>}. */
        LIST,
        /** {@code DELETE /api/job/<machine>}. */
        KILL,
        /** {@code GET /api/job/<machine>/<jobid>}. */
        DETAIL,
        /** {@code GET /api/job/<machine>/<jobid>/console}. */
        CONSOLE,
        /** {@code GET /api/job/<machine>/<jobid>/log}. */
        LOG,
        /** {@code GET /api/job}. */
        STATUS
    }

    /**
     * @param kind what is asked
     * @param machine the machine's name, or {@code null} ({@link Kind#STATUS})
     * @param jobId the job id as written in the path, or {@code null}
     */
    record Route(Kind kind, String machine, String jobId) {
    }

    /** The error of a path the API has, asked with a method it does not allow. */
    static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiError error;
        final String allow;

        MethodNotAllowed(String method, String allow) {
            super(null, null, false, false);
            this.error = new ApiError(405, "method_not_allowed", method + " is not allowed here; allowed: " + allow);
            this.allow = allow;
        }
    }

    private Routes() {
    }

    /**
     * The route of {@code method} on {@code rawPath} (percent-encoded, no query).
     *
     * @throws ApiError 404 {@code not_found} for a path the API does not have, 400 for a path
     *     that cannot be decoded
     * @throws MethodNotAllowed for a method the path does not allow
     */
    static Route match(String method, String rawPath) {
        List<String> s = segments(rawPath);
        if (s.size() < 2 || !s.get(0).equals("api")) {
            throw notFound(rawPath);
        }
        String area = s.get(1);
        if (area.equals("command") && s.size() == 3) {
            return allow(method, Map.of("POST", Kind.COMMAND), "POST", machine(s.get(2)), null);
        }
        if (!area.equals("job")) {
            throw notFound(rawPath);
        }
        switch (s.size()) {
            case 2:
                return allow(method, Map.of("GET", Kind.STATUS), "GET", null, null);
            case 3:
                return allow(method, Map.of("GET", Kind.LIST, "POST", Kind.SUBMIT, "DELETE", Kind.KILL), "GET, POST, DELETE",
                        machine(s.get(2)), null);
            case 4:
                return allow(method, Map.of("GET", Kind.DETAIL), "GET", machine(s.get(2)), s.get(3));
            case 5:
                if (s.get(4).equals("console")) {
                    return allow(method, Map.of("GET", Kind.CONSOLE), "GET", machine(s.get(2)), s.get(3));
                }
                if (s.get(4).equals("log")) {
                    return allow(method, Map.of("GET", Kind.LOG), "GET", machine(s.get(2)), s.get(3));
                }
                throw notFound(rawPath);
            default:
                throw notFound(rawPath);
        }
    }

    private static Route allow(String method, Map<String, Kind> kinds, String allowed, String machine, String jobId) {
        Kind k = kinds.get(method);
        if (k == null) {
            throw new MethodNotAllowed(method, allowed);
        }
        return new Route(k, machine, jobId);
    }

    private static String machine(String name) {
        if (!MACHINE_NAME.matcher(name).matches()) {
            throw new ApiError(404, "unknown_machine", "no machine named '" + shorten(name) + "'");
        }
        return name;
    }

    /** The decoded path segments; one trailing slash is allowed, empty segments are not. */
    static List<String> segments(String rawPath) {
        String p = rawPath;
        if (!p.startsWith("/")) {
            throw notFound(rawPath);
        }
        p = p.substring(1);
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty()) {
                throw notFound(rawPath);
            }
            try {
                // a path segment: '+' is a plus, not a space
                out.add(URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("bad_path", "a path segment is not percent-encoded correctly: '" + shorten(seg) + "'");
            }
        }
        return out;
    }

    private static ApiError notFound(String path) {
        return new ApiError(404, "not_found", "no such API path: " + shorten(path));
    }

    /** A value quoted back to the client, bounded. */
    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
