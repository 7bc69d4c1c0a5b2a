package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.testkit.LabCluster;

/** The shells that reach a lab cluster: as root on this machine, and as alice over its sshd. */
final class LabShells {
    private LabShells() {
    }

    /** alice over SSH to the cluster's own sshd, host key verified with its known_hosts. */
    static Shell alice(LabCluster cluster) {
        cluster.requireSshd();
        return new RemoteShell(SshConfig.builder(cluster.sshHost(), cluster.sshUser()).port(cluster.sshPort())
                .privateKey(cluster.userKey()).knownHosts(cluster.knownHosts()).build());
    }

    /** root on this machine: a {@link LocalShell}, inside the cluster's chroot for 24.11 and 26.05. */
    static Shell root(LabCluster cluster) {
        return cluster.rootShell(LocalShell.create());
    }
}
