package io.github.slurm4j.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of a {@link FakeSlurm} cluster and the rules that move it: nodes, partitions, jobs,
 * and the scheduler that starts, ends and times out jobs as the fake clock moves. Package-private;
 * {@link FakeSlurm} reads commands, {@link SimOutput} prints this state as Slurm 22.05 does.
 */
final class SimCluster {

    /** A node: its configuration, the state flags set by an administrator, and what is allocated. */
    static final class Node {
        final String name;
        final int cpus;
        final long memoryMb;
        final int gpus;
        final String gpuType;
        final String features;
        /** {@code null} (usable: IDLE/MIXED/ALLOCATED by load), or a fixed base: DOWN, UNKNOWN, FUTURE. */
        String fixedBase;
        boolean drain;
        boolean notResponding;
        String reason;
        /** The captured {@code scontrol -o show node} line this node was seeded from, or {@code null}. */
        final String capturedLine;
        final boolean[] cpuUsed;
        long memoryAlloc;
        int gpuAlloc;
        final List<String> partitions = new ArrayList<>();

        Node(String name, int cpus, long memoryMb, int gpus, String gpuType, String features, String capturedLine) {
            this.name = name;
            this.cpus = cpus;
            this.memoryMb = memoryMb;
            this.gpus = gpus;
            this.gpuType = gpuType;
            this.features = features;
            this.capturedLine = capturedLine;
            this.cpuUsed = new boolean[cpus];
        }

        boolean usable() {
            return fixedBase == null && !drain && !notResponding;
        }

        int cpusAllocated() {
            int n = 0;
            for (boolean u : cpuUsed) {
                n += u ? 1 : 0;
            }
            return n;
        }

        /** The state as scontrol prints it: {@code IDLE}, {@code MIXED}, {@code ALLOCATED}, flags joined by {@code +}. */
        String state() {
            String base = fixedBase;
            if (base == null) {
                int used = cpusAllocated();
                base = used == 0 ? "IDLE" : used == cpus ? "ALLOCATED" : "MIXED";
            }
            StringBuilder sb = new StringBuilder(base);
            if (drain) {
                sb.append("+DRAIN");
            }
            if (notResponding) {
                sb.append("+NOT_RESPONDING");
            }
            return sb.toString();
        }
    }

    /** A partition. */
    static final class Partition {
        final String name;
        final List<String> nodes;
        final boolean isDefault;
        /** {@code null} for UNLIMITED. */
        final Duration maxTime;
        /** {@code null} for NONE. */
        final Duration defaultTime;
        boolean up;
        final String capturedLine;

        Partition(String name, List<String> nodes, boolean isDefault, Duration maxTime, Duration defaultTime, boolean up,
                String capturedLine) {
            this.name = name;
            this.nodes = List.copyOf(nodes);
            this.isDefault = isDefault;
            this.maxTime = maxTime;
            this.defaultTime = defaultTime;
            this.up = up;
            this.capturedLine = capturedLine;
        }
    }

    /** A step of a started job, as accounting keeps it. */
    static final class Step {
        final String name;
        String state = "RUNNING";
        int exitCode;
        int signal;
        boolean exitUnset;
        Instant end;

        Step(String name) {
            this.name = name;
        }
    }

    /** A job record: a plain job, an array's meta record (pending tasks) or one array task. */
    static final class Job {
        long id;
        /** The array's job id, or {@code null} for a job that is not part of an array. */
        Long arrayJobId;
        /** The task id of a started or split-off task; {@code null} for the meta record and plain jobs. */
        Integer arrayTaskId;
        /** For the meta record: the task ids that have not started yet. */
        List<Integer> pendingTasks = new ArrayList<>();
        String arraySpecThrottle;

        String name;
        String user;
        int uid;
        String group;
        int gid;
        String account;
        String qos = "normal";
        String partition;
        int nice;
        Long adminPriority;
        Duration timeLimit;
        boolean timeLimitSet;

        int nodes = 1;
        int ntasks = 1;
        int cpusPerTask = 1;
        /** MB per CPU when {@link #memPerNode} is false, else MB per node. */
        long memoryMb;
        boolean memPerNode;
        int gpus;
        String command;
        String workDir;
        String stdOut;
        String stdErr;
        String comment;
        String dependency;
        String submitHost;
        /** {@code false} for {@code sbatch --no-requeue}: printed {@code Requeue=0}. */
        boolean requeue = true;

