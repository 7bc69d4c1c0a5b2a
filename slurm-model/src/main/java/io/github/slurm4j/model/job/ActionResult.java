package io.github.slurm4j.model.job;

import java.util.List;
import java.util.Objects;

/**
 * What an accepted action printed: {@code scancel}, {@code scontrol
 * hold|uhold|release|requeue|requeuehold|suspend|resume|update}, {@code scontrol create
 * reservation}. A refusal is never an {@code ActionResult}: it is thrown as a
 * {@code SlurmCommandException} carrying Slurm's classified error.
 *
 * @param messages the informational lines the command printed (e.g.
 *     {@code Reservation created: cpu_future}, {@code scancel: Terminating job 32}), trimmed, in
 *     order; never {@code null}
 */
public record ActionResult(List<String> messages) {
    /**
     * Copies the messages.
     *
     * @param messages the informational lines the command printed (e.g.
     *     {@code Reservation created: cpu_future}, {@code scancel: Terminating job 32}), trimmed, in
     *     order; never {@code null}; copied
     * @throws NullPointerException if {@code messages} or one of them is {@code null}
     */
    public ActionResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    /**
     * An accepted action with these messages.
     *
     * @param messages the lines the command printed, trimmed, in order; may be empty
     * @return the result
     */
    public static ActionResult ok(List<String> messages) {
        return new ActionResult(messages);
    }
}
