package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.model.job.SubmitResultView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SbatchParserTest {

    private static SubmitResult parse(String name) {
        Fixtures.Case c = Fixtures.load(name);
        return SbatchParser.parse(c.stdout(), c.stderr(), c.rc());
    }

    /** Accepted submissions, including the odd ones Slurm accepts anyway. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("sbatch-N2-single-node-partition-accepted", 57L),
                Arguments.of("sbatch-array-mixed-exit", 10L),
                Arguments.of("sbatch-cpus-per-task-32-accepted-partitionconfig", 51L),
                Arguments.of("sbatch-dependency-unknown-job-dropped", 56L),
                Arguments.of("sbatch-enforcepartlimits-qos-wall-still-accepted", 4L),
                Arguments.of("sbatch-hetjob", 21L),
                Arguments.of("sbatch-invalid-qos-accepted-empty-qos", 55L),
                Arguments.of("sbatch-mem-oom", 7L),
                Arguments.of("sbatch-parsable-success", 3L),
                Arguments.of("sbatch-time-1min-timeout", 5L),
                Arguments.of("sbatch-too-many-cpus-accepted-partitionconfig", 50L),
                Arguments.of("sbatch-wrap-sigkill", 8L),
                Arguments.of("runuser-alice-sbatch-hold", 26L),
                Arguments.of("dbd-down-sbatch-still-works", 61L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedSubmissions(String name, long id) {
        SubmitResult r = parse(name);
        assertThat(r.jobId()).isEqualTo(JobId.of(id));
        assertThat(r.cluster()).isNull();
        assertThat(r.clusterName()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    /** Refusals: the classified type and the line that says why. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("sbatch-enforcepartlimits-error-time-limit", SlurmErrorType.SUBMIT_REJECTED, "Requested time limit is invalid"),
                Arguments.of("sbatch-enforcepartlimits-error-too-many-cpus", SlurmErrorType.SUBMIT_REJECTED, "More processors requested than permitted"),
                Arguments.of("sbatch-error-array-too-big", SlurmErrorType.SUBMIT_REJECTED, "Invalid job array specification"),
                Arguments.of("sbatch-error-bad-time-format", SlurmErrorType.INVALID_ARGUMENT, "Invalid --time specification"),
                Arguments.of("sbatch-error-gres-unavailable", SlurmErrorType.SUBMIT_REJECTED, "Requested node configuration is not available"),
                Arguments.of("sbatch-error-gres-unknown-type", SlurmErrorType.SUBMIT_REJECTED, "Requested node configuration is not available"),
                Arguments.of("sbatch-error-inactive-license", SlurmErrorType.SUBMIT_REJECTED, "Invalid license specification"),
                Arguments.of("sbatch-error-invalid-account", SlurmErrorType.SUBMIT_REJECTED, "Invalid account or account/partition combination"),
                Arguments.of("sbatch-error-invalid-partition", SlurmErrorType.SUBMIT_REJECTED, "invalid partition specified: nosuchpart"),
                Arguments.of("sbatch-error-missing-script", SlurmErrorType.SUBMIT_REJECTED, "Unable to open file /srv/lab/jobs/does-not-exist.sh"),
                Arguments.of("sbatch-error-no-shebang", SlurmErrorType.SUBMIT_REJECTED, "line must start with #!"),
                Arguments.of("sbatch-error-stdin-empty", SlurmErrorType.SUBMIT_REJECTED, "Batch script is empty!"),
                Arguments.of("sbatch-error-too-much-memory", SlurmErrorType.SUBMIT_REJECTED, "Memory specification can not be satisfied"),
                Arguments.of("runuser-bob-sbatch-error-maxsubmit", SlurmErrorType.SUBMIT_REJECTED, "AssocMaxSubmitJobLimit"),
                Arguments.of("runuser-nobody-sbatch-error-no-association", SlurmErrorType.SUBMIT_REJECTED, "Invalid account"),
                Arguments.of("ctld-down-sbatch", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
                Arguments.of("ctld-down-sbatch-parsable", SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedSubmissions(String name, SlurmErrorType type, String fragment) {
        Fixtures.Case c = Fixtures.load(name);
        assertThatThrownBy(() -> SbatchParser.parse(c.stdout(), c.stderr(), c.rc()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.error().message()).contains(fragment);
                    assertThat(e.command()).isEqualTo("sbatch");
                    assertThat(e.exitCode()).isEqualTo(c.rc());
                });
    }

    @Test
    void clusterForms() {
        SubmitResult r = SbatchParser.parse("Submitted batch job 1234 on cluster west\n", "", 0);
        assertThat(r.jobId().id()).isEqualTo(1234);
        assertThat(r.clusterName()).contains("west");
        SubmitResult p = SbatchParser.parse("77;east\n", null, 0);
        assertThat(p.jobId().id()).isEqualTo(77);
        assertThat(p.cluster()).isEqualTo("east");
    }

    @Test
    void warningsAndOtherLinesAreKept() {
        SubmitResult r = SbatchParser.parse("note from a plugin\nSubmitted batch job 9\n",
                "sbatch: warning: can't honor --ntasks-per-node set to 4\n"
                        + "Use of uninitialized value $x in concatenation (.) or string at /x line 1.\n"
                        + "sbatch: error: odd but the job exists\n",
                0);
        assertThat(r.jobId().id()).isEqualTo(9);
        assertThat(r.warnings()).containsExactly("note from a plugin",
                "sbatch: warning: can't honor --ntasks-per-node set to 4", "sbatch: error: odd but the job exists");
        // sbatch --wait exits with the job's code: the id still means the job exists
        assertThat(SbatchParser.parse("Submitted batch job 12\n", "", 3).jobId().id()).isEqualTo(12);
        assertThat(SlurmErrors.classify("sbatch --wait x.sh", "Submitted batch job 12\n", "", 3)).isEmpty();
    }

    @Test
    void nothingUsable() {
        assertThatThrownBy(() -> SbatchParser.parse("", "", 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.command()).isEqualTo("sbatch");
                    assertThat(e.field()).isEqualTo("job id");
                    assertThat(e.line()).isZero();
                });
        assertThatThrownBy(() -> SbatchParser.parse("Submitted a job\n", null, 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> SbatchParser.parse("Submitted batch job 1\n\nSubmitted batch job 2\n", "", 0))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.excerpt()).isEqualTo("Submitted batch job 2");
                });
    }

    @Test
    void view() {
        Map<String, Object> m = SubmitResultView.toMap(new SubmitResult(JobId.of(5), "c", List.of("w")));
        assertThat(m).containsEntry("job_id", 5L).containsEntry("job_id_text", "5").containsEntry("cluster", "c").containsEntry("warnings", List.of("w"));
        assertThat(SubmitResultView.toMap(parse("sbatch-parsable-success"))).containsEntry("job_id", 3L).containsEntry("cluster", null);
    }
}
