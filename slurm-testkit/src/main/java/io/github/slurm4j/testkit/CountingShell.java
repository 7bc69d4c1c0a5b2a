package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A shell decorator that records every request it passes on, run or streamed, so that a test or a
 * measurement can say which Slurm commands an operation cost ("the jobs page runs 2 commands,
 * whatever the number of jobs"). {@link #keepingResults} also keeps the result of
 * each run (to replay it); plain {@link #CountingShell} does not, so a long run holds no outputs.
 * Closing it does not close the shell it decorates.
 */
public final class CountingShell implements Shell {
    private final Shell inner;
    private final boolean keepResults;
    private final List<ExecRequest> requests = new ArrayList<>();
    private final List<ExecResult> results = new ArrayList<>();

    /**
     * Counts what goes to {@code inner}.
     *
     * @param inner the shell the commands run on
     */
    public CountingShell(Shell inner) {
        this(inner, false);
    }

    private CountingShell(Shell inner, boolean keepResults) {
        this.inner = inner;
        this.keepResults = keepResults;
    }

    /**
     * Counts what goes to {@code inner} and keeps each run's result.
     *
     * @param inner the shell the commands run on
     * @return the shell
     */
    public static CountingShell keepingResults(Shell inner) {
        return new CountingShell(inner, true);
    }

    /**
     * Lists the requests passed on since the start or the last {@link #clear}, in order.
     *
     * @return the requests
     */
    public synchronized List<ExecRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Lists the argument lists of {@link #requests()}, in order.
     *
     * @return each request's command, such as {@code [squeue, --noheader, ...]}
     */
    public synchronized List<List<String>> commands() {
        return requests.stream().map(ExecRequest::command).toList();
    }

    /**
     * Lists the results of the requests run, when built by {@link #keepingResults}.
     *
     * @return the results in the order of {@link #requests()}, {@code null} for a streamed request;
     *         empty unless built by {@link #keepingResults}
     */
    public synchronized List<ExecResult> results() {
        return Collections.unmodifiableList(new ArrayList<>(results));
    }

    /**
     * Counts the requests passed on since the start or the last {@link #clear}.
     *
     * @return how many
     */
    public synchronized int count() {
        return requests.size();
    }

    /**
     * Counts the requests that ran one program.
     *
     * @param tool a program's name, such as {@code squeue}
     * @return how many requests ran {@code tool}
     */
    public synchronized int count(String tool) {
        return (int) requests.stream().filter(r -> r.command().get(0).equals(tool)).count();
    }

    /** Forgets what was recorded. */
    public synchronized void clear() {
        requests.clear();
        results.clear();
    }

    /** Records {@code request} before it runs (a request that fails counts too); returns its index. */
    private synchronized int record(ExecRequest request) {
        requests.add(request);
        if (keepResults) {
            results.add(null);
        }
        return requests.size() - 1;
    }

    private synchronized void result(int index, ExecRequest request, ExecResult result) {
        if (keepResults && index < requests.size() && requests.get(index) == request) {
            results.set(index, result);
        }
    }

    @Override
    public ExecResult run(ExecRequest request) {
        int i = record(request);
        ExecResult r = inner.run(request);
        result(i, request, r);
        return r;
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        record(request);
        return inner.stream(request, reader);
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        inner.writeFile(path, content, permissions);
    }

    @Override
    public String target() {
        return inner.target();
    }

    /** Does not close the shell it decorates. */
    @Override
    public void close() {
    }
}
