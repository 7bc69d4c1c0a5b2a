package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The job figures read in slices on several threads are those of one pass: same rows in the same
 * order, same counts, users and top 5s — also when a job is listed twice, in one slice or in two
 * (then the first listing counts, as in one pass).
 */
class JobSlicesTest {
    private static final ZonedDateTime NOW = FixtureCluster.NOW;
    private static final JobState[] STATES = {JobState.parse("RUNNING"), JobState.parse("PENDING"),
            JobState.parse("COMPLETED"), JobState.parse("SUSPENDED"), null};

    private static List<Job> jobs(Random r, int n, int idRange) {
        List<Job> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Job.Builder b = Job.builder(1 + r.nextInt(idRange)).state(STATES[r.nextInt(STATES.length)])
                    .user(UserRef.parse("u" + r.nextInt(40))).name("j" + i).partition("p" + r.nextInt(3))
                    .runTime(Duration.ofSeconds(r.nextInt(5000)))
                    .submitTime(SlurmTime.of(NOW.toLocalDateTime().minusSeconds(r.nextInt(5000))));
            if (r.nextInt(4) == 0) {
                b.allocTres(Tres.parse("cpu=1,gres/gpu=" + r.nextInt(2)));
            }
            out.add(b.build());
        }
        return out;
    }

    private static Map<String, Object> figures(StatsCalculator.JobPass p) {
        Map<String, Object> m = new TreeMap<>();
        m.put("counts", List.of(p.running, p.pending, p.cpuRunning, p.cpuPending, p.gpuRunning, p.gpuPending));
        Map<String, Integer> users = new TreeMap<>();
        p.userBits.forEach((u, b) -> users.put(u, b[0]));
        m.put("users", users);
        m.put("running", p.runningTop.json());
        m.put("pending", p.pendingTop.json());
        m.put("rows", List.copyOf(p.rows));
        return m;
    }

    @Test
    void slicesGiveWhatOnePassGives() {
        Random r = new Random(99);
        for (int round = 0; round < 40; round++) {
            int n = 200 + r.nextInt(3000);
            // unique ids most rounds; some with ids drawn from a small range (listed twice, anywhere)
            List<Job> jobs = round % 4 == 0 ? jobs(r, n, n / 2) : jobs(r, n, Integer.MAX_VALUE - 1);
            if (round % 4 == 1) {
                jobs.add(r.nextInt(jobs.size()), jobs.get(r.nextInt(jobs.size()))); // one job listed twice
            }
            Map<String, Object> one = figures(StatsCalculator.jobs(jobs, NOW, 1));
            for (int slices = 2; slices <= 4; slices++) {
                assertThat(figures(StatsCalculator.jobs(jobs, NOW, slices))).as("round %d, %d slices", round, slices)
                        .isEqualTo(one);
            }
        }
    }

    @Test
    void aLongListIsReadInSlicesAndStillCountsEveryJob() {
        List<Job> jobs = jobs(new Random(5), StatsCalculator.PARALLEL_JOBS + 1234, Integer.MAX_VALUE - 1);
        ClusterStats s = StatsCalculator.compute(List.of(), jobs, PowerReading.NONE, FixtureCluster.NOW);
        assertThat(figures(StatsCalculator.jobs(jobs, NOW, 1)).get("rows")).isEqualTo(List.copyOf(s.jobs()));
    }
}
