package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.testkit.LabCluster;
import java.util.ArrayList;
import java.util.List;

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
        LocalShell local = LocalShell.create();
        return cluster.onHost() ? local : new RootInChroot(local, cluster);
    }

    /**
     * Runs every command as {@code chroot <dir> <command>}: the environment {@link LocalShell}
     * sets passes through, chroot starts in the chroot's {@code /}.
     */
    private static final class RootInChroot implements Shell {
        private final LocalShell local;
        private final LabCluster cluster;

        RootInChroot(LocalShell local, LabCluster cluster) {
            this.local = local;
            this.cluster = cluster;
        }

        private ExecRequest wrap(ExecRequest request) {
            List<String> command = new ArrayList<>();
            request.workingDirectory().ifPresent(dir -> command.addAll(List.of("env", "-C", dir)));
            command.addAll(request.command());
            ExecRequest.Builder b = ExecRequest.builder(cluster.rootCommand(command))
                    .env(request.environment()).timeout(request.timeout()).outputLimit(request.outputLimit());
            if (request.stdinBytes() != null) {
                b.stdin(request.stdinBytes());
            } else if (request.stdinStream() != null) {
                b.stdin(request.stdinStream());
            }
            return b.build();
        }

        @Override
        public ExecResult run(ExecRequest request) {
            return local.run(wrap(request));
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            return local.stream(wrap(request), reader);
        }

        @Override
        public void writeFile(String path, byte[] content, int permissions) {
            local.writeFile(cluster.chroot() + path, content, permissions);
        }

        @Override
        public String target() {
            return "local chroot " + cluster.chroot();
        }

        @Override
        public void close() {
            local.close();
        }
    }
}
