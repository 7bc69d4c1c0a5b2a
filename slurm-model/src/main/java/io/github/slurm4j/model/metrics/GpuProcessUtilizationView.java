package io.github.slurm4j.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link GpuProcessUtilization}. */
public final class GpuProcessUtilizationView {
    private GpuProcessUtilizationView() {
    }

    /**
     * Keys {@code gpu, pid, type, sm_percent, mem_percent, enc_percent, dec_percent, fb_mib,
     * command, extras}; {@code -} is {@code null}.
     *
     * @param p one {@code nvidia-smi pmon} row; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(GpuProcessUtilization p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gpu", p.gpu());
        m.put("pid", p.pid());
        m.put("type", p.type());
        m.put("sm_percent", p.smPercent());
        m.put("mem_percent", p.memPercent());
        m.put("enc_percent", p.encPercent());
        m.put("dec_percent", p.decPercent());
        m.put("fb_mib", p.fbMib());
        m.put("command", p.command());
        m.put("extras", new LinkedHashMap<String, Object>(p.extras()));
        return m;
    }
}
