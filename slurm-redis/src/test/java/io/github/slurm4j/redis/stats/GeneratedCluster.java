package io.github.slurm4j.redis.stats;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed, seeded cluster big enough to take every path of the computation and the store: more
 * jobs than {@link StatsCalculator#PARALLEL_JOBS} (sliced), lists of many RPUSH batches, names
 * with quotes, control characters, non-ASCII and unpaired surrogates, array and het ids, jobs in
 * every state, nodes listed twice. Public so that the store's ITs can write it.
 */
public final class GeneratedCluster {
    /** When the snapshot is taken. */
    public static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
    private static final String[] NODE_STATES = {"IDLE", "MIXED", "ALLOCATED", "IDLE+DRAIN", "MIXED+DRAIN",
            "DOWN+NOT_RESPONDING", "UNKNOWN+NOT_RESPONDING", "IDLE+POWERED_DOWN", "ALLOCATED+COMPLETING", "idle~"};
    private static final String[] JOB_STATES = {"RUNNING", "PENDING", "RUNNING", "PENDING", "PENDING", "COMPLETED",
            "SUSPENDED", "CANCELLED by 1001"};
    private static final String[] ODD = {"plain", "with \"quotes\"", "back\\slash", "tab\there", "line\nbreak",
            "ctl\u0001", "café", "日本語", "emoji \ud83d\ude00", "lone \ud800 surrogate", "sep\u2028"};

    private GeneratedCluster() {
    }

    /** {@return {@code n} nodes from {@code seed}; about one in 50 listed again right after itself} */
    public static List<Node> nodes(long seed, int n) {
        Random r = new Random(seed);
        List<Node> out = new ArrayList<>(n + n / 50);
        for (int i = 0; i < n; i++) {
            boolean gpu = i % 4 == 0;
            int cpus = gpu ? 64 : 128;
            int alloc = r.nextInt(cpus + 1);
            int used = r.nextInt(9);
            Node node = Node.builder(String.format("n%05d", i))
                    .state(NodeState.parse(NODE_STATES[r.nextInt(NODE_STATES.length)])).cpuTotal(cpus).cpuAlloc(alloc)
                    .cpuLoad(r.nextInt(10) == 0 ? null : r.nextDouble() * 64)
                    .realMemoryBytes(512_000L * 1024 * 1024).allocMemoryBytes((long) r.nextInt(512_000) * 1024 * 1024)
                    .gres(gpu ? GresItem.parseList("gpu:a100:8(S:0-1)") : List.of())
                    .gresUsed(gpu && r.nextBoolean() ? GresItem.parseList("gpu:a100:" + used + "(IDX:0-" + Math.max(0, used - 1) + ")") : null)
                    .allocTres(Tres.parse("cpu=" + alloc + (gpu ? ",gres/gpu=" + used : "")))
                    .currentWatts(r.nextInt(3) == 0 ? null : (long) r.nextInt(900)).build();
            out.add(node);
            if (r.nextInt(50) == 0) {
                out.add(node);
            }
        }
        return out;
    }

    /** {@return {@code n} jobs from {@code seed}, each id once} */
    public static List<Job> jobs(long seed, int n) {
        Random r = new Random(seed);
        LocalDateTime now = NOW.toLocalDateTime();
        List<Job> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String state = JOB_STATES[r.nextInt(JOB_STATES.length)];
            boolean running = state.equals("RUNNING");
            int u = r.nextInt(300);
            Job.Builder b = Job.builder(2_000_000 + i).state(JobState.parse(state))
                    .user(r.nextInt(200) == 0 ? null : UserRef.parse(r.nextInt(7) == 0 ? "" + (3000 + u) : "u" + u + "(" + (3000 + u) + ")"))
                    .name(r.nextInt(20) == 0 ? null : ODD[r.nextInt(ODD.length)] + " " + i)
                    .account(r.nextInt(30) == 0 ? null : "acct" + r.nextInt(40))
                    .partition(r.nextBoolean() ? "gpu" : "cpu").qos(r.nextInt(10) == 0 ? null : "normal")
                    .numNodes(r.nextInt(20) == 0 ? null : 1 + r.nextInt(4)).numCpus(1 + r.nextInt(128))
                    .submitTime(r.nextInt(30) == 0 ? SlurmTime.UNKNOWN : SlurmTime.of(now.minusSeconds(r.nextInt(2_000_000))));
            if (r.nextInt(3) == 0) {
                b.eligibleTime(SlurmTime.of(now.minusSeconds(r.nextInt(1_000_000) - 1000)));
            }
            if (r.nextInt(10) == 0) {
                b.arrayJobId(2_000_000L + i - r.nextInt(5)).arrayTaskId(ArrayTaskSpec.parse(Integer.toString(r.nextInt(100))));
            }
            if (r.nextInt(15) == 0) {
                b.hetJobId(2_000_000L + i - r.nextInt(3)).hetJobOffset(r.nextInt(3));
            }
            int g = r.nextInt(6);
            if (g == 0) {
                b.tresPerNode("gres:gpu:" + r.nextInt(3));
            } else if (g == 1) {
                b.reqTres(Tres.parse("cpu=4,mem=8G,node=1,gres/gpu=" + r.nextInt(3)));
            }
            if (running) {
                b.runTime(Duration.ofSeconds(r.nextInt(3_000_000) - 10)).nodeList(r.nextInt(10) == 0 ? null
                        : String.format("n[%05d-%05d]", r.nextInt(5000), 5000 + r.nextInt(5000)));
            } else {
                b.runTime(r.nextInt(5) == 0 ? null : Duration.ZERO)
                        .reason(r.nextInt(6) == 0 ? null : r.nextBoolean() ? "Priority" : ODD[r.nextInt(ODD.length)]);
            }
            out.add(b.build());
        }
        return out;
    }
}
