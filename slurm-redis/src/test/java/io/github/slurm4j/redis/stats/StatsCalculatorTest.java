package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.redis.RedisKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture cluster of {@link FixtureCluster}, figures computed by hand:
 * <pre>
 * node  state                   class  CPU tot/alloc/free/err  cards tot/alloc/free/err
 * n1    MIXED (listed twice)    run     8 / 6 / 2 / 0           2 / 1 / 1 / 0   GresUsed gpu:1
 * g2    IDLE                    avail  16 / 0 /16 / 0           4 / 0 / 4 / 0   gpu:a100:2,gpu:v100:2
 * g3    MIXED+DRAIN             error   8 / 4 / 0 / 4           4 / 2 / 0 / 2   GresUsed gpu:a100:2(IDX:0,3)
 * g4    UNKNOWN+NOT_RESPONDING  error   8 / 0 / 0 / 8           4 / 0 / 0 / 4
 * g5    ALLOCATED               run     4 / 4 / 0 / 0           4 / 3 / 1 / 0   AllocTRES gres/gpu=3,gres/gpu:a100=3
 * c1    IDLE+DRAIN              error  16 / 0 / 0 /16
 * c2    ALLOCATED               run    32 /32 / 0 / 0
 * c3    IDLE                    avail  32 / 0 /32 / 0
 * c4    DOWN+NOT_RESPONDING     error  16 / 0 / 0 /16
 * c5    idle~ (powered down)    avail   8 / 0 / 8 / 0
 * c6    IDLE+COMPLETING         run     8 / 2 / 6 / 0
 * all: 11 nodes = 4 run + 3 avail + 4 error; CPUs 156 = 48 + 64 + 44
 * gpu:  5 nodes = 2 + 1 + 2; cards 18 = 6 + 6 + 6       cpu: 6 nodes = 2 + 2 + 2; CPUs 112 = 34 + 46 + 32
 * </pre>
 */
class StatsCalculatorTest {
    private final ClusterStats s = StatsCalculator.compute(FixtureCluster.nodes(), FixtureCluster.jobs(),
            PowerReading.NONE, FixtureCluster.NOW);

    @Test
    void nodeHashIsTheHandComputedFigures() {
        assertThat(s.node()).containsExactly(
                entry("all_cpu_alloc", "48"), entry("all_cpu_error", "44"), entry("all_cpu_free", "64"),
                entry("all_cpu_tot", "156"), entry("all_node_tot", "11"), entry("all_node_error", "4"),
                entry("all_node_available", "3"), entry("all_node_running", "4"),
                entry("gpu_card_alloc", "6"), entry("gpu_card_error", "6"), entry("gpu_card_free", "6"),
                entry("gpu_card_tot", "18"), entry("gpu_node_error", "2"), entry("gpu_node_running", "2"),
                entry("gpu_node_available", "1"), entry("gpu_node_tot", "5"),
                entry("cpu_cpu_alloc", "34"), entry("cpu_cpu_error", "32"), entry("cpu_cpu_free", "46"),
                entry("cpu_cpu_tot", "112"), entry("cpu_node_tot", "6"), entry("cpu_node_error", "2"),
                entry("cpu_node_available", "2"), entry("cpu_node_running", "2"),
                entry("update_time", "2026-12-02 12:00:00"));
        assertThat(s.node().keySet()).containsExactlyElementsOf(RedisKeys.NODE_FIELDS);
    }

    @Test
    void jobHashCountsRunningAndPendingJobsAndDistinctUsers() {
        // running 101 gpu alice, 102 cpu bob, 103 cpu alice, 108 gpu erin (AllocTRES only);
        // pending 104 gpu carol (TresPerJob), 105 cpu bob, 107 cpu alice; 106 COMPLETED is not counted
        assertThat(s.job()).contains(entry("running_jobs", "4"), entry("pending_jobs", "3"),
                entry("cpu_running_jobs", "2"), entry("cpu_pending_jobs", "2"), entry("gpu_running_jobs", "2"),
                entry("gpu_pending_jobs", "1"), entry("running_users", "3"), entry("pending_users", "3"),
                entry("users", "4"), entry("cpu_users", "2"), entry("gpu_users", "3"),
                entry("cpu_running_users", "2"), entry("cpu_pending_users", "2"), entry("gpu_running_users", "2"),
                entry("gpu_pending_users", "1"), entry("update_time", "2026-12-02 12:00:00"));
        assertThat(s.job().keySet()).containsExactlyElementsOf(RedisKeys.JOB_FIELDS);
    }

