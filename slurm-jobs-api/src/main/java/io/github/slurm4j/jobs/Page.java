package io.github.slurm4j.jobs;

import java.util.List;

/**
 * A page of rows.
 *
 * @param rows the rows of the page
 * @param total the number of rows that matched the filter, over all pages
 * @param <T> the row type
 */
public record Page<T>(List<T> rows, int total) {
    /**
     * Copies the rows.
     *
     * @param rows the rows of the page; copied
     * @param total the number of rows that matched the filter, over all pages
     * @throws NullPointerException if {@code rows} or one of them is {@code null}
     */
    public Page {
        rows = List.copyOf(rows);
    }
}
