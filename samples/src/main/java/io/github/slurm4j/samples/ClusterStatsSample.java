package io.github.slurm4j.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.redis.InMemoryStore;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.StatsStore;
import io.github.slurm4j.redis.collect.ClusterCollector;
import io.github.slurm4j.redis.collect.SlurmClusterSource;
import io.github.slurm4j.redis.stats.ClusterStats;
import io.github.slurm4j.testkit.FakeSlurm;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code cluster-stats}: the dashboard statistics of a cluster, computed from one snapshot per
 * cycle and written to Redis — or, without {@code --redis}, printed as one JSON object whose keys
 * are the Redis keys without the {@code [cluster]_} prefix. {@code --demo} runs against a
 * simulated cluster seeded from real captured {@code scontrol show node} outputs, with running
 * and pending jobs: no Slurm, no Redis needed.
 */
final class ClusterStatsSample {
    static final String USAGE = String.join("\n",
            "usage: cluster-stats [--cluster NAME] [--demo | --ssh user@host[:port] --identity FILE --known-hosts FILE]",
            "                     [--redis redis://[user:pass@]host:port/db] [--interval SECONDS | --once] [--lock]",
            "  --cluster NAME    the [cluster] prefix of the Redis keys (default: demo with --demo, else slurm)",
            "  --demo            a simulated cluster from captured real node outputs, with running and pending jobs",
            "  --ssh ...         run the Slurm commands on a login node over SSH (default: on this machine)",
            "  --redis URI       write the snapshot to Redis (atomic per key); without it, print it as JSON",
            "  --interval N      collect every N seconds until stopped (default: 30)",
            "  --once            collect once and exit (exit code 1 when the cycle failed)",
            "  --lock            take the collectors' Redis lock (several instances, one writer)");

