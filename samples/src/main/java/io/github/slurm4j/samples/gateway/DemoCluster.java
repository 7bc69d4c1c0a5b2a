package io.github.slurm4j.samples.gateway;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.jobs.JobDetail;
import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.PidMetricSeries;
import io.github.slurm4j.samples.SamplesAccess;
import io.github.slurm4j.testkit.FakeSlurm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster of {@code --demo}: a {@link FakeSlurm} with the nodes and partitions of a real
 * Slurm 22.05 cluster (captured {@code scontrol} outputs: one usable node with 8 CPUs and 2 GPUs,
 * the others drained, down or not responding), six users, and jobs submitted over the last three
 * hours that are now running, pending for resources, held, completed, failed, timed out and
 * cancelled. Its clock follows the real one, so jobs submitted through the gateway start, run and
 * end. The demo acts as {@link #OWN_USER} when no token says otherwise.
 *
 * <p>FakeSlurm runs no processes, so the demo's {@code runData} is simulated: for a running job,
 * one sample a minute over its last hour for each PID {@code scontrol listpids} gives, rendered
 * by the real {@link PidMetricSeries#runData}. Real machines have no such thing.
 */
final class DemoCluster {
    /** The machine name of the demo cluster. */
    static final String MACHINE = "demo";
    /** The user the demo acts as without a token file. */
    static final String OWN_USER = "alice";
    /** Every user of the demo cluster. */
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "root");

    private final FakeSlurm slurm;
    private final ShiftedClock clock;

    private DemoCluster(FakeSlurm slurm, ShiftedClock clock) {
        this.slurm = slurm;
        this.clock = clock;
    }

    /**
     * A shell acting as {@code user} on the demo cluster: the FakeSlurm, plus a simulated
     * {@code tail -n N -- PATH} of the jobs' output files (FakeSlurm has no file system), so the
     * console tail works on the demo too.
     */
    Shell as(String user) {
        return new OutputShell(slurm.as(user));
    }

    Clock clock() {
        return clock;
    }

    ZoneId zone() {
        return ZoneOffset.UTC;
    }

    static DemoCluster create() {
        ShiftedClock clock = new ShiftedClock(Duration.ofHours(3));
        FakeSlurm slurm = FakeSlurm.builder().user("carol", 1003, "physics").user("dave", 1004, "chemistry")
                .user("erin", 1005, "physics").nodesFrom(SamplesAccess.demoNodes())
                .partitionsFrom(SamplesAccess.demoPartitions()).clock(clock).minJobAge(Duration.ofHours(2))
                .keepRequests(1_000).build();
        // minutes after the start (three hours ago): what ran and ended before, and what runs now
        submit(slurm, clock, 0, "alice", SubmitRequest.script(sleep(1200)).name("prepare-data").partition("debug").cpusPerTask(2));
        submit(slurm, clock, 5, "alice", SubmitRequest.script(sleep(600) + "exit 3\n").name("bad-config").partition("debug")
                .cpusPerTask(1));
        submit(slurm, clock, 10, "carol", SubmitRequest.script(sleep(7200)).name("long-sim").partition("debug").cpusPerTask(1)
                .timeLimit(Duration.ofMinutes(30)));
        submit(slurm, clock, 40, "alice", SubmitRequest.script(sleep(86_400)).name("train-resnet").partition("gpu")
                .cpusPerTask(2).gpus("1").timeLimit(Duration.ofHours(12)));
        submit(slurm, clock, 60, "bob", SubmitRequest.script(sleep(86_400)).name("preprocess").partition("debug")
                .cpusPerTask(2).timeLimit(Duration.ofHours(12)));
        long cancelled = submit(slurm, clock, 75, "dave", SubmitRequest.script(sleep(86_400)).name("typo-run")
                .partition("debug").cpusPerTask(1));
        new SlurmClient(slurm.as("dave")).cancel(JobId.of(cancelled));
        submit(slurm, clock, 90, "carol", SubmitRequest.script(sleep(86_400)).name("finetune-llm").partition("gpu")
                .cpusPerTask(2).gpus("1").timeLimit(Duration.ofHours(12)));
        submit(slurm, clock, 120, "dave", SubmitRequest.script(sleep(3600)).name("sweep").partition("debug").cpusPerTask(4));
        submit(slurm, clock, 130, "erin", SubmitRequest.script(sleep(3600)).name("render").partition("gpu").cpusPerTask(1)
                .gpus("1"));
        submit(slurm, clock, 150, "alice", SubmitRequest.script(sleep(1800)).name("eval-later").partition("debug")
                .cpusPerTask(1).hold());
        clock.catchUp();
        return new DemoCluster(slurm, clock);
    }

    private static String sleep(int seconds) {
        return "#!/bin/sh\nsleep " + seconds + "\n";
    }

    private static long submit(FakeSlurm slurm, ShiftedClock clock, int minute, String user, SubmitRequest.Builder b) {
        clock.at(Duration.ofHours(3).minus(Duration.ofMinutes(minute)));
        return new SlurmClient(slurm.as(user)).submit(b.build()).jobId().id();
    }

    /** The simulated {@code runData} of a running job; an empty list for any other. */
    List<Map<String, Object>> runData(JobDetail d) {
        if (d.status().phase() != JobPhase.RUNNING || d.started() == null) {
            return List.of();
        }
        long id = d.job().identity().jobId();
        List<Long> pids = new ArrayList<>();
        for (JobPid p : new SlurmClient(slurm.as("root")).listPids(JobId.of(id))) {
            if (p.pid() != null) {
                pids.add(p.pid());
            }
        }
        boolean gpus = d.job().resources().tres() != null && d.job().resources().tres().gpus().orElse(0) > 0;
        Instant now = clock.instant();
        Instant from = d.started().isAfter(now.minus(Duration.ofHours(1))) ? d.started() : now.minus(Duration.ofHours(1));
        List<PidMetric> samples = new ArrayList<>();
        for (Instant t = from.plusSeconds(60 - from.getEpochSecond() % 60); !t.isAfter(now); t = t.plusSeconds(60)) {
            for (int k = 0; k < pids.size(); k++) {
                double phase = t.getEpochSecond() / 600.0 + id + k;
                double cpu = (k == 0 ? 180 : 40) + 25 * Math.sin(phase);
                long rss = (long) ((k == 0 ? 2600 : 300) + 150 * Math.sin(phase / 2)) << 20;
                Double gpu = gpus && k == 0 ? 70 + 20 * Math.sin(phase * 1.3) : null;
                Long gpuMem = gpus && k == 0 ? (long) (9000 + 800 * Math.sin(phase / 3)) : null;
                samples.add(new PidMetric(pids.get(k), t, cpu, rss * 100.0 / (64_000L << 20), rss, gpu, gpu == null ? null : gpu / 2,
                        gpuMem));
            }
        }
        return new PidMetricSeries(samples).runData(zone());
    }

    /**
     * The simulated output of a job: a line a minute from its start to its end (or now), the
     * same each time it is read; {@code null} when the job has not started (no file yet).
     */
    List<String> output(long jobId) {
        Job j;
        try {
            j = new SlurmClient(slurm.as("root")).job(JobId.of(jobId));
        } catch (SlurmCommandException e) {
            return null;
        }
        Instant start = j.timing().startTime() == null ? null : j.timing().startTime().toInstant(zone()).orElse(null);
        if (start == null || j.status().state().is(JobState.Name.PENDING)) {
            return null;
        }
        Instant end = j.timing().endTime() == null ? null : j.timing().endTime().toInstant(zone()).orElse(null);
        Instant until = end != null && end.isBefore(clock.instant()) ? end : clock.instant();
        List<String> lines = new ArrayList<>();
        lines.add("[demo] job " + jobId + " (" + j.identity().name() + ") started on " + j.placement().nodeList()
                + "; simulated output: FakeSlurm runs no program");
        long minutes = Math.max(0, Duration.between(start, until).toMinutes());
        for (long m = 1; m <= minutes; m++) {
            double loss = 2.5 * Math.exp(-m / 40.0) + 0.05 * Math.sin(m + jobId);
            lines.add(String.format(java.util.Locale.ROOT, "[%s] step %d  loss %.4f",
                    StdTime.format(start.plusSeconds(60 * m)), m * 100, loss));
        }
        if (end != null && !end.isAfter(clock.instant())) {
            lines.add("[demo] job " + jobId + " ended: " + j.status().state().raw());
        }
        return lines;
    }

    private static final class StdTime {
        private static final java.time.format.DateTimeFormatter F = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

        static String format(Instant t) {
            return F.format(t);
        }
    }

    /** The FakeSlurm, and {@code tail -n N -- PATH} of a {@code slurm-<id>.out} answered from {@link #output}. */
    private final class OutputShell implements Shell {
        private final FakeSlurm fake;

        OutputShell(FakeSlurm fake) {
            this.fake = fake;
        }

        @Override
        public ExecResult run(ExecRequest request) {
            List<String> argv = request.command();
            if (argv.size() == 5 && argv.get(0).equals("tail") && argv.get(1).equals("-n") && argv.get(3).equals("--")) {
                return tail(argv, Integer.parseInt(argv.get(2)), argv.get(4));
            }
            return fake.run(request);
        }

        private ExecResult tail(List<String> argv, int n, String path) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("slurm-(\\d+)\\.out$").matcher(path);
            List<String> lines = m.find() ? output(Long.parseLong(m.group(1))) : null;
            if (lines == null) {
                byte[] err = ("tail: cannot open '" + path + "' for reading: No such file or directory\n").getBytes(StandardCharsets.UTF_8);
                return new ExecResult(argv, 1, new byte[0], err, Duration.ZERO, false);
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - n), lines.size());
            byte[] out = last.isEmpty() ? new byte[0] : (String.join("\n", last) + "\n").getBytes(StandardCharsets.UTF_8);
            return new ExecResult(argv, 0, out, new byte[0], Duration.ZERO, false);
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            return fake.stream(request, reader);
        }

        @Override
        public void writeFile(String path, byte[] content, int permissions) {
            fake.writeFile(path, content, permissions);
        }

        @Override
        public String target() {
            return fake.target();
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    /**
     * The real clock, {@code behind} in the past while the history is seeded, then caught up;
     * it only ever moves forward.
     */
    static final class ShiftedClock extends Clock {
        private volatile Duration behind;

        ShiftedClock(Duration behind) {
            this.behind = behind;
        }

        void at(Duration newBehind) {
            if (newBehind.compareTo(behind) > 0) {
                throw new IllegalStateException("the demo clock cannot go back");
            }
            behind = newBehind;
        }

        void catchUp() {
            behind = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the demo clock is UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().minus(behind);
        }
    }
}
