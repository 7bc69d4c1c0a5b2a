package io.github.slurm4j.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test lab that {@code scripts/lab.sh up} brings up on this machine: a single-node Slurm
 * 22.05 with accounting and an OpenSSH server on 127.0.0.1:2222 that lets {@code alice} in with
 * a generated key, verified by a generated {@code known_hosts}; and Slurm 24.11 and 26.05 beside
 * it, each in a chroot with its own sshd ({@link LabCluster}, {@link #CLUSTERS}). ITs call {@code require*} first:
 * a missing service skips the test on a developer machine and fails it in CI ({@code CI=true}).
 */
public final class Lab {
    /** The lab's state folder (keys, known_hosts); {@code SLURM4J_LAB_DIR} overrides it. */
    public static final Path DIR = Path.of(System.getenv().getOrDefault("SLURM4J_LAB_DIR", "/var/lib/slurm4j-lab"));
    /** The address the lab's sshd (of Slurm 22.05) listens on. */
    public static final String SSH_HOST = "127.0.0.1";
    /** The port of the lab's sshd of Slurm 22.05; the chroots' sshds have their own ({@link LabCluster#sshPort()}). */
    public static final int SSH_PORT = 2222;
    /** The user the lab's sshd lets in; a Slurm user with an account (physics). */
    public static final String SSH_USER = "alice";
    /** alice's password (password authentication is enabled on the lab sshd only). */
    public static final String SSH_PASSWORD = "alice-lab-pass";
    /** The passphrase of {@link #userKeyWithPassphrase()}. */
    public static final String KEY_PASSPHRASE = "slurm4j-lab-passphrase";
    /** The lab control script, relative to the project root. */
    public static final String SCRIPT = "scripts/lab.sh";

    /** Slurm 22.05 on this machine (sshd 127.0.0.1:2222, slurmctld 6817). */
    public static final LabCluster SLURM_22_05 = new LabCluster("22.05", SSH_PORT, null);
    /** Slurm 24.11 (Debian trixie) in a chroot: sshd 127.0.0.1:2411, slurmctld 24117, slurmdbd 24119. */
    public static final LabCluster SLURM_24_11 = new LabCluster("24.11", 2411, DIR.resolve("chroots/24.11"));
    /** Slurm 26.05 (Debian forky) in a chroot: sshd 127.0.0.1:2605, slurmctld 26057, slurmdbd 26059. */
    public static final LabCluster SLURM_26_05 = new LabCluster("26.05", 2605, DIR.resolve("chroots/26.05"));
    /** Every cluster of the lab, oldest first: what a version-sensitive IT runs on. */
    public static final List<LabCluster> CLUSTERS = List.of(SLURM_22_05, SLURM_24_11, SLURM_26_05);

    private Lab() {
    }

    /**
     * The lab cluster of a Slurm version.
     *
     * @param version {@code "22.05"}, {@code "24.11"} or {@code "26.05"}
     * @return the cluster
     * @throws IllegalArgumentException for a version the lab does not run
     */
    public static LabCluster cluster(String version) {
        return CLUSTERS.stream().filter(c -> c.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab cluster of Slurm " + version + "; there are " + CLUSTERS));
    }

    /** {@return the folder of the lab's SSH keys and known_hosts files, under {@link #DIR}} */
    public static Path sshDir() {
        return DIR.resolve("ssh");
    }

    /** {@return alice's ed25519 key without passphrase (OpenSSH format)} */
    public static Path userKey() {
        return sshDir().resolve("id_ed25519");
    }

    /** {@return alice's ed25519 key protected by {@link #KEY_PASSPHRASE}} */
    public static Path userKeyWithPassphrase() {
        return sshDir().resolve("id_ed25519_pass");
    }

    /** {@return the known_hosts file with every host key of the lab sshd (ed25519, ecdsa, rsa) for [127.0.0.1]:2222} */
    public static Path knownHosts() {
        return sshDir().resolve("known_hosts");
    }

    /** {@return a known_hosts file with only the lab sshd's ssh-rsa key} */
    public static Path knownHostsRsaOnly() {
        return sshDir().resolve("known_hosts.rsa-only");
    }

    /** {@return whether we run in CI ({@code CI=true}), where a missing service is a failure and never a skip} */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires the lab sshd: port 2222 answers and the key files exist. */
    public static void requireSshd() {
        boolean up = portOpen(SSH_HOST, SSH_PORT) && Files.isReadable(userKey()) && Files.isReadable(knownHosts());
        require(up, "the lab sshd on " + SSH_HOST + ":" + SSH_PORT + " with keys in " + sshDir());
    }

    /** Requires the lab Slurm: {@code scontrol ping} says UP and {@code sacctmgr} answers. */
    public static void requireSlurm() {
        boolean up = run(List.of("scontrol", "ping")).contains("is UP")
                && !run(List.of("sacctmgr", "-n", "-P", "list", "cluster", "format=Cluster")).isBlank();
        require(up, "the lab Slurm (slurmctld + slurmd + slurmdbd)");
    }

    /**
     * Runs {@code scripts/lab.sh <action> <service>} (e.g. {@code stop sshd}, {@code start slurmctld})
     * and fails the test if it does not exit 0 within 120 s. For the fault tests; needs root.
     *
     * @param action what the script does: {@code stop}, {@code start}, …
     * @param service the service: {@code sshd}, {@code slurmctld}, {@code slurmdbd}, or
     *     {@code slurmctld@24.11} for a chroot's
     */
    public static void control(String action, String service) {
        Path script = projectRoot().resolve(SCRIPT);
        try {
            Process p = new ProcessBuilder("bash", script.toString(), action, service).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(SCRIPT + " " + action + " " + service + " did not finish in 120 s: " + out);
            }
            if (p.exitValue() != 0) {
                fail(SCRIPT + " " + action + " " + service + " exited " + p.exitValue() + ": " + out);
            }
        } catch (IOException e) {
            fail("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /**
     * The project root: the nearest folder, from the working directory up, that holds {@code scripts/lab.sh}.
     *
     * @return the folder
     * @throws IllegalStateException when no folder above holds the script
     */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(SCRIPT))) {
                return d;
            }
        }
        throw new IllegalStateException("no " + SCRIPT + " above " + dir);
    }

    static void require(boolean up, String what) {
        if (up) {
            return;
        }
        String message = what + " is not running; start it with `" + SCRIPT + " up` (as root)";
        if (inCi()) {
            fail("CI=true and " + message);
        }
        assumeTrue(false, message);
    }

    static boolean portOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a lab command locally, returning stdout ("" if it cannot run). For checks only. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
