package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.internal.Logs;
import io.github.slurm4j.exec.internal.ShellThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.SocketFactory;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.ChannelInputStream;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.slf4j.Logger;

/**
 * A {@link Shell} that runs commands on a host over SSH (sshj), on one authenticated connection
 * that is opened on first use and reused by every command, with up to
 * {@link SshConfig#maxChannels()} commands in flight at once on separate channels (callers beyond
 * that wait, within their timeout).
 *
 * <ul>
 *   <li>The host key is verified ({@link SshConfig}); a refused key is a
 *       {@link HostKeyVerificationException} and nothing runs. Bad credentials are an
 *       {@link SshAuthenticationException}.</li>
 *   <li>The argument list is quoted once for the remote POSIX shell, every word single-quoted;
 *       the command runs under {@code env} with slurm4j's fixed environment
 *       ({@code LANG=C.UTF-8}, {@code SLURM_TIME_FORMAT=standard}, Slurm's format variables
 *       removed) and the request's variables — sshd's {@code AcceptEnv} is not needed.</li>
 *   <li>A command that passes its timeout is killed on the host with every process it started
 *       (its process group and session, TERM then KILL) before {@link ShellTimeoutException} is
 *       thrown.</li>
 *   <li>A connection that drops fails the commands on it with a {@link ShellException}; the next
 *       command reconnects by itself (after a backoff when connecting keeps failing).</li>
 *   <li>{@code TCP_NODELAY} is set on the socket (without it every command on a reused connection
 *       waits ~40 ms for delayed ACKs); keepalives detect a dead peer.</li>
 * </ul>
 *
 * <p>Requires a POSIX login shell for the user on the host (sh, bash, dash, ksh, zsh), and
 * {@code env}, {@code kill}, {@code pkill} there. BouncyCastle is registered when the first
 * RemoteShell is created.
 */
