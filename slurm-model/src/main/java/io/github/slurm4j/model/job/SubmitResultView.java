package io.github.slurm4j.model.job;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of a {@link SubmitResult}. */
public final class SubmitResultView {
    private SubmitResultView() {
    }

    /** {@code job_id} (string, e.g. {@code "57"}), {@code cluster} (or null), {@code warnings}. */
    public static Map<String, Object> toMap(SubmitResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", r.jobId().toString());
        m.put("cluster", r.cluster());
        m.put("warnings", r.warnings());
        return m;
    }
}
