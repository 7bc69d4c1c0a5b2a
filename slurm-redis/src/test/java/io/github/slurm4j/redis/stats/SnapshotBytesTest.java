package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.node.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes of a snapshot of {@link GeneratedCluster} do not change with the way they are made:
 * the digest below was taken with the statistics code of {@code 2d6f2fd} (rows computed in full
 * before the store sent them); every hash field and list element, in order, goes into it.
 */
class SnapshotBytesTest {
    /** SHA-256 of {@link #bytes} for {@link #snapshot()}, recorded with {@code 2d6f2fd}. */
    static final String DIGEST = "1cc2779f6489baa009b177d1cf5c618edf5165430c0ebb962c71d976fa43f9bd";

    static final List<Node> NODES = GeneratedCluster.nodes(7, 3000);
    static final List<Job> JOBS = GeneratedCluster.jobs(11, StatsCalculator.PARALLEL_JOBS + 12_345);
    static final PowerReading POWER = new PowerReading(null, 1_234_567.0);

    static ClusterStats snapshot() {
        return StatsCalculator.compute(NODES, JOBS, POWER, GeneratedCluster.NOW);
    }

    /** The digest of the snapshot's hashes (field, value) and lists (elements), each in order. */
    static String digest(Map<String, String> node, Map<String, String> job, Map<String, String> pue,
            Map<String, String> brief, List<byte[]> jobs, List<byte[]> nodes) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Map<String, String> h : List.of(node, job, pue, brief)) {
                d.update(("#hash " + h.size() + "\n").getBytes(StandardCharsets.UTF_8));
                h.forEach((k, v) -> {
                    d.update(k.getBytes(StandardCharsets.UTF_8));
                    d.update((byte) 0);
                    d.update(v.getBytes(StandardCharsets.UTF_8));
                    d.update((byte) 0);
                });
            }
            for (List<byte[]> l : List.of(jobs, nodes)) {
                d.update(("#list " + l.size() + "\n").getBytes(StandardCharsets.UTF_8));
                for (byte[] row : l) {
                    d.update(row);
                    d.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> utf8(List<String> rows) {
        JsonRows r = (JsonRows) rows;
        return java.util.stream.IntStream.range(0, r.size()).mapToObj(r::utf8).toList();
    }

    @Test
    void theSnapshotsBytesAreThoseRecorded() {
        ClusterStats s = snapshot();
        assertThat(s.jobs().size()).isGreaterThan(10_000);
        assertThat(digest(s.node(), s.job(), s.pue(), s.brief(), utf8(s.jobs()), utf8(s.nodes()))).isEqualTo(DIGEST);
    }
}
