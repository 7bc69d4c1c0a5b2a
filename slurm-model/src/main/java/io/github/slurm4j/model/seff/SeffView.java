package io.github.slurm4j.model.seff;

import io.github.slurm4j.model.JobIdView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-map views of a {@link SeffReport}. */
public final class SeffView {
    private SeffView() {
    }

    /**
     * The report as a map: the identity keys of {@link JobIdView} ({@code job_id} the own id of the
     * {@code Job ID:} line, {@code job_id_text} the {@code Array Job ID:} line {@code 10_2} or else
     * the job id, {@code array_job_id} and {@code array_task_id} for an array element), then
     * {@code cluster, user, group, state,
     * exit_code, nodes, cores, cores_per_node, cpu_utilized_seconds, cpu_efficiency_percent,
     * core_walltime_seconds, wallclock_seconds, memory_utilized_bytes, memory_efficiency_percent,
     * memory_requested_bytes, memory_estimated, stop_data}; {@code state} is the state name as printed.
     * A value is {@code null} when seff did
     * not print it; the usage keys are {@code null} for a report without efficiency.
     *
     * @param r the parsed seff report; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SeffReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        SeffReport.Usage u = r.usage();
        m.putAll(JobIdView.toMap(r.arrayJobId() != null ? r.arrayJobId() : r.jobId(), r.jobId().id()));
        m.put("cluster", r.cluster());
        m.put("user", r.user() == null ? null : r.user().toString());
        m.put("group", r.group() == null ? null : r.group().toString());
        m.put("state", r.state().raw());
        m.put("exit_code", r.exitCode());
        m.put("nodes", r.nodes());
        m.put("cores", r.cores());
        m.put("cores_per_node", r.coresPerNode());
        m.put("cpu_utilized_seconds", u == null ? null : u.cpuUtilized().getSeconds());
        m.put("cpu_efficiency_percent", u == null ? null : u.cpuEfficiencyPercent());
        m.put("core_walltime_seconds", u == null ? null : u.coreWalltime().getSeconds());
        m.put("wallclock_seconds", u == null ? null : u.wallclock().getSeconds());
        m.put("memory_utilized_bytes", u == null ? null : u.memoryUtilizedBytes());
        m.put("memory_efficiency_percent", u == null ? null : u.memoryEfficiencyPercent());
        m.put("memory_requested_bytes", u == null ? null : u.memoryRequestedBytes());
        m.put("memory_estimated", u == null ? null : u.memoryEstimated());
        m.put("stop_data", stopData(r));
        return m;
    }

    /**
     * The {@code stopData} map a host console shows once a job has stopped: keys {@code JobID,
     * Cluster, UserGroup, State, Nodes, Corespernode, CPUUtilized, CPUEfficiency, JobWallclocktime,
     * MemoryUtilized, MemoryEfficiency}, each the text seff printed after the first {@code ": "} of
     * its line, trimmed ({@code "CPUUtilized": "00:00:00"}, {@code "CPUEfficiency": "7.14% of
     * 00:00:14 core-walltime"}, {@code "MemoryUtilized": "0.00 MB (estimated maximum)"}). A key whose
     * line was not printed (the usage lines of a PENDING job) maps to {@code null}.
     *
     * <p>In the {@code Cores:} variant seff prints no {@code Nodes:} and no {@code Cores per node:}.
     * seff uses that variant for single-CPU jobs, and one CPU sits on one node, so when it printed
     * {@code Cores: 1} both keys read {@code "1"}. For any other {@code Cores:} value the node
     * count is not known and both keys are {@code null}.
     *
     * @param r the parsed seff report; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> stopData(SeffReport r) {
        Map<String, String> p = r.printed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("JobID", p.get("Job ID"));
        m.put("Cluster", p.get("Cluster"));
        m.put("UserGroup", p.get("User/Group"));
        m.put("State", p.get("State"));
        String nodes = p.get("Nodes");
        String perNode = p.get("Cores per node");
        if (nodes == null && perNode == null && Integer.valueOf(1).equals(r.cores())) {
            nodes = "1";
            perNode = "1";
        }
        m.put("Nodes", nodes);
        m.put("Corespernode", perNode);
        m.put("CPUUtilized", p.get("CPU Utilized"));
        m.put("CPUEfficiency", p.get("CPU Efficiency"));
        m.put("JobWallclocktime", p.get("Job Wall-clock time"));
        m.put("MemoryUtilized", p.get("Memory Utilized"));
        m.put("MemoryEfficiency", p.get("Memory Efficiency"));
        return m;
    }
}
