package io.github.slurm4j.jobs;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token that makes a submission idempotent. It is written at the start of the job's comment
 * ({@code slurm4j:<32 hex> <the user's comment>}), a field {@code squeue} and {@code sacct}
 * both return, so a retry after a lost connection can look the job up before submitting again.
 * Every comment the façade returns has it removed ({@link #strip}).
 */
public final class SubmitTokens {
    static final String PREFIX = "slurm4j:";
    private static final Pattern TOKEN = Pattern.compile("^slurm4j:[0-9a-f]{32}(?: |$)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubmitTokens() {
    }

    /** {@return a new random token: 32 lower-case hex digits from a {@code SecureRandom}} */
    public static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The comment sent to Slurm: the token, then the user's comment (if any).
     *
     * @param token a token of {@link #newToken()}
     * @param comment the user's comment, or {@code null}
     * @return {@code slurm4j:<token>}, followed by a space and the comment when there is one
     */
    public static String tag(String token, String comment) {
        return PREFIX + token + (comment == null || comment.isEmpty() ? "" : " " + comment);
    }

    /**
     * The token in a comment read back.
     *
     * @param comment the job's comment as squeue or sacct printed it; may be null
     * @return the 32 hex digits, or {@code null} when the comment does not start with a token
     */
    public static String tokenOf(String comment) {
        if (comment == null || !TOKEN.matcher(comment).find()) {
            return null;
        }
        return comment.substring(PREFIX.length(), PREFIX.length() + 32);
    }

    /**
     * The user's comment: the comment read back without the token.
     *
     * @param comment the job's comment as printed; may be null
     * @return the rest, or {@code null} when nothing (or Slurm's {@code (null)}) is left
     */
    public static String strip(String comment) {
        if (comment == null) {
            return null;
        }
        String s = TOKEN.matcher(comment).replaceFirst("");
        return s.isEmpty() || s.equals("(null)") ? null : s;
    }
}
