package io.github.slurm4j.jobs;

import java.util.List;

/**
 * A page of rows.
 *
 * @param rows the rows of the page
 * @param total the number of rows that matched the filter, over all pages
 */
public record Page<T>(List<T> rows, int total) {
    public Page {
        rows = List.copyOf(rows);
    }
}