public final class RemoteShell implements Shell {
    private static final Logger LOG = Logs.logger(RemoteShell.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Map<Signal, Integer> SIGNAL_NUMBERS = Map.ofEntries(
            Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2), Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4),
            Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8), Map.entry(Signal.KILL, 9), Map.entry(Signal.USR1, 10),
            Map.entry(Signal.SEGV, 11), Map.entry(Signal.USR2, 12), Map.entry(Signal.PIPE, 13),
            Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SshConfig config;
    private final boolean tcpNoDelay;
    private final String target;
    private final Semaphore channels;
    private final Semaphore killChannel = new Semaphore(1);
    private final ReentrantLock connectLock = new ReentrantLock();
    private final ScheduledExecutorService watchdog;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Link link;
    /** Guarded by connectLock. */
    private int failures;
    /** Guarded by connectLock: System.nanoTime() before which no new connect is attempted. */
    private long nextAttempt;

    /**
     * A shell for {@code config}; nothing is connected until the first command. Registers
     * BouncyCastle as a security provider for sshj if it is not yet.
     *
     * @param config where to connect and how; not null
     * @throws NullPointerException if {@code config} is null
     * @throws io.github.slurm4j.exec.ShellException if BouncyCastle is not on the class path
     */
    public RemoteShell(SshConfig config) {
        this(config, true);
    }

    /** For the latency test only: {@code tcpNoDelay=false} shows the stall NODELAY avoids. */
    RemoteShell(SshConfig config, boolean tcpNoDelay) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.tcpNoDelay = tcpNoDelay;
        this.target = "ssh " + config.address();
        this.channels = new Semaphore(config.maxChannels(), true);
        BouncyCastle.require();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slurm4j-ssh-watchdog " + config.address());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@return the configuration this shell connects with} */
    public SshConfig config() {
        return config;
    }

    /** {@code ssh user@host:port}. */
    @Override
    public String target() {
        return target;
    }

    @Override
    public ExecResult run(ExecRequest request) {
        StreamResult<byte[]> r = execute(request, in -> in.readAllBytes());
        if (r.failure() != null) {
            // cannot happen: readAllBytes on our stream fails only when the channel fails, handled in execute
            throw new ShellException(request.command(), "reading stdout failed on " + target + ": " + r.failure(), r.failure());
        }
        ExecResult s = r.status();
        return new ExecResult(s.command(), s.exitCode(), r.value(), s.stderrBytes(), s.duration(), s.truncated());
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        java.util.Objects.requireNonNull(reader, "reader");
        return execute(request, reader);
    }

    private Duration timeoutOf(ExecRequest request) {
        // ExecRequest keeps its DEFAULT_TIMEOUT instance unless the caller set one
        return request.timeout() == ExecRequest.DEFAULT_TIMEOUT ? config.commandTimeout() : request.timeout();
    }

    private <T> StreamResult<T> execute(ExecRequest request, StdoutReader<T> reader) {
        List<String> command = request.command();
        Duration timeout = timeoutOf(request);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String line;
        try {
            line = RemoteCommandLine.commandLine(request);
        } catch (IllegalArgumentException e) {
            throw new ShellException(command, e.getMessage(), e);
        }
        checkOpen(command);
        acquireChannel(command, deadline, timeout);
        try {
            Session.Command cmd = startCommand(command, line, deadline);
            return await(request, cmd, reader, start, deadline, timeout);
        } finally {
            channels.release();
        }
    }

    /** Opens a session channel and starts the line; reconnects once if the kept connection turns out dead. */
    private Session.Command startCommand(List<String> command, String line, long deadline) {
        boolean reconnected = false;
        long refusedPauseMs = 2;
        while (true) {
            Link l = connect(command, deadline);
            Session session;
            try {
                session = l.client.startSession();
            } catch (IOException e) {
                // a refused channel on a live connection must not drop the connection under the
                // other commands; a dead one is replaced once
                if (!l.alive()) {
                    invalidate(l);
                    if (!reconnected && System.nanoTime() < deadline) {
                        reconnected = true;
                        LOG.debug("{}: kept connection is dead ({}); reconnecting", target, e.toString());
                        continue;
                    }
                } else if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(refusedPauseMs) < deadline) {
                    // OpenSSH frees a session slot a moment after the channel's close reaches us, so
                    // with MaxSessions-1 channels in flight a new one can be refused ("no more
                    // sessions") although one just closed: wait briefly and ask again
                    LOG.debug("{}: channel refused ({}); retrying in {} ms", target, e.toString(), refusedPauseMs);
                    if (!sleepQuietly(refusedPauseMs)) {
                        throw new ShellException(command, "interrupted while waiting for a channel on " + target, e);
                    }
                    refusedPauseMs = Math.min(refusedPauseMs * 2, 100);
                    continue;
                }
                throw new ShellException(command, "cannot open a channel on " + target + ": " + e.getMessage(), e);
            }
            try {
                return session.exec(line);
            } catch (IOException e) {
                closeQuietly(session);
                if (!l.alive()) {
                    invalidate(l);
                }
                throw new ShellException(command, "cannot start the command on " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private <T> StreamResult<T> await(ExecRequest request, Session.Command cmd, StdoutReader<T> reader, long start,
            long deadline, Duration timeout) {
        List<String> command = request.command();
        Running run = new Running(cmd);
        running.add(run);
        ScheduledFuture<?> alarm = watchdog.schedule(() -> ShellThreads.pool().execute(() -> expire(run)),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            StderrPump stderr = new StderrPump(cmd.getErrorStream(), request.outputLimit());
            run.pid = stderr.pid();
            Future<StderrPump> stderrDone = ShellThreads.pool().submit(stderr);
            Future<?> stdinDone = ShellThreads.pool().submit(() -> {
                writeStdin(request, cmd.getOutputStream());
                return null;
            });
            CappedInputStream stdout = new CappedInputStream(cmd.getInputStream(), request.outputLimit());
            T value = null;
            Exception failure = null;
            try {
                value = reader.read(stdout);
            } catch (Exception e) {
                failure = e;
            }
            try {
                stdout.drain();
            } catch (IOException e) {
                // recorded in stdout.channelFailure()
            }
            long grace = TimeUnit.SECONDS.toNanos(5);
            StderrPump err = waitFor(stderrDone, deadline + grace);
            waitFor(stdinDone, deadline + grace);
            try {
                cmd.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline + grace - System.nanoTime())),
                        TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                // the exit status tells (below)
            }
            if (run.expired.get()) {
                throw timedOut(run, command, timeout);
            }
            if (run.aborted) {
                throw new ShellException(command, "killed: " + target + " was closed while the command ran", null);
            }
            Integer status = cmd.getExitStatus();
            if (status == null) {
                Signal signal = cmd.getExitSignal();
                if (signal != null) {
                    Integer n = SIGNAL_NUMBERS.get(signal);
                    if (n == null) {
                        throw new ShellException(command, "ended by a signal slurm4j cannot number (" + signal + ", "
                                + cmd.getExitErrorMessage() + ") on " + target, null);
                    }
                    status = 128 + n;
                }
            }
            if (status == null || stdout.channelFailure() != null || err == null) {
                boolean dead = !link_alive();
                if (dead) {
                    invalidate(link);
                }
                IOException cause = stdout.channelFailure();
                throw new ShellException(command, (dead ? "connection to " + target + " lost" : "channel on " + target
                        + " closed") + " while the command ran; it may or may not have completed"
                        + (cause == null ? "" : ": " + cause.getMessage()), cause);
            }
            if (failure != null && stdout.channelFailure() != null) {
                failure = null;
            }
            ExecResult result = new ExecResult(command, status, new byte[0], err.bytes(),
                    Duration.ofNanos(System.nanoTime() - start), stdout.truncated() || err.truncated());
            return new StreamResult<>(failure == null ? value : null, failure, result);
        } finally {
            alarm.cancel(false);
            running.remove(run);
            closeQuietly(cmd);
        }
    }

    /** Sleeps; false (with the interrupt flag kept) when interrupted. */
    private static boolean sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean link_alive() {
        Link l = link;
        return l != null && l.alive();
    }

    private ShellTimeoutException timedOut(Running run, List<String> command, Duration timeout) {
        try {
            run.killed.get(KILL_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("{}: the kill of {} did not finish", target, ExecRequest.display(command));
        }
        return new ShellTimeoutException(command, timeout, target);
    }

    /**
     * At a command's deadline (on a pool thread): kill its remote process group and session, which
     * ends its outputs and channel; if that does not happen (no pid yet, connection gone), end the
     * reads here. OpenSSH does not close a session channel while its process lives, so closing the
     * channel alone would not unblock the readers.
     */
    private void expire(Running run) {
        run.expired.set(true);
        try {
            Long pid = run.pidNow();
            if (pid != null) {
                killRemote(List.of(pid));
            } else {
                LOG.warn("{}: a command timed out before it reported its process group; it may still run on the host",
                        target);
            }
            try {
                run.cmd.join(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                LOG.trace("join after kill", e);
            }
            if (run.cmd.getInputStream() instanceof ChannelInputStream out) {
                out.eof();
            }
            if (run.cmd.getErrorStream() instanceof ChannelInputStream err) {
                err.eof();
            }
            closeQuietly(run.cmd);
        } finally {
            run.killed.complete(null);
        }
    }

    /** Kills the given remote process groups and sessions from a new channel; waits up to 5 s. */
    private void killRemote(List<Long> pids) {
        Link l = link;
        if (l == null || !l.alive()) {
            LOG.warn("{}: connection lost, cannot kill remote process groups {}", target, pids);
            return;
        }
        StringBuilder line = new StringBuilder();
        for (Long pid : pids) {
            line.append(RemoteCommandLine.killLine(pid)).append(" & ");
        }
        line.append("wait");
        boolean permit = false;
        try {
            // one kill channel at a time, on top of maxChannels (<= 9): stays within MaxSessions 10
            permit = killChannel.tryAcquire(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!permit) {
                LOG.warn("{}: no channel to kill remote process groups {}", target, pids);
                return;
            }
            try (Session s = l.client.startSession()) {
                Session.Command k = s.exec(line.toString());
                k.getOutputStream().close();
                k.join(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            LOG.warn("{}: killing remote process groups {} failed: {}", target, pids, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (permit) {
                killChannel.release();
            }
        }
    }

    private static void writeStdin(ExecRequest request, OutputStream out) throws IOException {
        try (out) {
            if (request.stdinBytes() != null) {
                out.write(request.stdinBytes());
            } else if (request.stdinStream() != null) {
                request.stdinStream().transferTo(out);
            }
        }
    }

    private static <V> V waitFor(Future<V> f, long deadlineNanos) {
        try {
            return f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            f.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return null;
        }
    }

    private void acquireChannel(List<String> command, long deadline, Duration timeout) {
        try {
            if (!channels.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new ShellException(command, "no free channel on " + target + " within the timeout of "
                        + timeout.toMillis() + " ms (" + config.maxChannels() + " commands in flight); not run", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(command, "interrupted while waiting for a channel on " + target, e);
        }
    }

    private void checkOpen(List<String> command) {
        if (closed.get()) {
            throw new ShellException(command, target + " is closed", null);
        }
    }

    // ---------------------------------------------------------------- connection

    /** The live connection, opening one if there is none (at most one connect at a time). */
    private Link connect(List<String> command, long deadline) {
        Link l = link;
        if (l != null && l.alive()) {
            return l;
        }
        try {
            if (!connectLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new ShellException(command, "timed out waiting for the connection to " + target + "; not run", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(command, "interrupted while connecting to " + target, e);
        }
        try {
            checkOpen(command);
            l = link;
            if (l != null && l.alive()) {
                return l;
            }
            if (l != null) {
                l.close();
                link = null;
            }
            long wait = nextAttempt - System.nanoTime();
            if (failures > 0 && wait > 0) {
                if (System.nanoTime() + wait > deadline) {
                    throw new ShellException(command, "not reconnecting to " + target + " yet: " + failures
                            + " failed attempt(s), next in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms; not run", null);
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                l = open();
            } catch (RuntimeException e) {
                failures++;
                long backoff = Math.min(config.maxReconnectBackoff().toNanos(),
                        config.reconnectBackoff().toNanos() << Math.min(20, failures - 1));
                nextAttempt = System.nanoTime() + backoff;
                throw e;
            }
            failures = 0;
            link = l;
            checkOpen(command);
            return l;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(command, "interrupted while connecting to " + target, e);
        } finally {
            connectLock.unlock();
        }
    }

    private void invalidate(Link l) {
        if (l != null) {
            l.close();
            synchronized (this) {
                if (link == l) {
                    link = null;
                }
            }
        }
    }

    /** Opens and authenticates a connection (through the jump host if there is one). */
    private Link open() {
        SshConfig jump = config.jumpHost();
        SSHClient bastion = null;
        SSHClient client = null;
        try {
            if (jump != null) {
                bastion = connected(jump, null);
                DirectConnection tunnel;
                try {
                    tunnel = bastion.newDirectConnection(config.host(), config.port());
                } catch (IOException e) {
                    throw new ShellException("", "jump host " + jump.address() + " cannot reach " + config.host() + ":"
                            + config.port() + ": " + e.getMessage(), e);
                }
                client = connected(config, tunnel);
            } else {
                client = connected(config, null);
            }
            LOG.debug("connected to {}", target);
            return new Link(client, bastion);
        } catch (RuntimeException e) {
            closeQuietly(client);
            closeQuietly(bastion);
            throw e;
        }
    }

    /** A connected, verified and authenticated client for {@code c}, directly or over {@code tunnel}. */
    private SSHClient connected(SshConfig c, DirectConnection tunnel) {
        String where = "ssh " + c.address() + (tunnel == null ? "" : " (via jump host)");
        HostKeys.KnownHosts knownHosts = c.knownHosts() == null ? null : HostKeys.loadKnownHosts(c.knownHosts(), where);
        DefaultConfig sshConfig = new SshjLogging.QuietConfig();
        sshConfig.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(sshConfig);
        HostKeys.Verifier verifier = new HostKeys.Verifier(c, knownHosts, names(sshConfig.getKeyAlgorithms()));
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, c.connectTimeout().toMillis()));
        if (tcpNoDelay) {
            client.setSocketFactory(new NoDelaySocketFactory());
        }
        int authMs = (int) Math.min(Integer.MAX_VALUE, c.authTimeout().toMillis());
        client.getTransport().setTimeoutMs(authMs);
        client.getConnection().setTimeoutMs(authMs);
        int keepAlive = (int) c.keepAliveInterval().toSeconds();
        if (keepAlive > 0) {
            client.getConnection().getKeepAlive().setKeepAliveInterval(keepAlive);
            if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
                runner.setMaxAliveCount(3);
            }
        }
        try {
            try {
                if (tunnel == null) {
                    client.connect(c.host(), c.port());
                    if (tcpNoDelay) {
                        client.getSocket().setTcpNoDelay(true);
                    }
                } else {
                    client.connectVia(tunnel);
                }
            } catch (TransportException e) {
                HostKeyVerificationException refused = verifier.refusal();
                if (refused != null && (e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE
                        || !client.isConnected())) {
                    // the one line a refused key logs (sshj's own lines about it are DEBUG: SshjLogging)
                    LOG.warn("{}: host key refused ({} {} {}); no command ran", where, refused.reason(),
                            refused.keyType(), refused.fingerprint());
                    throw refused;
                }
                throw new ShellException("", "cannot connect to " + where + ": " + message(e), e);
            } catch (IOException e) {
                throw new ShellException("", "cannot connect to " + where + " within "
                        + c.connectTimeout().toMillis() + " ms: " + message(e), e);
            }
            try {
                authenticate(client, c);
            } catch (UserAuthException e) {
                throw new SshAuthenticationException("authentication of " + c.address() + " by "
                        + (c.usesKey() ? "private key" : "password") + " refused: " + message(e), e);
            } catch (IOException e) {
                throw new ShellException("", "authentication on " + where + " failed: " + message(e), e);
            }
            if (c.acceptsAnyHostKey() && tunnel == null) {
                LOG.debug("{} connected with host key checking OFF", where);
            }
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    private static void authenticate(SSHClient client, SshConfig c) throws IOException {
        if (!c.usesKey()) {
            char[] password = c.password();
            try {
                client.authPassword(c.user(), password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            return;
        }
        char[] passphrase = c.passphrase();
        KeyProvider keys;
        try {
            if (c.privateKeyFile() != null) {
                if (!java.nio.file.Files.isReadable(c.privateKeyFile())) {
                    throw new UserAuthException("private key file " + c.privateKeyFile() + " does not exist or is not readable");
                }
                keys = passphrase == null ? client.loadKeys(c.privateKeyFile().toString())
                        : client.loadKeys(c.privateKeyFile().toString(), passphrase);
            } else {
                keys = client.loadKeys(c.privateKeyText(), null,
                        passphrase == null ? null : PasswordUtils.createOneOff(passphrase));
            }
            // read the key now, so a wrong passphrase is reported as such
            keys.getPrivate();
        } catch (IOException e) {
            throw new UserAuthException("cannot read the private key"
                    + (c.privateKeyFile() == null ? "" : " " + c.privateKeyFile())
                    + (passphrase == null ? "" : " (wrong passphrase?)") + ": " + message(e), e);
        }
        client.authPublickey(c.user(), keys);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        Throwable cause = e.getCause();
        if ((m == null || m.isBlank()) && cause != null) {
            return message(cause);
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static List<String> names(List<? extends Factory.Named<?>> factories) {
        List<String> out = new ArrayList<>();
        for (Factory.Named<?> f : factories) {
            out.add(f.getName());
        }
        return out;
    }

    // ---------------------------------------------------------------- files

    /**
     * Writes the file through SFTP on the shared connection, the way {@code LocalShell} does on
     * its machine: into a new owner-only file beside the target ({@code .NAME.RANDOM.tmp},
     * created exclusively), permissions set, then renamed over the target (OpenSSH's
     * {@code posix-rename@openssh.com}, an atomic {@code rename(2)}). So nobody — an sbatch
     * reading a job script — ever sees a half-written file, and a write that fails leaves the old
     * file as it was and no temporary file behind. A server without that extension (not OpenSSH)
     * makes the write fail with a {@link ShellException} rather than fall back to writing in place.
     */
    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        List<String> what = List.of("sftp-write", path);
        Objects.requireNonNull(content, "content");
        if ((permissions & ~07777) != 0) {
            throw new IllegalArgumentException("not POSIX permission bits: " + Integer.toOctalString(permissions));
        }
        checkOpen(what);
        Duration timeout = config.commandTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        acquireChannel(what, deadline, timeout);
        try {
            Link l = connect(what, deadline);
            try (SFTPClient sftp = l.client.newSFTPClient()) {
                sftp.getSFTPEngine().setTimeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                String tmp = temporaryPath(path);
                boolean created = false;
                boolean moved = false;
                try {
                    FileAttributes ownerOnly = new FileAttributes.Builder().withPermissions(0600).build();
                    try (RemoteFile file = sftp.open(tmp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), ownerOnly)) {
                        created = true;
                        int chunk = 32 * 1024;
                        for (int off = 0; off < content.length; off += chunk) {
                            file.write(off, content, off, Math.min(chunk, content.length - off));
                        }
                    }
                    sftp.chmod(tmp, permissions);
                    sftp.rename(tmp, path, EnumSet.of(RenameFlags.OVERWRITE, RenameFlags.ATOMIC));
                    moved = true;
                } finally {
                    if (created && !moved && l.alive()) {
                        try {
                            sftp.rm(tmp);
                        } catch (IOException e) {
                            LOG.debug("cannot remove {} on {}", tmp, target, e);
                        }
                    }
                }
            } catch (IOException e) {
                if (!l.alive()) {
                    invalidate(l);
                }
                throw new ShellException(what, "cannot write " + path + " on " + target + ": " + message(e), e);
            }
        } finally {
            channels.release();
        }
    }

    /** {@code DIR/.NAME.RANDOM.tmp} beside {@code path} (relative paths stay relative to the login directory). */
    static String temporaryPath(String path) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1);
        String name = path.substring(slash + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("not a file path: " + path);
        }
        return dir + "." + name + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    // ---------------------------------------------------------------- close

    /** Kills the commands still running (on the host), then closes the connection. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Long> pids = new ArrayList<>();
        for (Running r : running) {
            r.aborted = true;
            Long pid = r.pidNow();
            if (pid != null) {
                pids.add(pid);
            }
        }
        if (!pids.isEmpty()) {
            killRemote(pids);
        }
        connectLock.lock();
        try {
            invalidate(link);
        } finally {
            connectLock.unlock();
        }
        watchdog.shutdownNow();
    }

    /** The local port of the connection's socket (the bastion's with a jump host), or -1; for tests. */
    int localPort() {
        Link l = link;
        if (l == null) {
            return -1;
        }
        return (l.bastion != null ? l.bastion : l.client).getLocalPort();
    }

    @Override
    public String toString() {
        return "RemoteShell[" + config + "]";
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.trace("close", e);
            }
        }
    }

    /**
     * For tests: whether the socket of the current connection has {@code TCP_NODELAY} on;
     * {@code null} without a live direct connection (none yet, closed, or through a jump host,
     * which has no socket of its own).
     */
    Boolean socketTcpNoDelay() {
        Link l = link;
        if (l == null || !l.client.isConnected() || l.client.getSocket() == null) {
            return null;
        }
        try {
            return l.client.getSocket().getTcpNoDelay();
        } catch (java.net.SocketException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The client and, with a jump host, the bastion's client. */
    private static final class Link {
        final SSHClient client;
        final SSHClient bastion;

        Link(SSHClient client, SSHClient bastion) {
            this.client = client;
            this.bastion = bastion;
        }

        boolean alive() {
            return client.isConnected() && client.isAuthenticated() && (bastion == null || bastion.isConnected());
        }

        void close() {
            closeQuietly(client);
            closeQuietly(bastion);
        }
    }

    /** A command in flight: its channel, its remote process group once known, and whether it expired. */
    private static final class Running {
        final Session.Command cmd;
        final AtomicBoolean expired = new AtomicBoolean();
        /** Set when the shell is closed while the command runs. */
        volatile boolean aborted;
        final java.util.concurrent.CompletableFuture<Void> killed = new java.util.concurrent.CompletableFuture<>();
        volatile java.util.concurrent.CompletableFuture<Long> pid;

        Running(Session.Command cmd) {
            this.cmd = cmd;
        }


        Long pidNow() {
            java.util.concurrent.CompletableFuture<Long> p = pid;
            if (p == null) {
                return null;
            }
            try {
                return p.get(200, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return null;
            }
        }
    }

    /** Sockets with TCP_NODELAY on (sshj leaves Nagle's algorithm on). */
    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = new Socket(host, port);
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket s = new Socket(host, port, localHost, localPort);
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = new Socket(host, port);
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket s = new Socket(address, port, localAddress, localPort);
            s.setTcpNoDelay(true);
            return s;
        }
    }

    /** Registers BouncyCastle for sshj once. */
    private static final class BouncyCastle {
        private static volatile boolean done;

        static synchronized void require() {
            if (done) {
                return;
            }
            if (!SecurityUtils.isBouncyCastleRegistered()) {
                SecurityUtils.registerSecurityProvider("org.bouncycastle.jce.provider.BouncyCastleProvider");
            }
            if (!SecurityUtils.isBouncyCastleRegistered()) {
                throw new ShellException("", "RemoteShell needs BouncyCastle (org.bouncycastle:bcprov-jdk18on) on the "
                        + "class path: without it sshj cannot read ed25519/ECDSA keys and offers weaker ciphers", null);
            }
            done = true;
        }
    }
}
