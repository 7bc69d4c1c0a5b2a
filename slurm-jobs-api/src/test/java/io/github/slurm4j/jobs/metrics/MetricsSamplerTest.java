package io.github.slurm4j.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.jobs.SplitShell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The node script's output is put together from captured outputs: {@code scontrol listpids} of
 * the 22.05 corpus (job 14: batch, extern and step 1 processes), {@code ps} rows for those pids
 * in the sampler's format, and the hand-written {@code nvidia-smi} captures (no GPU here): GPUs 0
 * and 1 used by pid 29735, GPU 2 without a process, GPU 3 used by 32510.
 */
class MetricsSamplerTest {
    static final Instant T = Instant.parse("2026-12-02T17:50:03Z");

    static final String LISTPIDS = Fixtures.load("slurm-22.05", "scontrol-listpids-running").stdout();
    static final String PS = "    PID    PPID USER     %CPU %MEM   RSS    VSZ ELAPSED COMMAND\n"
            + "  15452   15440 alice     0.0  0.0  1732   2920     164 slurm_script\n"
            + "  29716   15452 alice     1.5  0.1  7728 209736     160 srun\n"
            + "  29735   29720 alice    98.5  2.5 524288 2097152   158 python\n"
            + "  32510   29735 alice    12.0  0.5 102400 409600    150 cuda app\n";
    static final String APPS = Fixtures.load("handmade", "nvidia-smi-compute-apps-noheader-nounits").stdout();
    static final String PMON = Fixtures.load("handmade", "nvidia-smi-pmon-um").stdout();

    static String output(String step, String listpids, String ps, String apps, String pmon) {
        StringBuilder s = new StringBuilder("@@slurm4j step ").append(step).append('\n');
        s.append("@@slurm4j listpids\n").append(listpids).append("@@slurm4j end 0\n");
        s.append("@@slurm4j ps\n").append(ps).append("@@slurm4j end 0\n");
        if (apps != null) {
            s.append("@@slurm4j compute-apps\n").append(apps).append("@@slurm4j end 0\n");
            s.append("@@slurm4j pmon\n").append(pmon).append("@@slurm4j end 0\n");
        }
        return s.toString();
    }

    static ExecResult ok(String stdout) {
        return ExecResult.of(List.of("sh"), 0, stdout, "");
    }

    @Test
    void aGpuNodeWithEveryProcessAndAnIdleAllocatedGpu() {
        NodeSample n = MetricsSampler.read("gpu01", ok(output("", LISTPIDS, PS, APPS, PMON)), false, List.of(0, 1, 2, 3), T,
                List.of("sh", "-c", MetricsSampler.SCRIPT, "sh", "14"));
        assertThat(n.error()).isNull();
        assertThat(n.gpuQueried()).isTrue();
        assertThat(n.pids()).hasSize(7);
        // listpids order, each pid once, -1 skipped, pids ps did not list (ended) without a sample
        assertThat(n.metrics()).extracting(PidMetric::pid).containsExactly(15452L, 29716L, 29735L, 32510L);
        PidMetric python = n.metrics().get(2);
        assertThat(python.cpuPercent()).isEqualTo(98.5);
        assertThat(python.rssBytes()).isEqualTo(524288L * 1024);
        assertThat(python.gpuUtilPercent()).isEqualTo(75.0); // sm 45 + 30 on GPUs 0 and 1
        assertThat(python.gpuMemoryUsedMib()).isEqualTo(1234L + 512L);
        assertThat(n.metrics().get(3).gpuMemoryUsedMib()).isEqualTo(300L); // [N/A] in compute-apps: pmon's fb
        assertThat(n.metrics().get(0).gpuUtilPercent()).isNull();
        assertThat(n.metrics()).allSatisfy(m -> assertThat(m.time()).isEqualTo(T));
        assertThat(n.idleGpus()).containsExactly(2);
    }

