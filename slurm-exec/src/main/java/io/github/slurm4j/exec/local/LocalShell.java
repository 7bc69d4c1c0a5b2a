package io.github.slurm4j.exec.local;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.exec.internal.Logs;
import io.github.slurm4j.exec.internal.ShellThreads;
import io.github.slurm4j.exec.internal.SlurmEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * Runs commands on this machine with a {@link ProcessBuilder}: no shell in between, so the
 * arguments reach the program verbatim.
 *
 * <p>Every command gets the environment this JVM has (or the one given to
 * {@link Builder#baseEnvironment(Map)}) minus the variables of {@link #isRemoved}, plus
 * {@code LANG=C.UTF-8} and {@code SLURM_TIME_FORMAT=standard}, plus the shell's
 * {@link Builder#environment(String, String) own variables}, plus the request's (applied last,
 * so a request can set anything on purpose). stdout and stderr are read concurrently; stdin is
 * written on its own thread. When the request's timeout passes, the command and every process
 * it started (its descendants at that moment) get {@code SIGTERM}, then {@code SIGKILL} after
 * {@link Builder#killGrace(Duration) a short grace}, and the run throws
 * {@link ShellTimeoutException}. A process that has left the tree before (a daemon that
 * double-forked) cannot be found this way; if it keeps the command's output open, the run
 * still ends at the timeout (plus the grace) with a {@link ShellTimeoutException}.
 *
 * <p>Safe for concurrent use. {@link #close()} kills the commands still running.
 */
public final class LocalShell implements Shell {
    private static final Logger LOG = Logs.logger(LocalShell.class);

    /**
     * Whether {@code name} is never passed on to a command: a variable that changes what Slurm
     * prints or does behind the command line's back (the list, with the reasons, is
     * {@code SlurmEnvironment}, shared with {@code RemoteShell}: {@code SQUEUE_*}, {@code SINFO_*},
     * {@code SACCT_*}, {@code SCONTROL_*}, {@code SCANCEL_*}, {@code SBATCH_*}, {@code LC_*},
     * {@code SLURM_CLUSTERS}, {@code SLURM_EXIT_ERROR}, …). {@code SLURM_CONF} and {@code TZ} are kept.
     *
     * @param name an environment variable's name, case-sensitive
     * @return true when commands never get it from the base environment (a request may still set it)
     */
    public static boolean isRemoved(String name) {
        for (String prefix : SlurmEnvironment.UNSET_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return SlurmEnvironment.UNSET.contains(name);
    }

    private static final int BUFFER = 64 * 1024;

    private final Map<String, String> baseEnvironment;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Duration killGrace;
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile boolean closed;

    private LocalShell(Builder b) {
        this.baseEnvironment = b.baseEnvironment == null ? null : Map.copyOf(b.baseEnvironment);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.workingDirectory = b.workingDirectory;
        this.killGrace = b.killGrace;
        this.watchdog = new ScheduledThreadPoolExecutor(1, ShellThreads.factory());
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /** {@return a shell with the defaults: this JVM's environment (cleaned), its working directory, 1 s kill grace} */
    public static LocalShell create() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults of {@link #create()}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The environment a command of {@code request} gets: see the class comment. Package-private
     * for tests.
     */
    Map<String, String> environmentFor(ExecRequest request, Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment != null ? baseEnvironment : inherited);
        env.keySet().removeIf(LocalShell::isRemoved);
        env.putAll(SlurmEnvironment.SET);
        env.putAll(environment);
        env.putAll(request.environment());
        return env;
    }

    @Override
    public ExecResult run(ExecRequest request) {
        Execution ex = start(request);
        try {
            Future<Collected> err = ShellThreads.pool().submit(() -> collect(ex.process.getErrorStream(), request.outputLimit()));
            Future<Collected> out = ShellThreads.pool().submit(() -> collect(ex.process.getInputStream(), request.outputLimit()));
            boolean exited = ex.process.waitFor(ex.remainingNanos(), TimeUnit.NANOSECONDS);
            if (!exited) {
                ex.kill("timeout");
            }
            Duration duration = ex.elapsed();
            Collected stdout = ex.awaitOutput(out);
            Collected stderr = ex.awaitOutput(err);
            ex.throwIfKilled();
            return new ExecResult(request.command(), ex.process.exitValue(), stdout.bytes, stderr.bytes, duration,
                    stdout.truncated || stderr.truncated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.kill("interrupted");
            throw new ShellException(request.command(), "interrupted on " + target() + "; killed", e);
        } finally {
            ex.finish();
        }
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        Objects.requireNonNull(reader, "reader");
        Execution ex = start(request);
        ScheduledFuture<?> alarm = null;
        try {
            Future<Collected> err = ShellThreads.pool().submit(() -> collect(ex.process.getErrorStream(), request.outputLimit()));
            try {
                alarm = watchdog.schedule(() -> ShellThreads.pool().execute(() -> ex.kill("timeout")),
                        ex.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                ex.kill("closed");
                throw new ShellException(request.command(), "the shell on " + target() + " is closed", e);
            }
            LimitedInputStream stdout = new LimitedInputStream(ex.process.getInputStream(), request.outputLimit());
            T value = null;
            Exception failure = null;
            try {
                value = reader.read(stdout);
            } catch (Exception e) {
                failure = e;
            }
            boolean truncated;
            try {
                truncated = stdout.drain();
            } catch (IOException e) {
                truncated = stdout.truncated();
            }
            ex.process.waitFor();
            Duration duration = ex.elapsed();
            Collected stderr = ex.awaitOutput(err);
            ex.throwIfKilled();
            ExecResult status = new ExecResult(request.command(), ex.process.exitValue(), new byte[0], stderr.bytes,
                    duration, truncated || stderr.truncated);
            return new StreamResult<>(value, failure, status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.kill("interrupted");
            throw new ShellException(request.command(), "interrupted on " + target() + "; killed", e);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
            ex.finish();
        }
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        Objects.requireNonNull(content, "content");
        if ((permissions & ~0777) != 0) {
            throw new IllegalArgumentException("permissions must be within 0777: " + Integer.toOctalString(permissions));
        }
        String what = "writeFile " + path;
        ensureOpen(what);
        Path target = resolve(path);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // written beside the target and moved over it: nobody ever sees a half-written file
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, permissionSet(permissions));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | UnsupportedOperationException e) {
            throw new ShellException(what, "cannot write on " + target() + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("cannot remove {}", tmp, e);
                }
            }
        }
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Execution ex : List.copyOf(running)) {
            ex.kill("closed");
        }
        watchdog.shutdownNow();
    }

    @Override
    public String toString() {
        return "LocalShell[" + (closed ? "closed" : running.size() + " running") + "]";
    }

    // ------------------------------------------------------------------ internals

    private void ensureOpen(String what) {
        if (closed) {
            throw new ShellException(what, "the shell on " + target() + " is closed", null);
        }
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        return workingDirectory == null || p.isAbsolute() ? p : workingDirectory.resolve(p);
    }

    private Execution start(ExecRequest request) {
        ensureOpen(request.display());
        ProcessBuilder pb = new ProcessBuilder(request.command());
        Map<String, String> env = pb.environment();
        Map<String, String> wanted = environmentFor(request, env);
        env.clear();
        env.putAll(wanted);
        request.workingDirectory().map(this::resolve).or(() -> Optional.ofNullable(workingDirectory))
                .ifPresent(dir -> pb.directory(dir.toFile()));
        long startNanos = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ShellException(request.command(), "cannot start on " + target() + ": " + e.getMessage(), e);
        }
        Execution ex = new Execution(request, process, startNanos);
        running.add(ex);
        if (closed) {
            ex.kill("closed");
            ex.finish();
            throw new ShellException(request.command(), "the shell on " + target() + " is closed", null);
        }
        ex.feedStdin();
        return ex;
    }

    private static Set<PosixFilePermission> permissionSet(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /** Reads {@code in} to its end, keeping the first {@code limit} bytes. */
    private static Collected collect(InputStream in, long limit) throws IOException {
        BoundedBuffer buffer = new BoundedBuffer(limit);
        byte[] chunk = new byte[BUFFER];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, n);
            }
        }
        return new Collected(buffer.toByteArray(), buffer.truncated());
    }

    private record Collected(byte[] bytes, boolean truncated) {
    }

    /** One running command. */
    private final class Execution {
        final ExecRequest request;
        final Process process;
        final long startNanos;
        final long deadlineNanos;
        private volatile String killedFor;
        private boolean finished;
        private volatile Future<?> stdinFeeder;

        Execution(ExecRequest request, Process process, long startNanos) {
            this.request = request;
            this.process = process;
            this.startNanos = startNanos;
            this.deadlineNanos = startNanos + request.timeout().toNanos();
        }

        long remainingNanos() {
            return Math.max(0, deadlineNanos - System.nanoTime());
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        void feedStdin() {
            OutputStream stdin = process.getOutputStream();
            if (!request.hasStdin()) {
                closeQuietly(stdin);
                return;
            }
            stdinFeeder = ShellThreads.pool().submit(() -> {
                try (stdin) {
                    if (request.stdinBytes() != null) {
                        stdin.write(request.stdinBytes());
                    } else {
                        request.stdinStream().transferTo(stdin);
                    }
                } catch (IOException e) {
                    // the command exited (or closed its stdin) without reading everything: its choice
                    LOG.debug("stdin of {} not fully written: {}", request.display(), e.toString());
                }
            });
        }

        /**
         * Waits for an output pump. After the process exited, its output normally ends at once;
         * a background process it started may keep it open, so this waits until the deadline
         * (plus the kill grace) at most, then gives up as a timeout.
         */
        Collected awaitOutput(Future<Collected> pump) throws InterruptedException {
            long wait = remainingNanos() + killGrace.toNanos();
            try {
                return pump.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                kill("timeout");
                throw new ShellTimeoutException(request.command(), request.timeout(),
                        target() + " (a process it started kept its output open)");
            } catch (ExecutionException e) {
                // a read that failed because the command was being killed (its pipes closed under
                // the reader) is the kill: a timeout, or a close of the shell
                throwIfKilled();
                Throwable cause = e.getCause();
                throw new ShellException(request.command(), "reading the output failed on " + target() + ": " + cause, cause);
            }
        }

        void throwIfKilled() {
            String why = killedFor;
            if (why == null) {
                return;
            }
            if (why.equals("timeout")) {
                throw new ShellTimeoutException(request.command(), request.timeout(), target());
            }
            throw new ShellException(request.command(), "killed on " + target() + ": " + why, null);
        }

        /**
         * Kills the command and its descendants: SIGTERM to all, SIGKILL to what is left after the
         * grace. The first reason wins. Blocks for the grace at most.
         */
        void kill(String why) {
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (killedFor == null) {
                    killedFor = why;
                }
            }
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            long graceEnd = System.nanoTime() + killGrace.toNanos();
            try {
                process.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
                for (ProcessHandle h : tree) {
                    long left = graceEnd - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // still alive: killed below
            }
            // what is left, and what was started meanwhile
            for (ProcessHandle h : List.copyOf(tree)) {
                h.descendants().forEach(tree::add);
            }
            process.descendants().forEach(tree::add);
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Called when the run is over, however it ended. */
        void finish() {
            if (process.isAlive()) {
                kill(killedFor != null ? killedFor : "abandoned");
            }
            synchronized (this) {
                finished = true;
            }
            running.remove(this);
            Future<?> feeder = stdinFeeder;
            if (feeder != null) {
                feeder.cancel(true);
            }
        }

        private void closeQuietly(OutputStream out) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("closing stdin of {}: {}", request.display(), e.toString());
            }
        }
    }

    /** Builds a {@link LocalShell}. */
    public static final class Builder {
        private Map<String, String> baseEnvironment;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Duration killGrace = Duration.ofSeconds(1);

        private Builder() {
        }

        /**
         * The environment commands start from, instead of this JVM's ({@link System#getenv()}).
         * The variables of {@link #isRemoved} are still removed from it.
         *
         * @param variables name → value; copied; an empty map starts commands from nothing but the fixed variables
         * @return this builder
         */
        public Builder baseEnvironment(Map<String, String> variables) {
            this.baseEnvironment = new LinkedHashMap<>(variables);
            return this;
        }

        /**
         * A variable for every command: set after the removal and the fixed ones, before the request's.
         *
         * @param name a POSIX variable name ({@code [A-Za-z_][A-Za-z0-9_]*})
         * @param value its value; no NUL
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a NUL in the value
         */
        public Builder environment(String name, String value) {
            // validated like a request's variables
            ExecRequest.builder("true").env(name, value);
            environment.put(name, value);
            return this;
        }

        /**
         * Several variables for every command, as {@link #environment(String, String)} each.
         *
         * @param variables name → value
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a NUL in a value
         */
        public Builder environment(Map<String, String> variables) {
            variables.forEach(this::environment);
            return this;
        }

        /**
         * The directory commands run in when the request names none (and relative paths resolve
         * against); default this JVM's working directory.
         *
         * @param dir the directory; made absolute now
         * @return this builder
         */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir.toAbsolutePath();
            return this;
        }

        /**
         * How long a timed-out command gets between SIGTERM and SIGKILL. Default 1 s.
         *
         * @param grace zero (SIGKILL right after SIGTERM) or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code grace} is negative
         */
        public Builder killGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("negative grace: " + grace);
            }
            this.killGrace = grace;
            return this;
        }

        /** {@return a new shell with these settings; close it when done (it owns a watchdog thread)} */
        public LocalShell build() {
            return new LocalShell(this);
        }
    }
}
