package io.github.slurm4j.samples.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Bearer tokens, each mapped to the cluster user it acts as, from a file of {@code token user}
 * lines ({@code #} comments and blank lines ignored). A request's user comes from its
 * {@code Authorization: Bearer <token>} header only, never from its body. Tokens are kept as
 * SHA-256 digests and compared in constant time, every known token each time, so neither the
 * answer's timing nor an early exit tells which byte or which token was close.
 */
final class TokenAuth {
    /** A token shorter than this is refused when the file is read: it could be guessed. */
    static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}", Pattern.CASE_INSENSITIVE);

    private record Entry(byte[] digest, String user) {
    }

    private final List<Entry> entries;

    private TokenAuth(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads a token file; every line that is not {@code token user} is an error naming its line. */
    static TokenAuth load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the text of a token file ({@code source} names it in errors). */
    static TokenAuth parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\r?\n", -1)) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(source + " line " + n + ": expected 'token user', got " + parts.length + " words");
            }
            if (parts[0].length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException(source + " line " + n + ": a token must have at least " + MIN_TOKEN_LENGTH
                        + " characters");
            }
            if (!USER.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(source + " line " + n + ": not a user name: '" + Routes.shorten(parts[1]) + "'");
            }
            byte[] d = digest(parts[0]);
            for (Entry e : entries) {
                if (MessageDigest.isEqual(e.digest, d)) {
                    throw new IllegalArgumentException(source + " line " + n + ": the same token is given twice");
                }
            }
            entries.add(new Entry(d, parts[1]));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": no token (lines of 'token user')");
        }
        return new TokenAuth(entries);
    }

    /** The users the tokens act as, in file order, each once. */
    List<String> users() {
        return entries.stream().map(Entry::user).distinct().toList();
    }

    /**
     * The user of a request's {@code Authorization} header.
     *
     * @throws ApiError 401 {@code unauthorized} without a bearer token, or with one that is not known
     */
    String userOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiError(401, "unauthorized", "this gateway needs 'Authorization: Bearer <token>'");
        }
        String a = authorization.strip();
        if (a.length() < 7 || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new ApiError(401, "unauthorized", "only bearer tokens are accepted ('Authorization: Bearer <token>')");
        }
        byte[] d = digest(a.substring(7).strip());
        String found = null;
        for (Entry e : entries) {
            // every entry is compared, whatever matched before
            if (MessageDigest.isEqual(e.digest, d)) {
                found = e.user;
            }
        }
        if (found == null) {
            throw new ApiError(401, "unauthorized", "the bearer token is not known");
        }
        return found;
    }

    private static byte[] digest(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