    @Test
    void theSamplingStepsOwnProcessesAreLeftOutUnderSrun() {
        NodeSample n = MetricsSampler.read("gpu01", ok(output("1", LISTPIDS, PS, null, null)), true, List.of(), T, List.of("srun"));
        assertThat(n.pids()).extracting(p -> p.stepId()).doesNotContain("1");
        assertThat(n.metrics()).extracting(PidMetric::pid).containsExactly(15452L, 29716L);
        assertThat(n.gpuQueried()).isFalse();
        assertThat(n.idleGpus()).isEmpty();
    }

    @Test
    void withoutNvidiaSmiOrWhenItFailsThereAreNoGpuValues() {
        NodeSample none = MetricsSampler.read("cpu01", ok(output("", LISTPIDS, PS, null, null)), false, List.of(), T, List.of("sh"));
        assertThat(none.gpuQueried()).isFalse();
        assertThat(none.metrics()).allSatisfy(m -> {
            assertThat(m.gpuUtilPercent()).isNull();
            assertThat(m.gpuMemoryUsedMib()).isNull();
        });
        String failing = output("", LISTPIDS, PS, null, null) + "@@slurm4j compute-apps\n"
                + "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n@@slurm4j end 9\n"
                + "@@slurm4j pmon\nNVIDIA-SMI has failed\n@@slurm4j end 9\n";
        NodeSample broken = MetricsSampler.read("gpu01", ok(failing), false, List.of(0), T, List.of("sh"));
        assertThat(broken.gpuQueried()).isFalse();
        assertThat(broken.idleGpus()).isEmpty(); // not known: no GPU is flagged on a guess
        assertThat(broken.metrics()).hasSize(4);
    }

    @Test
    void aFailedListpidsIsTheNodesError() {
        String out = "@@slurm4j step \n@@slurm4j listpids\nslurm_load_job error: Invalid job id specified\n@@slurm4j end 1\n"
                + "@@slurm4j ps\n@@slurm4j end 0\n";
        NodeSample n = MetricsSampler.read("cpu01", ok(out), false, List.of(), T, List.of("sh"));
        assertThat(n.error()).contains("Invalid job id");
        assertThat(n.metrics()).isEmpty();
    }

    @Test
    void gpuIndexesOfScontrolDetail() {
        assertThat(MetricsSampler.gpuIndexes("gpu:1(IDX:0)")).containsExactly(0);
        assertThat(MetricsSampler.gpuIndexes("gpu:a100:2(IDX:0-1),gpu:v100:1(IDX:3)")).containsExactly(0, 1, 3);
        assertThat(MetricsSampler.gpuIndexes("gpu:4(IDX:0,2-3)")).containsExactly(0, 2, 3);
        assertThat(MetricsSampler.gpuIndexes("gpu:1(IDX:N/A)")).isEmpty();
        assertThat(MetricsSampler.gpuIndexes("")).isEmpty();
    }

    @Test
    void idleGpusWhenNvidiaSmiSeesOnlyTheJobsDevices() {
        // the job has GPUs 2 and 3 of the node; a confined step's nvidia-smi numbers them 0 and 1
        String pmon = "# gpu        pid  type    sm   mem   enc   dec    fb   command\n"
                + "# Idx          #   C/G     %     %     %     %    MB   name\n"
                + "    0      29735     C    45    12     -     -  1234   python\n"
                + "    1          -     -     -     -     -     -     -   -\n";
        assertThat(MetricsSampler.idle(List.of(2, 3), io.github.slurm4j.parse.NvidiaSmiParser.parsePmon(pmon))).containsExactly(3);
        // nvidia-smi sees all four of the node: indexes are Slurm's
        assertThat(MetricsSampler.idle(List.of(1, 2), io.github.slurm4j.parse.NvidiaSmiParser.parsePmon(PMON))).containsExactly(2);
        assertThat(MetricsSampler.idle(List.of(), io.github.slurm4j.parse.NvidiaSmiParser.parsePmon(PMON))).isEmpty();
    }

    // ------------------------------------------------------------------ through the simulated cluster

    private final FakeSlurm fake = FakeSlurm.builder().actingAs("alice").build();

    private JobId submit(String gpus) {
        return submit(gpus, false);
    }