        Instant submit;
        Instant eligible;
        /** The earliest start (a requeued job waits {@link #REQUEUE_DELAY}); {@code null} for none. */
        Instant begin;
        Instant start;
        Instant end;
        Instant suspendedAt;
        Duration suspendedTotal = Duration.ZERO;
        /** Run time accumulated before the current run segment (suspend/resume). */
        Duration runBefore = Duration.ZERO;
        Instant segmentStart;
        Instant lastSchedEval;

        /** PENDING, RUNNING, SUSPENDED, COMPLETED, FAILED, TIMEOUT, CANCELLED, OUT_OF_MEMORY. */
        String state = "PENDING";
        String reason = "None";
        /** {@code null}, {@code user} (JobHeldUser) or {@code admin} (JobHeldAdmin). */
        String hold;
        int exitCode;
        int signal;
        Integer cancelledBy;
        int restarts;
        boolean dependencyNeverSatisfied;

        JobOutcome outcome;
        String nodeList;
        List<Integer> cpuIds = List.of();
        final List<Step> steps = new ArrayList<>();
        /** Ids printed for listpids: a synthetic pid per step process. */
        int pidBase;

        boolean isMeta() {
            return arrayJobId != null && arrayTaskId == null;
        }

        int cpus() {
            return ntasks * cpusPerTask;
        }

        long memoryTotalMb() {
            return memPerNode ? memoryMb * nodes : memoryMb * cpus();
        }

        boolean finished() {
            return switch (state) {
                case "PENDING", "RUNNING", "SUSPENDED" -> false;
                default -> true;
            };
        }

        boolean started() {
            return start != null;
        }

        /** The id as Slurm prints it in job lists: {@code 12}, {@code 11_3}, {@code 11_[1-3]}. */
        String displayId() {
            if (arrayJobId == null) {
                return Long.toString(id);
            }
            if (arrayTaskId != null) {
                return arrayJobId + "_" + arrayTaskId;
            }
            if (pendingTasks.isEmpty()) {
                // an array's own record once each of its pending tasks was cancelled: no task left
                return Long.toString(arrayJobId);
            }
            return arrayJobId + "_[" + SimOutput.ranges(pendingTasks) + (arraySpecThrottle == null ? "" : arraySpecThrottle) + "]";
        }

        Duration runTime(Instant now) {
            if (start == null) {
                return Duration.ZERO;
            }
            if (segmentStart != null) {
                return runBefore.plus(Duration.between(segmentStart, now));
            }
            return runBefore;
        }

        Duration elapsed(Instant now) {
            if (start == null) {
                return Duration.ZERO;
            }
            return Duration.between(start, end != null ? end : now);
        }
    }

    /** How long slurmctld 22.05 keeps a requeued job waiting (Reason=BeginTime): its eligible time is the requeue plus 121 s. */
    static final Duration REQUEUE_DELAY = Duration.ofSeconds(121);

    final String clusterName;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<String, Partition> partitions = new LinkedHashMap<>();
    /** Every job record slurmctld holds, by job id. */
    final TreeMap<Long, Job> jobs = new TreeMap<>();
    /** Finished jobs that slurmctld has purged (MinJobAge) but accounting keeps. */
    final List<Job> purged = new ArrayList<>();
    final Duration minJobAge;
    long nextJobId;
    int nextPid = 4000;
    long defMemPerCpuMb;
    long basePriority;
    Instant now;

    SimCluster(String clusterName, Instant start, long firstJobId, long defMemPerCpuMb, long basePriority, Duration minJobAge) {
        this.clusterName = clusterName;
        this.now = start;
        this.nextJobId = firstJobId;
        this.defMemPerCpuMb = defMemPerCpuMb;
        this.basePriority = basePriority;
        this.minJobAge = minJobAge;
    }

    Partition defaultPartition() {
        return partitions.values().stream().filter(p -> p.isDefault).findFirst()
                .orElseGet(() -> partitions.values().iterator().next());
    }

    long allocateJobId() {
        return nextJobId++;
    }

    /** Every job record in slurmctld, array tasks in task order after their meta record. */
    List<Job> queue() {
        return new ArrayList<>(jobs.values());
    }

    /** The priority scontrol and squeue print: 0 while held, else the configured base (plus what an operator set). */
    long priority(Job j) {
        if (j.hold != null || "SUSPENDED".equals(j.state)) {
            return 0;
        }
        if (j.adminPriority != null) {
            return j.adminPriority;
        }
        return Math.max(1, basePriority - j.nice);
    }

    // ---------------------------------------------------------------- time

