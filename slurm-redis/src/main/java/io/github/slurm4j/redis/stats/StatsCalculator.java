package io.github.slurm4j.redis.stats;

import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.redis.RedisKeys;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes the statistics of one snapshot (one node listing, one job listing, taken at
 * {@code now}) exactly as the README's tables define them. Pure: no I/O, no clock of its own.
 */
public final class StatsCalculator {
    /** {@code update_time}'s format. */
    public static final DateTimeFormatter UPDATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private StatsCalculator() {
    }

    /** What one node contributes: its class, and its resources split into alloc/free/error. */
    public record NodeFigures(String name, boolean gpu, NodeClass nodeClass, long cpuTot, long cpuAlloc, long cpuFree,
            long cpuError, long cardTot, long cardAlloc, long cardFree, long cardError) {
    }

    /** The figures of one node (its CPUs as sinfo's {@code %C} with the correction, its cards likewise). */
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

    /** GPU cards of a {@code Gres}/{@code GresUsed} list: the counts of every {@code gpu} item, typed or not. */
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
     */
    public static long gpuAllocated(Node node) {
        List<GresItem> used = node.usage().gresUsed();
        if (used != null && !used.isEmpty()) {
            return gpuCards(used);
        }
        Tres alloc = node.usage().allocTres();
        return alloc == null ? 0 : alloc.gpus().orElse(0);
    }

