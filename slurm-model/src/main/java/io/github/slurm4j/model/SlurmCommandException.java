package io.github.slurm4j.model;

import java.util.Objects;

/**
 * Slurm refused or failed a command: the classified error, the command that was run and its exit
 * code (which may be 0: several Slurm commands report errors with exit code 0).
 *
 * <p>{@link #getMessage()} is a short form of the command ({@link #shortCommand}: a 400-character
 * {@code -O} format is cut to its start), the type, the exit code and Slurm's text;
 * {@link #command()} keeps the whole command.
 */
public class SlurmCommandException extends SlurmException {
    private static final long serialVersionUID = 1L;

    /** The classified error with Slurm's message. */
    private final SlurmError error;
    /** The whole command line that was run. */
    private final String command;
    /** The command's exit code; may be 0 for a refusal. */
    private final int exitCode;

    /**
     * An exception whose message is built from the short form of the command, the error's type and
     * exit code, and Slurm's message.
     *
     * @param error the classified error; not null
     * @param command the command line that was run, whole; not null
     * @param exitCode the command's exit code (0 is possible: several commands report errors with it)
     * @throws NullPointerException if {@code error} or {@code command} is null
     */
    public SlurmCommandException(SlurmError error, String command, int exitCode) {
        super(shortCommand(command) + ": " + error.type().wireName() + " (exit " + exitCode + "): " + error.message());
        this.error = Objects.requireNonNull(error, "error");
        this.command = Objects.requireNonNull(command, "command");
        this.exitCode = exitCode;
    }

    /** Longest word kept whole in {@link #shortCommand}. */
    static final int WORD_LIMIT = 40;
    /** Longest short form, before its closing {@code …}. */
    static final int LINE_LIMIT = 160;

    /**
     * The command as a message shows it: each word longer than 40 characters (a format list, a
     * script) cut to its first 24 and {@code …}, the whole cut at 160 characters. Words are split
     * at spaces only, so quoting is kept as it was.
     *
     * @param command the command line, or {@code null}
     * @return the short form ({@code ""} for {@code null})
     */
    public static String shortCommand(String command) {
        if (command == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String word : command.strip().split(" ", -1)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word.length() > WORD_LIMIT ? cut(word, 24) + "…" : word);
            if (sb.length() > LINE_LIMIT) {
                return cut(sb.toString(), LINE_LIMIT) + "…";
            }
        }
        return sb.toString();
    }

    /** The first {@code n} chars, one less when that would split a surrogate pair. */
    private static String cut(String s, int n) {
        return s.substring(0, Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n);
    }

    /** {@return the classified error: its type and the lines Slurm printed} */
    public SlurmError error() {
        return error;
    }

    /** {@return the error's type, to branch on ({@code JOB_NOT_FOUND}, {@code ACCESS_DENIED}, …)} */
    public SlurmErrorType type() {
        return error.type();
    }

    /** {@return the whole command line that was run (the message shows it shortened)} */
    public String command() {
        return command;
    }

    /** {@return the command's exit code; 0 when Slurm reported the error with a success code} */
    public int exitCode() {
        return exitCode;
    }
}