    private JobId submit(String gpus, boolean hold) {
        SubmitRequest.Builder b = SubmitRequest.script("#!/bin/sh\nsleep 600\n").name("train");
        if (hold) {
            b.hold();
        }
        if (gpus != null) {
            b.gpus(gpus);
        }
        return new SlurmClient(fake).submit(b.build()).jobId();
    }

    @Test
    void oneSrunCallPerNodeWithTheJobIdAsAnArgument() {
        JobId id = submit("2");
        fake.advance(Duration.ofSeconds(1));
        // the lab's GPU node has 2 GPUs; pmon shows a process on GPU 0 only
        String pmon = "# gpu        pid  type    sm   mem   enc   dec    fb   command\n"
                + "# Idx          #   C/G     %     %     %     %    MB   name\n"
                + "    0      29735     C    45    12     -     -  1234   python\n"
                + "    1          -     -     -     -     -     -     -   -\n";
        SplitShell shell = SplitShell.nodes(fake, r -> ok(output("2", LISTPIDS, PS, "29735, 1234\n", pmon)));
        JobSample s = MetricsSampler.builder(new SlurmClient(shell)).clock(java.time.Clock.fixed(T, java.time.ZoneOffset.UTC))
                .build().sample(id);
        assertThat(shell.routed).containsExactly(List.of("srun", "--jobid=" + id, "--overlap", "--nodelist=localhost", "-N1", "-n1",
                "--quiet", "--job-name=slurm4j-metrics", "sh", "-c", MetricsSampler.SCRIPT, "sh", id.toString()));
        assertThat(s.time()).isEqualTo(T);
        assertThat(s.nodes()).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("localhost");
            assertThat(n.allocatedGpus()).containsExactly(0, 1);
        });
        assertThat(s.idleGpus()).containsExactly(new IdleGpu("localhost", 1));
        assertThat(s.metrics()).extracting(PidMetric::pid).containsExactly(15452L, 29716L, 29735L, 32510L);
        assertThat(s.hasGpuData()).isTrue();
    }

    @Test
    void aNodeShellRunsTheScriptWithoutSrun() {
        JobId id = submit(null);
        fake.advance(Duration.ofSeconds(1));
        SplitShell node = SplitShell.nodes(fake, r -> ok(output("", LISTPIDS, PS, null, null)));
        List<String> asked = new CopyOnWriteArrayList<>();
        JobSample s = MetricsSampler.builder(new SlurmClient(fake)).nodeShell(n -> {
            asked.add(n);
            return node;
        }).build().sample(id);
        assertThat(asked).containsExactly("localhost");
        assertThat(node.routed).containsExactly(List.of("sh", "-c", MetricsSampler.SCRIPT, "sh", id.toString()));
        assertThat(s.hasGpuData()).isFalse();
        assertThat(s.idleGpus()).isEmpty();
        assertThat(s.metrics()).hasSize(4);
    }

    @Test
    void aNodeWithoutAShellIsThatNodesErrorNotANullPointer() {
        JobId id = submit(null);
        fake.advance(Duration.ofSeconds(1));
        MetricsSampler sampler = MetricsSampler.builder(new SlurmClient(fake)).nodeShell(n -> null).build();
        // the only node failed, so the sample fails with that node's error
        assertThatThrownBy(() -> sampler.sample(id)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no shell for node localhost");
    }

    @Test
    void aPendingJobHasNoNodesAndARefusedSrunIsTyped() {
        JobId pending = submit(null, true);
        SplitShell refusing = SplitShell.nodes(fake, r -> ExecResult.of(r.command(), 1, "",
                "srun: error: Unable to create step for job " + r.command().get(1).substring(8) + ": Access/permission denied\n"));
        MetricsSampler sampler = MetricsSampler.builder(new SlurmClient(refusing)).build();
        assertThat(sampler.sample(pending).nodes()).isEmpty();
        assertThat(refusing.routed).isEmpty();
        new SlurmClient(fake).release(pending);
        fake.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> sampler.sample(pending)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        assertThatThrownBy(() -> sampler.sample(JobId.of(987654))).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
    }
}
