package io.github.slurm4j.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.testkit.FakeSlurm;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.UsesLab;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What keeps {@link FakeSlurm} honest: one scenario runs through {@link SlurmClient} against the
 * real lab (alice over SSH, root locally for the operator's actions) and against a FakeSlurm
 * seeded with the lab's own nodes and partitions, and every typed result is compared field by
 * field.
 *
 * <p>Left out of the comparison, and only these: job ids (compared as the order in which they
 * appear: the n-th id seen in one run must be the n-th seen in the other), times and durations
 * (every {@link SlurmTime}, {@link Duration}, {@link Instant} value), the multifactor priority
 * of a job that is not held (it moves with age and fair share; 0 while held is compared), the
 * allocating session, which scheduler pass started a job, the CPU ids a job got, and the usage
 * that a real process measures (CPU time, RSS, VM size, TRES usage, efficiencies derived from them),
 * and a node's state and usage (other users' jobs on the shared lab hold part of it).
 *
 * <p>Where the output holds no time and no measured value — refusals' texts, {@code sbatch
 * --parsable}'s line, {@code scontrol ping} — the scenario also compares what the command printed
 * byte for byte (arguments, exit code, stdout, stderr; job ids as above): the steps named
 * "…, as printed".
 */
@UsesLab("22.05")
class FakeSlurmFidelityIT {

    /** What the scenario needs of a cluster: clients as alice and as root, and a way to let time pass. */
    interface Cluster {
        SlurmClient alice();

        SlurmClient root();

        /** Lets one second pass (a real sleep, or the fake clock). */
        void tick();

        /** The cluster's time now, in its zone: accounting is asked from here on. */
        LocalDateTime now();

        /** What the last command of either client printed, as the shell returned it. */
        ExecResult last();
    }

    /** Passes every command on and keeps the last result, shared by the alice and root shells of one cluster. */
    static final class LastResult implements Shell {
        private final Shell inner;
        private final AtomicReference<ExecResult> last;

        LastResult(Shell inner, AtomicReference<ExecResult> last) {
            this.inner = inner;
            this.last = last;
        }

        @Override
        public ExecResult run(ExecRequest request) {
            ExecResult r = inner.run(request);
            last.set(r);
            return r;
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            StreamResult<T> r = inner.stream(request, reader);
            last.set(r.status());
            return r;
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
            // the test closes the shells it opened
        }
    }

