package io.github.slurm4j.model.job;

import io.github.slurm4j.model.SlurmError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an action command that prints little or nothing when it works: {@code scancel},
 * {@code scontrol hold|uhold|release|requeue|requeuehold|suspend|resume|update},
 * {@code scontrol create reservation}.
 *
 * @param error the classified refusal, or {@code null} when the action was accepted
 * @param messages the informational lines the command printed (e.g.
 *     {@code Reservation created: cpu_future}, {@code scancel: Terminating job 32}), trimmed, in
 *     order, without the error lines; never {@code null}
 */
public record ActionResult(SlurmError error, List<String> messages) {
    public ActionResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    /** An accepted action with these messages. */
    public static ActionResult ok(List<String> messages) {
        return new ActionResult(null, messages);
    }

    /** {@code true} when Slurm accepted the action. */
    public boolean isOk() {
        return error == null;
    }

    public Optional<SlurmError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
