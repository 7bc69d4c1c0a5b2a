package io.github.slurm4j.model.metrics;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.JobIdView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map view of a {@link JobPid}. */
public final class JobPidView {
    private JobPidView() {
    }

    /**
     * Keys {@code pid}, the identity keys of {@link JobIdView} for the step ({@code job_id} 14,
     * {@code job_id_text} {@code 14.batch}, {@code step_id} {@code batch}), {@code local_id},
     * {@code global_id}; sentinels are {@code null}.
     *
     * @param p one {@code scontrol listpids} row; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(JobPid p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        JobId job = p.jobId();
        m.putAll(JobIdView.toMap(new JobId(job.id(), job.arrayTask(), job.hetOffset(), p.stepId()), null));
        m.put("local_id", p.localId());
        m.put("global_id", p.globalId());
        return m;
    }
}
