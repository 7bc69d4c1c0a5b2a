package io.github.slurm4j.model.job;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The map view of one {@code squeue} row: the job keys of {@link JobView#toSuppliedMap} for what
 * the columns supplied, {@code step_id} for a step row ({@code squeue -s}), and {@code truncated}
 * with the {@code -O} names of the values that may be cut by a column width (such a value is
 * never presented as complete: a cut job id is left out).
 *
 * <p>{@code job_id} is left out when squeue did not print the job's own id (an array element
 * {@code 17_3} or het component {@code 21+1} without {@code %A}): {@code array_job_id} and
 * {@code array_task_id} then identify it.
 */
public final class SqueueRowView {
    private SqueueRowView() {
    }

    public static Map<String, Object> toMap(SqueueRow row, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>(JobView.toSuppliedMap(row.toJob(), zone));
        Object id = m.get("job_id");
        if (id instanceof Number && ((Number) id).longValue() == 0) {
            m.remove("job_id");
        }
        if (row.jobId() != null && row.jobId().isStep()) {
            m.put("step_id", row.jobId().toString());
        }
        if (!row.truncated().isEmpty()) {
            m.put("truncated", new ArrayList<>(row.truncated()));
        }
        return m;
    }
}
