package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell on this machine that runs every command as {@code chroot <dir> <command>} of a chroot
 * cluster ({@link LabCluster#rootShell}): the environment the local shell sets passes through,
 * chroot starts in the chroot's {@code /}, so a working directory becomes {@code env -C dir}.
 */
final class RootInChroot implements Shell {
    private final Shell local;
    private final LabCluster cluster;

    RootInChroot(Shell local, LabCluster cluster) {
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
