package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.testkit.FakeReply;
import io.github.slurm4j.testkit.FakeShell;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SlurmJobsTest {
    private static final String SLEEP = "#!/bin/sh\nsleep 600\n";

    private final FakeSlurm fake = FakeSlurm.builder().build();

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

    private SlurmJobs jobs(Shell shell, String... partitions) {
        return SlurmJobs.builder().cluster(Cluster.builder("lab", shell).zone(ZoneId.of("UTC")).host("vm").clock(clock)
                .partitions(List.of(partitions)).preemptible(Set.of("short")).build()).build();
    }

    private static JobConf sleeper(String name) {
        return JobConf.builder().script(SLEEP).name(name).cores(1).timeLimitMinutes(30).build();
    }

    @Test
    void submitThenMyJobsShowsItWithTheUsersOwnComment() {
        SlurmJobs jobs = jobs(fake);
        Submission s = jobs.submit("lab", JobConf.builder().script(SLEEP).name("j11-a").comment("from the form").build());
        assertThat(s.recovered()).isFalse();
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(fake.requests().get(0).command()).anyMatch(a -> a.startsWith("--comment=slurm4j:" + s.token() + " from the form"));
        List<JobRow> rows = jobs.myJobs("lab", "alice", fake.now().minus(Duration.ofDays(1)));
        assertThat(rows).hasSize(1);
        JobRow r = rows.get(0);
        assertThat(r.id()).isEqualTo(s.jobId().toString());
        assertThat(r.jobKey()).isEqualTo(s.jobId() + "-vm");
        assertThat(r.comment()).isEqualTo("from the form");
        assertThat(r.phase()).isEqualTo(JobPhase.RUNNING);
        assertThat(r.status().cloud()).isEqualTo(CloudStatus.Running);
        assertThat(r.devices()).isEqualTo(1);
        assertThat(r.submitted()).isEqualTo(fake.now());
        assertThat(r.started()).isNotNull();
        assertThat(r.finished()).isNull();
        assertThat(r.priority()).isBetween(1, 1000);
        assertThat(fake.count("squeue") + fake.count("sacct")).isEqualTo(2);
        assertThat(jobs.detail("lab", s.jobId()).job().identity().comment()).isEqualTo("from the form");
    }

    @Test
    void aFormIsRefusedBeforeSlurmIsCalled() {
        SlurmJobs jobs = jobs(fake, "debug", "gpu");
        assertThatThrownBy(() -> jobs.submit("lab", JobConf.fromMap(Map.of("script", "echo hi", "partition", "nope",
                "scale_cores", "0", "scale_memGB", "0", "time_limit", "-5"))))
                .isInstanceOfSatisfying(JobConfException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("script", "partition", "cores", "memoryGb", "timeLimitMinutes"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void slurmsRefusalIsSubmitRejectedWithSlurmsMessage() {
        SlurmJobs jobs = jobs(fake);
        assertThatThrownBy(() -> jobs.submit("lab", JobConf.builder().script(SLEEP).partition("nope").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isIn(SlurmErrorType.SUBMIT_REJECTED, SlurmErrorType.INVALID_ARGUMENT);
                    assertThat(e.error().message()).contains("nvalid partition");
                });
    }

    @Test
    void aConnectionLostAfterSbatchReachedSlurmFindsTheJobInsteadOfSubmittingAgain() {
        AtomicBoolean dropped = new AtomicBoolean();
        Shell shell = new HookedShell(fake, null, (req, res) -> {
            if (HookedShell.is(req, "sbatch") && dropped.compareAndSet(false, true)) {
                throw new ShellException(req.command(), "connection reset (after sbatch was sent)", null);
            }
            return res;
        });
        Submission s = jobs(shell).submit("lab", sleeper("j11-retry"));
        assertThat(s.recovered()).isTrue();
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(fake.count("sbatch")).isEqualTo(1);
        assertThat(jobs(fake).myJobs("lab", "alice", null)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(s.jobId().toString()));
    }

    @Test
    void aConnectionLostBeforeSbatchRanSubmitsOnceMore() {
        AtomicBoolean dropped = new AtomicBoolean();
        Shell shell = new HookedShell(fake, req -> {
            if (HookedShell.is(req, "sbatch") && dropped.compareAndSet(false, true)) {
                throw new ShellException(req.command(), "connection refused", null);
            }
            return null;
        }, null);
        Submission s = jobs(shell).submit("lab", sleeper("j11-retry2"));
        assertThat(s.recovered()).isFalse();
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(fake.count("sbatch")).isEqualTo(1);
        assertThat(jobs(fake).myJobs("lab", "alice", null)).hasSize(1);
    }

    @Test
    void aFailedLookUpNeverSubmitsAgain() {
        Shell shell = new HookedShell(fake, req -> {
            if (!HookedShell.is(req, "sbatch")) {
                throw new ShellException(req.command(), "connection reset", null);
            }
            return null;
        }, (req, res) -> {
            throw new ShellException(req.command(), "connection reset", null);
        });
        assertThatThrownBy(() -> jobs(shell).submit("lab", sleeper("j11-lost"))).isInstanceOf(ShellException.class);
        assertThat(fake.count("sbatch")).isEqualTo(1);
    }

    @Test
    void theLookUpFindsAJobOnlyAccountingStillKnows() {
        String token = SubmitTokens.newToken();
        SlurmJobs jobs = jobs(fake);
        JobId id = jobs.client("lab").submit(SlurmJobs.request(JobConf.builder().script("#!/bin/sh\nsleep 5\n").build(), token)).jobId();
        fake.advance(Duration.ofHours(2)); // ended and forgotten by slurmctld (MinJobAge 1 h)
        assertThat(SlurmJobs.findByToken(jobs.client("lab"), token, fake.now())).isEqualTo(id);
        assertThat(SlurmJobs.findByToken(jobs.client("lab"), SubmitTokens.newToken(), fake.now())).isNull();
    }

    @Test
    void myJobsNeitherMissesNorDoublesAJobThatLeavesTheQueueBetweenTheTwoCommands() {
        SlurmJobs setup = jobs(fake);
        JobId ending = setup.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 30\n").name("j11-ending").build()).jobId();
        fake.advance(Duration.ofSeconds(29));
        // squeue sees it running; before sacct runs it ends, and a new job is submitted
        Shell shell = new HookedShell(fake, null, (req, res) -> {
            if (HookedShell.is(req, "squeue")) {
                fake.advance(Duration.ofSeconds(5));
                setup.submit("lab", sleeper("j11-new"));
            }
            return res;
        });
        List<JobRow> rows = jobs(shell).myJobs("lab", "alice", fake.now().minus(Duration.ofDays(1)));
        assertThat(rows).extracting(JobRow::name).containsExactly("j11-new", "j11-ending");
        JobRow ended = rows.get(1);
        assertThat(ended.id()).isEqualTo(ending.toString());
        assertThat(ended.phase()).isEqualTo(JobPhase.FINISHED);
        assertThat(ended.fromQueue()).isFalse();
        assertThat(ended.finished()).isNotNull();
        // and once slurmctld has forgotten it, accounting alone still lists it once
        fake.advance(Duration.ofHours(2));
        assertThat(jobs(fake).myJobs("lab", "alice", fake.now().minus(Duration.ofDays(1)))).extracting(JobRow::id)
                .doesNotHaveDuplicates().contains(ending.toString());
    }

    @Test
    void activeJobsAreQueuedSchedulingAndPausedOnly() {
        SlurmJobs jobs = jobs(fake);
        JobId running = jobs.submit("lab", JobConf.builder().script(SLEEP).cores(8).build()).jobId();
        JobId waiting = jobs.submit("lab", JobConf.builder().script(SLEEP).cores(8).name("j11-wait").build()).jobId();
        JobId held = jobs.submit("lab", JobConf.builder().script(SLEEP).hold(true).build()).jobId();
        List<JobRow> rows = jobs.activeJobs("lab");
        assertThat(rows).extracting(JobRow::id).containsExactlyInAnyOrder(waiting.toString(), held.toString());
        JobRow w = rows.stream().filter(r -> r.id().equals(waiting.toString())).findFirst().orElseThrow();
        assertThat(w.phase()).isEqualTo(JobPhase.QUEUED);
        assertThat(w.reason()).isEqualTo("Resources");
        assertThat(w.status().message()).isEqualTo("waiting for free nodes");
        assertThat(rows.stream().filter(r -> r.id().equals(held.toString())).findFirst().orElseThrow().phase())
                .isEqualTo(JobPhase.PAUSED);
        assertThat(jobs.activeJobs("lab", ListOptions.ALL.phases(Set.of(JobPhase.PAUSED))).rows()).hasSize(1);
        Page<JobRow> page = jobs.activeJobs("lab", ListOptions.ALL.nameContains("j11-").page(0, 1));
        assertThat(page.total()).isEqualTo(1);
        assertThat(running).isNotNull();
    }

    /** Devices of a queue row: its GPUs, allocated or (pending) requested, from squeue's tres-alloc; else its CPUs. */
    @Test
    void queueRowsCountGpusAsDevicesElseCpus() {
        SlurmJobs jobs = jobs(fake);
        JobId twoGpus = jobs.submit("lab", JobConf.builder().script(SLEEP).cores(1).gpus(2).build()).jobId();
        JobId waitsForAGpu = jobs.submit("lab", JobConf.builder().script(SLEEP).cores(1).gpus(1).build()).jobId();
        JobId threeCpus = jobs.submit("lab", JobConf.builder().script(SLEEP).cores(3).build()).jobId();
        Map<String, JobRow> rows = new java.util.HashMap<>();
        jobs.myJobs("lab", "alice", fake.now().minus(Duration.ofHours(1))).forEach(r -> rows.put(r.id(), r));
        assertThat(rows.get(twoGpus.toString())).satisfies(r -> {
            assertThat(r.phase()).isEqualTo(JobPhase.RUNNING);
            assertThat(r.devices()).isEqualTo(2);
            assertThat(r.gpus()).isTrue();
        });
        assertThat(rows.get(waitsForAGpu.toString())).satisfies(r -> {
            assertThat(r.phase()).isEqualTo(JobPhase.QUEUED);
            assertThat(r.devices()).isEqualTo(1);
            assertThat(r.gpus()).isTrue();
        });
        assertThat(rows.get(threeCpus.toString())).satisfies(r -> {
            assertThat(r.devices()).isEqualTo(3);
            assertThat(r.gpus()).isFalse();
        });
    }

    @Test
    void pauseAndResumeARunningJobAndAPendingOne() {
        SlurmJobs root = jobs(fake.as("root"));
        JobId run = jobs(fake).submit("lab", JobConf.builder().script(SLEEP).cores(8).build()).jobId();
        JobId pend = jobs(fake).submit("lab", JobConf.builder().script(SLEEP).cores(8).build()).jobId();
        root.pause("lab", run);
        assertThat(phase(run)).isEqualTo(JobPhase.PAUSED);
        root.resume("lab", run);
        assertThat(phase(run)).isEqualTo(JobPhase.RUNNING);
        jobs(fake).pause("lab", pend);
        assertThat(phase(pend)).isEqualTo(JobPhase.PAUSED);
        assertThat(jobs(fake).detail("lab", pend).started()).isNull();
        jobs(fake).resume("lab", pend);
        assertThat(phase(pend)).isEqualTo(JobPhase.QUEUED);
        // a user may not suspend: Slurm's refusal, typed
        assertThatThrownBy(() -> jobs(fake).pause("lab", run)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
    }

    @Test
    void resumingARunningJobIsInvalidArgumentWithSlurmsMessage() {
        JobId run = jobs(fake).submit("lab", sleeper("j11-r")).jobId();
        // FakeSlurm does not model resume of a running job: the lab's reply, captured
        Shell shell = new HookedShell(fake.as("root"), req -> req.command().equals(List.of("scontrol", "resume", run.toString()))
                ? ExecResult.of(req.command(), 1, "", "Job is not suspended for job " + run + "\n") : null, null);
        assertThatThrownBy(() -> jobs(shell).resume("lab", run)).isInstanceOfSatisfying(SlurmCommandException.class, e -> {
            assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT);
            assertThat(e.error().message()).contains("Job is not suspended");
        });
    }

    @Test
    void priorityAsOperatorSetsPriorityAndAsUserSetsNice() {
        JobId id = jobs(fake).submit("lab", sleeper("j11-p")).jobId();
        jobs(fake.as("root")).setPriority("lab", id, 500);
        assertThat(fake.requests().get(fake.requests().size() - 1).command()).contains("Priority=5000");
        assertThat(jobs(fake).detail("lab", id).job().status().priority()).isEqualTo(5000L);
        jobs(fake).setPriority("lab", id, 40);
        assertThat(fake.requests().get(fake.requests().size() - 1).command()).contains("Nice=600");
        assertThat(jobs(fake).detail("lab", id).job().status().nice()).isEqualTo(600);
        assertThatThrownBy(() -> jobs(fake).setPriority("lab", id, 200)).isInstanceOfSatisfying(SlurmCommandException.class, e -> {
            assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED);
            assertThat(e.error().message()).contains("operator rights");
        });
        assertThatThrownBy(() -> jobs(fake).setPriority("lab", id, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consoleJsonOfARunningAndOfAFinishedJob() throws Exception {
        SlurmJobs jobs = jobs(fake);
        JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 100\n").name("j11-json").build()).jobId();
        fake.advance(Duration.ofSeconds(10));
        JsonNode running = new ObjectMapper().readTree(jobs.detail("lab", id).toConsoleJson());
        assertThat(running.fieldNames()).toIterable().containsExactly("showData", "stopData", "runData", "isLogFile");
        JsonNode show = running.get("showData");
        assertThat(show.fieldNames()).toIterable().containsExactly("id", "createTime", "updateTime", "environment",
                "jobStatus", "jobKey", "name", "checkPoints", "downloadStatus", "description");
        assertThat(show.get("environment").size()).isEqualTo(109);
        assertThat(show.get("environment").fieldNames()).toIterable().containsExactlyElementsOf(JobView.KEYS);
        assertThat(show.get("jobStatus").asText()).isEqualTo("RUNNING");
        assertThat(show.get("jobKey").asText()).isEqualTo(id + "-vm");
        assertThat(show.get("downloadStatus").isNull()).isTrue();
        assertThat(running.get("stopData").size()).isZero();
        assertThat(running.get("runData").isArray()).isTrue();
        assertThat(running.get("isLogFile").asBoolean()).isFalse();

        fake.advance(Duration.ofMinutes(5));
        JobDetail done = jobs.detail("lab", id);
        assertThat(done.status().phase()).isEqualTo(JobPhase.FINISHED);
        assertThat(done.steps()).isNotEmpty();
        JsonNode finished = new ObjectMapper().readTree(done.toConsoleJson());
        assertThat(finished.get("showData").get("jobStatus").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("stopData").get("CPUUtilized").asText()).matches("\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void aJobSlurmctldForgotIsRenderedFromAccounting() {
        SlurmJobs jobs = jobs(fake);
        JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 5\n").name("j11-old").comment("kept").build()).jobId();
        fake.advance(Duration.ofHours(2));
        JobDetail d = jobs.detail("lab", id);
        assertThat(d.fromAccounting()).isTrue();
        assertThat(d.job().identity().name()).isEqualTo("j11-old");
        assertThat(d.job().identity().comment()).isEqualTo("kept");
        assertThat(d.status().phase()).isEqualTo(JobPhase.FINISHED);
        assertThat(d.finished()).isNotNull();
        Map<String, Object> env = JobView.toMap(d.job(), ZoneId.of("UTC"));
        assertThat(env).hasSize(109);
        assertThatThrownBy(() -> jobs.detail("lab", JobId.of(99999))).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
    }

    @Test
    void timeLimitRenameCancelAndAsync() throws Exception {
        SlurmJobs jobs = jobs(fake);
        JobId id = jobs.submitAsync("lab", sleeper("j11-async")).get().jobId();
        jobs.setTimeLimit("lab", id, 10);
        jobs.rename("lab", id, "j11-renamed");
        assertThat(jobs.detailAsync("lab", id).get().job().identity().name()).isEqualTo("j11-renamed");
        jobs.cancelAsync("lab", id).get();
        assertThat(phase(id)).isEqualTo(JobPhase.FINISHED);
        jobs.close();
    }

    @Test
    void rawCommandsAndSeveralClusters() {
        FakeShell other = new FakeShell("other");
        other.enqueue(List.of("hostname"), FakeReply.of(0, "login2\n", ""));
        SlurmJobs jobs = SlurmJobs.builder().cluster(Cluster.builder("a", fake).build())
                .cluster(Cluster.builder("b", other).build()).build();
        assertThat(jobs.clusters()).containsExactlyInAnyOrder("a", "b");
        assertThat(jobs.run("b", List.of("hostname"))).isEqualTo(new CommandOutput(0, "login2\n", ""));
        assertThatThrownBy(() -> jobs.myJobs("c", "alice", null)).hasMessageContaining("unknown cluster c");
    }

    private JobPhase phase(JobId id) {
        return jobs(fake).detail("lab", id).status().phase();
    }
}
