package io.github.slurm4j.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Paging and a filter for job lists. Immutable.
 *
 * @param partition only jobs of this partition, or {@code null}
 * @param phases only jobs in these phases; empty = all
 * @param nameContains only jobs whose name contains this text, or {@code null}
 * @param offset rows skipped (after filtering and ordering)
 * @param limit rows returned at most
 */
public record ListOptions(String partition, Set<JobPhase> phases, String nameContains, int offset, int limit) {
    /** No filter and no paging: every row. */
    public static final ListOptions ALL = new ListOptions(null, Set.of(), null, 0, Integer.MAX_VALUE);

    /**
     * Checks the paging and copies the phases; start from {@link #ALL} and narrow it.
     *
     * @param partition only jobs of this partition, or {@code null}
     * @param phases only jobs in these phases; empty = all; copied
     * @param nameContains only jobs whose name contains this text, or {@code null}
     * @param offset rows skipped (after filtering and ordering)
     * @param limit rows returned at most
     * @throws NullPointerException if {@code phases} or one of them is {@code null}
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is negative
     */
    public ListOptions {
        phases = phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("negative offset or limit");
        }
    }

    /**
     * The same filter with another page.
     *
     * @param offset rows skipped; not negative
     * @param limit rows returned at most; not negative
     * @return the new options
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is negative
     */
    public ListOptions page(int offset, int limit) {
        return new ListOptions(partition, phases, nameContains, offset, limit);
    }

    /**
     * The same options, only jobs of partition {@code p}.
     *
     * @param p the partition name, or {@code null} for every partition
     * @return the new options
     */
    public ListOptions partition(String p) {
        return new ListOptions(p, phases, nameContains, offset, limit);
    }

    /**
     * The same options, only jobs in these phases.
     *
     * @param ps the phases; empty for every phase
     * @return the new options
     */
    public ListOptions phases(Set<JobPhase> ps) {
        return new ListOptions(partition, ps, nameContains, offset, limit);
    }

    /**
     * The same options, only jobs whose name contains {@code text} (case-sensitive).
     *
     * @param text the text, or {@code null} for every name
     * @return the new options
     */
    public ListOptions nameContains(String text) {
        return new ListOptions(partition, phases, text, offset, limit);
    }

    boolean accepts(JobRow r) {
        return (partition == null || partition.equals(r.partition()))
                && (phases.isEmpty() || phases.contains(r.phase()))
                && (nameContains == null || (r.name() != null && r.name().contains(nameContains)));
    }
}
