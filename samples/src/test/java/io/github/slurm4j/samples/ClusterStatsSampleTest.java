package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.redis.RedisKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke run of the README's first command, {@code cluster-stats --demo --once}: no Slurm, no Redis. */
class ClusterStatsSampleTest {

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ClusterStatsSample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoOncePrintsOneSnapshotObjectKeyedLikeRedis() throws Exception {
        Run r = run("--demo", "--once");
        assertThat(r.rc()).as(r.err()).isZero();
        JsonNode snap = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        snap.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("cluster_node", "cluster_job", "cluster_brief", "jobs", "nodes");
        JsonNode node = snap.get("cluster_node");
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(RedisKeys.NODE_FIELDS);
        // the captured cluster: localhost (8 CPUs, 2 GPUs), gpu01/gpu02 gpu:a100:4 not responding, cpu01-03 16 CPUs
        assertThat(node.get("all_node_tot").asText()).isEqualTo("6");
        assertThat(node.get("gpu_card_tot").asText()).isEqualTo("10");
        assertThat(node.get("all_cpu_tot").asText()).isEqualTo("72");
        assertThat(node.get("all_node_error").asText()).isEqualTo("5");
        JsonNode job = snap.get("cluster_job");
        assertThat(job.get("running_jobs").asInt()).isPositive();
        assertThat(job.get("pending_jobs").asInt()).isPositive();
        assertThat(snap.get("jobs").size()).isEqualTo(job.get("running_jobs").asInt() + job.get("pending_jobs").asInt());
        assertThat(snap.get("nodes").size()).isEqualTo(6);
        assertThat(new ObjectMapper().readTree(job.get("pengding_top5").asText()).get(0).has("time_used_seconds")).isTrue();
    }

    @Test
    void helpAndUsageErrors() {
        Run h = run("-h");
        assertThat(h.rc()).isZero();
        assertThat(h.out()).contains("--demo", "--redis", "--interval", "--once", "--ssh", "--cluster");
        assertThat(run("--once", "--interval", "5").rc()).isEqualTo(2);
        assertThat(run("--demo", "--ssh", "a@b", "--once").rc()).isEqualTo(2);
        assertThat(run("--nope").rc()).isEqualTo(2);
    }

    @Test
    void capturedMultilineNodesBecomeOneLiners() {
        String one = ClusterStatsSample.oneLiners("NodeName=a X=1\n   Y=2 \n\nNodeName=b X=3\n   Y=4\n");
        assertThat(one).isEqualTo("NodeName=a X=1 Y=2\nNodeName=b X=3 Y=4\n");
    }
}
