package io.github.slurm4j.benchmarks.redis;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.redis.stats.PowerReading;
import io.github.slurm4j.redis.stats.StatsCalculator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * A snapshot of a generated cluster of 10,000 nodes and 100,000 jobs written to the test Redis
 * ({@code scripts/redis.sh up}: 127.0.0.1:16379): compute + atomic fenced write
 * ({@link #computeAndWrite}) against the same run's floor, the same bytes encoded in setup and
 * sent with no computation and no atomicity: the ({@link #floorPerRowPipelined}: one
 * pipelined RPUSH per row) and a stricter one ({@link #floorPipelined}: RPUSH in batches of
 * 1,000, as the store sends them); and against one command per row, each its own round trip
 * ({@link #onePerRow}). Single-shot: each op is one snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RedisSnapshotBenchmark {
    @Param({"10000"})
    int nodes;
    @Param({"100000"})
    int jobs;

    private RedisClient jedis;
    private RedisStore store;
    private List<Node> nodeList;
    private List<Job> jobList;
    private ZonedDateTime now;
    private ClusterStats prepared;
    private List<String> jobRowsText;
    private List<String> nodeRowsText;
    private byte[] floorJobsKey;
    private byte[] floorNodesKey;
    private List<byte[][]> floorJobBatches;
    private List<byte[][]> floorNodeBatches;
    /** The same rows, one per "batch": one RPUSH each. */
    private List<byte[][]> floorJobRows;
    private List<byte[][]> floorNodeRows;
    private Map<byte[], Map<byte[], byte[]>> floorHashes;
    private final RedisKeys keys = new RedisKeys("bench");
    private final RedisKeys floorKeys = new RedisKeys("benchfloor");

    @Setup(Level.Trial)
    public void setup() {
        jedis = testRedis();
        store = new RedisStore(jedis, keys);
        now = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneId.of("UTC"));
        Random r = new Random(42);
        nodeList = generateNodes(r, nodes);
        jobList = generateJobs(r, jobs, nodes);
        prepared = StatsCalculator.compute(nodeList, jobList, PowerReading.NONE, now);
        long bytes = 0;
        for (String s : prepared.jobs()) {
            bytes += s.length();
        }
        for (String s : prepared.nodes()) {
            bytes += s.length();
        }
        System.out.printf("%n[bench] %d nodes, %d jobs -> %d list rows, %.1f MB of JSON rows%n", nodes, jobs,
                prepared.jobs().size() + prepared.nodes().size(), bytes / 1e6);
        jobRowsText = new ArrayList<>(prepared.jobs());
        nodeRowsText = new ArrayList<>(prepared.nodes());
        floorJobsKey = b(floorKeys.jobs());
        floorNodesKey = b(floorKeys.nodes());
        floorJobBatches = batches(jobRowsText, 1000);
        floorNodeBatches = batches(nodeRowsText, 1000);
        floorJobRows = batches(jobRowsText, 1);
        floorNodeRows = batches(nodeRowsText, 1);
        floorHashes = new LinkedHashMap<>();
        floorHashes.put(b(floorKeys.clusterNode()), bytes(prepared.node()));
        floorHashes.put(b(floorKeys.clusterJob()), bytes(prepared.job()));
        floorHashes.put(b(floorKeys.clusterBrief()), bytes(prepared.brief()));
    }

    /** A client of the test Redis ({@code -Dredis.host}, {@code -Dredis.port}, {@code -Dredis.password} to point elsewhere). */
    static RedisClient testRedis() {
        return RedisClient.builder().hostAndPort(System.getProperty("redis.host", "127.0.0.1"), Integer.getInteger("redis.port", 16379))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .password(System.getProperty("redis.password", "slurm4j-redis-test")).timeoutMillis(60_000).build())
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (String k : keys.snapshotKeys()) {
            jedis.del(k);
        }
        for (String k : floorKeys.snapshotKeys()) {
            jedis.del(k);
        }
        jedis.close();
    }

    /** What the collector does after reading Slurm: compute the statistics, write them atomically. */
    @Benchmark
    public boolean computeAndWrite() {
        ClusterStats s = StatsCalculator.compute(nodeList, jobList, PowerReading.NONE, now);
        return store.write(s, null);
    }

    /** The split: computing the statistics alone. */
    @Benchmark
    public ClusterStats computeOnly() {
        return StatsCalculator.compute(nodeList, jobList, PowerReading.NONE, now);
    }

    /** The split: the atomic write of an already computed snapshot. */
    @Benchmark
    public boolean writeOnly() {
        return store.write(prepared, null);
    }

    /**
     * The stricter floor: the same prepared bytes (encoded once in setup, already cut into batches
     * of 1,000, as the store batches them), DEL + pipelined RPUSH + HSET, one sync: only the sending
     * and Redis's own work.
     */
    @Benchmark
    public int floorPipelined() {
        return floor(floorJobBatches, floorNodeBatches);
    }

    /**
     * The floor as its figures name it ("pipelined", between "one RPUSH per row" and "in
     * batches of 1,000"): the same prepared bytes, DEL + one RPUSH per row + HSET, all in one pipeline,
     * one sync.
     */
    @Benchmark
    public int floorPerRowPipelined() {
        return floor(floorJobRows, floorNodeRows);
    }

    /** DEL, then HSET and one RPUSH per batch, all in one pipeline, one sync. */
    private int floor(List<byte[][]> jobBatches, List<byte[][]> nodeBatches) {
        try (AbstractPipeline p = jedis.pipelined()) {
            p.del(floorJobsKey, floorNodesKey);
            for (Map.Entry<byte[], Map<byte[], byte[]>> h : floorHashes.entrySet()) {
                p.hset(h.getKey(), h.getValue());
            }
            for (byte[][] batch : jobBatches) {
                p.rpush(floorJobsKey, batch);
            }
            for (byte[][] batch : nodeBatches) {
                p.rpush(floorNodesKey, batch);
            }
            p.sync();
        }
        return 1;
    }

    /** One RPUSH per row, each its own round trip (how the known tools do it). */
    @Benchmark
    public int onePerRow() {
        jedis.del(floorKeys.jobs(), floorKeys.nodes());
        for (String row : jobRowsText) {
            jedis.rpush(floorKeys.jobs(), row);
        }
        for (String row : nodeRowsText) {
            jedis.rpush(floorKeys.nodes(), row);
        }
        jedis.hset(floorKeys.clusterNode(), prepared.node());
        jedis.hset(floorKeys.clusterJob(), prepared.job());
        jedis.hset(floorKeys.clusterBrief(), prepared.brief());
        return 1;
    }

    private static List<byte[][]> batches(List<String> rows, int size) {
        List<byte[][]> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            int to = Math.min(rows.size(), from + size);
            byte[][] batch = new byte[to - from][];
            for (int i = from; i < to; i++) {
                batch[i - from] = b(rows.get(i));
            }
            out.add(batch);
        }
        return out;
    }

    private static Map<byte[], byte[]> bytes(Map<String, String> m) {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(b(k), b(v)));
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] STATES = {"IDLE", "MIXED", "ALLOCATED", "IDLE+DRAIN", "MIXED+DRAIN", "DOWN+NOT_RESPONDING",
            "UNKNOWN+NOT_RESPONDING", "IDLE+POWERED_DOWN", "ALLOCATED+COMPLETING"};

    static List<Node> generateNodes(Random r, int n) {
        List<Node> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean gpu = i % 4 == 0;
            int cpus = gpu ? 64 : 128;
            int alloc = r.nextInt(cpus + 1);
            int cards = 8;
            int used = r.nextInt(cards + 1);
            out.add(Node.builder(String.format("n%05d", i)).state(NodeState.parse(STATES[r.nextInt(STATES.length)]))
                    .cpuTotal(cpus).cpuAlloc(alloc).cpuLoad(r.nextDouble() * 64)
                    .realMemoryBytes(512_000L * 1024 * 1024).allocMemoryBytes((long) r.nextInt(512_000) * 1024 * 1024)
                    .gres(gpu ? GresItem.parseList("gpu:a100:8(S:0-1)") : List.of())
                    .gresUsed(gpu ? GresItem.parseList("gpu:a100:" + used + "(IDX:0-" + Math.max(0, used - 1) + ")") : null)
                    .allocTres(Tres.parse("cpu=" + alloc + (gpu ? ",gres/gpu=" + used : "")))
                    .partitions(List.of(gpu ? "gpu" : "cpu", "all")).build());
        }
        return out;
    }

    /**
     * Jobs as {@code SlurmClient.streamJobs} hands them over: repeated values (user, account, state,
     * TRES, reason, node name, times) share one object, as {@code ScontrolParser}'s value caches make
     * them share; names and ids are unique. Running jobs carry {@code AllocTRES}, every job
     * {@code ReqTRES}, GPU jobs {@code gres/gpu} and {@code TresPerNode}.
     */
    static List<Job> generateJobs(Random r, int n, int nodes) {
        List<Job> out = new ArrayList<>(n);
        ZonedDateTime base = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneId.of("UTC"));
        Map<String, Object> shared = new HashMap<>();
        for (int i = 0; i < n; i++) {
            boolean running = r.nextInt(3) == 0;
            boolean gpu = r.nextInt(4) == 0;
            int u = r.nextInt(500);
            Job.Builder b = Job.builder(1_000_000 + i)
                    .state(shared(shared, running ? "RUNNING" : "PENDING", JobState::parse))
                    .user(shared(shared, "user" + u + "(" + (2000 + u) + ")", UserRef::parse))
                    .name("job-" + i + "-train-model-" + r.nextInt(1000))
                    .account(shared(shared, "acct" + r.nextInt(50), x -> x))
                    .partition(gpu ? "gpu" : "cpu").qos("normal").numNodes(1)
                    .submitTime(shared(shared, "t" + r.nextInt(864_000),
                            x -> SlurmTime.of(base.toLocalDateTime().minusSeconds(Long.parseLong(x.substring(1))))));
            int cpus = 1 + r.nextInt(64);
            int gpus = gpu ? 1 + r.nextInt(8) : 0;
            Tres tres = shared(shared, "cpu=" + cpus + ",mem=" + (4 * cpus) + "G,node=1,billing=" + cpus
                    + (gpu ? ",gres/gpu=" + gpus : ""), Tres::parse);
            b.numCpus(cpus).reqTres(tres); // as scontrol prints ReqTRES for every job
            if (gpu) {
                b.tresPerNode(shared(shared, "gres:gpu:" + gpus, x -> x));
            }
            if (running) {
                b.allocTres(tres); // and AllocTRES once it runs
                b.runTime(Duration.ofSeconds(r.nextInt(864_000)))
                        .nodeList(shared(shared, String.format("n%05d", r.nextInt(nodes)), x -> x));
            } else {
                b.runTime(Duration.ZERO).reason(r.nextBoolean() ? "Priority" : "Resources");
            }
            out.add(b.build());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(Map<String, Object> shared, String text, java.util.function.Function<String, T> make) {
        return (T) shared.computeIfAbsent(text, make);
    }
}
