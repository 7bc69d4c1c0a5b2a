package io.github.slurm4j.redis.stats;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** The hand-computed cluster of {@link StatsCalculatorTest}; every figure is worked out in that test. */
final class FixtureCluster {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));

    private FixtureCluster() {
    }

    static Node node(String name, String state, int cpus, int alloc, String gres, String gresUsed, String allocTres) {
        return Node.builder(name).state(NodeState.parse(state)).cpuTotal(cpus).cpuAlloc(alloc)
                .gres(GresItem.parseList(gres)).gresUsed(gresUsed == null ? null : GresItem.parseList(gresUsed))
                .allocTres(Tres.parse(allocTres)).realMemoryBytes(64_000L * 1024 * 1024)
                .allocMemoryBytes(1_000L * 1024 * 1024).cpuLoad(1.5).build();
    }

    static List<Node> nodes() {
        return List.of(
                node("n1", "MIXED", 8, 6, "gpu:2", "gpu:1", "cpu=6,gres/gpu=1"),
                node("n1", "MIXED", 8, 6, "gpu:2", "gpu:1", "cpu=6,gres/gpu=1"), // listed again by a 2nd partition
                node("g2", "IDLE", 16, 0, "gpu:a100:2,gpu:v100:2", null, null),
                node("g3", "MIXED+DRAIN", 8, 4, "gpu:a100:4(S:0-1)", "gpu:a100:2(IDX:0,3)", "cpu=4"),
                node("g4", "UNKNOWN+NOT_RESPONDING", 8, 0, "gpu:a100:4", null, null),
                node("g5", "ALLOCATED", 4, 4, "gpu:4", null, "cpu=4,gres/gpu=3,gres/gpu:a100=3"),
                node("c1", "IDLE+DRAIN", 16, 0, null, null, null),
                node("c2", "ALLOCATED", 32, 32, null, null, "cpu=32"),
                node("c3", "IDLE", 32, 0, null, null, null),
                node("c4", "DOWN+NOT_RESPONDING", 16, 0, null, null, null),
                node("c5", "idle~", 8, 0, null, null, null),
                node("c6", "IDLE+COMPLETING", 8, 2, null, null, "cpu=2"));
    }

    static Job job(long id, String state, String user, String partition) {
        return Job.builder(id).state(JobState.parse(state)).user(UserRef.parse(user + "(100" + id + ")"))
                .name("job " + id).account("physics").partition(partition).qos("normal").numNodes(1).numCpus(2)
                .build();
    }

    static List<Job> jobs() {
        return List.of(
                Job.builder(101).state(JobState.parse("RUNNING")).user(UserRef.parse("alice(1001)")).name("train")
                        .account("physics").partition("gpu").qos("normal").numNodes(1).numCpus(4)
                        .tresPerNode("gres:gpu:1").runTime(Duration.ofHours(2)).nodeList("n1").build(),
                running(102, "bob", Duration.ofMinutes(30), "c2"),
                running(103, "alice", Duration.ofHours(25), "c2"),
                Job.builder(104).state(JobState.parse("PENDING")).user(UserRef.parse("carol(1003)")).name("big")
                        .partition("gpu").tresPerJob("gres:gpu:2").reason("Resources").runTime(Duration.ZERO)
                        .submitTime(at("2026-12-02T10:00:00")).eligibleTime(at("2026-12-02T11:00:00")).build(),
                Job.builder(105).state(JobState.parse("PENDING")).user(UserRef.parse("bob(1002)")).name("wait")
                        .partition("cpu").reason("Priority").runTime(Duration.ZERO)
                        .submitTime(at("2026-12-02T11:30:00")).eligibleTime(SlurmTime.UNKNOWN).build(),
                Job.builder(106).state(JobState.parse("COMPLETED")).user(UserRef.parse("dave(1004)")).build(),
                Job.builder(107).state(JobState.parse("PENDING")).user(UserRef.parse("alice(1001)")).name("old")
                        .partition("cpu").reason("Dependency").runTime(Duration.ZERO)
                        .submitTime(at("2026-12-01T12:00:00")).eligibleTime(at("2026-12-01T12:00:10")).build(),
                Job.builder(108).state(JobState.parse("RUNNING")).user(UserRef.parse("erin(1005)")).name("infer")
                        .partition("gpu").allocTres(Tres.parse("cpu=2,gres/gpu=2")).runTime(Duration.ofSeconds(10))
                        .nodeList("g5").build());
    }

    static Job running(long id, String user, Duration runTime, String nodes) {
        return Job.builder(id).state(JobState.parse("RUNNING")).user(UserRef.parse(user)).name("job " + id)
                .account("physics").partition("cpu").qos("normal").numNodes(1).numCpus(2).runTime(runTime)
                .nodeList(nodes).build();
    }

    static SlurmTime at(String iso) {
        return SlurmTime.of(LocalDateTime.parse(iso));
    }
}
