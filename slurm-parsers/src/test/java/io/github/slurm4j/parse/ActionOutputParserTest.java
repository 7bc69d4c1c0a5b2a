package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.ActionResultView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActionOutputParserTest {

    private static ActionResult parse(String name) {
        Fixtures.Case c = Fixtures.load(name);
        return ActionOutputParser.parse(c.cmd(), c.stdout(), c.stderr(), c.rc());
    }

    /** Silent successes: the command named must be what the case ran. */
    static Stream<Arguments> silent() {
        return Stream.of(
                Arguments.of("scancel-array-element-pending", "scancel 17_6"),
                Arguments.of("scancel-by-name-and-state", "scancel -n never-runs -t PENDING"),
                Arguments.of("scancel-requeued-completed-job-silent", "scancel 2"),
                Arguments.of("scancel-running-job-ok", "scancel 46"),
                Arguments.of("scontrol-hold-array-pending", "scontrol hold 40"),
                Arguments.of("scontrol-hold-pending-job", "scontrol hold 43"),
                Arguments.of("scontrol-release-admin-held", "scontrol release 43"),
                Arguments.of("scontrol-release-not-held-silent", "scontrol release 41"),
                Arguments.of("runuser-alice-release-own-held", "runuser -u alice -- scontrol release 26"),
                Arguments.of("scontrol-requeue-completed-job-accepted", "scontrol requeue 2"),
                Arguments.of("scontrol-requeue-running", "scontrol requeue 16"),
                Arguments.of("scontrol-suspend-running-job", "scontrol suspend 18"),
                Arguments.of("scontrol-uhold-pending", "scontrol uhold 45"),
                Arguments.of("scontrol-update-hetjob-timelimit", "scontrol update JobId=21 TimeLimit=20"),
                Arguments.of("scontrol-update-nice", "scontrol update JobId=41 Nice=100"),
                Arguments.of("scontrol-update-node-drain-reason-spaces",
                        "scontrol update nodename=cpu01 state=drain reason=\"disk replaced: wait for fsck\""),
                Arguments.of("scontrol-update-priority-pending", "scontrol update JobId=37 Priority=30000"),
                Arguments.of("scontrol-update-timelimit-pending", "scontrol update JobId=41 TimeLimit=1-02:03:04"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("silent")
    void silentSuccesses(String name, String cmd) {
        assertThat(Fixtures.load(name).cmd()).isEqualTo(cmd);
        ActionResult r = parse(name);
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void infoLines() {
        assertThat(parse("scancel-verbose")).isEqualTo(ActionResult.ok(List.of("scancel: Terminating job 32")));
        assertThat(parse("scontrol-create-reservation")).isEqualTo(ActionResult.ok(List.of("Reservation created: cpu_future")));
        assertThat(parse("scontrol-create-reservation-active-gpu02"))
                .isEqualTo(ActionResult.ok(List.of("Reservation created: gpu02_maint")));
    }

    /** Refused actions: thrown with their type and Slurm's message (the info lines printed beside it are not the error). */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("scancel-error-bad-option", SlurmErrorType.INVALID_ARGUMENT, "unrecognized option '--bogus'", List.of()),
                Arguments.of("scancel-error-no-args", SlurmErrorType.INVALID_ARGUMENT, "No job identification provided", List.of()),
                Arguments.of("scancel-verbose-error-already-finished", SlurmErrorType.INVALID_ARGUMENT,
                        "Job/step already completing or completed", List.of("scancel: Terminating job 3")),
                Arguments.of("scancel-verbose-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND,
                        "Kill job error on job id 999999: Invalid job id specified", List.of("scancel: Terminating job 999999")),
                Arguments.of("ctld-down-scancel", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller", List.of()),
                Arguments.of("ctld-down-scancel-verbose", SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Unable to contact slurm controller", List.of("scancel: Terminating job 18")),
                Arguments.of("ctld-down-scontrol-hold", SlurmErrorType.UNKNOWN, "Unexpected message received for job 41", List.of()),
                Arguments.of("scontrol-hold-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified for job 999999", List.of()),
                Arguments.of("scontrol-requeue-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution for job 24", List.of()),
                Arguments.of("scontrol-suspend-error-invalid-id", SlurmErrorType.UNKNOWN, "Unexpected message received for job 999999", List.of()),
                Arguments.of("scontrol-suspend-error-pending", SlurmErrorType.INVALID_ARGUMENT, "Job is pending execution for job 24", List.of()),
                Arguments.of("scontrol-update-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified for job 999999", List.of()),
                Arguments.of("scontrol-update-node-invalid-name", SlurmErrorType.INVALID_ARGUMENT, "Invalid node name specified", List.of()),
                Arguments.of("runuser-alice-release-others-job", SlurmErrorType.ACCESS_DENIED, "Invalid user id for job 25", List.of()),
                Arguments.of("runuser-alice-scontrol-suspend-permission", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job 17_1", List.of()),
                Arguments.of("runuser-alice-update-negative-nice", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job 24", List.of()),
                Arguments.of("runuser-alice-update-priority-denied", SlurmErrorType.ACCESS_DENIED, "Access/permission denied for job 24", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedActions(String name, SlurmErrorType type, String fragment, List<String> messages) {
        assertThatThrownBy(() -> parse(name)).isInstanceOfSatisfying(SlurmCommandException.class, e -> {
            assertThat(e.error().type()).isEqualTo(type);
            assertThat(e.error().message()).contains(fragment);
            assertThat(e.error().message()).doesNotContain("Terminating job");
            assertThat(e.exitCode()).isEqualTo(Fixtures.load(name).rc());
        });
    }

    @Test
    void pingDownKeepsOnlyTheMeaningfulLines() {
        assertThatThrownBy(() -> parse("ctld-down-scontrol-ping")).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.error()).isEqualTo(new SlurmError(SlurmErrorType.CONTROLLER_UNAVAILABLE,
                        "Slurmctld(primary) at vm is DOWN\n** RESTORE SLURMCTLD DAEMON TO SERVICE **")));
    }

    @Test
    void view() {
        Map<String, Object> ok = ActionResultView.toMap(parse("scontrol-create-reservation"));
        assertThat(ok).containsExactly(Map.entry("messages", List.of("Reservation created: cpu_future")));
    }
}
