package io.github.slurm4j.redis.stats;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.redis.RedisKeys;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;

/**
 * Computes the statistics of one snapshot (one node listing, one job listing, taken at
 * {@code now}) exactly as the README's tables define them. Pure: no I/O, no clock of its own.
 */
public final class StatsCalculator {
    /** {@code update_time}'s format. */
    public static final DateTimeFormatter UPDATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private StatsCalculator() {
    }

    /**
     * What one node contributes: its class, and its resources split into alloc/free/error. Free
     * and error split the unallocated resources: free on a usable node, error on an
     * {@link NodeClass#ERROR} one (the other is then 0).
     *
     * @param name the node's name
     * @param gpu whether the node has GPU cards (it then counts as a GPU node, else a CPU node)
     * @param nodeClass the node's class
     * @param cpuTot the node's CPUs ({@code CPUTot})
     * @param cpuAlloc its allocated CPUs ({@code CPUAlloc}, clamped to 0..{@code cpuTot})
     * @param cpuFree its unallocated CPUs if usable, else 0
     * @param cpuError its unallocated CPUs if an error, else 0
     * @param cardTot its GPU cards ({@link #gpuCards} of {@code Gres})
     * @param cardAlloc its allocated cards ({@link #gpuAllocated}, at most {@code cardTot})
     * @param cardFree its unallocated cards if usable, else 0
     * @param cardError its unallocated cards if an error, else 0
     */
    public record NodeFigures(String name, boolean gpu, NodeClass nodeClass, long cpuTot, long cpuAlloc, long cpuFree,
            long cpuError, long cardTot, long cardAlloc, long cardFree, long cardError) {
    }

    /**
     * Computes the figures of one node (its CPUs as sinfo's {@code %C} with the correction, its
     * cards likewise).
     *
     * @param node a node of {@code scontrol -o show node}
     * @return its class and its CPUs and cards split into allocated, free and error
     */
    public static NodeFigures figures(Node node) {
        NodeClass cls = NodeClass.of(node.state());
        boolean usable = cls != NodeClass.ERROR;
        long cpuTot = nz(node.hardware().cpuTotal());
        long cpuAlloc = Math.min(cpuTot, Math.max(0, nz(node.usage().cpuAlloc())));
        long cpuIdle = cpuTot - cpuAlloc;
        long cards = gpuCards(node.hardware().gres());
        long cardAlloc = Math.min(cards, gpuAllocated(node));
        long cardIdle = cards - cardAlloc;
        return new NodeFigures(node.name(), cards > 0, cls, cpuTot, cpuAlloc, usable ? cpuIdle : 0,
                usable ? 0 : cpuIdle, cards, cardAlloc, usable ? cardIdle : 0, usable ? 0 : cardIdle);
    }

    /**
     * Counts the GPU cards of a {@code Gres}/{@code GresUsed} list: the counts of every {@code gpu}
     * item, typed or not.
     *
     * @param gres the list, or {@code null} (none printed)
     * @return the cards; 0 for {@code null} or a list without GPUs
     */
    public static long gpuCards(List<GresItem> gres) {
        long n = 0;
        if (gres != null) {
            for (GresItem g : gres) {
                if (g.name().equals("gpu")) {
                    n += g.count();
                }
            }
        }
        return n;
    }

    /**
     * Allocated cards: from {@code GresUsed} when printed, else from {@code AllocTRES}'s
     * {@code gres/gpu} (its typed entries only when no untyped total is printed).
     *
     * @param node a node of {@code scontrol -o show node}
     * @return the allocated cards; 0 when neither field mentions GPUs
     */
    public static long gpuAllocated(Node node) {
        List<GresItem> used = node.usage().gresUsed();
        if (used != null && !used.isEmpty()) {
            return gpuCards(used);
        }
        Tres alloc = node.usage().allocTres();
        return alloc == null ? 0 : alloc.gpus().orElse(0);
    }