    @Test
    void topFiveAreLongestFirstWithWaitsFromEligibleElseSubmit() {
        assertThat(s.job().get("running_top5")).isEqualTo("["
                + "{\"job_id\":\"103\",\"name\":\"job 103\",\"user\":\"alice\",\"partition\":\"cpu\",\"time_used\":\"1-01:00:00\",\"time_used_seconds\":90000},"
                + "{\"job_id\":\"101\",\"name\":\"train\",\"user\":\"alice\",\"partition\":\"gpu\",\"time_used\":\"02:00:00\",\"time_used_seconds\":7200},"
                + "{\"job_id\":\"102\",\"name\":\"job 102\",\"user\":\"bob\",\"partition\":\"cpu\",\"time_used\":\"00:30:00\",\"time_used_seconds\":1800},"
                + "{\"job_id\":\"108\",\"name\":\"infer\",\"user\":\"erin\",\"partition\":\"gpu\",\"time_used\":\"00:00:10\",\"time_used_seconds\":10}]");
        // 107: eligible 2026-12-01 12:00:10 -> 23:59:50; 104: eligible 11:00 -> 1 h; 105: eligible Unknown, submitted 11:30
        assertThat(s.job().get("pengding_top5")).isEqualTo("["
                + "{\"job_id\":\"107\",\"name\":\"old\",\"user\":\"alice\",\"partition\":\"cpu\",\"time_used\":\"23:59:50\",\"time_used_seconds\":86390},"
                + "{\"job_id\":\"104\",\"name\":\"big\",\"user\":\"carol\",\"partition\":\"gpu\",\"time_used\":\"01:00:00\",\"time_used_seconds\":3600},"
                + "{\"job_id\":\"105\",\"name\":\"wait\",\"user\":\"bob\",\"partition\":\"cpu\",\"time_used\":\"00:30:00\",\"time_used_seconds\":1800}]");
        assertThat(s.job().get("pending_top5")).isEqualTo(s.job().get("pengding_top5"));
    }

    @Test
    void briefRatiosHaveFourDecimalsAndCountCoresAndCardsTogether() {
        // nodes 4/11 3/11 4/11; cores+cards 130 = 40 alloc + 52 free + 38 error; jobs 4/7 3/7
        assertThat(s.brief()).containsExactly(entry("node_running", "0.3636"), entry("node_available", "0.2727"),
                entry("node_error", "0.3636"), entry("core_running", "0.3077"), entry("core_available", "0.4000"),
                entry("core_error", "0.2923"), entry("job_running", "0.5714"), entry("job_pending", "0.4286"));
    }

    @Test
    void emptyClusterHasZerosAndZeroRatios() {
        ClusterStats e = StatsCalculator.compute(List.of(), List.of(), PowerReading.NONE, FixtureCluster.NOW);
        assertThat(e.node().get("all_node_tot")).isEqualTo("0");
        assertThat(e.brief().values()).containsOnly("0.0000");
        assertThat(e.job().get("running_top5")).isEqualTo("[]");
        assertThat(e.jobs()).isEmpty();
        assertThat(e.pue()).isEmpty();
    }

