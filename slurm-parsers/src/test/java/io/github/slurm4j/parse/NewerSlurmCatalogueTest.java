package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.SlurmTable;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.cluster.License;
import io.github.slurm4j.model.cluster.SchedulerDiagnostics;
import io.github.slurm4j.model.cluster.SlurmConfig;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.SinfoRow;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of {@code scripts/capture.sh} beyond the first cases ({@link NewerSlurmCorpusTest}):
 * the 22.05 scenarios as far as each newer version has them, parsed through the parsers and the
 * dispatcher and checked on what they show, once per version (the version is in the test's name).
 * Job ids differ per capture run: a case's job id is read from its {@code cmd}.
 */
class NewerSlurmCatalogueTest {

    static final String V24 = "slurm-24.11";
    static final String V26 = "slurm-26.05";

    static Fixtures.Case load(String corpus, String name) {
        return Fixtures.load(corpus, name);
    }

    /** The last job id (with an array task or step suffix) named by the case's command line. */
    static String idOf(String corpus, String name) {
        Matcher update = Pattern.compile("JobId=(\\d+)").matcher(load(corpus, name).cmd());
        if (update.find()) {
            return update.group(1);
        }
        Matcher m = Pattern.compile("(\\d+(?:_\\d+)?)(?:\\.\\d+)?\\b").matcher(load(corpus, name).cmd());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("a job id in the cmd of " + name).isNotNull();
        return last;
    }

    static long jobIdOf(String corpus, String name) {
        return Long.parseLong(idOf(corpus, name).replaceAll("_.*", ""));
    }

    static List<Job> jobs(String corpus, String name) {
        return ScontrolParser.parseJobs(load(corpus, name).stdout());
    }

    static Job job(String corpus, String name) {
        List<Job> jobs = jobs(corpus, name);
        assertThat(jobs).as(name).hasSize(1);
        return jobs.get(0);
    }

    static Optional<SlurmError> error(String corpus, String name) {
        Fixtures.Case c = load(corpus, name);
        return SlurmErrors.classify(c.cmd(), c.stdout(), c.stderr(), c.rc());
    }

    static ParsedOutput dispatch(Fixtures.Case c) {
        return CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
    }

    static ActionResult action(String corpus, String name) {
        Fixtures.Case c = load(corpus, name);
        return ActionOutputParser.parse(c.cmd(), c.stdout(), c.stderr(), c.rc());
    }

    // ------------------------------------------------------------------ every case, through the dispatcher

    /** Cases the dispatcher must refuse: a value holds the delimiter (as on 22.05). */
    static final Set<String> REFUSED = Set.of("sacct-comment-with-pipe-and-equals", "sacct-parsable2-many-fields-all");

    /** The error cases of both corpora: what SlurmErrors makes of them (type and a fragment of the message). */
    static Stream<Arguments> errors() {
        List<Arguments> both = List.of(
                Arguments.of("sbatch-error-array-too-big", SlurmErrorType.SUBMIT_REJECTED, "Invalid job array specification"),
                Arguments.of("sbatch-error-bad-time-format", SlurmErrorType.INVALID_ARGUMENT, "Invalid --time specification"),
                Arguments.of("sbatch-error-gres-unavailable", SlurmErrorType.SUBMIT_REJECTED, "Requested node configuration is not available"),
                Arguments.of("sbatch-error-gres-unknown-type", SlurmErrorType.SUBMIT_REJECTED, "Requested node configuration is not available"),
                Arguments.of("sbatch-error-inactive-license", SlurmErrorType.SUBMIT_REJECTED, "Invalid license specification"),
                Arguments.of("sbatch-error-missing-script", SlurmErrorType.SUBMIT_REJECTED, "Unable to open file /tmp/does-not-exist.sh"),
                Arguments.of("sbatch-error-no-shebang", SlurmErrorType.SUBMIT_REJECTED, "line must start with #!"),
                Arguments.of("sbatch-error-too-much-memory", SlurmErrorType.SUBMIT_REJECTED, "Memory specification can not be satisfied"),
                // accepted by 22.05 (the dependency silently dropped), refused by 24.11 and 26.05
                Arguments.of("sbatch-error-dependency-unknown-job", SlurmErrorType.SUBMIT_REJECTED, "Job dependency problem"),
                Arguments.of("runuser-bob-sbatch-error-maxsubmit", SlurmErrorType.SUBMIT_REJECTED, "Job violates accounting/QOS policy"),
                Arguments.of("runuser-nobody-sbatch-error-no-association", SlurmErrorType.SUBMIT_REJECTED,
                        "Invalid account or account/partition combination specified"),
                Arguments.of("runuser-alice-update-priority-denied", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job "),
                Arguments.of("runuser-alice-update-negative-nice", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job "),
                Arguments.of("scontrol-suspend-error-invalid-id", SlurmErrorType.UNKNOWN, "Unexpected message received for job 999999"),
                Arguments.of("scancel-verbose-error-already-finished", SlurmErrorType.INVALID_ARGUMENT, "Job/step already completing or completed"),
                Arguments.of("scancel-error-bad-option", SlurmErrorType.INVALID_ARGUMENT, "unrecognized option '--bogus'"),
                Arguments.of("scancel-error-no-args", SlurmErrorType.INVALID_ARGUMENT, "No job identification provided"),
                Arguments.of("squeue-error-bad-state", SlurmErrorType.INVALID_ARGUMENT, "Invalid job state specified: FOO"),
                Arguments.of("scontrol-update-node-invalid-name", SlurmErrorType.INVALID_ARGUMENT, "Invalid node name specified"),
                Arguments.of("scontrol-requeue-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution for job "),
                // 26.05 says "for JobId=N", 24.11 "for job N"
                Arguments.of("sstat-error-pending-job", SlurmErrorType.INVALID_ARGUMENT, "No steps running for "),
                Arguments.of("seff-error-invalid", SlurmErrorType.JOB_NOT_FOUND, "Job not found."),
                Arguments.of("ctld-down-seff", SlurmErrorType.JOB_NOT_FOUND, "Job not found."),
                Arguments.of("ctld-down-sstat", SlurmErrorType.UNKNOWN, "couldn't get steps for "),
                Arguments.of("ctld-down-scontrol-hold", SlurmErrorType.UNKNOWN, "Unexpected message received for job "),
                Arguments.of("ctld-down-sbatch", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-scancel", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-scancel-verbose", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-scontrol-show-job", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-sdiag", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-sprio", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-sshare", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("dbd-down-sacct-json", SlurmErrorType.ACCOUNTING_UNAVAILABLE, "Problem talking to the database: Connection refused"),
                Arguments.of("dbd-down-seff", SlurmErrorType.ACCOUNTING_UNAVAILABLE, "failed to open persistent connection"));
        List<Arguments> all = new ArrayList<>();
        for (String corpus : List.of(V24, V26)) {
            for (Arguments a : both) {
                Object[] v = a.get();
                all.add(Arguments.of(corpus, v[0], v[1], v[2]));
            }
        }
        // accepted by 22.05 and 26.05 (the job pends), refused by 24.11
        all.add(Arguments.of(V24, "sbatch-error-N2-single-node-partition", SlurmErrorType.SUBMIT_REJECTED,
                "Requested node configuration is not available"));
        all.add(Arguments.of(V24, "sbatch-error-cpus-per-task-32", SlurmErrorType.SUBMIT_REJECTED, "CPU count per node can not be satisfied"));
        all.add(Arguments.of(V24, "sbatch-error-too-many-cpus", SlurmErrorType.SUBMIT_REJECTED, "Requested node configuration is not available"));
        all.add(Arguments.of(V24, "runuser-alice-scontrol-suspend-permission", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job "));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void errorsAreTyped(String corpus, String name, SlurmErrorType type, String fragment) {
        assertThat(error(corpus, name)).as(name).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.message()).contains(fragment);
        });
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void everyCaseThroughTheDispatcher(String corpus) {
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> errorCases = new ArrayList<>();
        for (String name : Fixtures.names(corpus)) {
            if (name.startsWith("slurmrestd-")) {
                continue; // an HTTP body, not a command output: NewerSlurmCorpusTest#slurmrestdEveryDataParser
            }
            Fixtures.Case c = load(corpus, name);
            if (REFUSED.contains(name) || NEWLINE_NAME_CASES.contains(name)) {
                assertThatThrownBy(() -> dispatch(c)).as(name).isInstanceOf(SlurmParseException.class).hasMessageContaining("line ");
                continue;
            }
            ParsedOutput out;
            try {
                out = dispatch(c);
            } catch (RuntimeException e) {
                problems.add(name + ": " + e);
                continue;
            }
            kinds.merge(out.kind(), 1, Integer::sum);
            if (out.kind().equals("unknown")) {
                problems.add(name + ": unknown kind");
            }
            if (out.error() != null) {
                errorCases.add(name);
                assertThat(out.items()).as(name).isEmpty();
            }
        }
        assertThat(problems).isEmpty();
        assertThat(kinds).containsKeys("job", "node", "partition", "step", "reservation", "accounting", "stat", "seff",
                "submit", "pids", "action", "table", "config", "license", "hostname", "diag");
        // every error the dispatcher reports is one of the typed errors above (or of NewerSlurmCorpusTest)
        List<String> typed = errors().filter(a -> a.get()[0].equals(corpus)).map(a -> (String) a.get()[1]).toList();
        assertThat(errorCases).allSatisfy(n -> assertThat(typed.contains(n) || CORPUS_TEST_ERRORS.contains(n)).as(n).isTrue());
        assertThat(errorCases).containsAll(typed);
    }

    /** The error cases {@link NewerSlurmCorpusTest} already types. */
    static final Set<String> CORPUS_TEST_ERRORS = Set.of("sbatch-error-invalid-partition", "sbatch-error-invalid-account",
            "sbatch-error-stdin-empty", "runuser-alice-update-priority-held", "runuser-alice-release-others-job",
            "scontrol-hold-error-invalid-id", "scontrol-update-error-invalid-id", "scancel-verbose-error-invalid-id",
            "squeue-error-invalid-job", "squeue-error-invalid-user", "scontrol-node-error-unknown", "scontrol-suspend-error-pending",
            "ctld-down-scontrol-ping", "ctld-down-squeue", "ctld-down-sbatch-parsable");

    // ------------------------------------------------------------------ scontrol show job: every state

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void finishedJobs(String corpus) {
        Job timeout = job(corpus, "scontrol-job-timeout");
        assertThat(timeout.name()).isEqualTo("will-timeout");
        assertThat(timeout.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(timeout.status().reason()).isEqualTo("TimeLimit");
        assertThat(timeout.timing().timeLimit().asDuration()).hasValue(java.time.Duration.ofMinutes(1));
        // OverMemoryKill (no cgroups in the chroot clusters): killed by SIGKILL, the reason names the signal
        Job memkill = job(corpus, "scontrol-job-memkill-failed");
        assertThat(memkill.name()).isEqualTo("oom-victim");
        assertThat(memkill.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(memkill.status().exitCode().signal()).isEqualTo(9);
        assertThat(memkill.status().reason()).isEqualTo("RaisedSignal:9(Killed)");
        Job kill9 = job(corpus, "scontrol-job-sigkill-failed");
        assertThat(kill9.name()).isEqualTo("self-kill9");
        assertThat(kill9.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(kill9.status().exitCode().status()).isZero();
        assertThat(kill9.status().exitCode().signal()).isEqualTo(9);
        assertThat(kill9.status().reason()).isEqualTo("RaisedSignal:9(Killed)");
        // the batch shell (sh) dies of SIGUSR1: 0:10 (22.05's bash script exited 138)
        Job usr1 = job(corpus, "scontrol-job-failed-by-signal-exit138");
        assertThat(usr1.name()).isEqualTo("self-usr1");
        assertThat(usr1.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(usr1.status().exitCode().signal()).isEqualTo(10);
        assertThat(usr1.status().reason()).isEqualTo("RaisedSignal:10(User_defined_signal_1)");
        Job deadline = job(corpus, "scontrol-job-deadline-state");
        assertThat(deadline.name()).isEqualTo("with-deadline");
        assertThat(deadline.state().state()).isEqualTo(JobState.Name.DEADLINE);
        assertThat(deadline.status().reason()).isEqualTo("DeadLine");
        assertThat(deadline.status().exitCode().signal()).isEqualTo(1);
        assertThat(deadline.timing().deadline()).isNotNull();
        assertThat(deadline.placement().nodeList()).isNullOrEmpty();
        Job preempted = job(corpus, "scontrol-job-preempted");
        assertThat(preempted.state().state()).isEqualTo(JobState.Name.PREEMPTED);
        assertThat(preempted.name()).isIn("cap-gpu-hog", "训练任务 中文名");
        assertThat(preempted.status().exitCode().signal()).isEqualTo(15);
        Job cancelled = job(corpus, "scontrol-job-cancelled-after-start");
        assertThat(cancelled.name()).isEqualTo("cap-cancel-running");
        assertThat(cancelled.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(cancelled.resources().numCpus()).isEqualTo(2);
        assertThat(cancelled.placement().nodeList()).isEqualTo("localhost");
        Job special = job(corpus, "scontrol-job-special-chars-name-alice");
        assertThat(special.name()).isEqualTo("a|b,c=d \"q\" 's'");
        assertThat(special.identity().user().name()).isEqualTo("alice");
        assertThat(special.state().state()).isEqualTo(JobState.Name.COMPLETED);
        Job comment = job(corpus, "scontrol-job-comment-with-pipe");
        assertThat(comment.identity().comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(comment.state().state()).isEqualTo(JobState.Name.COMPLETED);
        for (String name : List.of("scontrol-job-completing", "scontrol-job-oneliner-completing")) {
            Job completing = job(corpus, name);
            assertThat(completing.name()).isEqualTo("cap-completing");
            assertThat(completing.state().state()).as(name).isEqualTo(JobState.Name.COMPLETING);
        }
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void runningAndPendingJobs(String corpus) {
        Job unicode = job(corpus, "scontrol-job-running-unicode-name-gres");
        assertThat(unicode.name()).isEqualTo("训练任务 中文名");
        assertThat(unicode.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(unicode.resources().tresPerNode()).isEqualTo("gres/gpu:1");
        Job unicodeDetail = job(corpus, "scontrol-job-running-unicode-name-gres-detail");
        assertThat(unicodeDetail.jobId()).isEqualTo(unicode.jobId());
        assertThat(unicodeDetail.nodeAllocations()).singleElement().satisfies(a -> assertThat(a.nodes()).isEqualTo("localhost"));
        Job bob = job(corpus, "scontrol-job-running-cpus-per-task-bob");
        assertThat(bob.identity().user().name()).isEqualTo("bob");
        assertThat(bob.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(bob.resources().cpusPerTask()).isEqualTo(2);
        assertThat(bob.resources().numCpus()).isEqualTo(2);
        assertThat(bob.timing().timeLimit()).isEqualTo(io.github.slurm4j.model.TimeLimit.UNLIMITED);

        assertPending(corpus, "scontrol-job-pending-resources", "alice-needs-gpu", "Resources");
        assertThat(job(corpus, "scontrol-job-pending-resources").resources().numCpus()).isEqualTo(3);
        Job licenses = assertPending(corpus, "scontrol-job-pending-licenses", "cap-licenses", "Licenses");
        assertThat(licenses.resources().licenses()).isEqualTo("matlab:1");
        assertPending(corpus, "scontrol-job-pending-assoc-max-jobs", "bob-second", "AssocMaxJobsLimit");
        assertPending(corpus, "scontrol-job-pending-dependency-never-satisfied", "never-runs", "DependencyNeverSatisfied");
        assertThat(job(corpus, "scontrol-job-pending-dependency-never-satisfied").status().dependency())
                .isEqualTo("afterok:" + jobIdOf(corpus, "scontrol-job-failed-exit3") + "(failed)");
        assertPending(corpus, "scontrol-job-pending-held-user-by-uhold", "cap-user-hold", "JobHeldUser");
        Job down = assertPending(corpus, "scontrol-job-pending-nodes-down-reason-with-commas", "cap-cpu-nodes",
                "Nodes_required_for_job_are_DOWN,_DRAINED_or_reserved_for_jobs_in_higher_priority_partitions");
        assertThat(down.identity().partition()).isEqualTo("cpu");
        Job multi = job(corpus, "scontrol-job-pending-multi-partition-cpus-per-task");
        assertThat(multi.identity().partition()).isEqualTo("debug,gpu");
        assertThat(multi.resources().numCpus()).isEqualTo(8);
        assertThat(multi.resources().numTasks()).isEqualTo(4);
        assertThat(multi.resources().cpusPerTask()).isEqualTo(2);
        Job longName = job(corpus, "scontrol-job-oneliner-pending-priority-long-name");
        assertThat(longName.name()).hasSize(163).startsWith("very-long-job-name-abcdefghij").endsWith("abcdefghij-end");
        assertThat(longName.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(longName.status().reason()).isEqualTo("Priority");
    }

    static Job assertPending(String corpus, String name, String jobName, String reason) {
        Job j = job(corpus, name);
        assertThat(j.name()).as(name).isEqualTo(jobName);
        assertThat(j.state().state()).as(name).isEqualTo(JobState.Name.PENDING);
        assertThat(j.status().reason()).as(name).isEqualTo(reason);
        return j;
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void arraysHetJobsAndRequeues(String corpus) {
        List<Job> running = jobs(corpus, "scontrol-job-array-running-and-pending");
        long arrayId = jobIdOf(corpus, "scontrol-job-array-running-and-pending");
        assertThat(running).allSatisfy(j -> {
            assertThat(j.name()).isEqualTo("alice-array");
            assertThat(j.identity().arrayJobId()).isEqualTo(arrayId);
        });
        assertThat(running).extracting(j -> j.displayId().toString()).contains(arrayId + "_[3-6%2]");
        Job element = job(corpus, "scontrol-job-array-element-running");
        assertThat(element.displayId().toString()).isEqualTo(arrayId + "_1");
        assertThat(element.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(element.identity().arrayTaskThrottle()).isEqualTo(2);
        Job requeueHold = job(corpus, "scontrol-job-requeue-hold");
        assertThat(requeueHold.displayId().toString()).isEqualTo(arrayId + "_2");
        assertThat(requeueHold.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(requeueHold.status().reason()).isEqualTo("job_requeued_in_held_state");
        assertThat(requeueHold.status().restarts()).isEqualTo(1);

        Job later = job(corpus, "scontrol-job-array-all-pending");
        assertThat(later.displayId().toString()).endsWith("_[1-5%2]");
        assertThat(later.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(later.identity().arrayTaskThrottle()).isEqualTo(2);
        Job held = job(corpus, "scontrol-job-array-held");
        assertThat(held.jobId()).isEqualTo(later.jobId());
        assertThat(held.status().reason()).isEqualTo("JobHeldAdmin");
        assertThat(held.status().priority()).isZero();

        Job requeued = job(corpus, "scontrol-job-requeued-pending");
        assertThat(requeued.name()).isEqualTo("bob-cpus");
        assertThat(requeued.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(requeued.status().reason()).isEqualTo("BeginTime");
        assertThat(requeued.status().restarts()).isEqualTo(1);

        long het = jobIdOf(corpus, "scontrol-job-hetjob-pending");
        for (String name : List.of("scontrol-job-hetjob-pending", "scontrol-job-oneliner-hetjob-pending")) {
            List<Job> components = jobs(corpus, name);
            assertThat(components).as(name).hasSize(2).allSatisfy(j -> {
                assertThat(j.name()).isEqualTo("het-demo");
                assertThat(j.identity().hetJobId()).isEqualTo(het);
            });
            assertThat(components).extracting(j -> j.displayId().toString()).containsExactly(het + "+0", het + "+1");
            assertThat(components).extracting(j -> j.identity().partition()).containsExactly("debug", "gpu");
        }
        Fixtures.Case hetSubmit = load(corpus, "sbatch-hetjob");
        assertThat(SbatchParser.parse(hetSubmit.stdout(), hetSubmit.stderr(), hetSubmit.rc()).jobId().id()).isEqualTo(het);
        Fixtures.Case arraySubmit = load(corpus, "sbatch-array-mixed-exit");
        assertThat(SbatchParser.parse(arraySubmit.stdout(), arraySubmit.stderr(), arraySubmit.rc()).jobId().id())
                .isEqualTo(jobIdOf(corpus, "scontrol-job-array-finished-mixed"));
    }

    /** scontrol show job of every job: every state of the capture in the three forms. */
    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void everyJobEveryForm(String corpus) {
        for (String name : List.of("scontrol-job-all-multiline", "scontrol-job-all-detail", "scontrol-job-all-oneliner")) {
            List<Job> all = jobs(corpus, name);
            assertThat(all).as(name).extracting(j -> j.state().state()).contains(JobState.Name.COMPLETED, JobState.Name.FAILED,
                    JobState.Name.RUNNING, JobState.Name.PENDING, JobState.Name.CANCELLED, JobState.Name.TIMEOUT,
                    JobState.Name.DEADLINE, JobState.Name.PREEMPTED);
            assertThat(all).as(name).extracting(Job::name).contains("训练任务 中文名", "a|b,c=d \"q\" 's'", "het-demo", "alice-array");
        }
        long running = jobIdOf(corpus, "scontrol-job-oneliner-running");
        assertThat(jobs(corpus, "scontrol-job-all-detail")).filteredOn(j -> j.jobId() == running).singleElement()
                .satisfies(j -> assertThat(j.nodeAllocations()).isNotEmpty());
    }

    // ------------------------------------------------------------------ actions

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void silentActions(String corpus) {
        Map<String, String> silent = Map.ofEntries(
                Map.entry("scancel-array-element-pending", "scancel \\d+_6"),
                Map.entry("scancel-by-name-and-state", "scancel -n never-runs -t PENDING"),
                Map.entry("scancel-requeued-completed-job-silent", "scancel \\d+"),
                Map.entry("scancel-running-job-ok", "scancel \\d+"),
                Map.entry("scontrol-hold-array-pending", "scontrol hold \\d+"),
                Map.entry("scontrol-hold-pending-job", "scontrol hold \\d+"),
                Map.entry("scontrol-release-admin-held", "scontrol release \\d+"),
                Map.entry("scontrol-release-not-held-silent", "scontrol release \\d+"),
                Map.entry("runuser-alice-release-own-held", "runuser -u alice -- scontrol release \\d+"),
                Map.entry("scontrol-requeue-completed-job-accepted", "scontrol requeue \\d+"),
                Map.entry("scontrol-requeue-running", "scontrol requeue \\d+"),
                Map.entry("scontrol-suspend-running-job", "scontrol suspend \\d+"),
                Map.entry("scontrol-uhold-pending", "scontrol uhold \\d+"),
                Map.entry("scontrol-update-hetjob-timelimit", "scontrol update JobId=\\d+ TimeLimit=20"),
                Map.entry("scontrol-update-nice", "scontrol update JobId=\\d+ Nice=100"),
                Map.entry("scontrol-update-node-drain-reason-spaces",
                        "scontrol update nodename=cpu01 state=drain reason=\"disk replaced: wait for fsck\""),
                Map.entry("scontrol-update-priority-pending", "scontrol update JobId=\\d+ Priority=30000"),
                Map.entry("scontrol-update-timelimit-pending", "scontrol update JobId=\\d+ TimeLimit=1-02:03:04"));
        silent.forEach((name, cmd) -> {
            Fixtures.Case c = load(corpus, name);
            assertThat(c.cmd()).as(name).matches(cmd);
            assertThat(c.rc()).as(name).isZero();
            assertThat(action(corpus, name).messages()).as(name).isEmpty();
            assertThat(dispatch(c).kind()).as(name).isEqualTo("action");
        });
        // the jobs acted on are the ones the scenery says
        assertThat(jobIdOf(corpus, "scontrol-requeue-running")).isEqualTo(jobIdOf(corpus, "scontrol-job-requeued-pending"));
        assertThat(jobIdOf(corpus, "scontrol-uhold-pending")).isEqualTo(jobIdOf(corpus, "scontrol-job-pending-held-user-by-uhold"));
        assertThat(jobIdOf(corpus, "scontrol-update-hetjob-timelimit")).isEqualTo(jobIdOf(corpus, "scontrol-job-hetjob-pending"));
        assertThat(jobIdOf(corpus, "scontrol-hold-array-pending")).isEqualTo(jobIdOf(corpus, "scontrol-job-array-held"));
        assertThat(jobIdOf(corpus, "scontrol-update-priority-pending")).isEqualTo(jobIdOf(corpus, "scontrol-job-pending-licenses"));

        long verbose = jobIdOf(corpus, "scancel-verbose");
        assertThat(action(corpus, "scancel-verbose")).isEqualTo(ActionResult.ok(List.of("scancel: Terminating job " + verbose)));
        assertThat(action(corpus, "scontrol-create-reservation")).isEqualTo(ActionResult.ok(List.of("Reservation created: cpu_future")));
        assertThat(action(corpus, "scontrol-create-reservation-active-gpu02"))
                .isEqualTo(ActionResult.ok(List.of("Reservation created: gpu02_maint")));
        // 24.11 refuses alice suspending her own running array element (as 22.05 did); 26.05 lets her
        Fixtures.Case suspend = load(corpus, "runuser-alice-scontrol-suspend-permission");
        if (corpus.equals(V26)) {
            assertThat(suspend.rc()).isZero();
            assertThat(action(corpus, "runuser-alice-scontrol-suspend-permission").messages()).isEmpty();
        } else {
            assertThatThrownBy(() -> action(corpus, "runuser-alice-scontrol-suspend-permission"))
                    .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                        assertThat(e.error().type()).isEqualTo(SlurmErrorType.ACCESS_DENIED);
                        assertThat(e.exitCode()).isEqualTo(1);
                    });
        }
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void acceptedSubmissions(String corpus) {
        for (String name : List.of("sbatch-time-1min-timeout", "sbatch-mem-oom", "sbatch-wrap-sigkill", "sbatch-invalid-qos-accepted-empty-qos")) {
            Fixtures.Case c = load(corpus, name);
            assertThat(c.stdout()).as(name).matches("Submitted batch job \\d+\\n");
            assertThat(SbatchParser.parse(c.stdout(), c.stderr(), c.rc()).jobId().id()).as(name).isPositive();
        }
        if (corpus.equals(V26)) {
            // 26.05 accepts these again (as 22.05 did) and the jobs pend
            for (String name : List.of("sbatch-N2-single-node-partition-accepted", "sbatch-cpus-per-task-32-accepted-partitionconfig",
                    "sbatch-too-many-cpus-accepted-partitionconfig")) {
                Fixtures.Case c = load(corpus, name);
                assertThat(SbatchParser.parse(c.stdout(), c.stderr(), c.rc()).jobId().id()).as(name).isPositive();
            }
            Job nodeLimit = job(corpus, "scontrol-job-pending-partition-node-limit");
            assertThat(nodeLimit.jobId()).isEqualTo(SbatchParser.parse(load(corpus, "sbatch-N2-single-node-partition-accepted").stdout(), "", 0)
                    .jobId().id());
            assertThat(nodeLimit.state().state()).isEqualTo(JobState.Name.PENDING);
            assertThat(nodeLimit.status().reason()).isEqualTo("PartitionNodeLimit");
            assertThat(nodeLimit.resources().numNodes()).isEqualTo(2);
        } else {
            assertThat(Fixtures.names(corpus)).doesNotContain("sbatch-N2-single-node-partition-accepted",
                    "scontrol-job-pending-partition-node-limit");
        }
        assertThat(SbatchParser.parse(load(corpus, "sbatch-time-1min-timeout").stdout(), "", 0).jobId().id())
                .isEqualTo(jobIdOf(corpus, "scontrol-job-timeout"));
        assertThat(SbatchParser.parse(load(corpus, "sbatch-mem-oom").stdout(), "", 0).jobId().id())
                .isEqualTo(jobIdOf(corpus, "scontrol-job-memkill-failed"));
        assertThat(SbatchParser.parse(load(corpus, "sbatch-wrap-sigkill").stdout(), "", 0).jobId().id())
                .isEqualTo(jobIdOf(corpus, "scontrol-job-sigkill-failed"));
    }

    // ------------------------------------------------------------------ sinfo

    static SinfoRow nodeRow(List<SinfoRow> rows, String node) {
        return rows.stream().filter(r -> node.equals(r.nodeList())).findFirst().orElseThrow(() -> new AssertionError("no row " + node));
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void sinfoFormats(String corpus) {
        List<SinfoRow> rich = SinfoParser.defaultFormat().parse(load(corpus, "sinfo-default-rich").stdoutBytes());
        assertThat(nodeRow(rich, "cpu01").state().isDrain()).isTrue();
        assertThat(nodeRow(rich, "cpu03").state().base()).isEqualTo(NodeState.Base.DOWN);
        // the active MAINT reservation on gpu02
        assertThat(nodeRow(rich, "gpu02").state().has(NodeState.Flag.MAINT)).isTrue();
        assertThat(rich).filteredOn(r -> "maint".equals(r.partition())).allSatisfy(r -> assertThat(r.available()).isEqualTo("down"));

        List<SinfoRow> nel = SinfoParser.nodeLongFormat().parse(load(corpus, "sinfo-Nel").stdoutBytes());
        assertThat(nodeRow(nel, "cpu03").reason()).startsWith("PSU failure");
        List<SinfoRow> nodeLong = SinfoParser.nodeLongFormat().parse(load(corpus, "sinfo-node-long").stdoutBytes());
        assertThat(nodeLong).extracting(SinfoRow::nodeList).contains("localhost", "cpu01", "cpu02", "cpu03", "gpu01", "gpu02");
        assertThat(nodeRow(nodeLong, "localhost").cpusPerNode()).isEqualTo(8);

        List<SinfoRow> widths = SinfoParser.forFormatLong(
                "NodeList:12,Partition:10,StateLong:15,CPUsState:14,CPUsLoad:8,Memory:8,FreeMem:10,Gres:20,GresUsed:30,Reason:40")
                .parse(load(corpus, "sinfo-Format-widths").stdoutBytes());
        SinfoRow local = nodeRow(widths, "localhost");
        assertThat(local.cpus().total()).isEqualTo(8);
        assertThat(local.memoryMib()).isEqualTo(8000L);
        assertThat(local.gres()).startsWith("gpu:2");
        assertThat(nodeRow(widths, "cpu01").reason()).isEqualTo("disk replaced: wait for fsck");

        List<SinfoRow> all = SinfoParser.forFormat("%all").parse(load(corpus, "sinfo-all-fields-percent-all").stdoutBytes());
        assertThat(all).extracting(SinfoRow::partition).contains("debug", "gpu", "cpu", "short", "maint", "urgent");
        // %i RESERVATION after OVERSUBSCRIBE (not printed by 22.05): read from the header, the columns after it in place
        assertThat(all.get(0).extras()).containsEntry("OverSubscribe", "NO").containsEntry("Reservation", "")
                .containsEntry("Version", corpus.equals(V24) ? "24.11.5" : "26.05.5");
        assertThat(all.get(0).timeLimit().isLimited()).isFalse();
        List<SinfoRow> custom = SinfoParser.forFormat("%N|%P|%T|%C|%c|%G|%m|%e|%O|%f|%E|%H|%u")
                .parse(load(corpus, "sinfo-custom-cpus-gres-mem").stdoutBytes());
        assertThat(nodeRow(custom, "cpu03").reason()).isEqualTo("PSU failure, ticket=INC-4711");
        assertThat(nodeRow(custom, "cpu03").reasonUser()).isEqualTo("root");
        assertThat(nodeRow(custom, "gpu01").gres()).isEqualTo("gpu:a100:4");
        List<SinfoRow> noheader = SinfoParser.forFormat("%N %T %C %e %m %G %E").withoutHeader()
                .parse(load(corpus, "sinfo-custom-noheader-nodes").stdoutBytes());
        assertThat(nodeRow(noheader, "cpu01").reason()).isEqualTo("disk replaced: wait for fsck");
        List<SinfoRow> partitions = SinfoParser.forFormat("%P %a %l %D %T %C %G %N").parse(load(corpus, "sinfo-custom-partition").stdoutBytes());
        assertThat(partitions.get(0).partition()).isEqualTo("debug");
        assertThat(partitions.get(0).cpus().total()).isEqualTo(8);

        String[] tables = load(corpus, "sinfo-dead-responding").stdout().split("(?m)^===\\n");
        assertThat(tables).hasSize(2);
        List<SinfoRow> dead = SinfoParser.defaultFormat().parse(tables[0]);
        List<SinfoRow> responding = SinfoParser.defaultFormat().parse(tables[1]);
        assertThat(dead).extracting(SinfoRow::nodeList).doesNotContain("localhost");
        assertThat(responding).extracting(SinfoRow::nodeList).contains("localhost");
        assertThat(dispatch(load(corpus, "sinfo-dead-responding")).items()).hasSize(dead.size() + responding.size());

        List<SinfoRow> filtered = SinfoParser.defaultFormat().parse(load(corpus, "sinfo-filter-node-partitions-na").stdoutBytes());
        assertThat(filtered.stream().filter(r -> r.partition().equals("cpu")).findFirst().orElseThrow().nodeCount()).isZero();
        assertThat(SinfoParser.defaultFormat().parse(load(corpus, "sinfo-partition-error-unknown").stdoutBytes())).isEmpty();
        List<SinfoRow> reasons = SinfoParser.reasonsFormat().parse(load(corpus, "sinfo-reasons").stdoutBytes());
        // sinfo -R prints REASON 20 wide
        assertThat(nodeRow(reasons, "cpu01").reason()).isEqualTo("disk replaced: wait");
        assertThat(nodeRow(reasons, "cpu03").reason()).isEqualTo("PSU failure, ticket=");
        assertThat(nodeRow(reasons, "cpu03").reasonUser()).isEqualTo("root");
        List<SinfoRow> completing = SinfoParser.forFormat("%N %P %T %C").parse(load(corpus, "sinfo-node-completing").stdoutBytes());
        assertThat(completing).filteredOn(r -> "localhost".equals(r.nodeList()))
                .anySatisfy(r -> assertThat(r.state().has(NodeState.Flag.COMPLETING)).isTrue());
    }

    // ------------------------------------------------------------------ squeue

    /** The 1-based line where the first job name with a newline goes on ("x $(touch /..."). */
    static int newlineNameLine(String stdout) {
        List<String> lines = stdout.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("x $(touch /")) {
                return i + 1;
            }
        }
        throw new AssertionError("no job name with a newline");
    }

    /** Cases SqueueParser refuses because a job name holds a newline (see squeueFormats). */
    static final Set<String> NEWLINE_NAME_CASES = Set.of("squeue-all-states-with-preempted");

    static SqueueRow row(List<SqueueRow> rows, String id) {
        return rows.stream().filter(r -> r.jobId() != null && r.jobId().toString().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void squeueFormats(String corpus) {
        String running = String.valueOf(jobIdOf(corpus, "scontrol-job-oneliner-running"));
        String down = String.valueOf(jobIdOf(corpus, "scontrol-job-pending-nodes-down-reason-with-commas"));
        String het = String.valueOf(jobIdOf(corpus, "scontrol-job-hetjob-pending"));
        String arrayLater = String.valueOf(jobIdOf(corpus, "scontrol-job-array-all-pending"));

        List<SqueueRow> rich = SqueueParser.defaultFormat().parse(load(corpus, "squeue-default-rich").stdoutBytes());
        assertThat(row(rich, down).reason())
                .isEqualTo("Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions");
        assertThat(row(rich, down).partition()).isEqualTo("cpu");
        assertThat(row(rich, running).state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(row(rich, het + "+1").partition()).isEqualTo("gpu");
        assertThat(row(rich, arrayLater + "_[1-5%2]").reason()).isEqualTo("JobHeldAdmin");

        List<SqueueRow> longRows = SqueueParser.longFormat().parse(load(corpus, "squeue-long").stdoutBytes());
        assertThat(row(longRows, running).state().state()).isEqualTo(JobState.Name.RUNNING);
        List<SqueueRow> gpu = SqueueParser.defaultFormat().parse(load(corpus, "squeue-partition-gpu").stdoutBytes());
        assertThat(gpu).extracting(r -> r.jobId().toString()).contains(het + "+1");
        List<SqueueRow> joblist = SqueueParser.defaultFormat().parse(load(corpus, "squeue-joblist").stdoutBytes());
        assertThat(joblist).extracting(r -> r.jobId().toString()).contains(running, arrayLater + "_[1-5%2]", het + "+0", het + "+1");
        // another lab user's job is named "evil\nx $(touch /...)": squeue prints the newline, the row
        // goes on on the next line, and SqueueParser (being rewritten) refuses it, typed, at that line
        Fixtures.Case allStates = load(corpus, "squeue-all-states-with-preempted");
        int newline = newlineNameLine(allStates.stdout());
        assertThatThrownBy(() -> SqueueParser.forFormat("%.10i %.16j %.8u %.12T %.10M %.9l %R").parse(allStates.stdoutBytes()))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(newline);
                    assertThat(e.field()).isEqualTo("JobArrayID");
                    assertThat(e.excerpt()).startsWith("x $(touch /");
                });
        // the rows before it hold the capture's states
        String before = String.join("\n", allStates.stdout().lines().limit(newline - 2).toList()) + "\n";
        List<SqueueRow> states = SqueueParser.forFormat("%.10i %.16j %.8u %.12T %.10M %.9l %R").parse(before);
        assertThat(states).isNotEmpty().extracting(r -> r.state().state()).contains(JobState.Name.PENDING, JobState.Name.CANCELLED);
        List<SqueueRow> expanded = SqueueParser.defaultFormat().parse(load(corpus, "squeue-array-expanded").stdoutBytes());
        assertThat(expanded).allSatisfy(r -> assertThat(r.jobId().isArrayRange()).isFalse());
        assertThat(expanded).extracting(r -> r.jobId().toString()).contains(arrayLater + "_1", arrayLater + "_5");
        List<SqueueRow> steps = SqueueParser.stepsFormat().parse(load(corpus, "squeue-steps").stdoutBytes());
        assertThat(row(steps, running + ".0").name()).isEqualTo("sleep");
        assertThat(row(steps, running + ".batch").jobId().step()).isEqualTo("batch");
        List<SqueueRow> noheader = SqueueParser.forFormat("%i|%A|%F|%K|%j|%u|%a|%P|%q|%t|%T|%r|%M|%l|%L|%D|%C|%m|%b|%N|%R|%V|%S|%e|%p|%Q|%y|%k|%Z|%o")
                .withoutHeader().parse(load(corpus, "squeue-custom-pipe-noheader").stdoutBytes());
        assertThat(row(noheader, running).name()).isEqualTo("cap-running");
        assertThat(row(noheader, running).user()).isEqualTo("root");
        List<SqueueRow> pending = SqueueParser.forFormat("%.8i %.14j %.10T %.8Q %r")
                .parse(load(corpus, "squeue-pending-reasons-after-transitions").stdoutBytes());
        assertThat(pending).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING));
        assertThat(row(pending, String.valueOf(jobIdOf(corpus, "scontrol-job-pending-dependency"))).reason()).isEqualTo("Dependency");
        List<SqueueRow> start = SqueueParser.startFormat().parse(load(corpus, "squeue-start-times").stdoutBytes());
        assertThat(start).isNotEmpty().allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING));
        List<SqueueRow> bob = SqueueParser.defaultFormat().parse(load(corpus, "squeue-after-requeue").stdoutBytes());
        assertThat(bob).allSatisfy(r -> assertThat(r.user()).isEqualTo("bob"));
        assertThat(row(bob, String.valueOf(jobIdOf(corpus, "scontrol-requeue-running"))).reason()).isEqualTo("BeginTime");

        List<SqueueRow> noWidths = SqueueParser.forFormatLong("JobID,Name,State,Reason,Dependency")
                .parse(load(corpus, "squeue-Format-no-widths").stdoutBytes());
        assertThat(row(noWidths, down).reason()).isEqualTo("Nodes required for j");
        List<SqueueRow> piped = SqueueParser.forFormatLong(
                "JobID:|,Name:|,UserName:|,StateCompact:|,Reason:|,TimeUsed:|,NumCPUs:|,tres-alloc:|,Comment:|,WorkDir")
                .withoutHeader().parse(load(corpus, "squeue-Format-pipe-delimited").stdoutBytes());
        assertThat(row(piped, running).name()).isEqualTo("cap-running");
        List<SqueueRow> widths = SqueueParser.forFormatLong("JobID:12,ArrayJobID:10,ArrayTaskID:10,Name:30,UserName:10,State:12,"
                + "Reason:40,TimeUsed:12,TimeLimit:14,NumCPUs:6,MinMemory:8,tres-per-node:14,NodeList:20,SubmitTime:22,StartTime:22,WorkDir:40")
                .parse(load(corpus, "squeue-Format-widths").stdoutBytes());
        assertThat(row(widths, running).name()).isEqualTo("cap-running");
        assertThat(row(widths, running).state().state()).isEqualTo(JobState.Name.RUNNING);
        // squeue -o %all has other columns than 22.05's, read from the header: 24.11 prints no %s
        // (22.05's untitled SelectJobInfo), 26.05 prints %s as SLUID
        Fixtures.Case allCase = load(corpus, "squeue-all-fields-percent-all");
        List<SqueueRow> all = SqueueParser.forFormat("%all").parse(allCase.stdoutBytes());
        assertThat(all).hasSize((int) allCase.stdout().lines().count() - 1);
        SqueueRow capRunning = row(all, running);
        assertThat(capRunning.name()).isEqualTo("cap-running");
        assertThat(capRunning.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(capRunning.user()).isEqualTo("root");
        assertThat(capRunning.account()).isEqualTo("root");
        assertThat(capRunning.partition()).isEqualTo("debug");
        assertThat(capRunning.nodeList()).isEqualTo("localhost");
        assertThat(capRunning.reason()).isNull();
        assertThat(capRunning.timeLimit().isLimited()).isFalse();
        assertThat(capRunning.workDir()).isEqualTo("/tmp");
        assertThat(capRunning.extras()).containsEntry("Comment", "key=value spaces = signs")
                .containsEntry("StateCompact", "R").containsEntry("JobID", running).containsEntry("PriorityLong", "3090")
                .containsEntry("SCT", "*:*:*").containsEntry("UserID", "0")
                .doesNotContainKey("SelectJobInfo");
        SqueueRow downRow = row(all, down);
        assertThat(downRow.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(downRow.reason())
                .isEqualTo("Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions");
        assertThat(downRow.nodes()).isEqualTo(2);
        assertThat(row(all, het + "+1").partition()).isEqualTo("gpu");
        assertThat(row(all, arrayLater + "_[1-5%2]").reason()).isEqualTo("JobHeldAdmin");
        if (corpus.equals(V26)) {
            // the SLUID scontrol show job -d prints for the same job
            String sluid = jobs(corpus, "scontrol-job-running-detail").get(0).extras().get("SLUID");
            assertThat(sluid).isEqualTo("sD6SM8VYJGKC00");
            assertThat(capRunning.extras()).containsEntry("SLUID", sluid);
            assertThat(capRunning.toJob().extras()).containsEntry("SLUID", sluid);
            // in %all's order: after %p (Priority), before %t (StateCompact)
            assertThat(capRunning.extras().keySet()).containsSubsequence("Priority", "SLUID", "StateCompact");
            // the two components of a heterogeneous job: one SLUID each, in sequence
            assertThat(row(all, het + "+0").extras()).containsEntry("SLUID", "sD6SM8VYMKRS00");
            assertThat(row(all, het + "+1").extras()).containsEntry("SLUID", "sD6SM8VYMKRS01");
            assertThat(all).allSatisfy(r -> assertThat(r.extras().get("SLUID")).matches("s[0-9A-Z]{13}"));
        } else {
            assertThat(all).allSatisfy(r -> assertThat(r.extras()).doesNotContainKey("SLUID").doesNotContainKey("SelectJobInfo"));
        }
    }

    // ------------------------------------------------------------------ sacct, sstat

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void accountingVariants(String corpus) {
        long het = jobIdOf(corpus, "scontrol-job-hetjob-pending");
        List<AccountingRecord> hetRows = SacctParser.fromHeader().parse(load(corpus, "sacct-hetjob-pending").stdout());
        assertThat(hetRows).extracting(r -> r.jobId().toString()).containsExactly(het + "+0", het + "+1");
        assertThat(hetRows).extracting(r -> r.jobIdRaw().id()).containsExactly(het, het + 1);
        assertThat(hetRows).extracting(AccountingRecord::partition).containsExactly("debug", "gpu");
        assertThat(hetRows).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING));

        long requeuedDone = jobIdOf(corpus, "scancel-requeued-completed-job-silent");
        long requeuedBob = jobIdOf(corpus, "scontrol-requeue-running");
        List<AccountingRecord> dup = SacctParser.fromHeader().parse(load(corpus, "sacct-requeued-then-cancelled-duplicates").stdout());
        // the requeued COMPLETED job: 24.11 keeps a REQUEUED row, 26.05 its COMPLETED one
        assertThat(dup).filteredOn(r -> r.jobId().id() == requeuedDone && r.jobId().step() == null)
                .extracting(r -> r.state().state())
                .containsExactly(corpus.equals(V24) ? JobState.Name.REQUEUED : JobState.Name.COMPLETED, JobState.Name.CANCELLED);
        assertThat(dup).filteredOn(r -> r.jobId().id() == requeuedDone && r.state().state() == JobState.Name.CANCELLED)
                .singleElement().satisfies(r -> assertThat(r.state().cancelledBy()).isZero());
        assertThat(dup).filteredOn(r -> r.jobId().id() == requeuedBob && r.jobId().step() == null)
                .extracting(r -> r.state().state()).containsExactly(JobState.Name.REQUEUED, JobState.Name.PENDING);

        long comment = jobIdOf(corpus, "scontrol-job-comment-with-pipe");
        List<AccountingRecord> fixed = SacctParser.fromHeader().parse(load(corpus, "sacct-comment-fixed-width").stdoutBytes());
        assertThat(fixed.get(0).jobId().id()).isEqualTo(comment);
        assertThat(fixed.get(0).comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(fixed.get(0).isTruncated("JobName")).isTrue();
        assertThatThrownBy(() -> SacctParser.fromHeader().parse(load(corpus, "sacct-comment-with-pipe-and-equals").stdout()))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        List<AccountingRecord> cut = SacctParser.fromHeader().parse(load(corpus, "sacct-format-truncation-plus").stdoutBytes());
        assertThat(cut).extracting(r -> r.state().state()).containsExactly(JobState.Name.COMPLETED, JobState.Name.TIMEOUT, JobState.Name.COMPLETED);
        assertThat(cut).allSatisfy(r -> assertThat(r.isTruncated("JobName")).isTrue());
        List<AccountingRecord> longRows = SacctParser.fromHeader().parse(load(corpus, "sacct-long").stdoutBytes());
        assertThat(longRows.get(0).values().names()).containsExactlyElementsOf(SacctParser.LONG_FIELDS);
        assertThat(longRows).filteredOn(r -> r.jobId().step() == null).extracting(r -> r.state().state())
                .containsExactly(JobState.Name.COMPLETED, JobState.Name.FAILED, JobState.Name.RUNNING);
        List<AccountingRecord> noheader = SacctParser.fixedWidth("JobID%-15,JobName%30,State%20,ExitCode,Elapsed,NodeList%25")
                .parse(load(corpus, "sacct-noheader-fixed-width").stdoutBytes());
        assertThat(noheader).anySatisfy(r -> assertThat(r.jobName()).isEqualTo("cap-completed"));
        assertThat(noheader).anySatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.DEADLINE));
        // -s PD without -E: still the header only, although jobs are pending
        assertThat(SacctParser.fromHeader().parse(load(corpus, "sacct-pending-states").stdout())).isEmpty();
        assertThat(SacctParser.fromHeader().parse(load(corpus, "sacct-no-match").stdout())).isEmpty();
        long preempted = jobIdOf(corpus, "scontrol-job-preempted");
        List<AccountingRecord> pr = SacctParser.fromHeader().parse(load(corpus, "sacct-state-filter-preempted").stdout());
        assertThat(pr).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.PREEMPTED));
        assertThat(pr).extracting(r -> r.jobId().id()).contains(preempted);
        List<AccountingRecord> alice = SacctParser.fromHeader().withAbsorbingColumns("JobName")
                .parse(load(corpus, "sacct-user-alice-name-special").stdout());
        // sacct shows the name's double quotes as backquotes
        assertThat(alice).filteredOn(r -> r.jobId().id() == jobIdOf(corpus, "scontrol-job-special-chars-name-alice") && r.jobId().step() == null)
                .singleElement().satisfies(r -> assertThat(r.jobName()).isEqualTo("a|b,c=d `q` 's'"));
        long running = jobIdOf(corpus, "scontrol-job-oneliner-running");
        List<AccountingRecord> steps = SacctParser.fromHeader().parse(load(corpus, "sacct-running-with-steps").stdout());
        assertThat(steps).extracting(r -> r.jobId().toString()).containsExactly(String.valueOf(running), running + ".batch",
                running + ".extern", running + ".0");
        assertThat(steps).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING));

        List<StepStatRecord> stepFormat = SstatParser.fromHeader().parse(load(corpus, "sstat-parsable-step-format").stdout());
        assertThat(stepFormat).extracting(r -> r.jobId().toString()).containsExactly(running + ".0", running + ".batch");
        assertThat(stepFormat).allSatisfy(r -> {
            assertThat(r.maxRss()).isPositive();
            assertThat(r.tresUsageInTot().bytes("mem")).isPresent();
        });
        List<StepStatRecord> suspended = SstatParser.fromHeader().parse(load(corpus, "sstat-suspended-job").stdout());
        assertThat(suspended).extracting(r -> r.jobId().toString()).contains(running + ".batch", running + ".0");
    }

    // ------------------------------------------------------------------ seff

    static SeffReport seff(String corpus, String name) {
        return SeffParser.parse(load(corpus, name).stdout());
    }

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void efficiency(String corpus) {
        Map<String, JobState.Name> states = Map.ofEntries(
                Map.entry("seff-completed", JobState.Name.COMPLETED),
                Map.entry("seff-timeout", JobState.Name.TIMEOUT),
                Map.entry("seff-sigkill-failed", JobState.Name.FAILED),
                Map.entry("seff-failed-by-signal", JobState.Name.FAILED),
                Map.entry("seff-deadline", JobState.Name.DEADLINE),
                Map.entry("seff-preempted", JobState.Name.PREEMPTED),
                Map.entry("seff-cancelled-after-start", JobState.Name.CANCELLED),
                Map.entry("seff-alice-special-name", JobState.Name.COMPLETED),
                Map.entry("seff-array-element", JobState.Name.COMPLETED),
                Map.entry("seff-running", JobState.Name.RUNNING),
                Map.entry("seff-running-array-element", JobState.Name.RUNNING),
                Map.entry("seff-suspended", JobState.Name.SUSPENDED),
                Map.entry("seff-hetjob-pending", JobState.Name.PENDING));
        states.forEach((name, state) -> {
            Fixtures.Case c = load(corpus, name);
            SeffReport r = seff(corpus, name);
            assertThat(r.state().state()).as(name).isEqualTo(state);
            assertThat(r.cluster()).as(name).isEqualTo("localcluster");
            assertThat(c.rc()).as(name).isZero();
            assertThat(dispatch(c).kind()).as(name).isEqualTo("seff");
        });
        SeffReport done = seff(corpus, "seff-completed");
        assertThat(done.jobId().id()).isEqualTo(jobIdOf(corpus, "scontrol-job-completed"));
        assertThat(done.user().name()).isEqualTo("root");
        assertThat(done.exitCode()).isZero();
        assertThat(done.cores()).isEqualTo(1);
        assertThat(seff(corpus, "seff-alice-special-name").user().name()).isEqualTo("alice");
        SeffReport cancelled = seff(corpus, "seff-cancelled-after-start");
        assertThat(cancelled.nodes()).isEqualTo(1);
        assertThat(cancelled.coresPerNode()).isEqualTo(2);
        SeffReport deadline = seff(corpus, "seff-deadline");
        assertThat(deadline.exitCode()).isEqualTo(1);
        // "0.00% of 16.00 B (16.00 B/core)": seff's unit table overrun by Slurm's NO_VAL (nothing allocated)
        assertThat(deadline.usage().memoryRequestedBytes()).isZero();
        assertThat(deadline.usage().memoryRequestedPerUnitBytes()).isNull();
        SeffReport element = seff(corpus, "seff-array-element");
        assertThat(element.arrayJobId().toString()).isEqualTo(jobIdOf(corpus, "scontrol-job-array-finished-mixed") + "_2");
        assertThat(element.isArrayElement()).isTrue();
        assertThat(seff(corpus, "seff-running").runningWarning()).isTrue();
        // a finished array: seff reports one of its elements
        SeffReport array = seff(corpus, "seff-array-finished");
        assertThat(array.arrayJobId().id()).isEqualTo(jobIdOf(corpus, "scontrol-job-array-finished-mixed"));
        assertThat(array.state().state()).isIn(JobState.Name.COMPLETED, JobState.Name.FAILED);
    }

    // ------------------------------------------------------------------ nodes, partitions, cluster

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void nodesPartitionsAndCluster(String corpus) {
        Node local = ScontrolParser.parseNodes(load(corpus, "scontrol-node-localhost-mixed").stdout()).get(0);
        assertThat(local.name()).isEqualTo("localhost");
        assertThat(local.state().base()).isIn(NodeState.Base.MIXED, NodeState.Base.ALLOCATED);
        assertThat(local.hardware().cpuTotal()).isEqualTo(8);
        Node detail = ScontrolParser.parseNodes(load(corpus, "scontrol-node-localhost-mixed-detail").stdout()).get(0);
        assertThat(detail.name()).isEqualTo("localhost");
        for (String name : List.of("scontrol-node-unknown-not-responding", "scontrol-node-oneliner-unknown-not-responding")) {
            Node gpu01 = ScontrolParser.parseNodes(load(corpus, name).stdout()).get(0);
            assertThat(gpu01.name()).as(name).isEqualTo("gpu01");
            assertThat(gpu01.state().base()).as(name).isEqualTo(NodeState.Base.UNKNOWN);
            assertThat(gpu01.state().has(NodeState.Flag.NOT_RESPONDING)).as(name).isTrue();
        }
        List<Partition> oneLine = ScontrolParser.parsePartitions(load(corpus, "scontrol-partition-all-oneliner").stdout());
        assertThat(oneLine).extracting(Partition::name).containsExactly("debug", "gpu", "cpu", "short", "maint", "urgent");
        Partition gpu = ScontrolParser.parsePartitions(load(corpus, "scontrol-partition-gpu").stdout()).get(0);
        assertThat(gpu.name()).isEqualTo("gpu");
        assertThat(gpu.nodes()).isEqualTo("gpu[01-02],localhost");
        assertThat(gpu.limits().maxTime()).isEqualTo(TimeLimit.of(java.time.Duration.ofDays(1)));

        List<Reservation> reservations = ScontrolParser.parseReservations(load(corpus, "scontrol-reservation-all").stdout());
        assertThat(reservations).extracting(Reservation::name).containsExactly("cpu_future", "gpu02_maint");
        assertThat(reservations.get(0).state()).isEqualTo("INACTIVE");
        assertThat(reservations.get(0).users()).containsExactly("alice", "root");
        assertThat(reservations.get(1).state()).isEqualTo("ACTIVE");
        assertThat(reservations.get(1).flags()).contains("MAINT", "IGNORE_JOBS");
        assertThat(reservations.get(1).nodes()).isEqualTo("gpu02");

        List<License> licenses = ScontrolAdminParser.parseLicenses(load(corpus, "scontrol-licenses").stdout());
        assertThat(licenses).extracting(License::name).containsExactly("ansys", "matlab");
        assertThat(licenses.get(1).total()).isEqualTo(2);
        assertThat(licenses.get(1).used()).isEqualTo(2);
        assertThat(ScontrolAdminParser.parseHostnames(load(corpus, "scontrol-show-hostnames").stdout()))
                .containsExactly("localhost", "gpu01", "gpu02", "cpu01", "cpu02", "cpu03");
        SlurmConfig config = ScontrolAdminParser.parseConfig(load(corpus, "scontrol-show-config").stdout());
        assertThat(config.asOf()).isNotNull();
        assertThat(config.get("ClusterName")).hasValue("localcluster");
        assertThat(config.get("SlurmctldPort")).hasValue(corpus.equals(V24) ? "24117" : "26057");
        assertThat(config.get("SLURM_VERSION")).hasValueSatisfying(v -> assertThat(v).startsWith(corpus.substring(6) + "."));

        SchedulerDiagnostics sdiag = SdiagParser.parse(load(corpus, "sdiag").stdout());
        assertThat(sdiag.generatedAt()).isNotNull();
        assertThat(sdiag.general()).containsKey("Jobs submitted").containsEntry("DBD Agent queue size", 0L);
        SlurmTable sprio = SlurmTableParser.headerAligned("sprio").parse(load(corpus, "sprio-weights").stdout());
        assertThat(sprio.get(0, "JOBID")).isEqualTo("Weights");
        assertThat(sprio.get(0, "FAIRSHARE")).isEqualTo("10000");
        SlurmTable sshare = SlurmTableParser.fixedWidth("sshare").parse(load(corpus, "sshare-default").stdout());
        assertThat(sshare.get(0, "Account")).isEqualTo("root");
        assertThat(sshare.asMaps()).anySatisfy(m -> assertThat(m).containsEntry("Account", "  physics").containsEntry("RawShares", "60"));
        SlurmTable sshareP = SlurmTableParser.parsable("sshare").parse(load(corpus, "sshare-parsable").stdout());
        assertThat(sshareP.asMaps()).anySatisfy(m -> assertThat(m).containsEntry("User", "bob"));
        SlurmTable sreport = SlurmTableParser.fixedWidth("sreport").parse(load(corpus, "sreport-cluster-utilization").stdout());
        assertThat(sreport.preamble()).anySatisfy(l -> assertThat(l).startsWith("Cluster Utilization "));
        assertThat(sreport.columns()).startsWith("Cluster", "Allocate", "Down");
        SlurmTable users = SlurmTableParser.fixedWidth("sacctmgr").parse(load(corpus, "sacctmgr-list-users").stdoutBytes());
        assertThat(users.columns()).containsExactly("User", "Def Acct", "Admin");
        assertThat(users.asMaps()).extracting(m -> m.get("User")).containsExactly("alice", "bob", "root");
        SlurmTable cluster = SlurmTableParser.fixedWidth("sacctmgr").parse(load(corpus, "sacctmgr-show-cluster").stdout());
        assertThat(cluster.get(0, "Cluster")).isEqualTo("localclus+");
        assertThat(cluster.get(0, "ControlPort")).isEqualTo(corpus.equals(V24) ? "24117" : "26057");
    }

    // ------------------------------------------------------------------ slurmctld or slurmdbd stopped

    @ParameterizedTest(name = "Slurm {0}")
    @ValueSource(strings = {V24, V26})
    void daemonsStopped(String corpus) {
        // sstat prints its header, the error on stderr, and rc 0: an UNKNOWN error, as on 22.05
        assertThat(load(corpus, "ctld-down-sstat").rc()).isZero();
        assertThat(error(corpus, "ctld-down-sstat")).hasValueSatisfying(e -> assertThat(e.message()).contains("couldn't get steps for "));
        assertThat(error(corpus, "ctld-down-scontrol-hold")).hasValueSatisfying(e -> assertThat(e.message()).isNotBlank());
        // seff needs slurmctld too (as on 22.05): perl warnings, "Job not found.", rc 2
        assertThat(load(corpus, "ctld-down-seff").rc()).isEqualTo(2);
        assertThat(error(corpus, "ctld-down-seff")).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND);
            assertThat(e.message()).contains("Job not found.");
        });
        // slurmdbd stopped: squeue and sbatch still work, sdiag counts the queued accounting messages
        List<SqueueRow> running = SqueueParser.defaultFormat().parse(load(corpus, "dbd-down-squeue-still-works").stdoutBytes());
        assertThat(running).isNotEmpty().allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING));
        Fixtures.Case sbatch = load(corpus, "dbd-down-sbatch-still-works");
        assertThat(SbatchParser.parse(sbatch.stdout(), sbatch.stderr(), sbatch.rc()).jobId().id()).isPositive();
        SchedulerDiagnostics sdiag = SdiagParser.parse(load(corpus, "dbd-down-sdiag").stdout());
        assertThat((Long) sdiag.general().get("DBD Agent queue size")).isPositive();
    }
}
