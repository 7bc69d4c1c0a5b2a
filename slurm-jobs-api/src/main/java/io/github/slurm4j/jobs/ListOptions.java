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
    public static final ListOptions ALL = new ListOptions(null, Set.of(), null, 0, Integer.MAX_VALUE);

    public ListOptions {
        phases = phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("negative offset or limit");
        }
    }

    public ListOptions page(int offset, int limit) {
        return new ListOptions(partition, phases, nameContains, offset, limit);
    }

    public ListOptions partition(String p) {
        return new ListOptions(p, phases, nameContains, offset, limit);
    }

    public ListOptions phases(Set<JobPhase> ps) {
        return new ListOptions(partition, ps, nameContains, offset, limit);
    }

    public ListOptions nameContains(String text) {
        return new ListOptions(partition, phases, text, offset, limit);
    }

    boolean accepts(JobRow r) {
        return (partition == null || partition.equals(r.partition()))
                && (phases.isEmpty() || phases.contains(r.phase()))
                && (nameContains == null || (r.name() != null && r.name().contains(nameContains)));
    }
}
