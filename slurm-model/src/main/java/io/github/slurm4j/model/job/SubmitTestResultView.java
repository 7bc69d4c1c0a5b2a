package io.github.slurm4j.model.job;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of a {@link SubmitTestResult}. */
public final class SubmitTestResultView {
    private SubmitTestResultView() {
    }

    /**
     * {@code job_id} (string, e.g. {@code "21"}), {@code start_time} (ISO local date-time string, or
     * null when Slurm printed none), {@code processors}, {@code node_list}, {@code partition},
     * {@code warnings}.
     *
     * @param r the parsed {@code sbatch --test-only} output; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SubmitTestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", r.jobId().toString());
        // ISO with seconds even when they are zero (LocalDateTime.toString drops them)
        m.put("start_time", r.startTime().asLocalDateTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format).orElse(null));
        m.put("processors", r.processors());
        m.put("node_list", r.nodeList());
        m.put("partition", r.partition());
        m.put("warnings", r.warnings());
        return m;
    }
}