    /**
     * Tells whether a job requests or holds GPUs ({@code gres/gpu} or {@code gres:gpu} in any TRES
     * field of {@code scontrol -o -d show job}); a zero count does not count.
     *
     * @param job the job
     * @return whether it counts as a GPU job
     */
    public static boolean isGpuJob(Job job) {
        var r = job.resources();
        return mentionsGpu(r.tresPerNode()) || mentionsGpu(r.tresPerJob()) || mentionsGpu(r.tresPerTask())
                || mentionsGpu(r.tresPerSocket()) || mentionsGpu(r.jobGres()) || holdsGpu(r.allocTres())
                || holdsGpu(r.reqTres()) || holdsGpu(r.tres());
    }

    /** Tres.gpus() reads only gres/gpu entries: without one it is empty, whatever else is listed. */
    private static boolean holdsGpu(Tres t) {
        return t != null && t.gpus().orElse(0) > 0;
    }

    /**
     * Whether the first GPU entry of a comma-separated TRES list (entries stripped of white space)
     * asks for a non-zero count. A GPU entry names the GRES {@code gpu} exactly: {@code gres/gpu},
     * {@code gres:gpu}, each alone or followed by {@code :} or {@code =}, {@code gpu:…} or
     * {@code gpu}. Scans in place: it runs for every job of the queue.
     */
    static boolean mentionsGpu(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int n = s.length();
        for (int from = 0; from <= n; ) {
            int comma = s.indexOf(',', from);
            int to = comma < 0 ? n : comma;
            int a = from, b = to;
            while (a < b && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            int len = b - a;
            // the GRES named exactly gpu: not gres/gpumem, gres/gpu_shard or another site GRES starting so
            if ((s.startsWith("gres:gpu", a) || s.startsWith("gres/gpu", a)) && (len == 8 || isGresEnd(s.charAt(a + 8)))
                    || s.startsWith("gpu:", a) && len >= 4 || len == 3 && s.startsWith("gpu", a)) {
                // a zero count (gres:gpu:0) requests nothing
                return !(len >= 2 && s.charAt(b - 1) == '0' && (s.charAt(b - 2) == ':' || s.charAt(b - 2) == '='));
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return false;
    }

    /** Whether {@code c} ends a GRES name in a TRES entry: its type or count follows. */
    private static boolean isGresEnd(char c) {
        return c == ':' || c == '=';
    }

    /**
     * The statistics of one snapshot.
     *
     * @param nodes one node listing; a node listed more than once (overlapping partitions) counts once
     * @param jobs one job listing; only running and pending jobs are counted and listed
     * @param power the power readings ({@link PowerReading#NONE} without a source)
     * @param now when the listings were taken, in the cluster's zone
     * @return the hashes and lists to write, stamped with {@code now}
     */
    public static ClusterStats compute(List<Node> nodes, List<Job> jobs, PowerReading power, ZonedDateTime now) {
        String updateTime = UPDATE_TIME.format(now);

        // ---------------------------------------------------------------- nodes
        long[] all = new long[7];
        long[] gpu = new long[7];
        long[] cpu = new long[7];
        Set<String> nodeNames = new HashSet<>(Math.max(16, nodes.size() * 2));
        JsonRows.Builder nodeRows = new JsonRows.Builder(nodes.size());
        double watts = 0;
        boolean energy = false;
        for (Node n : nodes) {
            if (!nodeNames.add(n.name())) {
                continue; // listed again (overlapping partitions): the first listing counts
            }
            NodeFigures f = figures(n);
            add(all, f, f.cpuAlloc, f.cpuFree, f.cpuError);
            if (f.gpu) {
                add(gpu, f, f.cardAlloc, f.cardFree, f.cardError);
            } else {
                add(cpu, f, f.cpuAlloc, f.cpuFree, f.cpuError);
            }
            Long w = n.usage().currentWatts();
            if (w != null && w > 0) {
                watts += w;
                energy = true;
            }
            nodeRows.begin().str(K_NAME, n.name()).str(K_TYPE, f.gpu ? "gpu" : "cpu")
                    .str(K_STATE, n.state() == null ? "" : n.state().raw())
                    .num(K_RES_TOT, f.gpu ? f.cardTot : f.cpuTot).num(K_RES_ALLOC, f.gpu ? f.cardAlloc : f.cpuAlloc)
                    .num(K_CPU_AVG_LOAD, n.usage().cpuLoad()).num(K_MEM_TOT, mib(n.hardware().realMemoryBytes()))
                    .num(K_MEM_ALLOC, mib(n.usage().allocMemoryBytes())).end();
        }
        Map<String, String> node = new LinkedHashMap<>();
        put(node, "all_cpu", "all_node", all);
        put(node, "gpu_card", "gpu_node", gpu);
        put(node, "cpu_cpu", "cpu_node", cpu);
        Map<String, String> nodeOrdered = new LinkedHashMap<>();
        for (String field : RedisKeys.NODE_FIELDS) {
            nodeOrdered.put(field, field.equals(RedisKeys.UPDATE_TIME) ? updateTime : node.get(field));
        }

        // ---------------------------------------------------------------- jobs
        JobPass jobsPass = jobs(jobs, now);
        long running = jobsPass.running, pending = jobsPass.pending, cpuRunning = jobsPass.cpuRunning,
                cpuPending = jobsPass.cpuPending, gpuRunning = jobsPass.gpuRunning, gpuPending = jobsPass.gpuPending;
        Map<String, int[]> userBits = jobsPass.userBits;
        Top5 runningTop = jobsPass.runningTop;
        Top5 pendingTop = jobsPass.pendingTop;
        String pendingTop5 = pendingTop.json();
        Map<String, String> job = new LinkedHashMap<>();
        job.put("running_jobs", Long.toString(running));
        job.put("pending_jobs", Long.toString(pending));
        job.put("cpu_running_jobs", Long.toString(cpuRunning));
        job.put("cpu_pending_jobs", Long.toString(cpuPending));
        job.put("gpu_running_jobs", Long.toString(gpuRunning));
        job.put("gpu_pending_jobs", Long.toString(gpuPending));
        int[] userCounts = new int[8];
        for (int[] b : userBits.values()) {
            for (int k = 0; k < userCounts.length; k++) {
                userCounts[k] += (b[0] >>> k) & 1;
            }
        }
        job.put("running_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_RUNNING)]));
        job.put("pending_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_PENDING)]));
        job.put("users", Integer.toString(userBits.size()));
        job.put("cpu_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_CPU)]));
        job.put("gpu_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_GPU)]));
        job.put("cpu_running_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_CPU_RUNNING)]));
        job.put("cpu_pending_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_CPU_PENDING)]));
        job.put("gpu_running_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_GPU_RUNNING)]));
        job.put("gpu_pending_users", Integer.toString(userCounts[Integer.numberOfTrailingZeros(U_GPU_PENDING)]));
        job.put(RedisKeys.PENDING_TOP5_CONTRACT, pendingTop5);
        job.put(RedisKeys.RUNNING_TOP5, runningTop.json());
        job.put(RedisKeys.UPDATE_TIME, updateTime);
        job.put(RedisKeys.PENDING_TOP5, pendingTop5);

        // ---------------------------------------------------------------- pue
        Map<String, String> pue = new LinkedHashMap<>();
        Double it = energy ? Double.valueOf(watts) : power.itWatts();
        if (it != null || power.facilityWatts() != null) {
            if (power.facilityWatts() != null && it != null && it > 0) {
                pue.put("pue", decimal(power.facilityWatts() / it, 4));
            }
            if (it != null) {
                pue.put("power", decimal(it, 1));
            }
            pue.put(RedisKeys.UPDATE_TIME, updateTime);
        }

        // ---------------------------------------------------------------- brief
        Map<String, String> brief = new LinkedHashMap<>();
        long nodeTot = all[0];
        brief.put("node_running", ratio(all[1], nodeTot));
        brief.put("node_available", ratio(all[2], nodeTot));
        brief.put("node_error", ratio(all[3], nodeTot));
        long coreTot = cpu[4] + gpu[4];
        brief.put("core_running", ratio(cpu[5] + gpu[5], coreTot));
        brief.put("core_available", ratio(cpu[6] + gpu[6], coreTot));
        brief.put("core_error", ratio(coreTot - (cpu[5] + gpu[5]) - (cpu[6] + gpu[6]), coreTot));
        brief.put("job_running", ratio(running, running + pending));
        brief.put("job_pending", ratio(pending, running + pending));

        return new ClusterStats(now.toInstant(), updateTime, nodeOrdered, job, pue, brief, jobsPass.rows,
                nodeRows.build());
    }

    /** Job lists at least this long are read in slices on several threads (when there are several cores). */
    static final int PARALLEL_JOBS = 20_000;

    /**
     * The job figures: one {@link JobPass} over the list, or, for a long list on a machine with
     * several cores, one per slice on that many threads (the caller's and the common pool's; a slice
     * no pool thread has started is run by the caller),
     * merged in list order: the rows in the same order, counts added, users' bits joined, top 5s
     * merged. A job listed again in a later slice than its first listing (never in one listing of
     * scontrol) makes the slices' work void: the list is then read in one pass, so the first listing
     * counts as always.
     */
    static JobPass jobs(List<Job> jobs, ZonedDateTime now) {
        return jobs(jobs, now, jobs.size() < PARALLEL_JOBS ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** {@link #jobs(List, ZonedDateTime)} in {@code slices} slices (1: one pass on this thread). */
    static JobPass jobs(List<Job> jobs, ZonedDateTime now, int slices) {
        int n = jobs.size();
        if (slices < 2 || n < slices) {
            return JobPass.over(jobs, 0, n, now, false);
        }
        // ForkJoinTasks, not CompletableFutures: joined from outside the pool in the reverse order of
        // their fork, a slice no pool thread has taken yet is run by the caller, so a busy common
        // pool costs time, never a wait for a thread
        List<ForkJoinTask<JobPass>> others = new ArrayList<>(slices - 1);
        for (int k = 1; k < slices; k++) {
            int from = (int) ((long) n * k / slices);
            int to = (int) ((long) n * (k + 1) / slices);
            others.add(ForkJoinTask.adapt(() -> JobPass.over(jobs, from, to, now, true)).fork());
        }
        JobPass[] passes = new JobPass[slices];
        passes[0] = JobPass.over(jobs, 0, n / slices, now, true);
        for (int k = slices - 1; k >= 1; k--) {
            passes[k] = others.get(k - 1).join();
        }
        for (int k = 1; k < passes.length; k++) {
            JobPass later = passes[k];
            for (int i = 0; i < later.idCount; i++) {
                for (int e = 0; e < k; e++) {
                    if (passes[e].ids.contains(later.idList[i])) {
                        return JobPass.over(jobs, 0, n, now, false); // listed in two slices: one pass
                    }
                }
            }
        }
        return JobPass.merge(List.of(passes));
    }

    /** The job figures of a run of the job list. Confined to one thread while it reads. */
    static final class JobPass {
        final LongSet ids;
        /** The ids this pass saw first, in order (kept only for a slice). */
        long[] idList;
        int idCount;
        long running, pending, cpuRunning, cpuPending, gpuRunning, gpuPending;
        /** Per distinct user, which of the user counts it is in (U_* bits): one map lookup per job. */
        final Map<String, int[]> userBits = new HashMap<>();
        final Top5 runningTop = new Top5();
        final Top5 pendingTop = new Top5();
        JsonRows rows;

        private JobPass(int expected, boolean keepIds) {
            ids = new LongSet(expected);
            idList = keepIds ? new long[Math.max(16, expected)] : null;
        }

        static JobPass over(List<Job> jobs, int from, int to, ZonedDateTime now, boolean keepIds) {
            JobPass p = new JobPass(to - from, keepIds);
            Clock clock = new Clock(now);
            JsonRows.Builder out = new JsonRows.Builder(to - from);
            for (Job j : jobs.subList(from, to)) {
                long id = j.jobId();
                if (!p.ids.add(id)) {
                    continue; // listed again: the first listing counts
                }
                if (keepIds) {
                    if (p.idCount == p.idList.length) {
                        p.idList = java.util.Arrays.copyOf(p.idList, p.idCount * 2);
                    }
                    p.idList[p.idCount++] = id;
                }
                JobState st = j.state();
                boolean isRunning = st != null && st.state() == JobState.Name.RUNNING;
                boolean isPending = st != null && st.state() == JobState.Name.PENDING;
                if (!isRunning && !isPending) {
                    continue;
                }
                boolean isGpu = isGpuJob(j);
                String user = userOf(j);
                Duration used = nonNegative(j.timing().runTime());
                int bits;
                if (isRunning) {
                    p.running++;
                    if (isGpu) {
                        p.gpuRunning++;
                        bits = U_RUNNING | U_GPU | U_GPU_RUNNING;
                    } else {
                        p.cpuRunning++;
                        bits = U_RUNNING | U_CPU | U_CPU_RUNNING;
                    }
                    p.runningTop.offer(j, used.getSeconds(), used.getNano());
                } else {
                    p.pending++;
                    if (isGpu) {
                        p.gpuPending++;
                        bits = U_PENDING | U_GPU | U_GPU_PENDING;
                    } else {
                        p.cpuPending++;
                        bits = U_PENDING | U_CPU | U_CPU_PENDING;
                    }
                    p.pendingTop.offerWait(j, clock);
                }
                p.userBits.computeIfAbsent(user, u -> new int[1])[0] |= bits;
                out.begin().jobId(K_JOB_ID, j.displayId()).str(K_NAME, nz(j.name()))
                        .str(K_ACCOUNT, nz(j.identity().account())).str(K_USER, user)
                        .str(K_PARTITION, nz(j.identity().partition())).str(K_QOS, nz(j.identity().qos()))
                        .num(K_NODES, j.resources().numNodes()).num(K_CPUS, j.resources().numCpus())
                        .str(K_STATE, st.state().name()).duration(K_TIME_USED, used.getSeconds())
                        .num(K_TIME_USED_SECONDS, used.getSeconds())
                        .str(K_INFO, isRunning ? nz(j.placement().nodeList()) : nz(j.status().reason())).end();
            }
            p.rows = out.build();
            return p;
        }

        /** The passes of consecutive slices as one (no job in two of them). */
        static JobPass merge(List<JobPass> passes) {
            JobPass m = new JobPass(0, false);
            List<JsonRows> rows = new ArrayList<>(passes.size());
            for (JobPass p : passes) {
                m.running += p.running;
                m.pending += p.pending;
                m.cpuRunning += p.cpuRunning;
                m.cpuPending += p.cpuPending;
                m.gpuRunning += p.gpuRunning;
                m.gpuPending += p.gpuPending;
                p.userBits.forEach((u, b) -> m.userBits.computeIfAbsent(u, x -> new int[1])[0] |= b[0]);
                m.runningTop.offerAll(p.runningTop);
                m.pendingTop.offerAll(p.pendingTop);
                rows.add(p.rows);
            }
            m.rows = JsonRows.concat(rows);
            return m;
        }
    }

    /**
     * The snapshot's instant, and the cluster's wall-clock times (as scontrol prints them, in the
     * cluster's zone) as instants: with the zone's real offset at each time, so a wait across a
     * daylight-saving change is the time that passed, not the difference of the wall clocks.
     */
    static final class Clock {
        final long nowSecond;
        final int nowNano;
        private final ZoneRules rules;
        /** The zone's only offset, in seconds, when it has one (UTC, fixed offsets): no lookup per job. */
        private final Integer fixedOffset;

        Clock(ZonedDateTime now) {
            nowSecond = now.toEpochSecond();
            nowNano = now.getNano();
            rules = now.getZone().getRules();
            fixedOffset = rules.isFixedOffset() ? rules.getOffset(now.toInstant()).getTotalSeconds() : null;
        }

        /**
         * The epoch second of wall-clock time {@code t} in the cluster's zone; a time in a gap or an
         * overlap of a daylight-saving change takes the offset before the change.
         */
        long epochSecond(LocalDateTime t) {
            return fixedOffset != null ? t.toEpochSecond(ZoneOffset.UTC) - fixedOffset : t.toEpochSecond(rules.getOffset(t));
        }

        /**
         * Nanoseconds from wall-clock time {@code t} to the snapshot: negative when {@code t} is
         * after it, {@link Long#MIN_VALUE} when {@code t} is not set.
         */
        long nanosSince(SlurmTime t) {
            if (t == null || !t.isSet()) {
                return Long.MIN_VALUE;
            }
            LocalDateTime d = t.dateTime();
            return (nowSecond - epochSecond(d)) * 1_000_000_000L + (nowNano - d.getNano());
        }
    }

    /** A user's bits: in which distinct-user counts it is. */
    private static final int U_RUNNING = 1, U_PENDING = 2, U_CPU = 4, U_GPU = 8, U_CPU_RUNNING = 16, U_CPU_PENDING = 32,
            U_GPU_RUNNING = 64, U_GPU_PENDING = 128;

    private static final byte[] K_NAME = JsonRows.Builder.key("name");
    private static final byte[] K_TYPE = JsonRows.Builder.key("type");
    private static final byte[] K_STATE = JsonRows.Builder.key("state");
    private static final byte[] K_RES_TOT = JsonRows.Builder.key("res_tot");
    private static final byte[] K_RES_ALLOC = JsonRows.Builder.key("res_alloc");
    private static final byte[] K_CPU_AVG_LOAD = JsonRows.Builder.key("cpu_avg_load");
    private static final byte[] K_MEM_TOT = JsonRows.Builder.key("mem_tot");
    private static final byte[] K_MEM_ALLOC = JsonRows.Builder.key("mem_alloc");
    private static final byte[] K_JOB_ID = JsonRows.Builder.key("job_id");
    private static final byte[] K_ACCOUNT = JsonRows.Builder.key("account");
    private static final byte[] K_USER = JsonRows.Builder.key("user");
    private static final byte[] K_PARTITION = JsonRows.Builder.key("partition");
    private static final byte[] K_QOS = JsonRows.Builder.key("qos");
    private static final byte[] K_NODES = JsonRows.Builder.key("nodes");
    private static final byte[] K_CPUS = JsonRows.Builder.key("cpus");
    private static final byte[] K_TIME_USED = JsonRows.Builder.key("time_used");
    private static final byte[] K_TIME_USED_SECONDS = JsonRows.Builder.key("time_used_seconds");
    private static final byte[] K_INFO = JsonRows.Builder.key("info");

    // counters: 0 node tot, 1 running, 2 available, 3 error, 4 res tot, 5 res alloc, 6 res free
    private static void add(long[] c, NodeFigures f, long alloc, long free, long error) {
        c[0]++;
        c[f.nodeClass == NodeClass.RUNNING ? 1 : f.nodeClass == NodeClass.AVAILABLE ? 2 : 3]++;
        c[4] += alloc + free + error;
        c[5] += alloc;
        c[6] += free;
    }

    private static void put(Map<String, String> m, String res, String nodes, long[] c) {
        m.put(res + "_alloc", Long.toString(c[5]));
        m.put(res + "_free", Long.toString(c[6]));
        m.put(res + "_error", Long.toString(c[4] - c[5] - c[6]));
        m.put(res + "_tot", Long.toString(c[4]));
        m.put(nodes + "_tot", Long.toString(c[0]));
        m.put(nodes + "_running", Long.toString(c[1]));
        m.put(nodes + "_available", Long.toString(c[2]));
        m.put(nodes + "_error", Long.toString(c[3]));
    }

    /**
     * The five longest times, longest first (ties: the lower job id first), kept in one pass
     * without an object per job: the queue may hold 100,000 pending jobs.
     */
    static final class Top5 {
        private final Job[] job = new Job[6];
        private final long[] seconds = new long[6];
        private final int[] nanos = new int[6];
        private int size;

        /**
         * A pending job, by its wait: since it became eligible, else (no eligible time, or one still
         * ahead) since it was submitted; never negative.
         */
        void offerWait(Job j, Clock clock) {
            long wait = clock.nanosSince(j.timing().eligibleTime());
            if (wait < 0) { // not set, or still ahead
                wait = Math.max(0, clock.nanosSince(j.timing().submitTime()));
            }
            offer(j, wait / 1_000_000_000L, (int) (wait % 1_000_000_000L));
        }

        void offer(Job j, long s, int n) {
            if (size == 5 && !before(s, n, j.jobId(), size - 1)) {
                return;
            }
            int i = size;
            while (i > 0 && before(s, n, j.jobId(), i - 1)) {
                job[i] = job[i - 1];
                seconds[i] = seconds[i - 1];
                nanos[i] = nanos[i - 1];
                i--;
            }
            job[i] = j;
            seconds[i] = s;
            nanos[i] = n;
            if (size < 5) {
                size++;
            }
        }

        /** Offers another top 5's entries: the top 5 of both lists. */
        void offerAll(Top5 other) {
            for (int k = 0; k < other.size; k++) {
                offer(other.job[k], other.seconds[k], other.nanos[k]);
            }
        }

        /** Whether (s, n, id) comes before entry {@code k}: longer first, then the lower job id. */
        private boolean before(long s, int n, long id, int k) {
            if (s != seconds[k]) {
                return s > seconds[k];
            }
            if (n != nanos[k]) {
                return n > nanos[k];
            }
            return id < job[k].jobId();
        }

        /** As a JSON array of {@code TOP5_FIELDS} objects. */
        String json() {
            JsonRows.Builder o = new JsonRows.Builder(5);
            List<String> out = new ArrayList<>(5);
            for (int k = 0; k < size; k++) {
                Job j = job[k];
                o.begin().jobId(K_JOB_ID, j.displayId()).str(K_NAME, nz(j.name())).str(K_USER, userOf(j))
                        .str(K_PARTITION, nz(j.identity().partition())).duration(K_TIME_USED, seconds[k])
                        .num(K_TIME_USED_SECONDS, seconds[k]).end();
                out.add(o.lastRow());
            }
            return Json.array(out);
        }
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    private static String userOf(Job j) {
        return j.identity().user() == null ? "" : j.identity().user().name() != null ? j.identity().user().name()
                : String.valueOf(j.identity().user().id());
    }

    /**
     * {@code part / total} with 4 decimals, rounded half up from the exact fraction ({@code 3/160} is
     * {@code 0.0188}; rounding the nearest double, 0.018749…, gave {@code 0.0187}); {@code 0.0000}
     * when the total is 0.
     */
    static String ratio(long part, long total) {
        return total == 0 ? "0.0000"
                : java.math.BigDecimal.valueOf(part).divide(java.math.BigDecimal.valueOf(total), 4,
                        java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimal(double v, int places) {
        return new java.math.BigDecimal(v).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static Long mib(Long bytes) {
        return bytes == null ? null : bytes / (1024 * 1024);
    }

    private static long nz(Integer v) {
        return v == null ? 0 : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
