package io.github.slurm4j.redis.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisLab;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.collect.ClusterCollector.Outcome;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.RedisClient;

/**
 * The collector against the real lab Slurm, locally and over SSH, writing to the real Redis; the
 * test reads Redis back with {@code redis-cli HGETALL}/{@code LRANGE} and checks every documented
 * field against what {@code sinfo} and {@code squeue} say right after the cycle. The lab is shared:
 * when a job starts or ends, or a node changes state, between the cycle and the check, the cycle is
 * run again (at most 5 times; the last time the node hash is asserted as it is).
 *
 * <p>The expected values are computed here from the commands' text alone, by the README's
 * definitions, without the module's classes ({@code StatsCalculator}, {@code NodeClass}) or the
 * model's parsers: node classes from sinfo's {@code StateComplete} words, cards from the
 * {@code Gres}/{@code GresUsed} text, CPUs from {@code CPUsState}, ratios rounded from the exact
 * fraction in integers, job counts and distinct users from squeue's rows. So a wrong count in the
 * module fails the test instead of being repeated by it. sinfo and squeue run as root on this
 * machine, in the cluster's chroot for 24.11 and 26.05 ({@link LabCluster#rootCommand}); the
 * {@code -O} fields the test asks for print the same on the three versions (24.11 and 26.05 print
 * {@code (null)} where 22.05 prints {@code gpu:0} as a GPU-less node's {@code GresUsed}: no card
 * either way; a node planned for a pending job reads {@code idle+planned}, a flag that leaves the
 * base state's class).
 *
 * <p>Before the cycle the test submits two held jobs through the collector's own shell (one asking
 * for a GPU) and one job it waits to see running, so the job fields, the rows of both kinds and
 * both top 5s count something on a cluster whose queue happens to be empty; it cancels them
 * afterwards. Held jobs take no resources; the running one holds one CPU of the node.
 *
 * <p>Besides the hashes, every row of {@code [cluster]_jobs} is compared with squeue's row of the
 * job, {@code pending_top5} with the longest waits from squeue's times, {@code running_top5} with
 * squeue's {@code TimeUsed}, and every row of {@code [cluster]_nodes} with sinfo's load and memory.
 *
 * <p>This class runs on Slurm 22.05 both ways, locally as root and over SSH as alice; one subclass
 * per newer version ({@link CollectorLab2411IT}, {@link CollectorLab2605IT}) runs it over that
 * cluster's own sshd as alice only: the local path is the same code, already run here.
 */
