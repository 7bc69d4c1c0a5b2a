package io.github.slurm4j.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.testkit.FakeSlurm;
import io.github.slurm4j.testkit.JobOutcome;
import io.github.slurm4j.testkit.NotModelledError;
import io.github.slurm4j.fixtures.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FakeSlurm} through {@link SlurmClient}, the way a host application's tests use it.
 * (That it answers as the real Slurm does is {@link FakeSlurmFidelityIT}'s job.)
 */
class FakeSlurmTest {
    private final FakeSlurm fake = FakeSlurm.builder().build();
    private final SlurmClient slurm = new SlurmClient(fake);

    private static SubmitRequest.Builder job(String script) {
        return SubmitRequest.script(script).workingDirectory("/tmp").output("/tmp/out-%j.txt");
    }

    private JobState.Name state(JobId id) {
        return slurm.statusOf(List.of(id)).get(id).state().state();
    }

    @Test
    void keepsOnlyTheLatestRequestsWhenToldTo() {
        FakeSlurm bounded = FakeSlurm.builder().keepRequests(3).build();
        SlurmClient client = new SlurmClient(bounded);
        client.jobs();
        client.nodes();
        client.jobs();
        client.partitions();
        assertThat(bounded.requests()).hasSize(3).extracting(r -> r.command().get(0))
                .containsExactly("scontrol", "squeue", "scontrol");
        assertThat(bounded.count("squeue")).isEqualTo(1);
        // by default every request is kept
        slurm.jobs();
        slurm.jobs();
        slurm.jobs();
        slurm.jobs();
        assertThat(fake.count("squeue")).isEqualTo(4);
        assertThatThrownBy(() -> FakeSlurm.builder().keepRequests(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobRunsForItsSleepAndCompletes() {
        JobId id = slurm.submit(job("#!/bin/sh\nsleep 30\n").name("train").build()).jobId();
        assertThat(state(id)).isEqualTo(JobState.Name.RUNNING);
        Job running = slurm.job(id);
        assertThat(running.placement().nodeList()).isEqualTo("localhost");
        assertThat(running.io().stdOut()).isEqualTo("/tmp/out-" + id.id() + ".txt");
        fake.advance(Duration.ofSeconds(29));
        assertThat(state(id)).isEqualTo(JobState.Name.RUNNING);
        fake.advance(Duration.ofSeconds(1));
        Job done = slurm.job(id);
        assertThat(done.state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(done.timing().runTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(done.status().exitCode()).isEqualTo(new ExitCode(0, 0));
    }

    @Test
    void exitCodeTimeLimitAndOutcomeRulesDecideHowJobsEnd() {
        FakeSlurm f = FakeSlurm.builder()
                .outcome(j -> j.name().equals("leaky"), JobOutcome.outOfMemory(Duration.ofSeconds(5))).build();
        SlurmClient c = new SlurmClient(f);
        JobId failing = c.submit(job("#!/bin/sh\nsleep 2\nexit 3\n").build()).jobId();
        JobId late = c.submit(job("#!/bin/sh\nsleep 600\n").timeLimit(Duration.ofMinutes(1)).build()).jobId();
        JobId leaky = c.submit(job("#!/bin/sh\n./train\n").name("leaky").build()).jobId();
        f.advance(Duration.ofMinutes(2));
        Job failed = c.job(failing);
        assertThat(failed.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(failed.status().exitCode()).isEqualTo(new ExitCode(3, 0));
        assertThat(failed.status().reason()).isEqualTo("NonZeroExitCode");
        Job timedOut = c.job(late);
        assertThat(timedOut.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(timedOut.timing().runTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.job(leaky).state().state()).isEqualTo(JobState.Name.OUT_OF_MEMORY);
        // accounting keeps the steps: the batch step of the timed-out job was cancelled
        List<AccountingRecord> acct = c.accounting(AccountingQuery.builder().jobIds(List.of(late)).build());
        assertThat(acct).extracting(r -> r.jobId().toString()).containsExactly(late + "", late + ".batch", late + ".extern");
        assertThat(acct.get(1).state().state()).isEqualTo(JobState.Name.CANCELLED);
    }

    @Test
    void jobsWaitForFreeCpusAndStartWhenOthersEnd() {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(slurm.submit(job("#!/bin/sh\nsleep 100\n").cpusPerTask(3).build()).jobId());
        }
        // the node has 8 CPUs: two jobs of 3 run, the third waits
        assertThat(state(ids.get(0))).isEqualTo(JobState.Name.RUNNING);
        assertThat(state(ids.get(1))).isEqualTo(JobState.Name.RUNNING);
        assertThat(state(ids.get(2))).isEqualTo(JobState.Name.PENDING);
        assertThat(slurm.job(ids.get(2)).status().reason()).isEqualTo("Resources");
        Node node = slurm.node("localhost");
        assertThat(node.usage().cpuAlloc()).isEqualTo(6);
        assertThat(node.state().raw()).isEqualTo("MIXED");
        fake.advance(Duration.ofSeconds(100));
        assertThat(state(ids.get(2))).isEqualTo(JobState.Name.RUNNING);
        fake.advance(Duration.ofSeconds(100));
        assertThat(state(ids.get(2))).isEqualTo(JobState.Name.COMPLETED);
        assertThat(slurm.node("localhost").usage().cpuAlloc()).isEqualTo(0);
    }

    @Test
    void holdReleaseSuspendResumeRequeueAndCancel() {
        SlurmClient root = new SlurmClient(fake.as("root"));
        JobId id = slurm.submit(job("#!/bin/sh\nsleep 300\n").hold().build()).jobId();
        Job held = slurm.job(id);
        assertThat(held.status().reason()).isEqualTo("JobHeldUser");
        assertThat(held.status().priority()).isZero();
        slurm.release(id);
        assertThat(state(id)).isEqualTo(JobState.Name.RUNNING);
        assertThatThrownBy(() -> slurm.suspend(id)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        root.suspend(id);
        fake.advance(Duration.ofSeconds(500));
        assertThat(state(id)).as("a suspended job's time stands still").isEqualTo(JobState.Name.SUSPENDED);
        root.resume(id);
        slurm.requeue(id);
        Job requeued = slurm.job(id);
        assertThat(requeued.status().restarts()).isEqualTo(1);
        assertThat(requeued.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(requeued.status().reason()).as("22.05 lets a requeued job start 121 s later").isEqualTo("BeginTime");
        fake.advance(Duration.ofSeconds(120));
        assertThat(state(id)).isEqualTo(JobState.Name.PENDING);
        fake.advance(Duration.ofSeconds(1));
        assertThat(state(id)).isEqualTo(JobState.Name.RUNNING);
        slurm.cancel(id);
        assertThat(state(id)).isEqualTo(JobState.Name.CANCELLED);
        assertThatThrownBy(() -> slurm.cancel(id)).isInstanceOf(SlurmCommandException.class)
                .hasMessageContaining("already completing or completed");
    }

    @Test
    void anotherUsersJobIsRefusedWithSlurmsMessages() {
        FakeSlurm bob = fake.as("bob");
        JobId alices = slurm.submit(job("#!/bin/sh\nsleep 300\n").hold().build()).jobId();
        SlurmClient asBob = new SlurmClient(bob);
        assertThatThrownBy(() -> asBob.cancel(alices)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        assertThatThrownBy(() -> asBob.release(alices)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        assertThatThrownBy(() -> slurm.job(JobId.of(424242))).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
        assertThatThrownBy(() -> slurm.submit(job("#!/bin/sh\ntrue\n").partition("nosuch").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED);
                    assertThat(e.getMessage()).contains("Invalid partition name specified");
                });
        assertThatThrownBy(() -> slurm.submit(job("no shebang\n").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED));
    }

    @Test
    void outagesFailTypedAndAccountingOutlivesTheController() {
        JobId id = slurm.submit(job("#!/bin/sh\nsleep 5\n").build()).jobId();
        fake.advance(Duration.ofSeconds(10));
        fake.controllerDown(true);
        assertThatThrownBy(() -> slurm.jobs(JobQuery.all())).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
        assertThat(slurm.ping()).singleElement().satisfies(p -> assertThat(p.up()).isFalse());
        assertThat(slurm.accounting(AccountingQuery.builder().jobIds(List.of(id)).build())).isNotEmpty();
        fake.controllerDown(false);
        fake.accountingDown(true);
        assertThatThrownBy(() -> slurm.accounting(AccountingQuery.builder().jobIds(List.of(id)).build()))
                .isInstanceOfSatisfying(SlurmCommandException.class,
                        e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCOUNTING_UNAVAILABLE));
        assertThat(slurm.jobs(JobQuery.all())).isEmpty();
    }

    @Test
    void aPurgedJobIsStillKnownToAccountingAndToStatusOf() {
        JobId id = slurm.submit(job("#!/bin/sh\nexit 2\n").build()).jobId();
        fake.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> slurm.job(id)).isInstanceOf(SlurmCommandException.class);
        JobStatus s = slurm.statusOf(List.of(id)).get(id);
        assertThat(s.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(s.source()).isEqualTo(JobStatus.Source.ACCOUNTING);
        assertThat(slurm.efficiency(id).state().state()).isEqualTo(JobState.Name.FAILED);
    }

    @Test
    void arraysSplitTheirTasksAsTheyStartAndDependenciesWait() {
        JobId array = slurm.submit(job("#!/bin/sh\nsleep 10\n").array("1-3").cpusPerTask(4).build()).jobId();
        JobId after = slurm.submit(job("#!/bin/sh\nsleep 1\n").dependency("afterok:" + array.id()).build()).jobId();
        // two tasks fit on the 8 CPUs; the third waits in the array's own record
        List<Job> records = slurm.jobRecords(array);
        assertThat(records).hasSize(2 + 1);
        assertThat(slurm.job(after).status().reason()).isEqualTo("Dependency");
        assertThat(slurm.jobs(JobQuery.builder().jobId(array).build())).extracting(r -> r.jobId().toString())
                .containsExactlyInAnyOrder(array.id() + "_1", array.id() + "_2", array.id() + "_3");
        fake.advance(Duration.ofSeconds(20));
        assertThat(slurm.jobRecords(array)).allSatisfy(j -> assertThat(j.state().state()).isEqualTo(JobState.Name.COMPLETED));
        assertThat(state(after)).isEqualTo(JobState.Name.RUNNING);
        // the record with the array's id is the last task to start
        assertThat(slurm.job(array).jobId()).isEqualTo(array.id());
        assertThat(slurm.job(array).identity().arrayTaskId().raw()).isEqualTo("3");
    }

    @Test
    void aFailedDependencyIsNeverSatisfied() {
        JobId first = slurm.submit(job("#!/bin/sh\nexit 1\n").build()).jobId();
        JobId second = slurm.submit(job("#!/bin/sh\nsleep 1\n").dependency("afterok:" + first.id()).build()).jobId();
        fake.advance(Duration.ofSeconds(5));
        Job waiting = slurm.job(second);
        assertThat(waiting.status().reason()).isEqualTo("DependencyNeverSatisfied");
        assertThat(waiting.status().dependency()).isEqualTo("afterok:" + first.id() + "(failed)");
    }

    @Test
    void whatItDoesNotModelFailsLoudly() {
        assertThatThrownBy(() -> fake.run(ExecRequest.of("squeue", "-o", "%i")))
                .isInstanceOf(NotModelledError.class).hasMessageContaining("squeue option -o");
        assertThatThrownBy(() -> fake.run(ExecRequest.of("sinfo"))).isInstanceOf(NotModelledError.class)
                .hasMessageContaining("sinfo");
        assertThatThrownBy(() -> slurm.submit(job("#!/bin/sh\ntrue\n").nodes(2).build()))
                .isInstanceOf(NotModelledError.class).hasMessageContaining("multi-node");
    }

    @Test
    void aClusterSeededFromCapturedOutputsKeepsItsNodesStatesAndReasons() {
        String nodes = Fixtures.load("slurm-22.05", "scontrol-node-oneliner-unknown-not-responding").stdout();
        FakeSlurm seeded = FakeSlurm.builder().nodesFrom(nodes).partition("gpu", true, Duration.ofDays(1), null, "gpu01").build();
        Node gpu01 = new SlurmClient(seeded).node("gpu01");
        assertThat(gpu01.state().raw()).isEqualTo("UNKNOWN+NOT_RESPONDING");
        assertThat(gpu01.hardware().gres()).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(4));
        // nothing can start on a node that is not responding
        SlurmClient c = new SlurmClient(seeded);
        JobId id = c.submit(job("#!/bin/sh\nsleep 1\n").build()).jobId();
        assertThat(c.job(id).status().reason()).isEqualTo("Resources");
    }

    @Test
    void awaitStateWaitsOnTheFakeClockAndTimesOutWithTheLastStatus() {
        SlurmClient waiting = SlurmClient.builder(fake).sleeper(fake::advance).pollInterval(Duration.ofSeconds(5)).build();
        JobId id = waiting.submit(job("#!/bin/sh\nsleep 42\n").build()).jobId();
        JobStatus done = waiting.awaitFinished(id, Duration.ofMinutes(5));
        assertThat(done.state().state()).isEqualTo(JobState.Name.COMPLETED);
        // polled every 5 s of fake time: finished at 42 s, seen at 45 s
        assertThat(fake.now()).isEqualTo(java.time.Instant.parse("2026-01-05T09:00:45Z"));

        JobId held = waiting.submit(job("#!/bin/sh\nsleep 1\n").hold().build()).jobId();
        assertThatThrownBy(() -> waiting.awaitState(held, java.util.Set.of(JobState.Name.RUNNING), Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(JobWaitTimeoutException.class, e -> {
                    assertThat(e.lastStatus().state().state()).isEqualTo(JobState.Name.PENDING);
                    assertThat(e.getMessage()).contains("RUNNING").contains("PENDING");
                });
    }

    @Test
    void queueFiltersByMeAccountNameAndQos() {
        slurm.submit(job("#!/bin/sh\nsleep 100\n").name("a-phys").account("physics").build());
        slurm.submit(job("#!/bin/sh\nsleep 100\n").name("a-chem").account("chemistry").qos("high").build());
        new SlurmClient(fake.as("bob")).submit(job("#!/bin/sh\nsleep 100\n").name("b-chem").build());
        assertThat(slurm.jobs(JobQuery.builder().me().build())).extracting(SqueueRowName::of).containsExactlyInAnyOrder("a-phys", "a-chem");
        assertThat(slurm.jobs(JobQuery.builder().account("chemistry").build())).extracting(SqueueRowName::of)
                .containsExactlyInAnyOrder("a-chem", "b-chem");
        assertThat(slurm.jobs(JobQuery.builder().name("b-chem").build())).extracting(SqueueRowName::of).containsExactly("b-chem");
        assertThat(slurm.jobs(JobQuery.builder().qos("high").me().build())).extracting(SqueueRowName::of).containsExactly("a-chem");
        assertThat(slurm.jobs()).hasSize(3);
    }

    @Test
    void aUserMayRaiseAPendingJobsTimeLimitUpToItsPartitionsMaxTimeOnly() {
        // as the 22.05 lab does: pending, up to MaxTime: done; past it, or a running job: refused
        FakeSlurm f = FakeSlurm.builder().node("n1", 1, 1000)
                .partition("short", true, Duration.ofMinutes(10), null, "n1").build();
        SlurmClient c = new SlurmClient(f);
        JobId running = c.submit(job("#!/bin/sh\nsleep 100\n").timeLimit(Duration.ofMinutes(2)).build()).jobId();
        JobId pending = c.submit(job("#!/bin/sh\nsleep 100\n").timeLimit(Duration.ofMinutes(1)).build()).jobId();
        assertThat(state(c, running)).isEqualTo(JobState.Name.RUNNING);
        assertThat(state(c, pending)).isEqualTo(JobState.Name.PENDING);
        c.update(pending, JobUpdate.builder().timeLimit(Duration.ofMinutes(3)).build());
        assertThat(c.job(pending).timing().timeLimit().asDuration()).hasValue(Duration.ofMinutes(3));
        c.update(pending, JobUpdate.builder().timeLimit(Duration.ofMinutes(10)).build());
        assertThatThrownBy(() -> c.update(pending, JobUpdate.builder().timeLimit(Duration.ofMinutes(30)).build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("Access/permission denied for job " + pending.id());
                });
        assertThat(c.job(pending).timing().timeLimit().asDuration()).hasValue(Duration.ofMinutes(10));
        assertThatThrownBy(() -> c.update(running, JobUpdate.builder().timeLimit(Duration.ofMinutes(5)).build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        // root may
        new SlurmClient(f.as("root")).update(running, JobUpdate.builder().timeLimit(Duration.ofMinutes(5)).build());
        assertThat(c.job(running).timing().timeLimit().asDuration()).hasValue(Duration.ofMinutes(5));
    }

    private static JobState.Name state(SlurmClient c, JobId id) {
        return c.statusOf(List.of(id)).get(id).state().state();
    }

    /** squeue's arguments as {@code SlurmClient} sends them for the whole queue, plus {@code extra}. */
    private ExecResult squeueWith(String... extra) {
        slurm.jobs();
        List<String> argv = new ArrayList<>(fake.requests().get(fake.requests().size() - 1).command());
        argv.addAll(List.of(extra));
        return fake.run(ExecRequest.of(argv));
    }

    @Test
    void anUnknownUserIsReportedAndListsNoJobAsSqueueDoes() {
        JobId mine = slurm.submit(job("#!/bin/sh\nsleep 100\n").build()).jobId();
        // captured: squeue -u nosuchuser (default table, so its stdout is the header and no job)
        Fixtures.Case real = Fixtures.load("slurm-22.05", "squeue-error-invalid-user");
        assertThat(real.stdout().strip()).startsWith("JOBID").doesNotContain("\n");
        ExecResult r = squeueWith("--user=nosuchuser");
        assertThat(r.stderr()).isEqualTo(real.stderr());
        assertThat(r.exitCode()).isEqualTo(real.rc());
        assertThat(r.stdout()).isEmpty();
        // a known user beside it keeps their jobs, and a uid names a user (both seen on the lab)
        ExecResult both = squeueWith("--user=alice,nosuchuser");
        assertThat(both.stderr()).isEqualTo(real.stderr());
        assertThat(both.stdout().lines()).singleElement().asString().startsWith(String.valueOf(mine.id())).contains("alice");
        assertThat(squeueWith("--user=nosuchuser,1001").stdout()).isEqualTo(both.stdout());
        // through SlurmClient: an error, never an empty list
        assertThatThrownBy(() -> slurm.jobs(JobQuery.builder().user("nosuchuser").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT));
    }

    @Test
    void anInvalidStateIsRefusedAsSqueueDoes() {
        slurm.submit(job("#!/bin/sh\nsleep 100\n").build());
        Fixtures.Case real = Fixtures.load("slurm-22.05", "squeue-error-bad-state"); // squeue -t FOO
        ExecResult r = squeueWith("--states=FOO");
        assertThat(r.stdout()).isEqualTo(real.stdout());
        assertThat(r.stderr()).isEqualTo(real.stderr());
        assertThat(r.exitCode()).isEqualTo(real.rc());
        // "all" is a state only on its own; names and compact codes in any case are (lab)
        assertThat(squeueWith("--states=PENDING,FOO").stderr()).isEqualTo(real.stderr());
        assertThat(squeueWith("--states=pending,all").stderr()).startsWith("squeue: error: Invalid job state specified: all\n");
        assertThat(squeueWith("--states=r,Cd").exitCode()).isZero();
        assertThat(squeueWith("--states=r,Cd").stdout()).isNotEmpty();
        assertThat(squeueWith("--states=PD").stdout()).isEmpty();
    }

    private static final class SqueueRowName {
        static String of(io.github.slurm4j.model.job.SqueueRow r) {
            return r.name();
        }
    }

    @Test
    void jobNamesTheRecordAndJobRecordsListsThemAll() {
        JobId array = slurm.submit(job("#!/bin/sh\nsleep 10\n").array("1-2").build()).jobId();
        // both tasks run: task 1 split off with a new id, task 2 kept the array's id
        assertThat(slurm.jobRecords(array)).hasSize(2);
        Job own = slurm.job(array);
        assertThat(own.jobId()).isEqualTo(array.id());
        Job first = slurm.job(JobId.parse(array.id() + "_1"));
        assertThat(first.identity().arrayTaskId().raw()).isEqualTo("1");
        assertThat(first.jobId()).isNotEqualTo(array.id());
    }

    @Test
    void aHeldArrayWhoseTasksWereEachCancelledKeepsItsOwnRecordWithNoTaskLeft() {
        // as the 22.05 lab does: a cancelled pending task leaves the array's own record and no
        // record of its own (squeue and sacct list none); once the last one is cancelled the own
        // record is CANCELLED and scontrol prints ArrayTaskId=4294967294, Slurm's NO_VAL (as 24.11
        // and 26.05 do too: fixture scontrol-job-array-tasks-all-cancelled)
        JobId array = slurm.submit(job("#!/bin/sh\nsleep 10\n").array("1-3").hold().build()).jobId();
        String show = "scontrol -o -d show job " + array.id();
        slurm.cancel(JobId.parse(array.id() + "_1"));
        assertThat(fake.run(show.split(" ")).stdout()).contains(" ArrayJobId=" + array.id() + " ArrayTaskId=2-3 ", " JobState=PENDING ");
        assertThat(slurm.jobs(JobQuery.builder().jobId(array).build())).extracting(r -> r.jobId().toString())
                .containsExactly(array.id() + "_2", array.id() + "_3");
        slurm.cancel(JobId.parse(array.id() + "_2"));
        slurm.cancel(JobId.parse(array.id() + "_3"));
        assertThat(fake.run(show.split(" ")).stdout()).contains(" ArrayJobId=" + array.id() + " ArrayTaskId=4294967294 ");
        Job own = slurm.job(array);
        assertThat(own.identity().arrayTaskId()).isNull();
        assertThat(own.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(own.status().reason()).isEqualTo("JobHeldUser");
        assertThat(own.displayId()).isEqualTo(JobId.of(array.id()));
        assertThat(fake.run("squeue", "--noheader", "--array", "--states=all", "--jobs=" + array.id(), "-O", "JobArrayID:20,ArrayTaskID:10,State:12").stdout())
                .isEqualTo(String.format("%-20s%-10s%-12s%n", array.id(), "N/A", "CANCELLED"));
    }

    @Test
    void aPendingArrayCancelledAsAWholeKeepsItsTasks() {
        // 22.05 lab: scancel of the array's id leaves ArrayTaskId=1-3 and one CANCELLED row per task
        JobId array = slurm.submit(job("#!/bin/sh\nsleep 10\n").array("1-3").hold().build()).jobId();
        slurm.cancel(array);
        assertThat(fake.run("scontrol", "-o", "-d", "show", "job", Long.toString(array.id())).stdout())
                .contains(" ArrayTaskId=1-3 ", " JobState=CANCELLED ");
        assertThat(slurm.jobs(JobQuery.builder().jobId(array).build())).extracting(r -> r.jobId().toString() + " " + r.state().state())
                .containsExactly(array.id() + "_1 CANCELLED", array.id() + "_2 CANCELLED", array.id() + "_3 CANCELLED");
    }
}
