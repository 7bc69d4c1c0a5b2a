package io.github.slurm4j.jobs.console;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * For the console tests: Slurm's commands go to a simulated cluster (a FakeSlurm), the file
 * commands ({@code tail}, {@code sh}, {@code find}) run for real on this machine against files
 * in a temporary folder, so the real scripts and coreutils are what is tested. {@code before}
 * may answer a command itself (a permission error this root JVM cannot provoke).
 */
final class SplitShell implements Shell {
    static final Set<String> LOCAL = Set.of("tail", "sh", "find");

    private final Shell slurm;
    private final LocalShell local = LocalShell.create();
    private final Function<ExecRequest, ExecResult> before;
    final List<List<String>> localCommands = new CopyOnWriteArrayList<>();

    SplitShell(Shell slurm, Function<ExecRequest, ExecResult> before) {
        this.slurm = slurm;
        this.before = before == null ? r -> null : before;
    }

    @Override
    public ExecResult run(ExecRequest request) {
        ExecResult own = before.apply(request);
        if (own != null) {
            return own;
        }
        if (LOCAL.contains(request.command().get(0))) {
            localCommands.add(request.command());
            return local.run(request);
        }
        return slurm.run(request);
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        return slurm.stream(request, reader);
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        slurm.writeFile(path, content, permissions);
    }

    @Override
    public String target() {
        return "split";
    }

    @Override
    public void close() {
        local.close();
        slurm.close();
    }
}
