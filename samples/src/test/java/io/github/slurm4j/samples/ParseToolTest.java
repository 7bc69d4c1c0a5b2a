package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Smoke runs of the parse sample on real captured outputs, so the sample cannot go stale. */
class ParseToolTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ParseTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the tool as a user would: on files on disk (the fixtures may be inside the testkit's jar). */
    private static Run runCase(String name) throws Exception {
        Fixtures.Case c = Fixtures.load(name);
        Path dir = Files.createTempDirectory("slurm4j-parse-tool-");
        try {
            Path stdout = Files.write(dir.resolve("stdout"), c.stdoutBytes());
            Path stderr = Files.writeString(dir.resolve("stderr"), c.stderr(), StandardCharsets.UTF_8);
            return run("--cmd", c.cmd(), "--stdout", stdout.toString(), "--stderr", stderr.toString(),
                    "--rc", Integer.toString(c.rc()), "--tz", "UTC");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void printsAJobWithItsCommentWhole() throws Exception {
        Run r = runCase("scontrol-job-oneliner-running");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("command").asText()).isEqualTo("scontrol");
        assertThat(doc.get("kind").asText()).isEqualTo("job");
        assertThat(doc.get("error").isNull()).isTrue();
        JsonNode job = doc.get("items").get(0);
        assertThat(job.get("job_id").asLong()).isEqualTo(14);
        assertThat(job.get("comment").asText()).isEqualTo("key=value spaces = signs; owner=ops team");
        assertThat(job.get("job_state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("submit_time").asLong()).isEqualTo(1795213691L);
    }

    @Test
    void printsAClassifiedError() throws Exception {
        Run r = runCase("squeue-error-invalid-job");
        assertThat(r.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("error").get("type").asText()).isEqualTo("job_not_found");
        assertThat(doc.get("error").get("message").asText()).contains("Invalid job id specified");
        assertThat(doc.get("items")).isEmpty();
    }

    @Test
    void printsSeffWithItsStopData() throws Exception {
        Run r = runCase("seff-cancelled-after-start");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode item = new ObjectMapper().readTree(r.out()).get("items").get(0);
        // job_id is a number in every kind of item; the text is job_id_text
        assertThat(item.get("job_id").isIntegralNumber()).isTrue();
        assertThat(item.get("job_id").asLong()).isEqualTo(46);
        assertThat(item.get("job_id_text").asText()).isEqualTo("46");
        assertThat(item.get("cores_per_node").asInt()).isEqualTo(2);
        assertThat(item.get("stop_data").get("CPUUtilized").asText()).isEqualTo("00:00:03");
    }

    @Test
    void unparsableInputExitsTwoWithOneLineThatSaysWhere(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.writeString(out, "JobId=abc JobName=x\n");
        Run r = run("--cmd", "scontrol -o show job", "--stdout", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("line 1").contains("JobId");
    }

    @Test
    void badUsageExitsOne() {
        assertThat(run("--cmd", "squeue").exit()).isEqualTo(1);
        assertThat(run("--bogus", "x").exit()).isEqualTo(1);
        assertThat(run("--cmd", "squeue", "--stdout", "/nonexistent/file").exit()).isEqualTo(1);
        assertThat(run("--help").exit()).isZero();
        assertThat(Main.run(new String[] {"nosuchsample"})).isEqualTo(1);
    }
}
