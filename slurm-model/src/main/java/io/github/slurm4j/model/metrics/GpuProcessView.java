package io.github.slurm4j.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link GpuProcess}. */
public final class GpuProcessView {
    private GpuProcessView() {
    }

    /**
     * The view of one GPU process.
     *
     * @param p the process; not null
     * @return keys {@code pid, used_memory_mib} ({@code null} when not available)
     */
    public static Map<String, Object> toMap(GpuProcess p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("used_memory_mib", p.usedMemoryMib());
        return m;
    }
}
