package io.github.slurm4j.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.testkit.FakeSlurm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The watcher's rules on a simulated cluster whose clock moves only when the test says so. */
class JobWatcherTest {
    private static final Duration BASE = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofSeconds(40);
    private static final Duration UNKNOWN_AFTER = Duration.ofMinutes(2);

    private FakeSlurm fake = FakeSlurm.builder().build();
    private final List<WatchEvent> events = new CopyOnWriteArrayList<>();

    private final Clock clock = new Clock() {
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
            return fake.now();
        }
    };

    private JobWatcher.Builder watcher(Shell shell) {
        return JobWatcher.builder(SlurmClient.builder(shell).zone(ZoneId.of("UTC")).build()).cluster("lab").clock(clock)
                .interval(BASE).maxInterval(MAX).unknownAfter(UNKNOWN_AFTER).listener(JobListener.of(events::add));
    }

    private JobWatcher watcher() {
        return watcher(fake).build();
    }

    private JobId submit(String script) {
        return submit(fake, SubmitRequest.script(script).name("w").cpusPerTask(1));
    }

    private static JobId submit(FakeSlurm as, SubmitRequest.Builder b) {
        return new SlurmClient(as).submit(b.build()).jobId();
    }

    /** Occupies every CPU of the fake's one node for {@code seconds}. */
    private JobId blocker(int seconds) {
        return submit(fake, SubmitRequest.script("#!/bin/sh\nsleep " + seconds + "\n").name("blocker").cpusPerTask(8));
    }

    private List<JobEvent> jobEvents() {
        return events.stream().filter(e -> e instanceof JobEvent).map(e -> (JobEvent) e).toList();
    }

    private List<JobEvent> jobEvents(JobId id) {
        return jobEvents().stream().filter(e -> e.job().equals(id)).toList();
    }

    private <T extends WatchEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String phases(List<JobEvent> list) {
        List<String> out = new ArrayList<>();
        for (JobEvent e : list) {
            out.add(e.from() + ">" + e.to());
        }
        return String.join(" ", out);
    }

    // ------------------------------------------------------------------ the life of a job

    @Test
    void pendingRunningCompletedOneEventEachAndOneSqueuePerCycle() {
        blocker(30);
        JobId id = submit("#!/bin/sh\nsleep 60\n");
        JobWatcher w = watcher();
        w.watch(id);

        WatchCycle c1 = w.poll();
        assertThat(c1.squeueCalls()).isEqualTo(1);
        assertThat(c1.sacctCalls()).isZero();
        assertThat(fake.count("squeue")).isEqualTo(1);
        assertThat(fake.requests().get(fake.requests().size() - 1).command())
                .contains("--jobs=" + id, "--states=all");
        fake.advance(Duration.ofSeconds(31));
        w.poll();
        fake.advance(Duration.ofSeconds(30));
        w.poll(); // still running: no event
        fake.advance(Duration.ofSeconds(31));
        WatchCycle end = w.poll();

        assertThat(phases(jobEvents(id))).isEqualTo("null>QUEUED QUEUED>RUNNING RUNNING>FINISHED");
        JobEvent last = jobEvents(id).get(2);
        assertThat(last.isTerminal()).isTrue();
        assertThat(last.status().state().raw()).isEqualTo("COMPLETED");
        assertThat(last.user()).isEqualTo("alice");
        assertThat(last.exitCode()).isNull(); // from the queue
        assertThat(jobEvents(id).get(0).status().reasonCode()).isEqualTo("Resources");
        assertThat(end.events()).hasSize(1);
        assertThat(fake.count("squeue")).isEqualTo(4);
        assertThat(fake.count("sacct")).isZero();

        // ended: no longer watched, no further command
        WatchCycle after = w.poll();
        assertThat(after.commands()).isZero();
        assertThat(after.watched()).isZero();
        assertThat(w.watched()).isEmpty();
        assertThat(jobEvents(id)).hasSize(3);
    }

    @Test
    void aJobThatEndedBetweenTwoPollsGetsItsEndOnceFromTheLastPhaseSeen() {
        JobId quick = submit("#!/bin/sh\nsleep 10\n");
        JobId failing = submit("#!/bin/sh\nsleep 10\nexit 3\n");
        JobWatcher w = watcher();
        w.watch(List.of(quick, failing));
        w.poll();
        fake.advance(Duration.ofMinutes(5)); // a long interval: both run and end in between
        w.poll();
        w.poll();
        assertThat(phases(jobEvents(quick))).isEqualTo("null>RUNNING RUNNING>FINISHED");
        assertThat(phases(jobEvents(failing))).isEqualTo("null>RUNNING RUNNING>FAILED");
        assertThat(jobEvents(failing).get(1).status().reasonCode()).isEqualTo("NonZeroExitCode");
    }

    @Test
    void aJobNeverSeenRunningIsReportedFromNullStraightToItsEnd() {
        blocker(20);
        JobId id = submit("#!/bin/sh\nsleep 5\n");
        fake.advance(Duration.ofMinutes(1)); // pending, runs and ends before the first poll
        JobWatcher w = watcher();
        w.watch(id);
        w.poll();
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>FINISHED");
    }

    @Test
    void aJobThatLeftTheQueueUnseenEndsWithAccountingsStateAndExitCode() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build(); // slurmctld forgets a job as it ends
        JobId id = submit("#!/bin/sh\nsleep 10\nexit 2\n");
        JobWatcher w = watcher();
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofMinutes(1));
        WatchCycle c = w.poll();
        assertThat(c.squeueCalls()).isEqualTo(1);
        assertThat(c.sacctCalls()).isEqualTo(1);
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING RUNNING>FAILED");
        JobEvent end = jobEvents(id).get(1);
        assertThat(end.exitCode()).isEqualTo(new ExitCode(2, 0));
        assertThat(end.user()).isEqualTo("alice");
        assertThat(w.poll().commands()).isZero();
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void anEndIsDeliveredOnceAcrossPollsAUserWatchAndASecondWatcherSharingTheSet() {
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        InMemoryDeliveredEvents shared = new InMemoryDeliveredEvents(Duration.ofDays(1), clock);
        JobWatcher w = watcher(fake).deliveredEvents(shared).build();
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            w.poll();
        }
        // slurmctld still lists the ended job (MinJobAge): a watch of its user sees it again
        w.watchUser("alice");
        w.poll();
        w.poll();
        // another instance (a restarted application) with the same delivered-events set
        List<WatchEvent> other = new ArrayList<>();
        JobWatcher w2 = watcher(fake).deliveredEvents(shared).listener(JobListener.of(other::add)).build();
        w2.watch(id);
        w2.watchUser("alice");
        w2.poll();
        w2.poll();
        assertThat(jobEvents(id).stream().filter(JobEvent::isTerminal)).hasSize(1);
        assertThat(other).isEmpty();
        assertThat(shared.size()).isEqualTo(1);
        // the same set without the claim: a watcher of its own would deliver it
        List<WatchEvent> fresh = new ArrayList<>();
        JobWatcher w3 = watcher(fake).listener(JobListener.of(fresh::add)).build();
        w3.watch(id);
        w3.poll();
        assertThat(fresh).singleElement().satisfies(e -> assertThat(((JobEvent) e).to()).isEqualTo(JobPhase.FINISHED));
    }

    @Test
    void anEndIsHeldBackWhileTheDeliveredSetIsDownThenDeliveredOnce() {
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        AtomicInteger failures = new AtomicInteger(2);
        InMemoryDeliveredEvents mem = new InMemoryDeliveredEvents(Duration.ofDays(1), clock);
        DeliveredEvents flaky = (cluster, job) -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("store down");
            }
            return mem.claim(cluster, job);
        };
        JobWatcher w = watcher(fake).deliveredEvents(flaky).build();
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofSeconds(20));
        w.poll();
        w.poll();
        assertThat(jobEvents(id).stream().filter(JobEvent::isTerminal)).isEmpty();
        assertThat(eventsOf(OutageEvent.class)).singleElement()
                .satisfies(o -> assertThat(o.service()).isEqualTo(OutageEvent.Service.DELIVERED_EVENTS));
        w.poll();
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING RUNNING>FINISHED");
        assertThat(eventsOf(RecoveryEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.service()).isEqualTo(OutageEvent.Service.DELIVERED_EVENTS));
    }

    // ------------------------------------------------------------------ missing is not finished

    @Test
    void aJobThatVanishedWhileAccountingIsDownStaysUnknownThenIsReportedUnknownNeverEnded() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build();
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        JobWatcher w = watcher();
        w.watch(id);
        w.poll();
        fake.accountingDown(true);
        fake.advance(Duration.ofSeconds(15)); // ends and is forgotten by slurmctld
        WatchCycle c = w.poll();
        assertThat(c.sacctCalls()).isEqualTo(1);
        assertThat(eventsOf(OutageEvent.class)).singleElement()
                .satisfies(o -> assertThat(o.service()).isEqualTo(OutageEvent.Service.ACCOUNTING));
        for (int i = 0; i < 3; i++) {
            fake.advance(Duration.ofSeconds(30)); // 1 min 45 s missing: still within unknownAfter
            w.poll();
        }
        assertThat(eventsOf(JobUnknownEvent.class)).isEmpty();
        assertThat(w.watched()).containsExactly(id);
        fake.advance(Duration.ofSeconds(30));
        w.poll();
        w.poll();
        fake.advance(Duration.ofMinutes(10));
        w.poll();
        assertThat(eventsOf(JobUnknownEvent.class)).singleElement().satisfies(u -> {
            assertThat(u.job()).isEqualTo(id);
            assertThat(u.lastPhase()).isEqualTo(JobPhase.RUNNING);
            assertThat(u.reason()).startsWith("accounting unavailable: ");
            assertThat(Duration.between(u.missingSince(), u.at())).isGreaterThanOrEqualTo(UNKNOWN_AFTER);
        });
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING");
        assertThat(eventsOf(OutageEvent.class)).hasSize(1);

        // accounting back: the real end, once, after the unknown report
        fake.accountingDown(false);
        w.poll();
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING RUNNING>FINISHED");
        assertThat(jobEvents(id).get(1).exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(eventsOf(RecoveryEvent.class)).singleElement()
                .satisfies(r -> assertThat(r.service()).isEqualTo(OutageEvent.Service.ACCOUNTING));
    }

    @Test
    void anUnknownJobIsForgottenAfterForgetUnknownAfter() {
        JobWatcher w = watcher(fake).forgetUnknownAfter(Duration.ofMinutes(10)).build();
        JobId nowhere = JobId.of(4242);
        w.watch(nowhere);
        w.poll(); // squeue: invalid job id; sacct: no record
        fake.advance(UNKNOWN_AFTER);
        w.poll();
        assertThat(eventsOf(JobUnknownEvent.class)).singleElement().satisfies(u -> {
            assertThat(u.lastPhase()).isNull();
            assertThat(u.reason()).isEqualTo("accounting has no record of it");
        });
        fake.advance(Duration.ofMinutes(9));
        assertThat(w.poll().commands()).isEqualTo(2);
        fake.advance(Duration.ofMinutes(1));
        w.poll();
        assertThat(w.watched()).isEmpty();
        assertThat(w.poll().commands()).isZero();
        assertThat(jobEvents()).isEmpty();
    }

    @Test
    void slurmdbdsPlaceholderRowIsNotAnEnd() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build();
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        // sacct answers with the placeholder row slurmdbd shows for a job it has not stored yet
        boolean[] placeholder = {true};
        Shell shell = new Answering(fake, r -> r.command().get(0).equals("sacct") && placeholder[0]
                ? ok(placeholderRows(r.command(), id)) : null);
        JobWatcher w = watcher(shell).build();
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofSeconds(30));
        w.poll();
        fake.advance(UNKNOWN_AFTER);
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING");
        assertThat(eventsOf(JobUnknownEvent.class)).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("placeholder"));
        placeholder[0] = false;
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING RUNNING>FINISHED");
    }

    @Test
    void anAccountingRowOfAnOlderJobUnderTheSameIdIsNotThisJobsEnd() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build();
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        Shell shell = new Answering(fake, r -> {
            if (!r.command().get(0).equals("sacct")) {
                return null;
            }
            // the same id, COMPLETED, submitted 30 days earlier (a database reset reused the id)
            ExecResult real = fake.run(r);
            String out = real.stdout().replaceAll("2026-01-0[45]T", "2025-12-06T");
            return ok(out);
        });
        JobWatcher w = watcher(shell).build();
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofSeconds(30));
        w.poll();
        fake.advance(UNKNOWN_AFTER);
        w.poll();
        assertThat(phases(jobEvents(id))).isEqualTo("null>RUNNING");
        assertThat(eventsOf(JobUnknownEvent.class)).hasSize(1);
    }

    // ------------------------------------------------------------------ outages and back-off

    @Test
    void aControllerOutageIsOneEventWithNoJobEventsThenOneRecovery() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build();
        JobId running = submit("#!/bin/sh\nsleep 600\n");
        JobId ending = submit("#!/bin/sh\nsleep 60\n");
        JobWatcher w = watcher();
        w.watch(List.of(running, ending));
        w.poll();
        int sacctBefore = fake.count("sacct");
        fake.controllerDown(true);
        for (int i = 0; i < 5; i++) {
            fake.advance(Duration.ofSeconds(30)); // 'ending' ends (and is forgotten) during the outage
            WatchCycle c = w.poll();
            assertThat(c.sacctCalls()).isZero();
        }
        assertThat(fake.count("sacct")).isEqualTo(sacctBefore);
        assertThat(eventsOf(OutageEvent.class)).singleElement().satisfies(o -> {
            assertThat(o.service()).isEqualTo(OutageEvent.Service.CONTROLLER);
            assertThat(((SlurmCommandException) o.cause()).type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE);
        });
        assertThat(phases(jobEvents())).isEqualTo("null>RUNNING null>RUNNING");

        fake.controllerDown(false);
        w.poll();
        w.poll();
        assertThat(eventsOf(RecoveryEvent.class)).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo(OutageEvent.Service.CONTROLLER);
            assertThat(r.duration()).isEqualTo(Duration.ofSeconds(120));
        });
        assertThat(phases(jobEvents(running))).isEqualTo("null>RUNNING");
        assertThat(phases(jobEvents(ending))).isEqualTo("null>RUNNING RUNNING>FINISHED");
        assertThat(jobEvents(ending).get(1).exitCode()).isEqualTo(ExitCode.SUCCESS); // read from accounting
        assertThat(eventsOf(JobUnknownEvent.class)).isEmpty();
    }

    @Test
    void theIntervalDoublesWhileNothingChangesAndReturnsToTheBaseOnChange() {
        JobId id = submit("#!/bin/sh\nsleep 300\n");
        JobWatcher w = watcher();
        w.watch(id);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            WatchCycle c = w.poll();
            delays.add(c.nextDelay());
            fake.advance(c.nextDelay());
        }
        assertThat(delays).containsExactly(BASE, BASE.multipliedBy(2), BASE.multipliedBy(4), MAX, MAX, MAX);
        assertThat(w.currentInterval()).isEqualTo(MAX);

        // an outage is a change, then backs off; the recovery is a change
        fake.controllerDown(true);
        assertThat(w.poll().nextDelay()).isEqualTo(BASE);
        assertThat(w.poll().nextDelay()).isEqualTo(BASE.multipliedBy(2));
        assertThat(w.poll().nextDelay()).isEqualTo(BASE.multipliedBy(4));
        fake.controllerDown(false);
        assertThat(w.poll().nextDelay()).isEqualTo(BASE);
        assertThat(w.poll().nextDelay()).isEqualTo(BASE.multipliedBy(2));

        // a new registration is a change
        w.watch(submit("#!/bin/sh\nsleep 300\n"));
        assertThat(w.poll().nextDelay()).isEqualTo(BASE);
        assertThat(w.poll().nextDelay()).isEqualTo(BASE.multipliedBy(2));
        assertThat(w.poll().nextDelay()).isEqualTo(BASE.multipliedBy(4));
        // the job's end is a change
        fake.advance(Duration.ofMinutes(10));
        assertThat(w.poll().nextDelay()).isEqualTo(BASE);
        assertThat(jobEvents().stream().filter(JobEvent::isTerminal)).hasSize(2);
    }

    // ------------------------------------------------------------------ users, arrays, many jobs

    @Test
    void aUserWatchPicksUpTheUsersNewJobsAndOnlyTheirs() {
        JobWatcher w = watcher();
        w.watchUser("bob");
        WatchCycle empty = w.poll();
        assertThat(empty.squeueCalls()).isEqualTo(1);
        assertThat(empty.events()).isEmpty();
        ExecRequest q = fake.requests().get(fake.requests().size() - 1);
        assertThat(q.command()).contains("--user=bob").noneMatch(a -> a.startsWith("--jobs="))
                .anyMatch(a -> a.startsWith("--states=") && a.contains("COMPLETED") && a.contains("PENDING"));

        submit("#!/bin/sh\nsleep 30\n"); // alice's: not watched
        JobId bobs = submit(fake.as("bob"), SubmitRequest.script("#!/bin/sh\nsleep 30\n").name("b").account("chemistry"));
        w.poll();
        assertThat(jobEvents()).singleElement().satisfies(e -> {
            assertThat(e.job()).isEqualTo(bobs);
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(JobPhase.RUNNING);
            assertThat(e.user()).isEqualTo("bob");
        });
        JobId later = submit(fake.as("bob"), SubmitRequest.script("#!/bin/sh\nsleep 5\n").name("b2").account("chemistry"));
        fake.advance(Duration.ofMinutes(1)); // both end; 'later' was never seen before its end
        w.poll();
        w.poll();
        assertThat(phases(jobEvents(bobs))).isEqualTo("null>RUNNING RUNNING>FINISHED");
        assertThat(phases(jobEvents(later))).isEqualTo("null>FINISHED");
        assertThat(fake.count("sacct")).isZero();

        w.unwatchUser("bob");
        assertThat(w.poll().commands()).isZero();
    }

    @Test
    void idsAndUsersTogetherAreStillOneSqueue() {
        JobId alices = submit("#!/bin/sh\nsleep 30\n");
        JobId bobs = submit(fake.as("bob"), SubmitRequest.script("#!/bin/sh\nsleep 30\n").name("b").account("chemistry"));
        submit(fake.as("bob"), SubmitRequest.script("#!/bin/sh\nsleep 30\n").name("c").account("chemistry"));
        JobWatcher w = watcher();
        w.watch(alices);
        w.watchUser("bob");
        WatchCycle c = w.poll();
        assertThat(c.squeueCalls()).isEqualTo(1);
        assertThat(fake.count("squeue")).isEqualTo(1);
        assertThat(fake.requests().get(fake.requests().size() - 1).command())
                .noneMatch(a -> a.startsWith("--user=") || a.startsWith("--jobs="));
        assertThat(jobEvents()).extracting(JobEvent::job).contains(alices, bobs).hasSize(3);
    }

    @Test
    void anArrayWatchedByItsIdIsWatchedElementByElement() {
        blocker(20);
        JobId array = submit(fake, SubmitRequest.script("#!/bin/sh\nsleep 10\n").name("arr").cpusPerTask(4).array("0-3"));
        JobWatcher w = watcher();
        w.watch(array);
        w.poll();
        assertThat(w.watched()).hasSize(4).allMatch(JobId::isArray);
        for (int i = 0; i < 6; i++) {
            fake.advance(Duration.ofSeconds(10));
            w.poll();
        }
        for (int t = 0; t < 4; t++) {
            JobId element = JobId.parse(array + "_" + t);
            assertThat(jobEvents(element)).as(element.toString()).first()
                    .satisfies(e -> assertThat(e.to()).isEqualTo(JobPhase.QUEUED));
            assertThat(jobEvents(element).stream().filter(JobEvent::isTerminal)).as(element.toString()).hasSize(1);
        }
        assertThat(w.poll().commands()).isZero();
    }

    @Test
    void thousandsOfIdsAreOneSqueueOfTheWholeQueueAndOneSacct() {
        fake = FakeSlurm.builder().minJobAge(Duration.ZERO).build();
        JobWatcher w = watcher();
        JobId real = submit("#!/bin/sh\nsleep 10\n");
        w.watch(real);
        for (int i = 0; i < 3500; i++) {
            w.watch(JobId.of(10_000_000L + i)); // 3,500 ids of 8 digits: longer than one argument
        }
        WatchCycle c = w.poll();
        assertThat(c.commands()).isEqualTo(2);
        List<ExecRequest> reqs = fake.requests();
        assertThat(reqs.get(reqs.size() - 2).command()).noneMatch(a -> a.startsWith("--jobs=") || a.startsWith("--user="));
        assertThat(reqs.get(reqs.size() - 1).command()).contains("sacct").noneMatch(a -> a.startsWith("--jobs="))
                .anyMatch(a -> a.startsWith("--starttime="));
        fake.advance(Duration.ofSeconds(30));
        WatchCycle c2 = w.poll();
        assertThat(c2.commands()).isEqualTo(2);
        assertThat(phases(jobEvents(real))).isEqualTo("null>RUNNING RUNNING>FINISHED");
    }

    // ------------------------------------------------------------------ listeners and scheduling

    @Test
    void aThrowingListenerStopsNeitherTheWatcherNorTheOtherListeners() {
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        List<RuntimeException> errors = new ArrayList<>();
        JobWatcher w = watcher(fake).onListenerError((e, x) -> errors.add(x)).build();
        w.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        List<JobEvent> second = new ArrayList<>();
        w.addListener(second::add);
        w.watch(id);
        w.poll();
        fake.advance(Duration.ofSeconds(20));
        w.poll();
        assertThat(second).hasSize(2);
        assertThat(errors).hasSize(2).allMatch(x -> x.getMessage().equals("listener bug"));
    }

    @Test
    void startRunsCyclesOnTheSchedulerAndCloseStopsThem() throws Exception {
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        CountDownLatch ended = new CountDownLatch(1);
        try (JobWatcher w = JobWatcher.builder(new SlurmClient(fake)).clock(clock).interval(Duration.ofMillis(20))
                .maxInterval(Duration.ofMillis(50)).listener(e -> {
                    if (e.isTerminal()) {
                        ended.countDown();
                    }
                }).build()) {
            w.watch(id);
            w.start();
            Thread.sleep(100);
            fake.advance(Duration.ofSeconds(20));
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        int after = fake.count("squeue");
        Thread.sleep(150);
        assertThat(fake.count("squeue")).isEqualTo(after);
    }

    @Test
    void builtFromTheFacadeItUsesTheClustersNameAndClock() {
        SlurmJobs jobs = SlurmJobs.builder().cluster(Cluster.builder("hpc", fake).clock(clock).build()).build();
        JobId id = submit("#!/bin/sh\nsleep 10\n");
        List<String> claimed = new ArrayList<>();
        JobWatcher w = JobWatcher.builder(jobs, "hpc").deliveredEvents((cluster, job) -> claimed.add(cluster + "/" + job))
                .listener(JobListener.of(events::add)).build();
        assertThat(w.cluster()).isEqualTo("hpc");
        w.watch(id);
        fake.advance(Duration.ofSeconds(20));
        WatchCycle c = w.poll();
        assertThat(c.at()).isEqualTo(fake.now());
        assertThat(claimed).containsExactly("hpc/" + id);
        assertThat(phases(jobEvents(id))).isEqualTo("null>FINISHED");
    }

    // ------------------------------------------------------------------ helpers

    private static ExecResult ok(String stdout) {
        return new ExecResult(List.of("x"), 0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0], Duration.ZERO, false);
    }

    /**
     * The placeholder row sacct 22.05 prints for a job whose start slurmdbd has not stored yet
     * (seen on the lab): job name {@code allocation}, state PENDING, group root, QOS Unknown,
     * ReqMem {@code 16?}; in the fields and delimiter the request asks for.
     */
    static String placeholderRows(List<String> argv, JobId id) {
        String delimiter = "|";
        List<String> fields = List.of();
        for (String a : argv) {
            if (a.startsWith("--delimiter=")) {
                delimiter = a.substring("--delimiter=".length());
            } else if (a.startsWith("--format=")) {
                fields = List.of(a.substring("--format=".length()).split(","));
            }
        }
        List<String> cells = new ArrayList<>();
        for (String f : fields) {
            cells.add(switch (f) {
                case "JobID", "JobIDRaw" -> id.toString();
                case "JobName" -> "allocation";
                case "State" -> "PENDING";
                case "ReqMem" -> "16?";
                case "ExitCode", "DerivedExitCode" -> "0:0";
                case "Cluster" -> "localcluster";
                case "User", "Group" -> "root";
                case "QOS" -> "Unknown";
                case "AllocCPUS", "NNodes" -> "1";
                default -> "";
            });
        }
        return String.join(delimiter, cells) + "\n";
    }

    /** A shell in front of the fake: {@code answer} may reply to a request itself (non-null). */
    static final class Answering implements Shell {
        private final Shell inner;
        private final Function<ExecRequest, ExecResult> answer;

        Answering(Shell inner, Function<ExecRequest, ExecResult> answer) {
            this.inner = inner;
            this.answer = answer;
        }

        @Override
        public ExecResult run(ExecRequest request) {
            ExecResult own = answer.apply(request);
            return own != null ? own : inner.run(request);
        }

        @Override
        public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
            return inner.stream(request, reader);
        }

        @Override
        public void writeFile(String path, byte[] content, int permissions) {
            inner.writeFile(path, content, permissions);
        }

        @Override
        public String target() {
            return "answering " + inner.target();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
