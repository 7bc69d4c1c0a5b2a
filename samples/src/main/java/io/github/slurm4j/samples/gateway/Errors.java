package io.github.slurm4j.samples.gateway;

import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.jobs.JobConfException;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.redis.StoreException;
import io.github.slurm4j.testkit.NotModelledError;

/**
 * The one table from what went wrong to the HTTP status and typed error of the envelope:
 *
 * <table>
 * <caption>errors</caption>
 * <tr><th>cause</th><th>status</th><th>error</th></tr>
 * <tr><td>a job form refused before Slurm ({@link JobConfException})</td><td>422</td><td>{@code invalid_job}, with the fields</td></tr>
 * <tr><td>Slurm: {@code job_not_found}</td><td>404</td><td>{@code job_not_found}</td></tr>
 * <tr><td>Slurm: {@code access_denied}</td><td>403</td><td>{@code access_denied}</td></tr>
 * <tr><td>Slurm: {@code submit_rejected}</td><td>422</td><td>{@code submit_rejected}</td></tr>
 * <tr><td>Slurm: {@code invalid_argument} (an action the job's state refuses)</td><td>409</td><td>{@code invalid_argument}</td></tr>
 * <tr><td>Slurm: {@code controller_unavailable}, {@code accounting_unavailable}</td><td>503</td><td>the same</td></tr>
 * <tr><td>Slurm: {@code unknown}; output that could not be parsed</td><td>502</td><td>{@code slurm_error}, {@code parse_error}</td></tr>
 * <tr><td>the command could not run (SSH down, host key, auth)</td><td>502</td><td>{@code shell_failed}, {@code host_key_rejected}, {@code ssh_auth_failed}</td></tr>
 * <tr><td>the command timed out</td><td>504</td><td>{@code shell_timeout}</td></tr>
 * <tr><td>Redis could not be reached</td><td>503</td><td>{@code store_unavailable}</td></tr>
 * <tr><td>the demo cluster does not model what was asked</td><td>501</td><td>{@code not_supported}</td></tr>
 * <tr><td>anything else (a bug)</td><td>500</td><td>{@code internal_error}, without details</td></tr>
 * </table>
 */
final class Errors {
    private Errors() {
    }

    /** The error to answer for {@code t}; {@code null} for a bug (answered 500 and logged with its stack). */
    static ApiError of(Throwable t) {
        if (t instanceof ApiError e) {
            return e;
        }
        if (t instanceof JobConfException e) {
            return new ApiError(422, "invalid_job", "the job was refused before Slurm was asked: " + String.join(", ",
                    e.errors().keySet()), e.errors());
        }
        if (t instanceof SlurmCommandException e) {
            String message = oneLine(e.error().message());
            return switch (e.type()) {
                case JOB_NOT_FOUND -> new ApiError(404, "job_not_found", message);
                case ACCESS_DENIED -> new ApiError(403, "access_denied", message);
                case SUBMIT_REJECTED -> new ApiError(422, "submit_rejected", message);
                case INVALID_ARGUMENT -> new ApiError(409, "invalid_argument", message);
                case CONTROLLER_UNAVAILABLE -> new ApiError(503, "controller_unavailable", message);
                case ACCOUNTING_UNAVAILABLE -> new ApiError(503, "accounting_unavailable", message);
                case UNKNOWN -> new ApiError(502, "slurm_error", message);
            };
        }
        if (t instanceof ShellTimeoutException e) {
            return new ApiError(504, "shell_timeout", oneLine(e.getMessage()));
        }
        if (t instanceof ShellException e) {
            String simple = e.getClass().getSimpleName();
            String type = simple.equals("HostKeyVerificationException") ? "host_key_rejected"
                    : simple.equals("SshAuthenticationException") ? "ssh_auth_failed" : "shell_failed";
            return new ApiError(502, type, oneLine(e.getMessage()));
        }
        if (t instanceof SlurmParseException e) {
            return new ApiError(502, "parse_error", oneLine(e.getMessage()));
        }
        if (t instanceof StoreException e) {
            return new ApiError(503, "store_unavailable", oneLine(e.getMessage()));
        }
        if (t instanceof SlurmException e) {
            return new ApiError(502, "slurm_error", oneLine(e.getMessage()));
        }
        if (t instanceof NotModelledError e) {
            return new ApiError(501, "not_supported", "the demo cluster does not model this: " + oneLine(e.getMessage()));
        }
        return null;
    }

    /** One line of at most 500 characters: what a client sees of a message. */
    static String oneLine(String message) {
        String m = message == null ? "" : message.replace("\r", "").replace('\n', ' ').strip();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }
}
