package io.github.slurm4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.Shell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LabCluster#rootShell}: what reaches the local shell, without the lab. */
class LabClusterTest {

    @Test
    void theHostClusterUsesTheLocalShellItself() {
        FakeShell local = new FakeShell();
        assertThat(Lab.cluster("22.05").rootShell(local)).isSameAs(local);
    }

    @Test
    void aChrootClusterRunsEveryCommandInItsChroot() {
        LabCluster c = Lab.cluster("24.11");
        FakeShell local = new FakeShell();
        local.enqueuePrefix(List.of("chroot"), FakeReply.ok("ok"));
        local.enqueuePrefix(List.of("chroot"), FakeReply.ok("streamed"));
        Shell root = c.rootShell(local);
        ExecRequest request = ExecRequest.builder(List.of("sbatch", "--parsable")).workingDirectory("/tmp/w")
                .env(Map.of("SLURM_TIME_FORMAT", "standard")).timeout(Duration.ofSeconds(7))
                .stdin("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(root.run(request).stdout()).isEqualTo("ok");
        ExecRequest sent = local.lastRequest();
        assertThat(sent.command()).containsExactly("chroot", c.chroot().toString(), "env", "-C", "/tmp/w", "sbatch", "--parsable");
        assertThat(sent.workingDirectory()).isEmpty();
        assertThat(sent.environment()).containsEntry("SLURM_TIME_FORMAT", "standard");
        assertThat(sent.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sent.stdinBytes()).isEqualTo("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));

        assertThat(root.stream(ExecRequest.of("squeue"), in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).value())
                .isEqualTo("streamed");
        assertThat(local.lastRequest().command()).containsExactly("chroot", c.chroot().toString(), "squeue");

        root.writeFile("/tmp/job.sh", new byte[] {1}, 0700);
        assertThat(local.files()).containsOnlyKeys(c.chroot() + "/tmp/job.sh");
        assertThat(root.target()).isEqualTo("local chroot " + c.chroot());
        root.close();
        assertThat(local.isClosed()).isTrue();
    }
}
