package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.SlurmJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code SlurmJobs.myJobs} of one user with {@code jobs} jobs in the queue, against the two raw
 * commands it runs ({@code squeue} and {@code sacct} with the same arguments, output read, not
 * parsed): the difference is the façade's parsing and merging. Needs the lab and root: setup
 * submits the jobs as held array tasks of {@code user} (arrays of at most 1000 tasks, named
 * {@code j11-bench}) and teardown cancels them; setup also checks that one myJobs call runs
 * exactly 2 commands.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MyJobsBenchmark {
    @Param("alice")
    public String user;

    @Param("5000")
    public int jobs;

    private LocalShell shell;
    private SlurmJobs facade;
    private final List<ExecRequest> raw = new ArrayList<>();
    private final List<String> arrays = new ArrayList<>();
    private Instant since;

    @Setup(Level.Trial)
    public void setUp() {
        shell = LocalShell.create();
        for (int left = jobs; left > 0; left -= 1000) {
            int n = Math.min(1000, left);
            ExecResult r = shell.run(ExecRequest.builder("runuser", "-u", user, "--", "sbatch", "--parsable", "--hold",
                    "--job-name=j11-bench", "--output=/dev/null", "--chdir=/tmp", "--time=1", "--array=0-" + (n - 1),
                    "--wrap=true").timeout(Duration.ofMinutes(2)).build());
            if (r.exitCode() != 0) {
                tearDown();
                throw new IllegalStateException("sbatch: " + r.stderr());
            }
            arrays.add(r.stdout().strip());
        }
        since = Instant.now().minus(Duration.ofDays(1));
        Recording rec = new Recording(shell);
        try (SlurmJobs counted = SlurmJobs.builder().cluster(Cluster.builder("lab", rec).build()).build()) {
            List<JobRow> rows = counted.myJobs("lab", user, since);
            if (rec.requests.size() != 2) {
                throw new IllegalStateException("myJobs ran " + rec.requests.size() + " commands, not 2");
            }
            System.out.println("\nmyJobs: " + rows.size() + " rows, " + rec.requests.size() + " commands: "
                    + rec.requests.stream().map(q -> q.command().get(0)).toList());
            raw.addAll(rec.requests);
        }
        facade = SlurmJobs.builder().cluster(Cluster.builder("lab", shell).build()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (!arrays.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("scancel"));
            argv.addAll(arrays);
            shell.run(ExecRequest.of(argv));
        }
        if (facade != null) {
            facade.close();
        }
        shell.close();
    }

    @Benchmark
    public List<JobRow> myJobs() {
        return facade.myJobs("lab", user, since);
    }

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

    /** Records the requests it passes on. */
    private static final class Recording implements Shell {
        final Shell inner;
        final List<ExecRequest> requests = new ArrayList<>();

        Recording(Shell inner) {
            this.inner = inner;
        }

        @Override
        public ExecResult run(ExecRequest request) {
            requests.add(request);
            return inner.run(request);
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            requests.add(request);
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

        @Override
        public void close() {
        }
    }
}
