package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.util.ArrayList;
import java.util.List;

/** {@link JobWatcherIT} on the machine the JVM runs on, as root: 22.05 directly, 24.11 in its chroot. */
@UsesLab({"22.05", "24.11"})
class LocalJobWatcherIT extends JobWatcherIT {
    @Override
    protected Shell createShell(LabCluster cluster) {
        LocalShell local = LocalShell.create();
        return cluster.onHost() ? local : new RootInChroot(local, cluster);
    }

    @Override
    protected String user() {
        return System.getProperty("user.name");
    }

    /** Every command as {@code chroot <dir> <command>} (as slurm-exec's lab shells do). */
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
