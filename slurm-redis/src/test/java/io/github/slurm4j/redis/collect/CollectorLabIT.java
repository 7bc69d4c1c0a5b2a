package io.github.slurm4j.redis.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisLab;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.collect.ClusterCollector.Outcome;
import io.github.slurm4j.redis.stats.NodeClass;
import io.github.slurm4j.redis.stats.StatsCalculator;
import io.github.slurm4j.testkit.Lab;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/**
 * The collector against the real lab Slurm, locally and over SSH, writing to the real Redis; the
 * test reads Redis back with {@code redis-cli HGETALL}/{@code LRANGE} and checks every documented
 * field against what {@code sinfo} and {@code squeue} say right after the cycle. The lab is shared:
 * when a job starts or ends between the cycle and the check, the cycle is run again (at most 5 times).
 */
class CollectorLabIT {

    @ParameterizedTest
    @ValueSource(strings = {"local", "ssh"})
    void everyFieldMatchesSinfoAndSqueue(String where) throws Exception {
        Lab.requireSlurm();
        RedisLab.requireStandalone();
        if (where.equals("ssh")) {
            Lab.requireSshd();
        }
        RedisKeys keys = new RedisKeys("labit-" + where);
        try (Shell shell = where.equals("ssh") ? new RemoteShell(SshConfig.builder(Lab.SSH_HOST, Lab.SSH_USER)
                .port(Lab.SSH_PORT).privateKey(Lab.userKey()).knownHosts(Lab.knownHosts()).build()) : LocalShell.create();
                RedisClient jedis = RedisLab.standalone()) {
            SlurmClient client = new SlurmClient(shell);
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
                List<String[]> sinfo = rows(run("sinfo", "-h", "-N", "-O", "NodeList:|,StateLong:|,CPUsState:|,Gres:|,GresUsed:"));
                List<String[]> squeue = rows(run("squeue", "-h", "-t", "R,PD", "-O",
                        "JobID:|,StateCompact:|,UserName:|,tres-per-node:|,tres-per-job:|,tres-alloc:"));
                Map<String, String> withBrief = new LinkedHashMap<>(job);
                withBrief.put("job_running_ratio", hgetall(keys.clusterBrief()).get("job_running"));
                mismatch = jobsMismatch(withBrief, jobs, squeue);
                if (mismatch != null) {
                    continue; // the queue moved between the cycle and squeue: collect again
                }
                Map<String, String> expectedNode = expectedNodes(sinfo, node.get("update_time"));
                assertThat(node).isEqualTo(expectedNode);
                Map<String, String> brief = hgetall(keys.clusterBrief());
                long nodeTot = Long.parseLong(expectedNode.get("all_node_tot"));
                assertThat(brief.get("node_error")).isEqualTo(ratio(Long.parseLong(expectedNode.get("all_node_error")), nodeTot));
                assertThat(brief.get("node_running")).isEqualTo(ratio(Long.parseLong(expectedNode.get("all_node_running")), nodeTot));
                long coreTot = Long.parseLong(expectedNode.get("cpu_cpu_tot")) + Long.parseLong(expectedNode.get("gpu_card_tot"));
                assertThat(brief.get("core_error")).isEqualTo(ratio(Long.parseLong(expectedNode.get("cpu_cpu_error"))
                        + Long.parseLong(expectedNode.get("gpu_card_error")), coreTot));
                assertNodeList(nodes, sinfo);
                assertThat(job.get("pengding_top5")).isEqualTo(job.get("pending_top5"));
                assertThat(job.get("update_time")).isEqualTo(node.get("update_time"));
                assertThat(hgetall(keys.clusterBrief()).keySet()).containsExactlyInAnyOrderElementsOf(RedisKeys.BRIEF_FIELDS);
                assertThat(status).containsKeys("last_success", "cycle_ms", "collector_id");
                System.out.printf("CollectorLabIT %s: cycle %s ms (slurm %s, compute %s, redis %s), %d nodes, %d jobs%n", where,
                        status.get("cycle_ms"), status.get("slurm_ms"), status.get("compute_ms"), status.get("redis_ms"),
                        nodes.size(), jobs.size());
                return;
            }
            throw new AssertionError("the queue kept moving; last difference: " + mismatch);
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
        String brief = String.format(java.util.Locale.ROOT, "%.4f", running + pending == 0 ? 0.0 : (double) running / (running + pending));
        expected.put("job_running_ratio", brief);
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

    private static String ratio(long part, long total) {
        return total == 0 ? "0.0000" : String.format(java.util.Locale.ROOT, "%.4f", (double) part / total);
    }

    private static boolean gpu(String tres) {
        return tres.matches(".*gres[/:]gpu(:[A-Za-z0-9_]+)?[:=]?[1-9].*");
    }

    private static Map<String, String> expectedNodes(List<String[]> sinfo, String updateTime) {
        long[] all = new long[7], gpu = new long[7], cpu = new long[7];
        Set<String> seen = new HashSet<>();
        for (String[] r : sinfo) {
            if (!seen.add(r[0])) {
                continue; // sinfo -N lists a node once per partition
            }
            NodeClass cls = NodeClass.of(NodeState.parse(r[1]));
            String[] aiot = r[2].split("/");
            long a = Long.parseLong(aiot[0]), i = Long.parseLong(aiot[1]), t = Long.parseLong(aiot[3]);
            long cards = StatsCalculator.gpuCards(GresItem.parseList(r[3]));
            long cardsUsed = Math.min(cards, StatsCalculator.gpuCards(GresItem.parseList(r[4])));
            boolean usable = cls != NodeClass.ERROR;
            add(all, cls, t, a, usable ? i : 0);
            if (cards > 0) {
                add(gpu, cls, cards, cardsUsed, usable ? cards - cardsUsed : 0);
            } else {
                add(cpu, cls, t, a, usable ? i : 0);
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "all_cpu", "all_node", all);
        put(m, "gpu_card", "gpu_node", gpu);
        put(m, "cpu_cpu", "cpu_node", cpu);
        m.put("update_time", updateTime);
        return m;
    }

    private static void add(long[] c, NodeClass cls, long tot, long alloc, long free) {
        c[0]++;
        c[cls == NodeClass.RUNNING ? 1 : cls == NodeClass.AVAILABLE ? 2 : 3]++;
        c[4] += tot;
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

    private static void assertNodeList(List<String> nodes, List<String[]> sinfo) {
        Map<String, String[]> byName = new LinkedHashMap<>();
        sinfo.forEach(r -> byName.putIfAbsent(r[0], r));
        assertThat(nodes).hasSize(byName.size());
        for (String n : nodes) {
            String name = field(n, "name");
            String[] r = byName.get(name);
            assertThat(r).as(name).isNotNull();
            long cards = StatsCalculator.gpuCards(GresItem.parseList(r[3]));
            String[] aiot = r[2].split("/");
            assertThat(field(n, "type")).isEqualTo(cards > 0 ? "gpu" : "cpu");
            assertThat(field(n, "res_tot")).isEqualTo(cards > 0 ? Long.toString(cards) : aiot[3]);
            assertThat(field(n, "res_alloc")).isEqualTo(cards > 0
                    ? Long.toString(Math.min(cards, StatsCalculator.gpuCards(GresItem.parseList(r[4])))) : aiot[0]);
            assertThat(NodeClass.of(NodeState.parse(field(n, "state")))).as(name).isEqualTo(NodeClass.of(NodeState.parse(r[1])));
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
        out.lines().filter(l -> !l.isBlank()).forEach(l -> rows.add(l.split("\\|", -1)));
        return rows;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
