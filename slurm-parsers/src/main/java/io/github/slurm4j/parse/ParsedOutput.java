package io.github.slurm4j.parse;

import io.github.slurm4j.model.SlurmError;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link CommandOutputParser}: the tool, the kind of items, the items as views (maps
 * of JSON-ready values, see each model type's {@code *View}) and the classified error, if the
 * output was one.
 *
 * @param command the tool's name ({@code scontrol}, {@code squeue}, …)
 * @param kind one of {@code job, node, partition, step, reservation, accounting, stat, seff,
 *     submit, submit_test, pids, process, gpu_process, action, table, config, license, hostname, diag}
 * @param items the parsed items; empty for an error
 * @param error the classified Slurm error, or {@code null}
 */
public record ParsedOutput(String command, String kind, List<Map<String, Object>> items, SlurmError error) {
    /**
     * Checks the tool and kind and wraps the items unmodifiable (not a copy).
     *
     * @param command the tool's name ({@code scontrol}, {@code squeue}, …)
     * @param kind one of {@code job, node, partition, step, reservation, accounting, stat, seff,
     *     submit, submit_test, pids, process, gpu_process, action, table, config, license, hostname, diag}
     * @param items the parsed items; empty for an error
     * @param error the classified Slurm error, or {@code null}
     * @throws NullPointerException if {@code command}, {@code kind} or {@code items} is {@code null}
     */
    public ParsedOutput {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(kind, "kind");
        items = Collections.unmodifiableList(items);
    }

    /**
     * The result for an output that was an error: no items.
     *
     * @param command the tool's name; not null
     * @param kind the kind the output would have had; not null
     * @param error the classified error
     * @return the result
     */
    public static ParsedOutput error(String command, String kind, SlurmError error) {
        return new ParsedOutput(command, kind, List.of(), error);
    }
}