    @Test
    void listsHoldOneJsonObjectPerRunningOrPendingJobAndPerNode() {
        assertThat(s.jobs()).hasSize(7);
        assertThat(s.jobs().get(0)).isEqualTo("{\"job_id\":\"101\",\"name\":\"train\",\"account\":\"physics\","
                + "\"user\":\"alice\",\"partition\":\"gpu\",\"qos\":\"normal\",\"nodes\":1,\"cpus\":4,\"state\":\"RUNNING\","
                + "\"time_used\":\"02:00:00\",\"time_used_seconds\":7200,\"info\":\"n1\"}");
        assertThat(s.jobs()).anySatisfy(j -> assertThat(j).contains("\"job_id\":\"104\"").contains("\"info\":\"Resources\""));
        assertThat(s.nodes()).hasSize(11);
        assertThat(s.nodes().get(0)).isEqualTo("{\"name\":\"n1\",\"type\":\"gpu\",\"state\":\"MIXED\",\"res_tot\":2,"
                + "\"res_alloc\":1,\"cpu_avg_load\":1.5,\"mem_tot\":64000,\"mem_alloc\":1000}");
        assertThat(s.nodes()).anySatisfy(n -> assertThat(n).startsWith("{\"name\":\"c2\",\"type\":\"cpu\",\"state\":\"ALLOCATED\",\"res_tot\":32,\"res_alloc\":32"));
    }

    @Test
    void gpuCardsOfEverySpelling() {
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:4"))).isEqualTo(4);
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:a100:4"))).isEqualTo(4);
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:a100:2,gpu:v100:2"))).isEqualTo(4);
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:a100:4(S:0-1)"))).isEqualTo(4);
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:a100:2(IDX:0,3),gpu:v100:1(IDX:1)"))).isEqualTo(3);
        assertThat(StatsCalculator.gpuCards(io.github.slurm4j.model.node.GresItem.parseList("gpu:a100:0(IDX:N/A),mps:100"))).isZero();
        Node typedAndTotal = FixtureCluster.node("x", "MIXED", 4, 1, "gpu:a100:4", null, "cpu=1,gres/gpu=2,gres/gpu:a100=2");
        assertThat(StatsCalculator.gpuAllocated(typedAndTotal)).isEqualTo(2);
        Node typedOnly = FixtureCluster.node("x", "MIXED", 4, 1, "gpu:a100:2,gpu:v100:2", null, "cpu=1,gres/gpu:a100=1,gres/gpu:v100=1");
        assertThat(StatsCalculator.gpuAllocated(typedOnly)).isEqualTo(2);
    }

    @Test
    void pueOnlyWithAFacilitySourceAndNeverMadeUp() {
        assertThat(StatsCalculator.compute(FixtureCluster.nodes(), List.of(), new PowerReading(1000.0, null), FixtureCluster.NOW).pue())
                .containsExactly(entry("power", "1000.0"), entry("update_time", "2026-12-02 12:00:00"));
        assertThat(StatsCalculator.compute(FixtureCluster.nodes(), List.of(), new PowerReading(1000.0, 1350.0), FixtureCluster.NOW).pue())
                .containsExactly(entry("pue", "1.3500"), entry("power", "1000.0"), entry("update_time", "2026-12-02 12:00:00"));
        assertThat(PowerReading.parseIpmiDcmi("\n    Instantaneous power reading:                   220 Watts\n"
                + "    Minimum during sampling period:                 4 Watts\n")).isEqualTo(220.0);
    }

    @Test
    void sinfoUnknownStarIsNotFree() {
        var f = StatsCalculator.figures(FixtureCluster.node("gpu01", "unk*", 8, 0, "gpu:a100:4", null, null));
        assertThat(f.nodeClass()).isEqualTo(NodeClass.ERROR);
        assertThat(f.cpuFree()).isZero();
        assertThat(f.cpuError()).isEqualTo(8);
        assertThat(f.cardError()).isEqualTo(4);
        assertThat(NodeState.parse("drng").base()).isEqualTo(NodeState.Base.ALLOCATED);
        assertThat(StatsCalculator.figures(FixtureCluster.node("d", "drng", 8, 8, null, null, null)).cpuAlloc()).isEqualTo(8);
    }

    /** The former split-based reading, the definition {@code mentionsGpu} must keep. */
    private static boolean mentionsGpuReference(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (String part : s.split(",")) {
            String p = part.strip();
            if (p.matches("(?s)gres[:/]gpu([:=].*)?") || p.startsWith("gpu:") || p.equals("gpu")) {
                return !(p.endsWith(":0") || p.endsWith("=0"));
            }
        }
        return false;
    }

