package io.github.slurm4j.benchmarks.shell;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.ssh.RemoteShell;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Eight commands on one {@link RemoteShell} connection (default 8 channels): all eight in flight
 * at once ({@code runAsync}, then wait for all) against the same eight one after the other. One
 * operation = the eight commands; the report divides by 8 for the time per command.
 *
 * <p>Three commands, reported separately because they answer different questions:
 * {@code echo} (nothing to wait for on the host: what is left is SSH and process start-up, which
 * compete for the same CPUs), {@code sleep} (50 ms of waiting on the host: the overlap the
 * channels allow) and {@code cpu} (a ~20 ms shell loop: bounded by the host's cores, 2 on the
 * lab machine). Every result is checked (exit 0, expected output).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ConcurrencyBenchmark {
    static final int COMMANDS = 8;

    /** The command run eight times. */
    @Param({"echo", "sleep", "cpu"})
    public String command;

    RemoteShell shell;
    ExecRequest request;
    String expected;

    @Setup(Level.Trial)
    public void open() {
        switch (command) {
            case "echo" -> {
                request = ExecRequest.of("echo", "x");
                expected = "x\n";
            }
            case "sleep" -> {
                request = ExecRequest.of("sh", "-c", "sleep 0.05; echo x");
                expected = "x\n";
            }
            case "cpu" -> {
                request = ExecRequest.of("sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo $i");
                expected = "20000\n";
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        shell = new RemoteShell(ShellLab.sshConfig());
        check(shell.run(request));
    }

    @TearDown(Level.Trial)
    public void close() {
        shell.close();
    }

    @Benchmark
    public int sequential() {
        int bytes = 0;
        for (int i = 0; i < COMMANDS; i++) {
            bytes += check(shell.run(request)).stdoutBytes().length;
        }
        return bytes;
    }

    @Benchmark
    public int concurrent() {
        @SuppressWarnings("unchecked")
        CompletableFuture<ExecResult>[] futures = new CompletableFuture[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            futures[i] = shell.runAsync(request);
        }
        int bytes = 0;
        for (CompletableFuture<ExecResult> f : futures) {
            bytes += check(f.join()).stdoutBytes().length;
        }
        return bytes;
    }

    private ExecResult check(ExecResult r) {
        if (r.exitCode() != 0 || !r.stdout().equals(expected)) {
            throw new IllegalStateException("unexpected result of " + command + " on " + shell.target() + ": " + r);
        }
        return r;
    }
}
