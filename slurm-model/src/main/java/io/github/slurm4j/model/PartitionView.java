package io.github.slurm4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A map view of a {@link Partition}: {@code name, state, default, nodes, total_cpus, total_nodes,
 * default_time, max_time} (minutes, or {@code "UNLIMITED"}), {@code max_nodes, min_nodes}
 * ({@code "UNLIMITED"} for {@link Partition#UNLIMITED}), {@code hidden, priority_tier,
 * preempt_mode, over_subscribe, tres, extras}; {@code null} when not supplied.
 */
public final class PartitionView {
    private PartitionView() {
    }

    /**
     * The view of one partition.
     *
     * @param p the partition; not null
     * @return the keys above, in that order; unmodifiable
     */
    public static Map<String, Object> toMap(Partition p) {
        Objects.requireNonNull(p, "partition");
        Map<String, Object> m = new LinkedHashMap<>(32);
        m.put("name", p.name());
        m.put("state", p.state());
        m.put("default", p.isDefault());
        m.put("nodes", p.nodes());
        m.put("total_cpus", p.totalCpus());
        m.put("total_nodes", p.totalNodes());
        m.put("default_time", limit(p.limits().defaultTime()));
        m.put("max_time", limit(p.limits().maxTime()));
        m.put("max_nodes", count(p.limits().maxNodes()));
        m.put("min_nodes", count(p.limits().minNodes()));
        m.put("hidden", p.access().hidden());
        m.put("priority_tier", p.scheduling().priorityTier());
        m.put("preempt_mode", p.scheduling().preemptMode());
        m.put("over_subscribe", p.scheduling().overSubscribe());
        m.put("tres", p.tres() == null ? null : p.tres().toString());
        m.put("extras", p.extras());
        return Collections.unmodifiableMap(m);
    }

    private static Object count(Long v) {
        return v == null ? null : v == Partition.UNLIMITED ? "UNLIMITED" : v;
    }

    private static Object limit(TimeLimit t) {
        if (t == null || t.kind() == TimeLimit.Kind.NOT_SET) {
            return null;
        }
        return t.isLimited() ? (Object) t.minutes().getAsLong() : t.toString();
    }
}
