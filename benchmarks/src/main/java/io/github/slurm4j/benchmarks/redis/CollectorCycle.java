package io.github.slurm4j.benchmarks.redis;

import io.github.slurm4j.testkit.CountingShell;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.collect.ClusterCollector;
import io.github.slurm4j.redis.collect.ClusterReading;
import io.github.slurm4j.redis.collect.SlurmClusterSource;
import io.github.slurm4j.redis.stats.PowerReading;
import io.github.slurm4j.redis.stats.StatsCalculator;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * One collector cycle against the lab holding {@code pending} (10,000) pending jobs: the lab is
 * filled up with held jobs (job name {@value #NAME}, one record each) until the queue holds that
 * many pending jobs, then {@code ClusterCollector.runOnce} with {@link SlurmClusterSource}
 * and {@link RedisStore} (the test Redis, {@code scripts/redis.sh up}) runs {@code cycles} times
 * after {@code warmup} unmeasured ones. Prints per cycle the Slurm commands it ran (counted by a
 * recording shell) and the collector's own split ({@code cycle_ms}: {@code slurm_ms} — the two
 * commands with the node listing parsed and the jobs parsed while they stream —,
 * {@code compute_ms}, {@code redis_ms}); then the same commands run raw (output read, not
 * parsed) and the two parsers alone over the outputs, to split Slurm from parsing. The held jobs
 * are cancelled at the end unless {@code --keep}. Needs the lab and root.
 *
 * <p>{@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.redis.CollectorCycle [pending] [cycles] [warmup] [--keep]}
 */
public final class CollectorCycle {
    static final String NAME = "j13-bench-pending";

    private CollectorCycle() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean keep = a.remove("--keep");
        int pending = a.size() > 0 ? Integer.parseInt(a.get(0)) : 10_000;
        int cycles = a.size() > 1 ? Integer.parseInt(a.get(1)) : 5;
        int warmup = a.size() > 2 ? Integer.parseInt(a.get(2)) : 3;
        try (LocalShell shell = LocalShell.create();
                RedisClient jedis = RedisClient.builder().hostAndPort("127.0.0.1", 16379)
                        .clientConfig(DefaultJedisClientConfig.builder().password("slurm4j-redis-test").timeoutMillis(60_000).build())
                        .build()) {
            fill(shell, pending);
            CountingShell rec = new CountingShell(shell);
            SlurmClient client = SlurmClient.builder(rec).timeout(Duration.ofMinutes(5)).build();
            RedisKeys keys = new RedisKeys("benchcycle");
            RedisStore store = new RedisStore(jedis, keys);
            ClusterCollector c = ClusterCollector.builder(new SlurmClusterSource(client), store).zone(client.zone()).build();
            try {
                System.out.println("cycle  outcome  commands  cycle_ms  slurm_ms  compute_ms  redis_ms  jobs  nodes  pending");
                for (int i = 0; i < warmup + cycles; i++) {
                    rec.clear();
                    ClusterCollector.Outcome o = c.runOnce();
                    Map<String, String> s = jedis.hgetAll(keys.collectorStatus());
                    if (o != ClusterCollector.Outcome.WRITTEN) {
                        throw new IllegalStateException("cycle " + i + ": " + o + ", " + s.get("last_error"));
                    }
                    System.out.printf(Locale.ROOT, "%s%-4d %-8s %8d  %8s  %8s  %10s  %8s  %4d  %5d  %7s%n", i < warmup ? "w" : " ", i,
                            o, rec.count(), s.get("cycle_ms"), s.get("slurm_ms"), s.get("compute_ms"), s.get("redis_ms"),
                            c.lastWritten().jobs().size(), c.lastWritten().nodes().size(),
                            c.lastWritten().job().get("pending_jobs"));
                }
                List<ExecRequest> commands = rec.requests();
                System.out.println("commands of one cycle: " + commands.stream().map(r -> String.join(" ", r.command())).toList());
                // the same commands raw, and the parsers alone over their outputs
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    List<byte[]> outs = new ArrayList<>();
                    for (ExecRequest r : commands) {
                        ExecResult x = shell.run(ExecRequest.builder(r.command()).timeout(Duration.ofMinutes(5)).build());
                        outs.add(x.stdoutBytes());
                    }
                    long t1 = System.nanoTime();
                    int nodes = ScontrolParser.parseNodes(new String(outs.get(0), java.nio.charset.StandardCharsets.UTF_8)).size();
                    long t2 = System.nanoTime();
                    List<io.github.slurm4j.model.job.Job> jobs = new ArrayList<>();
                    ScontrolParser.parseJobs(new ByteArrayInputStream(outs.get(1)), jobs::add);
                    long t3 = System.nanoTime();
                    StatsCalculator.compute(ScontrolParser.parseNodes(new String(outs.get(0), java.nio.charset.StandardCharsets.UTF_8)),
                            jobs, PowerReading.NONE, java.time.ZonedDateTime.now(client.zone()));
                    long t4 = System.nanoTime();
                    System.out.printf(Locale.ROOT, "raw commands %d ms (%d + %d KiB of output); parse nodes %d ms (%d), jobs %d ms (%d);"
                            + " compute %d ms%n", ms(t1 - t0), outs.get(0).length / 1024, outs.get(1).length / 1024, ms(t2 - t1), nodes,
                            ms(t3 - t2), jobs.size(), ms(t4 - t3));
                }
            } finally {
                for (String k : keys.snapshotKeys()) {
                    jedis.del(k);
                }
                jedis.del(keys.collectorStatus());
                if (!keep) {
                    shell.run(ExecRequest.of("scancel", "-n", NAME));
                    System.out.println("cancelled the " + NAME + " jobs");
                }
            }
        }
    }

    /**
     * Submits held jobs until the queue holds {@code pending} pending jobs as the collector sees
     * them: one job record each. (A pending array is one record in {@code scontrol show job}, whatever
     * its number of tasks, so the jobs are submitted one by one, four loops in parallel.)
     */
    static void fill(Shell shell, int pending) {
        int have = pendingRecords(shell);
        int missing = pending - have;
        if (missing > 0) {
            int loops = 4;
            String one = "sbatch --hold --job-name=" + NAME + " --output=/dev/null --chdir=/tmp --time=1 --wrap=true >/dev/null";
            String script = "for k in $(seq " + loops + "); do (for i in $(seq $(( (" + missing + " + k - 1) / " + loops
                    + " ))); do " + one + " || exit 1; done) & done; wait";
            ExecResult r = shell.run(ExecRequest.builder("bash", "-c", script).timeout(Duration.ofMinutes(30)).build());
            if (r.exitCode() != 0) {
                throw new IllegalStateException("sbatch: " + r.stderr());
            }
        }
        System.out.printf("queue: %d pending jobs (%d before, wanted %d)%n", pendingRecords(shell), have, pending);
    }

    /** Pending job records: a pending array counts once, as in {@code scontrol show job}. */
    private static int pendingRecords(Shell shell) {
        return (int) shell.run(ExecRequest.of("squeue", "-h", "-t", "PD", "-o", "%i")).stdout().lines().count();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
