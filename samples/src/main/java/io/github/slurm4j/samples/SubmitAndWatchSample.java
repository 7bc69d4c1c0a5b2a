package io.github.slurm4j.samples;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.jobs.watch.JobEvent;
import io.github.slurm4j.jobs.watch.JobListener;
import io.github.slurm4j.jobs.watch.JobUnknownEvent;
import io.github.slurm4j.jobs.watch.JobWatcher;
import io.github.slurm4j.jobs.watch.OutageEvent;
import io.github.slurm4j.jobs.watch.RecoveryEvent;
import io.github.slurm4j.jobs.watch.WatchCycle;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.testkit.FakeSlurm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code submit-and-watch}: submits a batch job, prints each change of its state as the job
 * watcher reports it ({@code QUEUED -> RUNNING -> FINISHED}, outages of Slurm included), and at the
 * end prints the last lines of its output file ({@code tail -n} on the machine the commands run
 * on). {@code --demo} does it on a simulated cluster (FakeSlurm, its clock moved by the sample), in
 * a moment and without Slurm.
 */
final class SubmitAndWatchSample {
    static final String USAGE = String.join("\n",
            "usage: submit-and-watch [--name N] [--partition P] [--time MIN] [--cores N] [--chdir DIR] [--output PATH]",
            "                        (--script FILE | --wrap CMD) [--lines N] [--interval SECONDS]",
            "                        [--demo | --ssh user@host[:port] --identity FILE --known-hosts FILE]",
            "  submits the job, prints each state change, then the last --lines (default 20) of its output",
            "  --interval N   the watcher's base interval (default 2; it backs off to 8x while nothing changes)",
            "  --demo         a simulated cluster: a job that waits for a busy node, runs 30 s and completes");

    private static final Set<String> VALUED = Set.of("name", "partition", "time", "cores", "chdir", "output", "script", "wrap",
            "lines", "interval");

