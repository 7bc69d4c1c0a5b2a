package io.github.slurm4j.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.slurm4j.testkit.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis servers {@code scripts/redis.sh up} starts for the ITs (ports and password fixed
 * there and here). Like {@link Lab}: a missing server skips the IT on a developer machine and
 * fails it with {@code CI=true}.
 */
public final class RedisLab {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 16379;
    public static final List<Integer> CLUSTER_PORTS = List.of(17001, 17002, 17003);
    public static final String PASSWORD = "slurm4j-redis-test";
    public static final String SCRIPT = "scripts/redis.sh";

    private RedisLab() {
    }

    public static JedisClientConfig config() {
        return DefaultJedisClientConfig.builder().password(PASSWORD).timeoutMillis(5000).build();
    }

    /** A client of the standalone server; the caller closes it. */
    public static RedisClient standalone() {
        return RedisClient.builder().hostAndPort(HOST, PORT).clientConfig(config()).build();
    }

    /** A client of the three-master cluster; the caller closes it. */
    public static RedisClusterClient cluster() {
        return RedisClusterClient.builder().nodes(Set.of(new HostAndPort(HOST, CLUSTER_PORTS.get(0))))
                .clientConfig(config()).build();
    }

    public static void requireStandalone() {
        require(cli(PORT, "ping").strip().equals("PONG"), "the test Redis on " + HOST + ":" + PORT);
    }

    public static void requireCluster() {
        require(cli(CLUSTER_PORTS.get(0), "cluster", "info").contains("cluster_state:ok"),
                "the test Redis Cluster on " + HOST + ":" + CLUSTER_PORTS);
    }

    /** Stops and starts the standalone server (its data is gone: it runs without persistence). */
    public static void restartStandalone() {
        script("restart-standalone");
    }

    /** {@code redis-cli -p PORT -a … ARGS} (with {@code -c} for a cluster port); stdout, "" when it cannot run. */
    public static String cli(int port, String... args) {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", HOST, "-p", Integer.toString(port), "-a", PASSWORD,
                "--no-auth-warning"));
        if (CLUSTER_PORTS.contains(port)) {
            cmd.add("-c");
        }
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Deletes every key of the standalone server or of each cluster master. */
    public static void flush(UnifiedJedis anyClient, boolean cluster) {
        if (cluster) {
            for (int p : CLUSTER_PORTS) {
                cli(p, "flushall");
            }
        } else {
            cli(PORT, "flushall");
        }
    }

    private static void script(String action) {
        try {
            Process p = new ProcessBuilder("bash", Lab.projectRoot().resolve(SCRIPT).toString(), action)
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(SCRIPT + " " + action + " failed: " + out);
            }
        } catch (IOException e) {
            fail("cannot run " + SCRIPT + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private static void require(boolean up, String what) {
        if (up) {
            return;
        }
        String message = what + " is not running; start it with `" + SCRIPT + " up`";
        if (Lab.inCi()) {
            fail("CI=true and " + message);
        }
        assumeTrue(false, message);
    }
}
