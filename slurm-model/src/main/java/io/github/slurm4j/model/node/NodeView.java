package io.github.slurm4j.model.node;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A map view of a {@link Node}. Keys, always present (value {@code null} when not supplied):
 * {@code name, state} (the base state, e.g. {@code MIXED}), {@code state_flags} (flag names, e.g.
 * {@code ["DRAIN", "NOT_RESPONDING"]}), {@code state_raw}, {@code cpus_total, cpus_alloc,
 * cpus_effective, cpu_load, real_memory_mb, alloc_memory_mb, free_memory_mb}, {@code gres} and
 * {@code gres_used} (lists of {@code {name, type, count, idx}}), {@code partitions},
 * {@code features} (active features), {@code available_features}, {@code reason},
 * {@code reason_user}, {@code reason_time} (epoch seconds), {@code arch, os, version,
 * cfg_tres, alloc_tres} (TRES strings), {@code boot_time, last_busy_time} (epoch seconds),
 * {@code extras}.
 */
public final class NodeView {
    private NodeView() {
    }

    /**
     * The map; values are {@code String}, {@code Long}, {@code Integer}, {@code Double}, {@code List},
     * {@code Map} or {@code null}.
     *
     * @param node the node; not null
     * @param zone the cluster's time zone for epoch seconds
     * @return the keys above, in that order; unmodifiable
     */
    public static Map<String, Object> toMap(Node node, ZoneId zone) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(zone, "zone");
        Map<String, Object> m = new LinkedHashMap<>(48);
        Node.Hardware hw = node.hardware();
        Node.Usage us = node.usage();
        Node.Info in = node.info();
        m.put("name", node.name());
        m.put("state", node.state() == null ? null : node.state().base().name());
        m.put("state_flags", node.state() == null ? null : node.state().flags().stream().map(Enum::name).sorted().toList());
        m.put("state_raw", node.state() == null ? null : node.state().raw());
        m.put("cpus_total", hw.cpuTotal());
        m.put("cpus_alloc", us.cpuAlloc());
        m.put("cpus_effective", hw.cpuEffective());
        m.put("cpu_load", us.cpuLoad());
        m.put("real_memory_mb", mib(hw.realMemoryBytes()));
        m.put("alloc_memory_mb", mib(us.allocMemoryBytes()));
        m.put("free_memory_mb", mib(us.freeMemoryBytes()));
        m.put("gres", gres(hw.gres()));
        m.put("gres_used", gres(us.gresUsed()));
        m.put("partitions", in.partitions());
        m.put("features", hw.activeFeatures());
        m.put("available_features", hw.availableFeatures());
        m.put("reason", node.reason());
        m.put("reason_user", node.reasonUser());
        m.put("reason_time", epoch(node.reasonTime(), zone));
        m.put("arch", hw.arch());
        m.put("os", in.os());
        m.put("version", in.version());
        m.put("cfg_tres", tres(hw.cfgTres()));
        m.put("alloc_tres", tres(us.allocTres()));
        m.put("boot_time", epoch(in.bootTime(), zone));
        m.put("last_busy_time", epoch(in.lastBusyTime(), zone));
        m.put("extras", node.extras());
        return Collections.unmodifiableMap(m);
    }

    private static Long mib(Long bytes) {
        return bytes == null ? null : MemorySize.toMib(bytes);
    }

    private static Long epoch(SlurmTime t, ZoneId zone) {
        return t == null || !t.isSet() ? null : t.toEpochSecond(zone);
    }

    private static String tres(Tres t) {
        return t == null ? null : t.toString();
    }

    private static List<Map<String, Object>> gres(List<GresItem> items) {
        if (items == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (GresItem g : items) {
            Map<String, Object> m = new LinkedHashMap<>(8);
            m.put("name", g.name());
            m.put("type", g.type());
            m.put("count", g.count());
            m.put("idx", g.indexes());
            out.add(Collections.unmodifiableMap(m));
        }
        return List.copyOf(out);
    }
}
