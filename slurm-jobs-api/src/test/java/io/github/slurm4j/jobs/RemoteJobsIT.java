package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link AbstractJobsIT} over SSH to the lab's sshd as alice (a plain user), on Slurm 22.05; subclasses run it on newer versions. */
@DisplayName("jobs façade over SSH as alice on Slurm 22.05")
@UsesLab("22.05")
class RemoteJobsIT extends AbstractJobsIT {
    @Override
    protected Shell createShell() {
        LabCluster cluster = cluster();
        cluster.requireSshd();
        return new RemoteShell(SshConfig.builder(cluster.sshHost(), cluster.sshUser()).port(cluster.sshPort())
                .privateKey(cluster.userKey()).knownHosts(cluster.knownHosts()).build());
    }

    @Override
    protected String user() {
        return cluster().sshUser();
    }

    @Override
    protected boolean operator() {
        return false;
    }

    /**
     * sbatch runs over SSH and Slurm accepts the job, then the answer is lost: the shell in front
     * of the SSH connection closes that connection and throws, as a dropped link does. The
     * façade reconnects, finds the job by its comment token in squeue and returns its id; Slurm
     * holds exactly one job with that token. What this proves: the look-up runs against the real
     * squeue/sacct output of a job submitted with the token, and no second sbatch is sent. What it
     * does not: a cut in the middle of sbatch's own output stream (the cut is after sbatch ended).
     */
    @Test
    void aConnectionCutAfterSbatchDoesNotMakeASecondJob() {
        AtomicBoolean cut = new AtomicBoolean();
        int[] sbatchCalls = {0};
        Shell cutting = new HookedShell(lab.shell(), req -> {
            if (HookedShell.is(req, "sbatch")) {
                sbatchCalls[0]++;
            }
            return null;
        }, (req, res) -> {
            if (HookedShell.is(req, "sbatch") && cut.compareAndSet(false, true)) {
                ((RemoteShell) lab.shell()).close();
                throw new ShellException(req.command(), "connection cut after sbatch was sent", null);
            }
            return res;
        });
        Shell reopened = createShell();
        Shell cuttingReopen = new HookedShell(reopened, req -> {
            if (HookedShell.is(req, "sbatch")) {
                sbatchCalls[0]++;
            }
            return null;
        }, null);
        // the first attempt goes through 'cutting'; the look-up and any retry through a new connection
        Shell router = new HookedShell(cuttingReopen, req -> cut.get() ? null : cutting.run(req), null);
        try (SlurmJobs j = SlurmJobs.builder().cluster(Cluster.builder("lab", router).build()).build()) {
            Submission s = j.submit("lab", conf("cut", "#!/bin/sh\nsleep 30\n").build());
            lab.track(s.jobId());
            assertThat(s.recovered()).isTrue();
            assertThat(sbatchCalls[0]).isEqualTo(1);
            long withToken = j.myJobs("lab", user(), Instant.now().minus(Duration.ofHours(1))).stream()
                    .filter(r -> r.id().equals(s.jobId().toString())).count();
            assertThat(withToken).isEqualTo(1);
            JobId id = s.jobId();
            assertThat(j.detail("lab", id).job().identity().name()).startsWith("j11-cut-");
        } finally {
            // the class's own shell was closed by the cut: the teardown's scancel needs a live one
            lab.replaceShell(reopened);
        }
    }
}
