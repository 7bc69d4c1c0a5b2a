package io.github.slurm4j.samples.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's command line. {@code --machine} may be given several times; every other option
 * once. Unknown options are refused, so a typo never starts a gateway that does something else.
 *
 * @param port the port, 0 for a free one
 * @param bind the address to listen on; {@code null} for the default (every address with
 *     {@code --token-file}, else 127.0.0.1)
 * @param machines the machines, in order
 * @param identity the SSH key of the ssh machines, or {@code null}
 * @param knownHosts the known_hosts of the ssh machines, or {@code null}
 * @param redis the Redis URI, or {@code null}
 * @param demo whether the demo cluster is served (as machine {@value DemoCluster#MACHINE})
 * @param allowCommands whether {@code POST /api/command} runs commands
 * @param tokenFile the token file, or {@code null}
 * @param staleAfter a status older than this is marked stale
 * @param maxBody the largest request body accepted, in bytes
 */
record GatewayOptions(int port, String bind, List<MachineSpec> machines, String identity, String knownHosts, String redis,
        boolean demo, boolean allowCommands, Path tokenFile, Duration staleAfter, int maxBody) {

    static final String USAGE = String.join("\n",
            "usage: gateway --port P (--machine NAME=local | --machine NAME=ssh://user@host[:port] ... | --demo)",
            "               [--identity FILE --known-hosts FILE] [--redis redis://[user:pass@]host:port/db]",
            "               [--allow-commands] [--token-file FILE] [--bind ADDRESS] [--stale-after SECONDS] [--max-body BYTES]",
            "  --port P            the HTTP port (0: a free one, printed at start)",
            "  --machine ...       a cluster to serve, under NAME in the paths (repeatable):",
            "                      local = this host's Slurm as the gateway's user; ssh:// = a login node as that user",
            "  --identity, --known-hosts   the SSH key and known_hosts of the ssh:// machines",
            "  --redis URI         read GET /api/job's cluster status from Redis (keys of cluster NAME, as",
            "                      'cluster-stats --cluster NAME --redis URI' writes them)",
            "  --demo              also serve a simulated cluster as machine 'demo' (no Slurm needed), with",
            "                      its statistics collected in memory (or into --redis)",
            "  --allow-commands    let POST /api/command/<machine> run commands (off by default)",
            "  --token-file FILE   lines 'token user': bearer tokens and the cluster user each acts as;",
            "                      without it the gateway listens on 127.0.0.1 only and acts as the machines' own users",
            "  --bind ADDRESS      the address to listen on (default: all with --token-file, else 127.0.0.1)",
            "  --stale-after N     a cluster status older than N seconds is marked stale (default 120)",
            "  --max-body BYTES    the largest request body (default 1048576)");

    private static final Set<String> VALUED = Set.of("port", "machine", "identity", "known-hosts", "redis", "token-file",
            "bind", "stale-after", "max-body");
    private static final Set<String> FLAGS = Set.of("demo", "allow-commands");

    /** @throws IllegalArgumentException with a message for the user */
    static GatewayOptions parse(String... args) {
        Integer port = null;
        List<MachineSpec> machines = new ArrayList<>();
        String identity = null;
        String knownHosts = null;
        String redis = null;
        String tokenFile = null;
        String bind = null;
        Duration staleAfter = Duration.ofSeconds(120);
        int maxBody = Bodies.DEFAULT_LIMIT;
        boolean demo = false;
        boolean allowCommands = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && value == null) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("--" + name + " is given twice");
                }
                demo |= name.equals("demo");
                allowCommands |= name.equals("allow-commands");
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!name.equals("machine") && !seen.add(name)) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
            switch (name) {
                case "port" -> port = number(name, value, 0, 65535);
                case "machine" -> machines.add(MachineSpec.parse(value));
                case "identity" -> identity = value;
                case "known-hosts" -> knownHosts = value;
                case "redis" -> redis = value;
                case "token-file" -> tokenFile = value;
                case "bind" -> bind = value;
                case "stale-after" -> staleAfter = Duration.ofSeconds(number(name, value, 1, Integer.MAX_VALUE));
                case "max-body" -> maxBody = number(name, value, 1024, 64 << 20);
                default -> throw new IllegalStateException(name);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port is needed (0 for a free one)");
        }
        if (machines.isEmpty() && !demo) {
            throw new IllegalArgumentException("no machine: give --machine NAME=local|ssh://user@host[:port], or --demo");
        }
        Set<String> names = new HashSet<>();
        for (MachineSpec m : machines) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("two machines named " + m.name());
            }
        }
        if (demo && names.contains(DemoCluster.MACHINE)) {
            throw new IllegalArgumentException("--demo serves the machine '" + DemoCluster.MACHINE + "'; name yours otherwise");
        }
        boolean ssh = machines.stream().anyMatch(m -> !m.local());
        if (ssh && (identity == null || knownHosts == null)) {
            throw new IllegalArgumentException("ssh:// machines need --identity FILE and --known-hosts FILE");
        }
        if (!ssh && (identity != null || knownHosts != null)) {
            throw new IllegalArgumentException("--identity and --known-hosts are for ssh:// machines; there is none");
        }
        if (tokenFile == null && bind != null && !loopback(bind)) {
            throw new IllegalArgumentException("without --token-file the gateway listens on the loopback only, not " + bind);
        }
        return new GatewayOptions(port, bind, List.copyOf(machines), identity, knownHosts, redis, demo, allowCommands,
                tokenFile == null ? null : Path.of(tokenFile), staleAfter, maxBody);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number in " + min + ".." + max + ", not '" + value + "'");
        }
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address " + address);
        }
    }
}
