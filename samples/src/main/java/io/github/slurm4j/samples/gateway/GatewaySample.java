package io.github.slurm4j.samples.gateway;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gateway}: the REST gateway and its console page, until the process is stopped.
 * <pre>
 * gateway --port 8080 --demo                                   a simulated cluster, no Slurm, no Redis
 * gateway --port 8080 --machine hpc=local                      this host's Slurm, on 127.0.0.1 only
 * gateway --port 8080 --machine login=ssh://alice@login1 --identity ~/.ssh/id_ed25519 \
 *         --known-hosts ~/.ssh/known_hosts --token-file tokens --redis redis://localhost:6379/0
 * </pre>
 * See {@link GatewayOptions#USAGE} and {@code docs/gateway.md}.
 */
public final class GatewaySample {
    private GatewaySample() {
    }

    /** Runs the gateway until the JVM is stopped; returns 2 for a wrong command line, 1 when it cannot start. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.println(GatewayOptions.USAGE);
            return 0;
        }
        GatewayOptions o;
        try {
            o = GatewayOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("error: usage: " + e.getMessage());
            err.println(GatewayOptions.USAGE);
            return 2;
        }
        Gateway g;
        try {
            g = Gateway.start(o);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        g.notes().forEach(err::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            g.close();
            stopped.countDown();
        }, "slurm4j-gateway-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            g.close();
        }
        return 0;
    }
}
