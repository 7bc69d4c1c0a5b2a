package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.parse.SlurmErrors;
import java.util.List;
import java.util.Map;

/**
 * One Slurm operation: the exact argument list it runs and the reading of its result, in one
 * object, so a format string and the parser that depends on it never live apart. Package-private:
 * users call {@link SlurmClient}.
 *
 * @param <T> what the operation returns
 */
abstract class SlurmCommand<T> {
    /** Set for every command: ISO times, whatever the site's or the user's profile says. */
    static final Map<String, String> ENV = Map.of("SLURM_TIME_FORMAT", "standard");

    /** The argument list, program first. */
    abstract List<String> arguments();

    /** Bytes for stdin, or {@code null}. */
    byte[] stdin() {
        return null;
    }

    /**
     * Whether the command needs slurmctld. Such commands retry for a while when the controller
     * is down (squeue, scontrol show and sbatch each took 9 to 18 s on 22.05 before saying
     * {@code Unable to contact slurm controller}), so a short client timeout can end them first;
     * {@link SlurmClient} then asks {@code scontrol ping} whether the controller is the cause.
     * {@code false} for the accounting commands (sacct, seff), which talk to slurmdbd.
     */
    boolean needsController() {
        return true;
    }

    /** Variables to set for the command. */
    Map<String, String> environment() {
        return ENV;
    }

    /**
     * Reads the result: errors first (exit code and text, by {@link SlurmErrors}), then the output.
     *
     * @param where the command and the shell's target, for messages
     */
    abstract T read(ExecResult result, String where);

    /**
     * Throws when the command failed: a cut output ({@link ShellException}: parsing a part would
     * present a part as the whole), or an error that {@link SlurmErrors} finds in the exit code
     * and the text ({@code SlurmCommandException}). Called before any parsing, so a failed
     * command never gives a value, even when its stdout would parse.
     */
    static void check(ExecResult r, String where) {
        if (r.truncated()) {
            throw new ShellException(where, "the output went past the shell's output limit; it is not read partially", null);
        }
        SlurmErrors.check(where, r.stdout(), r.stderr(), r.exitCode());
    }
}
