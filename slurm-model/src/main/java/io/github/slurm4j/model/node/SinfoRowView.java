package io.github.slurm4j.model.node;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A map view of a {@link SinfoRow} for printing as JSON: only what the row holds (a component
 * sinfo did not print is left out), under snake_case keys.
 *
 * <ul>
 * <li>{@code partition} (without the {@code *}), {@code default_partition} (Boolean),
 *     {@code avail}, {@code node_list}, {@code gres}, {@code gres_used}, {@code reason},
 *     {@code reason_user}: String;</li>
 * <li>{@code time_limit}: Long seconds, or the sentinel String ({@code UNLIMITED});</li>
 * <li>{@code nodes}, {@code cpus_per_node}, {@code memory_mb}, {@code free_memory_mb} (MiB),
 *     {@code cpus_allocated/idle/other/total}, {@code nodes_allocated/idle/other/total}: Long or
 *     Integer;</li>
 * <li>{@code state}: the base state in lower case ({@code mixed}, {@code idle}), {@code state_flags}:
 *     the flag names in lower case ({@code drain}, {@code not_responding}), {@code state_raw}: as
 *     printed ({@code drain*});</li>
 * <li>{@code reason_time}: the ISO local date-time String, or null for {@code Unknown};</li>
 * <li>{@code extras}: the other printed fields by {@code -O} name, raw Strings;
 *     {@code truncated}: the fields whose value may be cut, by view key ({@code cpus_aiot} and
 *     {@code nodes_aiot} for the A/I/O/T counts) or, for extras, by {@code -O} name (present
 *     only when any).</li>
 * </ul>
 */
public final class SinfoRowView {
    private SinfoRowView() {
    }

    /**
     * The view of one row.
     *
     * @param row the row; not null
     * @return the keys above that the row holds, in that order
     */
    public static Map<String, Object> toMap(SinfoRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "partition", row.partition());
        put(m, "default_partition", row.defaultPartition());
        put(m, "avail", row.available());
        put(m, "time_limit", limit(row.timeLimit()));
        put(m, "nodes", row.nodeCount());
        if (row.state() != null) {
            NodeState s = row.state();
            m.put("state", s.base().name().toLowerCase(Locale.ROOT));
            List<String> flags = new ArrayList<>();
            for (NodeState.Flag f : s.flags()) {
                flags.add(f.name().toLowerCase(Locale.ROOT));
            }
            m.put("state_flags", flags);
            m.put("state_raw", s.raw());
        }
        put(m, "node_list", row.nodeList());
        if (row.cpus() != null) {
            counts(m, "cpus", row.cpus());
        }
        if (row.nodesAiot() != null) {
            counts(m, "nodes", row.nodesAiot());
        }
        put(m, "cpus_per_node", row.cpusPerNode());
        put(m, "memory_mb", row.memoryMib());
        put(m, "free_memory_mb", row.freeMemoryMib());
        put(m, "gres", row.gres());
        put(m, "gres_used", row.gresUsed());
        put(m, "reason", row.reason());
        put(m, "reason_user", row.reasonUser());
        if (row.reasonTime() != null) {
            SlurmTime t = row.reasonTime();
            // Slurm's notation (seconds always): LocalDateTime.toString() drops ":00" seconds
            m.put("reason_time", t.isSet() ? t.toString() : null);
        }
        if (!row.extras().isEmpty()) {
            m.put("extras", new LinkedHashMap<>(row.extras()));
        }
        if (!row.truncated().isEmpty()) {
            List<String> cut = new ArrayList<>();
            for (String field : row.truncated()) {
                String key = KEYS.getOrDefault(field, field);
                if (!cut.contains(key)) {
                    cut.add(key);
                }
            }
            m.put("truncated", cut);
        }
        return m;
    }

    /** The view key of each {@code -O} field the row maps onto a component. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("Partition", "partition"), Map.entry("PartitionName", "partition"),
            Map.entry("Available", "avail"), Map.entry("Time", "time_limit"), Map.entry("Nodes", "nodes"),
            Map.entry("StateCompact", "state"), Map.entry("StateLong", "state"), Map.entry("State", "state"),
            Map.entry("NodeList", "node_list"), Map.entry("CPUsState", "cpus_aiot"), Map.entry("NodeAIOT", "nodes_aiot"),
            Map.entry("CPUs", "cpus_per_node"), Map.entry("Memory", "memory_mb"), Map.entry("FreeMem", "free_memory_mb"),
            Map.entry("Gres", "gres"), Map.entry("GresUsed", "gres_used"), Map.entry("Reason", "reason"),
            Map.entry("User", "reason_user"), Map.entry("Timestamp", "reason_time"));

    private static Object limit(TimeLimit t) {
        if (t == null) {
            return null;
        }
        return t.isLimited() ? (Object) t.duration().getSeconds() : t.toString();
    }

    private static void counts(Map<String, Object> m, String prefix, SinfoRow.CpuCounts c) {
        m.put(prefix + "_allocated", c.allocated());
        m.put(prefix + "_idle", c.idle());
        m.put(prefix + "_other", c.other());
        m.put(prefix + "_total", c.total());
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
