package io.github.slurm4j.parse;

import io.github.slurm4j.model.SlurmException;

/**
 * Output that a parser could not read. Says where: the command (as the parser knows it, e.g.
 * {@code scontrol show job}), the 1-based line, the field, and an excerpt of the input of at most
 * {@value #MAX_EXCERPT} characters.
 */
public class SlurmParseException extends SlurmException {
    private static final long serialVersionUID = 1L;

    /** The longest excerpt kept. */
    public static final int MAX_EXCERPT = 200;

    private final String command;
    private final int line;
    private final String field;
    private final String excerpt;
    private final String reason;

    /**
     * @param command the command whose output this is
     * @param line the 1-based line, or 0 when not known
     * @param field the field being read, or {@code null}
     * @param excerpt the offending text (cut to {@value #MAX_EXCERPT} characters)
     * @param reason what is wrong
     */
    public SlurmParseException(String command, int line, String field, String excerpt, String reason) {
        this(command, line, field, excerpt, reason, null);
    }

    public SlurmParseException(String command, int line, String field, String excerpt, String reason, Throwable cause) {
        super(format(command, line, field, cut(excerpt), reason), cause);
        this.command = command;
        this.line = line;
        this.field = field;
        this.excerpt = cut(excerpt);
        this.reason = reason;
    }

    private static String cut(String excerpt) {
        if (excerpt == null) {
            return "";
        }
        return excerpt.length() <= MAX_EXCERPT ? excerpt : excerpt.substring(0, MAX_EXCERPT - 1) + "…";
    }

    private static String format(String command, int line, String field, String excerpt, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(command).append(": ");
        if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (field != null) {
            sb.append("field ").append(field).append(": ");
        }
        sb.append(reason);
        if (!excerpt.isEmpty()) {
            sb.append(": \"").append(excerpt.replace("\n", "\\n").replace("\r", "\\r")).append('"');
        }
        return sb.toString();
    }

    public String command() {
        return command;
    }

    /** 1-based line, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The field being read, or {@code null}. */
    public String field() {
        return field;
    }

    /** At most {@value #MAX_EXCERPT} characters of the input. */
    public String excerpt() {
        return excerpt;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
