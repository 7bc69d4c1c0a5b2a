package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The samples' own logic, without Slurm: argument parsing, JSON output, error lines. */
class SlurmSamplesTest {

    @Test
    void argsSplitOptionsFlagsPositionalsAndRest() {
        SampleArgs a = SampleArgs.parse(new String[] {"--name", "a b", "--all", "x", "--time=30", "--", "--name", "y"},
                Set.of("name", "time"), Set.of("all"));
        assertThat(a.value("name")).isEqualTo("a b");
        assertThat(a.has("all")).isTrue();
        assertThat(a.intValue("time")).isEqualTo(30);
        assertThat(a.positional()).containsExactly("x");
        assertThat(a.rest()).containsExactly("--name", "y");
    }

    @Test
    void argsRefuseUnknownOptionsMissingValuesAndBadNumbers() {
        assertThatThrownBy(() -> SampleArgs.parse(new String[] {"--nmae", "x"}, Set.of("name"), Set.of()))
                .hasMessage("unknown option: --nmae");
        assertThatThrownBy(() -> SampleArgs.parse(new String[] {"--name"}, Set.of("name"), Set.of()))
                .hasMessage("--name needs a value");
        SampleArgs a = SampleArgs.parse(new String[] {"--cores", "0"}, Set.of("cores"), Set.of());
        assertThatThrownBy(() -> a.intValue("cores")).hasMessageContaining("positive whole number, not '0'");
    }

    @Test
    void jsonEscapesAndKeepsTypes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a\"b\\c\nd\u0001é");
        m.put("n", 42L);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1, "x"));
        m.put("empty", List.of());
        assertThat(JsonOut.write(List.of(m))).isEqualTo("[\n  {\n    \"name\": \"a\\\"b\\\\c\\nd\\u0001é\",\n"
                + "    \"n\": 42,\n    \"ok\": true,\n    \"none\": null,\n    \"list\": [\n      1,\n      \"x\"\n    ],\n"
                + "    \"empty\": []\n  }\n]");
        assertThat(JsonOut.write(List.of())).isEqualTo("[]");
    }

    @Test
    void errorNamesAreTheTypedErrors() {
        assertThat(SlurmSamples.errorName(new SlurmCommandException(
                new SlurmError(SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified"), "scancel -v 9", 1)))
                .isEqualTo("job_not_found");
        assertThat(SlurmSamples.errorName(new ShellTimeoutException(List.of("squeue"), Duration.ofSeconds(1), "local")))
                .isEqualTo("shell_timeout");
        assertThat(SlurmSamples.errorName(new ShellException("ssh", "broken", null))).isEqualTo("shell_failed");
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndRunNothing() {
        assertUsage(new String[] {"--script", "a.sh", "--wrap", "true"}, "submit", "exactly one of --script FILE and --wrap CMD");
        assertUsage(new String[] {"--wrap", "true", "extra"}, "submit", "unexpected argument 'extra'");
        assertUsage(new String[] {"--time", "soon", "--wrap", "true"}, "submit", "--time needs a positive whole number");
        assertUsage(new String[] {"--all", "--user", "bob"}, "jobs", "--all and --user exclude each other");
        assertUsage(new String[] {}, "cancel", "cancel takes exactly one job id");
        assertUsage(new String[] {"--ssh", "alice@host", "1"}, "cancel", "--ssh needs --identity FILE and --known-hosts FILE");
        assertUsage(new String[] {"--identity", "k", "1"}, "cancel", "--identity and --known-hosts need --ssh");
        assertUsage(new String[] {"--ssh", "nohost", "--identity", "k", "--known-hosts", "h", "1"}, "cancel",
                "--ssh wants user@host[:port]");
        assertUsage(new String[] {}, "job", "job takes exactly one job id");
        assertUsage(new String[] {"x"}, "my-jobs", "my-jobs takes no arguments");
        assertUsage(new String[] {"--all"}, "active-jobs", "unknown option: --all");
        assertUsage(new String[] {"1", "2"}, "pause", "pause takes exactly one job id");
        assertUsage(new String[] {"1", "high"}, "priority", "whole number 1..1000");
        assertUsage(new String[] {"1", "2000"}, "priority", "priority must be in 1..1000");
    }

    private static void assertUsage(String[] args, String sample, String expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int rc = switch (sample) {
            case "jobs" -> SlurmSamples.jobs(args, o, e);
            case "submit" -> SlurmSamples.submit(args, o, e);
            case "job" -> JobsSamples.job(args, o, e);
            case "my-jobs" -> JobsSamples.myJobs(args, o, e);
            case "active-jobs" -> JobsSamples.activeJobs(args, o, e);
            case "pause" -> JobsSamples.control("pause", args, o, e);
            case "priority" -> JobsSamples.priority(args, o, e);
            default -> SlurmSamples.cancel(args, o, e);
        };
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(Arrays.toString(args)).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(stderr).startsWith("error: usage: ").contains(expected);
        assertThat(stderr.strip().lines().count()).isEqualTo(1);
    }
}
