package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A shell in front of another (a FakeSlurm, a RemoteShell) for tests: {@code before} may answer a
 * command itself (non-null) or let it through; {@code after} sees each answer and may replace it
 * or throw (a connection lost after the command reached Slurm).
 */
final class HookedShell implements Shell {
    private final Shell inner;
    private final Function<ExecRequest, ExecResult> before;
    private final BiFunction<ExecRequest, ExecResult, ExecResult> after;

    HookedShell(Shell inner, Function<ExecRequest, ExecResult> before, BiFunction<ExecRequest, ExecResult, ExecResult> after) {
        this.inner = inner;
        this.before = before == null ? r -> null : before;
        this.after = after == null ? (r, x) -> x : after;
    }

    @Override
    public ExecResult run(ExecRequest request) {
        ExecResult own = before.apply(request);
        if (own != null) {
            return own;
        }
        return after.apply(request, inner.run(request));
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        return inner.stream(request, reader);
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        inner.writeFile(path, content, permissions);
    }

    @Override
    public String target() {
        return "hooked " + inner.target();
    }

    @Override
    public void close() {
        inner.close();
    }

    static boolean is(ExecRequest r, String tool) {
        return r.command().get(0).equals(tool);
    }
}
