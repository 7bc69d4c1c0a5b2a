package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.testkit.LabCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lab set-up and teardown the façade's ITs share: {@link #open} requires the lab cluster,
 * opens the subclass's shell and builds a façade on it with the cluster named {@code lab} on host
 * {@code localhost}; {@link #close} cancels every job {@link #track tracked} in one
 * {@code scancel}, then closes the façade and the shell. The façade's ITs
 * ({@code AbstractJobsIT}, {@code AbstractConsoleIT}) hold one; {@code JobWatcherIT} one per lab cluster.
 */
public final class LabSession implements AutoCloseable {
    private volatile Shell shell;
    private final SlurmJobs jobs;
    private final List<JobId> submitted = Collections.synchronizedList(new ArrayList<>());

    private LabSession(Shell shell, SlurmJobs jobs) {
        this.shell = shell;
        this.jobs = jobs;
    }

    /**
     * Requires {@code cluster}'s Slurm (skips or fails the IT as {@link LabCluster#requireSlurm}
     * says), opens a shell and builds the façade.
     *
     * @param facade completes the cluster (timeout, partitions…) and wraps it in a façade builder
     */
    public static LabSession open(LabCluster cluster, Supplier<Shell> shells, Function<Cluster.Builder, SlurmJobs.Builder> facade) {
        cluster.requireSlurm();
        Shell shell = shells.get();
        try {
            return new LabSession(shell, facade.apply(Cluster.builder("lab", shell).host("localhost")).build());
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    public Shell shell() {
        return shell;
    }

    public SlurmJobs jobs() {
        return jobs;
    }

    /** Replaces a shell a test closed; the teardown's {@code scancel} runs on the live one. */
    public void replaceShell(Shell live) {
        shell = Objects.requireNonNull(live, "live");
    }

    /** Remembers {@code id} for the teardown's {@code scancel}; returns it. */
    public JobId track(JobId id) {
        submitted.add(id);
        return id;
    }

    @Override
    public void close() {
        try {
            List<String> argv = new ArrayList<>(List.of("scancel"));
            synchronized (submitted) {
                submitted.forEach(id -> argv.add(Long.toString(id.id())));
            }
            if (argv.size() > 1) {
                shell.run(ExecRequest.of(argv));
            }
        } finally {
            try {
                jobs.close();
            } finally {
                shell.close();
            }
        }
    }

    /** Reads until {@code done} holds or {@code max} has passed; returns the last value read. */
    public static <T> T await(Supplier<T> read, Predicate<T> done, Duration max) {
        Instant until = Instant.now().plus(max);
        T v = read.get();
        while (!done.test(v) && Instant.now().isBefore(until)) {
            sleep(200);
            v = read.get();
        }
        return v;
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