@DisplayName("collector locally as root and over SSH as alice on Slurm 22.05")
@UsesLab("22.05")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorLabIT {

    /** {@return the cluster the collector reads and the expectations come from} */
    protected LabCluster cluster() {
        return Lab.SLURM_22_05;
    }

    /** {@return how the collector reaches the cluster: {@code local} (root on this machine) and/or {@code ssh} (alice)} */
    protected List<String> ways() {
        return List.of("local", "ssh");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void everyFieldMatchesSinfoAndSqueue(String where) throws Exception {
        LabCluster cluster = cluster();
        assertThat(where.equals("local") && !cluster.onHost()).as("local runs on the host's cluster only").isFalse();
        cluster.requireSlurm();
        RedisLab.requireStandalone();
        if (where.equals("ssh")) {
            cluster.requireSshd();
        }
        long started = System.nanoTime();
        RedisKeys keys = new RedisKeys("labit-" + cluster.version() + "-" + where);
        List<JobId> seeded = new ArrayList<>();
        try (Shell shell = where.equals("ssh") ? new RemoteShell(SshConfig.builder(cluster.sshHost(), cluster.sshUser())
                .port(cluster.sshPort()).privateKey(cluster.userKey()).knownHosts(cluster.knownHosts()).build())
                : LocalShell.create()) {
            SlurmClient client = new SlurmClient(shell);
            try {
                seed(client, seeded);
                collectAndCheck(client, keys, where, cluster, seeded);
            } finally {
                for (JobId id : seeded) {
                    try {
                        client.cancel(id);
                    } catch (SlurmException e) {
                        System.out.println("CollectorLabIT: could not cancel seeded job " + id + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.printf("CollectorLabIT Slurm %s %s: %d ms in all%n", cluster.version(), where,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Two held jobs of the collector's user, one asking for a GPU: pending, in every job count; and
     * one running job (one CPU), so that the running rows and {@code running_top5} are checked too.
     */
    private void seed(SlurmClient client, List<JobId> seeded) {
        String name = "collector-it-" + cluster().version();
        seeded.add(client.submit(SubmitRequest.wrap("sleep 60").name(name).partition("debug").hold()
                .workingDirectory("/tmp").output("/dev/null").build()).jobId());
        seeded.add(client.submit(SubmitRequest.wrap("sleep 60").name(name + "-gpu").partition("debug").gres("gpu:1").hold()
                .workingDirectory("/tmp").output("/dev/null").build()).jobId());
        JobId running = client.submit(SubmitRequest.wrap("sleep 300").name(name + "-running").partition("debug")
                .cpusPerTask(1).workingDirectory("/tmp").output("/dev/null").build()).jobId();
        seeded.add(running);
        client.awaitState(running, Set.of(io.github.slurm4j.model.job.JobState.Name.RUNNING), java.time.Duration.ofSeconds(60));
    }

    private static void collectAndCheck(SlurmClient client, RedisKeys keys, String where, LabCluster cluster, List<JobId> seeded)
            throws Exception {
        try (RedisClient jedis = RedisLab.standalone()) {
            ClusterCollector c = ClusterCollector.builder(new SlurmClusterSource(client), new RedisStore(jedis, keys))
                    .zone(client.zone()).build();
            String mismatch = null;
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(c.runOnce()).isEqualTo(Outcome.WRITTEN);
                Map<String, String> node = hgetall(keys.clusterNode());
                Map<String, String> job = hgetall(keys.clusterJob());
                List<String> nodes = lrange(keys.nodes());
                List<String> jobs = lrange(keys.jobs());
                Map<String, String> status = hgetall(keys.collectorStatus());
                List<String[]> sinfo = rows(run(cluster.rootCommand(List.of("sinfo", "-h", "-N", "-O",
                        "NodeList:|,StateComplete:|,CPUsState:|,Gres:|,GresUsed:|,StateLong:|,CPUsLoad:|,Memory:|,AllocMem:"))));
                List<String[]> squeue = rows(run(cluster.rootCommand(List.of("squeue", "-h", "-t", "R,PD", "-O",
                        "JobID:|,StateCompact:|,UserName:|,tres-per-node:|,tres-per-job:|,tres-alloc:|,Name:|,Account:|,"
                                + "Partition:|,QOS:|,NumNodes:|,NumCPUs:|,NodeList:|,Reason:|,SubmitTime:|,EligibleTime:|,"
                                + "TimeUsed:"))));
                // the seeded jobs are in the queue the test compares with: the job fields count something
                assertThat(squeue).extracting(r -> r[0]).as("squeue of Slurm " + cluster.version())
                        .containsAll(seeded.stream().map(JobId::toString).toList());
                assertThat(squeue).as("the running seeded job").anyMatch(r -> r[0].equals(seeded.get(2).toString()) && r[1].equals("R"));
                Map<String, String> withBrief = new LinkedHashMap<>(job);
                withBrief.put("job_running_ratio", hgetall(keys.clusterBrief()).get("job_running"));
                mismatch = jobsMismatch(withBrief, jobs, squeue);
                if (mismatch == null) {
                    mismatch = rowsMismatch(jobs, squeue);
                }
                if (mismatch == null) {
                    mismatch = topFiveMismatch(job, squeue, node.get("update_time"));
                }
                if (mismatch == null) {
                    mismatch = nodeRowsMismatch(nodes, sinfo);
                }
                if (mismatch != null) {
                    continue; // the queue or a node moved between the cycle and squeue/sinfo: collect again
                }
                // the held jobs: one pending CPU job and one pending GPU job at least, and their user
                assertThat(Long.parseLong(job.get("cpu_pending_jobs"))).isPositive();
                assertThat(Long.parseLong(job.get("gpu_pending_jobs"))).isPositive();
                assertThat(Long.parseLong(job.get("gpu_pending_users"))).isPositive();
                Map<String, String> expectedNode = expectedNodes(sinfo, node.get("update_time"));
                if (!node.equals(expectedNode) && attempt < 5) {
                    // a node changed state between the cycle and sinfo (slurmctld restarted by another
                    // test: nodes read UNKNOWN until slurmd registers again): collect again
                    mismatch = "node hash: redis " + node + ", sinfo " + expectedNode;
                    continue;
                }
                assertThat(node).isEqualTo(expectedNode);
                Map<String, String> brief = hgetall(keys.clusterBrief());
                long nodeTot = Long.parseLong(expectedNode.get("all_node_tot"));
                assertThat(brief.get("node_error")).isEqualTo(ratio(Long.parseLong(expectedNode.get("all_node_error")), nodeTot));
                assertThat(brief.get("node_running")).isEqualTo(ratio(Long.parseLong(expectedNode.get("all_node_running")), nodeTot));
                assertThat(brief.get("node_available")).isEqualTo(ratio(Long.parseLong(expectedNode.get("all_node_available")), nodeTot));
                long coreTot = Long.parseLong(expectedNode.get("cpu_cpu_tot")) + Long.parseLong(expectedNode.get("gpu_card_tot"));
                assertThat(brief.get("core_error")).isEqualTo(ratio(Long.parseLong(expectedNode.get("cpu_cpu_error"))
                        + Long.parseLong(expectedNode.get("gpu_card_error")), coreTot));
                assertThat(brief.get("core_running")).isEqualTo(ratio(Long.parseLong(expectedNode.get("cpu_cpu_alloc"))
                        + Long.parseLong(expectedNode.get("gpu_card_alloc")), coreTot));
                assertThat(brief.get("core_available")).isEqualTo(ratio(Long.parseLong(expectedNode.get("cpu_cpu_free"))
                        + Long.parseLong(expectedNode.get("gpu_card_free")), coreTot));
                assertNodeList(nodes, sinfo);
                assertThat(job.get("pengding_top5")).isEqualTo(job.get("pending_top5"));
                assertThat(job.get("update_time")).isEqualTo(node.get("update_time"));
                assertThat(hgetall(keys.clusterBrief()).keySet()).containsExactlyInAnyOrderElementsOf(RedisKeys.BRIEF_FIELDS);
                assertThat(status).containsKeys("last_success", "cycle_ms", "collector_id");
                System.out.printf("CollectorLabIT Slurm %s %s: attempt %d, cycle %s ms (slurm %s, compute %s, redis %s), %d nodes, %d jobs%n",
                        cluster.version(), where, attempt, status.get("cycle_ms"), status.get("slurm_ms"), status.get("compute_ms"), status.get("redis_ms"),
                        nodes.size(), jobs.size());
                return;
            }
            throw new AssertionError("the queue or the nodes kept moving; last difference: " + mismatch);
        }
    }

    private static String jobsMismatch(Map<String, String> job, List<String> jobs, List<String[]> squeue) {
        long running = 0, pending = 0, gpuRunning = 0, gpuPending = 0;
        Set<String> users = new HashSet<>(), runningUsers = new HashSet<>(), pendingUsers = new HashSet<>();
        Set<String> cpuUsers = new HashSet<>(), gpuUsers = new HashSet<>(), cpuRunningUsers = new HashSet<>(),
                cpuPendingUsers = new HashSet<>(), gpuRunningUsers = new HashSet<>(), gpuPendingUsers = new HashSet<>();
        Set<String> ids = new TreeSet<>();
        for (String[] r : squeue) {
            boolean run = r[1].equals("R");
            boolean gpu = gpu(r[3]) || gpu(r[4]) || gpu(r[5]);
            ids.add(r[0]);
            users.add(r[2]);
            (run ? runningUsers : pendingUsers).add(r[2]);
            (gpu ? gpuUsers : cpuUsers).add(r[2]);
            (gpu ? (run ? gpuRunningUsers : gpuPendingUsers) : (run ? cpuRunningUsers : cpuPendingUsers)).add(r[2]);
            if (run) {
                running++;
                gpuRunning += gpu ? 1 : 0;
            } else {
                pending++;
                gpuPending += gpu ? 1 : 0;
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("running_jobs", Long.toString(running));
        expected.put("pending_jobs", Long.toString(pending));
        expected.put("gpu_running_jobs", Long.toString(gpuRunning));
        expected.put("gpu_pending_jobs", Long.toString(gpuPending));
        expected.put("cpu_running_jobs", Long.toString(running - gpuRunning));
        expected.put("cpu_pending_jobs", Long.toString(pending - gpuPending));
        expected.put("users", Integer.toString(users.size()));
        expected.put("running_users", Integer.toString(runningUsers.size()));
        expected.put("pending_users", Integer.toString(pendingUsers.size()));
        expected.put("cpu_users", Integer.toString(cpuUsers.size()));
        expected.put("gpu_users", Integer.toString(gpuUsers.size()));
        expected.put("cpu_running_users", Integer.toString(cpuRunningUsers.size()));
        expected.put("cpu_pending_users", Integer.toString(cpuPendingUsers.size()));
        expected.put("gpu_running_users", Integer.toString(gpuRunningUsers.size()));
        expected.put("gpu_pending_users", Integer.toString(gpuPendingUsers.size()));
        expected.put("job_running_ratio", ratio(running, running + pending));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(job.get(e.getKey()))) {
                return e.getKey() + ": redis " + job.get(e.getKey()) + ", squeue " + e.getValue();
            }
        }
        Set<String> listed = new TreeSet<>();
        Pattern id = Pattern.compile("\"job_id\":\"([^\"]+)\"");
        for (String j : jobs) {
            if (j.isBlank()) {
                continue; // redis-cli prints one empty line for an empty (deleted) list: an empty queue
            }
            Matcher m = id.matcher(j);
            if (m.find()) {
                listed.add(m.group(1));
            }
            for (String f : RedisKeys.JOB_ROW_FIELDS) {
                assertThat(j).contains("\"" + f + "\":");
            }
        }
        return listed.equals(ids) ? null : "job ids: redis " + listed + ", squeue " + ids;
    }

    /**
     * Each row of {@code [cluster]_jobs} against squeue's row of the job: name, account, user,
     * partition, qos, nodes, cpus, state, info (the node list when running, the reason when
     * pending); time_used is the run time (0 while pending), at most squeue's later {@code TimeUsed}.
     */
    private static String rowsMismatch(List<String> jobs, List<String[]> squeue) {
        Map<String, String[]> byId = new LinkedHashMap<>();
        squeue.forEach(r -> byId.put(r[0], r));
        for (String j : jobs) {
            if (j.isBlank()) {
                continue;
            }
            String id = field(j, "job_id");
            String[] r = byId.get(id);
            if (r == null) {
                return "job " + id + " not in squeue";
            }
            boolean running = r[1].equals("R");
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("name", r[6]);
            expected.put("account", r[7]);
            expected.put("user", r[2]);
            expected.put("partition", r[8]);
            expected.put("qos", r[9]);
            expected.put("nodes", r[10]);
            expected.put("cpus", r[11]);
            expected.put("state", running ? "RUNNING" : "PENDING");
            expected.put("info", running ? r[12] : r[13]);
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(field(j, e.getKey()))) {
                    return "job " + id + " " + e.getKey() + ": redis " + field(j, e.getKey()) + ", squeue " + e.getValue();
                }
            }
            long used = Long.parseLong(field(j, "time_used_seconds"));
            assertThat(field(j, "time_used")).as(j).isEqualTo(hms(used));
            long squeueUsed = seconds(r[16]);
            if (running ? used > squeueUsed || used < squeueUsed - 60 : used != 0) {
                return "job " + id + " time_used_seconds: redis " + used + ", squeue TimeUsed " + r[16];
            }
        }
        return null;
    }

    /**
     * {@code pending_top5}: the five longest waits of squeue's pending jobs (since EligibleTime when
     * it is not ahead, else since SubmitTime), longest first, to the second ({@code update_time} is
     * the snapshot's second and squeue's times are whole seconds); {@code running_top5}: running
     * jobs, longest run first, each at most squeue's later {@code TimeUsed}. Ties may list either job.
     */
    private static String topFiveMismatch(Map<String, String> job, List<String[]> squeue, String updateTime) {
        java.time.LocalDateTime now = java.time.LocalDateTime.parse(updateTime.replace(' ', 'T'));
        List<Long> waits = new ArrayList<>();
        Map<String, Long> waitOf = new LinkedHashMap<>();
        Map<String, Long> usedOf = new LinkedHashMap<>();
        for (String[] r : squeue) {
            if (r[1].equals("R")) {
                usedOf.put(r[0], seconds(r[16]));
                continue;
            }
            java.time.LocalDateTime eligible = time(r[15]);
            java.time.LocalDateTime since = eligible != null && !eligible.isAfter(now) ? eligible : time(r[14]);
            long w = since == null ? 0 : Math.max(0, java.time.Duration.between(since, now).getSeconds());
            waits.add(w);
            waitOf.put(r[0], w);
        }
        waits.sort(java.util.Comparator.reverseOrder());
        List<Long> listed = new ArrayList<>();
        for (String[] e : top(job.get("pending_top5"))) {
            Long expected = waitOf.get(e[0]);
            if (expected == null || expected != Long.parseLong(e[1])) {
                return "pending_top5 " + e[0] + ": redis " + e[1] + " s, squeue " + expected + " s";
            }
            listed.add(expected);
        }
        if (!listed.equals(waits.subList(0, Math.min(5, waits.size())))) {
            return "pending_top5 waits " + listed + ", squeue's longest " + waits;
        }
        long previous = Long.MAX_VALUE;
        List<String[]> running = top(job.get("running_top5"));
        for (String[] e : running) {
            Long later = usedOf.get(e[0]);
            long used = Long.parseLong(e[1]);
            if (later == null || used > later || used < later - 60 || used > previous) {
                return "running_top5 " + e[0] + ": redis " + used + " s, squeue TimeUsed " + later + " s";
            }
            previous = used;
        }
        if (running.size() != Math.min(5, usedOf.size())) {
            return "running_top5 lists " + running.size() + " of " + usedOf.size() + " running jobs";
        }
        return null;
    }

    /** The {@code job_id} and {@code time_used_seconds} of each entry of a top-5 array. */
    private static List<String[]> top(String json) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^}]*\\}").matcher(json);
        while (m.find()) {
            String e = m.group();
            assertThat(e).contains("\"name\":", "\"user\":", "\"partition\":", "\"time_used\":");
            out.add(new String[] {field(e, "job_id"), field(e, "time_used_seconds")});
        }
        return out;
    }

    /** Each row of {@code [cluster]_nodes}: cpu_avg_load, mem_tot and mem_alloc against sinfo's CPUsLoad, Memory, AllocMem. */
    private static String nodeRowsMismatch(List<String> nodes, List<String[]> sinfo) {
        Map<String, String[]> byName = firstOfEachNode(sinfo);
        for (String n : nodes) {
            String name = field(n, "name");
            String[] r = byName.get(name);
            if (r == null) {
                return "node " + name + " not in sinfo";
            }
            String load = field(n, "cpu_avg_load");
            boolean loadOk = r[6].equals("N/A") ? load.equals("null")
                    : !load.equals("null") && Math.abs(Double.parseDouble(load) - Double.parseDouble(r[6])) < 0.005;
            if (!loadOk || !field(n, "mem_tot").equals(r[7]) || !field(n, "mem_alloc").equals(r[8])) {
                return "node " + name + ": redis " + n + ", sinfo load/mem/alloc " + r[6] + "/" + r[7] + "/" + r[8];
            }
        }
        return null;
    }

    /** A squeue time ({@code 2026-12-03T07:40:00}), or {@code null} for N/A, Unknown, None. */
    private static java.time.LocalDateTime time(String s) {
        return s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d") ? java.time.LocalDateTime.parse(s) : null;
    }

    /** squeue's TimeUsed ({@code 0:00}, {@code 5:07}, {@code 1:02:03}, {@code 2-01:02:03}) in seconds. */
    static long seconds(String s) {
        long days = 0;
        int dash = s.indexOf('-');
        if (dash >= 0) {
            days = Long.parseLong(s.substring(0, dash));
            s = s.substring(dash + 1);
        }
        long t = 0;
        for (String part : s.split(":")) {
            t = t * 60 + Long.parseLong(part);
        }
        return days * 86_400 + t;
    }

    /** {@code [D-]HH:MM:SS}, as the rows write time_used. */
    private static String hms(long s) {
        String t = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
        return s >= 86_400 ? s / 86_400 + "-" + t : t;
    }

    /** part/total with 4 decimals, rounded half up from the exact fraction, in integers. */
    static String ratio(long part, long total) {
        if (total == 0) {
            return "0.0000";
        }
        long tenThousandths = (part * 20_000 + total) / (2 * total);
        return tenThousandths / 10_000 + "." + String.format(java.util.Locale.ROOT, "%04d", tenThousandths % 10_000);
    }

    private static boolean gpu(String tres) {
        return tres.matches(".*gres[/:]gpu(:[A-Za-z0-9_]+)?[:=]?[1-9].*");
    }

    /**
     * The node hash as the README defines it, computed from sinfo alone and without the module's
     * classes: the class from sinfo's {@code StateComplete} words by the README's state table
     * ({@link #nodeClass}), CPUs from {@code CPUsState} A/I/O/T, cards from the {@code Gres} and
     * {@code GresUsed} text ({@link #gpus}).
     */
    private static Map<String, String> expectedNodes(List<String[]> sinfo, String updateTime) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (String prefix : new String[] {"all", "gpu", "cpu"}) {
            sums.put(prefix, new long[7]); // nodes, running, available, error, resource tot, alloc, free
        }
        for (String[] r : firstOfEachNode(sinfo).values()) {
            String cls = nodeClass(r[1]);
            String[] aiot = r[2].split("/");
            long cpuAlloc = Long.parseLong(aiot[0]);
            long cpuIdle = Long.parseLong(aiot[1]);
            long cpuTot = Long.parseLong(aiot[3]);
            boolean usable = !cls.equals("error");
            long cards = gpus(r[3]);
            long cardsUsed = Math.min(cards, gpus(r[4]));
            long[][] into = cards > 0
                    ? new long[][] {sums.get("all"), {cpuTot, cpuAlloc, usable ? cpuIdle : 0}, sums.get("gpu"), {cards, cardsUsed, usable ? cards - cardsUsed : 0}}
                    : new long[][] {sums.get("all"), {cpuTot, cpuAlloc, usable ? cpuIdle : 0}, sums.get("cpu"), {cpuTot, cpuAlloc, usable ? cpuIdle : 0}};
            for (int k = 0; k < into.length; k += 2) {
                long[] sum = into[k];
                sum[0]++;
                sum[cls.equals("running") ? 1 : cls.equals("available") ? 2 : 3]++;
                sum[4] += into[k + 1][0];
                sum[5] += into[k + 1][1];
                sum[6] += into[k + 1][2];
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        String[][] names = {{"all", "all_cpu", "all_node"}, {"gpu", "gpu_card", "gpu_node"}, {"cpu", "cpu_cpu", "cpu_node"}};
        for (String[] n : names) {
            long[] sum = sums.get(n[0]);
            m.put(n[1] + "_alloc", Long.toString(sum[5]));
            m.put(n[1] + "_error", Long.toString(sum[4] - sum[5] - sum[6]));
            m.put(n[1] + "_free", Long.toString(sum[6]));
            m.put(n[1] + "_tot", Long.toString(sum[4]));
            m.put(n[2] + "_tot", Long.toString(sum[0]));
            m.put(n[2] + "_error", Long.toString(sum[3]));
            m.put(n[2] + "_available", Long.toString(sum[2]));
            m.put(n[2] + "_running", Long.toString(sum[1]));
        }
        m.put("update_time", updateTime);
        return m;
    }

    /** sinfo -N lists a node once per partition: the first line of each. */
    private static Map<String, String[]> firstOfEachNode(List<String[]> sinfo) {
        Map<String, String[]> byName = new LinkedHashMap<>();
        sinfo.forEach(r -> byName.putIfAbsent(r[0], r));
        return byName;
    }

    /** Flags that leave the base state's class (README state table), as sinfo's StateComplete spells them. */
    private static final Set<String> NEUTRAL_FLAGS = Set.of("powered_down", "powering_down", "power_down", "powering_up",
            "power_up", "reserved", "planned", "blocked", "cloud", "dynamic_norm", "dynamic_future", "reboot_requested",
            "perfctrs", "resume", "undrain", "external", "reboot_canceled", "cancel_reboot");
    /** Flags that make any node an error. */
    private static final Set<String> ERROR_FLAGS = Set.of("drain", "draining", "drained", "fail", "failing", "inval",
            "not_responding", "no_respond", "reboot_issued", "maint", "maintenance", "invalid_reg", "power_drain");

    /**
     * The README's class of a node from sinfo's {@code StateComplete} ({@code idle+completing},
     * {@code unknown+drain+not_responding}): {@code running}, {@code available} or {@code error}.
     */
    static String nodeClass(String stateComplete) {
        String[] words = stateComplete.strip().toLowerCase(java.util.Locale.ROOT).split("\\+");
        boolean completing = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.equals("completing")) {
                completing = true;
            } else if (ERROR_FLAGS.contains(w) || !NEUTRAL_FLAGS.contains(w)) {
                return "error"; // an error flag, or one the table does not know
            }
        }
        return switch (words[0]) {
            case "allocated", "mixed", "completing" -> "running";
            case "idle" -> completing ? "running" : "available";
            default -> "error"; // down, error, future, unknown, or a base the table does not know
        };
    }

    /**
     * GPU cards in a Gres/GresUsed text ({@code gpu:2}, {@code gpu:a100:4(S:0-1)},
     * {@code gpu:a100:2(IDX:0,3),gpu:v100:1(IDX:1)}, {@code (null)}): the last number of every
     * {@code gpu} item, items split at commas outside parentheses.
     */
    static long gpus(String gres) {
        long n = 0;
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char ch : (gres.strip() + ",").toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                String[] parts = item.toString().strip().split(":");
                if (parts.length >= 2 && parts[0].equals("gpu") && parts[parts.length - 1].matches("\\d+")) {
                    n += Long.parseLong(parts[parts.length - 1]);
                }
                item.setLength(0);
            } else if (depth == 0) {
                item.append(ch);
            }
        }
        return n;
    }

    private static void assertNodeList(List<String> nodes, List<String[]> sinfo) {
        Map<String, String[]> byName = firstOfEachNode(sinfo);
        assertThat(nodes).hasSize(byName.size());
        for (String n : nodes) {
            String name = field(n, "name");
            String[] r = byName.get(name);
            assertThat(r).as(name).isNotNull();
            long cards = gpus(r[3]);
            String[] aiot = r[2].split("/");
            assertThat(field(n, "type")).isEqualTo(cards > 0 ? "gpu" : "cpu");
            assertThat(field(n, "res_tot")).isEqualTo(cards > 0 ? Long.toString(cards) : aiot[3]);
            assertThat(field(n, "res_alloc")).isEqualTo(cards > 0 ? Long.toString(Math.min(cards, gpus(r[4]))) : aiot[0]);
            // scontrol's State (IDLE+COMPLETING) and sinfo's StateComplete (idle+completing) give one class
            assertThat(nodeClass(field(n, "state"))).as(name).isEqualTo(nodeClass(r[1]));
            for (String f : RedisKeys.NODE_ROW_FIELDS) {
                assertThat(n).contains("\"" + f + "\":");
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|([^,}]*))").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static Map<String, String> hgetall(String key) {
        List<String> lines = RedisLab.cli(RedisLab.PORT, "HGETALL", key).lines().toList();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            m.put(lines.get(i), lines.get(i + 1));
        }
        return m;
    }

    private static List<String> lrange(String key) {
        return RedisLab.cli(RedisLab.PORT, "LRANGE", key, "0", "-1").lines().toList();
    }

    private static List<String[]> rows(String out) {
        List<String[]> rows = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> rows.add(java.util.Arrays.stream(l.split("\\|", -1))
                .map(String::strip).toArray(String[]::new)));
        return rows;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