    private SubmitAndWatchSample() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        return SlurmSamples.withShell(argv, VALUED, Set.of("demo"), err, SubmitAndWatchSample::check,
                args -> args.has("demo") ? demoCluster() : SampleShells.open(args),
                (args, shell) -> submitAndWatch(args, shell, args.has("demo") ? (FakeSlurm) shell : null, out));
    }

    /** What is wrong with the command line before any shell is opened. */
    private static void check(SampleArgs args) {
        if (!args.positional().isEmpty() || !args.rest().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + (args.positional().isEmpty() ? args.rest().get(0)
                    : args.positional().get(0)) + "'");
        }
        if (args.has("demo") && args.has("ssh")) {
            throw new IllegalArgumentException("--demo and --ssh exclude each other");
        }
        if (!args.has("demo") && args.has("script") == args.has("wrap")) {
            throw new IllegalArgumentException("give exactly one of --script FILE and --wrap CMD");
        }
    }

    private static int submitAndWatch(SampleArgs args, Shell shell, FakeSlurm demo, PrintStream out)
            throws InterruptedException {
        int lines = args.has("lines") ? args.intValue("lines") : 20;
        Duration interval = Duration.ofSeconds(args.has("interval") ? args.intValue("interval") : 2);
        SlurmClient client = demo != null ? SlurmClient.builder(shell).zone(ZoneId.of("UTC")).build() : new SlurmClient(shell);

        // 1. submit
        JobId id = client.submit(request(args, demo != null).build()).jobId();
        out.println("submitted job " + id);
        String output = outputPath(client, id);

        // 2. watch: every state change, printed as it comes
        CountDownLatch over = new CountDownLatch(1);
        JobListener printer = new JobListener() {
            @Override
            public void onJobEvent(JobEvent e) {
                out.println(e.at() + "  " + (e.from() == null ? "" : e.from() + " -> ") + e.to() + "  (" + e.status().state().raw()
                        + (e.status().reasonCode() == null ? "" : ", " + e.status().reasonCode())
                        + (e.exitCode() == null ? "" : ", exit code " + e.exitCode()) + ")");
                if (e.isTerminal()) {
                    over.countDown();
                }
            }

            @Override
            public void onUnknown(JobUnknownEvent e) {
                out.println(e.at() + "  unknown: the job left the queue and accounting does not say how it ended (" + e.reason()
                        + ")");
                over.countDown();
            }

            @Override
            public void onOutage(OutageEvent e) {
                out.println(e.at() + "  " + e.service().name().toLowerCase(java.util.Locale.ROOT) + " not answering: " + firstLine(e.cause().getMessage()));
            }

            @Override
            public void onRecovery(RecoveryEvent e) {
                out.println(e.at() + "  " + e.service().name().toLowerCase(java.util.Locale.ROOT) + " back after " + e.duration().toSeconds() + " s");
            }
        };
        JobWatcher.Builder b = JobWatcher.builder(client).interval(interval).maxInterval(interval.multipliedBy(8)).listener(printer);
        if (demo != null) {
            b.clock(clockOf(demo));
        }
        try (JobWatcher watcher = b.build()) {
            watcher.watch(id);
            if (demo != null) {
                // the simulated cluster's clock moves by what the watcher would have waited
                while (over.getCount() > 0) {
                    WatchCycle c = watcher.poll();
                    if (over.getCount() > 0) {
                        demo.advance(c.nextDelay());
                    }
                }
            } else {
                watcher.start();
                while (!over.await(1, TimeUnit.MINUTES)) {
                    // no time limit here: Slurm's own (--time) ends the job
                }
            }
        }

        // 3. the end of the output
        if (output == null) {
            out.println("(no output file known for job " + id + ")");
        } else if (demo != null) {
            out.println("(a simulated cluster has no files; on a real one: the last " + lines + " lines of " + output + ")");
        } else {
            ExecResult tail = shell.run(ExecRequest.of(List.of("tail", "-n", Integer.toString(lines), "--", output)));
            out.println("--- last " + lines + " lines of " + output + " ---");
            if (tail.exitCode() == 0) {
                out.print(tail.stdout());
            } else {
                out.println("(" + firstLine(tail.stderr()) + ")");
            }
        }
        return 0;
    }

    private static SubmitRequest.Builder request(SampleArgs args, boolean demo) {
        SubmitRequest.Builder b;
        if (args.has("script")) {
            try {
                b = SubmitRequest.script(Files.readString(Path.of(args.value("script")), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --script " + args.value("script") + ": " + e.getMessage());
            }
        } else if (args.has("wrap")) {
            b = SubmitRequest.wrap(args.value("wrap"));
        } else {
            // --demo without a script: waits for the busy node, runs 30 s, completes
            b = SubmitRequest.script("#!/bin/sh\necho training...\nsleep 30\necho done\n").name("demo-train").cpusPerTask(4);
        }
        if (args.has("name")) {
            b.name(args.value("name"));
        }
        if (args.has("partition")) {
            b.partition(args.value("partition"));
        }
        if (args.has("time")) {
            b.timeLimit(Duration.ofMinutes(args.intValue("time")));
        }
        if (args.has("cores")) {
            b.cpusPerTask(args.intValue("cores"));
        }
        if (args.has("chdir")) {
            b.workingDirectory(args.value("chdir"));
        }
        if (args.has("output")) {
            b.output(args.value("output"));
        }
        return b;
    }

    /** The job's output file as slurmctld expanded it ({@code scontrol show job}: {@code %j}, {@code %u}, … filled in). */
    private static String outputPath(SlurmClient client, JobId id) {
        try {
            String path = client.job(id).io().stdOut();
            return path == null || path.isEmpty() ? null : path;
        } catch (SlurmException e) {
            return null;
        }
    }

    /** The lab's shape, with bob's job holding 6 of the node's 8 CPUs for 20 s: the demo job waits, then runs. */
    static FakeSlurm demoCluster() {
        FakeSlurm slurm = FakeSlurm.builder().build();
        new SlurmClient(slurm.as("bob")).submit(SubmitRequest.script("#!/bin/sh\nsleep 20\n").name("preprocess")
                .account("chemistry").cpusPerTask(6).build());
        return slurm;
    }

    private static Clock clockOf(FakeSlurm slurm) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return slurm.now();
            }
        };
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
