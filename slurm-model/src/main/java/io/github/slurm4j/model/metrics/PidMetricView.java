package io.github.slurm4j.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link PidMetric}. */
public final class PidMetricView {
    private PidMetricView() {
    }

    /**
     * Keys {@code pid, time} (ISO-8601 instant), {@code cpu_percent, mem_percent, rss_bytes,
     * gpu_util_percent, gpu_memory_util_percent, gpu_memory_used_mib}.
     *
     * @param p one sample; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(PidMetric p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("time", p.time().toString());
        m.put("cpu_percent", p.cpuPercent());
        m.put("mem_percent", p.memPercent());
        m.put("rss_bytes", p.rssBytes());
        m.put("gpu_util_percent", p.gpuUtilPercent());
        m.put("gpu_memory_util_percent", p.gpuMemoryUtilPercent());
        m.put("gpu_memory_used_mib", p.gpuMemoryUsedMib());
        return m;
    }
}
