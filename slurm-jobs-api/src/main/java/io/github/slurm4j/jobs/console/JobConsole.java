package io.github.slurm4j.jobs.console;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.slurm.AccountingQuery;
import io.github.slurm4j.exec.slurm.JobStatus;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.jobs.console.StdioPaths.JobValues;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.parse.Texts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A job's console output on a cluster: {@link #tail} (the last lines, reading only the end of
 * the file) and {@link #follow} (new lines until the job ends). The façade's
 * {@code SlurmJobs.tail} and {@code follow} use it; it can be used on its own with a
 * {@link SlurmClient}.
 *
 * <h2>Which file</h2>
 * {@code scontrol -o -d show job} gives StdOut/StdErr and the job's values. A path without
 * {@code %} or {@code \} is taken as printed (scontrol has expanded {@code %j %x %u %A %a});
 * otherwise the pattern as submitted is read from {@code squeue -O STDOUT,STDERR} and expanded by
 * {@link StdioPaths} (scontrol gets {@code %%x} and backslashes wrong). Once slurmctld has
 * forgotten the job, the values come from {@code sacct}, which (22.05) does not record the
 * output path: the default {@code slurm-%j.out} / {@code slurm-%A_%a.out} in the job's working
 * directory is read then. A path with {@code %N} that does not exist is looked up in its folder
 * ({@code find DIR -maxdepth 1 -name GLOB}): slurmstepd writes the host's own name, which is not
 * the node name where NodeName is an alias.
 *
 * <h2>How it reads</h2>
 * The file is read on the machine the cluster's shell runs commands on (a login node sharing the
 * file system with the nodes, or the node itself), every path passed in the argument list:
 * {@code tail -n N -- PATH} for {@link #tail}; for {@link #follow}, one fixed {@code sh -c}
 * script per poll whose path and offsets are positional arguments, which prints the file size
 * and then at most {@link FollowOptions#readBytes()} bytes from the offset ({@code stat -c %s},
 * {@code dd iflag=skip_bytes,count_bytes}, GNU coreutils). Bytes that are not UTF-8 become
 * U+FFFD.
 *
 * <h2>Errors</h2>
 * A file that does not exist (the job has not started, or writes elsewhere) is a
 * {@link ConsoleLines} with {@code exists=false}, not an error. Other failures to read it are
 * {@link SlurmCommandException}s: {@code access_denied} (permission denied),
 * {@code invalid_argument} (a folder, or lines that do not fit the output limit), {@code unknown}
 * (anything else, with the command's message); the job look-up throws as {@link SlurmClient}
 * does ({@code job_not_found}, ...); a command that could not run is a {@link ShellException}.
 *
 * <p>Thread-safe.
 */
public final class JobConsole {
    /** The lines {@link #tail} reads when not told otherwise. */
    public static final int DEFAULT_LINES = 2000;

    /** The most bytes a tail may print; past it the call fails with {@code invalid_argument}. */
    static final long TAIL_LIMIT = 64L * 1024 * 1024;

    /**
     * The follow's poll: {@code $1} path, {@code $2} offset, {@code $3} most bytes. Prints
     * {@code M} when the file does not exist, else {@code S <size>} and the bytes from the offset.
     */
    static final String POLL_SCRIPT = "[ -e \"$1\" ] || { echo M; exit 0; }\n"
            + "s=$(stat -L -c %s -- \"$1\") || exit 3\n"
            + "echo \"S $s\"\n"
            + "if [ \"$s\" -gt \"$2\" ]; then exec dd if=\"$1\" iflag=skip_bytes,count_bytes skip=\"$2\" count=\"$3\" status=none; fi\n";

    /**
     * The follow's start: {@code $1} path, {@code $2} lines. Prints {@code M}, or {@code S <size>}
     * and the last lines of the first {@code size} bytes (so the follow goes on from exactly there).
     */
    static final String BACKLOG_SCRIPT = "[ -e \"$1\" ] || { echo M; exit 0; }\n"
            + "s=$(stat -L -c %s -- \"$1\") || exit 3\n"
            + "echo \"S $s\"\n"
            + "head -c \"$s\" -- \"$1\" | tail -n \"$2\"\n";

    private final SlurmClient client;
    private final Shell shell;
    private final Duration timeout;

    /**
     * A console reader on the client's cluster.
     *
     * @param client the cluster's command layer; files are read through its shell
     * @param timeout the timeout of each command
     * @throws NullPointerException if an argument is {@code null}
     */
    public JobConsole(SlurmClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.shell = client.shell();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    // ------------------------------------------------------------------ which file

    /** The file a job's output goes to, and where its look-up came from. */
    record Target(JobId job, ConsoleStream stream, String path, String pattern, JobValues values, JobState state) {
    }

    /**
     * The file the job's {@code stream} is written to, patterns expanded (see the class comment).
     *
     * @param id the job, or an array element
     * @param stream stdout or stderr
     * @return the path on the cluster
     * @throws SlurmCommandException {@code job_not_found} when neither slurmctld nor accounting knows the job
     */
    public String path(JobId id, ConsoleStream stream) {
        return target(id, stream).path();
    }

    Target target(JobId id, ConsoleStream stream) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stream, "stream");
        Job job;
        try {
            job = client.job(id);
        } catch (SlurmCommandException e) {
            if (e.type() != SlurmErrorType.JOB_NOT_FOUND) {
                throw e;
            }
            return fromAccounting(id, stream, e);
        }
        JobValues v = JobValues.of(job);
        String shown = stream == ConsoleStream.STDOUT ? job.io().stdOut() : job.io().stdErr();
        if (shown == null || shown.isEmpty()) {
            shown = stream == ConsoleStream.STDERR && job.io().stdOut() != null ? job.io().stdOut() : null;
        }
        String pattern;
        String path;
        if (shown == null || shown.isEmpty()) {
            pattern = StdioPaths.defaultPattern(v);
            path = StdioPaths.expand(pattern, v);
        } else if (!StdioPaths.hasPattern(shown)) {
            pattern = shown;
            path = shown;
        } else {
            String raw = submittedPattern(id, stream);
            pattern = raw != null ? raw : shown;
            path = StdioPaths.expand(pattern, v);
        }
        return new Target(id, stream, path, pattern, v, job.status().state());
    }

    private Target fromAccounting(JobId id, ConsoleStream stream, SlurmCommandException notFound) {
        List<AccountingRecord> records;
        try {
            records = client.accounting(AccountingQuery.builder().allUsers().jobId(id).allocationsOnly().build());
        } catch (SlurmCommandException e) {
            notFound.addSuppressed(e);
            throw notFound;
        }
        for (AccountingRecord r : records) {
            if (r.jobId() == null || r.jobId().isStep() || !id.matchesRow(r.jobId(), r.jobIdRaw() == null ? null : r.jobIdRaw().id())) {
                continue;
            }
            long own = r.jobIdRaw() != null ? r.jobIdRaw().id() : r.jobId().id();
            Long task = null;
            String t = r.jobId().arrayTask();
            if (t != null && !t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 12) {
                task = Long.parseLong(t);
            }
            String node = r.nodeList() == null || r.nodeList().isEmpty() ? null : r.nodeList().get(0);
            JobValues v = new JobValues(own, task == null ? null : r.jobId().id(), task, r.user(), r.jobName(),
                    "None assigned".equals(node) ? null : node, r.workDir());
            String pattern = StdioPaths.defaultPattern(v);
            return new Target(id, stream, StdioPaths.expand(pattern, v), pattern, v, r.state());
        }
        throw notFound;
    }

    /** The pattern as submitted, from {@code squeue -O STDOUT,STDERR}; {@code null} when squeue does not say. */
    private String submittedPattern(JobId id, ConsoleStream stream) {
        List<String> argv = new ArrayList<>(List.of("squeue"));
        if (client.cluster() != null) {
            argv.add("-M");
            argv.add(client.cluster());
        }
        argv.addAll(List.of("--noheader", "--states=all", "--jobs=" + id, "-O", "STDOUT:\u001f,STDERR:\u001f"));
        try {
            ExecResult r = shell.run(ExecRequest.builder(argv).timeout(timeout).build());
            if (!r.isSuccess()) {
                return null;
            }
            for (String line : Texts.decode(r.stdoutBytes()).split("\n")) {
                String[] cells = line.split("\u001f", -1);
                if (cells.length >= 2) {
                    String v = (stream == ConsoleStream.STDOUT ? cells[0] : cells[1]).strip();
                    return v.isEmpty() || v.equals("(null)") ? null : v;
                }
            }
            return null;
        } catch (ShellException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ tail

    /**
     * {@link #tail(JobId, int, ConsoleStream)} of the last {@value #DEFAULT_LINES} lines of stdout.
     *
     * @param id the job, or an array element
     * @return the lines, or none with {@code exists=false}
     * @throws SlurmCommandException see the class comment
     */
    public ConsoleLines tail(JobId id) {
        return tail(id, DEFAULT_LINES, ConsoleStream.STDOUT);
    }

    /**
     * The last {@code lines} lines of the job's output, read with {@code tail -n lines -- PATH} on
     * the cluster: only the end of the file is read, whatever its size. A file that does not exist
     * yet gives no lines and {@code exists=false}. The lines may be at most 64 MiB together.
     *
     * @param id the job, or an array element
     * @param lines how many lines, 0 or more
     * @param stream stdout or stderr
     * @return the lines, oldest first, and the path read
     * @throws IllegalArgumentException for a negative {@code lines}
     * @throws SlurmCommandException see the class comment; {@code invalid_argument} when the lines are
     *     more than 64 MiB
     */
    public ConsoleLines tail(JobId id, int lines, ConsoleStream stream) {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative: " + lines);
        }
        Target t = target(id, stream);
        ConsoleLines read = tailOf(t.path(), id, lines, stream);
        if (!read.exists()) {
            String found = lookUpHost(t);
            if (found != null) {
                return tailOf(found, id, lines, stream);
            }
        }
        return read;
    }

    private ConsoleLines tailOf(String path, JobId id, int lines, ConsoleStream stream) {
        List<String> argv = List.of("tail", "-n", Integer.toString(lines), "--", path);
        ExecResult r = shell.run(ExecRequest.builder(argv).timeout(timeout).outputLimit(TAIL_LIMIT).build());
        if (r.isSuccess()) {
            if (r.truncated()) {
                throw failure(argv, r, SlurmErrorType.INVALID_ARGUMENT, "the last " + lines + " lines of " + path
                        + " are more than " + TAIL_LIMIT + " bytes; ask for fewer lines");
            }
            return new ConsoleLines(id, stream, path, splitLines(r.stdoutBytes(), true), true);
        }
        String err = r.stderr();
        if (err.contains("No such file or directory")) {
            return new ConsoleLines(id, stream, path, List.of(), false);
        }
        throw readFailure(argv, r);
    }

    /** A failed read as a typed error: permission, folder, or unknown. */
    static SlurmCommandException readFailure(List<String> argv, ExecResult r) {
        String err = r.stderr().strip();
        SlurmErrorType type = err.contains("Permission denied") ? SlurmErrorType.ACCESS_DENIED
                : err.contains("Is a directory") ? SlurmErrorType.INVALID_ARGUMENT : SlurmErrorType.UNKNOWN;
        return failure(argv, r, type, err.isEmpty() ? "exit " + r.exitCode() : err);
    }

    private static SlurmCommandException failure(List<String> argv, ExecResult r, SlurmErrorType type, String message) {
        return new SlurmCommandException(new SlurmError(type, message), ExecRequest.display(argv), r.exitCode());
    }

    /**
     * Where a {@code %N} path that does not exist is: the one file of its folder whose name matches
     * the pattern with any host name; {@code null} when the pattern has no {@code %N} in its file
     * name, or not exactly one file matches.
     */
    String lookUpHost(Target t) {
        String pattern = t.pattern();
        if (pattern == null || pattern.indexOf('\\') >= 0) {
            return null;
        }
        int slash = pattern.lastIndexOf('/');
        String name = pattern.substring(slash + 1);
        if (!name.matches(".*%[0-9]*N.*") || (slash >= 0 && pattern.substring(0, slash).matches(".*%[0-9]*N.*"))) {
            return null;
        }
        String marker = "\u0000host\u0000";
        JobValues v = t.values();
        JobValues withMarker = new JobValues(v.jobId(), v.arrayJobId(), v.arrayTaskId(), v.user(), v.jobName(), marker, v.workDir());
        String expanded = StdioPaths.expand(pattern, withMarker);
        int cut = expanded.lastIndexOf('/');
        if (cut < 0) {
            return null;
        }
        String dir = cut == 0 ? "/" : expanded.substring(0, cut);
        String[] parts = expanded.substring(cut + 1).split(java.util.regex.Pattern.quote(marker), -1);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                g.append('*');
            }
            g.append(parts[i].replaceAll("([*?\\[\\\\])", "\\\\$1"));
        }
        List<String> argv = List.of("find", dir, "-maxdepth", "1", "-type", "f", "-name", g.toString());
        try {
            ExecResult r = shell.run(ExecRequest.builder(argv).timeout(timeout).build());
            if (!r.isSuccess()) {
                return null;
            }
            List<String> found = splitLines(r.stdoutBytes(), false);
            return found.size() == 1 ? found.get(0) : null;
        } catch (ShellException e) {
            return null;
        }
    }

    /** Lines of UTF-8 bytes (broken sequences become U+FFFD); a last line without newline is kept. */
    static List<String> splitLines(byte[] bytes, boolean keepEmpty) {
        String text = Texts.decode(bytes);
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            String line = text.substring(start, end);
            if (keepEmpty || !line.isEmpty()) {
                out.add(line);
            }
            start = end + 1;
        }
        return out;
    }

    // ------------------------------------------------------------------ follow

    /**
     * Follows the job's {@code stream}: first the backlog ({@link FollowOptions#backlogLines()}),
     * then each new line as it is written, until the job has ended (its state from
     * {@link SlurmClient#statusOf}, asked once per pause), then a last read, then the end. A line
     * still without newline is kept until its newline arrives (at the end it is delivered as
     * is). A file that does not exist yet is waited for. A file that got shorter (rewritten) is
     * read again from its start. Lines go to {@code onLine} on the follow's own (daemon) thread.
     * A job that neither squeue nor sacct knows any more for {@code maxFailures} status checks in a
     * row ends the follow with the state {@code UNKNOWN}.
     *
     * <p>The file is looked up before this returns (errors of the look-up are thrown here); what
     * fails later ends {@link ConsoleFollow#result()} exceptionally.
     *
     * @param id the job, or an array element
     * @param stream stdout or stderr
     * @param options how to read
     * @param onLine receives each line, without its newline; a line longer than
     *     {@link FollowOptions#maxLineBytes()} comes in pieces
     * @return the running follow
     * @throws NullPointerException if an argument is {@code null}
     * @throws SlurmCommandException when the file cannot be looked up ({@code job_not_found}, ...)
     */
    public ConsoleFollow follow(JobId id, ConsoleStream stream, FollowOptions options, Consumer<String> onLine) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onLine, "onLine");
        Target t = target(id, stream);
        ConsoleFollow handle = new ConsoleFollow();
        Follower f = new Follower(t, options, onLine, handle);
        Thread thread = new Thread(f::run, "slurm4j-follow-" + id);
        thread.setDaemon(true);
        thread.start();
        return handle;
    }

    /** The loop of one follow. */
    private final class Follower {
        private final Target target;
        private final FollowOptions o;
        private final Consumer<String> onLine;
        private final ConsoleFollow handle;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private String path;
        private long offset;
        private long bytes;
        private long lines;
        private int failures;
        private int unknown;

        Follower(Target target, FollowOptions o, Consumer<String> onLine, ConsoleFollow handle) {
            this.target = target;
            this.o = o;
            this.onLine = onLine;
            this.handle = handle;
            this.path = target.path();
        }

        void run() {
            try {
                if (o.backlogLines() != FollowOptions.FROM_START) {
                    // a file that does not exist yet is read from its start once it appears
                    retrying(this::backlog);
                }
                JobState end = null;
                while (!handle.isClosed()) {
                    if (Boolean.TRUE.equals(retrying(this::poll))) {
                        continue;
                    }
                    end = endedState();
                    if (end != null) {
                        break;
                    }
                    handle.pause(o.pollInterval());
                }
                if (end != null) {
                    // the last read: what the job wrote before it ended
                    while (!handle.isClosed() && Boolean.TRUE.equals(retrying(this::poll))) {
                        // drain
                    }
                    flushPartial();
                }
                handle.future().complete(new FollowResult(target.job(), target.stream(), path, lines, bytes, end, end == null));
            } catch (RuntimeException | Error e) {
                handle.future().completeExceptionally(e);
            }
        }

        /** The job's state when it has ended, else {@code null}. */
        private JobState endedState() {
            java.util.Optional<JobStatus> s = retrying(() -> java.util.Optional.ofNullable(
                    client.statusOf(List.of(target.job())).get(target.job())));
            if (s == null) {
                return null;
            }
            if (s.isEmpty()) {
                // neither squeue nor sacct knows the job any more (it was known at the start)
                unknown++;
                return unknown >= o.maxFailures() ? JobState.parse("UNKNOWN") : null;
            }
            unknown = 0;
            return s.get().state().isActive() ? null : s.get().state();
        }

        /** Runs a step; a failure is retried on the next round until {@code maxFailures} in a row. */
        private <T> T retrying(java.util.function.Supplier<T> step) {
            while (true) {
                try {
                    T v = step.get();
                    failures = 0;
                    return v;
                } catch (ShellException | SlurmCommandException e) {
                    failures++;
                    if (failures >= o.maxFailures()) {
                        throw e;
                    }
                    if (handle.pause(o.pollInterval())) {
                        return null;
                    }
                }
            }
        }

        /** The start: the last lines so far; false when the file does not exist yet. */
        private boolean backlog() {
            Chunk c = run(BACKLOG_SCRIPT, path, Integer.toString(o.backlogLines()));
            if (c == null) {
                return false;
            }
            offset = c.size;
            bytes += c.data.length;
            // a last line without newline stays in 'partial' until its newline arrives
            deliver(c.data);
            return true;
        }

        /** One read from the offset; true when it filled readBytes (more may be there). */
        private Boolean poll() {
            Chunk c = run(POLL_SCRIPT, path, Long.toString(offset), Integer.toString(o.readBytes()));
            if (c == null) {
                return false;
            }
            if (c.size < offset) {
                // the file was rewritten: read it again from its start
                offset = 0;
                partial.reset();
                return true;
            }
            offset += c.data.length;
            bytes += c.data.length;
            deliver(c.data);
            return c.data.length >= o.readBytes();
        }

        private record Chunk(long size, byte[] data) {
        }

        /** Runs a script; {@code null} when the file does not exist. */
        private Chunk run(String script, String... args) {
            List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
            argv.addAll(List.of(args));
            ExecResult r = shell.run(ExecRequest.builder(argv).timeout(timeout).build());
            byte[] out = r.stdoutBytes();
            int nl = indexOf(out, (byte) '\n');
            String head = nl < 0 ? "" : new String(out, 0, nl, StandardCharsets.US_ASCII);
            if (r.isSuccess() && head.equals("M")) {
                if (path.equals(target.path())) {
                    String found = lookUpHost(target);
                    if (found != null) {
                        path = found;
                        return run(script, replaceFirst(args, found));
                    }
                }
                return null;
            }
            if (!r.isSuccess() || !head.startsWith("S ")) {
                throw readFailure(argv.subList(0, 3), r);
            }
            long size = Long.parseLong(head.substring(2).strip());
            byte[] data = java.util.Arrays.copyOfRange(out, nl + 1, out.length);
            return new Chunk(size, data);
        }

        private void deliver(byte[] data) {
            int start = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    partial.write(data, start, i - start);
                    emit();
                    start = i + 1;
                } else if (partial.size() + (i - start) >= o.maxLineBytes()) {
                    partial.write(data, start, i - start);
                    emit();
                    start = i;
                }
            }
            partial.write(data, start, data.length - start);
        }

        private void flushPartial() {
            if (partial.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String line = Texts.decode(partial.toByteArray());
            partial.reset();
            if (!handle.isClosed()) {
                onLine.accept(line);
                lines++;
            }
        }
    }

    private static String[] replaceFirst(String[] args, String first) {
        String[] copy = args.clone();
        copy[0] = first;
        return copy;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
