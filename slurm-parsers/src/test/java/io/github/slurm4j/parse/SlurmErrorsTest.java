package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlurmErrorsTest {

    private static Optional<SlurmError> classify(Fixtures.Case c) {
        return SlurmErrors.classify(c.cmd(), c.stdout(), c.stderr(), c.rc());
    }

    /** Every error fixture: case, expected type, the exact message kept. */
    static Stream<Arguments> errorCases() {
        return Stream.of(
                // controller down
                Arguments.of("ctld-down-sbatch", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-sbatch-parsable", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-scancel", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "scancel: error: Kill job error on job id 18: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-scancel-verbose", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "scancel: error: Kill job error on job id 18: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-scontrol-ping", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Slurmctld(primary) at vm is DOWN\n** RESTORE SLURMCTLD DAEMON TO SERVICE **"),
                Arguments.of("ctld-down-scontrol-show-job", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "slurm_load_jobs error: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-sdiag", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "slurm_get_statistics: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-sprio", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Couldn't get priority factors from controller: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-squeue", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "slurm_load_jobs error: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-sshare", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Couldn't get shares from controller: Unable to contact slurm controller (connect failure)"),
                // controller down, but the text does not say so: no guess
                Arguments.of("ctld-down-scontrol-hold", SlurmErrorType.UNKNOWN,
                        "Unexpected message received for job 41\nslurm_suspend error: Unexpected message received"),
                Arguments.of("ctld-down-sstat", SlurmErrorType.UNKNOWN, "sstat: error: couldn't get steps for job 18"),
                Arguments.of("ctld-down-seff", SlurmErrorType.JOB_NOT_FOUND, "Job not found."),
                // accounting down
                Arguments.of("dbd-down-sacct-json", SlurmErrorType.ACCOUNTING_UNAVAILABLE,
                        "sacct: error: slurm_persist_conn_open_without_init: failed to open persistent connection to host:localhost:6819: Connection refused\n"
                                + "sacct: error: Sending PersistInit msg: Connection refused\n"
                                + "sacct: error: Problem talking to the database: Connection refused"),
                Arguments.of("dbd-down-seff", SlurmErrorType.ACCOUNTING_UNAVAILABLE,
                        "perl: error: slurm_persist_conn_open_without_init: failed to open persistent connection to host:localhost:6819: Connection refused\n"
                                + "perl: error: Sending PersistInit msg: Connection refused\n"
                                + "perl: error: Sending PersistInit msg: Connection refused\n"
                                + "perl: error: DBD_GET_JOBS_COND failure: Unspecified error\n"
                                + "Job not found."),
                // access
                Arguments.of("runuser-alice-release-others-job", SlurmErrorType.ACCESS_DENIED,
                        "Invalid user id for job 25\nslurm_suspend error: Invalid user id"),
                Arguments.of("runuser-alice-scontrol-suspend-permission", SlurmErrorType.ACCESS_DENIED,
                        "Access/permission denied for job 17_1"),
                Arguments.of("runuser-alice-update-negative-nice", SlurmErrorType.ACCESS_DENIED,
                        "Access/permission denied for job 24"),
                Arguments.of("runuser-alice-update-priority-denied", SlurmErrorType.ACCESS_DENIED,
                        "Access/permission denied for job 24"),
                // not found
                Arguments.of("squeue-error-invalid-job", SlurmErrorType.JOB_NOT_FOUND,
                        "slurm_load_jobs error: Invalid job id specified"),
                Arguments.of("scontrol-hold-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND,
                        "Invalid job id specified for job 999999\nslurm_suspend error: Invalid job id specified"),
                Arguments.of("scontrol-update-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND,
                        "Invalid job id specified for job 999999"),
                Arguments.of("scancel-verbose-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND,
                        "scancel: error: Kill job error on job id 999999: Invalid job id specified"),
                Arguments.of("seff-error-invalid", SlurmErrorType.JOB_NOT_FOUND, "Job not found."),
                Arguments.of("scontrol-suspend-error-invalid-id", SlurmErrorType.UNKNOWN,
                        "Unexpected message received for job 999999"),
                // sbatch refusals
                Arguments.of("sbatch-enforcepartlimits-error-time-limit", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Requested time limit is invalid (missing or exceeds some limit)"),
                Arguments.of("sbatch-enforcepartlimits-error-too-many-cpus", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: More processors requested than permitted"),
                Arguments.of("sbatch-error-array-too-big", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Invalid job array specification"),
                Arguments.of("sbatch-error-bad-time-format", SlurmErrorType.INVALID_ARGUMENT,
                        "sbatch: error: Invalid --time specification"),
                Arguments.of("sbatch-error-gres-unavailable", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Requested node configuration is not available"),
                Arguments.of("sbatch-error-gres-unknown-type", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Requested node configuration is not available"),
                Arguments.of("sbatch-error-inactive-license", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Invalid license specification"),
                Arguments.of("sbatch-error-invalid-account", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified"),
                Arguments.of("sbatch-error-invalid-partition", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: invalid partition specified: nosuchpart\n"
                                + "sbatch: error: Batch job submission failed: Invalid partition name specified"),
                Arguments.of("sbatch-error-missing-script", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Unable to open file /srv/lab/jobs/does-not-exist.sh"),
                Arguments.of("sbatch-error-no-shebang", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: This does not look like a batch script.  The first\n"
                                + "sbatch: error: line must start with #! followed by the path to an interpreter.\n"
                                + "sbatch: error: For instance: #!/bin/sh"),
                Arguments.of("sbatch-error-stdin-empty", SlurmErrorType.SUBMIT_REJECTED, "sbatch: error: Batch script is empty!"),
                Arguments.of("sbatch-error-too-much-memory", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Memory specification can not be satisfied\n"
                                + "sbatch: error: Batch job submission failed: Requested node configuration is not available"),
                Arguments.of("runuser-bob-sbatch-error-maxsubmit", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: AssocMaxSubmitJobLimit\n"
                                + "sbatch: error: Batch job submission failed: Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)"),
                Arguments.of("runuser-nobody-sbatch-error-no-association", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified"),
                // bad arguments
                Arguments.of("scancel-error-bad-option", SlurmErrorType.INVALID_ARGUMENT,
                        "scancel: unrecognized option '--bogus'\nTry \"scancel --help\" for more information"),
                Arguments.of("scancel-error-no-args", SlurmErrorType.INVALID_ARGUMENT,
                        "scancel: error: No job identification provided"),
                Arguments.of("squeue-error-bad-state", SlurmErrorType.INVALID_ARGUMENT,
                        "squeue: error: Invalid job state specified: FOO\n"
                                + "squeue: error: Valid job states include: PENDING,RUNNING,SUSPENDED,COMPLETED,CANCELLED,FAILED,TIMEOUT,NODE_FAIL,PREEMPTED,BOOT_FAIL,DEADLINE,OUT_OF_MEMORY,COMPLETING,CONFIGURING,RESIZING,RESV_DEL_HOLD,REQUEUED,REQUEUE_FED,REQUEUE_HOLD,REVOKED,SIGNALING,SPECIAL_EXIT,STAGE_OUT,STOPPED"),
                Arguments.of("squeue-error-invalid-user", SlurmErrorType.INVALID_ARGUMENT, "squeue: error: Invalid user: nosuchuser"),
                Arguments.of("scontrol-node-error-unknown", SlurmErrorType.INVALID_ARGUMENT, "Node nosuchnode not found"),
                Arguments.of("scontrol-update-node-invalid-name", SlurmErrorType.INVALID_ARGUMENT,
                        "slurm_update error: Invalid node name specified"),
                // the job exists but is in the wrong state for the action
                Arguments.of("scontrol-requeue-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution for job 24"),
                Arguments.of("scontrol-suspend-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution for job 24"),
                Arguments.of("scancel-verbose-error-already-finished", SlurmErrorType.INVALID_ARGUMENT,
                        "scancel: error: Kill job error on job id 3: Job/step already completing or completed"),
                Arguments.of("sstat-error-pending-job", SlurmErrorType.INVALID_ARGUMENT, "sstat: error: No steps running for job 24"));
    }

    private static final String CLUSTER_UNKNOWN = ": error: No cluster 'nosuchcluster' known by database.\n";
    private static final String CLUSTER_UNREACHABLE = ": error: 'nosuchcluster' can't be reached now, or it is an invalid"
            + " entry for --cluster.  Use 'sacctmgr list clusters' to see available clusters.";

    /** The lab-22.05 error cases (captured for the classification): case, expected type, the exact message kept. */
    static Stream<Arguments> labErrorCases() {
        return Stream.of(
                // sbatch --test-only refuses with "allocation failure:" instead of "Batch job submission failed:"
                Arguments.of("sbatch-test-only-error-invalid-partition", SlurmErrorType.SUBMIT_REJECTED,
                        "sbatch: error: invalid partition specified: nosuch\nallocation failure: Invalid partition name specified"),
                // slurmctld stopped; squeue --json says so only in its errors array, exit code 0
                Arguments.of("ctld-down-squeue-json", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Failed while looking for jobs: Unspecified error"),
                Arguments.of("ctld-down-squeue-format-O", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "slurm_load_jobs error: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-sinfo", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "slurm_load_partitions: Unable to contact slurm controller (connect failure)"),
                Arguments.of("ctld-down-scontrol-update", SlurmErrorType.UNKNOWN, "Unexpected message received for job 3"),
                // another user's job
                Arguments.of("runuser-alice-scancel-others-job", SlurmErrorType.ACCESS_DENIED,
                        "scancel: error: Kill job error on job id 3: Access/permission denied"),
                Arguments.of("runuser-alice-update-others-job", SlurmErrorType.ACCESS_DENIED, "Invalid user id for job 3"),
                // ids that do not exist: an array task, a het component, a step (scontrol says so on stdout)
                Arguments.of("scontrol-job-error-array-task-not-found", SlurmErrorType.JOB_NOT_FOUND, "Job 5_7 not found"),
                Arguments.of("scontrol-job-error-het-component-not-found", SlurmErrorType.JOB_NOT_FOUND, "Job 29+1 not found"),
                Arguments.of("scontrol-step-error-not-found", SlurmErrorType.JOB_NOT_FOUND, "Job step 29.0 not found"),
                Arguments.of("scontrol-job-error-array-job-not-found", SlurmErrorType.JOB_NOT_FOUND,
                        "slurm_load_jobs error: Invalid job id specified"),
                Arguments.of("scontrol-hold-error-array-task-not-found", SlurmErrorType.JOB_NOT_FOUND,
                        "5_7: Invalid job id specified"),
                // the same text as a controller outage (ctld-down-sstat): no guess
                Arguments.of("sstat-error-invalid-job", SlurmErrorType.UNKNOWN, "sstat: error: couldn't get steps for job 999999"),
                // bad fields, keywords, values, times
                Arguments.of("sacct-error-invalid-field", SlurmErrorType.INVALID_ARGUMENT,
                        "sacct: error: Invalid field requested: \"NoSuchField\""),
                Arguments.of("sacct-error-invalid-format-field", SlurmErrorType.INVALID_ARGUMENT,
                        "sacct: error: Invalid field requested: \"bogus\""),
                Arguments.of("sstat-error-invalid-field", SlurmErrorType.INVALID_ARGUMENT,
                        "sstat: error: Invalid field requested: \"NoSuchField\""),
                Arguments.of("squeue-error-invalid-format-field", SlurmErrorType.INVALID_ARGUMENT,
                        "squeue: error: Invalid job format specification: NoSuchField"),
                Arguments.of("sinfo-error-invalid-format-field", SlurmErrorType.INVALID_ARGUMENT,
                        "sinfo: error: Invalid job format specification: NoSuchField"),
                Arguments.of("sacct-error-bad-start-time", SlurmErrorType.INVALID_ARGUMENT,
                        "Invalid time specification (pos=0): nonsense"),
                Arguments.of("scontrol-update-error-invalid-keyword", SlurmErrorType.INVALID_ARGUMENT,
                        "Update of this parameter is not supported: NoSuchKey=1\nRequest aborted"),
                Arguments.of("scontrol-update-error-invalid-timelimit", SlurmErrorType.INVALID_ARGUMENT,
                        "scontrol: error: Invalid TimeLimit value"),
                Arguments.of("scontrol-update-error-invalid-partition", SlurmErrorType.INVALID_ARGUMENT,
                        "Invalid partition name specified for job 29"),
                // -M with a cluster the database does not know: the same type for a listing and for sbatch
                Arguments.of("squeue-error-unknown-cluster", SlurmErrorType.INVALID_ARGUMENT,
                        "squeue" + CLUSTER_UNKNOWN + "squeue" + CLUSTER_UNREACHABLE),
                Arguments.of("sinfo-error-unknown-cluster", SlurmErrorType.INVALID_ARGUMENT,
                        "sinfo" + CLUSTER_UNKNOWN + "sinfo" + CLUSTER_UNREACHABLE),
                Arguments.of("scontrol-error-unknown-cluster", SlurmErrorType.INVALID_ARGUMENT,
                        "scontrol" + CLUSTER_UNKNOWN + "scontrol" + CLUSTER_UNREACHABLE),
                Arguments.of("scancel-error-unknown-cluster", SlurmErrorType.INVALID_ARGUMENT,
                        "scancel" + CLUSTER_UNKNOWN + "scancel" + CLUSTER_UNREACHABLE),
                Arguments.of("sbatch-error-unknown-cluster", SlurmErrorType.INVALID_ARGUMENT,
                        "sbatch" + CLUSTER_UNKNOWN + "sbatch" + CLUSTER_UNREACHABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labErrorCases")
    void classifiesEveryLabErrorCase(String name, SlurmErrorType type, String message) {
        assertClassified(Fixtures.load("lab-22.05", name), type, message);
    }

    @Test
    void labCasesSlurmReportsNoErrorFor() {
        // Slurm says nothing: scancel of an array task that does not exist, squeue for it, sacct -M
        // with a cluster it does not know (header only, exit 0)
        for (String name : List.of("scancel-array-task-not-found-silent", "squeue-array-task-not-found-empty",
                "sacct-unknown-cluster-header-only")) {
            Fixtures.Case c = Fixtures.load("lab-22.05", name);
            assertThat(c.rc()).as(name).isZero();
            assertThat(classify(c)).as(name).isEmpty();
        }
        assertThat(Fixtures.load("lab-22.05", "scancel-array-task-not-found-silent").stderr()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void classifiesEveryErrorFixture(String name, SlurmErrorType type, String message) {
        assertClassified(Fixtures.load(name), type, message);
    }

    private static void assertClassified(Fixtures.Case c, SlurmErrorType type, String message) {
        String name = c.name();
        Optional<SlurmError> e = classify(c);
        assertThat(e).as(name).contains(new SlurmError(type, message));
        assertThatThrownBy(() -> SlurmErrors.check(c.cmd(), c.stdout(), c.stderr(), c.rc()))
                .isInstanceOfSatisfying(SlurmCommandException.class, ex -> {
                    assertThat(ex.type()).isEqualTo(type);
                    assertThat(ex.exitCode()).isEqualTo(c.rc());
                    assertThat(ex.command()).isEqualTo(c.cmd());
                    assertThat(ex.error().message()).isEqualTo(message);
                });
    }

    @Test
    void exitCodeZeroErrorsAreFound() {
        // the exit code says success; the text does not
        for (String name : List.of("squeue-error-invalid-user", "sstat-error-pending-job", "ctld-down-sstat",
                "scancel-verbose-error-invalid-id", "scancel-verbose-error-already-finished")) {
            Fixtures.Case c = Fixtures.load(name);
            assertThat(c.rc()).as(name).isZero();
            assertThat(classify(c)).as(name).isPresent();
        }
    }

    @Test
    void noSuccessFixtureIsAnError() {
        Set<String> errorNames = new java.util.HashSet<>();
        errorCases().forEach(a -> errorNames.add(Fixtures.SLURM_22_05 + "/" + a.get()[0]));
        labErrorCases().forEach(a -> errorNames.add("lab-22.05/" + a.get()[0]));
        List<String> falsePositives = new ArrayList<>();
        int checked = 0;
        List<String> all = new ArrayList<>();
        for (String corpus : List.of(Fixtures.SLURM_22_05, "lab-22.05")) {
            Fixtures.names(corpus).forEach(n -> all.add(corpus + "/" + n));
        }
        for (String name : all) {
            if (errorNames.contains(name)) {
                continue;
            }
            int slash = name.indexOf('/');
            Fixtures.Case c = Fixtures.load(name.substring(0, slash), name.substring(slash + 1));
            checked++;
            Optional<SlurmError> e = classify(c);
            if (e.isPresent()) {
                falsePositives.add(name + " -> " + e.get());
            }
        }
        assertThat(falsePositives).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void successCasesWithNoisyStderrAreNotErrors() {
        // seff prints perl warnings on stderr when it works; scancel -v prints an info line
        assertThat(classify(Fixtures.load("seff-completed"))).isEmpty();
        assertThat(classify(Fixtures.load("seff-running"))).isEmpty();
        assertThat(classify(Fixtures.load("scancel-verbose"))).isEmpty();
        // still-works cases during outages
        assertThat(classify(Fixtures.load("ctld-down-sacct-still-works"))).isEmpty();
        assertThat(classify(Fixtures.load("dbd-down-squeue-still-works"))).isEmpty();
        assertThat(classify(Fixtures.load("dbd-down-sbatch-still-works"))).isEmpty();
        assertThat(classify(Fixtures.load("dbd-down-sdiag"))).isEmpty();
        // data on stdout is never read as an error, whatever it holds
        assertThat(classify(Fixtures.load("scontrol-job-all-multiline"))).isEmpty();
        assertThat(classify(Fixtures.load("squeue-json"))).isEmpty();
        assertThat(classify(Fixtures.load("scontrol-show-config"))).isEmpty();
    }

    @Test
    void precedence() {
        // an outage wins over what it caused
        assertThat(SlurmErrors.classify("scancel 5", "", "scancel: error: Kill job error on job id 5: Invalid job id specified\n"
                + "scancel: error: Unable to contact slurm controller (connect failure)\n", 1))
                .map(SlurmError::type).contains(SlurmErrorType.CONTROLLER_UNAVAILABLE);
        // access is about the caller: "Invalid user id for job 25" mentions a job but is not "not found"
        assertThat(SlurmErrors.classify("scontrol release 25", "", "Invalid user id for job 25\nInvalid job id specified\n", 1))
                .map(SlurmError::type).contains(SlurmErrorType.ACCESS_DENIED);
        // "Invalid user:" (unknown user name) is not "Invalid user id"
        assertThat(SlurmErrors.classify("squeue -u x", "", "squeue: error: Invalid user: x\n", 0))
                .map(SlurmError::type).contains(SlurmErrorType.INVALID_ARGUMENT);
    }

    @Test
    void socketTimeoutsDependOnTheTool() {
        String text = "slurm_load_jobs error: Socket timed out on send/recv operation\n";
        assertThat(SlurmErrors.classify("squeue", "", text, 1)).map(SlurmError::type)
                .contains(SlurmErrorType.CONTROLLER_UNAVAILABLE);
        assertThat(SlurmErrors.classify("/usr/bin/sacct -P", "", "sacct: error: Zero Bytes were transmitted or received\n", 1))
                .map(SlurmError::type).contains(SlurmErrorType.ACCOUNTING_UNAVAILABLE);
    }

    @Test
    void aConnectionResetWhileSlurmctldStopsIsAnOutageOfTheDaemonTheToolTalksTo() {
        // squeue on the lab's 24.11 in the moment slurmctld was being stopped (the job watcher's outage test)
        assertThat(SlurmErrors.classify("squeue --noheader", "", "slurm_load_jobs error: Connection reset by peer\n", 1))
                .contains(new SlurmError(SlurmErrorType.CONTROLLER_UNAVAILABLE, "slurm_load_jobs error: Connection reset by peer"));
        assertThat(SlurmErrors.classify("sacct -X", "", "sacct: error: Connection reset by peer\n", 1)).map(SlurmError::type)
                .contains(SlurmErrorType.ACCOUNTING_UNAVAILABLE);
    }

    @Test
    void priorityRefusalsSeenAgainstTheLab() {
        // 22.05, scontrol update of a user's own job (texts as the lab's slurmctld sent them)
        assertThat(SlurmErrors.classify("scontrol update JobId=7 Priority=5000", "",
                "Changes to job priority are not persistent, change nice instead for job 7\n", 1))
                .map(SlurmError::type).contains(SlurmErrorType.ACCESS_DENIED);
        assertThat(SlurmErrors.classify("scontrol update JobId=7 Priority=5000", "",
                "Job is in held state, pending scheduler release for job 7\n", 1))
                .contains(new SlurmError(SlurmErrorType.INVALID_ARGUMENT,
                        "Job is in held state, pending scheduler release for job 7"));
    }

    @Test
    void unknownTextsAndBareExitCodes() {
        assertThat(SlurmErrors.classify("squeue", "", "squeue: error: something new\n", 0))
                .contains(new SlurmError(SlurmErrorType.UNKNOWN, "squeue: error: something new"));
        // an unknown sbatch error is still a refusal: sbatch does nothing else
        assertThat(SlurmErrors.classify("sbatch x.sh", "", "sbatch: error: something new\n", 1))
                .contains(new SlurmError(SlurmErrorType.SUBMIT_REJECTED, "sbatch: error: something new"));
        // non-zero exit without any text
        assertThat(SlurmErrors.classify("scontrol hold 3", "", "", 1))
                .contains(new SlurmError(SlurmErrorType.UNKNOWN, "exit code 1 without an error message"));
        // non-zero exit with only perl noise
        assertThat(SlurmErrors.classify("seff 3", null, "Use of uninitialized value in subroutine entry at /usr/local/bin/seff line 57, <DATA> line 604.\n", 2))
                .contains(new SlurmError(SlurmErrorType.UNKNOWN, "exit code 2 without an error message"));
        // non-zero exit with a short unexplained stdout: the stdout is the message
        assertThat(SlurmErrors.classify("scontrol show partition x", "Partition x not found\n", "", 1))
                .contains(new SlurmError(SlurmErrorType.INVALID_ARGUMENT, "Partition x not found"));
        assertThat(SlurmErrors.classify("mytool", "it broke\n", "", 3))
                .contains(new SlurmError(SlurmErrorType.UNKNOWN, "it broke"));
        // rc 0, stderr chatter without the word error is not an error
        assertThat(SlurmErrors.classify("squeue", "", "squeue: some note\n", 0)).isEmpty();
        assertThat(SlurmErrors.classify(null, null, null, 0)).isEmpty();
    }

    @Test
    void stdoutErrorsOnlyForTheToolsThatPrintThem() {
        // a job named "Job not found." in a squeue listing is data
        assertThat(SlurmErrors.classify("squeue -h -o %j", "Job not found.\n", "", 0)).isEmpty();
        assertThat(SlurmErrors.classify("seff 5", "Job not found.\n", "", 2)).map(SlurmError::type)
                .contains(SlurmErrorType.JOB_NOT_FOUND);
        // a backup controller that is down, without the banner, is not an outage
        assertThat(SlurmErrors.classify("scontrol show config", "A = b\n\nSlurmctld(primary) at h1 is UP\nSlurmctld(backup) at h2 is DOWN\n", "", 0))
                .isEmpty();
    }

    @Test
    void jsonErrorsArray() {
        String json = "{\n \"meta\": {\"x\": [1, 2]},\n \"errors\": [\n  {\"description\": \"Unable to query JobId=3\", \"error_number\": 2017,"
                + " \"error\": \"Invalid job id specified\", \"source\": \"_handle_job_get\"}\n ],\n \"jobs\": []\n}\n";
        assertThat(SlurmErrors.classify("squeue --json", json, "", 0))
                .contains(new SlurmError(SlurmErrorType.JOB_NOT_FOUND, "Unable to query JobId=3: Invalid job id specified"));
        assertThat(SlurmErrors.jsonErrors("{\"errors\": [\"plain text\", {\"error_number\": 5}, {\"error\": \"x\"}]}"))
                .containsExactly("plain text", "error 5", "x");
        assertThat(SlurmErrors.jsonErrors("{\"errors\": [{}], \"warnings\": []}")).containsExactly("error (no text)");
        assertThat(SlurmErrors.classify("squeue --json", "{\"errors\": [], \"jobs\": []}", "", 0)).isEmpty();
        // broken JSON: what was read before the damage
        assertThat(SlurmErrors.jsonErrors("{\"errors\": [{\"error\": \"a\"}, {\"error\": ")).containsExactly("a");
        assertThat(SlurmErrors.jsonErrors("[1]")).isEmpty();
    }

    @Test
    void toolOfACommandLine() {
        assertThat(SlurmErrors.tool("runuser -u alice -- /usr/bin/scontrol release 25")).isEqualTo("scontrol");
        assertThat(SlurmErrors.tool("sbatch --parsable x.sh")).isEqualTo("sbatch");
        assertThat(SlurmErrors.tool("/opt/bin/mytool -x")).isEqualTo("mytool");
        assertThat(SlurmErrors.tool("  ")).isEmpty();
    }

    @Test
    void checkPassesQuietlyOnSuccess() {
        Fixtures.Case c = Fixtures.load("scontrol-hold-pending-job");
        SlurmErrors.check(c.cmd(), c.stdout(), c.stderr(), c.rc());
        assertThatThrownBy(() -> SlurmErrors.check(null, "", "boom\n", 1))
                .isInstanceOfSatisfying(SlurmCommandException.class, ex -> assertThat(ex.command()).isEmpty());
    }
}
