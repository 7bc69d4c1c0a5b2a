package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.Lab;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs, submit and cancel samples against the real lab ({@code scripts/lab.sh up}): locally
 * (as the user running the tests) and over SSH as alice. Skipped without the lab; failed in CI.
 */
class SlurmSamplesIT {
    private static final String[] SSH = {"--ssh", Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT, "--identity",
        Lab.userKey().toString(), "--known-hosts", Lab.knownHosts().toString()};

    @BeforeAll
    static void lab() {
        Lab.requireSlurm();
        Lab.requireSshd();
    }

    @Test
    void submitListAndCancelLocally(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("job.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1-$2\"\nsleep 120\n");
        Run submit = run("submit", "--name", "sample it; $(touch /tmp/slurm4j-canary)", "--time", "5", "--cores", "1",
                "--mem-gb", "1", "--comment", "from SlurmSamplesIT", "--chdir", "/tmp", "--script", script.toString(),
                "--", "a b", "c");
        assertThat(submit.rc).as(submit.err).isZero();
        assertThat(submit.out).matches("\\d+\n");
        String id = submit.out.strip();

        Run jobs = run("jobs");
        assertThat(jobs.rc).as(jobs.err).isZero();
        assertThat(jobs.out).contains("\"job_id\": " + id).contains("\"name\": \"sample it; $(touch /tmp/slurm4j-canary)\"")
                .contains("\"comment\": \"from SlurmSamplesIT\"");

        Run cancel = run("cancel", id);
        assertThat(cancel.rc).as(cancel.err).isZero();
        assertThat(cancel.out).isEqualTo("cancelled " + id + "\n");
        assertThat(Path.of("/tmp/slurm4j-canary")).doesNotExist();
    }

    @Test
    void submitListAndCancelOverSsh() {
        Run submit = run(concat(new String[] {"submit"}, SSH, "--name", "sample-ssh", "--time", "5", "--chdir", "/tmp", "--wrap", "sleep 120"));
        assertThat(submit.rc).as(submit.err).isZero();
        String id = submit.out.strip();
        assertThat(id).matches("\\d+");

        Run mine = run(concat(new String[] {"jobs"}, SSH));
        assertThat(mine.rc).as(mine.err).isZero();
        assertThat(mine.out).contains("\"job_id\": " + id).contains("\"user_name\": \"alice\"").doesNotContain("\"user_name\": \"root\"");

        Run cancel = run(concat(new String[] {"cancel"}, SSH, id));
        assertThat(cancel.rc).as(cancel.err).isZero();
    }

    @Test
    void errorsAreOneTypedLine() {
        Run unknown = run("cancel", "999999");
        assertThat(unknown.rc).isEqualTo(1);
        assertThat(unknown.out).isEmpty();
        assertThat(unknown.err).startsWith("error: job_not_found: ").endsWith("\n");
        assertThat(unknown.err.strip().lines().count()).isEqualTo(1);

        Run rejected = run("submit", "--partition", "nosuchpart", "--chdir", "/tmp", "--wrap", "true");
        assertThat(rejected.rc).isEqualTo(1);
        assertThat(rejected.err).startsWith("error: submit_rejected: ").contains("nosuchpart");

        Run badKey = run(concat(new String[] {"jobs"}, SSH[0], SSH[1], SSH[2], SSH[3], "--known-hosts", "/dev/null"));
        assertThat(badKey.rc).isEqualTo(1);
        assertThat(badKey.err).startsWith("error: host_key_rejected: ").contains("SHA256:");
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String[] concat(String[] first, String... more) {
        return concat(first, new String[0], more);
    }

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        int rc = switch (args[0]) {
            case "jobs" -> SlurmSamples.jobs(rest, o, e);
            case "submit" -> SlurmSamples.submit(rest, o, e);
            case "cancel" -> SlurmSamples.cancel(rest, o, e);
            default -> throw new IllegalArgumentException(args[0]);
        };
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
