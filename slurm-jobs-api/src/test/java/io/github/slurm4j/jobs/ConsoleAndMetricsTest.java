package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.jobs.console.ConsoleLines;
import io.github.slurm4j.jobs.console.ConsoleStream;
import io.github.slurm4j.jobs.metrics.JobSample;
import io.github.slurm4j.jobs.metrics.MetricsRecorder;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The façade's tail, sample and the console JSON's runData, on the simulated cluster. */
class ConsoleAndMetricsTest {
    private final FakeSlurm fake = FakeSlurm.builder().actingAs("alice").build();

    static String nodeOutput(String job) {
        return "@@slurm4j step 1\n@@slurm4j listpids\n"
                + "PID      JOBID    STEPID   LOCALID GLOBALID\n"
                + "4242     " + job + "    batch    0       0\n"
                + "4300     " + job + "    1        0       0\n"
                + "@@slurm4j end 0\n@@slurm4j ps\n"
                + "    PID    PPID USER     %CPU %MEM   RSS    VSZ ELAPSED COMMAND\n"
                + "   4242       1 alice    99.0  0.2 20480  40960      30 sh\n"
                + "   4300    4299 alice     0.0  0.0  1024   2048       0 sh\n"
                + "@@slurm4j end 0\n";
    }

    @Test
    void sampleRecordsAndTheDetailCarriesRunDataWithoutGpuEntries() throws Exception {
        HookedShell shell = new HookedShell(fake, r -> HookedShell.is(r, "srun")
                ? ExecResult.of(r.command(), 0, nodeOutput(r.command().get(r.command().size() - 1)), "") : null, null);
        MetricsRecorder rec = new MetricsRecorder(10, 10);
        try (SlurmJobs jobs = SlurmJobs.builder().cluster(Cluster.builder("lab", shell).zone(ZoneId.of("UTC"))
                .clock(java.time.Clock.fixed(fake.now(), ZoneId.of("UTC"))).build()).metricsRecorder(rec).build()) {
            JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 600\n").name("busy").build()).jobId();
            fake.advance(Duration.ofSeconds(1));
            JobSample s = jobs.sample("lab", id);
            assertThat(s.metrics()).singleElement().satisfies(m -> assertThat(m.pid()).isEqualTo(4242L));
            assertThat(rec.samples("lab", id)).hasSize(1);
            JsonNode run = new ObjectMapper().readTree(jobs.detail("lab", id).toConsoleJson()).get("runData");
            List<String> titles = new ArrayList<>();
            run.forEach(e -> titles.add(e.get("title").asText()));
            assertThat(titles).containsExactly("mem", "cpu", "ram");
            assertThat(run.get(1).get("y").get(0).get("name").asText()).isEqualTo("PID-4242");
            assertThat(run.get(1).get("y").get(0).get("data").asText()).isEqualTo("99.0");
            assertThat(run.get(2).get("y").get(0).get("data").asText()).isEqualTo("20.0");
        }
    }

    @Test
    void withoutARecorderRunDataIsEmptyAndTailGoesThroughTheShell() throws Exception {
        HookedShell shell = new HookedShell(fake, r -> HookedShell.is(r, "tail")
                ? ExecResult.of(r.command(), 0, "b\nc\n", "") : null, null);
        try (SlurmJobs jobs = SlurmJobs.builder().cluster(Cluster.builder("lab", shell).build()).build()) {
            JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 600\n").name("t").workDir("/home/alice")
                    .build()).jobId();
            ConsoleLines t = jobs.tail("lab", id, 2, ConsoleStream.STDOUT);
            assertThat(t.lines()).containsExactly("b", "c");
            assertThat(t.path()).isEqualTo("/home/alice/slurm-" + id + ".out");
            assertThat(new ObjectMapper().readTree(jobs.detail("lab", id).toConsoleJson()).get("runData").size()).isZero();
            assertThat(jobs.recorder()).isNull();
        }
    }
}
