package io.github.slurm4j.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.slurm.AccountingQuery;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.jobs.JobConf;
import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.jobs.LabSession;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The watcher against the lab's real Slurm through the subclass's shell (local as root; SSH as
 * alice): a job seen pending, running and completed; a cancelled one; one that ends between two
 * cycles; a job only accounting still knows; and slurmctld stopped and started again while jobs
 * run — on the Slurm 24.11 cluster of the lab, so that the tests of others on 22.05 go on. Jobs
 * are named {@code w12-...}, run for seconds, and are all cancelled at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobWatcherIT {
    static final String NONCE = UUID.randomUUID().toString().substring(0, 6);

    /** The lab session of each cluster used, closed at the end. */
    final Map<LabCluster, LabSession> sessions = new LinkedHashMap<>();

    /** A shell to {@code cluster} as the subclass's user. */
    protected abstract Shell createShell(LabCluster cluster);

    /** The shell's user. */
    protected abstract String user();

    @BeforeAll
    void setUp() {
        Lab.requireSlurm();
    }

    @AfterAll
    void tearDown() {
        for (LabSession session : sessions.values()) {
            try {
                session.close();
            } catch (RuntimeException x) {
                // best effort: the jobs have a 5-minute limit
            }
        }
    }

    SlurmJobs jobs(LabCluster cluster) {
        return session(cluster).jobs();
    }

    private LabSession session(LabCluster cluster) {
        // a timeout below Slurm's own retries (about 9 s for squeue with slurmctld down):
        // the client then asks scontrol ping and says controller_unavailable
        return sessions.computeIfAbsent(cluster, c -> LabSession.open(c, () -> createShell(c),
                b -> SlurmJobs.builder().cluster(b.timeout(Duration.ofSeconds(6)).build())));
    }

    JobId submit(LabCluster cluster, String name, String script, JobConf.Builder extra) {
        JobConf.Builder b = extra == null ? JobConf.builder() : extra;
        JobConf conf = b.script(script).name("w12-" + name + "-" + NONCE).output("/dev/null").workDir("/tmp")
                .timeLimitMinutes(5).build();
        return session(cluster).track(jobs(cluster).submit("lab", conf).jobId());
    }

    static JobWatcher.Builder watcher(SlurmJobs jobs, List<WatchEvent> sink) {
        return JobWatcher.builder(jobs, "lab").interval(Duration.ofMillis(500)).maxInterval(Duration.ofSeconds(2))
                .listener(JobListener.of(sink::add));
    }

    static List<JobEvent> jobEvents(List<WatchEvent> events, JobId id) {
        return events.stream().filter(e -> e instanceof JobEvent j && j.job().equals(id)).map(e -> (JobEvent) e).toList();
    }

    static void await(String what, Duration max, BooleanSupplier done) {
        Instant until = Instant.now().plus(max);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + max + ": " + what);
            }
            sleep(200);
        }
    }

    static void sleep(long ms) {
        LabSession.sleep(ms);
    }

    /** Each event starts where the one before ended, and exactly the last one is the end. */
    static void assertChained(List<JobEvent> events) {
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).from()).isNull();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).from()).as("event %d of %s", i, events).isEqualTo(events.get(i - 1).to());
            assertThat(events.get(i).to()).isNotEqualTo(events.get(i).from());
        }
        assertThat(events.stream().filter(JobEvent::isTerminal)).as("%s", events).hasSize(1);
        assertThat(events.get(events.size() - 1).isTerminal()).as("%s", events).isTrue();
    }

    @Test
    void aJobSeenPendingRunningAndCompleted() {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        try (JobWatcher w = watcher(jobs(Lab.SLURM_22_05), events).build()) {
            // eligible in 4 s: pending (BeginTime) for the first cycles
            JobId id = submit(Lab.SLURM_22_05, "life", "#!/bin/sh\nsleep 3\n", JobConf.builder().begin("now+4"));
            w.watch(id);
            w.start();
            await("the end of " + id, Duration.ofSeconds(90), () -> jobEvents(events, id).stream().anyMatch(JobEvent::isTerminal));
            sleep(1500); // a few more cycles: nothing more may come
            List<JobEvent> mine = jobEvents(events, id);
            assertChained(mine);
            assertThat(mine.get(0).to()).isEqualTo(JobPhase.QUEUED);
            assertThat(mine.get(0).status().reasonCode()).isEqualTo("BeginTime");
            assertThat(mine).extracting(JobEvent::to).contains(JobPhase.RUNNING);
            JobEvent end = mine.get(mine.size() - 1);
            assertThat(end.to()).isEqualTo(JobPhase.FINISHED);
            assertThat(end.status().state().state()).isEqualTo(JobState.Name.COMPLETED);
            assertThat(end.user()).isEqualTo(user());
            assertThat(events).noneMatch(e -> e instanceof OutageEvent || e instanceof JobUnknownEvent);
            assertThat(w.watched()).isEmpty();
        }
    }

    @Test
    void aCancelledJob() {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        SlurmJobs jobs = jobs(Lab.SLURM_22_05);
        try (JobWatcher w = watcher(jobs, events).build()) {
            JobId id = submit(Lab.SLURM_22_05, "cancel", "#!/bin/sh\nsleep 300\n", null);
            w.watch(id);
            w.start();
            await("running", Duration.ofSeconds(60), () -> jobEvents(events, id).stream().anyMatch(e -> e.to() == JobPhase.RUNNING));
            jobs.cancel("lab", id);
            await("the end of " + id, Duration.ofSeconds(60), () -> jobEvents(events, id).stream().anyMatch(JobEvent::isTerminal));
            sleep(1500);
            List<JobEvent> mine = jobEvents(events, id);
            assertChained(mine);
            JobEvent end = mine.get(mine.size() - 1);
            assertThat(end.from()).isEqualTo(JobPhase.RUNNING);
            assertThat(end.to()).isEqualTo(JobPhase.FINISHED);
            assertThat(end.status().state().state()).isEqualTo(JobState.Name.CANCELLED);
            assertThat(end.status().reasonCode()).isEqualTo("CANCELLED");
        }
    }

    /** A long interval: the job starts, runs and ends between two cycles (cycles run by hand here). */
    @Test
    void aJobThatEndsBetweenTwoCycles() {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        SlurmJobs jobs = jobs(Lab.SLURM_22_05);
        JobWatcher w = watcher(jobs, events).interval(Duration.ofMinutes(10)).maxInterval(Duration.ofMinutes(10)).build();
        JobId seen = submit(Lab.SLURM_22_05, "between", "#!/bin/sh\nsleep 2\nexit 3\n", null);
        w.watch(seen);
        WatchCycle first = w.poll();
        assertThat(first.commands()).isEqualTo(1);
        JobId unseen = submit(Lab.SLURM_22_05, "unseen", "#!/bin/sh\nexit 0\n", null);
        w.watch(unseen);
        SlurmClient client = jobs.client("lab");
        client.awaitFinished(seen, Duration.ofSeconds(60));
        client.awaitFinished(unseen, Duration.ofSeconds(60));
        WatchCycle second = w.poll();
        assertThat(second.squeueCalls()).isEqualTo(1);
        assertThat(second.sacctCalls()).as("slurmctld still lists ended jobs (MinJobAge)").isZero();
        w.poll();

        List<JobEvent> a = jobEvents(events, seen);
        assertChained(a);
        assertThat(a.get(a.size() - 1).to()).isEqualTo(JobPhase.FAILED);
        assertThat(a.get(a.size() - 1).status().reasonCode()).isEqualTo("NonZeroExitCode");
        assertThat(a).hasSizeLessThanOrEqualTo(2);
        assertThat(jobEvents(events, unseen)).singleElement().satisfies(e -> {
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(JobPhase.FINISHED);
        });
        w.close();
    }

    /** A job slurmctld has forgotten (ended over an hour ago, MinJobAge): squeue refuses its id, sacct has its end. */
    @Test
    void aJobOnlyAccountingStillKnows() {
        SlurmJobs jobs = jobs(Lab.SLURM_22_05);
        SlurmClient client = jobs.client("lab");
        LocalDateTime end = LocalDateTime.now().minusHours(2);
        List<AccountingRecord> old = client.accounting(AccountingQuery.builder().allocationsOnly().user(user())
                .state(JobState.Name.COMPLETED).start(end.minusDays(30)).end(end).build());
        JobId id = null;
        for (AccountingRecord r : old) {
            if (r.jobId() != null && !r.jobId().isArray() && !r.jobId().isStep() && r.end() != null
                    && r.end().asLocalDateTime().map(t -> t.isBefore(end)).orElse(false)) {
                JobId candidate = JobId.of(r.jobId().id());
                try {
                    client.job(candidate);
                } catch (SlurmCommandException e) {
                    if (e.type() == SlurmErrorType.JOB_NOT_FOUND) {
                        id = candidate; // slurmctld does not know it any more
                    }
                }
            }
            if (id != null) {
                break;
            }
        }
        Assumptions.assumeTrue(id != null, "no job of " + user() + " that ended 2 h to 30 days ago (a fresh lab)");
        List<WatchEvent> events = new ArrayList<>();
        JobWatcher w = watcher(jobs, events).build();
        w.watch(id);
        WatchCycle c = w.poll();
        assertThat(c.commands()).isEqualTo(2);
        JobId watched = id;
        assertThat(jobEvents(events, watched)).singleElement().satisfies(e -> {
            assertThat(e.from()).isNull();
            assertThat(e.isTerminal()).isTrue();
            assertThat(e.exitCode()).isNotNull();
        });
        assertThat(w.poll().commands()).isZero();
        w.close();
    }

    /**
     * slurmctld stopped for about 20 s and started again, on Slurm 24.11, while one job runs on and
     * another ends: one outage event and one recovery, no job event in between, no end of the job
     * that runs on; the other job's end after the recovery, once.
     */
    @Test
    void slurmctldStoppedAndStartedAgain() {
        LabCluster c = Lab.SLURM_24_11;
        c.requireSlurm();
        SlurmJobs jobs = jobs(c);
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        JobId runsOn = submit(c, "runs-on", "#!/bin/sh\nsleep 240\n", null);
        JobId ends = submit(c, "ends", "#!/bin/sh\nsleep 12\n", null);
        try (JobWatcher w = watcher(jobs, events).maxInterval(Duration.ofSeconds(4)).build()) {
            w.watch(List.of(runsOn, ends));
            w.start();
            await("both running", Duration.ofSeconds(180), () -> jobEvents(events, runsOn).stream().anyMatch(e -> e.to() == JobPhase.RUNNING)
                    && jobEvents(events, ends).stream().anyMatch(e -> e.to() == JobPhase.RUNNING));
            int before = events.size();
            int outageAt;
            try {
                c.control("stop", "slurmctld");
                await("the outage event", Duration.ofSeconds(60), () -> events.stream().anyMatch(e -> e instanceof OutageEvent));
                sleep(20_000); // 'ends' ends meanwhile; the watcher backs off and keeps failing
                outageAt = events.size();
            } finally {
                c.control("start", "slurmctld");
            }
            await("the recovery", Duration.ofSeconds(90), () -> events.stream().anyMatch(e -> e instanceof RecoveryEvent));
            await("the end of " + ends, Duration.ofSeconds(90), () -> jobEvents(events, ends).stream().anyMatch(JobEvent::isTerminal));
            sleep(3000);

            List<WatchEvent> during = events.subList(before, outageAt);
            assertThat(during).as("events while slurmctld was stopped").singleElement().isInstanceOfSatisfying(OutageEvent.class, o -> {
                assertThat(o.service()).isEqualTo(OutageEvent.Service.CONTROLLER);
                assertThat(o.cause()).isInstanceOfSatisfying(SlurmCommandException.class,
                        e -> assertThat(e.type()).as(e.getMessage()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
            });
            assertThat(events).filteredOn(e -> e instanceof OutageEvent).hasSize(1);
            assertThat(events).filteredOn(e -> e instanceof RecoveryEvent).singleElement()
                    .satisfies(r -> assertThat(((RecoveryEvent) r).service()).isEqualTo(OutageEvent.Service.CONTROLLER));
            assertThat(events).noneMatch(e -> e instanceof JobUnknownEvent);
            List<JobEvent> a = jobEvents(events, runsOn);
            assertThat(a).as("the job that runs on").extracting(JobEvent::to).doesNotContain(JobPhase.FINISHED, JobPhase.FAILED,
                    JobPhase.ERROR);
            List<JobEvent> b = jobEvents(events, ends);
            assertChained(b);
            assertThat(b.get(b.size() - 1).to()).isEqualTo(JobPhase.FINISHED);
            assertThat(b.get(b.size() - 1).status().state().state()).isEqualTo(JobState.Name.COMPLETED);

            // and the one that ran on ends normally, once
            jobs.cancel("lab", runsOn);
            await("the end of " + runsOn, Duration.ofSeconds(60), () -> jobEvents(events, runsOn).stream().anyMatch(JobEvent::isTerminal));
            sleep(1500);
            assertChained(jobEvents(events, runsOn));
        } finally {
            if (!controllerUp(jobs.client("lab"))) {
                c.control("start", "slurmctld");
            }
        }
    }

    static boolean controllerUp(SlurmClient client) {
        try {
            return client.ping().stream().anyMatch(ControllerStatus::up);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
