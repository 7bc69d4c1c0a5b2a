package io.github.slurm4j.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link JobRow} as a map of JSON values (times in epoch seconds), for a console's list page. */
public final class JobRowView {
    private JobRowView() {
    }

    /**
     * The view of one row.
     *
     * @param r the row; not null
     * @return {@code id, jobKey, name, user, partition, status} (the phase's name), {@code cloudStatus,
     *     reasonCode, reasonMessage, slurmState} (as Slurm printed it), {@code devices, devicesAreGpus,
     *     preemptible, priority, submitted, started, finished} (epoch seconds or null), {@code comment}
     */
    public static Map<String, Object> toMap(JobRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("jobKey", r.jobKey());
        m.put("name", r.name());
        m.put("user", r.user());
        m.put("partition", r.partition());
        m.put("status", r.status().phase().name());
        m.put("cloudStatus", r.status().cloud().name());
        m.put("reasonCode", r.status().reasonCode());
        m.put("reasonMessage", r.status().message());
        m.put("slurmState", r.status().state().raw());
        m.put("devices", r.devices());
        m.put("devicesAreGpus", r.gpus());
        m.put("preemptible", r.preemptible());
        m.put("priority", r.priority());
        m.put("submitted", epoch(r.submitted()));
        m.put("started", epoch(r.started()));
        m.put("finished", epoch(r.finished()));
        m.put("comment", r.comment());
        return m;
    }

    private static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
