package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Optional conformance test on the slurmrestd JSON of Slurm 24.05 (v0.0.41) and 24.11 (v0.0.42)
 * that other projects published ({@code ../shared/peer-fixtures}, read in place, never copied).
 * Skipped when the folder is absent, except on CI ({@code CI=true}) where its absence fails.
 */
class SlurmrestdPeerFixturesTest {

    private static Path root() {
        String env = System.getenv("SLURM4J_PEER_FIXTURES");
        Stream<String> candidates = Stream.of(env, "/work/shared/peer-fixtures", "../shared/peer-fixtures",
                "../../shared/peer-fixtures", "../../../shared/peer-fixtures");
        Path found = candidates.filter(s -> s != null && !s.isEmpty()).map(Paths::get)
                .filter(p -> Files.isDirectory(p.resolve("slurmrestd"))).findFirst().orElse(null);
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("peer fixtures not found (../shared/peer-fixtures); required on CI");
            }
            Assumptions.abort("peer fixtures not present");
        }
        return found.resolve("slurmrestd");
    }

    private static List<Path> files(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".json")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyJobDocumentReads() {
        Path root = root();
        int jobs = 0;
        for (String v : List.of("24.05/0.0.41", "24.11/0.0.42")) {
            List<Path> files = files(root.resolve(v), "slurm-job");
            assertThat(files).hasSizeGreaterThan(10);
            for (Path f : files) {
                JsonResult<Job> r = SqueueJsonParser.parse(read(f), ZoneOffset.UTC);
                if (r.hasErrors()) {
                    assertThat(r.items()).as(f.toString()).isEmpty();
                    assertThat(r.errors().get(0)).as(f.toString()).contains("Invalid job id specified");
                    continue;
                }
                assertThat(r.items()).as(f.toString()).isNotEmpty();
                for (Job j : r.items()) {
                    jobs++;
                    assertThat(j.jobId()).isPositive();
                    assertThat(j.state()).isNotNull();
                    assertThat(j.state().state()).isNotEqualTo(JobState.Name.UNKNOWN);
                    assertThat(j.identity().user().name()).isNotEmpty();
                    assertThat(j.timing().submitTime().isSet()).isTrue();
                    assertThat(j.timing().timeLimit()).isNotNull();
                    assertThat(j.status().exitCode()).isNotNull();
                }
            }
            assertThat(SqueueJsonParser.parse(read(root.resolve(v).resolve("slurm-jobs.json")), ZoneOffset.UTC).items())
                    .hasSizeGreaterThan(1);
        }
        assertThat(jobs).isGreaterThan(30);
    }

    @Test
    void jobsOf2411() {
        Path dir = root().resolve("24.11/0.0.42");
        Job running = SqueueJsonParser.parse(read(dir.resolve("slurm-job-running.json")), ZoneOffset.UTC).items().get(0);
        assertThat(running.jobId()).isEqualTo(6368);
        assertThat(running.name()).isEqualTo("wrap");
        assertThat(running.identity().user()).isEqualTo(new UserRef("jbeck", 10004L));
        assertThat(running.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(running.identity().partition()).isEqualTo("standard");
        assertThat(running.resources().numCpus()).isEqualTo(4);
        assertThat(running.timing().timeLimit()).isEqualTo(TimeLimit.ofMinutes(2));
        assertThat(running.resources().minMemory().bytes()).isEqualTo(512 * MemorySize.MIB);
        assertThat(running.io().stdOut()).isEqualTo("/home/jbeck/slurm-6368.out");
        assertThat(running.identity().arrayJobId()).isNull();
        assertThat(running.identity().hetJobId()).isNull();
        Job failed = SqueueJsonParser.parse(read(dir.resolve("slurm-job-failed.json")), ZoneOffset.UTC).items().get(0);
        assertThat(failed.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(failed.status().exitCode()).isEqualTo(new ExitCode(1, 0));
        Job timeout = SqueueJsonParser.parse(read(dir.resolve("slurm-job-timeout.json")), ZoneOffset.UTC).items().get(0);
        assertThat(timeout.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(timeout.status().exitCode()).isEqualTo(new ExitCode(0, 15));
        JsonResult<Job> unfound = SqueueJsonParser.parse(read(dir.resolve("slurm-job-unfound.json")), ZoneOffset.UTC);
        assertThat(unfound.errors()).containsExactly("Unable to query JobId=12740 (Invalid job id specified)");
        assertThat(unfound.slurmVersion()).startsWith("24.11");
    }

    @Test
    void everyNodeDocumentReads() {
        Path root = root();
        for (String v : List.of("24.05/0.0.41", "24.11/0.0.42")) {
            for (Path f : files(root.resolve(v), "slurm-node")) {
                JsonResult<Node> r = NodesJsonParser.parse(read(f), ZoneOffset.UTC);
                if (r.hasErrors()) {
                    assertThat(r.items()).as(f.toString()).isEmpty();
                    continue;
                }
                assertThat(r.items()).as(f.toString()).isNotEmpty().allSatisfy(n -> {
                    assertThat(n.state().base()).isNotEqualTo(NodeState.Base.OTHER);
                    assertThat(n.hardware().cpuTotal()).isPositive();
                    assertThat(n.hardware().realMemoryBytes()).isPositive();
                    assertThat(n.info().partitions()).isNotNull();
                });
            }
        }
        Node drain = NodesJsonParser.parse(read(root.resolve("24.05/0.0.41/slurm-node-drain.json")), ZoneOffset.UTC).items()
                .get(0);
        assertThat(drain.name()).isEqualTo("cn146");
        assertThat(drain.state().base()).isEqualTo(NodeState.Base.IDLE);
        assertThat(drain.state().isDrain()).isTrue();
        assertThat(drain.reason()).isEqualTo("ECC memory error");
        assertThat(drain.reasonUser()).isEqualTo("root");
        assertThat(drain.reasonTime().isSet()).isTrue();
        Node draining = NodesJsonParser.parse(read(root.resolve("24.05/0.0.41/slurm-node-draining.json")), ZoneOffset.UTC)
                .items().get(0);
        assertThat(draining.state().base()).isEqualTo(NodeState.Base.MIXED);
        assertThat(draining.usage().cpuLoad()).isEqualTo(0.33);
        Node gpus = NodesJsonParser.parse(read(root.resolve("24.05/0.0.41/slurm-node-with-gpus-model-allocated.json")),
                ZoneOffset.UTC).items().get(0);
        assertThat(gpus.hardware().gres().get(0).type()).isEqualTo("h100");
        assertThat(gpus.hardware().gres().get(0).count()).isEqualTo(4);
        assertThat(gpus.usage().gresUsed().get(0).indexes()).isEqualTo("0-3");
        JsonResult<Node> unfound = NodesJsonParser.parse(read(root.resolve("24.05/0.0.41/slurm-node-unfound.json")),
                ZoneOffset.UTC);
        assertThat(unfound.errors()).containsExactly("Failure to query node unexisting-node");
    }
}
