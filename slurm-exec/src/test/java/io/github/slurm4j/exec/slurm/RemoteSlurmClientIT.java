package io.github.slurm4j.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.UsesLab;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link AbstractSlurmClientIT} through {@link RemoteShell}: ssh to the cluster's sshd
 * (127.0.0.1:2222 for 22.05) as alice (a plain Slurm user), key auth, host key verified with the
 * cluster's known_hosts. The subclasses run it on the newer versions.
 */
@DisplayName("SlurmClient over SSH as alice on Slurm 22.05")
@UsesLab("22.05")
class RemoteSlurmClientIT extends AbstractSlurmClientIT {
    @Override
    protected Shell createShell() {
        return LabShells.alice(cluster());
    }

    @Override
    protected boolean privileged() {
        return false;
    }

    @Override
    protected String user() {
        return Lab.SSH_USER;
    }

    /** alice may not touch root's job: access_denied, and the job is untouched. */
    @Test
    @Order(22)
    void anotherUsersJobIsAccessDenied() {
        try (Shell local = LabShells.root(cluster())) {
            SlurmClient root = new SlurmClient(local);
            JobId id = root.submit(base("#!/bin/sh\nsleep 300\n").name("it-root-owned").hold().build()).jobId();
            try {
                assertThatThrownBy(() -> slurm.cancel(id)).satisfies(e -> assertType(e, SlurmErrorType.ACCESS_DENIED));
                assertThatThrownBy(() -> slurm.release(id)).satisfies(e -> assertType(e, SlurmErrorType.ACCESS_DENIED));
                assertThatThrownBy(() -> slurm.update(id, JobUpdate.builder().nice(5).build()))
                        .satisfies(e -> assertType(e, SlurmErrorType.ACCESS_DENIED));
                assertThat(detail(id).state().state()).isEqualTo(JobState.Name.PENDING);
                assertThat(detail(id).status().reason()).isEqualTo("JobHeldUser");
            } finally {
                root.cancel(id);
            }
            assertThat(awaitState(id, JobState.Name.CANCELLED, Duration.ofSeconds(20)).state().state())
                    .isEqualTo(JobState.Name.CANCELLED);
        }
    }
}