    private ClusterStatsSample() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Set<String> valued = new HashSet<>(Set.of("cluster", "redis", "interval"));
        valued.addAll(SampleShells.SSH_OPTIONS);
        SampleArgs args;
        try {
            if (argv.length > 0 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
                out.println(USAGE);
                return 0;
            }
            args = SampleArgs.parse(argv, valued, Set.of("once", "demo", "lock", "help"));
            if (args.has("help")) {
                out.println(USAGE);
                return 0;
            }
            if (!args.positional().isEmpty() || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("cluster-stats takes no arguments");
            }
            if (args.has("once") && args.has("interval")) {
                throw new IllegalArgumentException("--once and --interval exclude each other");
            }
            if (args.has("demo") && args.has("ssh")) {
                throw new IllegalArgumentException("--demo and --ssh exclude each other");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: usage: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String cluster = args.has("cluster") ? args.value("cluster") : args.has("demo") ? "demo" : "slurm";
        try (Shell shell = args.has("demo") ? demoCluster() : SampleShells.open(args);
                UnifiedJedis jedis = args.has("redis") ? RedisClient.builder().fromURI(URI.create(args.value("redis"))).build() : null) {
            SlurmClient client = new SlurmClient(shell);
            RedisKeys keys = new RedisKeys(cluster);
            StatsStore store = jedis == null ? new InMemoryStore() : new RedisStore(jedis, keys);
            ClusterCollector.Builder b = ClusterCollector.builder(new SlurmClusterSource(client), store)
                    .zone(client.zone()).locking(args.has("lock"));
            if (args.has("interval")) {
                b.interval(Duration.ofSeconds(args.intValue("interval")));
            }
            try (ClusterCollector collector = b.build()) {
                if (args.has("once")) {
                    return cycle(collector, jedis == null, keys, out, err) ? 0 : 1;
                }
                // the collector's own schedule (with lease renewal between cycles under --lock);
                // this thread only reports each new snapshot
                collector.start();
                ClusterStats shown = null;
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(200);
                    ClusterStats s = collector.lastWritten();
                    if (s != null && s != shown) {
                        shown = s;
                        report(s, jedis == null, keys, out, err);
                    }
                }
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("error: usage: " + e.getMessage());
            return 2;
        } catch (SlurmException e) {
            err.println("error: " + SlurmSamples.errorName(e) + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean cycle(ClusterCollector c, boolean print, RedisKeys keys, PrintStream out, PrintStream err) {
        ClusterCollector.Outcome o = c.runOnce();
        if (o != ClusterCollector.Outcome.WRITTEN) {
            err.println("cycle: " + o.name().toLowerCase(java.util.Locale.ROOT)
                    + (o == ClusterCollector.Outcome.SLURM_FAILED ? " (see " + keys.collectorStatus() + ")" : ""));
            return false;
        }
        report(c.lastWritten(), print, keys, out, err);
        return true;
    }

    private static void report(ClusterStats s, boolean print, RedisKeys keys, PrintStream out, PrintStream err) {
        if (print) {
            out.println(pretty(s.toJson()));
        } else {
            err.println("wrote " + keys.snapshotKeys() + " at " + s.updateTime());
        }
    }

    private static String pretty(String json) {
        try {
            ObjectMapper m = new ObjectMapper();
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    /**
     * The demo cluster: the nodes of a real Slurm 22.05 cluster as {@code scontrol show node}
     * printed them (a MIXED node with 2 GPUs, two GPU nodes with {@code gpu:a100:4} not responding,
     * a drained, an unknown and a down CPU node) and its partitions; six users' jobs submitted
     * over the last hours, some running, some pending.
     */
    static FakeSlurm demoCluster() {
        String nodes = oneLiners(Fixtures.load("slurm-22.05", "scontrol-node-all-multiline").stdout());
        String partitions = Fixtures.load("slurm-22.05", "scontrol-partition-all-oneliner").stdout();
        FakeSlurm slurm = FakeSlurm.builder().user("carol", 1003, "physics").user("dave", 1004, "chemistry")
                .user("erin", 1005, "physics").nodesFrom(nodes).partitionsFrom(partitions)
                .startAt(Instant.now().minus(Duration.ofHours(3))).keepRequests(1_000).build();
        submit(slurm, "alice", "train-resnet", "gpu", 2, "1", 0);
        submit(slurm, "bob", "preprocess", "debug", 2, null, 20);
        submit(slurm, "carol", "finetune-llm", "gpu", 2, "1", 40);
        submit(slurm, "dave", "sweep", "debug", 2, null, 60);
        submit(slurm, "alice", "eval", "gpu", 1, "2", 90);
        submit(slurm, "erin", "render", "debug", 4, null, 120);
        submit(slurm, "bob", "analysis", "debug", 4, null, 150);
        slurm.advance(Duration.between(slurm.now(), Instant.now())); // the simulated clock reaches now
        return slurm;
    }

    private static void submit(FakeSlurm slurm, String user, String name, String partition, int cpus, String gpus, int atMinute) {
        long now = Duration.between(slurm.now(), Instant.now().minus(Duration.ofHours(3)).plus(Duration.ofMinutes(atMinute))).toMinutes();
        if (now > 0) {
            slurm.advance(Duration.ofMinutes(now));
        }
        SubmitRequest.Builder b = SubmitRequest.script("#!/bin/sh\nsleep 86400\n").name(name).partition(partition)
                .cpusPerTask(cpus).timeLimit(Duration.ofHours(12));
        if (gpus != null) {
            b.gpus(gpus);
        }
        new SlurmClient(slurm.as(user)).submit(b.build());
    }

    /** {@code scontrol show node}'s records, one per line as {@code scontrol -o} prints them. */
    static String oneLiners(String multiline) {
        StringBuilder sb = new StringBuilder();
        for (String record : multiline.strip().split("\n\\s*\n")) {
            sb.append(String.join(" ", record.strip().lines().map(String::strip).toList())).append('\n');
        }
        return sb.toString();
    }
}
