package io.github.slurm4j.model.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-ready view of {@link SchedulerDiagnostics}; instants become ISO-8601 UTC strings. */
public final class SchedulerDiagnosticsView {
    private SchedulerDiagnosticsView() {
    }

    /**
     * {@code generated_at}, {@code data_since}, {@code general}, {@code sections},
     * {@code rpcs_by_message_type}, {@code rpcs_by_user}, {@code pending_rpcs}.
     *
     * @param d the parsed {@code sdiag} output; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SchedulerDiagnostics d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generated_at", str(d.generatedAt()));
        m.put("data_since", str(d.dataSince()));
        m.put("general", values(d.general()));
        Map<String, Object> sections = new LinkedHashMap<>();
        d.sections().forEach((k, v) -> sections.put(k, values(v)));
        m.put("sections", sections);
        m.put("rpcs_by_message_type", rpcs(d.rpcsByMessageType()));
        m.put("rpcs_by_user", rpcs(d.rpcsByUser()));
        m.put("pending_rpcs", rpcs(d.pendingRpcs()));
        return m;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Map<String, Object> values(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Instant ? v.toString() : v));
        return out;
    }

    private static List<Object> rpcs(List<RpcStat> in) {
        List<Object> out = new ArrayList<>();
        for (RpcStat r : in) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("id", r.id());
            m.put("count", r.count());
            m.put("ave_time_us", r.averageMicros());
            m.put("total_time_us", r.totalMicros());
            out.add(m);
        }
        return out;
    }
}
