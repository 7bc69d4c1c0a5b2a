package io.github.slurm4j.jobs;

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
 * A test shell in two halves: Slurm's commands go to a simulated cluster (a FakeSlurm), the
 * commands of a few named programs go elsewhere and are recorded in {@link #routed}.
 * {@link #localFiles} runs the file commands for real on this machine (the console tests);
 * {@link #nodes} answers the commands meant for a job's nodes from a function (the metrics tests).
 */
public final class SplitShell implements Shell {
    /** The programs {@link #localFiles} runs on this machine. */
    public static final Set<String> LOCAL = Set.of("tail", "sh", "find");

    private final Shell slurm;
    private final Set<String> programs;
    private final Function<ExecRequest, ExecResult> elsewhere;
    private final Function<ExecRequest, ExecResult> before;
    private final Runnable onClose;
    /** The commands that did not go to the simulated cluster, in order. */
    public final List<List<String>> routed = new CopyOnWriteArrayList<>();

    private SplitShell(Shell slurm, Set<String> programs, Function<ExecRequest, ExecResult> elsewhere,
            Function<ExecRequest, ExecResult> before, Runnable onClose) {
        this.slurm = slurm;
        this.programs = programs;
        this.elsewhere = elsewhere;
        this.before = before == null ? r -> null : before;
        this.onClose = onClose;
    }

    /**
     * {@code tail}, {@code sh} and {@code find} run for real on this machine (against files in a
     * temporary folder, so the real scripts and coreutils are what is tested), everything else on
     * {@code slurm}. {@code before} may answer a command itself (a permission error this root JVM
     * cannot provoke); {@code null} for none. Closing closes both halves.
     */
    public static SplitShell localFiles(Shell slurm, Function<ExecRequest, ExecResult> before) {
        LocalShell local = LocalShell.create();
        return new SplitShell(slurm, LOCAL, local::run, before, () -> {
            local.close();
            slurm.close();
        });
    }

    /** {@code srun} and {@code sh} (the node script) are answered by {@code nodes}, everything else by {@code slurm}; closing closes nothing. */
    public static SplitShell nodes(Shell slurm, Function<ExecRequest, ExecResult> nodes) {
        return new SplitShell(slurm, Set.of("srun", "sh"), nodes, null, () -> { });
    }

    @Override
    public ExecResult run(ExecRequest request) {
        ExecResult own = before.apply(request);
        if (own != null) {
            return own;
        }
        if (programs.contains(request.command().get(0))) {
            routed.add(request.command());
            return elsewhere.apply(request);
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
        onClose.run();
    }
}
