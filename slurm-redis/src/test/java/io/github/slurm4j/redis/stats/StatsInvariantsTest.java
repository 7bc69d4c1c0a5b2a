package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property tests on generated clusters (plain JUnit over many seeds): random nodes with random
 * base states, flags, GRES spellings, allocations and overlapping partitions, random jobs. The
 * invariants of the README hold for every one; a failure names its seed.
 */
class StatsInvariantsTest {
    private static final int SEEDS = 300;

    @Test
    void invariantsHoldOnGeneratedClusters() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random r = new Random(seed);
            List<Node> nodes = nodes(r);
            List<Job> jobs = jobs(r);
            ClusterStats s = StatsCalculator.compute(nodes, jobs, PowerReading.NONE, FixtureCluster.NOW);
            String at = "seed " + seed;
            // each field against its own sum over the nodes, straight from their printed fields (the
            // calculator derives error as tot - alloc - free: only these sums can catch a wrong one)
            Map<String, Long> expected = expectedResources(nodes);
            expected.forEach((field, value) -> assertThat(n(s, field)).as(at + " " + field).isEqualTo(value));
            for (String p : new String[] {"all_cpu", "gpu_card", "cpu_cpu"}) {
                assertThat(n(s, p + "_tot")).as(at + " " + p).isEqualTo(n(s, p + "_alloc") + n(s, p + "_free") + n(s, p + "_error"));
                assertThat(n(s, p + "_alloc")).as(at).isNotNegative();
                assertThat(n(s, p + "_free")).as(at).isNotNegative();
                assertThat(n(s, p + "_error")).as(at).isNotNegative();
            }
            for (String p : new String[] {"all_node", "gpu_node", "cpu_node"}) {
                assertThat(n(s, p + "_tot")).as(at + " " + p)
                        .isEqualTo(n(s, p + "_running") + n(s, p + "_available") + n(s, p + "_error"));
            }
            Set<String> names = new HashSet<>();
            nodes.forEach(x -> names.add(x.name()));
            assertThat(n(s, "all_node_tot")).as(at + ": a node counts once").isEqualTo(names.size());
            assertThat(n(s, "gpu_node_tot") + n(s, "cpu_node_tot")).as(at).isEqualTo(n(s, "all_node_tot"));
            assertThat(s.nodes()).as(at).hasSize(names.size());
            // the CPUs of all nodes = those of CPU nodes + those of GPU nodes, class by class
            long gpuNodeCpus = 0;
            Set<String> seen = new HashSet<>();
            for (Node x : nodes) {
                if (seen.add(x.name()) && StatsCalculator.gpuCards(x.hardware().gres()) > 0) {
                    gpuNodeCpus += x.hardware().cpuTotal();
                }
            }
            assertThat(n(s, "all_cpu_tot")).as(at).isEqualTo(n(s, "cpu_cpu_tot") + gpuNodeCpus);
            for (String ratio : s.brief().values()) {
                double v = Double.parseDouble(ratio);
                assertThat(v).as(at).isBetween(0.0, 1.0);
                assertThat(ratio).as(at).matches("\\d\\.\\d{4}");
            }
            long running = s.jobCount("running_jobs");
            long pending = s.jobCount("pending_jobs");
            assertThat(running).as(at).isEqualTo(s.jobCount("cpu_running_jobs") + s.jobCount("gpu_running_jobs"));
            assertThat(pending).as(at).isEqualTo(s.jobCount("cpu_pending_jobs") + s.jobCount("gpu_pending_jobs"));
            assertThat(s.jobs()).as(at).hasSize((int) (running + pending));
            assertThat(s.jobCount("users")).as(at).isLessThanOrEqualTo(s.jobCount("cpu_users") + s.jobCount("gpu_users"));
            assertThat(s.jobCount("users")).as(at).isGreaterThanOrEqualTo(Math.max(s.jobCount("running_users"), s.jobCount("pending_users")));
            assertThat(s.job().get("pengding_top5")).isEqualTo(s.job().get("pending_top5"));
        }
    }

    /**
     * {@code <group>_tot/_alloc/_free/_error} summed node by node (the first listing of a name): CPUs
     * from {@code CPUTot}/{@code CPUAlloc} (alloc clamped to 0..tot), cards from {@code Gres} and
     * {@code GresUsed}, else {@code AllocTRES}'s {@code gres/gpu}; the unallocated part free on a
     * usable node, error on an error node.
     */
    private static Map<String, Long> expectedResources(List<Node> nodes) {
        Map<String, Long> m = new java.util.TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Node x : nodes) {
            if (!seen.add(x.name())) {
                continue;
            }
            boolean usable = NodeClass.of(x.state()) != NodeClass.ERROR;
            long cpuTot = x.hardware().cpuTotal() == null ? 0 : x.hardware().cpuTotal();
            long cpuAlloc = Math.max(0, Math.min(cpuTot, x.usage().cpuAlloc() == null ? 0 : x.usage().cpuAlloc()));
            long cards = 0;
            for (GresItem g : x.hardware().gres() == null ? List.<GresItem>of() : x.hardware().gres()) {
                cards += g.name().equals("gpu") ? g.count() : 0;
            }
            List<GresItem> used = x.usage().gresUsed();
            long cardsUsed = 0;
            if (used != null && !used.isEmpty()) {
                for (GresItem g : used) {
                    cardsUsed += g.name().equals("gpu") ? g.count() : 0;
                }
            } else if (x.usage().allocTres() != null) {
                cardsUsed = x.usage().allocTres().gpus().orElse(0);
            }
            long cardAlloc = Math.min(cards, cardsUsed);
            add(m, "all_cpu", cpuTot, cpuAlloc, usable);
            if (cards > 0) {
                add(m, "gpu_card", cards, cardAlloc, usable);
            } else {
                add(m, "cpu_cpu", cpuTot, cpuAlloc, usable);
            }
        }
        return m;
    }

    private static void add(Map<String, Long> m, String group, long tot, long alloc, boolean usable) {
        m.merge(group + "_tot", tot, Long::sum);
        m.merge(group + "_alloc", alloc, Long::sum);
        m.merge(group + "_free", usable ? tot - alloc : 0, Long::sum);
        m.merge(group + "_error", usable ? 0 : tot - alloc, Long::sum);
    }

    private static long n(ClusterStats s, String field) {
        return s.nodeCount(field);
    }

    private static final String[] BASES = {"IDLE", "ALLOCATED", "MIXED", "DOWN", "ERROR", "FUTURE", "UNKNOWN", "idle",
            "alloc", "mix", "drain", "drng", "comp", "maint", "resv", "fail", "failg", "inval", "unk", "boot", "npc",
            "planned", "blocked", "WEIRD"};
    private static final String[] GRES = {null, "gpu:4", "gpu:a100:4", "gpu:a100:2,gpu:v100:2", "gpu:a100:4(S:0-1)",
            "gpu:2", "mps:100", "gpu:a100:2(S:0),mps:200"};

    private static List<Node> nodes(Random r) {
        List<Node> out = new ArrayList<>();
        int count = 1 + r.nextInt(40);
        for (int i = 0; i < count; i++) {
            StringBuilder state = new StringBuilder(BASES[r.nextInt(BASES.length)]);
            NodeState.Flag[] flags = NodeState.Flag.values();
            for (int k = r.nextInt(3); k > 0; k--) {
                NodeState.Flag f = flags[r.nextInt(flags.length)];
                state.append('+').append(f == NodeState.Flag.OTHER ? "SOMETHING_NEW" : f.name());
            }
            if (r.nextInt(5) == 0) {
                state.append("*~#!%$@^-".charAt(r.nextInt(9)));
            }
            int cpus = 1 + r.nextInt(128);
            int alloc = r.nextInt(5) == 0 ? cpus + r.nextInt(3) : r.nextInt(cpus + 1); // sometimes more than CPUTot
            String gres = GRES[r.nextInt(GRES.length)];
            long cards = StatsCalculator.gpuCards(GresItem.parseList(gres));
            long used = cards == 0 ? 0 : r.nextInt((int) cards + 2);
            String gresUsed = null;
            String allocTres = "cpu=" + alloc;
            switch (r.nextInt(3)) {
                case 0 -> gresUsed = cards == 0 ? null : "gpu:" + used + "(IDX:" + (used == 0 ? "N/A" : "0-" + (used - 1)) + ")";
                case 1 -> allocTres += used == 0 ? "" : ",gres/gpu=" + used + ",gres/gpu:a100=" + used;
                default -> { }
            }
            String name = "n" + r.nextInt(count + 5); // duplicates: a node in several partitions
            out.add(Node.builder(name).state(NodeState.parse(state.toString())).cpuTotal(cpus).cpuAlloc(alloc)
                    .gres(GresItem.parseList(gres)).gresUsed(gresUsed == null ? null : GresItem.parseList(gresUsed))
                    .allocTres(Tres.parse(allocTres)).partitions(List.of("p" + r.nextInt(3), "p" + r.nextInt(3))).build());
        }
        // the same name listed twice must be the same node (one listing): keep the first definition
        Map<String, Node> first = new java.util.LinkedHashMap<>();
        out.forEach(n -> first.putIfAbsent(n.name(), n));
        List<Node> consistent = new ArrayList<>();
        out.forEach(n -> consistent.add(first.get(n.name())));
        return consistent;
    }

    private static final EnumSet<JobState.Name> SOME = EnumSet.of(JobState.Name.PENDING, JobState.Name.RUNNING,
            JobState.Name.COMPLETING, JobState.Name.SUSPENDED, JobState.Name.CONFIGURING, JobState.Name.COMPLETED);

    private static List<Job> jobs(Random r) {
        List<Job> out = new ArrayList<>();
        JobState.Name[] states = SOME.toArray(JobState.Name[]::new);
        for (int i = r.nextInt(60); i > 0; i--) {
            Job.Builder b = Job.builder(1 + r.nextInt(100)).state(JobState.of(states[r.nextInt(states.length)]))
                    .user(UserRef.parse("u" + r.nextInt(6))).name("j").partition("p")
                    .runTime(Duration.ofSeconds(r.nextInt(100_000)))
                    .submitTime(SlurmTime.of(FixtureCluster.NOW.toLocalDateTime().minusSeconds(r.nextInt(100_000))));
            switch (r.nextInt(5)) {
                case 0 -> b.tresPerNode("gres:gpu:" + r.nextInt(3));
                case 1 -> b.tresPerJob("gres/gpu:a100:1");
                case 2 -> b.allocTres(Tres.parse("cpu=1,gres/gpu=1"));
                default -> { }
            }
            out.add(b.build());
        }
        return out;
    }
}
