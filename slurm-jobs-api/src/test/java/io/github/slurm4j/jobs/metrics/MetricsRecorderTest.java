package io.github.slurm4j.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.metrics.PidMetric;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsRecorderTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant T0 = Instant.parse("2026-12-02T17:50:00Z");

    static JobSample sample(JobId job, int second, boolean gpu, long... pids) {
        Instant t = T0.plusSeconds(second);
        List<PidMetric> ms = new ArrayList<>();
        for (long pid : pids) {
            boolean withGpu = gpu && pid % 2 == 0;
            ms.add(new PidMetric(pid, t, 50.0 + second, 1.5, 64L * 1024 * 1024, withGpu ? 80.0 : null, withGpu ? 10.0 : null,
                    withGpu ? 2048L : null));
        }
        NodeSample n = new NodeSample("gpu01", List.of(), List.of(), gpu, List.of(), List.of(), ms, List.of(), List.of(), null);
        return new JobSample(job, t, JobState.parse("RUNNING"), List.of(n));
    }

    @Test
    void aRingPerJobAndABoundOnJobs() {
        MetricsRecorder r = new MetricsRecorder(3, 2);
        JobId a = JobId.of(1);
        for (int i = 0; i < 5; i++) {
            r.record("lab", sample(a, i, false, 100));
        }
        assertThat(r.samples("lab", a)).extracting(JobSample::time).containsExactly(T0.plusSeconds(2), T0.plusSeconds(3),
                T0.plusSeconds(4));
        r.record("lab", sample(JobId.of(2), 0, false, 200));
        r.record("other", sample(a, 0, false, 300));
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.samples("lab", a)).isEmpty(); // recorded least recently
        assertThat(r.samples("other", a)).hasSize(1);
        r.forget("other", a);
        assertThat(r.size()).isEqualTo(1);
        // a sample of a job that does not run (no nodes) is not kept
        r.record("lab", new JobSample(JobId.of(9), T0, JobState.parse("PENDING"), List.of()));
        assertThat(r.samples("lab", JobId.of(9))).isEmpty();
    }

    @Test
    void concurrentRecordingStaysBounded() throws Exception {
        MetricsRecorder r = new MetricsRecorder(10, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    r.record("lab", sample(JobId.of(i % 7), thread * 1000 + i, false, 1));
                    r.runData("lab", JobId.of(i % 7), UTC);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(r.size()).isEqualTo(5);
        for (int j = 0; j < 7; j++) {
            assertThat(r.samples("lab", JobId.of(j)).size()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void runDataWithoutGpusHasNoGpuEntries() {
        MetricsRecorder r = new MetricsRecorder();
        JobId id = JobId.of(5);
        r.record("lab", sample(id, 0, false, 4242, 4243));
        r.record("lab", sample(id, 10, false, 4242, 4243));
        List<Map<String, Object>> data = r.runData("lab", id, UTC);
        assertThat(data).extracting(m -> m.get("title")).containsExactly("mem", "cpu", "ram", "mem", "cpu", "ram");
        Map<String, Object> cpu = data.get(1);
        assertThat(cpu.get("x")).isEqualTo(Map.of("data", "2026-12-02 17:50:00"));
        assertThat(cpu.get("y")).isEqualTo(List.of(Map.of("data", "50.0", "name", "PID-4242"), Map.of("data", "50.0", "name", "PID-4243")));
        assertThat(data.get(2).get("y")).asList().first().isEqualTo(Map.of("data", "64.0", "name", "PID-4242"));
        assertThat(data.get(4).get("x")).isEqualTo(Map.of("data", "2026-12-02 17:50:10"));
    }

    @Test
    void runDataWithGpusListsOnlyTheProcessesWithGpuValues() {
        MetricsRecorder r = new MetricsRecorder();
        JobId id = JobId.of(6);
        r.record("lab", sample(id, 0, true, 4242, 4243));
        List<Map<String, Object>> data = r.runData("lab", id, UTC);
        assertThat(data).extracting(m -> m.get("title")).containsExactly("gpu", "mem", "cpu", "ram", "gpu_memory_usage");
        assertThat(data.get(0).get("y")).isEqualTo(List.of(Map.of("data", "80.0", "name", "PID-4242")));
        assertThat(data.get(4).get("y")).isEqualTo(List.of(Map.of("data", "2048.0", "name", "PID-4242")));
        assertThat((List<?>) data.get(2).get("y")).hasSize(2);
        assertThat(r.runData("lab", JobId.of(7), UTC)).isEmpty();
    }
}
