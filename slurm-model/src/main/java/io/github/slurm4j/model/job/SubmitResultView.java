package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobIdView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of a {@link SubmitResult}. */
public final class SubmitResultView {
    private SubmitResultView() {
    }

    /**
     * The identity keys of {@link JobIdView} ({@code job_id} the number 57, {@code job_id_text}
     * {@code "57"}), {@code cluster} (or null), {@code warnings}.
     *
     * @param r the parsed sbatch output; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SubmitResult r) {
        Map<String, Object> m = new LinkedHashMap<>(JobIdView.toMap(r.jobId(), null));
        m.put("cluster", r.cluster());
        m.put("warnings", r.warnings());
        return m;
    }
}
