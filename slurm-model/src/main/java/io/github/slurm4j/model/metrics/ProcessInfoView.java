package io.github.slurm4j.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link ProcessInfo}. */
public final class ProcessInfoView {
    private ProcessInfoView() {
    }

    /**
     * Keys {@code pid, ppid, user, cpu_percent, mem_percent, rss_bytes, vsz_bytes, elapsed_seconds,
     * command, cpu_time_seconds, state, args}; a value is {@code null} when ps did not print its
     * column.
     *
     * @param p one {@code ps} row; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(ProcessInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("ppid", p.ppid());
        m.put("user", p.user());
        m.put("cpu_percent", p.cpuPercent());
        m.put("mem_percent", p.memPercent());
        m.put("rss_bytes", p.rssBytes());
        m.put("vsz_bytes", p.vszBytes());
        m.put("elapsed_seconds", p.elapsed() == null ? null : p.elapsed().getSeconds());
        m.put("command", p.command());
        m.put("cpu_time_seconds", p.cpuTime() == null ? null : p.cpuTime().getSeconds());
        m.put("state", p.state());
        m.put("args", p.args());
        return m;
    }
}