    /**
     * Moves the cluster to {@code to}: every job end and time limit that falls before it happens
     * at its own instant, and after each the scheduler runs, so a job that a finished one was
     * waiting for starts at the right time.
     */
    void advanceTo(Instant to) {
        if (to.isBefore(now)) {
            throw new IllegalArgumentException("the clock cannot go back: " + to + " < " + now);
        }
        schedule();
        while (true) {
            Job next = null;
            Instant when = null;
            for (Job j : jobs.values()) {
                if (!"RUNNING".equals(j.state)) {
                    continue;
                }
                Instant e = endOfRun(j);
                if (e != null && !e.isAfter(to) && (when == null || e.isBefore(when))) {
                    next = j;
                    when = e;
                }
            }
            Instant wake = null;
            for (Job j : jobs.values()) {
                if ("PENDING".equals(j.state) && j.begin != null && j.begin.isAfter(now) && !j.begin.isAfter(to)
                        && (wake == null || j.begin.isBefore(wake))) {
                    wake = j.begin;
                }
            }
            if (wake != null && (when == null || wake.isBefore(when))) {
                now = wake;
                schedule();
                continue;
            }
            if (next == null) {
                break;
            }
            now = when.isBefore(now) ? now : when;
            finishRun(next);
            schedule();
        }
        now = to;
        purgeOld();
        schedule();
    }

    /** When a running job ends by itself or by its time limit; {@code null} if never. */
    private Instant endOfRun(Job j) {
        Duration work = j.outcome.kind() == JobOutcome.Kind.RUNS_FOREVER ? null : j.outcome.runTime();
        Duration limit = j.timeLimit;
        Duration stop = work == null ? limit : limit == null ? work : (work.compareTo(limit) <= 0 ? work : limit);
        if (stop == null) {
            return null;
        }
        return j.segmentStart.plus(stop.minus(j.runBefore));
    }

    private void finishRun(Job j) {
        Duration ran = j.runTime(now);
        boolean timedOut = j.timeLimit != null
                && (j.outcome.kind() == JobOutcome.Kind.RUNS_FOREVER || j.outcome.runTime().compareTo(j.timeLimit) > 0)
                && ran.compareTo(j.timeLimit) >= 0;
        if (timedOut) {
            end(j, "TIMEOUT", "TimeLimit", 0, 15);
            stepEnd(j, "batch", "CANCELLED", 0, 15);
        } else if (j.outcome.kind() == JobOutcome.Kind.OUT_OF_MEMORY) {
            end(j, "OUT_OF_MEMORY", "OutOfMemory", 0, 125);
            stepEnd(j, "batch", "OUT_OF_MEMORY", 0, 125);
        } else if (j.outcome.exitCode() == 0) {
            end(j, "COMPLETED", "None", 0, 0);
            stepEnd(j, "batch", "COMPLETED", 0, 0);
        } else {
            end(j, "FAILED", "NonZeroExitCode", j.outcome.exitCode(), 0);
            stepEnd(j, "batch", "FAILED", j.outcome.exitCode(), 0);
        }
        stepEnd(j, "extern", "COMPLETED", 0, 0);
    }

    /** Ends a job record: state, reason, exit code; frees its resources. */
    void end(Job j, String state, String reason, int exitCode, int signal) {
        if ("RUNNING".equals(j.state) || "SUSPENDED".equals(j.state)) {
            j.runBefore = j.runTime(now);
            j.segmentStart = null;
            if (j.suspendedAt != null) {
                j.suspendedTotal = j.suspendedTotal.plus(Duration.between(j.suspendedAt, now));
            }
            release(j);
        }
        j.state = state;
        j.reason = reason;
        j.exitCode = exitCode;
        j.signal = signal;
        j.end = now;
    }

    void stepEnd(Job j, String step, String state, int exitCode, int signal) {
        for (Step s : j.steps) {
            if (s.name.equals(step) && s.end == null) {
                s.state = state;
                s.exitCode = exitCode;
                s.signal = signal;
                s.end = now;
            }
        }
    }

    private void release(Job j) {
        Node n = nodes.get(j.nodeList);
        if (n != null) {
            for (int c : j.cpuIds) {
                n.cpuUsed[c] = false;
            }
            n.memoryAlloc -= j.memoryTotalMb();
            n.gpuAlloc -= j.gpus;
        }
    }

