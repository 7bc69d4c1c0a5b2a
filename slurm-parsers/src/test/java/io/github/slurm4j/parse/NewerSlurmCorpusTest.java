package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobStep;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.SinfoRow;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpora captured from the lab's Slurm 24.11 and 26.05 by {@code scripts/capture.sh}: every
 * case parsed and checked on what it shows, once per version (the version is in the test's name).
 * The jobs are the capture's: cap-completed (COMPLETED), cap-fail-exit3 (FAILED 3:0), cap-array
 * (tasks 1-4, odd ones exit 1), cap-running (RUNNING with an srun step), held-by-alice (JobHeldUser),
 * cap-dependent (Dependency on the held job), cap-cancelled-pending (cancelled before it began).
 */
class NewerSlurmCorpusTest {

    private static Fixtures.Case load(String corpus, String name) {
        return Fixtures.load(corpus, name);
    }

    private static String release(String corpus) {
        return corpus.substring("slurm-".length());
    }

    private static List<Job> jobs(String corpus, String name) {
        return ScontrolParser.parseJobs(load(corpus, name).stdout());
    }

    private static Job job(String corpus, String name) {
        List<Job> jobs = jobs(corpus, name);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private static Optional<SlurmError> error(String corpus, String name) {
        Fixtures.Case c = load(corpus, name);
        return SlurmErrors.classify(c.cmd(), c.stdout(), c.stderr(), c.rc());
    }

    private static void assertError(String corpus, String name, SlurmErrorType type, String text) {
        assertThat(error(corpus, name)).as(name).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.message()).contains(text);
        });
    }

    // ------------------------------------------------------------------ submissions and refusals

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void submissions(String corpus) {
        Fixtures.Case c = load(corpus, "sbatch-parsable-success");
        assertThat(SbatchParser.parse(c.stdout(), c.stderr(), c.rc()).jobId().id()).isPositive();
        c = load(corpus, "runuser-alice-sbatch-hold");
        assertThat(c.stdout()).startsWith("Submitted batch job ");
        assertThat(SbatchParser.parse(c.stdout(), c.stderr(), c.rc()).jobId().id()).isPositive();
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void refusalsAreTyped(String corpus) {
        assertError(corpus, "sbatch-error-invalid-partition", SlurmErrorType.SUBMIT_REJECTED, "Invalid partition name specified");
        assertError(corpus, "sbatch-error-invalid-account", SlurmErrorType.SUBMIT_REJECTED, "Invalid account");
        assertError(corpus, "sbatch-error-stdin-empty", SlurmErrorType.SUBMIT_REJECTED, "Batch script is empty!");
        assertError(corpus, "runuser-alice-update-priority-held", SlurmErrorType.INVALID_ARGUMENT, "held state");
        assertError(corpus, "runuser-alice-release-others-job", SlurmErrorType.ACCESS_DENIED, "Invalid user id");
        assertError(corpus, "scontrol-hold-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified");
        assertError(corpus, "scontrol-update-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified");
        // rc 0 and still an error: read from the text
        assertThat(load(corpus, "scancel-verbose-error-invalid-id").rc()).isZero();
        assertError(corpus, "scancel-verbose-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified");
        assertError(corpus, "squeue-error-invalid-job", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified");
        assertThat(load(corpus, "squeue-error-invalid-user").rc()).isZero();
        assertError(corpus, "squeue-error-invalid-user", SlurmErrorType.INVALID_ARGUMENT, "Invalid user: nosuchuser");
        // the message is on stdout
        assertError(corpus, "scontrol-node-error-unknown", SlurmErrorType.INVALID_ARGUMENT, "Node nosuchnode not found");
        assertError(corpus, "scontrol-suspend-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution");
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void controllerStopped(String corpus) {
        assertError(corpus, "ctld-down-scontrol-ping", SlurmErrorType.CONTROLLER_UNAVAILABLE, "is DOWN");
        assertError(corpus, "ctld-down-squeue", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller");
        assertError(corpus, "ctld-down-sbatch-parsable", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller");
        Fixtures.Case c = load(corpus, "ctld-down-sacct-still-works");
        assertThat(c.rc()).isZero();
        assertThat(SacctParser.fromHeader().parse(c.stdout())).singleElement().satisfies(r -> {
            assertThat(r.jobName()).isEqualTo("cap-completed");
            assertThat(r.state().state()).isEqualTo(JobState.Name.COMPLETED);
        });
        assertThat(ActionOutputParser.parse(c.cmd(), "", "", 0).messages()).isEmpty();
        assertThat(load(corpus, "scontrol-ping").stdout()).contains("is UP");
        assertThat(error(corpus, "scontrol-ping")).isEmpty();
    }

    // ------------------------------------------------------------------ scontrol show job

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void jobsInEveryState(String corpus) {
        Job done = job(corpus, "scontrol-job-completed");
        assertThat(done.name()).isEqualTo("cap-completed");
        assertThat(done.state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(done.status().reason()).isNull();
        assertThat(done.identity().user().name()).isEqualTo("root");
        // 26.05 prints the submission's command line (SubmitLine); 24.11 does not
        if (corpus.equals("slurm-26.05")) {
            assertThat(done.io().submitLine()).startsWith("sbatch --parsable").endsWith("-J cap-completed --wrap sleep 1");
        } else {
            assertThat(done.io().submitLine()).isNull();
        }
        assertThat(done.io().workDir()).isEqualTo("/tmp");

        Job failed = job(corpus, "scontrol-job-failed-exit3");
        assertThat(failed.name()).isEqualTo("cap-fail-exit3");
        assertThat(failed.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(failed.status().exitCode().status()).isEqualTo(3);
        assertThat(failed.status().reason()).isEqualTo("NonZeroExitCode");

        Job running = job(corpus, "scontrol-job-oneliner-running");
        assertThat(running.name()).isEqualTo("cap-running");
        assertThat(running.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(running.identity().comment()).isEqualTo("key=value spaces = signs");
        assertThat(running.placement().nodeList()).isEqualTo("localhost");
        // -o: SubmitLine follows the free-text Command on the same line and ends it
        if (corpus.equals("slurm-26.05")) {
            assertThat(running.io().submitLine()).endsWith("--comment=key=value spaces = signs --wrap srun sleep 600");
        }
        Job detail = job(corpus, "scontrol-job-running-detail");
        assertThat(detail.jobId()).isEqualTo(running.jobId());
        assertThat(detail.state().state()).isEqualTo(JobState.Name.RUNNING);
        // 26.05 -d: "JobId=N JobName=cap-running SLUID=s…" on the first line; the name ends before it
        assertThat(detail.name()).isEqualTo("cap-running");
        if (corpus.equals("slurm-26.05")) {
            assertThat(detail.extras().get("SLUID")).startsWith("s");
        } else {
            assertThat(detail.extras()).doesNotContainKey("SLUID");
        }

        Job held = job(corpus, "scontrol-job-pending-held-user");
        assertThat(held.name()).isEqualTo("held-by-alice");
        assertThat(held.identity().user().name()).isEqualTo("alice");
        assertThat(held.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(held.status().reason()).isEqualTo("JobHeldUser");
        assertThat(held.status().priority()).isZero();

        Job dependent = job(corpus, "scontrol-job-pending-dependency");
        assertThat(dependent.name()).isEqualTo("cap-dependent");
        assertThat(dependent.status().reason()).isEqualTo("Dependency");
        assertThat(dependent.status().dependency()).isEqualTo("afterok:" + held.jobId() + "(unfulfilled)");

        List<Job> array = jobs(corpus, "scontrol-job-array-finished-mixed");
        assertThat(array).hasSize(4).allSatisfy(j -> assertThat(j.name()).isEqualTo("cap-array"));
        assertThat(array).extracting(j -> j.state().state())
                .containsExactlyInAnyOrder(JobState.Name.FAILED, JobState.Name.COMPLETED, JobState.Name.FAILED, JobState.Name.COMPLETED);

        Job cancelled = job(corpus, "scontrol-job-cancelled-before-start");
        assertThat(cancelled.name()).isEqualTo("cap-cancelled-pending");
        assertThat(cancelled.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(cancelled.placement().nodeList()).isNullOrEmpty();
    }

    /** Every job of the capture in the {@code -o} form (no SLUID without {@code -d}, even on 26.05). */
    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void everyJobOneLine(String corpus) {
        List<Job> all = jobs(corpus, "scontrol-job-all-oneliner");
        assertThat(all).extracting(Job::name).contains("cap-completed", "cap-fail-exit3", "cap-running", "held-by-alice",
                "cap-dependent", "cap-cancelled-pending", "cap-array");
        assertThat(all).allSatisfy(j -> assertThat(j.name()).doesNotContain("SLUID="));
        assertThat(all).allSatisfy(j -> assertThat(j.extras()).doesNotContainKey("SLUID"));
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void stepsPidsAndStatistics(String corpus) {
        List<JobStep> steps = ScontrolParser.parseSteps(load(corpus, "scontrol-show-step-running").stdout());
        assertThat(steps).singleElement().satisfies(s -> assertThat(s.stepId().step()).isEqualTo("0"));
        long id = steps.get(0).stepId().id();
        List<JobPid> pids = ListPidsParser.parse(load(corpus, "scontrol-listpids-running").stdout());
        assertThat(pids).allSatisfy(p -> assertThat(p.jobId().id()).isEqualTo(id));
        assertThat(pids).extracting(JobPid::stepId).contains("batch", "extern", "0");
        List<StepStatRecord> stats = SstatParser.fromHeader().parse(load(corpus, "sstat-parsable-running-allsteps").stdout());
        assertThat(stats).extracting(r -> r.jobId().toString()).contains(id + ".batch", id + ".0");
    }

    // ------------------------------------------------------------------ squeue, sacct

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void queueListings(String corpus) {
        List<SqueueRow> rows = SqueueParser.forFormat("%i|%j|%u|%T|%M|%l|%D|%C|%R")
                .parse(load(corpus, "squeue-custom-pipe-header").stdoutBytes());
        assertThat(rows).extracting(SqueueRow::name).contains("cap-running", "held-by-alice", "cap-dependent");
        assertThat(rows).filteredOn(r -> r.name().equals("cap-dependent")).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("Dependency"));
        List<SqueueRow> alice = SqueueParser.defaultFormat().parse(load(corpus, "squeue-user-alice").stdoutBytes());
        assertThat(alice).isNotEmpty().allSatisfy(r -> assertThat(r.user()).isEqualTo("alice"));
        // held-by-alice (the default format cuts the name to 8 characters)
        assertThat(alice).filteredOn(r -> r.jobId().toString().equals(String.valueOf(jobs(corpus, "scontrol-job-pending-held-user").get(0).jobId())))
                .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("JobHeldUser"));
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void accounting(String corpus) {
        List<AccountingRecord> brief = SacctParser.fromHeader().parse(load(corpus, "sacct-brief").stdout());
        // "CANCELLED by 1000" cut to "CANCELLED+" by the fixed width has no state
        assertThat(brief).filteredOn(r -> r.state() != null).extracting(r -> r.state().state()).contains(JobState.Name.COMPLETED, JobState.Name.FAILED,
                JobState.Name.RUNNING);
        List<AccountingJob> all = AccountingJob.group(SacctParser.fromHeader().withAbsorbingColumns("JobName", "Comment")
                .parse(load(corpus, "sacct-parsable2-many-fields-all").stdout()));
        // the lab keeps the jobs of earlier capture runs (cancelled): the last cap-running is this run's
        AccountingJob running = all.stream().filter(j -> "cap-running".equals(j.job().jobName()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(running.job().state().state()).isEqualTo(JobState.Name.RUNNING);
        // observed on 24.11 and 26.05: sacct shows no Comment for a job still running (scontrol does)
        assertThat(running.job().comment()).isNull();
        assertThat(running.steps()).extracting(s -> s.jobId().toString()).contains(running.job().jobId().id() + ".batch");
        List<AccountingRecord> array = SacctParser.fromHeader().parse(load(corpus, "sacct-array-job").stdout());
        // the finished array and alice's running one
        assertThat(array).filteredOn(r -> r.jobId().step() == null && "cap-array".equals(r.jobName())).hasSize(4);
        assertThat(array).filteredOn(r -> r.jobId().step() == null).extracting(AccountingRecord::jobName)
                .containsOnly("cap-array", "alice-array");
    }

    // ------------------------------------------------------------------ nodes, partitions, associations

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void nodesAndPartitions(String corpus) {
        List<Node> nodes = ScontrolParser.parseNodes(load(corpus, "scontrol-node-all-multiline").stdout());
        assertThat(nodes).extracting(Node::name).containsExactlyInAnyOrder("cpu01", "cpu02", "cpu03", "gpu01", "gpu02", "localhost");
        Node local = nodes.stream().filter(n -> n.name().equals("localhost")).findFirst().orElseThrow();
        assertThat(local.hardware().cpuTotal()).isEqualTo(8);
        assertThat(local.hardware().realMemoryBytes()).isEqualTo(8000L << 20);
        Node drained = ScontrolParser.parseNodes(load(corpus, "scontrol-node-drained-reason-spaces").stdout()).get(0);
        assertThat(drained.name()).isEqualTo("cpu01");
        assertThat(drained.state().flags()).contains(NodeState.Flag.DRAIN);
        assertThat(drained.reason()).startsWith("disk replaced: wait for fsck");
        Node down = ScontrolParser.parseNodes(load(corpus, "scontrol-node-down-reason").stdout()).get(0);
        assertThat(down.state().base()).isEqualTo(NodeState.Base.DOWN);
        assertThat(down.reason()).startsWith("PSU failure, ticket=INC-4711");
        List<Partition> partitions = ScontrolParser.parsePartitions(load(corpus, "scontrol-partition-all").stdout());
        assertThat(partitions).extracting(Partition::name).containsExactly("debug", "gpu", "cpu", "short", "maint", "urgent");
        List<SinfoRow> sinfo = SinfoParser.defaultFormat().parse(load(corpus, "sinfo-default-rich").stdoutBytes());
        assertThat(sinfo).extracting(SinfoRow::partition).contains("debug", "gpu", "cpu", "short", "maint", "urgent");
        assertThat(SlurmTableParser.parsable("sacctmgr").parse(load(corpus, "sacctmgr-show-assoc-parsable").stdout()).asMaps())
                .anySatisfy(m -> assertThat(m).containsEntry("Account", "chemistry").containsEntry("User", "bob")
                        .containsEntry("MaxJobs", "1").containsEntry("MaxSubmit", "3"));
    }

    // ------------------------------------------------------------------ JSON

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void jsonOutputs(String corpus) {
        String version = release(corpus);
        JsonResult<Job> squeue = SqueueJsonParser.parse(load(corpus, "squeue-json").stdoutBytes(), ZoneOffset.UTC);
        assertThat(squeue.errors()).isEmpty();
        assertThat(squeue.slurmVersion()).startsWith(version + ".");
        assertThat(squeue.items()).extracting(Job::name).contains("cap-running", "held-by-alice", "cap-dependent");
        assertThat(squeue.items()).filteredOn(j -> j.name().equals("held-by-alice")).singleElement().satisfies(j -> {
            assertThat(j.state().state()).isEqualTo(JobState.Name.PENDING);
            assertThat(j.status().reason()).isEqualTo("JobHeldUser");
        });
        JsonResult<Job> scontrol = SqueueJsonParser.parse(load(corpus, "scontrol-json-show-job").stdoutBytes(), ZoneOffset.UTC);
        assertThat(scontrol.items()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("cap-running");
            assertThat(j.state().state()).isEqualTo(JobState.Name.RUNNING);
        });
        List<AccountingRecord> sacct = SacctParser.json(ZoneOffset.UTC).parse(load(corpus, "sacct-json").stdout());
        assertThat(sacct).extracting(AccountingRecord::jobName).contains("cap-completed", "cap-fail-exit3", "cap-array", "cap-running");
        JsonResult<Node> nodes = NodesJsonParser.parse(load(corpus, "scontrol-json-show-node").stdoutBytes(), ZoneOffset.UTC);
        assertThat(nodes.items()).extracting(Node::name).contains("localhost", "cpu01", "cpu03");
        JsonResult<Node> sinfo = NodesJsonParser.parse(load(corpus, "sinfo-json").stdoutBytes(), ZoneOffset.UTC);
        assertThat(sinfo.slurmVersion()).startsWith(version + ".");
    }

    /** slurmrestd's JSON for every data parser the version serves (24.11: v0.0.40-42, 26.05: v0.0.42-45). */
    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {"slurm-24.11", "slurm-26.05"})
    void slurmrestdEveryDataParser(String corpus) {
        List<String> cases = Fixtures.names(corpus).stream().filter(n -> n.startsWith("slurmrestd-")).toList();
        assertThat(RESTD_CASES).containsAll(cases);
        assertThat(cases).hasSize(corpus.equals("slurm-24.11") ? 6 : 8);
        for (String name : cases) {
            Fixtures.Case c = load(corpus, name);
            assertThat(c.stderr()).as(name).startsWith("HTTP/1.1 200");
            if (name.endsWith("-job")) {
                JsonResult<Job> jobs = SqueueJsonParser.parse(c.stdoutBytes(), ZoneOffset.UTC);
                assertThat(jobs.items()).as(name).singleElement().satisfies(j -> {
                    assertThat(j.name()).isEqualTo("cap-running");
                    assertThat(j.state().state()).isEqualTo(JobState.Name.RUNNING);
                });
            } else {
                JsonResult<Node> nodes = NodesJsonParser.parse(c.stdoutBytes(), ZoneOffset.UTC);
                assertThat(nodes.items()).as(name).extracting(Node::name).contains("localhost", "gpu01");
            }
        }
    }

    /** Every slurmrestd case name of the newer corpora. */
    static final List<String> RESTD_CASES = List.of(
            "slurmrestd-v0.0.40-job", "slurmrestd-v0.0.40-nodes", "slurmrestd-v0.0.41-job", "slurmrestd-v0.0.41-nodes",
            "slurmrestd-v0.0.42-job", "slurmrestd-v0.0.42-nodes", "slurmrestd-v0.0.43-job", "slurmrestd-v0.0.43-nodes",
            "slurmrestd-v0.0.44-job", "slurmrestd-v0.0.44-nodes", "slurmrestd-v0.0.45-job", "slurmrestd-v0.0.45-nodes");
}
