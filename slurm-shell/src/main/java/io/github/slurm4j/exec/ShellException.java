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

    private final String command;

    public ShellException(List<String> command, String message, Throwable cause) {
        this(ExecRequest.display(command), message, cause);
    }

    public ShellException(String command, String message, Throwable cause) {
        super(command.isEmpty() ? message : command + ": " + message, cause);
        this.command = command;
    }

    /** The command, as displayed in messages (quoted, bounded); empty when none was running. */
    public String command() {
        return command;
    }
}
