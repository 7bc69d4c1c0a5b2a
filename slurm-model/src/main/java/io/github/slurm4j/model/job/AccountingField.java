package io.github.slurm4j.model.job;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every field {@code sacct --helpformat} lists in Slurm 22.05 (and the fields {@code sstat} shares
 * with it), each with the type its printed value has.
 *
 * <p>{@link #header()} is the name as sacct prints it in its header; {@link #snakeName()} is the key
 * the views use ({@code JobIDRaw} → {@code job_id_raw}). Fields are looked up case-insensitively,
 * as sacct accepts them in {@code -o}.
 */
public enum AccountingField {
    /** The account the job ran under. */
    ACCOUNT("Account", Kind.NAME),
    /** The comment an administrator set on the job. */
    ADMIN_COMMENT("AdminComment", Kind.TEXT),
    /** The number of CPUs allocated (the same as {@code NCPUS}); 0 while pending. */
    ALLOC_CPUS("AllocCPUS", Kind.INTEGER),
    /** The number of nodes allocated; 0 while pending. */
    ALLOC_NODES("AllocNodes", Kind.INTEGER),
    /** The trackable resources allocated ({@code cpu=2,mem=1G,node=1,billing=2}). */
    ALLOC_TRES("AllocTRES", Kind.TRES),
    /** The id of the user/account/cluster association in the accounting database. */
    ASSOC_ID("AssocID", Kind.INTEGER),
    /** The average CPU time (user + system) of the step's tasks; empty for a job's own row. */
    AVE_CPU("AveCPU", Kind.DURATION),
    /** The average weighted CPU frequency of the step's tasks, as printed (kHz with a unit suffix). */
    AVE_CPU_FREQ("AveCPUFreq", Kind.STRING),
    /** The average bytes read by the step's tasks; parsed to bytes. */
    AVE_DISK_READ("AveDiskRead", Kind.BYTES),
    /** The average bytes written by the step's tasks; parsed to bytes. */
    AVE_DISK_WRITE("AveDiskWrite", Kind.BYTES),
    /** The average number of page faults of the step's tasks. */
    AVE_PAGES("AvePages", Kind.COUNT),
    /** The average resident set size of the step's tasks; a bare number is KiB, parsed to bytes. */
    AVE_RSS("AveRSS", Kind.MEMORY),
    /** The average virtual memory size of the step's tasks; a bare number is KiB, parsed to bytes. */
    AVE_VM_SIZE("AveVMSize", Kind.MEMORY),
    /** The BlueGene block id; empty on every other system. */
    BLOCK_ID("BlockID", Kind.NAME),
    /** The name of the cluster the job ran on. */
    CLUSTER("Cluster", Kind.NAME),
    /** The job's comment ({@code --comment}), stored only when {@code AccountingStoreFlags} holds {@code job_comment}. */
    COMMENT("Comment", Kind.TEXT),
    /** The feature expression requested with {@code --constraint}. */
    CONSTRAINTS("Constraints", Kind.TEXT),
    /** The energy all tasks consumed, in joules, with an optional unit suffix ({@code 1.50K}). */
    CONSUMED_ENERGY("ConsumedEnergy", Kind.COUNT),
    /** The energy all tasks consumed, in joules, as a plain number. */
    CONSUMED_ENERGY_RAW("ConsumedEnergyRaw", Kind.INTEGER),
    /** The OCI container bundle the job ran in. */
    CONTAINER("Container", Kind.TEXT),
    /** The allocated CPU time: elapsed time times the allocated CPU count. */
    CPU_TIME("CPUTime", Kind.DURATION),
    /** The allocated CPU time in seconds. */
    CPU_TIME_RAW("CPUTimeRAW", Kind.INTEGER),
    /** The job's unique index in the accounting database. */
    DB_INDEX("DBIndex", Kind.INTEGER),
    /** The highest exit code of the job's steps, {@code status:signal}. */
    DERIVED_EXIT_CODE("DerivedExitCode", Kind.EXIT_CODE),
    /** The wall-clock time the job or step ran (so far, while it runs). */
    ELAPSED("Elapsed", Kind.DURATION),
    /** The elapsed time in seconds. */
    ELAPSED_RAW("ElapsedRaw", Kind.INTEGER),
    /** When the job became eligible to run; {@code Unknown} while it is not. */
    ELIGIBLE("Eligible", Kind.TIME),
    /** When the job or step ended; {@code Unknown} while it runs. */
    END("End", Kind.TIME),
    /** The exit code of the batch script or salloc, {@code status:signal}. */
    EXIT_CODE("ExitCode", Kind.EXIT_CODE),
    /** The job's scheduling flags ({@code SchedMain}, {@code SchedBackfill}, {@code StartRecieved}, ...). */
    FLAGS("Flags", Kind.LIST),
    /** The numeric group id of the job's user. */
    GID("GID", Kind.INTEGER),
    /** The group name of the job's user. */
    GROUP("Group", Kind.NAME),
    /** The job or step id as users see it: {@code 17_1}, {@code 21+0}, {@code 17_1.batch}. */
    JOB_ID("JobID", Kind.JOB_ID),
    /** The job's own numeric id ({@code 19} for {@code 17_1}), with the step suffix for a step. */
    JOB_ID_RAW("JobIDRaw", Kind.JOB_ID),
    /** The job or step name, verbatim ({@code batch}, {@code extern} for those steps). */
    JOB_NAME("JobName", Kind.TEXT),
    /** How the step's tasks were laid out ({@code Block}, {@code Cyclic}, {@code Plane}). */
    LAYOUT("Layout", Kind.NAME),
    /** The most bytes read by one of the step's tasks; parsed to bytes. */
    MAX_DISK_READ("MaxDiskRead", Kind.BYTES),
    /** The node of the task with {@code MaxDiskRead}. */
    MAX_DISK_READ_NODE("MaxDiskReadNode", Kind.NAME),
    /** The task id with {@code MaxDiskRead}. */
    MAX_DISK_READ_TASK("MaxDiskReadTask", Kind.INTEGER),
    /** The most bytes written by one of the step's tasks; parsed to bytes. */
    MAX_DISK_WRITE("MaxDiskWrite", Kind.BYTES),
    /** The node of the task with {@code MaxDiskWrite}. */
    MAX_DISK_WRITE_NODE("MaxDiskWriteNode", Kind.NAME),
    /** The task id with {@code MaxDiskWrite}. */
    MAX_DISK_WRITE_TASK("MaxDiskWriteTask", Kind.INTEGER),
    /** The most page faults of one of the step's tasks. */
    MAX_PAGES("MaxPages", Kind.COUNT),
    /** The node of the task with {@code MaxPages}. */
    MAX_PAGES_NODE("MaxPagesNode", Kind.NAME),
    /** The task id with {@code MaxPages}. */
    MAX_PAGES_TASK("MaxPagesTask", Kind.INTEGER),
    /** The largest resident set size of one of the step's tasks; a bare number is KiB, parsed to bytes. */
    MAX_RSS("MaxRSS", Kind.MEMORY),
    /** The node of the task with {@code MaxRSS}. */
    MAX_RSS_NODE("MaxRSSNode", Kind.NAME),
    /** The task id with {@code MaxRSS}. */
    MAX_RSS_TASK("MaxRSSTask", Kind.INTEGER),
    /** The largest virtual memory size of one of the step's tasks; a bare number is KiB, parsed to bytes. */
    MAX_VM_SIZE("MaxVMSize", Kind.MEMORY),
    /** The node of the task with {@code MaxVMSize}. */
    MAX_VM_SIZE_NODE("MaxVMSizeNode", Kind.NAME),
    /** The task id with {@code MaxVMSize}. */
    MAX_VM_SIZE_TASK("MaxVMSizeTask", Kind.INTEGER),
    /** The job's Multi-Category Security label. */
    MCS_LABEL("McsLabel", Kind.NAME),
    /** The least CPU time (user + system) of one of the step's tasks. */
    MIN_CPU("MinCPU", Kind.DURATION),
    /** The node of the task with {@code MinCPU}. */
    MIN_CPU_NODE("MinCPUNode", Kind.NAME),
    /** The task id with {@code MinCPU}. */
    MIN_CPU_TASK("MinCPUTask", Kind.INTEGER),
    /** The number of CPUs allocated (the same as {@code AllocCPUS}). */
    NCPUS("NCPUS", Kind.INTEGER),
    /** The number of nodes: allocated once the job started, else requested. */
    NNODES("NNodes", Kind.INTEGER),
    /** The nodes of the job or step, a hostlist expression; {@code None assigned} while pending (parsed to an empty list). */
    NODE_LIST("NodeList", Kind.HOSTLIST),
    /** The number of tasks of a step; empty for a job's own row. */
    NTASKS("NTasks", Kind.INTEGER),
    /** The partition the job ran in (a comma list for a pending multi-partition job). */
    PARTITION("Partition", Kind.NAME),
    /** The wall-clock time the job waited from becoming eligible to starting (or being cancelled). */
    PLANNED("Planned", Kind.DURATION),
    /** {@code Planned} times the CPU count. */
    PLANNED_CPU("PlannedCPU", Kind.DURATION),
    /** {@code PlannedCPU} in seconds. */
    PLANNED_CPU_RAW("PlannedCPURAW", Kind.INTEGER),
    /** The job's priority. */
    PRIORITY("Priority", Kind.INTEGER),
    /** The name of the job's QOS. */
    QOS("QOS", Kind.NAME),
    /** The numeric id of the job's QOS. */
    QOS_RAW("QOSRAW", Kind.INTEGER),
    /** The last reason the job waited for, verbatim; {@code None} when there was none. */
    REASON("Reason", Kind.TEXT),
    /** The requested CPU frequency of the step ({@code --cpu-freq}), as printed. */
    REQ_CPU_FREQ("ReqCPUFreq", Kind.STRING),
    /** The requested CPU frequency governor of the step. */
    REQ_CPU_FREQ_GOV("ReqCPUFreqGov", Kind.STRING),
    /** The requested maximum CPU frequency of the step. */
    REQ_CPU_FREQ_MAX("ReqCPUFreqMax", Kind.STRING),
    /** The requested minimum CPU frequency of the step. */
    REQ_CPU_FREQ_MIN("ReqCPUFreqMin", Kind.STRING),
    /** The number of CPUs requested. */
    REQ_CPUS("ReqCPUS", Kind.INTEGER),
    /** The memory requested, per node or per CPU ({@code 300M}; older releases {@code 300Mn} / {@code 2Gc}). */
    REQ_MEM("ReqMem", Kind.REQ_MEM),
    /** The minimum number of nodes requested. */
    REQ_NODES("ReqNodes", Kind.INTEGER),
    /** The trackable resources requested ({@code billing=1,cpu=1,mem=300M,node=1}). */
    REQ_TRES("ReqTRES", Kind.TRES),
    /** The name of the reservation the job ran in. */
    RESERVATION("Reservation", Kind.NAME),
    /** The numeric id of the reservation the job ran in. */
    RESERVATION_ID("ReservationId", Kind.INTEGER),
    /** The older name of {@code Planned}. */
    RESERVED("Reserved", Kind.DURATION),
    /** The older name of {@code PlannedCPU}. */
    RESV_CPU("ResvCPU", Kind.DURATION),
    /** The older name of {@code PlannedCPURAW}. */
    RESV_CPU_RAW("ResvCPURAW", Kind.INTEGER),
    /** How often the job was restarted (requeued). */
    RESTARTS("Restarts", Kind.INTEGER),
    /** When the job or step started; {@code Unknown} or {@code None} while pending. */
    START("Start", Kind.TIME),
    /** The job or step state; a cancel prints {@code CANCELLED by <uid>}. */
    STATE("State", Kind.STATE),
    /** When the job or step was submitted. */
    SUBMIT("Submit", Kind.TIME),
    /** The command line the job was submitted with, verbatim. */
    SUBMIT_LINE("SubmitLine", Kind.TEXT),
    /** How long the job was suspended. */
    SUSPENDED("Suspended", Kind.DURATION),
    /** The comment Slurm itself set on the job. */
    SYSTEM_COMMENT("SystemComment", Kind.TEXT),
    /** The system CPU time the job's or step's processes used. */
    SYSTEM_CPU("SystemCPU", Kind.DURATION),
    /** The time limit: a duration, {@code UNLIMITED} or {@code Partition_Limit}. */
    TIMELIMIT("Timelimit", Kind.TIMELIMIT),
    /** The time limit in minutes, as printed ({@code UNLIMITED} and {@code Partition_Limit} kept as text). */
    TIMELIMIT_RAW("TimelimitRaw", Kind.STRING),
    /** The CPU time (user + system) the job's or step's processes used. */
    TOTAL_CPU("TotalCPU", Kind.DURATION),
    /** The average per task of each TRES the step's tasks consumed (CPU time, memory, disk read, ...). */
    TRES_USAGE_IN_AVE("TRESUsageInAve", Kind.TRES),
    /** The most of each TRES one of the step's tasks consumed (memory is the maximum RSS). */
    TRES_USAGE_IN_MAX("TRESUsageInMax", Kind.TRES),
    /** Per TRES, the node of the task with the {@code TRESUsageInMax} value. */
    TRES_USAGE_IN_MAX_NODE("TRESUsageInMaxNode", Kind.TRES),
    /** Per TRES, the task id with the {@code TRESUsageInMax} value. */
    TRES_USAGE_IN_MAX_TASK("TRESUsageInMaxTask", Kind.TRES),
    /** The least of each TRES one of the step's tasks consumed. */
    TRES_USAGE_IN_MIN("TRESUsageInMin", Kind.TRES),
    /** Per TRES, the node of the task with the {@code TRESUsageInMin} value. */
    TRES_USAGE_IN_MIN_NODE("TRESUsageInMinNode", Kind.TRES),
    /** Per TRES, the task id with the {@code TRESUsageInMin} value. */
    TRES_USAGE_IN_MIN_TASK("TRESUsageInMinTask", Kind.TRES),
    /** The total of each TRES all the step's tasks consumed. */
    TRES_USAGE_IN_TOT("TRESUsageInTot", Kind.TRES),
    /** The average per task of each TRES the step's tasks produced (disk written, ...). */
    TRES_USAGE_OUT_AVE("TRESUsageOutAve", Kind.TRES),
    /** The most of each TRES one of the step's tasks produced. */
    TRES_USAGE_OUT_MAX("TRESUsageOutMax", Kind.TRES),
    /** Per TRES, the node of the task with the {@code TRESUsageOutMax} value. */
    TRES_USAGE_OUT_MAX_NODE("TRESUsageOutMaxNode", Kind.TRES),
    /** Per TRES, the task id with the {@code TRESUsageOutMax} value. */
    TRES_USAGE_OUT_MAX_TASK("TRESUsageOutMaxTask", Kind.TRES),
    /** The least of each TRES one of the step's tasks produced. */
    TRES_USAGE_OUT_MIN("TRESUsageOutMin", Kind.TRES),
    /** Per TRES, the node of the task with the {@code TRESUsageOutMin} value. */
    TRES_USAGE_OUT_MIN_NODE("TRESUsageOutMinNode", Kind.TRES),
    /** Per TRES, the task id with the {@code TRESUsageOutMin} value. */
    TRES_USAGE_OUT_MIN_TASK("TRESUsageOutMinTask", Kind.TRES),
    /** The total of each TRES all the step's tasks produced. */
    TRES_USAGE_OUT_TOT("TRESUsageOutTot", Kind.TRES),
    /** The numeric user id of the job's user. */
    UID("UID", Kind.INTEGER),
    /** The name of the job's user; empty on step rows. */
    USER("User", Kind.NAME),
    /** The user CPU time the job's or step's processes used. */
    USER_CPU("UserCPU", Kind.DURATION),
    /** The job's workload characterisation key. */
    WC_KEY("WCKey", Kind.NAME),
    /** The numeric id of the job's workload characterisation key. */
    WC_KEY_ID("WCKeyID", Kind.INTEGER),
    /** The job's working directory, verbatim. */
    WORK_DIR("WorkDir", Kind.TEXT);

    /** What a printed value of a field is. */
    public enum Kind {
        /** Free text a user or admin chose; may contain spaces and the output delimiter. */
        TEXT,
        /** A name without spaces (user, account, partition, node). */
        NAME,
        /** A string whose structure slurm4j does not type (CPU frequencies, governors). */
        STRING,
        /** A job or step reference ({@code 17_3.batch}, {@code 21+1}). */
        JOB_ID,
        /** A whole number. */
        INTEGER,
        /** A number with an optional binary unit suffix and no default unit ({@code 3}, {@code 1.50K}). */
        COUNT,
        /** Bytes with an optional unit suffix; a bare number is bytes (disk I/O). */
        BYTES,
        /** Memory with an optional unit suffix; a bare number is KiB, as sacct counts RSS. */
        MEMORY,
        /** A requested memory amount ({@code 300M}, older versions {@code 300Mn} / {@code 2Gc}). */
        REQ_MEM,
        /** A Slurm duration ({@code 00:01:23}, {@code 1-02:00:00}, {@code 00:01.964}). */
        DURATION,
        /** A time limit: a duration or {@code UNLIMITED} / {@code Partition_Limit}. */
        TIMELIMIT,
        /** A local date-time or a sentinel ({@code Unknown}, {@code None}). */
        TIME,
        /** {@code status:signal}. */
        EXIT_CODE,
        /** A job state, possibly {@code CANCELLED by 0}. */
        STATE,
        /** {@code name=value,...}. */
        TRES,
        /** A Slurm hostlist expression, or {@code None assigned}. */
        HOSTLIST,
        /** Comma-separated names ({@code SchedMain,StartRecieved}). */
        LIST;

        /**
         * Parses a printed value of this kind; {@link AccountingField#parseValue(String)} says which
         * Java type each kind gives.
         *
         * @param raw the value as printed; {@code null} and (but for TEXT, after trimming) empty give {@code null}
         * @return the typed value, or {@code null} for an empty value
         * @throws IllegalArgumentException when {@code raw} is not a value of this kind
         */
        public Object parse(String raw) {
            if (this == TEXT) {
                return raw == null || raw.isEmpty() ? null : raw;
            }
            String s = raw == null ? "" : raw.trim();
            if (s.isEmpty()) {
                return null;
            }
            switch (this) {
                case STRING:
                    return s;
                case NAME:
                    for (int i = 0; i < s.length(); i++) {
                        if (Character.isWhitespace(s.charAt(i))) {
                            throw new IllegalArgumentException("a name has no spaces: '" + s + "'");
                        }
                    }
                    return s;
                case JOB_ID:
                    return io.github.slurm4j.model.JobId.parse(s);
                case INTEGER:
                    if (!s.matches("-?[0-9]{1,18}")) {
                        throw new IllegalArgumentException("not a whole number: '" + s + "'");
                    }
                    return Long.parseLong(s);
                case COUNT:
                case BYTES:
                    return io.github.slurm4j.model.MemorySize.parseBytes(s, 1);
                case MEMORY:
                    return io.github.slurm4j.model.MemorySize.parseBytes(s, io.github.slurm4j.model.MemorySize.KIB);
                case REQ_MEM:
                    // 22.05: the placeholder row slurmdbd keeps for a job whose start it has not
                    // stored yet (JobName=allocation, State=PENDING while its steps run) prints
                    // ReqMem=16? for a few seconds (seen on the lab): not a request, unknown
                    if (s.endsWith("?")) {
                        return null;
                    }
                    return io.github.slurm4j.model.MemoryRequest.parseReqMem(s);
                case DURATION:
                    return io.github.slurm4j.model.SlurmDuration.parse(s);
                case TIMELIMIT:
                    io.github.slurm4j.model.TimeLimit t = io.github.slurm4j.model.TimeLimit.parse(s);
                    if (t.kind() == io.github.slurm4j.model.TimeLimit.Kind.INVALID) {
                        throw new IllegalArgumentException("not a time limit: '" + s + "'");
                    }
                    return t;
                case TIME:
                    return io.github.slurm4j.model.SlurmTime.parse(s);
                case EXIT_CODE:
                    if (s.indexOf(':') < 0) {
                        throw new IllegalArgumentException("not an exit code: '" + s + "'");
                    }
                    return io.github.slurm4j.model.ExitCode.parse(s);
                case STATE:
                    JobState state = JobState.parse(s);
                    if (state.state() == JobState.Name.UNKNOWN || state.flags().contains(JobState.Name.UNKNOWN)
                            || (s.contains(" by ") && state.cancelledBy() == null)) {
                        throw new IllegalArgumentException("not a job state: '" + s + "'");
                    }
                    return state;
                case TRES:
                    return io.github.slurm4j.model.Tres.parse(s);
                case HOSTLIST:
                    if (s.equals("None assigned") || s.equals("(null)")) {
                        return java.util.List.of();
                    }
                    return io.github.slurm4j.model.Hostlist.expand(s);
                case LIST:
                    return java.util.List.of(s.split(","));
                default:
                    throw new IllegalStateException(name());
            }
        }
    }

    private static final Map<String, AccountingField> BY_NAME;

    static {
        Map<String, AccountingField> m = new HashMap<>();
        for (AccountingField f : values()) {
            m.put(f.header.toLowerCase(Locale.ROOT), f);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private final String header;
    private final Kind kind;
    private final String snakeName;

    AccountingField(String header, Kind kind) {
        this.header = header;
        this.kind = kind;
        this.snakeName = snake(header);
    }

    /** {@return the name as sacct prints it in its header and accepts it in {@code -o} ({@code JobIDRaw})} */
    public String header() {
        return header;
    }

    /** {@return what a printed value of this field is, which decides its parsed type} */
    public Kind kind() {
        return kind;
    }

    /** {@return the view key: {@code JobIDRaw} → {@code job_id_raw}, {@code TRESUsageInMax} → {@code tres_usage_in_max}} */
    public String snakeName() {
        return snakeName;
    }

    /** {@return whether values of this field are free text that may contain the output delimiter (kind TEXT)} */
    public boolean isFreeText() {
        return kind == Kind.TEXT;
    }

    /**
     * Parses a printed value of this field into its typed form: {@code String} (TEXT, NAME,
     * STRING), {@link io.github.slurm4j.model.JobId}, {@code Long} (INTEGER, and COUNT / BYTES /
     * MEMORY in bytes or units), {@link io.github.slurm4j.model.MemoryRequest},
     * {@link java.time.Duration}, {@link io.github.slurm4j.model.TimeLimit},
     * {@link io.github.slurm4j.model.SlurmTime}, {@link io.github.slurm4j.model.ExitCode},
     * {@link JobState}, {@link io.github.slurm4j.model.Tres}, {@code List<String>} (HOSTLIST
     * expanded, LIST split). An empty value gives {@code null} (the row has no value for the field,
     * as step rows have no User).
     *
     * @param raw the value as printed; may be {@code null}
     * @return the typed value, or {@code null} when the value is empty
     * @throws IllegalArgumentException when {@code raw} is not a value of this field's kind
     */
    public Object parseValue(String raw) {
        return kind.parse(raw);
    }

    /**
     * Finds a field by its header name, case-insensitively and ignoring surrounding spaces, as
     * sacct's {@code -o} accepts it.
     *
     * @param name a field name such as {@code maxrss}; may be {@code null}
     * @return the field, or {@code null} when {@code name} is null or not a known field
     */
    public static AccountingField lookup(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Snake case of a CamelCase field name, keeping acronyms together: {@code AllocCPUS} →
     * {@code alloc_cpus}, {@code MaxVMSizeNode} → {@code max_vm_size_node}, {@code NTasks} →
     * {@code ntasks}, {@code Def Acct} → {@code def_acct}.
     *
     * @param name a header name; not null
     * @return the name in snake case; characters that are neither letters nor digits become one {@code _}
     */
    public static String snake(String name) {
        StringBuilder sb = new StringBuilder();
        String s = name.trim();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                continue;
            }
            if (Character.isUpperCase(c) && i > 0) {
                char prev = s.charAt(i - 1);
                boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
                boolean boundary = Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower && i > 1);
                if (boundary && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
            }
            sb.append(Character.toLowerCase(c));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '_') {
            end--;
        }
        return sb.substring(0, end);
    }
}
