package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobIdView;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of a {@link SubmitTestResult}. */
public final class SubmitTestResultView {
    private SubmitTestResultView() {
    }

    /**
     * The identity keys of {@link JobIdView} ({@code job_id} the number 21, {@code job_id_text}
     * {@code "21"}), {@code start_time} (ISO local date-time string, or null when Slurm printed
     * none), {@code processors}, {@code node_list}, {@code partition}, {@code warnings}.
     *
     * @param r the parsed {@code sbatch --test-only} output; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SubmitTestResult r) {
        Map<String, Object> m = new LinkedHashMap<>(JobIdView.toMap(r.jobId(), null));
        // ISO with seconds even when they are zero (LocalDateTime.toString drops them)
        m.put("start_time", r.startTime().asLocalDateTime().map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format).orElse(null));
        m.put("processors", r.processors());
        m.put("node_list", r.nodeList());
        m.put("partition", r.partition());
        m.put("warnings", r.warnings());
        return m;
    }
}
