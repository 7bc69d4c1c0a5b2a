package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import java.util.ArrayList;
import java.util.List;

/** A {@link Shell} decorator that records every command run through it (for "costs N commands" checks). */
final class CountingShell implements Shell {
    private final Shell delegate;
    private final List<List<String>> commands = new ArrayList<>();

    CountingShell(Shell delegate) {
        this.delegate = delegate;
    }

    synchronized List<List<String>> commands() {
        return List.copyOf(commands);
    }

    private synchronized void record(ExecRequest request) {
        commands.add(request.command());
    }

    @Override
    public ExecResult run(ExecRequest request) {
        record(request);
        return delegate.run(request);
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        record(request);
        return delegate.stream(request, reader);
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        delegate.writeFile(path, content, permissions);
    }

    @Override
    public String target() {
        return delegate.target();
    }

    /** Does not close the shell it decorates. */
    @Override
    public void close() {
    }
}
