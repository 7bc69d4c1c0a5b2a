package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;

/** {@link JobWatcherIT} over SSH as alice (a plain user), to each cluster's own sshd. */
@UsesLab({"22.05", "24.11"})
class RemoteJobWatcherIT extends JobWatcherIT {
    @Override
    protected Shell createShell(LabCluster cluster) {
        cluster.requireSshd();
        return new RemoteShell(SshConfig.builder(cluster.sshHost(), cluster.sshUser()).port(cluster.sshPort())
                .privateKey(cluster.userKey()).knownHosts(cluster.knownHosts()).build());
    }

    @Override
    protected String user() {
        return Lab.SSH_USER;
    }
}
