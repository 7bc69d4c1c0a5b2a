package io.github.slurm4j.samples.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console page {@code GET /} serves: one static HTML file with its script and style inline
 * ({@code console.html} beside this class), sent with a Content-Security-Policy that allows
 * exactly that script and style (by their SHA-256) and requests to this origin only.
 */
final class ConsolePage {
    static final String RESOURCE = "console.html";
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final byte[] html;
    private final Map<String, String> headers;

    private ConsolePage(byte[] html, String csp) {
        this.html = html;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", csp);
        h.put("Cache-Control", "no-cache");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        this.headers = Map.copyOf(h);
    }

    static ConsolePage load() {
        try (InputStream in = ConsolePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the console page " + RESOURCE + " is missing from the classpath");
            }
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConsolePage of(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        String csp = "default-src 'none'; script-src " + hashes(SCRIPT, text) + "; style-src " + hashes(STYLE, text)
                + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return new ConsolePage(html, csp);
    }

    private static String hashes(Pattern p, String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = p.matcher(text);
        while (m.find()) {
            sb.append(sb.length() == 0 ? "" : " ").append("'sha256-").append(sha256(m.group(1))).append('\'');
        }
        return sb.length() == 0 ? "'none'" : sb.toString();
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    ApiResponse response() {
        return ApiResponse.resource("text/html; charset=utf-8", html, headers);
    }
}
