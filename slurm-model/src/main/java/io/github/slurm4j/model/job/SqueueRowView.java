package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.JobIdView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The map view of one {@code squeue} row: the job keys of {@link JobView#toSuppliedMap} for what
 * the columns supplied, {@code step_id} for a step row ({@code squeue -s}), and {@code truncated}
 * with the {@code -O} names of the values that may be cut by a column width (such a value is
 * never presented as complete: a cut job id is only {@code job_id_text}, flagged).
 *
 * <p>The identity keys are those of {@link JobIdView}: {@code job_id_text} is the id as squeue
 * printed it ({@code %i}: {@code 21+1}, {@code 17_3}, {@code 17_[3-6%2]}, a step {@code 14.batch}
 * with {@code step_id} {@code batch}), or, when the format printed only the own id ({@code -O
 * JobID}) next to {@code HetJobID}/{@code HetJobOffset} or {@code ArrayJobID}/{@code ArrayTaskID},
 * the same form built from those. {@code job_id} is left out when squeue did not print the job's
 * own id (an array element {@code 17_3} or het component {@code 21+1} without {@code %A}); the
 * typed parts then identify it. An id cut by its column width is printed as cut (see
 * {@code truncated}), with the whole array or het job number when the cut kept it.
 */
public final class SqueueRowView {
    private SqueueRowView() {
    }

    /**
     * The view of one squeue row.
     *
     * @param row the row; not null
     * @param zone the cluster's time zone, to turn its printed local times into epoch seconds
     * @return the supplied keys as described above
     */
    public static Map<String, Object> toMap(SqueueRow row, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>(JobView.toSuppliedMap(row.toJob(), zone));
        JobId printed = row.jobId();
        if (printed != null && (printed.isStep() || printed.isArray() || printed.isHetComponent())) {
            // the printed form wins: it has the step, which a job does not
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, Object> id = JobIdView.toMap(printed, m.get("job_id") instanceof Long ? (Long) m.get("job_id") : null);
            out.putAll(id);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.putIfAbsent(e.getKey(), e.getValue());
            }
            m = out;
        } else if (printed == null && !m.containsKey("job_id_text")) {
            cutId(row, m);
        }
        if (!row.truncated().isEmpty()) {
            m.put("truncated", new ArrayList<>(row.truncated()));
        }
        return m;
    }

    /**
     * A job id cut by its column width ({@code %.8i} prints {@code 17_[2,4-} of
     * {@code 17_[2,4-6]}): {@code job_id_text} is what squeue printed (and {@code truncated} says
     * it is cut), {@code array_job_id} or {@code het_job_id} the whole number before a printed
     * {@code _} or {@code +}.
     */
    private static void cutId(SqueueRow row, Map<String, Object> m) {
        for (String key : new String[] {"JobArrayID", "StepID", "JobID"}) {
            String text = row.extras().get(key);
            if (text == null || text.isEmpty() || !row.isTruncated(key)) {
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("job_id_text", text);
            int digits = 0;
            while (digits < text.length() && digits < 18 && Character.isDigit(text.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && digits < text.length() && (text.charAt(digits) == '_' || text.charAt(digits) == '+')) {
                out.put(text.charAt(digits) == '_' ? "array_job_id" : "het_job_id", Long.parseLong(text.substring(0, digits)));
            }
            out.putAll(m);
            m.clear();
            m.putAll(out);
            return;
        }
    }
}
