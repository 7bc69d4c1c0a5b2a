package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobIdView;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The map view of a {@link JobStep} ({@code scontrol show step}): snake_case keys, times as epoch
 * seconds in the cluster's zone (0 for a sentinel), the time limit in minutes or
 * {@code "UNLIMITED"}; keys of values the output did not supply are left out. The step's identity
 * is written by {@link JobIdView}: {@code job_id_text} {@code 14.0}, {@code job_id} 14,
 * {@code step_id} {@code 0}.
 */
public final class JobStepView {
    private JobStepView() {
    }

    /**
     * The view of one step.
     *
     * @param s the step; not null
     * @param zone the cluster's time zone, to turn its printed local times into epoch seconds
     * @return the supplied keys as described above, the identity first
     */
    public static Map<String, Object> toMap(JobStep s, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.stepId() != null) {
            m.putAll(JobIdView.toMap(s.stepId(), null));
        }
        put(m, "user_name", s.user() == null ? null : s.user().name());
        put(m, "user_id", s.user() == null ? null : s.user().id());
        put(m, "name", s.name());
        put(m, "state", s.state() == null ? null : s.state().raw());
        put(m, "start_time", time(s.startTime(), zone));
        put(m, "time_limit", limit(s.timeLimit()));
        put(m, "partition", s.partition());
        put(m, "nodes", s.nodeList());
        put(m, "num_nodes", s.nodes());
        put(m, "num_cpus", s.cpus());
        put(m, "num_tasks", s.tasks());
        put(m, "network", s.network());
        put(m, "tres", s.tres() == null ? null : s.tres().toString());
        put(m, "resv_ports", s.resvPorts());
        put(m, "cpu_freq_req", s.cpuFreqReq());
        put(m, "dist", s.dist());
        put(m, "srun_host", s.srunHost());
        put(m, "srun_pid", s.srunPid());
        if (!s.extras().isEmpty()) {
            m.put("extras", new LinkedHashMap<>(s.extras()));
        }
        return m;
    }

    private static Long time(SlurmTime t, ZoneId zone) {
        return t == null ? null : t.toEpochSecond(zone);
    }

    private static Object limit(TimeLimit t) {
        if (t == null) {
            return null;
        }
        return t.isLimited() ? (Object) t.minutes().getAsLong() : t.toString();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
