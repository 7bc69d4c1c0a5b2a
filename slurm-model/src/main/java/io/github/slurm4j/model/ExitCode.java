package io.github.slurm4j.model;

/**
 * A job's exit code as Slurm prints it, {@code status:signal} ({@code 0:0}, {@code 1:0},
 * {@code 0:15}, {@code 138:0}).
 *
 * @param status the exit status of the batch script or step
 * @param signal the signal that ended it, 0 if none
 */
public record ExitCode(int status, int signal) {
    /** {@code 0:0}: exited with status 0, no signal. */
    public static final ExitCode SUCCESS = new ExitCode(0, 0);

    /**
     * Parses {@code status:signal} (a bare {@code status} means signal 0).
     *
     * @param text the exit code as printed, surrounding spaces ignored
     * @return the exit code
     * @throws IllegalArgumentException for anything else (null and empty included)
     */
    public static ExitCode parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon = s.indexOf(':');
        try {
            if (colon < 0) {
                return new ExitCode(Integer.parseInt(s), 0);
            }
            return new ExitCode(Integer.parseInt(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an exit code: '" + text + "'", e);
        }
    }

    /** {@return whether this is {@code 0:0}: status 0 and no signal ({@code 0:15}, ended by SIGTERM, is not)} */
    public boolean isSuccess() {
        return status == 0 && signal == 0;
    }

    @Override
    public String toString() {
        return status + ":" + signal;
    }
}