    /** Job names carry it; a letter first, so no id-like number stands alone in it. */
    private static final String TAG = "fid-t" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @Test
    void theFakeAnswersTheScenarioAsTheRealLabDoes() throws Exception {
        Lab.requireSlurm();
        Lab.requireSshd();
        List<Map.Entry<String, Object>> real;
        String nodes;
        String partitions;
        try (LocalShell local = LocalShell.create();
                Shell ssh = new RemoteShell(SshConfig.builder(Lab.SSH_HOST, Lab.SSH_USER).port(Lab.SSH_PORT)
                        .privateKey(Lab.userKey()).knownHosts(Lab.knownHosts()).build())) {
            // the fake is seeded from the node as slurmctld shows it: one not responding ("idle*", as
            // right after a slurmctld restart by the test before) would never run the fake's jobs
            String state = "";
            for (int i = 0; i < 60; i++) {
                state = local.run(ExecRequest.of("sinfo", "-h", "-N", "-n", "localhost", "-o", "%T")).stdout().strip();
                if (!state.isEmpty() && !state.endsWith("*") && !state.startsWith("down") && !state.startsWith("unknown")) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(state).as("the lab node's state before seeding the fake").doesNotEndWith("*")
                    .doesNotStartWith("down").doesNotStartWith("unknown");
            nodes = local.run(ExecRequest.of("scontrol", "-o", "show", "node")).stdout();
            partitions = local.run(ExecRequest.of("scontrol", "-o", "show", "partition")).stdout();
            AtomicReference<ExecResult> lastReal = new AtomicReference<>();
            SlurmClient alice = new SlurmClient(new LastResult(ssh, lastReal));
            SlurmClient root = new SlurmClient(new LastResult(local, lastReal));
            real = scenario(new Cluster() {
                @Override
                public ExecResult last() {
                    return lastReal.get();
                }

                @Override
                public SlurmClient alice() {
                    return alice;
                }

                @Override
                public SlurmClient root() {
                    return root;
                }

                @Override
                public LocalDateTime now() {
                    return LocalDateTime.now();
                }

                @Override
                public void tick() {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        FakeSlurm fake = FakeSlurm.builder().nodesFrom(nodes).partitionsFrom(partitions).startAt(Instant.now()).build();
        AtomicReference<ExecResult> lastFake = new AtomicReference<>();
        SlurmClient fakeAlice = new SlurmClient(new LastResult(fake, lastFake));
        SlurmClient fakeRoot = new SlurmClient(new LastResult(fake.as("root"), lastFake));
        List<Map.Entry<String, Object>> simulated = scenario(new Cluster() {
            @Override
            public ExecResult last() {
                return lastFake.get();
            }

            @Override
            public SlurmClient alice() {
                return fakeAlice;
            }

            @Override
            public SlurmClient root() {
                return fakeRoot;
            }

            @Override
            public void tick() {
                fake.advance(Duration.ofSeconds(1));
            }

            @Override
            public LocalDateTime now() {
                return LocalDateTime.ofInstant(fake.now(), java.time.ZoneOffset.UTC);
            }
        });

        List<Map.Entry<String, Object>> realNorm = new Normalizer().all(real);
        List<Map.Entry<String, Object>> fakeNorm = new Normalizer().all(simulated);
        List<String> differences = new ArrayList<>();
        assertThat(fakeNorm.stream().map(Map.Entry::getKey).toList())
                .as("the steps of the scenario").isEqualTo(realNorm.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < realNorm.size(); i++) {
            diff(realNorm.get(i).getKey(), realNorm.get(i).getValue(), fakeNorm.get(i).getValue(), differences);
        }
        assertThat(differences).as("fields where FakeSlurm differs from the real lab (real vs fake)").isEmpty();
        assertThat(realNorm).hasSizeGreaterThan(20);
    }

    // ------------------------------------------------------------------ the scenario

    /** Runs the scenario and returns what each step gave back (a typed result or the typed error). */
    static List<Map.Entry<String, Object>> scenario(Cluster c) {
        List<Map.Entry<String, Object>> seen = new ArrayList<>();
        SlurmClient alice = c.alice();
        SlurmClient root = c.root();
        List<JobId> cleanup = new ArrayList<>();
        // the lab's database keeps jobs of earlier lab runs whose ids slurmctld hands out again:
        // accounting is asked for this run's time only
        LocalDateTime since = c.now().minusSeconds(5);
        try {
            // what FakeSlurm was seeded with (the lab's nodes and partitions), as SlurmClient reads
            // it back from each, and the controller's answer to ping
            record(seen, "ping", alice::ping);
            raw(seen, c, "ping");
            record(seen, "partitions", alice::partitions);
            record(seen, "nodes", alice::nodes);

            // a job past its time limit, started first: it takes the longest
            JobId late = submit(alice, cleanup, base("#!/bin/sh\nsleep 300\n", "late").timeLimit(Duration.ofMinutes(1)), seen, "submit a job with a 1 min limit");

            // submit held, then release: pending, then running
            JobId main = submit(alice, cleanup, base("#!/bin/sh\nsleep 300\n", "main").hold(), seen, "submit held");
            raw(seen, c, "submit held");
            record(seen, "held job", () -> alice.job(main));
            record(seen, "held job in squeue", () -> alice.jobs(JobQuery.builder().jobIds(List.of(main)).build()));
            record(seen, "release", () -> alice.release(main));
            await(c, alice, main, JobState.Name.RUNNING);
            record(seen, "running job", () -> alice.job(main));
            record(seen, "running job in squeue", () -> alice.jobs(JobQuery.builder().jobIds(List.of(main)).build()));
            record(seen, "status of running job", () -> alice.statusOf(List.of(main)));
            // (not the job that was held: whether slurmdbd still has the hold's Reason and priority 0
            // for it while it runs depends on timing; seen both ways on the lab)
            // a running job's accounting record: until slurmctld's start record of the job reaches
            // slurmdbd, sacct shows the placeholder slurmdbd wrote for the batch step's start
            // (JobName "allocation", PENDING, group root, QOS Unknown); seen on the lab for over 30 s
            // on a fresh CI machine. Its own job (not "late", which times out at 1 min) so that waiting
            // for the real row cannot outlast the state being compared; cancelled once recorded.
            JobId running = submit(alice, cleanup, base("#!/bin/sh\nsleep 300\n", "acct"), seen, "submit a job to look up in accounting");
            await(c, alice, running, JobState.Name.RUNNING);
            // sacct shows one row per job id, and for a while it may show the placeholder instead of
            // the real row, even after the real row was seen; the batch and extern steps' rows reach
            // slurmdbd later than the job's (seen on CI: the RUNNING job row alone). The rows compared
            // are the settled ones checked here: the RUNNING job row and both steps
            List<io.github.slurm4j.model.job.AccountingRecord> acct = List.of();
            for (int waited = 0; waited < 180; waited++) {
                acct = accounting(alice, running, since);
                if (settledRunning(acct)) {
                    break;
                }
                c.tick();
            }
            List<io.github.slurm4j.model.job.AccountingRecord> runningRows = acct;
            if (!settledRunning(runningRows)) {
                throw new AssertionError("sacct still shows no RUNNING job row with its batch and extern steps for job "
                        + running + " 180 ticks after it started: " + runningRows);
            }
            record(seen, "running job in accounting", () -> runningRows);
            record(seen, "cancel the job looked up in accounting", () -> alice.cancel(running));

            // a dependency on the running job: pending for Dependency
            JobId dep = submit(alice, cleanup, base("#!/bin/sh\nsleep 1\n", "dep").dependency("afterok:" + main.id()), seen, "submit a dependent job");
            // right after submission slurmctld may still show the reason of its first look at the job
            // (Resources, seen once on the lab); its scheduler settles on Dependency
            for (int i = 0; i < 30 && !"Dependency".equals(alice.job(dep).status().reason()); i++) {
                c.tick();
            }
            record(seen, "dependent job", () -> alice.job(dep));

            // holds of a pending job: its user's hold and user hold (uhold), root's hold, releases;
            // and updates of it
            JobId waiting = submit(alice, cleanup, base("#!/bin/sh\nsleep 1\n", "waiting").dependency("afterok:" + main.id()),
                    seen, "submit a job to hold");
            awaitReason(c, alice, waiting, "Dependency");
            record(seen, "hold a pending job", () -> alice.hold(waiting));
            record(seen, "pending job held by its user", () -> alice.job(waiting));
            record(seen, "release it", () -> alice.release(waiting));
            awaitReason(c, alice, waiting, "Dependency");
            record(seen, "released job", () -> alice.job(waiting));
            record(seen, "user hold", () -> alice.userHold(waiting));
            record(seen, "pending job after a user hold", () -> alice.job(waiting));
            record(seen, "release the user hold", () -> alice.release(waiting));
            record(seen, "hold as root", () -> root.hold(waiting));
            record(seen, "pending job held by root", () -> alice.job(waiting));
            record(seen, "release root's hold as a user", () -> alice.release(waiting));
            raw(seen, c, "release root's hold as a user");
            record(seen, "release root's hold as root", () -> root.release(waiting));
            awaitReason(c, alice, waiting, "Dependency");
            record(seen, "pending job released by root", () -> alice.job(waiting));
            record(seen, "lower its time limit and rename it", () -> alice.update(waiting,
                    JobUpdate.builder().timeLimit(Duration.ofMinutes(5)).name(TAG + "-renamed").build()));
            // slurmctld shows no reason right after an update until it looks at the job again
            awaitReason(c, alice, waiting, "Dependency");
            record(seen, "updated job", () -> alice.job(waiting));
            // a pending job's limit may be raised by its user up to the partition's MaxTime, a running one's not
            record(seen, "raise a pending job's time limit as a user", () -> alice.update(waiting,
                    JobUpdate.builder().timeLimit(Duration.ofMinutes(20)).build()));
            raw(seen, c, "raise a pending job's time limit as a user");
            record(seen, "raise a running job's time limit as a user", () -> alice.update(main,
                    JobUpdate.builder().timeLimit(Duration.ofMinutes(20)).build()));
            raw(seen, c, "raise a running job's time limit as a user");
            record(seen, "cancel the job that was held", () -> alice.cancel(waiting));

            // suspend is for operators: refused to alice, done by root
            record(seen, "suspend as a user", () -> alice.suspend(main));
            raw(seen, c, "suspend as a user");
            record(seen, "suspend as root", () -> root.suspend(main));
            record(seen, "suspended job", () -> alice.job(main));
            record(seen, "resume as root", () -> root.resume(main));
            record(seen, "resumed job", () -> alice.job(main));

            // hold of a running job, requeue, cancel
            // a requeued job waits 121 s (BeginTime) before it may start again: looked at while it waits
            record(seen, "requeue", () -> alice.requeue(main));
            // the real job is COMPLETING (its old run being killed) for a moment first
            await(c, alice, main, JobState.Name.PENDING);
            record(seen, "requeued job", () -> alice.job(main));
            // (not its accounting: until the new run's record is written, sacct shows the old run as
            // REQUEUED, with a Reason that depends on timing; seen several ways on the lab)
            record(seen, "cancel", () -> alice.cancel(main));
            await(c, alice, main, JobState.Name.CANCELLED);
            record(seen, "cancelled job", () -> alice.job(main));
            // slurmctld looks at dependencies again on its next scheduling pass
            for (int i = 0; i < 60 && "Dependency".equals(alice.job(dep).status().reason()); i++) {
                c.tick();
            }
            record(seen, "dependent job after its dependency failed", () -> alice.job(dep));
            record(seen, "cancel the dependent job", () -> alice.cancel(dep));

            // an array, a failing job, a completing one
            JobId array = submit(alice, cleanup, base("#!/bin/sh\nsleep 2\n", "array").array("1-3"), seen, "submit an array");
            JobId failing = submit(alice, cleanup, base("#!/bin/sh\nexit 3\n", "failing"), seen, "submit a failing job");
            JobId ok = submit(alice, cleanup, base("#!/bin/sh\nsleep 3\n", "ok").memoryPerNodeMb(300), seen, "submit a job that completes");
            await(c, alice, failing, JobState.Name.FAILED);
            await(c, alice, ok, JobState.Name.COMPLETED);
            for (int task = 1; task <= 3; task++) {
                await(c, alice, new JobId(array.id(), Integer.toString(task), null, null), JobState.Name.COMPLETED);
            }
            record(seen, "array tasks", () -> alice.jobRecords(array));
            // squeue shows the tasks COMPLETED before slurmdbd has all their rows (seen on CI: only the
            // last task's rows): the rows compared are the settled ones, 3 tasks each with both steps
            List<io.github.slurm4j.model.job.AccountingRecord> arrayRows = accounting(alice, array, since);
            for (int waited = 0; waited < 180 && !settledFinished(arrayRows, 3, JobState.Name.COMPLETED); waited++) {
                c.tick();
                arrayRows = accounting(alice, array, since);
            }
            List<io.github.slurm4j.model.job.AccountingRecord> settledArray = arrayRows;
            if (!settledFinished(settledArray, 3, JobState.Name.COMPLETED)) {
                throw new AssertionError("sacct still shows no 3 COMPLETED tasks with their batch and extern steps for array "
                        + array + " 180 ticks after they completed: " + settledArray);
            }
            record(seen, "array in accounting", () -> settledArray);
            record(seen, "failed job", () -> alice.job(failing));
            record(seen, "failed job in accounting", () -> accounting(alice, failing, since));
            record(seen, "completed job", () -> alice.job(ok));
            record(seen, "status of finished jobs", () -> alice.statusOf(List.of(failing, ok)));
            record(seen, "efficiency of a completed job", () -> alice.efficiency(ok));

            // a held array's pending tasks cancelled one by one (the last one leaves the array's own
            // record with no task: ArrayTaskId=4294967294), and a held array cancelled as a whole
            JobId heldArray = submit(alice, cleanup, base("#!/bin/sh\nsleep 1\n", "held-array").array("1-3").hold(), seen, "submit a held array");
            record(seen, "cancel one of its pending tasks", () -> alice.cancel(new JobId(heldArray.id(), "1", null, null)));
            record(seen, "held array after one task was cancelled", () -> alice.jobRecords(heldArray));
            record(seen, "its rows in squeue", () -> alice.jobs(JobQuery.builder().jobIds(List.of(heldArray)).build()));
            record(seen, "cancel its other tasks", () -> List.of(alice.cancel(new JobId(heldArray.id(), "2", null, null)),
                    alice.cancel(new JobId(heldArray.id(), "3", null, null))));
            record(seen, "held array with no task left", () -> alice.jobRecords(heldArray));
            record(seen, "its row in squeue", () -> alice.jobs(JobQuery.builder().jobIds(List.of(heldArray)).build()));
            JobId wholeArray = submit(alice, cleanup, base("#!/bin/sh\nsleep 1\n", "whole-array").array("1-3").hold(), seen, "submit another held array");
            record(seen, "cancel a held array as a whole", () -> alice.cancel(wholeArray));
            record(seen, "array cancelled as a whole", () -> alice.jobRecords(wholeArray));
            record(seen, "its rows in squeue after the whole was cancelled", () -> alice.jobs(JobQuery.builder().jobIds(List.of(wholeArray)).build()));

            // the time limit
            await(c, alice, late, JobState.Name.TIMEOUT);
            record(seen, "timed-out job", () -> alice.job(late));
            record(seen, "timed-out job in accounting", () -> accounting(alice, late, since));

            // refusals: another user's job, an unknown job, an invalid partition
            JobId rootsJob = submit(root, cleanup, base("#!/bin/sh\nsleep 60\n", "roots").hold(), seen, "root submits a held job");
            record(seen, "cancel another user's job", () -> alice.cancel(rootsJob));
            raw(seen, c, "cancel another user's job");
            record(seen, "release another user's job", () -> alice.release(rootsJob));
            raw(seen, c, "release another user's job");
            record(seen, "cancel it as root", () -> root.cancel(rootsJob));
            raw(seen, c, "cancel it as root");
            record(seen, "an unknown job", () -> alice.job(JobId.of(999_999_999L)));
            raw(seen, c, "an unknown job");
            record(seen, "cancel an unknown job", () -> alice.cancel(JobId.of(999_999_999L)));
            raw(seen, c, "cancel an unknown job");
            record(seen, "an unknown user's jobs", () -> alice.jobs(JobQuery.builder().user("nosuchuser").build()));
            raw(seen, c, "an unknown user's jobs");
            record(seen, "submit to a missing partition", () -> alice.submit(base("#!/bin/sh\ntrue\n", "nopart").partition("nosuchpart").build()), cleanup);
            raw(seen, c, "submit to a missing partition");
            JobId[] tooLong = new JobId[1];
            record(seen, "submit past the partition's limit", () -> {
                var r = alice.submit(base("#!/bin/sh\ntrue\n", "toolong").partition("short").timeLimit(Duration.ofMinutes(30)).build());
                tooLong[0] = r.jobId();
                return r;
            }, cleanup);
            if (tooLong[0] != null) {
                // right after submission slurmctld may still say PartitionConfig; its scheduler settles on PartitionTimeLimit
                for (int i = 0; i < 30 && !"PartitionTimeLimit".equals(alice.job(tooLong[0]).status().reason()); i++) {
                    c.tick();
                }
                record(seen, "a job past its partition's limit waits", () -> alice.job(tooLong[0]));
            }
            record(seen, "cancel a finished job", () -> alice.cancel(ok));
            raw(seen, c, "cancel a finished job");
        } finally {
            for (JobId id : cleanup) {
                try {
                    root.cancel(id);
                } catch (RuntimeException ignored) {
                    // finished already
                }
            }
        }
        return seen;
    }

    /**
     * The job's accounting records of this run: a lab whose slurmctld state was reset hands out
     * job ids its database already holds, so a record submitted before the scenario started is
     * not this run's job; slurmdbd's placeholder row is no record of the job (FakeSlurm has none).
     */
    static List<io.github.slurm4j.model.job.AccountingRecord> accounting(SlurmClient client, JobId id, LocalDateTime since) {
        return client.accounting(AccountingQuery.builder().jobIds(List.of(id)).start(since).build()).stream()
                .filter(r -> !r.isPlaceholder())
                .filter(r -> r.submit() == null || r.submit().dateTime() == null || !r.submit().dateTime().isBefore(since))
                .toList();
    }

    static SubmitRequest.Builder base(String script, String name) {
        return SubmitRequest.script(script).name(TAG + "-" + name).workingDirectory("/tmp")
                .output("/tmp/slurm4j-" + TAG + "-%j.out").timeLimit(Duration.ofMinutes(10));
    }

    static JobId submit(SlurmClient client, List<JobId> cleanup, SubmitRequest.Builder request, List<Map.Entry<String, Object>> seen, String step) {
        var result = client.submit(request.build());
        cleanup.add(result.jobId());
        seen.add(Map.entry(step, result));
        return result.jobId();
    }

    static void record(List<Map.Entry<String, Object>> seen, String step, Supplier<Object> action) {
        record(seen, step, action, null);
    }

    /** Records a step's result; a job that a step submitted is added to {@code cleanup}. */
    static void record(List<Map.Entry<String, Object>> seen, String step, Supplier<Object> action, List<JobId> cleanup) {
        Object result;
        try {
            result = action.get();
            if (cleanup != null && result instanceof io.github.slurm4j.model.job.SubmitResult r) {
                cleanup.add(r.jobId());
            }
        } catch (SlurmCommandException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.error().type().wireName());
            error.put("message", e.error().message());
            result = error;
        }
        seen.add(Map.entry(step, result == null ? "null" : result));
    }

    /** A running job's accounting as it settles: the RUNNING job row and its batch and extern steps' rows. */
    static boolean settledRunning(List<io.github.slurm4j.model.job.AccountingRecord> rows) {
        boolean job = rows.stream().anyMatch(r -> !r.jobId().isStep()
                && r.state() != null && r.state().state() == JobState.Name.RUNNING);
        java.util.Set<String> steps = new java.util.HashSet<>();
        rows.forEach(r -> r.jobId().stepName().ifPresent(steps::add));
        return job && steps.contains("batch") && steps.contains("extern");
    }

    /** Finished jobs' accounting as it settles: {@code jobs} job rows in {@code state}, each with its batch and extern step. */
    static boolean settledFinished(List<io.github.slurm4j.model.job.AccountingRecord> rows, int jobs, JobState.Name state) {
        long done = rows.stream().filter(r -> !r.jobId().isStep() && r.state() != null && r.state().state() == state).count();
        long batch = rows.stream().filter(r -> r.jobId().stepName().filter("batch"::equals).isPresent()).count();
        long extern = rows.stream().filter(r -> r.jobId().stepName().filter("extern"::equals).isPresent()).count();
        return done == jobs && batch == jobs && extern == jobs;
    }

    /**
     * Records what the step's last command printed, byte for byte: its arguments, exit code,
     * stdout and stderr (job ids in them compared as the order they were first seen in, as
     * everywhere). Only for outputs that hold no time and no measured value.
     */
    static void raw(List<Map.Entry<String, Object>> seen, Cluster c, String step) {
        ExecResult r = c.last();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", r.command());
        m.put("exitCode", r.exitCode());
        m.put("stdout", r.stdout());
        m.put("stderr", r.stderr());
        seen.add(Map.entry(step + ", as printed", m));
    }

    /** Waits until the pending job shows {@code reason}: slurmctld gives it on its next look at the job. */
    static void awaitReason(Cluster c, SlurmClient client, JobId id, String reason) {
        for (int i = 0; i < 30 && !reason.equals(client.job(id).status().reason()); i++) {
            c.tick();
        }
    }

    static void await(Cluster c, SlurmClient client, JobId id, JobState.Name state) {
        // a job that just started may show reason Prolog (the lab's PrologFlags=Contain runs the
        // extern step first; seen on CI) until its prolog ends: a running job is awaited settled
        Predicate<JobStatus> done = s -> s != null && s.state().state() == state
                && (state != JobState.Name.RUNNING || s.reason() == null);
        for (int i = 0; i < 240; i++) {
            JobStatus s = client.statusOf(List.of(id)).get(id);
            if (done.test(s)) {
                return;
            }
            c.tick();
        }
        throw new AssertionError("job " + id + " did not reach " + state + " in 240 ticks: " + client.statusOf(List.of(id)).get(id));
    }

    // ------------------------------------------------------------------ comparing

    /** Record components left out, by name (see the class comment for why). */
    static final Set<String> LEFT_OUT = Set.of("allocSid", "scheduler", "cpuIds", "totalCpu", "userCpu", "systemCpu",
            "maxRss", "maxRssNode", "aveRss", "maxVmSize", "tresUsageInMax", "tresUsageInTot", "flags",
            "cpuUtilizedSeconds", "cpuEfficiencyPercent", "memoryUtilizedBytes", "memoryEfficiencyPercent", "duration");

    /**
     * A node's state and usage are left out: the lab is shared, and whatever other users' jobs
     * hold of it when it is listed is not the fake's (the fake is seeded from the lab's node, then
     * runs only this scenario's jobs).
     */
    static final Set<String> NODE_LEFT_OUT = Set.of("state", "usage");

    /** Turns typed results into maps of plain values, ids replaced by the order they were first seen in. */
    static final class Normalizer {
        private final Map<Long, String> ids = new LinkedHashMap<>();

        List<Map.Entry<String, Object>> all(List<Map.Entry<String, Object>> steps) {
            List<Map.Entry<String, Object>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : steps) {
                Object v = e.getValue();
                Object n = normalize(v, "");
                out.add(Map.entry(e.getKey(), n == null ? "null" : n));
            }
            return out;
        }

        private String alias(long id) {
            return ids.computeIfAbsent(id, k -> "J" + (ids.size() + 1));
        }

        /**
         * A number standing alone (not inside a word such as {@code slurm4j}, nor an array task
         * index after its job id's {@code _}: FakeSlurm's small ids would alias {@code 11_1}'s 1).
         */
        private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_])\\d{1,10}(?![A-Za-z0-9])");

        /** Names of values that are or hold job ids: every number in them is an id. */
        private static final Pattern ID_NAME = Pattern.compile("(?i)jobid|jobidraw|job_id_raw|arrayjobid|jobarrayid|job id|id");

        /** Names of values that may mention job ids among other numbers: only numbers already seen as ids are replaced. */
        private static final Set<String> MENTIONS = Set.of("message", "messages", "stdOut", "stdErr", "dependency",
                "STD_OUT", "WORK_DIR", "stdout", "stderr");

        /**
         * An argument of a raw command that is a job id ({@code 28830}, {@code 28830_2},
         * {@code JobId=28830}); other numbers in arguments ({@code --time=10}) are not ids.
         */
        private static final Pattern ID_ARGUMENT = Pattern.compile("((?i)jobid=)?(\\d{1,10})(_\\d+)?");

        /** Keys of accounting's typed values and of seff's printed lines that are times, ids or measured usage. */
        private static final Pattern LEFT_OUT_KEY = Pattern.compile(
                "AVE_RSS|MAX_RSS|MAX_VM_SIZE|TRES_USAGE_IN_MAX|TRES_USAGE_IN_TOT|TOTAL_CPU|USER_CPU|SYSTEM_CPU|ELAPSED_RAW"
                        + "|CPU_TIME_RAW|FLAGS|.*Utilized.*|.*Efficiency.*|Job Wall-clock time|CPU Utilized");

        Object normalize(Object v, String name) {
            if (v == null || v instanceof SlurmTime || v instanceof Duration || v instanceof Instant
                    || v instanceof LocalDateTime || v instanceof ZonedDateTime) {
                return null;
            }
            if (v instanceof JobId id) {
                return alias(id.id()) + (id.arrayTask() == null ? "" : "_" + id.arrayTask())
                        + (id.hetOffset() == null ? "" : "+" + id.hetOffset()) + (id.step() == null ? "" : "." + id.step());
            }
            if (name.equalsIgnoreCase("priority") || name.equalsIgnoreCase("prioritylong")) {
                String p = String.valueOf(v);
                return p.equals("0") ? "0" : "positive";
            }
            if (name.equals("command") && v instanceof List<?> argv) {
                List<Object> out = new ArrayList<>();
                for (Object a : argv) {
                    Matcher m = ID_ARGUMENT.matcher(String.valueOf(a));
                    out.add(m.matches() && ids.containsKey(Long.parseLong(m.group(2)))
                            ? (m.group(1) == null ? "" : m.group(1)) + alias(Long.parseLong(m.group(2)))
                                    + (m.group(3) == null ? "" : m.group(3)) : a);
                }
                return out;
            }
            boolean idName = ID_NAME.matcher(name).matches();
            if (idName && v instanceof Number n) {
                return alias(n.longValue());
            }
            if (v instanceof String s && (idName || MENTIONS.contains(name))) {
                Matcher m = NUMBER.matcher(s);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    long n = Long.parseLong(m.group());
                    m.appendReplacement(sb, idName || ids.containsKey(n) ? alias(n) : m.group());
                }
                m.appendTail(sb);
                return sb.toString();
            }
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Record r) {
                Map<String, Object> out = new TreeMap<>();
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    if (LEFT_OUT.contains(rc.getName())
                            || (r.getClass().getSimpleName().equals("AccountingValues") && rc.getName().equals("raw"))
                            || (r instanceof Node && NODE_LEFT_OUT.contains(rc.getName()))) {
                        // accounting's raw columns are compared through their typed values
                        continue;
                    }
                    try {
                        Object value = rc.getAccessor().invoke(r);
                        out.put(rc.getName(), normalize(value, rc.getName()));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return out;
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new TreeMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (LEFT_OUT_KEY.matcher(String.valueOf(e.getKey())).matches()) {
                        continue;
                    }
                    Object key = normalize(e.getKey(), "jobId");
                    out.put(String.valueOf(key), normalize(e.getValue(), String.valueOf(e.getKey())));
                }
                return out;
            }
            if (v instanceof Collection<?> c) {
                List<Object> out = new ArrayList<>();
                for (Object o : c) {
                    out.add(normalize(o, name));
                }
                return out;
            }
            if (v instanceof Enum<?> || v instanceof Number || v instanceof Boolean) {
                return v;
            }
            return v.toString();
        }
    }

    static void diff(String path, Object real, Object fake, List<String> out) {
        if (real instanceof Map<?, ?> a && fake instanceof Map<?, ?> b) {
            Set<Object> keys = new java.util.TreeSet<>(Comparator());
            keys.addAll(a.keySet());
            keys.addAll(b.keySet());
            for (Object k : keys) {
                diff(path + "." + k, a.get(k), b.get(k), out);
            }
        } else if (real instanceof List<?> a && fake instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!java.util.Objects.equals(real, fake)) {
            out.add(path + ": " + real + " vs " + fake);
        }
    }

    private static java.util.Comparator<Object> Comparator() {
        return java.util.Comparator.comparing(String::valueOf);
    }
}
