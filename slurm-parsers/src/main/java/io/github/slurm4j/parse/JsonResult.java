package io.github.slurm4j.parse;

import java.util.List;
import java.util.Objects;

/**
 * What a Slurm JSON output ({@code squeue --json}, {@code scontrol show nodes --json},
 * slurmrestd) holds: its items, and its {@code errors} and {@code warnings}. An error is an
 * output, not an exception: {@code squeue --json} exits 0 when slurmctld refused the query and
 * says so only in {@code errors}; check {@link #hasErrors()}.
 *
 * @param items the items, in document order; unmodifiable
 * @param errors the messages of the {@code errors} array; empty when none
 * @param warnings the messages of the {@code warnings} array; empty when none
 * @param slurmVersion the Slurm release of {@code meta} ({@code 22.05.8}), or {@code null}
 * @param openapiVersion the plugin or data parser of {@code meta} ({@code openapi/v0.0.38},
 *     {@code data_parser/v0.0.41}), or {@code null}
 * @param <T> the item type
 */
public record JsonResult<T>(List<T> items, List<String> errors, List<String> warnings, String slurmVersion,
        String openapiVersion) {
    /**
     * Copies the lists.
     *
     * @param items the items, in document order; copied
     * @param errors the messages of the {@code errors} array; empty when none; {@code null} is taken as none; copied
     * @param warnings the messages of the {@code warnings} array; empty when none; {@code null} is taken as none;
     *     copied
     * @param slurmVersion the Slurm release of {@code meta} ({@code 22.05.8}), or {@code null}
     * @param openapiVersion the plugin or data parser of {@code meta} ({@code openapi/v0.0.38},
     *     {@code data_parser/v0.0.41}), or {@code null}
     * @throws NullPointerException if {@code items} or an element of a list is {@code null}
     */
    public JsonResult {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** {@return whether Slurm reported an error in {@code errors}; the items are then not to be trusted as complete} */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
