package io.github.slurm4j.model.job;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.Hostlist;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.JobIdView;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A map view of a {@link Job} with exactly the 109 keys of the host console's {@code environment}
 * example, with the same value types: {@code submit_time}, {@code start_time}, {@code end_time},
 * {@code eligible_time} and {@code resize_time}, {@code suspend_time} as epoch seconds
 * ({@code Long}); {@code accrue_time} and {@code last_sched_eval} as {@code yyyy-MM-ddTHH:mm:ss}
 * strings; {@code time_limit} as minutes ({@code Long}) or the string {@code "UNLIMITED"} /
 * {@code "Partition_Limit"}; {@code run_time} seconds; {@code exit_code} {@code "0:0"}; node lists
 * as expanded {@code List<String>}; {@code licenses} as a name-to-count map. A time that is a
 * sentinel ({@code Unknown}, {@code None}, {@code N/A}) is {@code null}.
 *
 * <p>Keys {@code scontrol show job} cannot supply are always {@code null}: {@code assoc_id},
 * {@code bitflags}, {@code profile}, {@code show_flags}. Keys that need a newer Slurm or a
 * particular job are {@code null} when the job does not have them (for example
 * {@code cpu_freq_*}, {@code tres_per_task}, {@code resize_time}).
 *
 * <p>Decisions where scontrol is ambiguous:
 * <ul>
 *   <li>Slurm 22.05 prints one {@code TRES=}: it is the allocated TRES once the job has started
 *       and the requested TRES while it is pending. So {@code tres_alloc_str} is that value for a
 *       job that is not {@code PENDING}, and {@code tres_req_str} is that value for a
 *       {@code PENDING} job; the other key is {@code null}. 23.02+ {@code ReqTRES}/{@code AllocTRES}
 *       map directly.</li>
 *   <li>{@code tres_per_*} and {@code cpus_per_tres}/{@code mem_per_tres}: scontrol prints
 *       {@code gres:gpu:1} (22.05) or {@code gres/gpu:1}; the view drops the {@code gres:} /
 *       {@code gres/} prefix of every element to give the example's {@code gpu:1}. The model keeps
 *       the text verbatim.</li>
 *   <li>{@code cpus_allocated} ({@code {node: cpus}}) and {@code cpus_alloc_layout}
 *       ({@code {node: [cpu ids]}}) come from the {@code -d} detail lines; without them
 *       {@code cpus_allocated} is derived only for a started single-node job (all
 *       {@code NumCPUs} on that node), {@code cpus_alloc_layout} is {@code null}; both are empty
 *       maps for a job without nodes.</li>
 *   <li>{@code boards_per_node}, {@code sockets_per_board}, {@code cores_per_socket},
 *       {@code threads_per_core} come from {@code ReqB:S:C:T}; {@code ntasks_per_node},
 *       {@code ntasks_per_board}, {@code ntasks_per_socket}, {@code ntasks_per_core} from
 *       {@code NtasksPerN:B:S:C}; {@code *} is {@code null} in the number and kept in the
 *       {@code *_str} keys.</li>
 *   <li>{@code state_reason} is Slurm's text, and {@code "None"} (as scontrol prints it, as the
 *       console's example has it) for a job with a state and no reason: the model's {@code null}
 *       ({@link Job.Status#reasonOf}). So a squeue row whose format printed the state but no reason
 *       also shows {@code "None"} here; {@link #toSuppliedMap} leaves the key out instead.</li>
 *   <li>{@code type} is the constant {@code "showJob"}.</li>
 * </ul>
 */
public final class JobView {
    /** The 109 keys, in the order of the example's key list. */
    public static final List<String> KEYS = List.of("account", "accrue_time", "admin_comment", "alloc_node",
            "alloc_sid", "array_job_id", "array_task_id", "array_task_str", "array_max_tasks", "assoc_id",
            "batch_flag", "batch_features", "batch_host", "billable_tres", "bitflags", "boards_per_node",
            "burst_buffer", "burst_buffer_state", "command", "comment", "contiguous", "core_spec", "cores_per_socket",
            "cpus_per_task", "cpus_per_tres", "cpu_freq_gov", "cpu_freq_max", "cpu_freq_min", "dependency",
            "derived_ec", "eligible_time", "end_time", "exc_nodes", "exit_code", "features", "group_id", "job_id",
            "job_state", "last_sched_eval", "licenses", "max_cpus", "max_nodes", "mem_per_tres", "name", "network",
            "nodes", "nice", "ntasks_per_core", "ntasks_per_core_str", "ntasks_per_node", "ntasks_per_socket",
            "ntasks_per_socket_str", "ntasks_per_board", "num_cpus", "num_nodes", "num_tasks", "partition",
            "mem_per_cpu", "min_memory_cpu", "mem_per_node", "min_memory_node", "pn_min_memory", "pn_min_cpus",
            "pn_min_tmp_disk", "power_flags", "priority", "profile", "qos", "reboot", "req_nodes", "req_switch",
            "requeue", "resize_time", "restart_cnt", "resv_name", "run_time", "run_time_str", "sched_nodes", "shared",
            "show_flags", "sockets_per_board", "sockets_per_node", "start_time", "state_reason", "std_err", "std_in",
            "std_out", "submit_time", "suspend_time", "system_comment", "time_limit", "time_limit_str", "time_min",
            "threads_per_core", "tres_alloc_str", "tres_bind", "tres_freq", "tres_per_job", "tres_per_node",
            "tres_per_socket", "tres_per_task", "tres_req_str", "user_id", "wait4switch", "wckey", "work_dir",
            "cpus_allocated", "cpus_alloc_layout", "type");

    /** Keys scontrol never supplies; always null. */
    public static final List<String> NEVER_SUPPLIED = List.of("assoc_id", "bitflags", "profile", "show_flags");

    /** How the job views write a date and time: seconds always, no zone (as Slurm prints them). */
    static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JobView() {
    }

    /**
     * The 109-key map; values are {@code String}, {@code Long}, {@code Integer}, {@code Double},
     * {@code Boolean}, {@code List}, {@code Map} or {@code null}. Iteration order is {@link #KEYS}.
     *
     * @param job the job; not null
     * @param zone the cluster's time zone, to turn its wall-clock times into epoch seconds
     * @return all {@link #KEYS}, a value {@code null} when not supplied; unmodifiable
     */
    public static Map<String, Object> toMap(Job job, ZoneId zone) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(zone, "zone");
        Job.Identity id = job.identity();
        Job.Status st = job.status();
        Job.Timing tm = job.timing();
        Job.Resources rs = job.resources();
        Job.Placement pl = job.placement();
        Job.Io io = job.io();
        Map<String, Object> m = new LinkedHashMap<>(160);
        String[] bsct = fields(rs.reqBSCT(), 4);
        String[] nbsc = fields(rs.ntasksPerNBSC(), 4);
        MemoryRequest mem = rs.minMemory();
        boolean pending = job.state() != null && job.state().is(JobState.Name.PENDING);
        m.put("account", id.account());
        m.put("accrue_time", iso(tm.accrueTime()));
        m.put("admin_comment", id.adminComment());
        m.put("alloc_node", pl.allocNode());
        m.put("alloc_sid", pl.allocSid());
        m.put("array_job_id", id.arrayJobId());
        boolean singleTask = id.arrayTaskId() != null && id.arrayTaskId().tasks().size() == 1
                && id.arrayTaskId().throttle() == null;
        m.put("array_task_id", singleTask ? id.arrayTaskId().tasks().get(0) : null);
        m.put("array_task_str", id.arrayTaskId() != null && !singleTask ? id.arrayTaskId().raw() : null);
        m.put("array_max_tasks", id.arrayTaskThrottle());
        m.put("assoc_id", null);
        m.put("batch_flag", st.batchFlag() == null ? null : (st.batchFlag() ? 1 : 0));
        m.put("batch_features", emptyToNull(rs.batchFeatures()));
        m.put("batch_host", emptyToNull(pl.batchHost()));
        Tres billingSource = rs.allocTres() != null ? rs.allocTres() : rs.tres();
        m.put("billable_tres", billingSource == null || billingSource.billing().isEmpty() ? null
                : (Double) (double) billingSource.billing().getAsLong());
        m.put("bitflags", null);
        m.put("boards_per_node", number(bsct[0]));
        m.put("burst_buffer", emptyToNull(rs.burstBuffer()));
        m.put("burst_buffer_state", emptyToNull(rs.burstBufferState()));
        m.put("command", emptyToNull(io.command()));
        m.put("comment", id.comment());
        m.put("contiguous", rs.contiguous());
        m.put("core_spec", number(rs.coreSpec()));
        m.put("cores_per_socket", number(bsct[2]));
        m.put("cpus_per_task", rs.cpusPerTask());
        m.put("cpus_per_tres", gres(rs.cpusPerTres()));
        m.put("cpu_freq_gov", rs.cpuFreqGov());
        m.put("cpu_freq_max", rs.cpuFreqMax());
        m.put("cpu_freq_min", rs.cpuFreqMin());
        m.put("dependency", emptyToNull(st.dependency()));
        m.put("derived_ec", code(st.derivedExitCode()));
        m.put("eligible_time", epoch(tm.eligibleTime(), zone));
        m.put("end_time", epoch(tm.endTime(), zone));
        m.put("exc_nodes", hosts(pl.excNodeList()));
        m.put("exit_code", code(st.exitCode()));
        m.put("features", list(rs.features()));
        m.put("group_id", uid(id.group()));
        m.put("job_id", id.jobId());
        m.put("job_state", job.state() == null ? null : job.state().state().name());
        m.put("last_sched_eval", iso(tm.lastSchedEval()));
        m.put("licenses", licenses(rs.licenses()));
        m.put("max_cpus", rs.maxCpus());
        m.put("max_nodes", rs.maxNodes());
        m.put("mem_per_tres", gres(rs.memPerTres()));
        m.put("name", id.name());
        m.put("network", emptyToNull(rs.network()));
        m.put("nodes", emptyToNull(pl.nodeList()));
        m.put("nice", st.nice());
        m.put("ntasks_per_core", number(nbsc[3]));
        m.put("ntasks_per_core_str", nbsc[3]);
        m.put("ntasks_per_node", number(nbsc[0]));
        m.put("ntasks_per_socket", number(nbsc[2]));
        m.put("ntasks_per_socket_str", nbsc[2]);
        m.put("ntasks_per_board", number(nbsc[1]));
        m.put("num_cpus", rs.numCpus());
        m.put("num_nodes", rs.numNodes());
        m.put("num_tasks", rs.numTasks());
        m.put("partition", id.partition());
        m.put("mem_per_cpu", mem == null ? null : mem.per() == MemoryRequest.Per.CPU);
        m.put("min_memory_cpu", mem != null && mem.per() == MemoryRequest.Per.CPU ? mem.mib() : null);
        m.put("mem_per_node", mem == null ? null : mem.per() == MemoryRequest.Per.NODE);
        m.put("min_memory_node", mem != null && mem.per() == MemoryRequest.Per.NODE ? mem.mib() : null);
        m.put("pn_min_memory", mem == null ? null : mem.mib());
        m.put("pn_min_cpus", rs.minCpusNode());
        m.put("pn_min_tmp_disk", rs.minTmpDiskNode() == null ? null : MemorySize.toMib(rs.minTmpDiskNode()));
        m.put("power_flags", emptyToNull(rs.power()));
        m.put("priority", st.priority());
        m.put("profile", null);
        m.put("qos", id.qos());
        m.put("reboot", st.reboot());
        m.put("req_nodes", hosts(pl.reqNodeList()));
        m.put("req_switch", number(rs.switches()));
        m.put("requeue", st.requeue());
        m.put("resize_time", epoch(tm.resizeTime(), zone));
        m.put("restart_cnt", st.restarts());
        m.put("resv_name", emptyToNull(id.reservation()));
        m.put("run_time", tm.runTime() == null ? null : tm.runTime().getSeconds());
        m.put("run_time_str", tm.runTime() == null ? null : SlurmDuration.format(tm.runTime()));
        m.put("sched_nodes", emptyToNull(pl.schedNodeList()));
        m.put("shared", rs.overSubscribe());
        m.put("show_flags", null);
        m.put("sockets_per_board", number(bsct[1]));
        m.put("sockets_per_node", number(rs.socksPerNode()));
        m.put("start_time", epoch(tm.startTime(), zone));
        m.put("state_reason", st.reason() != null ? st.reason() : job.state() != null ? "None" : null);
        m.put("std_err", emptyToNull(io.stdErr()));
        m.put("std_in", emptyToNull(io.stdIn()));
        m.put("std_out", emptyToNull(io.stdOut()));
        m.put("submit_time", epoch(tm.submitTime(), zone));
        m.put("suspend_time", epoch(tm.suspendTime(), zone));
        m.put("system_comment", id.systemComment());
        m.put("time_limit", limitMinutes(tm.timeLimit()));
        m.put("time_limit_str", tm.timeLimit() == null || tm.timeLimit().kind() == TimeLimit.Kind.NOT_SET ? null
                : tm.timeLimit().toString());
        m.put("time_min", tm.timeMin() == null || !tm.timeMin().isLimited() ? null : tm.timeMin().minutes().getAsLong());
        m.put("threads_per_core", number(bsct[3]));
        String alloc = rs.allocTres() != null ? raw(rs.allocTres())
                : rs.tres() != null && job.state() != null && !pending ? raw(rs.tres()) : null;
        m.put("tres_alloc_str", alloc);
        m.put("tres_bind", rs.tresBind());
        m.put("tres_freq", rs.tresFreq());
        m.put("tres_per_job", gres(rs.tresPerJob()));
        m.put("tres_per_node", gres(rs.tresPerNode()));
        m.put("tres_per_socket", gres(rs.tresPerSocket()));
        m.put("tres_per_task", gres(rs.tresPerTask()));
        String req = rs.reqTres() != null ? raw(rs.reqTres()) : rs.tres() != null && pending ? raw(rs.tres()) : null;
        m.put("tres_req_str", req);
        m.put("user_id", uid(id.user()));
        m.put("wait4switch", rs.waitForSwitch());
        m.put("wckey", id.wckey());
        m.put("work_dir", emptyToNull(io.workDir()));
        m.put("cpus_allocated", cpusAllocated(job));
        m.put("cpus_alloc_layout", cpusLayout(job));
        m.put("type", "showJob");
        return Collections.unmodifiableMap(m);
    }

    /**
     * What the {@code parse} tool prints: first the job's identity ({@link JobIdView} of
     * {@link Job#displayId()}: {@code job_id} the own id, left out when it is not known (0),
     * {@code job_id_text} such as {@code 21+1} or {@code 17_[3-6%2]}, the array parts and
     * {@code het_job_id}, {@code het_job_offset}, plus {@code het_job_id_set}), then the other keys
     * of {@link #toMap} whose value is present (non-null), then {@code user_name},
     * {@code group_name} and {@code extras} (the unknown keys) when present. {@code state_reason}
     * is left out when the job has no reason (see {@link #toMap}).
     *
     * @param job the job; not null
     * @param zone the cluster's time zone, to turn its wall-clock times into epoch seconds
     * @return the present keys in the order above; unmodifiable
     */
    public static Map<String, Object> toSuppliedMap(Job job, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        JobId shown = job.displayId();
        if (shown.id() > 0 || job.jobId() > 0) {
            m.putAll(JobIdView.toMap(shown, job.jobId() > 0 ? job.jobId() : null));
        }
        if (job.identity().hetJobIdSet() != null && !job.identity().hetJobIdSet().isEmpty()) {
            m.put("het_job_id_set", job.identity().hetJobIdSet());
        }
        for (Map.Entry<String, Object> e : toMap(job, zone).entrySet()) {
            String key = e.getKey();
            if (e.getValue() == null || key.equals("job_id") || m.containsKey(key)
                    || (key.equals("state_reason") && job.status().reason() == null)) {
                continue;
            }
            m.put(key, e.getValue());
        }
        UserRef user = job.identity().user();
        if (user != null && user.name() != null) {
            m.put("user_name", user.name());
        }
        UserRef group = job.identity().group();
        if (group != null && group.name() != null) {
            m.put("group_name", group.name());
        }
        if (!job.extras().isEmpty()) {
            m.put("extras", job.extras());
        }
        return Collections.unmodifiableMap(m);
    }

    private static String[] fields(String spec, int n) {
        String[] out = new String[n];
        if (spec == null) {
            return out;
        }
        String[] parts = spec.split(":", -1);
        for (int i = 0; i < n && i < parts.length; i++) {
            out[i] = parts[i];
        }
        return out;
    }

    private static Integer number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return s.length() > 9 ? null : Integer.valueOf(s);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Long uid(UserRef ref) {
        return ref == null ? null : ref.id();
    }

    private static String code(ExitCode code) {
        return code == null ? null : code.status() + ":" + code.signal();
    }

    private static Long epoch(SlurmTime t, ZoneId zone) {
        return t == null || !t.isSet() ? null : t.toEpochSecond(zone);
    }

    private static String iso(SlurmTime t) {
        return t == null || !t.isSet() ? null : ISO_SECONDS.format(t.dateTime());
    }

    private static Object limitMinutes(TimeLimit limit) {
        if (limit == null) {
            return null;
        }
        switch (limit.kind()) {
            case LIMITED:
                return limit.duration().toMinutes();
            case UNLIMITED:
            case PARTITION_LIMIT:
            case INVALID:
                return limit.toString();
            default:
                return null;
        }
    }

    private static String raw(Tres tres) {
        return tres.isEmpty() ? null : tres.toString();
    }

    private static List<String> hosts(String expression) {
        return expression == null ? null : Hostlist.expand(expression);
    }

    private static List<String> list(String commaList) {
        if (commaList == null) {
            return null;
        }
        if (commaList.isEmpty()) {
            return List.of();
        }
        return List.of(commaList.split(","));
    }

    /** {@code matlab:2,foo@db:1} to {@code {matlab=2, foo@db=1}}; a license without count is 1. */
    private static Map<String, Long> licenses(String spec) {
        if (spec == null) {
            return null;
        }
        Map<String, Long> m = new LinkedHashMap<>();
        if (!spec.isEmpty()) {
            for (String item : spec.split(",")) {
                int colon = item.lastIndexOf(':');
                long count = 1;
                String name = item;
                if (colon > 0) {
                    try {
                        count = Long.parseLong(item.substring(colon + 1));
                        name = item.substring(0, colon);
                    } catch (NumberFormatException e) {
                        name = item;
                    }
                }
                m.put(name, count);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Drops the {@code gres:} / {@code gres/} prefix of every element. */
    static String gres(String spec) {
        if (spec == null || spec.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(spec.length());
        for (String item : spec.split(",")) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(item.startsWith("gres:") || item.startsWith("gres/") ? item.substring(5) : item);
        }
        return sb.toString();
    }

    private static Map<String, Integer> cpusAllocated(Job job) {
        String nodeList = job.placement().nodeList();
        if (!job.nodeAllocations().isEmpty()) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (JobNodeAllocation a : job.nodeAllocations()) {
                int cpus = a.cpuIds() == null ? 0 : cpuIds(a.cpuIds()).size();
                for (String host : Hostlist.expand(a.nodes())) {
                    m.put(host, cpus);
                }
            }
            return Collections.unmodifiableMap(m);
        }
        if (nodeList == null) {
            return null;
        }
        if (nodeList.isEmpty()) {
            return Map.of();
        }
        List<String> hosts = Hostlist.expand(nodeList);
        if (hosts.size() == 1 && job.resources().numCpus() != null) {
            return Map.of(hosts.get(0), job.resources().numCpus());
        }
        return null;
    }

    private static Map<String, List<Integer>> cpusLayout(Job job) {
        if (!job.nodeAllocations().isEmpty()) {
            Map<String, List<Integer>> m = new LinkedHashMap<>();
            for (JobNodeAllocation a : job.nodeAllocations()) {
                List<Integer> ids = a.cpuIds() == null ? List.of() : cpuIds(a.cpuIds());
                for (String host : Hostlist.expand(a.nodes())) {
                    m.put(host, ids);
                }
            }
            return Collections.unmodifiableMap(m);
        }
        String nodeList = job.placement().nodeList();
        return nodeList != null && nodeList.isEmpty() ? Map.of() : null;
    }

    /** {@code 0-1,4} to {@code [0, 1, 4]}. */
    static List<Integer> cpuIds(String spec) {
        List<Integer> out = new ArrayList<>();
        if (spec.isEmpty()) {
            return List.of();
        }
        for (String part : spec.split(",")) {
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
            for (int i = lo; i <= hi; i++) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
