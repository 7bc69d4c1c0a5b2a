package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optional: reads the peer fixtures of other Slurm versions from {@code ../shared/peer-fixtures}
 * when that folder exists (it is not part of the repository), and checks the scontrol parsers
 * read them without losing anything to extras.
 */
class ScontrolPeerConformanceTest {

    private static Path peer(String relative) {
        for (Path base : List.of(Path.of("../../shared/peer-fixtures"), Path.of("../shared/peer-fixtures"),
                Path.of("/work/shared/peer-fixtures"))) {
            Path p = base.resolve(relative);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void slurm2411OneLinerNodes() throws IOException {
        Path p = peer("cli/slurm-24.11.7/scontrol_nodes.txt");
        assumeTrue(p != null, "peer fixtures not present");
        List<Node> nodes = ScontrolParser.parseNodes(Files.readString(p));
        assertThat(nodes).isNotEmpty();
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.extras()).isEmpty();
            assertThat(n.state().base()).isNotEqualTo(NodeState.Base.OTHER);
            assertThat(n.info().os()).startsWith("Linux ").doesNotEndWith(" ");
            assertThat(n.info().resumeAfterTime()).isNotNull();
            assertThat(n.hardware().realMemoryBytes()).isPositive();
        });
    }

    @Test
    void longOneLinerPartitions() throws IOException {
        Path p = peer("cli/unknown-version-ood/owens_partitions.txt");
        assumeTrue(p != null, "peer fixtures not present");
        var parts = ScontrolParser.parsePartitions(Files.readString(p));
        assertThat(parts).isNotEmpty().allSatisfy(part -> {
            // keys this mapper does not type (ExclusiveTopo, PowerDownOnIdle, Resume/Suspend*) are kept
            assertThat(part.extras().keySet()).allMatch(k -> k.startsWith("Suspend") || k.startsWith("Resume")
                    || k.equals("ExclusiveTopo") || k.equals("PowerDownOnIdle"));
            assertThat(part.nodes()).isNotNull();
            assertThat(part.tres()).isNotNull();
            assertThat(part.state()).isIn("UP", "DOWN", "DRAIN", "INACTIVE");
        });
    }

    @Test
    void noReservations() throws IOException {
        Path p = peer("cli/slurm-24.11.7/reservations.txt");
        assumeTrue(p != null, "peer fixtures not present");
        assertThat(ScontrolParser.parseReservations(Files.readString(p))).isEmpty();
    }
}