    private void purgeOld() {
        if (minJobAge == null) {
            return;
        }
        jobs.values().removeIf(j -> {
            boolean old = j.finished() && j.end != null && !j.end.plus(minJobAge).isAfter(now);
            if (old) {
                purged.add(j);
            }
            return old;
        });
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Starts every pending job that can run now, highest priority first (then lowest id); the
     * first one of a partition that does not fit waits for Resources, those after it for
     * Priority. One node per job (multi-node jobs are refused at submission).
     */
    void schedule() {
        List<Job> pending = new ArrayList<>();
        for (Job j : jobs.values()) {
            if ("PENDING".equals(j.state)) {
                pending.add(j);
            }
        }
        pending.sort(Comparator.comparingLong((Job j) -> -priority(j)).thenComparingLong(j -> j.id));
        Map<String, Boolean> blocked = new LinkedHashMap<>();
        for (Job j : pending) {
            j.lastSchedEval = now;
            if (j.hold != null) {
                j.reason = "admin".equals(j.hold) ? "JobHeldAdmin" : "JobHeldUser";
                continue;
            }
            String dep = dependencyState(j);
            if (dep != null) {
                j.reason = dep;
                continue;
            }
            if (j.begin != null && now.isBefore(j.begin)) {
                j.reason = "BeginTime";
                continue;
            }
            if (j.eligible == null) {
                j.eligible = now;
            }
            Partition p = partitions.get(j.partition);
            if (!p.up) {
                j.reason = "PartitionInactive";
                continue;
            }
            if (p.maxTime != null && j.timeLimit != null && j.timeLimit.compareTo(p.maxTime) > 0) {
                // accepted at submission (no EnforcePartLimits), never started
                j.reason = "PartitionTimeLimit";
                continue;
            }
            if (blocked.containsKey(p.name)) {
                j.reason = "Priority";
                continue;
            }
            Node n = fit(j, p);
            if (n == null) {
                j.reason = "Resources";
                blocked.put(p.name, true);
                continue;
            }
            start(j, n);
        }
    }

    /** {@code null} when the dependency is met (or none), else the pending reason. */
    private String dependencyState(Job j) {
        if (j.dependency == null) {
            return null;
        }
        if (j.dependencyNeverSatisfied) {
            return "DependencyNeverSatisfied";
        }
        boolean allMet = true;
        for (String part : j.dependency.split(",")) {
            String[] kv = part.split(":");
            String type = kv[0];
            for (int i = 1; i < kv.length; i++) {
                List<Job> targets = targetsOf(kv[i]);
                for (Job t : targets) {
                    Boolean met = switch (type) {
                        case "after" -> t.started() || t.finished() ? Boolean.TRUE : null;
                        case "afterany" -> t.finished() ? Boolean.TRUE : null;
                        case "afterok" -> t.finished() ? (Boolean) "COMPLETED".equals(t.state) : null;
                        case "afternotok" -> t.finished() ? (Boolean) !"COMPLETED".equals(t.state) : null;
                        default -> Boolean.FALSE;
                    };
                    if (met == null) {
                        allMet = false;
                    } else if (!met) {
                        j.dependencyNeverSatisfied = true;
                        return "DependencyNeverSatisfied";
                    }
                }
            }
        }
        if (allMet) {
            j.dependency = null;
            return null;
        }
        return "Dependency";
    }

    /** The job records a dependency id names: a job, or every record of an array. */
    List<Job> targetsOf(String id) {
        long n = Long.parseLong(id);
        List<Job> out = new ArrayList<>();
        for (Job t : allRecords()) {
            if (t.id == n || (t.arrayJobId != null && t.arrayJobId == n)) {
                out.add(t);
            }
        }
        return out;
    }

    List<Job> allRecords() {
        List<Job> all = new ArrayList<>(purged);
        all.addAll(jobs.values());
        return all;
    }

    private Node fit(Job j, Partition p) {
        for (String name : p.nodes) {
            Node n = nodes.get(name);
            if (n == null || !n.usable()) {
                continue;
            }
            int free = n.cpus - n.cpusAllocated();
            if (free >= j.cpus() && n.memoryMb - n.memoryAlloc >= j.memoryTotalMb() && n.gpus - n.gpuAlloc >= j.gpus) {
                return n;
            }
        }
        return null;
    }

    private void start(Job j, Node n) {
        if (j.isMeta()) {
            // an array's tasks start one record at a time: the last task keeps the array's id
            Job task = splitTask(j);
            start(task, n);
            return;
        }
        List<Integer> ids = new ArrayList<>();
        for (int c = 0; c < n.cpus && ids.size() < j.cpus(); c++) {
            if (!n.cpuUsed[c]) {
                n.cpuUsed[c] = true;
                ids.add(c);
            }
        }
        n.memoryAlloc += j.memoryTotalMb();
        n.gpuAlloc += j.gpus;
        j.cpuIds = List.copyOf(ids);
        j.nodeList = n.name;
        j.state = "RUNNING";
        j.reason = "None";
        j.start = now;
        j.segmentStart = now;
        if (j.timeLimit == null) {
            // slurmctld 22.05 gives a job without a limit 365 days when it starts
            j.timeLimit = Duration.ofDays(365);
        }
        j.steps.clear();
        j.steps.add(new Step("batch"));
        j.steps.add(new Step("extern"));
        j.pidBase = nextPid;
        nextPid += 10;
    }

    /** Takes the lowest pending task off an array's meta record; the last one is the meta record itself. */
    private Job splitTask(Job meta) {
        int task = meta.pendingTasks.remove(0);
        if (meta.pendingTasks.isEmpty()) {
            meta.arrayTaskId = task;
            return meta;
        }
        Job t = copyOf(meta);
        t.id = allocateJobId();
        t.arrayTaskId = task;
        t.pendingTasks = new ArrayList<>();
        jobs.put(t.id, t);
        return t;
    }

    static Job copyOf(Job m) {
        Job t = new Job();
        t.id = m.id;
        t.arrayJobId = m.arrayJobId;
        t.arrayTaskId = m.arrayTaskId;
        t.arraySpecThrottle = m.arraySpecThrottle;
        t.name = m.name;
        t.user = m.user;
        t.uid = m.uid;
        t.group = m.group;
        t.gid = m.gid;
        t.account = m.account;
        t.qos = m.qos;
        t.partition = m.partition;
        t.nice = m.nice;
        t.adminPriority = m.adminPriority;
        t.timeLimit = m.timeLimit;
        t.timeLimitSet = m.timeLimitSet;
        t.nodes = m.nodes;
        t.ntasks = m.ntasks;
        t.cpusPerTask = m.cpusPerTask;
        t.memoryMb = m.memoryMb;
        t.memPerNode = m.memPerNode;
        t.gpus = m.gpus;
        t.command = m.command;
        t.workDir = m.workDir;
        t.stdOut = m.stdOut;
        t.stdErr = m.stdErr;
        t.comment = m.comment;
        t.dependency = m.dependency;
        t.submitHost = m.submitHost;
        t.requeue = m.requeue;
        t.submit = m.submit;
        t.eligible = m.eligible;
        t.begin = m.begin;
        t.hold = m.hold;
        t.outcome = m.outcome;
        t.state = m.state;
        t.reason = m.reason;
        t.lastSchedEval = m.lastSchedEval;
        return t;
    }

    // ---------------------------------------------------------------- job control

    void suspend(Job j) {
        j.runBefore = j.runTime(now);
        j.segmentStart = null;
        j.suspendedAt = now;
        j.state = "SUSPENDED";
        j.reason = "None";
    }

    void resume(Job j) {
        j.suspendedTotal = j.suspendedTotal.plus(Duration.between(j.suspendedAt, now));
        j.suspendedAt = null;
        j.segmentStart = now;
        j.state = "RUNNING";
    }

    /** Requeues a running or finished job: it is pending again, with its run forgotten. */
    void requeue(Job j, boolean hold) {
        if ("RUNNING".equals(j.state) || "SUSPENDED".equals(j.state)) {
            end(j, "REQUEUED", "None", 0, 0);
            stepEnd(j, "batch", "CANCELLED", 0, 15);
            stepEnd(j, "extern", "COMPLETED", 0, 0);
        }
        j.restarts++;
        j.state = "PENDING";
        j.hold = hold ? "admin" : null;
        j.reason = hold ? "JobHeldAdmin" : "BeginTime";
        // the requeue is the job's new submission; it may start again 121 s later
        j.submit = now;
        j.begin = now.plus(REQUEUE_DELAY);
        j.eligible = j.begin;
        j.start = null;
        j.end = null;
        j.segmentStart = null;
        j.runBefore = Duration.ZERO;
        j.suspendedTotal = Duration.ZERO;
        j.exitCode = 0;
        j.signal = 0;
        j.nodeList = null;
        j.cpuIds = List.of();
        j.steps.clear();
    }

    /** Cancels a job record: a pending one never ran; a running one is killed with SIGTERM. */
    void cancel(Job j, int byUid) {
        boolean ran = "RUNNING".equals(j.state) || "SUSPENDED".equals(j.state);
        // a job cancelled before it started keeps the reason it was waiting for
        end(j, "CANCELLED", ran ? "None" : j.reason, 0, ran ? 15 : 0);
        j.cancelledBy = byUid;
        if (ran) {
            stepEnd(j, "batch", "CANCELLED", 0, 15);
            stepEnd(j, "extern", "COMPLETED", 0, 0);
        }
        // an array's own record cancelled as a whole keeps its tasks: scontrol still prints
        // ArrayTaskId=1-3 and squeue --array one CANCELLED row per task (22.05 lab)
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
