package io.github.slurm4j.parse;

import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.job.ActionResult;

/**
 * Reads the output of action commands that are silent when they work: {@code scancel} (also
 * {@code -v}), {@code scontrol hold|uhold|release|requeue|requeuehold|suspend|resume|update} and
 * {@code scontrol create reservation}.
 *
 * <p>The error, if any, comes from {@link SlurmErrors} (the only place that classifies); this class
 * adds the informational lines: {@code Reservation created: cpu_future} (stdout),
 * {@code scancel: Terminating job 32} (stderr). Note that {@code scancel -v} of an unknown or
 * finished job exits 0 but is an error here.
 */
public final class ActionOutputParser {
    private ActionOutputParser() {
    }

    /**
     * Classifies an action's output and returns its informational lines when it was accepted.
     *
     * @param command the tool or command line, e.g. {@code scontrol hold 41}
     * @param stdout the decoded standard output; may be null or empty
     * @param stderr the decoded standard error; may be null or empty
     * @param exitCode the exit code; 0 does not by itself mean success
     * @return the messages of an accepted action
     * @throws SlurmCommandException with the classified error when Slurm refused the action (also
     *     when it said so with exit code 0)
     */
    public static ActionResult parse(String command, String stdout, String stderr, int exitCode) {
        SlurmErrors.Analysis a = SlurmErrors.analyze(command, stdout, stderr, exitCode, true);
        if (a.error() != null) {
            throw new SlurmCommandException(a.error(), command, exitCode);
        }
        return ActionResult.ok(a.info());
    }
}
