package io.github.slurm4j.samples;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.JobRowView;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.model.JobId;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of the jobs façade ({@code slurm-jobs-api}), locally or with
 * {@code --ssh user@host[:port] --identity FILE --known-hosts FILE}:
 * <pre>
 * job ID                    the console JSON of the job's detail page
 * my-jobs [--user U]        my jobs (the local or SSH user) of the last 7 days, newest first, as JSON
 * active-jobs               every user's queued, scheduling and paused jobs, as JSON
 * pause ID | resume ID | kill ID
 * priority ID P             P in 1..1000 (100 = default)
 * </pre>
 */
final class JobsSamples {
    private static final String CLUSTER = "cluster";

    private JobsSamples() {
    }

    private static SlurmJobs jobs(Shell shell) {
        return SlurmJobs.builder().cluster(Cluster.builder(CLUSTER, shell).host(shell.target()).build()).build();
    }

    private static JobId id(SampleArgs args, int count, String usage) {
        if (args.positional().size() != count || !args.rest().isEmpty()) {
            throw new IllegalArgumentException(usage);
        }
        return JobId.parse(args.positional().get(0));
    }

    /** {@code job ID}: prints the console JSON. */
    static int job(String[] argv, PrintStream out, PrintStream err) {
        return SlurmSamples.withShell(argv, Set.of(), Set.of(), err, (args, shell) -> {
            JobId id = id(args, 1, "job takes exactly one job id");
            try (SlurmJobs jobs = jobs(shell)) {
                out.println(jobs.detail(CLUSTER, id).toConsoleJson());
            }
            return 0;
        });
    }

    /** {@code my-jobs [--user U]}: the last 7 days. */
    static int myJobs(String[] argv, PrintStream out, PrintStream err) {
        return SlurmSamples.withShell(argv, Set.of("user"), Set.of(), err, (args, shell) -> {
            if (!args.positional().isEmpty() || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("my-jobs takes no arguments, only --user U");
            }
            String user = args.has("user") ? args.value("user") : SampleShells.user(args);
            try (SlurmJobs jobs = jobs(shell)) {
                print(out, jobs.myJobs(CLUSTER, user, Instant.now().minus(Duration.ofDays(7))));
            }
            return 0;
        });
    }

    /** {@code active-jobs}. */
    static int activeJobs(String[] argv, PrintStream out, PrintStream err) {
        return SlurmSamples.withShell(argv, Set.of(), Set.of(), err, (args, shell) -> {
            if (!args.positional().isEmpty() || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("active-jobs takes no arguments");
            }
            try (SlurmJobs jobs = jobs(shell)) {
                print(out, jobs.activeJobs(CLUSTER));
            }
            return 0;
        });
    }

    /** {@code pause|resume|kill ID}. */
    static int control(String verb, String[] argv, PrintStream out, PrintStream err) {
        return SlurmSamples.withShell(argv, Set.of(), Set.of(), err, (args, shell) -> {
            JobId id = id(args, 1, verb + " takes exactly one job id");
            try (SlurmJobs jobs = jobs(shell)) {
                switch (verb) {
                    case "pause" -> jobs.pause(CLUSTER, id);
                    case "resume" -> jobs.resume(CLUSTER, id);
                    case "kill" -> jobs.cancel(CLUSTER, id);
                    default -> throw new IllegalStateException(verb);
                }
            }
            out.println(verb + " " + id + ": done");
            return 0;
        });
    }

    /** {@code priority ID P}. */
    static int priority(String[] argv, PrintStream out, PrintStream err) {
        return SlurmSamples.withShell(argv, Set.of(), Set.of(), err, (args, shell) -> {
            if (args.positional().size() != 2 || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("priority takes a job id and a priority 1..1000");
            }
            JobId id = JobId.parse(args.positional().get(0));
            int p;
            try {
                p = Integer.parseInt(args.positional().get(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the priority must be a whole number 1..1000: " + args.positional().get(1));
            }
            try (SlurmJobs jobs = jobs(shell)) {
                jobs.setPriority(CLUSTER, id, p);
            }
            out.println("priority " + id + " " + p + ": done");
            return 0;
        });
    }

    private static void print(PrintStream out, List<JobRow> rows) {
        List<Map<String, Object>> views = new ArrayList<>();
        rows.forEach(r -> views.add(JobRowView.toMap(r)));
        out.println(JsonOut.write(views));
    }
}
