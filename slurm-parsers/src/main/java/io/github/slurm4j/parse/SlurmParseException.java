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

    /** The command whose output this is. */
    private final String command;
    /** The 1-based line, or 0. */
    private final int line;
    /** The field being read, or {@code null}. */
    private final String field;
    /** The cut excerpt; {@code ""} for none. */
    private final String excerpt;
    /** What is wrong. */
    private final String reason;

    /**
     * An exception whose message names the command, line, field, reason and excerpt.
     *
     * @param command the command whose output this is
     * @param line the 1-based line, or 0 when not known
     * @param field the field being read, or {@code null}
     * @param excerpt the offending text (cut to {@value #MAX_EXCERPT} characters)
     * @param reason what is wrong
     */
    public SlurmParseException(String command, int line, String field, String excerpt, String reason) {
        this(command, line, field, excerpt, reason, null);
    }

    /**
     * An exception caused by another one, such as a value parser's {@code IllegalArgumentException}.
     *
     * @param command the command whose output this is
     * @param line the 1-based line, or 0 when not known
     * @param field the field being read, or {@code null}
     * @param excerpt the offending text (cut to {@value #MAX_EXCERPT} characters; {@code null} for none)
     * @param reason what is wrong
     * @param cause the exception that made the text unreadable; may be null
     */
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

    /** {@return the command whose output this is, as the parser knows it ({@code scontrol show job})} */
    public String command() {
        return command;
    }

    /** {@return the 1-based line, or 0 when not known} */
    public int line() {
        return line;
    }

    /** {@return the field being read, or {@code null}} */
    public String field() {
        return field;
    }

    /** {@return at most {@value #MAX_EXCERPT} characters of the input; {@code ""} when none was given} */
    public String excerpt() {
        return excerpt;
    }

    /** {@return what is wrong, without the location} */
    public String reason() {
        return reason;
    }
}
