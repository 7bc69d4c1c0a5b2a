package io.github.slurm4j.benchmarks.gateway;

import io.github.slurm4j.samples.gateway.Gateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway under load: {@code GET /api/job} (the cluster status, read back from the store) and
 * {@code GET /api/job/demo} (a user's jobs: two Slurm commands through the jobs façade), each
 * from 64 concurrent clients in a closed loop to 127.0.0.1 for 30 s, against a floor of the same
 * reads done directly in the same run and process — the store's read-back and the façade's
 * {@code myJobs}, without HTTP, routing or JSON. The gateway runs {@code --demo} in-process
 * (FakeSlurm and an in-memory store, so neither Slurm nor Redis limits it). Prints requests/s,
 * p50, p99 and max per case, and checks every answer.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.slurm4j.benchmarks.gateway.GatewayLoad [--seconds 30] [--clients 64]}
 */
public final class GatewayLoad {
    private GatewayLoad() {
    }

    /** One case's outcome: how many reads in how long, and their latencies. */
    record Result(String name, long count, double seconds, long[] nanos) {
        double perSecond() {
            return count / seconds;
        }

        double quantileMs(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %10d %10.0f %9.2f %9.2f %9.2f", name, count, perSecond(), quantileMs(0.5),
                    quantileMs(0.99), quantileMs(1.0));
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = 30;
        int clients = 64;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Gateway g = Gateway.start("--port", "0", "--demo")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI status = URI.create(g.uri() + "api/job");
            URI jobs = URI.create(g.uri() + "api/job/demo");
            Callable<Object> viaHttpStatus = () -> get(http, status);
            Callable<Object> viaHttpJobs = () -> get(http, jobs);
            Callable<Object> directStatus = () -> g.readStatus("demo").orElseThrow();
            Callable<Object> directJobs = () -> {
                if (g.readJobs("demo").isEmpty()) {
                    throw new IllegalStateException("no jobs read");
                }
                return null;
            };
            // warm-up: the JIT, the connection pool
            for (Callable<Object> c : List.of(viaHttpStatus, directStatus, viaHttpJobs, directJobs)) {
                load("warm-up", c, clients, Math.min(5, seconds));
            }
            List<Result> results = new ArrayList<>();
            results.add(load("GET /api/job (HTTP)", viaHttpStatus, clients, seconds));
            results.add(load("  floor: store read-back", directStatus, clients, seconds));
            results.add(load("GET /api/job/demo (HTTP)", viaHttpJobs, clients, seconds));
            results.add(load("  floor: SlurmJobs.myJobs", directJobs, clients, seconds));
            System.out.printf(Locale.ROOT, "%d clients, %d s per case, %d cores%n", clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-34s %10s %10s %9s %9s %9s%n", "case", "requests", "req/s", "p50 ms", "p99 ms", "max ms");
            results.forEach(r -> System.out.println(r.line()));
        }
    }

    private static Object get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().startsWith("{\"status\":\"OK\"")) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
        return r;
    }

    /** {@code clients} threads calling {@code read} in a loop for {@code seconds}; the first failure stops the run. */
    static Result load(String name, Callable<Object> read, int clients, int seconds) throws InterruptedException {
        long[][] perThread = new long[clients][];
        int[] counts = new int[clients];
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int t = 0; t < clients; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    start.await();
                    while (System.nanoTime() < deadline[0] && failure.get() == null) {
                        long t0 = System.nanoTime();
                        read.call();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                perThread[me] = mine;
                counts[me] = n;
            }, "load-" + t);
            threads.add(th);
            th.start();
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, total, elapsed, all);
    }
}
