package io.github.slurm4j.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link JobPid}. */
public final class JobPidView {
    private JobPidView() {
    }

    /** Keys {@code pid, job_id, step_id, local_id, global_id}; sentinels are {@code null}. */
    public static Map<String, Object> toMap(JobPid p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("job_id", p.jobId().toString());
        m.put("step_id", p.stepId());
        m.put("local_id", p.localId());
        m.put("global_id", p.globalId());
        return m;
    }
}
