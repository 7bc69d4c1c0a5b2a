package io.github.slurm4j.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity keys every job, accounting, stat, step, submit, seff and pid item of the
 * {@code parse} tool carries, written from one {@link JobId}:
 *
 * <ul>
 *   <li>{@code job_id}: the job's own id ({@code JobId} of scontrol, {@code JobIDRaw} of sacct), a
 *       number ({@code Long}); left out when the output does not tell it (squeue's default table
 *       prints {@code 17_3} and {@code 21+1}, not the own ids 19 and 22);</li>
 *   <li>{@code job_id_text}: the id as Slurm's listings write it (squeue {@code %i}, sacct
 *       {@code JobID}): {@code 14}, {@code 21+1}, {@code 17_3}, {@code 17_[3-6%2]},
 *       {@code 14.batch}; always present;</li>
 *   <li>its typed parts, each only when the id has it: {@code array_job_id} ({@code Long}),
 *       {@code array_task_id} ({@code Integer}, one task) or {@code array_task_str} (a range such as
 *       {@code 3-6%2}), {@code het_job_id} ({@code Long}), {@code het_job_offset}
 *       ({@code Integer}), {@code step_id} (the step, {@code batch}, {@code extern}, {@code 0}).</li>
 * </ul>
 */
public final class JobIdView {
    /** The keys, in the order they are written. */
    public static final List<String> KEYS = List.of("job_id", "job_id_text", "array_job_id", "array_task_id",
            "array_task_str", "het_job_id", "het_job_offset", "step_id");

    private JobIdView() {
    }

    /**
     * The identity keys of an id.
     *
     * @param id the id as Slurm printed it
     * @param ownJobId the job's own id when the output printed it, else {@code null} (then
     *     {@link JobId#ownJobId()} is used)
     * @return the present keys, in {@link #KEYS} order
     */
    public static Map<String, Object> toMap(JobId id, Long ownJobId) {
        Map<String, Object> m = new LinkedHashMap<>();
        Long own = ownJobId != null ? ownJobId : id.ownJobId();
        if (own != null) {
            m.put("job_id", own);
        }
        m.put("job_id_text", id.toString());
        String task = id.arrayTask();
        if (task != null) {
            m.put("array_job_id", id.id());
            if (isDigits(task)) {
                m.put("array_task_id", Integer.valueOf(task));
            } else {
                m.put("array_task_str", task.startsWith("[") && task.endsWith("]") ? task.substring(1, task.length() - 1) : task);
            }
        }
        if (id.hetOffset() != null) {
            m.put("het_job_id", id.id());
            m.put("het_job_offset", id.hetOffset());
        }
        if (id.step() != null) {
            m.put("step_id", id.step());
        }
        return m;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
