package io.github.slurm4j.exec;

import io.github.slurm4j.model.SlurmException;
import java.util.List;

/**
 * A command could not be run or did not finish: the program is missing, the SSH connection
 * could not be opened or authenticated or broke, the host key was refused, the command timed
 * out ({@link ShellTimeoutException}). A command that ran and exited non-zero is not this; it is
 * an {@link ExecResult}.
 */
public class ShellException extends SlurmException {
    private static final long serialVersionUID = 1L;

    /** The command as displayed in messages; empty when none was running. */
    private final String command;

    /**
     * A failure of a command given as its argument list.
     *
     * @param command the argument list, shown quoted and bounded ({@link ExecRequest#display(List)})
     * @param message what went wrong, without the command
     * @param cause the underlying exception (an {@code IOException}, an SSH library error); may be null
     */
    public ShellException(List<String> command, String message, Throwable cause) {
        this(ExecRequest.display(command), message, cause);
    }

    /**
     * A failure with the command already displayed, or none ({@code ""}: a connection that could not
     * be opened); the message is {@code command: message}, or only {@code message} without a command.
     *
     * @param command the displayed command, or {@code ""}; not null
     * @param message what went wrong, without the command
     * @param cause the underlying exception; may be null
     */
    public ShellException(String command, String message, Throwable cause) {
        super(command.isEmpty() ? message : command + ": " + message, cause);
        this.command = command;
    }

    /** {@return the command, as displayed in messages (quoted, bounded); empty when none was running} */
    public String command() {
        return command;
    }
}
