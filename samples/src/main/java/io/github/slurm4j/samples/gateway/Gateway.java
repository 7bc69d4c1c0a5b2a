package io.github.slurm4j.samples.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.redis.InMemoryStore;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.StatsStore;
import io.github.slurm4j.redis.StoredStats;
import io.github.slurm4j.redis.collect.ClusterCollector;
import io.github.slurm4j.redis.collect.SlurmClusterSource;
import io.github.slurm4j.samples.SamplesAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The REST gateway, started in-process: {@code Gateway.start("--port", "0", "--demo")} takes the
 * options of the {@code gateway} sample ({@link GatewayOptions#USAGE}) and returns once it
 * listens. The HTTP server is the JDK's {@code com.sun.net.httpserver}, on a bounded pool of
 * worker threads; Slurm's commands run on the requests' threads through the jobs façade.
 */
public final class Gateway implements AutoCloseable {
    /** Worker threads: Slurm commands block, so more than the cores. */
    static final int THREADS = 32;
    /** How long the demo's collector waits between snapshots. */
    static final Duration DEMO_INTERVAL = Duration.ofSeconds(10);

    static {
        // the JDK server waits for ever on a client that sends its request slowly unless told
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        // it writes an answer's headers and body separately: with Nagle's algorithm on, the body waits
        // for the client's delayed ACK, ~40 ms per request (measured by GatewayLoad: 48 ms p50 on loopback)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final GatewayApi api;
    private final List<AutoCloseable> owned;
    private final List<String> notes;
    private final int maxBody;

    private Gateway(HttpServer server, ThreadPoolExecutor workers, GatewayApi api, List<AutoCloseable> owned, List<String> notes,
            int maxBody) {
        this.server = server;
        this.workers = workers;
        this.api = api;
        this.owned = owned;
        this.notes = notes;
        this.maxBody = maxBody;
    }

    /**
     * Starts a gateway with the sample's options.
     *
     * @throws IllegalArgumentException for options that are wrong (the message says which)
     * @throws UncheckedIOException when the port cannot be bound or the token file not read
     */
    public static Gateway start(String... args) {
        return start(GatewayOptions.parse(args));
    }

    static Gateway start(GatewayOptions o) {
        List<AutoCloseable> owned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            TokenAuth auth = null;
            if (o.tokenFile() != null) {
                try {
                    auth = TokenAuth.load(o.tokenFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the token file " + o.tokenFile() + ": " + e.getMessage(), e);
                }
            }
            UnifiedJedis jedis = null;
            if (o.redis() != null) {
                jedis = RedisClient.builder().fromURI(URI.create(o.redis())).build();
                owned.add(jedis);
            }
            Map<String, Machine> machines = new LinkedHashMap<>();
            SlurmJobs.Builder jb = SlurmJobs.builder().executor(Runnable::run);
            for (MachineSpec spec : o.machines()) {
                Shell shell = spec.local() ? LocalShell.create() : SamplesAccess.ssh(spec.sshTarget(), o.identity(), o.knownHosts());
                owned.add(shell);
                String account = spec.local() ? System.getProperty("user.name") : spec.sshUser();
                ZoneId zone = ZoneId.systemDefault();
                Machine m = new Machine(spec.name(), spec.local() ? "local" : "ssh", account, List.of(account), zone,
                        jedis == null ? null : new RedisStore(jedis, new RedisKeys(spec.name())));
                jb.cluster(Cluster.builder(m.cluster(account), shell).host(spec.name()).zone(zone).build());
                machines.put(m.name(), m);
            }
            DemoCluster demo = null;
            if (o.demo()) {
                demo = DemoCluster.create();
                StatsStore store = jedis == null ? new InMemoryStore() : new RedisStore(jedis, new RedisKeys(DemoCluster.MACHINE));
                Machine m = new Machine(DemoCluster.MACHINE, "demo", DemoCluster.OWN_USER, DemoCluster.USERS, demo.zone(), store);
                for (String u : DemoCluster.USERS) {
                    jb.cluster(Cluster.builder(m.cluster(u), demo.as(u)).host(DemoCluster.MACHINE).zone(demo.zone())
                            .clock(demo.clock()).build());
                }
                machines.put(m.name(), m);
                SlurmClient root = SlurmClient.builder(demo.as("root")).zone(demo.zone()).build();
                ClusterCollector collector = ClusterCollector.builder(new SlurmClusterSource(root), store).zone(demo.zone())
                        .interval(DEMO_INTERVAL).build();
                owned.add(collector);
                // the first snapshot before the first request, then one every interval
                collector.runOnce();
                collector.start();
                notes.add("demo: machine '" + DemoCluster.MACHINE + "' is a simulated cluster (users " + String.join(", ",
                        DemoCluster.USERS) + "); its statistics are collected every " + DEMO_INTERVAL.getSeconds() + " s into "
                        + (jedis == null ? "memory" : "Redis"));
            }
            SlurmJobs jobs = jb.build();
            owned.add(jobs);
            GatewayApi api = new GatewayApi(machines, jobs, auth, o.allowCommands(), o.staleAfter(), demo, Clock.systemUTC(),
                    ConsolePage.load());

            String bind = o.bind() != null ? o.bind() : auth == null ? "127.0.0.1" : "0.0.0.0";
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(bind, o.port()), 128);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + bind + ":" + o.port() + ": " + e.getMessage(), e);
            }
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor workers = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(1024), r -> {
                        Thread t = new Thread(r, "slurm4j-gateway-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.CallerRunsPolicy());
            Gateway g = new Gateway(server, workers, api, owned, notes, o.maxBody());
            server.createContext("/", g::exchange);
            server.setExecutor(workers);
            server.start();
            if (auth == null) {
                for (Machine m : machines.values()) {
                    notes.add(0, "no --token-file: listening on " + bind + " only; every request acts as "
                            + m.account() + " on machine " + m.name());
                }
            } else {
                notes.add(0, "tokens of " + o.tokenFile() + " act as: " + String.join(", ", auth.users()) + "; listening on " + bind);
            }
            if (o.allowCommands()) {
                notes.add("--allow-commands: POST /api/command runs any command as the acting user");
            }
            notes.add("gateway listening on http://" + (bind.equals("0.0.0.0") ? "127.0.0.1" : bind) + ":" + g.port() + "/");
            return g;
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/} (or the bound address). */
    public URI uri() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : server.getAddress().getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** What the gateway says at start: whom it acts as, where it listens. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            ApiResponse res;
            try {
                Headers h = ex.getRequestHeaders();
                Map<String, String> headers = new LinkedHashMap<>();
                h.forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
                    }
                });
                long declared = -1;
                String cl = headers.get("content-length");
                if (cl != null) {
                    try {
                        declared = Long.parseLong(cl.strip());
                    } catch (NumberFormatException e) {
                        throw ApiError.badRequest("bad_request", "Content-Length is not a number");
                    }
                }
                byte[] body = Bodies.read(ex.getRequestBody(), declared, maxBody);
                URI uri = ex.getRequestURI();
                Map<String, String> query;
                try {
                    query = Bodies.query(uri.getRawQuery());
                } catch (ApiError e) {
                    throw ApiError.badRequest("bad_query", e.getMessage());
                }
                res = api.handle(new ApiRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(), query, headers, body));
            } catch (ApiError e) {
                res = ApiResponse.error(e);
            }
            Headers out = ex.getResponseHeaders();
            out.set("Content-Type", res.contentType());
            out.set("X-Content-Type-Options", "nosniff");
            if (!res.headers().containsKey("Cache-Control")) {
                out.set("Cache-Control", "no-store");
            }
            res.headers().forEach(out::set);
            boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
            ex.sendResponseHeaders(res.status(), head ? -1 : res.body().length == 0 ? -1 : res.body().length);
            if (!head && res.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(res.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /**
     * What {@code GET /api/job} reads for one machine, read directly — the store's read-back,
     * without HTTP, routing or JSON: the floor the load benchmark compares the endpoint with.
     *
     * @throws IllegalArgumentException for an unknown machine or one without a store
     */
    public Optional<StoredStats> readStatus(String machine) {
        return api.readStatus(machine);
    }

    /**
     * What {@code GET /api/job/<machine>} reads, read directly — the façade's {@code myJobs} of
     * the machine's own account over the default 7 days, without HTTP, routing or JSON.
     *
     * @throws IllegalArgumentException for an unknown machine
     */
    public List<JobRow> readJobs(String machine) {
        return api.readJobs(machine);
    }

    /** The handlers, for tests that call them without HTTP. */
    GatewayApi api() {
        return api;
    }

    /** Stops listening, then the demo's collector, the façade and the shells. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }
}