    /** Whether a job requests or holds GPUs ({@code gres/gpu} or {@code gres:gpu} in any TRES field). */
    public static boolean isGpuJob(Job job) {
        var r = job.resources();
        for (String s : new String[] {r.tresPerNode(), r.tresPerJob(), r.tresPerTask(), r.tresPerSocket(), r.jobGres()}) {
            if (mentionsGpu(s)) {
                return true;
            }
        }
        for (Tres t : new Tres[] {r.allocTres(), r.reqTres(), r.tres()}) {
            if (t != null && t.gpus().orElse(0) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsGpu(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (String part : s.split(",")) {
            String p = part.strip();
            if (p.startsWith("gres:gpu") || p.startsWith("gres/gpu") || p.startsWith("gpu:") || p.equals("gpu")) {
                // a zero count (gres:gpu:0) requests nothing
                return !(p.endsWith(":0") || p.endsWith("=0"));
            }
        }
        return false;
    }

    /**
     * The statistics of one snapshot.
     *
     * @param nodes one node listing; a node listed more than once (overlapping partitions) counts once
     * @param jobs one job listing; only running and pending jobs are counted and listed
     * @param power the power readings ({@link PowerReading#NONE} without a source)
     * @param now when the listings were taken, in the cluster's zone
     */
    public static ClusterStats compute(List<Node> nodes, List<Job> jobs, PowerReading power, ZonedDateTime now) {
        String updateTime = UPDATE_TIME.format(now);
        LocalDateTime local = now.toLocalDateTime();

        // ---------------------------------------------------------------- nodes
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node n : nodes) {
            byName.putIfAbsent(n.name(), n);
        }
        long[] all = new long[7];
        long[] gpu = new long[7];
        long[] cpu = new long[7];
        List<String> nodeRows = new ArrayList<>(byName.size());
        Json.Row row = new Json.Row();
        double watts = 0;
        boolean energy = false;
        for (Node n : byName.values()) {
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
            nodeRows.add(row.begin().str("name", n.name()).str("type", f.gpu ? "gpu" : "cpu")
                    .str("state", n.state() == null ? "" : n.state().raw())
                    .num("res_tot", f.gpu ? f.cardTot : f.cpuTot).num("res_alloc", f.gpu ? f.cardAlloc : f.cpuAlloc)
                    .num("cpu_avg_load", n.usage().cpuLoad()).num("mem_tot", mib(n.hardware().realMemoryBytes()))
                    .num("mem_alloc", mib(n.usage().allocMemoryBytes())).end());
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
        Map<Long, Job> jobById = new LinkedHashMap<>();
        for (Job j : jobs) {
            jobById.putIfAbsent(j.jobId(), j);
        }
        long running = 0, pending = 0, cpuRunning = 0, cpuPending = 0, gpuRunning = 0, gpuPending = 0;
        Set<String> runningUsers = new HashSet<>(), pendingUsers = new HashSet<>(), users = new HashSet<>(),
                cpuUsers = new HashSet<>(), gpuUsers = new HashSet<>(), cpuRunningUsers = new HashSet<>(),
                cpuPendingUsers = new HashSet<>(), gpuRunningUsers = new HashSet<>(), gpuPendingUsers = new HashSet<>();
        List<Timed> runningTimes = new ArrayList<>();
        List<Timed> pendingTimes = new ArrayList<>();
        List<String> jobRows = new ArrayList<>();
        for (Job j : jobById.values()) {
            JobState st = j.state();
            boolean isRunning = st != null && st.state() == JobState.Name.RUNNING;
            boolean isPending = st != null && st.state() == JobState.Name.PENDING;
            if (!isRunning && !isPending) {
                continue;
            }
            boolean isGpu = isGpuJob(j);
            String user = userOf(j);
            users.add(user);
            (isGpu ? gpuUsers : cpuUsers).add(user);
            Duration used;
            if (isRunning) {
                running++;
                runningUsers.add(user);
                if (isGpu) {
                    gpuRunning++;
                    gpuRunningUsers.add(user);
                } else {
                    cpuRunning++;
                    cpuRunningUsers.add(user);
                }
                used = nonNegative(j.timing().runTime());
                runningTimes.add(new Timed(j, used));
            } else {
                pending++;
                pendingUsers.add(user);
                if (isGpu) {
                    gpuPending++;
                    gpuPendingUsers.add(user);
                } else {
                    cpuPending++;
                    cpuPendingUsers.add(user);
                }
                pendingTimes.add(new Timed(j, waited(j, local)));
                used = nonNegative(j.timing().runTime());
            }
            jobRows.add(row.begin().str("job_id", j.displayId().toString()).str("name", nz(j.name()))
                    .str("account", nz(j.identity().account())).str("user", user)
                    .str("partition", nz(j.identity().partition())).str("qos", nz(j.identity().qos()))
                    .num("nodes", j.resources().numNodes()).num("cpus", j.resources().numCpus())
                    .str("state", st.state().name()).str("time_used", SlurmDuration.format(used))
                    .num("time_used_seconds", used.getSeconds())
                    .str("info", isRunning ? nz(j.placement().nodeList()) : nz(j.status().reason())).end());
        }
        String pendingTop = top5(pendingTimes);
        Map<String, String> job = new LinkedHashMap<>();
        job.put("running_jobs", Long.toString(running));
        job.put("pending_jobs", Long.toString(pending));
        job.put("cpu_running_jobs", Long.toString(cpuRunning));
        job.put("cpu_pending_jobs", Long.toString(cpuPending));
        job.put("gpu_running_jobs", Long.toString(gpuRunning));
        job.put("gpu_pending_jobs", Long.toString(gpuPending));
        job.put("running_users", Integer.toString(runningUsers.size()));
        job.put("pending_users", Integer.toString(pendingUsers.size()));
        job.put("users", Integer.toString(users.size()));
        job.put("cpu_users", Integer.toString(cpuUsers.size()));
        job.put("gpu_users", Integer.toString(gpuUsers.size()));
        job.put("cpu_running_users", Integer.toString(cpuRunningUsers.size()));
        job.put("cpu_pending_users", Integer.toString(cpuPendingUsers.size()));
        job.put("gpu_running_users", Integer.toString(gpuRunningUsers.size()));
        job.put("gpu_pending_users", Integer.toString(gpuPendingUsers.size()));
        job.put(RedisKeys.PENDING_TOP5_CONTRACT, pendingTop);
        job.put(RedisKeys.RUNNING_TOP5, top5(runningTimes));
        job.put(RedisKeys.UPDATE_TIME, updateTime);
        job.put(RedisKeys.PENDING_TOP5, pendingTop);

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

        return new ClusterStats(now.toInstant(), updateTime, nodeOrdered, job, pue, brief, jobRows, nodeRows);
    }

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

    private record Timed(Job job, Duration time) {
    }

    private static final Comparator<Timed> LONGEST_FIRST =
            Comparator.comparing(Timed::time).reversed().thenComparingLong(t -> t.job().jobId());

    /** The five longest, longest first (ties: the lower job id first), as a JSON array. */
    private static String top5(List<Timed> timed) {
        // one pass keeping the best five: the queue may hold 100,000 pending jobs
        List<Timed> best = new ArrayList<>(6);
        for (Timed t : timed) {
            if (best.size() < 5 || LONGEST_FIRST.compare(t, best.get(best.size() - 1)) < 0) {
                int i = best.size();
                while (i > 0 && LONGEST_FIRST.compare(t, best.get(i - 1)) < 0) {
                    i--;
                }
                best.add(i, t);
                if (best.size() > 5) {
                    best.remove(5);
                }
            }
        }
        List<String> out = new ArrayList<>(5);
        Json.Row o = new Json.Row();
        for (Timed t : best) {
            out.add(o.begin().str("job_id", t.job().displayId().toString()).str("name", nz(t.job().name()))
                    .str("user", userOf(t.job())).str("partition", nz(t.job().identity().partition()))
                    .str("time_used", SlurmDuration.format(t.time())).num("time_used_seconds", t.time().getSeconds()).end());
        }
        return Json.array(out);
    }

    /** A pending job's wait: since it became eligible, else since it was submitted; never negative. */
    static Duration waited(Job j, LocalDateTime now) {
        SlurmTime since = j.timing().eligibleTime();
        if (since == null || !since.isSet() || since.dateTime().isAfter(now)) {
            since = j.timing().submitTime();
        }
        if (since == null || !since.isSet()) {
            return Duration.ZERO;
        }
        return nonNegative(Duration.between(since.dateTime(), now));
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    private static String userOf(Job j) {
        return j.identity().user() == null ? "" : j.identity().user().name() != null ? j.identity().user().name()
                : String.valueOf(j.identity().user().id());
    }

    /** {@code part / total} with 4 decimals, {@code 0.0000} when the total is 0. */
    static String ratio(long part, long total) {
        return total == 0 ? "0.0000" : decimal((double) part / total, 4);
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
