package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.Lab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jobs-façade samples against the real lab: locally (as the user running the tests, root in
 * CI: an operator) and over SSH as alice. Skipped without the lab; failed in CI.
 */
class JobsSamplesIT {
    private static final String[] SSH = {"--ssh", Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT, "--identity",
        Lab.userKey().toString(), "--known-hosts", Lab.knownHosts().toString()};

    @BeforeAll
    static void lab() {
        Lab.requireSlurm();
        Lab.requireSshd();
    }

    @Test
    void locally() {
        lifeThroughTheSamples(new String[0], "root".equals(System.getProperty("user.name")));
    }

    @Test
    void overSsh() {
        lifeThroughTheSamples(SSH, false);
    }

    private static void lifeThroughTheSamples(String[] where, boolean operator) {
        Run submit = run("submit", where, "--name", "j11-sample", "--time", "5", "--chdir", "/tmp", "--wrap", "sleep 60");
        assertThat(submit.rc).as(submit.err).isZero();
        String id = submit.out.strip();
        try {
            Run mine = run("my-jobs", where);
            assertThat(mine.rc).as(mine.err).isZero();
            assertThat(mine.out).contains("\"id\": \"" + id + "\"").contains("\"name\": \"j11-sample\"");

            Run job = run("job", where, id);
            assertThat(job.rc).as(job.err).isZero();
            assertThat(job.out).startsWith("{\"showData\":").contains("\"jobKey\":\"" + id + "-");

            Run active = run("active-jobs", where);
            assertThat(active.rc).as(active.err).isZero();
            assertThat(active.out).startsWith("[");

            Run prio = run("priority", where, id, operator ? "300" : "50");
            assertThat(prio.rc).as(prio.err).isZero();
            if (operator) {
                Run pause = run("pause", where, id);
                assertThat(pause.rc).as(pause.err).isZero();
                Run resume = run("resume", where, id);
                assertThat(resume.rc).as(resume.err).isZero();
            } else {
                Run tooHigh = run("priority", where, id, "300");
                assertThat(tooHigh.rc).isEqualTo(1);
                assertThat(tooHigh.err).startsWith("error: access_denied: ").contains("operator rights");
            }
        } finally {
            Run kill = run("kill", where, id);
            assertThat(kill.rc).as(kill.err).isZero();
            assertThat(kill.out).isEqualTo("kill " + id + ": done\n");
        }
    }

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String sample, String[] where, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(where));
        all.addAll(List.of(args));
        String[] a = all.toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int rc = switch (sample) {
            case "submit" -> SlurmSamples.submit(a, o, e);
            case "job" -> JobsSamples.job(a, o, e);
            case "my-jobs" -> JobsSamples.myJobs(a, o, e);
            case "active-jobs" -> JobsSamples.activeJobs(a, o, e);
            case "pause", "resume", "kill" -> JobsSamples.control(sample, a, o, e);
            case "priority" -> JobsSamples.priority(a, o, e);
            default -> throw new IllegalArgumentException(sample);
        };
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
