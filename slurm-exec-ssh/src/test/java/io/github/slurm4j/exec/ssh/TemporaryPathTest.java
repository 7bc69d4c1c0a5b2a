package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemporaryPathTest {

    @Test
    void besideTheTargetHiddenAndUnique() {
        assertThat(RemoteShell.temporaryPath("/srv/jobs/run me.sh")).matches("/srv/jobs/\\.run me\\.sh\\.[0-9a-f]+\\.tmp");
        assertThat(RemoteShell.temporaryPath("job.sh")).matches("\\.job\\.sh\\.[0-9a-f]+\\.tmp");
        assertThat(RemoteShell.temporaryPath("a/b")).startsWith("a/.b.");
        assertThat(RemoteShell.temporaryPath("/x")).isNotEqualTo(RemoteShell.temporaryPath("/x"));
        assertThatThrownBy(() -> RemoteShell.temporaryPath("/srv/jobs/")).isInstanceOf(IllegalArgumentException.class);
    }
}
