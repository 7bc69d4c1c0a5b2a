package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.testkit.CountingShell;
import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab state {@link MyJobsBenchmark} and {@link MyJobsInterleaved} measure, made once and
 * reused: one user with {@code queued} held jobs in the queue (job name {@value #QUEUED}, one job
 * each: a cancelled pending array would leave a record that {@code scontrol show job} prints with
 * {@code ArrayTaskId=4294967294} for an hour) and {@code finished} jobs that ran and ended ({@value #DONE}), which sacct
 * lists (held jobs have no eligible time: sacct lists none of them). {@link #ensure} is
 * idempotent: it counts what is there and submits only what is missing, so every JMH trial (one per
 * benchmark method, each in its own JVM) sees the same jobs and the second one submits nothing.
 * Finished jobs stay in accounting; {@link #cleanup} cancels the held jobs (squeue then still
 * lists them as cancelled for the lab's {@code MinJobAge}, 1 h). Needs the lab and root.
 *
 * <p>{@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.jobs.MyJobsLab setup|status|cleanup [queued] [finished]}
 */
public final class MyJobsLab {
    /** Name of the held jobs. */
    public static final String QUEUED = "j11-bench-queued";
    /** Name of the jobs that ran (sacct's side). */
    public static final String DONE = "j11-bench-done";
    public static final String USER = "alice";
    public static final int DEFAULT_QUEUED = 2500;
    public static final int DEFAULT_FINISHED = 2500;

    private MyJobsLab() {
    }

    /**
     * The {@code since} of the measured {@code myJobs} calls: midnight six days ago, in the JVM's
     * zone. Fixed for a day, so finished jobs made by an earlier run are reused for a week.
     */
    public static Instant since() {
        return LocalDate.now().minusDays(6).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    /** Held jobs of {@value #QUEUED} in the queue. */
    public static int queued(Shell shell, String user) {
        return lines(run(shell, List.of("squeue", "-h", "-r", "-u", user, "-n", QUEUED, "-t", "PD", "-o", "%i")));
    }

    /** Jobs of {@value #DONE} that accounting lists as ended since {@link #since()}. */
    public static int finished(Shell shell, String user) {
        // no -s CD: with a state filter sacct 22.05 ends the window at its start (no rows)
        String out = run(shell, List.of("sacct", "-X", "-n", "-P", "-u", user, "--name=" + DONE,
                "-S", since().atZone(ZoneId.systemDefault()).toLocalDateTime().toString(), "-o", "JobID,State"));
        return (int) out.lines().filter(l -> l.endsWith("|COMPLETED")).count();
    }

    /** Jobs of {@value #DONE} still queued or running. */
    private static int unfinished(Shell shell, String user) {
        return lines(run(shell, List.of("squeue", "-h", "-r", "-u", user, "-n", DONE, "-t", "PD,R,CG,CF", "-o", "%i")));
    }

    /**
     * Makes the state: submits what is missing and waits until the finished jobs are in accounting
     * (slurmdbd lags behind the controller). Prints what it did.
     */
    public static void ensure(Shell shell, String user, int queued, int finished) {
        int q = queued(shell, user);
        if (q < queued) {
            submit(shell, user, QUEUED, queued - q, true);
        }
        int f = finished(shell, user);
        int running = unfinished(shell, user);
        if (f + running < finished) {
            submit(shell, user, DONE, finished - f - running, false);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while ((f = finished(shell, user)) < finished) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after 20 minutes accounting lists " + f + " of " + finished
                        + " finished " + DONE + " jobs");
            }
            sleep(2000);
        }
        System.out.printf("[lab] %s: %d held %s jobs (wanted %d), %d finished %s jobs since %s (wanted %d)%n", user,
                queued(shell, user), QUEUED, queued, f, DONE, since(), finished);
    }

    private static void submit(Shell shell, String user, String name, int n, boolean hold) {
        if (hold) {
            // one job each, not an array: a cancelled pending array leaves a record with
            // ArrayTaskId=4294967294 in scontrol show job for MinJobAge, which readers then meet
            int loops = 4;
            String one = "runuser -u " + user + " -- sbatch --hold --job-name=" + name
                    + " --output=/dev/null --chdir=/tmp --time=1 --wrap=true >/dev/null";
            String script = "for k in $(seq " + loops + "); do (for i in $(seq $(( (" + n + " + " + loops + " - k) / " + loops
                    + " ))); do " + one + " || exit 1; done) & done; wait";
            run(shell, List.of("bash", "-c", script));
            System.out.printf("[lab] submitted %d held jobs as %s%n", n, name);
            return;
        }
        for (int left = n; left > 0; left -= 1000) {
            int k = Math.min(1000, left);
            // positive nice: other users' jobs on the shared lab go first
            List<String> argv = List.of("runuser", "-u", user, "--", "sbatch", "--parsable", "--nice=1000",
                    "--job-name=" + name, "--output=/dev/null", "--chdir=/tmp", "--time=1", "--array=0-" + (k - 1),
                    "--wrap=true");
            ExecResult r = shell.run(ExecRequest.builder(argv).timeout(Duration.ofMinutes(2)).build());
            if (r.exitCode() != 0) {
                throw new IllegalStateException("sbatch: " + r.stderr());
            }
            System.out.printf("[lab] submitted %d short tasks as %s (array %s)%n", k, name, r.stdout().strip());
        }
    }

    /** Cancels the held jobs; the finished jobs stay in accounting. */
    public static void cleanup(Shell shell, String user) {
        run(shell, List.of("scancel", "-u", user, "-n", QUEUED));
        System.out.printf("[lab] cancelled %s's %s jobs%n", user, QUEUED);
    }

    private static String run(Shell shell, List<String> argv) {
        ExecResult r = shell.run(ExecRequest.builder(argv).timeout(Duration.ofMinutes(20)).build());
        if (r.exitCode() != 0) {
            throw new IllegalStateException(argv + ": " + r.stderr());
        }
        return r.stdout();
    }

    private static int lines(String out) {
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers the recorded requests with their recorded results at once: {@code myJobs} over it
     * costs only the façade's own work (parsing, merging, sorting).
     */
    static final class Replaying implements Shell {
        private final Map<List<String>, ExecResult> answers = new ConcurrentHashMap<>();

        /** @param recorded a {@link CountingShell#keepingResults} shell the requests ran on */
        Replaying(CountingShell recorded) {
            List<ExecRequest> requests = recorded.requests();
            List<ExecResult> results = recorded.results();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) != null) {
                    answers.put(requests.get(i).command(), results.get(i));
                }
            }
        }

        @Override
        public ExecResult run(ExecRequest request) {
            ExecResult r = answers.get(request.command());
            if (r == null) {
                throw new IllegalStateException("not recorded: " + request.command());
            }
            return r;
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            throw new UnsupportedOperationException("not recorded: " + request.command());
        }

        @Override
        public void writeFile(String path, byte[] content, int permissions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String target() {
            return "replay";
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "status";
        int queued = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_QUEUED;
        int finished = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_FINISHED;
        try (LocalShell shell = LocalShell.create()) {
            switch (what) {
                case "setup" -> ensure(shell, USER, queued, finished);
                case "cleanup" -> cleanup(shell, USER);
                case "status" -> System.out.printf("[lab] %s: %d held %s jobs, %d finished %s jobs since %s%n", USER,
                        queued(shell, USER), QUEUED, finished(shell, USER), DONE, since());
                default -> throw new IllegalArgumentException("setup|status|cleanup [queued] [finished]");
            }
        }
    }
}
