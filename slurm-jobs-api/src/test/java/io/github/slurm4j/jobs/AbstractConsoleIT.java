package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.jobs.console.ConsoleFollow;
import io.github.slurm4j.jobs.console.ConsoleLines;
import io.github.slurm4j.jobs.console.ConsoleStream;
import io.github.slurm4j.jobs.console.FollowOptions;
import io.github.slurm4j.jobs.console.FollowResult;
import io.github.slurm4j.jobs.metrics.JobSample;
import io.github.slurm4j.jobs.metrics.MetricsRecorder;
import io.github.slurm4j.jobs.metrics.NodeSample;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.testkit.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Console tail and follow and per-process metrics against the lab's real Slurm 22.05, through the
 * subclass's shell (local as root; SSH as alice). The jobs write into {@value #DIR} with the
 * pattern {@code %x-%j-%u-%N-%%.out}: scontrol prints it with {@code %x %j %u} expanded and
 * {@code %N %%} not, slurmstepd writes the host's name for {@code %N} ({@code vm}, while the node
 * is named {@code localhost}), so the file is found by the façade's own expansion and look-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractConsoleIT {
    static final String DIR = "/tmp/slurm4j-console-it";
    static final String NONCE = UUID.randomUUID().toString().substring(0, 6);

    LabSession lab;
    SlurmJobs jobs;
    final MetricsRecorder recorder = new MetricsRecorder(100, 100);

    protected abstract Shell createShell();

    /** The shell's user. */
    protected abstract String user();

    /** A shell per node for the metrics, or {@code null} to go through {@code srun --overlap}. */
    protected abstract Function<String, Shell> nodeShells();

    @BeforeAll
    void setUp() {
        lab = LabSession.open(Lab.SLURM_22_05, this::createShell, c -> {
            SlurmJobs.Builder b = SlurmJobs.builder().cluster(c.timeout(Duration.ofSeconds(30)).build()).metricsRecorder(recorder);
            if (nodeShells() != null) {
                b.nodeShells("lab", nodeShells());
            }
            return b;
        });
        jobs = lab.jobs();
        // the folder is shared by root's and alice's runs: whoever makes it opens it to both
        lab.shell().run(ExecRequest.of("mkdir", "-p", DIR));
        lab.shell().run(ExecRequest.of("chmod", "1777", DIR));
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    JobId submit(String name, String script) {
        return lab.track(jobs.submit("lab", JobConf.builder().script(script).name("c12-" + name + "-" + NONCE)
                .output(DIR + "/%x-%j-%u-%N-%%.out").workDir("/tmp").timeLimitMinutes(5).build()).jobId());
    }

    static <T> T await(Supplier<T> read, Predicate<T> done, Duration max) {
        return LabSession.await(read, done, max);
    }

    @Test
    void aFileOf3000LinesIsTailedToExactlyTheLast2000() {
        JobId id = submit("tail", "#!/bin/sh\ni=1\nwhile [ $i -le 3000 ]; do echo \"line $i\"; i=$((i+1)); done\n");
        JobDetail done = await(() -> jobs.detail("lab", id), d -> d.status().phase().isFinal(), Duration.ofSeconds(60));
        assertThat(done.status().phase()).isEqualTo(JobPhase.FINISHED);
        ConsoleLines tail = jobs.tail("lab", id);
        assertThat(tail.exists()).isTrue();
        assertThat(tail.path()).isEqualTo(DIR + "/c12-tail-" + NONCE + "-" + id + "-" + user() + "-" + hostName() + "-%.out");
        assertThat(tail.lines()).hasSize(2000);
        assertThat(tail.lines()).containsExactlyElementsOf(IntStream.rangeClosed(1001, 3000).mapToObj(i -> "line " + i).toList());
        assertThat(jobs.tail("lab", id, 5, ConsoleStream.STDERR).lines()).containsExactly("line 2996", "line 2997", "line 2998",
                "line 2999", "line 3000");
    }

    @Test
    void aPendingJobsFileDoesNotExistYet() {
        JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\ntrue\n").name("c12-pend-" + NONCE)
                .output(DIR + "/%x-%j.out").workDir("/tmp").timeLimitMinutes(5).begin("now+1hour").build()).jobId();
        lab.track(id);
        ConsoleLines t = jobs.tail("lab", id);
        assertThat(t.exists()).isFalse();
        assertThat(t.lines()).isEmpty();
        assertThat(t.path()).isEqualTo(DIR + "/c12-pend-" + NONCE + "-" + id + ".out");
    }

    @Test
    void aFollowedFileGrowsAndTheFollowClosesAtTheJobsEnd() throws Exception {
        JobId id = submit("follow", "#!/bin/sh\n"
                + "i=1\nwhile [ $i -le 12 ]; do echo \"tick $i\"; i=$((i+1)); sleep 0.25; done\n"
                + "printf 'half'\nsleep 1.5\nprintf ' line\\n'\n"
                + "printf '\\377 not utf-8\\n'\n"
                + "printf 'no newline at the end'\n");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seenWhileRunning = Collections.synchronizedList(new ArrayList<>());
        try (ConsoleFollow f = jobs.follow("lab", id, ConsoleStream.STDOUT, FollowOptions.defaults().fromStart()
                .withPollInterval(Duration.ofMillis(300)), line -> {
                    got.add(line);
                    seenWhileRunning.add(got.size());
                })) {
            FollowResult r = f.await(Duration.ofSeconds(90));
            assertThat(r).as("the follow ends with the job").isNotNull();
            assertThat(r.closedEarly()).isFalse();
            assertThat(r.finalState().state()).isEqualTo(JobState.Name.COMPLETED);
            List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 12).mapToObj(i -> "tick " + i).toList());
            expected.addAll(List.of("half line", "\uFFFD not utf-8", "no newline at the end"));
            assertThat(got).containsExactlyElementsOf(expected);
            assertThat(r.lines()).isEqualTo(15);
        }
    }

    @Test
    void metricsOfARunningJobHaveItsPid() throws Exception {
        // the busy loop keeps the script's pid (exec) and uses only builtins: one process at 100 %
        JobId id = submit("busy", "#!/bin/sh\necho \"pid $$\"\nexec sh -c 'while :; do :; done'\n");
        ConsoleLines first = await(() -> jobs.tail("lab", id, 1, ConsoleStream.STDOUT),
                t -> !t.lines().isEmpty() && t.lines().get(0).startsWith("pid "), Duration.ofSeconds(30));
        long pid = Long.parseLong(first.lines().get(0).substring(4).strip());
        LabSession.sleep(1500);
        JobSample s = jobs.sample("lab", id);
        LabSession.sleep(1000);
        JobSample s2 = jobs.sample("lab", id);
        assertThat(s.nodes()).singleElement().satisfies(n -> {
            assertThat(n.error()).isNull();
            assertThat(n.node()).isEqualTo("localhost");
            assertThat(n.gpuQueried()).isFalse(); // no nvidia-smi here
        });
        NodeSample n = s2.nodes().get(0);
        assertThat(n.pids()).anySatisfy(p -> assertThat(p.pid()).isEqualTo(pid));
        PidMetric busy = n.metrics().stream().filter(m -> m.pid() == pid).findFirst().orElseThrow();
        assertThat(busy.cpuPercent()).isGreaterThan(20.0);
        assertThat(busy.rssBytes()).isPositive();
        assertThat(busy.gpuUtilPercent()).isNull();
        // no step of the sampler's own among the job's processes
        assertThat(n.pids()).allSatisfy(p -> assertThat(p.stepId()).isIn("batch", "extern"));

        JsonNode run = new ObjectMapper().readTree(jobs.detail("lab", id).toConsoleJson()).get("runData");
        List<String> titles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        run.forEach(e -> {
            titles.add(e.get("title").asText());
            e.get("y").forEach(y -> names.add(y.get("name").asText()));
        });
        assertThat(titles).containsExactly("mem", "cpu", "ram", "mem", "cpu", "ram");
        assertThat(names).contains("PID-" + pid);
        assertThat(recorder.samples("lab", id)).hasSize(2);
        jobs.cancel("lab", id);
    }

    @Test
    void aJobWithAGpuHasItsAllocatedIndex() {
        JobId id = jobs.submit("lab", JobConf.builder().script("#!/bin/sh\nsleep 30\n").name("c12-gpu-" + NONCE).gpus(1)
                .output("/dev/null").workDir("/tmp").timeLimitMinutes(5).build()).jobId();
        lab.track(id);
        await(() -> jobs.detail("lab", id), d -> d.status().phase() == JobPhase.RUNNING, Duration.ofSeconds(30));
        JobSample s = jobs.sample("lab", id);
        assertThat(s.nodes()).singleElement().satisfies(n -> {
            assertThat(n.allocatedGpus()).hasSize(1);
            // the lab's GPUs are dummy devices without nvidia-smi: nothing is flagged on a guess
            assertThat(n.gpuQueried()).isFalse();
            assertThat(n.idleGpus()).isEmpty();
        });
    }

    /** The name slurmstepd writes for %N: the batch host's own short host name. */
    String hostName() {
        return lab.shell().run(ExecRequest.of("hostname", "-s")).stdout().strip();
    }
}
