package io.github.slurm4j.benchmarks.shell;

import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import io.github.slurm4j.testkit.Lab;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shell benchmarks connect: the test lab's sshd ({@code scripts/lab.sh up}) on
 * 127.0.0.1:2222 as {@code alice}, with the lab's key and {@code known_hosts}. System properties
 * {@code slurm4j.bench.ssh.host}, {@code .port}, {@code .user}, {@code .key}, {@code .knownHosts}
 * override them (the JMH forks get them through {@code -jvmArgsAppend}).
 */
final class ShellLab {
    static final String HOST = System.getProperty("slurm4j.bench.ssh.host", Lab.SSH_HOST);
    static final int PORT = Integer.getInteger("slurm4j.bench.ssh.port", Lab.SSH_PORT);
    static final String USER = System.getProperty("slurm4j.bench.ssh.user", Lab.SSH_USER);
    static final Path KEY = Path.of(System.getProperty("slurm4j.bench.ssh.key", Lab.userKey().toString()));
    static final Path KNOWN_HOSTS = Path.of(System.getProperty("slurm4j.bench.ssh.knownHosts", Lab.knownHosts().toString()));

    private ShellLab() {
    }

    /** The RemoteShell configuration: key auth, host key verified against the lab's known_hosts. */
    static SshConfig sshConfig() {
        return SshConfig.builder(HOST, USER).port(PORT).privateKey(KEY).knownHosts(KNOWN_HOSTS).build();
    }

    /**
     * A RemoteShell that leaves Nagle's algorithm on, through the package-private constructor
     * {@code RemoteShell(SshConfig, boolean tcpNoDelay)} that RemoteShell keeps for its latency
     * test (there is no public switch, on purpose). Reflection, because this module is not in that
     * package; {@code null} when the seam is gone, and the benchmark then reports nothing for it.
     */
    static RemoteShell remoteShellWithNagle() {
        Constructor<RemoteShell> c;
        try {
            c = RemoteShell.class.getDeclaredConstructor(SshConfig.class, boolean.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            c.setAccessible(true);
            return c.newInstance(sshConfig(), false);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("RemoteShell(config, false) failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot use RemoteShell's tcpNoDelay seam", e);
        }
    }

    /**
     * The OpenSSH client's options shared by every variant: no user or system config file, the
     * lab's key only, strict host key checking against the lab's known_hosts, never a prompt.
     */
    static List<String> sshOptions() {
        List<String> a = new ArrayList<>(List.of("ssh", "-F", "/dev/null",
                "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes",
                "-i", KEY.toString(),
                "-o", "UserKnownHostsFile=" + KNOWN_HOSTS,
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "LogLevel=ERROR",
                "-p", Integer.toString(PORT)));
        return a;
    }

    /** {@code user@host}. */
    static String destination() {
        return USER + "@" + HOST;
    }
}
