package io.github.slurm4j.benchmarks.shell;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@code echo x}, every way slurm4j could run it, in the same JMH run so the
 * ratios compare like with like. One operation = one command, its output read and checked
 * ({@code x\n}, exit 0: a benchmark that measures failures measures nothing).
 *
 * <ul>
 *   <li>{@link #remoteShellReused}: one {@link RemoteShell}, connected in setup, reused.</li>
 *   <li>{@link #remoteShellNagle}: the same with {@code TCP_NODELAY} off (RemoteShell's test
 *       seam), to show the ~40 ms delayed-ACK stall it avoids.</li>
 *   <li>{@link #opensshControlMaster}: {@code ssh -o ControlPath=…} through a master started in
 *       setup ({@code ControlMaster=yes -N -f}, {@code ControlPersist}).</li>
 *   <li>{@link #opensshNewConnection}: {@code ssh} with a new connection (and key exchange) each time.</li>
 *   <li>{@link #remoteShellNewPerCommand}: a new RemoteShell (sshj client) per command, closed after it.</li>
 *   <li>{@link #localShell}: {@code echo x} on this machine through {@link LocalShell}.</li>
 *   <li>Floors, to show where RemoteShell's own time goes: {@link #sshjRawEcho} is bare sshj on
 *       a reused client with {@code TCP_NODELAY} (one channel, {@code exec "echo x"}, read stdout,
 *       stderr, exit status), {@link #sshjRawWrapped} the same client running the line RemoteShell
 *       sends for {@code echo x} (pid marker on stderr, {@code unset …; export LANG=…; exec 'echo' 'x'}, taken from
 *       RemoteShell's own line builder).</li>
 * </ul>
 * The {@code ssh} processes are started through a LocalShell as well, so the process start is
 * paid alike by the local and the OpenSSH variants. SampleTime mode: the report uses medians.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LatencyBenchmark {
    static final ExecRequest ECHO = ExecRequest.of("echo", "x");

    /** A RemoteShell connected once, in setup. */
    @State(Scope.Benchmark)
    public static class Reused {
        RemoteShell shell;

        @Setup(Level.Trial)
        public void open() {
            shell = new RemoteShell(ShellLab.sshConfig());
            check(shell.run(ECHO), shell);
        }

        @TearDown(Level.Trial)
        public void close() {
            shell.close();
        }
    }

    /** A RemoteShell with Nagle's algorithm left on. */
    @State(Scope.Benchmark)
    public static class Nagle {
        RemoteShell shell;

        @Setup(Level.Trial)
        public void open() {
            shell = ShellLab.remoteShellWithNagle();
            if (shell == null) {
                throw new IllegalStateException("RemoteShell has no tcpNoDelay seam any more; nothing to measure");
            }
            check(shell.run(ECHO), shell);
        }

        @TearDown(Level.Trial)
        public void close() {
            shell.close();
        }
    }

    /** A LocalShell (also used to start the ssh processes). */
    @State(Scope.Benchmark)
    public static class Local {
        LocalShell shell;

        @Setup(Level.Trial)
        public void open() {
            shell = LocalShell.create();
        }

        @TearDown(Level.Trial)
        public void close() {
            shell.close();
        }
    }

    /** An OpenSSH master connection in a temporary ControlPath, and the command line that uses it. */
    @State(Scope.Benchmark)
    public static class ControlMaster {
        Path dir;
        Path socket;
        ExecRequest request;

        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("slurm4j-cm");
            socket = dir.resolve("cm");
            List<String> master = new ArrayList<>(ShellLab.sshOptions());
            master.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPath=" + socket,
                    "-o", "ControlPersist=600", "-N", "-f", ShellLab.destination()));
            // -f keeps stdout/stderr of the backgrounded master open: never wait for their EOF
            Path log = dir.resolve("master.log");
            Process p = new ProcessBuilder(master).redirectInput(Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD).redirectError(log.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("ssh ControlMaster did not start: " + String.join(" ", master) + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            List<String> command = new ArrayList<>(ShellLab.sshOptions());
            command.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + socket, ShellLab.destination(),
                    "echo", "x"));
            request = ExecRequest.of(command);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException, InterruptedException {
            List<String> exit = new ArrayList<>(ShellLab.sshOptions());
            exit.addAll(List.of("-o", "ControlPath=" + socket, "-O", "exit", ShellLab.destination()));
            Process p = new ProcessBuilder(exit).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir.resolve("master.log"));
            Files.deleteIfExists(dir);
        }
    }

    /** The ssh command line that opens a connection of its own. */
    @State(Scope.Benchmark)
    public static class NewConnection {
        ExecRequest request;

        @Setup(Level.Trial)
        public void prepare() {
            List<String> command = new ArrayList<>(ShellLab.sshOptions());
            command.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=none", ShellLab.destination(),
                    "echo", "x"));
            request = ExecRequest.of(command);
        }
    }

    /** A bare sshj client (TCP_NODELAY, lab key, known_hosts), connected once; the two lines it runs. */
    @State(Scope.Benchmark)
    public static class RawSshj {
        SSHClient client;
        String wrapped;

        @Setup(Level.Trial)
        public void open() throws IOException {
            client = new SSHClient(new DefaultConfig());
            client.setSocketFactory(new NoDelaySockets());
            client.loadKnownHosts(ShellLab.KNOWN_HOSTS.toFile());
            client.connect(ShellLab.HOST, ShellLab.PORT);
            client.authPublickey(ShellLab.USER, ShellLab.KEY.toString());
            wrapped = remoteLine(ECHO);
            exec(client, "echo x");
            exec(client, wrapped);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            client.close();
        }
    }

    /**
     * The line RemoteShell itself sends for {@code request}: its package-private builder, called
     * reflectively so that this floor can never drift from what RemoteShell runs.
     */
    static String remoteLine(ExecRequest request) {
        try {
            java.lang.reflect.Method m = Class.forName("io.github.slurm4j.exec.ssh.RemoteCommandLine")
                    .getDeclaredMethod("commandLine", ExecRequest.class);
            m.setAccessible(true);
            return (String) m.invoke(null, request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RemoteCommandLine.commandLine(ExecRequest) not found", e);
        }
    }

    @Benchmark
    public String sshjRawEcho(RawSshj s) throws IOException {
        return exec(s.client, "echo x");
    }

    @Benchmark
    public String sshjRawWrapped(RawSshj s) throws IOException {
        return exec(s.client, s.wrapped);
    }

    /** One channel: exec, read stdout then stderr (both tiny), wait for the exit status. */
    static String exec(SSHClient client, String line) throws IOException {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(line);
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.getErrorStream().readAllBytes();
            cmd.join(30, TimeUnit.SECONDS);
            Integer status = cmd.getExitStatus();
            if (status == null || status != 0 || !out.equals("x\n")) {
                throw new IllegalStateException("sshj " + line + ": exit " + status + ", stdout " + out);
            }
            return out;
        }
    }

    /** Sockets with TCP_NODELAY, as RemoteShell makes them. */
    static final class NoDelaySockets extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }

    @Benchmark
    public ExecResult remoteShellReused(Reused s) {
        return check(s.shell.run(ECHO), s.shell);
    }

    @Benchmark
    public ExecResult remoteShellNagle(Nagle s) {
        return check(s.shell.run(ECHO), s.shell);
    }

    @Benchmark
    public ExecResult localShell(Local s) {
        return check(s.shell.run(ECHO), s.shell);
    }

    @Benchmark
    public ExecResult opensshControlMaster(Local local, ControlMaster cm) {
        return check(local.shell.run(cm.request), local.shell);
    }

    @Benchmark
    public ExecResult opensshNewConnection(Local local, NewConnection c) {
        return check(local.shell.run(c.request), local.shell);
    }

    @Benchmark
    public ExecResult remoteShellNewPerCommand() {
        try (RemoteShell shell = new RemoteShell(ShellLab.sshConfig())) {
            return check(shell.run(ECHO), shell);
        }
    }

    /** Fails the benchmark unless the command printed {@code x} and exited 0. */
    static ExecResult check(ExecResult r, Shell shell) {
        if (r.exitCode() != 0 || !r.stdout().equals("x\n")) {
            throw new IllegalStateException("unexpected result on " + shell.target() + ": " + r);
        }
        return r;
    }
}
