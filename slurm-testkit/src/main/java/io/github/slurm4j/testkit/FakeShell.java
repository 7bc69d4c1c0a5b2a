package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.parse.SlurmCommandLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A {@link Shell} that runs nothing: it answers each command with a reply queued for it, and
 * records every request. For the tests of applications that use slurm4j, the way OkHttp's
 * {@code MockWebServer} is used for HTTP clients.
 *
 * <pre>{@code
 * FakeShell shell = new FakeShell();
 * shell.enqueue(List.of("scontrol", "ping"), FakeReply.ok("Slurmctld(primary) at vm is UP\n"));
 * shell.enqueuePrefix(List.of("squeue"), FakeReply.of(1, "", "slurm_load_jobs error: ...").repeating());
 * shell.enqueue("any sacct with -X", r -> r.command().get(0).equals("sacct") && r.command().contains("-X"),
 *         FakeReply.timeout());
 * ... code under test ...
 * assertThat(shell.count("squeue")).isEqualTo(1);
 * }</pre>
 *
 * <h2>Matching</h2>
 * Each matcher (an exact argument list, a prefix, or a predicate) holds a queue of replies.
 * A command is answered by the first matcher, in the order they were added, that matches it and
 * still has a reply; the reply is used up unless it is {@linkplain FakeReply#repeating()
 * repeating}. A command that no matcher answers fails loudly with an {@link AssertionError}
 * listing the command and every matcher with its remaining replies: a test never gets an empty
 * output it did not ask for.
 *
 * <h2>Replies</h2>
 * A reply gives an exit code and outputs; or throws a {@link ShellException}; or a
 * {@link ShellTimeoutException}; and it can be delayed by a real sleep that honours the request's
 * timeout (a delay at or past the timeout sleeps the timeout, then throws
 * {@code ShellTimeoutException}). {@link #stream} hands the reply's stdout to the reader.
 * {@link #writeFile} records the file ({@link #files()}) and always succeeds.
 *
 * <h2>Fixtures</h2>
 * {@link #replaying(Path)} loads a folder of captured cases ({@code <case>/cmd}, {@code stdout},
 * {@code stderr}, {@code rc}) and answers a command whose argument list equals a case's
 * {@code cmd}, read with shell word rules ({@link SlurmCommandLine}: quotes, and a leading
 * {@code runuser -u U --}, {@code sudo}, {@code env}, {@code VAR=value} dropped).
 *
 * <p>Thread-safe: commands may run concurrently; matching and recording are atomic.
 */
public final class FakeShell implements Shell {

    /**
     * A file written with {@link #writeFile}.
     *
     * @param path the path it was written at
     * @param content a copy of the bytes written (not copied again by the accessor)
     * @param permissions the POSIX mode bits asked for, e.g. {@code 0755}
     */
    public record WrittenFile(String path, byte[] content, int permissions) {
        /** {@return the content as UTF-8 text} */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final class Entry {
        final Object key;
        final String description;
        final Predicate<ExecRequest> predicate;
        final Deque<FakeReply> replies = new ArrayDeque<>();

        Entry(Object key, String description, Predicate<ExecRequest> predicate) {
            this.key = key;
            this.description = description;
            this.predicate = predicate;
        }
    }

    private record ExactKey(List<String> command) {
    }

    private record PrefixKey(List<String> prefix) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<ExecRequest> requests = new ArrayList<>();
    private final Map<String, WrittenFile> files = new LinkedHashMap<>();
    private final String target;
    private boolean closed;

    /** A fake with no replies; its {@link #target()} is {@code fake}. */
    public FakeShell() {
        this("fake");
    }

    /**
     * A fake whose {@link #target()} is {@code target} (for messages).
     *
     * @param target what {@link #target()} says; not null
     */
    public FakeShell(String target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * A fake that answers the commands of a folder of captured cases: each sub-folder with a
     * {@code cmd} file is one case, answered (repeatedly) when the argument list equals its
     * command. Cases whose {@code cmd} holds several commands ({@code a; b}) are skipped. Two cases
     * with the same command: the first in name order answers.
     *
     * @param folder the folder of case folders ({@code fixtures/slurm-22.05})
     * @return the fake, its target {@code fake replaying <folder>}
     * @throws UncheckedIOException when the folder cannot be read
     * @throws IllegalArgumentException when it holds no case
     */
    public static FakeShell replaying(Path folder) {
        return replaying(folder, name -> true);
    }

    /**
     * Like {@link #replaying(Path)}, loading only the cases whose folder name passes {@code cases}.
     *
     * @param folder the folder of case folders
     * @param cases tests each case folder's name
     * @return the fake
     * @throws UncheckedIOException when the folder cannot be read
     * @throws IllegalArgumentException when no case passes
     */
    public static FakeShell replaying(Path folder, Predicate<String> cases) {
        FakeShell shell = new FakeShell("fake replaying " + folder);
        shell.addCases(folder, cases);
        return shell;
    }

    /**
     * Adds the cases of a fixture folder, as {@link #replaying(Path)} does, after the matchers added
     * before.
     *
     * @param folder the folder of case folders
     * @param cases tests each case folder's name
     * @return this fake
     * @throws UncheckedIOException when the folder cannot be read
     * @throws IllegalArgumentException when no case of the folder passes
     */
    public FakeShell addCases(Path folder, Predicate<String> cases) {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(folder)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("cmd")))
                    .filter(d -> cases.test(d.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixture cases in " + folder, e);
        }
        int added = 0;
        for (Path dir : dirs) {
            List<String> argv = caseCommand(dir);
            if (argv == null) {
                continue;
            }
            enqueue(argv, readCase(dir).repeating());
            added++;
        }
        if (added == 0) {
            throw new IllegalArgumentException("no fixture case (<case>/cmd) in " + folder);
        }
        return this;
    }

    /**
     * The argument list of a case's {@code cmd}, or {@code null} when it holds several commands.
     *
     * @param caseDir the case folder
     * @return the tool's name and its arguments, wrappers such as {@code runuser -u U --} dropped;
     *     unmodifiable
     * @throws UncheckedIOException when it cannot be read
     */
    public static List<String> caseCommand(Path caseDir) {
        String line = read(caseDir.resolve("cmd")).strip();
        List<SlurmCommandLine> commands = SlurmCommandLine.parseAll(line);
        if (commands.size() != 1) {
            return null;
        }
        SlurmCommandLine c = commands.get(0);
        List<String> argv = new ArrayList<>();
        argv.add(c.tool());
        argv.addAll(c.args());
        return List.copyOf(argv);
    }

    /**
     * The reply a case recorded: {@code rc} (missing = 0), {@code stdout}, {@code stderr} (missing
     * = empty), not repeating.
     *
     * @param caseDir the case folder
     * @return the reply, its origin the case's folder name
     * @throws UncheckedIOException when a file cannot be read
     * @throws NumberFormatException when {@code rc} is not a number
     */
    public static FakeReply readCase(Path caseDir) {
        try {
            Path rcFile = caseDir.resolve("rc");
            int rc = Files.exists(rcFile) ? Integer.parseInt(Files.readString(rcFile).strip()) : 0;
            byte[] out = Files.exists(caseDir.resolve("stdout")) ? Files.readAllBytes(caseDir.resolve("stdout")) : new byte[0];
            byte[] err = Files.exists(caseDir.resolve("stderr")) ? Files.readAllBytes(caseDir.resolve("stderr")) : new byte[0];
            return FakeReply.of(rc, out, err).from(caseDir.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture case " + caseDir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Queues {@code reply} for commands whose argument list equals {@code command}.
     *
     * @param command the exact argument list; replies for an equal list share one queue
     * @param reply the reply; not null
     * @return this fake
     */
    public FakeShell enqueue(List<String> command, FakeReply reply) {
        List<String> exact = List.copyOf(command);
        return add(new ExactKey(exact), ExecRequest.display(exact), r -> r.command().equals(exact), reply);
    }

    /**
     * Queues {@code reply} for commands whose argument list starts with {@code prefix}.
     *
     * @param prefix the first arguments; replies for an equal prefix share one queue
     * @param reply the reply; not null
     * @return this fake
     */
    public FakeShell enqueuePrefix(List<String> prefix, FakeReply reply) {
        List<String> p = List.copyOf(prefix);
        return add(new PrefixKey(p), ExecRequest.display(p) + " ...", r -> startsWith(r.command(), p), reply);
    }

    /**
     * Queues {@code reply} for requests that {@code predicate} accepts; {@code description} names
     * the matcher in messages. Replies queued with the same predicate object share one queue.
     *
     * @param description names the matcher in messages; not null
     * @param predicate tests each request; not null
     * @param reply the reply; not null
     * @return this fake
     */
    public FakeShell enqueue(String description, Predicate<ExecRequest> predicate, FakeReply reply) {
        return add(Objects.requireNonNull(predicate, "predicate"), Objects.requireNonNull(description, "description"),
                predicate, reply);
    }

    private synchronized FakeShell add(Object key, String description, Predicate<ExecRequest> predicate, FakeReply reply) {
        Objects.requireNonNull(reply, "reply");
        Entry entry = null;
        for (Entry e : entries) {
            if (e.key.equals(key)) {
                entry = e;
                break;
            }
        }
        if (entry == null) {
            entry = new Entry(key, description, predicate);
            entries.add(entry);
        }
        entry.replies.addLast(reply);
        return this;
    }

    private static boolean startsWith(List<String> command, List<String> prefix) {
        return command.size() >= prefix.size() && command.subList(0, prefix.size()).equals(prefix);
    }

    @Override
    public ExecResult run(ExecRequest request) {
        ExecRequest recorded = record(request);
        FakeReply reply = take(recorded);
        long start = System.nanoTime();
        delay(recorded, reply);
        return new ExecResult(recorded.command(), reply.exitCode(), reply.stdout(), reply.stderr(),
                Duration.ofNanos(System.nanoTime() - start), false);
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        ExecRequest recorded = record(request);
        FakeReply reply = take(recorded);
        long start = System.nanoTime();
        delay(recorded, reply);
        T value = null;
        Exception failure = null;
        try (InputStream in = new ByteArrayInputStream(reply.stdout())) {
            value = reader.read(in);
        } catch (Exception e) {
            failure = e;
        }
        ExecResult status = new ExecResult(recorded.command(), reply.exitCode(), new byte[0], reply.stderr(),
                Duration.ofNanos(System.nanoTime() - start), false);
        return new StreamResult<>(value, failure, status);
    }

    @Override
    public synchronized void writeFile(String path, byte[] content, int permissions) {
        checkOpen(List.of("writeFile", path));
        files.put(path, new WrittenFile(path, content.clone(), permissions));
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** {@return whether {@link #close()} was called} */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** {@return every request run so far, in order (a stdin stream is recorded as the bytes it held)} */
    public synchronized List<ExecRequest> requests() {
        return List.copyOf(requests);
    }

    /** {@return the argument list of every request run so far, in order} */
    public synchronized List<List<String>> commands() {
        return requests.stream().map(ExecRequest::command).toList();
    }

    /**
     * The last request run.
     *
     * @return the request
     * @throws AssertionError when none ran
     */
    public synchronized ExecRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("no command has run on " + target);
        }
        return requests.get(requests.size() - 1);
    }

    /**
     * How many requests ran whose argument list starts with {@code prefix}.
     *
     * @param prefix the first arguments ({@code "squeue"}); none counts every request
     * @return the count since the start or the last {@link #clearRecorded()}
     */
    public synchronized int count(String... prefix) {
        List<String> p = Arrays.asList(prefix);
        int n = 0;
        for (ExecRequest r : requests) {
            if (startsWith(r.command(), p)) {
                n++;
            }
        }
        return n;
    }

    /** {@return the files written, by path (the last write of a path wins); a snapshot} */
    public synchronized Map<String, WrittenFile> files() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Forgets the recorded requests and files (the queued replies stay). */
    public synchronized void clearRecorded() {
        requests.clear();
        files.clear();
    }

    /** {@return the replies not used yet (repeating ones included), per matcher description, in the order added} */
    public synchronized Map<String, Integer> remainingReplies() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.put(e.description, e.replies.size());
        }
        return out;
    }

    private ExecRequest record(ExecRequest request) {
        Objects.requireNonNull(request, "request");
        ExecRequest recorded = request;
        if (request.stdinStream() != null) {
            try {
                recorded = request.toBuilder().stdin(request.stdinStream().readAllBytes()).build();
            } catch (IOException e) {
                throw new ShellException(request.command(), "reading stdin failed: " + e.getMessage(), e);
            }
        }
        synchronized (this) {
            checkOpen(request.command());
            requests.add(recorded);
        }
        return recorded;
    }

    private void checkOpen(List<String> command) {
        if (closed) {
            throw new ShellException(command, "the shell " + target + " is closed", null);
        }
    }

    private synchronized FakeReply take(ExecRequest request) {
        for (Entry e : entries) {
            if (e.replies.isEmpty() || !e.predicate.test(request)) {
                continue;
            }
            FakeReply reply = e.replies.peekFirst();
            if (!reply.isRepeating()) {
                e.replies.removeFirst();
            }
            return reply;
        }
        StringBuilder sb = new StringBuilder("FakeShell ").append(target).append(": no reply for the command\n  ")
                .append(request.display()).append("\nknown matchers (remaining replies):");
        if (entries.isEmpty()) {
            sb.append(" none");
        }
        for (Entry e : entries) {
            sb.append("\n  ").append(e.description).append(" (").append(e.replies.size()).append(')');
        }
        throw new AssertionError(sb.toString());
    }

    private void delay(ExecRequest request, FakeReply reply) {
        Duration timeout = request.timeout();
        if (reply.isTimeout()) {
            throw new ShellTimeoutException(request.command(), timeout, target);
        }
        Duration delay = reply.delay();
        if (!delay.isZero()) {
            boolean timesOut = delay.compareTo(timeout) >= 0;
            sleep(timesOut ? timeout : delay, request);
            if (timesOut) {
                throw new ShellTimeoutException(request.command(), timeout, target);
            }
        }
        if (reply.failure() != null) {
            throw reply.failure();
        }
    }

    private static void sleep(Duration d, ExecRequest request) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(request.command(), "interrupted", e);
        }
    }
}
