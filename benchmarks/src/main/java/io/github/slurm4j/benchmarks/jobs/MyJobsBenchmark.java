package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.testkit.CountingShell;
import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.SlurmJobs;
import java.time.Instant;
import java.util.List;
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
 * {@code SlurmJobs.myJobs} of one user with {@code queued} held jobs in the queue and
 * {@code finished} jobs in accounting ({@link MyJobsLab}: made once, reused by every trial), against
 * the two raw commands it runs ({@code squeue} and {@code sacct} with the same arguments, output
 * read, not parsed): the difference is the façade's parsing and merging, which
 * {@link #parseAndMerge} measures alone (myJobs over a shell that answers with the outputs
 * recorded in setup). Setup also checks that one myJobs call runs exactly 2 commands. Needs the
 * lab and root; {@code MyJobsLab cleanup} (run by {@code run-myjobs.sh}) cancels the held jobs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MyJobsBenchmark {
    @Param(MyJobsLab.USER)
    public String user;

    @Param("" + MyJobsLab.DEFAULT_QUEUED)
    public int queued;

    @Param("" + MyJobsLab.DEFAULT_FINISHED)
    public int finished;

    private LocalShell shell;
    private SlurmJobs facade;
    private SlurmJobs replayed;
    private List<ExecRequest> raw;
    private Instant since;

    @Setup(Level.Trial)
    public void setUp() {
        shell = LocalShell.create();
        MyJobsLab.ensure(shell, user, queued, finished);
        since = MyJobsLab.since();
        CountingShell rec = CountingShell.keepingResults(shell);
        try (SlurmJobs counted = SlurmJobs.builder().cluster(Cluster.builder("lab", rec).build()).build()) {
            List<JobRow> rows = counted.myJobs("lab", user, since);
            if (rec.count() != 2) {
                throw new IllegalStateException("myJobs ran " + rec.count() + " commands, not 2");
            }
            System.out.printf("%nmyJobs: %d rows from %s%n", rows.size(), describe(rec));
        }
        raw = rec.requests();
        facade = SlurmJobs.builder().cluster(Cluster.builder("lab", shell).build()).build();
        replayed = SlurmJobs.builder().cluster(Cluster.builder("lab", new MyJobsLab.Replaying(rec)).build()).build();
    }

    static String describe(CountingShell rec) {
        StringBuilder sb = new StringBuilder();
        List<ExecRequest> requests = rec.requests();
        List<ExecResult> results = rec.results();
        for (int i = 0; i < requests.size(); i++) {
            ExecResult r = results.get(i);
            long lines = new String(r.stdoutBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count();
            sb.append(i == 0 ? "" : ", ").append(requests.get(i).command().get(0)).append(' ').append(lines)
                    .append(" lines (").append(r.stdoutBytes().length / 1024).append(" KiB)");
        }
        return sb.toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (facade != null) {
            facade.close();
        }
        if (replayed != null) {
            replayed.close();
        }
        shell.close();
    }

    /** The façade: both commands, parsed and merged. */
    @Benchmark
    public List<JobRow> myJobs() {
        return facade.myJobs("lab", user, since);
    }

    /** The two commands alone, output read. */
    @Benchmark
    public long rawSqueueAndSacct() {
        long bytes = 0;
        for (ExecRequest r : raw) {
            ExecResult x = shell.run(r);
            if (x.exitCode() != 0) {
                throw new IllegalStateException(x.stderr());
            }
            bytes += x.stdoutBytes().length;
        }
        return bytes;
    }

    /** The façade's own work: myJobs over the outputs recorded in setup (no command runs). */
    @Benchmark
    public List<JobRow> parseAndMerge() {
        return replayed.myJobs("lab", user, since);
    }
}
