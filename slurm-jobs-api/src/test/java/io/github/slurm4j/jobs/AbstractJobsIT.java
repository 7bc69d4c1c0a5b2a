package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The façade against the lab's real Slurm 22.05 through the subclass's shell (local as root, an
 * operator; SSH as alice, a plain user). Jobs are named {@code j11-...}, run for seconds, and are
 * all cancelled at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJobsIT {
    static final String NONCE = UUID.randomUUID().toString().substring(0, 6);
    /**
     * How long a job may take to start: seconds on a quiet lab, but a cluster whose slurmctld another
     * IT has just restarted, or whose node other jobs fill, needs longer (seen on 24.11: 20 s was not
     * enough). Waits return as soon as the job runs.
     */
    static final Duration START = Duration.ofSeconds(90);

    LabSession lab;
    SlurmJobs jobs;

    protected abstract Shell createShell();

    /** The shell's user. */
    protected abstract String user();

    /** Whether the shell's user is an operator. */
    protected abstract boolean operator();

    /** The lab cluster the shell reaches: 22.05 unless a subclass runs the tests on another version. */
    protected LabCluster cluster() {
        return Lab.SLURM_22_05;
    }

    @BeforeAll
    void setUp() {
        lab = LabSession.open(cluster(), this::createShell, c -> SlurmJobs.builder().cluster(c
                .partitions(List.of("debug", "gpu", "cpu", "short", "maint", "urgent")).timeout(Duration.ofSeconds(30)).build()));
        jobs = lab.jobs();
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    static JobConf.Builder conf(String name, String script) {
        return JobConf.builder().script(script).name("j11-" + name + "-" + NONCE).output("/dev/null").workDir("/tmp")
                .timeLimitMinutes(5);
    }

    JobId submit(JobConf.Builder conf) {
        return lab.track(jobs.submit("lab", conf.build()).jobId());
    }

    JobDetail await(JobId id, Predicate<JobDetail> done, Duration max) {
        return LabSession.await(() -> jobs.detail("lab", id), done, max);
    }

    @Test
    void theWholeLifeOfAJobAndItsConsoleJson() throws Exception {
        JobId id = submit(conf("life", "#!/bin/sh\ntimeout 3 sh -c 'while :; do :; done'\nexit 0\n").comment("my comment"));
        JobDetail running = await(id, d -> d.status().phase() == JobPhase.RUNNING, START);
        assertThat(running.status().phase()).isEqualTo(JobPhase.RUNNING);
        assertThat(running.job().identity().comment()).isEqualTo("my comment");
        JsonNode live = new ObjectMapper().readTree(running.toConsoleJson());
        assertThat(live.get("showData").get("environment").size()).isEqualTo(109);
        assertThat(live.get("showData").get("environment").fieldNames()).toIterable().containsExactlyElementsOf(JobView.KEYS);
        assertThat(live.get("showData").get("jobStatus").asText()).isEqualTo("RUNNING");
        assertThat(live.get("showData").get("jobKey").asText()).isEqualTo(id + "-localhost");
        assertThat(live.get("stopData").size()).isZero();

        List<JobRow> mine = jobs.myJobs("lab", user(), Instant.now().minus(Duration.ofHours(1)));
        assertThat(mine).filteredOn(r -> r.id().equals(id.toString())).singleElement()
                .satisfies(r -> assertThat(r.comment()).isEqualTo("my comment"));

        // sacct's record of the batch step's usage arrives a little after the end
        JobDetail done = await(id, d -> d.status().phase().isFinal() && d.efficiency() != null
                && !"00:00:00".equals(d.toConsoleMap().get("stopData") instanceof java.util.Map<?, ?> m ? m.get("CPUUtilized") : null),
                Duration.ofSeconds(40));
        assertThat(done.status().phase()).isEqualTo(JobPhase.FINISHED);
        assertThat(done.steps()).isNotEmpty();
        JsonNode end = new ObjectMapper().readTree(done.toConsoleJson());
        assertThat(end.get("showData").get("environment").size()).isEqualTo(109);
        assertThat(end.get("showData").get("jobStatus").asText()).isEqualTo("FINISHED");
        assertThat(end.get("stopData").get("CPUUtilized").asText()).matches("00:00:0[1-9]");
    }

    @Test
    void myJobsAcrossTheMomentJobsLeaveTheQueue() {
        Instant since = Instant.now().minus(Duration.ofMinutes(10));
        Set<String> known = new HashSet<>();
        int listings = 0;
        for (int i = 0; i < 8; i++) {
            known.add(submit(conf("flow" + i, "#!/bin/sh\nsleep 1\n")).toString());
            for (int k = 0; k < 3; k++) {
                List<JobRow> rows = jobs.myJobs("lab", user(), since);
                listings++;
                assertThat(rows).extracting(JobRow::jobKey).doesNotHaveDuplicates();
                assertThat(rows).extracting(JobRow::id).doesNotHaveDuplicates().containsAll(known);
                LabSession.sleep(300);
            }
        }
        assertThat(listings).isEqualTo(24);
    }

    @Test
    void pauseAndResumeAPendingJob() {
        JobId id = submit(conf("pend", "#!/bin/sh\nsleep 60\n").begin("now+1hour"));
        JobDetail d = await(id, x -> "BeginTime".equals(x.status().reasonCode()), Duration.ofSeconds(10));
        assertThat(d.status().phase()).isEqualTo(JobPhase.QUEUED);
        jobs.pause("lab", id);
        d = jobs.detail("lab", id);
        assertThat(d.status().phase()).isEqualTo(JobPhase.PAUSED);
        assertThat(d.status().reasonCode()).isEqualTo(operator() ? "JobHeldAdmin" : "JobHeldUser");
        jobs.resume("lab", id);
        assertThat(jobs.detail("lab", id).status().phase()).isEqualTo(JobPhase.QUEUED);
    }

    @Test
    void pauseAndResumeARunningJob() {
        JobId id = submit(conf("run", "#!/bin/sh\nsleep 60\n"));
        assertThat(await(id, x -> x.status().phase() == JobPhase.RUNNING, START).status().phase())
                .isEqualTo(JobPhase.RUNNING);
        // 26.05 lets the job's owner suspend and resume it (seen on the lab, as in slurm-exec's
        // lifecycle IT); 22.05 and 24.11 refuse a plain user
        if (!operator() && cluster().release() < 2605) {
            assertThatThrownBy(() -> jobs.pause("lab", id)).isInstanceOfSatisfying(SlurmCommandException.class,
                    e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
            return;
        }
        assertThatThrownBy(() -> jobs.resume("lab", id)).isInstanceOfSatisfying(SlurmCommandException.class, e -> {
            assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT);
            assertThat(e.error().message()).contains("not suspended");
        });
        jobs.pause("lab", id);
        assertThat(jobs.detail("lab", id).status()).satisfies(s -> {
            assertThat(s.phase()).isEqualTo(JobPhase.PAUSED);
            assertThat(s.cloud()).isEqualTo(CloudStatus.Stopped);
        });
        jobs.resume("lab", id);
        assertThat(jobs.detail("lab", id).status().phase()).isEqualTo(JobPhase.RUNNING);
    }

    @Test
    void priority() {
        // pending by its begin time: a held job refuses priority changes ("Job is in held state")
        JobId id = submit(conf("prio", "#!/bin/sh\nsleep 60\n").begin("now+1hour"));
        if (operator()) {
            jobs.setPriority("lab", id, 500);
            assertThat(jobs.detail("lab", id).job().status().priority()).isEqualTo(5000L);
            assertThat(jobs.myJobs("lab", user(), null)).filteredOn(r -> r.id().equals(id.toString())).singleElement()
                    .satisfies(r -> assertThat(r.priority()).isEqualTo(500));
        } else {
            jobs.setPriority("lab", id, 50);
            assertThat(jobs.detail("lab", id).job().status().nice()).isEqualTo(500);
            assertThatThrownBy(() -> jobs.setPriority("lab", id, 200)).isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED);
                assertThat(e.error().message()).contains("operator rights");
            });
        }
    }

    @Test
    void aRefusalIsSubmitRejectedWithSlurmsMessage() {
        assertThatThrownBy(() -> submit(conf("bad", "#!/bin/sh\ntrue\n").account("j11-nosuch")))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED);
                    assertThat(e.error().message()).containsIgnoringCase("account");
                });
    }
}