    @Test
    void gpuRequestsReadInPlaceAsTheSplitReadingDid() {
        String[] parts = {"gres:gpu", "gres/gpu", "gpu:", "gpu", "gp", "gres:gpu:0", "gres/gpu=0", "gpu:a100:2", "cpu=1",
                "mps:10", "gres:gpu:a100:0", " gpu ", "\tgres/gpu:1\n", "", " ", ":0", "=0", "0", "gpus", "GPU:1", "gres/gpu:10",
                "gres/gpumem:10G", "gres/gpu_shard:1", "gres:gpux", "gres/gpu=2"};
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(5); n > 0; n--) {
                sb.append(parts[r.nextInt(parts.length)]);
                if (r.nextInt(3) > 0) {
                    sb.append(r.nextInt(4) == 0 ? " , " : ",");
                }
            }
            String s = sb.toString();
            assertThat(StatsCalculator.mentionsGpu(s)).as("'%s'", s).isEqualTo(mentionsGpuReference(s));
        }
        assertThat(StatsCalculator.mentionsGpu(null)).isFalse();
    }

    @Test
    void aGresWhoseNameOnlyStartsWithGpuIsNotAGpuRequest() {
        assertThat(StatsCalculator.mentionsGpu("gres/gpumem:10G")).isFalse();
        assertThat(StatsCalculator.mentionsGpu("gres/gpu_shard:1")).isFalse();
        assertThat(StatsCalculator.mentionsGpu("gres:gpumem:10G,gres:gpu:1")).isTrue(); // the gpu entry after it counts
        assertThat(StatsCalculator.mentionsGpu("gres/gpu")).isTrue();
        assertThat(StatsCalculator.mentionsGpu("gres/gpu:a100:2")).isTrue();
        assertThat(StatsCalculator.mentionsGpu("gres/gpu=2")).isTrue();
    }

    @Test
    void aPendingWaitAcrossADaylightSavingChangeIsTheTimeThatPassed() {
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        // spring: 02:00 CET became 03:00 CEST on 2026-03-29; submitted 01:30, now 03:30: one hour, not two
        assertThat(pendingWait(paris, "2026-03-29T01:30:00", "2026-03-29T03:30:00")).isEqualTo(3600);
        // autumn: 03:00 CEST became 02:00 CET on 2026-10-25; submitted 01:30 CEST, now 02:30 CET: two hours
        java.time.ZonedDateTime autumn = java.time.LocalDateTime.parse("2026-10-25T02:30:00").atZone(paris)
                .withLaterOffsetAtOverlap();
        assertThat(pendingWait(autumn, "2026-10-25T01:30:00")).isEqualTo(7200);
        // a fixed-offset zone: the wall clocks' difference
        assertThat(pendingWait(java.time.ZoneOffset.ofHours(8), "2026-03-29T01:30:00", "2026-03-29T03:30:00"))
                .isEqualTo(7200);
        // eligible "in the future" by the wall clock but past in real time is not in the future
        java.time.ZonedDateTime now = autumn;
        var job = io.github.slurm4j.model.job.Job.builder(1).state(io.github.slurm4j.model.job.JobState.parse("PENDING"))
                .submitTime(io.github.slurm4j.model.SlurmTime.of(java.time.LocalDateTime.parse("2026-10-25T01:00:00")))
                .eligibleTime(io.github.slurm4j.model.SlurmTime.of(java.time.LocalDateTime.parse("2026-10-25T02:45:00")))
                .build();
        // 02:45 read with the offset before the change (CEST) is 00:45Z, before now (01:30Z): 45 minutes
        String top = StatsCalculator.compute(List.of(), List.of(job), PowerReading.NONE, now).job().get("pending_top5");
        assertThat(top).contains("\"time_used_seconds\":2700");
    }

    private static long pendingWait(java.time.ZoneId zone, String submit, String now) {
        return pendingWait(java.time.LocalDateTime.parse(now).atZone(zone), submit);
    }

    private static long pendingWait(java.time.ZonedDateTime now, String submit) {
        var job = io.github.slurm4j.model.job.Job.builder(1).state(io.github.slurm4j.model.job.JobState.parse("PENDING"))
                .submitTime(io.github.slurm4j.model.SlurmTime.of(java.time.LocalDateTime.parse(submit))).build();
        String top = StatsCalculator.compute(List.of(), List.of(job), PowerReading.NONE, now).job().get("pending_top5");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"time_used_seconds\":(\\d+)").matcher(top);
        assertThat(m.find()).as(top).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void topFiveTiesGoToTheLongerFractionThenTheLowerJobId() {
        java.time.LocalDateTime now = FixtureCluster.NOW.toLocalDateTime();
        List<io.github.slurm4j.model.job.Job> jobs = new java.util.ArrayList<>();
        for (long id = 20; id > 10; id--) {
            // ids 11..20 wait 100 s; 15 and 16 a half second more; 20 is eligible in the future: since submit
            java.time.LocalDateTime submit = now.minusSeconds(100).minusNanos(id == 15 || id == 16 ? 500_000_000 : 0);
            var b = io.github.slurm4j.model.job.Job.builder(id).state(io.github.slurm4j.model.job.JobState.parse("PENDING"))
                    .name("j" + id).submitTime(io.github.slurm4j.model.SlurmTime.of(submit));
            if (id == 20) {
                b.eligibleTime(io.github.slurm4j.model.SlurmTime.of(now.plusSeconds(5)));
            }
            jobs.add(b.build());
        }
        String top = StatsCalculator.compute(List.of(), jobs, PowerReading.NONE, FixtureCluster.NOW).job().get("pending_top5");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"job_id\":\"(\\d+)\"").matcher(top);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).containsExactly("15", "16", "11", "12", "13");
        assertThat(top).contains("\"time_used\":\"00:01:40\",\"time_used_seconds\":100");
    }

    @Test
    void aJobListedTwiceCountsOnceAsFirstListed() {
        var first = io.github.slurm4j.model.job.Job.builder(7).state(io.github.slurm4j.model.job.JobState.parse("COMPLETED")).build();
        var again = io.github.slurm4j.model.job.Job.builder(7).state(io.github.slurm4j.model.job.JobState.parse("RUNNING")).build();
        var other = io.github.slurm4j.model.job.Job.builder(0).state(io.github.slurm4j.model.job.JobState.parse("RUNNING")).build();
        ClusterStats t = StatsCalculator.compute(List.of(), List.of(first, again, other, other), PowerReading.NONE, FixtureCluster.NOW);
        assertThat(t.job().get("running_jobs")).isEqualTo("1");
        assertThat(t.jobs()).hasSize(1).allSatisfy(j -> assertThat(j).startsWith("{\"job_id\":\"0\""));
    }

    @Test
    void ratiosAreRoundedFromTheExactFraction() {
        assertThat(StatsCalculator.ratio(3, 160)).isEqualTo("0.0188"); // 0.01875: the nearest double is below it
        assertThat(StatsCalculator.ratio(1, 3)).isEqualTo("0.3333");
        assertThat(StatsCalculator.ratio(2, 3)).isEqualTo("0.6667");
        assertThat(StatsCalculator.ratio(0, 7)).isEqualTo("0.0000");
        assertThat(StatsCalculator.ratio(7, 7)).isEqualTo("1.0000");
        assertThat(StatsCalculator.ratio(5, 0)).isEqualTo("0.0000");
        for (long total = 1; total <= 2000; total++) {
            for (long part = 0; part <= total; part += 1 + total / 50) {
                long q = (part * 20_000 + total) / (2 * total); // half up, in integers
                assertThat(StatsCalculator.ratio(part, total)).as("%d/%d", part, total)
                        .isEqualTo(q / 10_000 + "." + String.format(java.util.Locale.ROOT, "%04d", q % 10_000));
            }
        }
    }
}
