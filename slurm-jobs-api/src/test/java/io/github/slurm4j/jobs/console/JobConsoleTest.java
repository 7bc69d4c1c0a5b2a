package io.github.slurm4j.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.jobs.SplitShell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.testkit.FakeSlurm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConsoleTest {
    @TempDir
    Path dir;

    private final FakeSlurm fake = FakeSlurm.builder().actingAs("alice").build();
    private SplitShell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.close();
        }
    }

    private JobConsole console(java.util.function.Function<io.github.slurm4j.exec.ExecRequest, ExecResult> before) {
        shell = SplitShell.localFiles(fake, before);
        return new JobConsole(new SlurmClient(shell), Duration.ofSeconds(20));
    }

    private JobId submit(String output, String script) {
        SubmitRequest.Builder b = SubmitRequest.script(script).name("train").workingDirectory(dir.toString());
        if (output != null) {
            b.output(output);
        }
        return new SlurmClient(fake).submit(b.build()).jobId();
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void theResultACallerGetsCannotEndTheFollow() {
        ConsoleFollow f = new ConsoleFollow();
        f.result().cancel(true);
        f.result().complete(null);
        assertThat(f.isDone()).isFalse();
        assertThat(f.result()).isNotDone();
    }

    @Test
    void theLast2000LinesOf3000Exactly() throws IOException {
        JobId id = submit(null, "#!/bin/sh\nsleep 60\n");
        fake.advance(Duration.ofSeconds(1));
        Files.writeString(dir.resolve("slurm-" + id + ".out"), lines(1, 3000));
        ConsoleLines tail = console(null).tail(id);
        assertThat(tail.exists()).isTrue();
        assertThat(tail.path()).isEqualTo(dir.resolve("slurm-" + id + ".out").toString());
        assertThat(tail.lines()).hasSize(2000);
        assertThat(tail.lines().get(0)).isEqualTo("line 1001");
        assertThat(tail.lines().get(1999)).isEqualTo("line 3000");
        // only the end is read: tail -n through the argument list
        assertThat(shell.routed).containsExactly(List.of("tail", "-n", "2000", "--", tail.path()));
    }

    @Test
    void fewerLinesThanAskedAnUnfinishedLastLineAndEmptyLines() throws IOException {
        JobId id = submit("out-%j.txt", "#!/bin/sh\nsleep 60\n");
        Files.writeString(dir.resolve("out-" + id + ".txt"), "a\n\nb\npartial");
        JobConsole c = console(null);
        assertThat(c.tail(id, 10, ConsoleStream.STDOUT).lines()).containsExactly("a", "", "b", "partial");
        assertThat(c.tail(id, 2, ConsoleStream.STDOUT).lines()).containsExactly("b", "partial");
        assertThat(c.tail(id, 0, ConsoleStream.STDOUT).lines()).isEmpty();
        Files.writeString(dir.resolve("out-" + id + ".txt"), "");
        assertThat(c.tail(id, 5, ConsoleStream.STDOUT)).satisfies(t -> {
            assertThat(t.exists()).isTrue();
            assertThat(t.lines()).isEmpty();
        });
        assertThatThrownBy(() -> c.tail(id, -1, ConsoleStream.STDOUT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesThatAreNotUtf8AreReplaced() throws IOException {
        JobId id = submit(null, "#!/bin/sh\nsleep 60\n");
        byte[] content = {'o', 'k', '\n', (byte) 0xff, 'x', (byte) 0xe4, (byte) 0xb8, '\n', (byte) 0xe4, (byte) 0xb8, (byte) 0xad, '\n'};
        Files.write(dir.resolve("slurm-" + id + ".out"), content);
        assertThat(console(null).tail(id, 10, ConsoleStream.STDOUT).lines()).containsExactly("ok", "\uFFFDx\uFFFD", "中");
    }

    @Test
    void aFileThatDoesNotExistYetIsEmptyNotAnError() {
        JobId id = submit(null, "#!/bin/sh\nsleep 60\n");
        ConsoleLines t = console(null).tail(id, 2000, ConsoleStream.STDERR);
        assertThat(t.exists()).isFalse();
        assertThat(t.lines()).isEmpty();
        assertThat(t.stream()).isEqualTo(ConsoleStream.STDERR);
        assertThat(t.path()).isEqualTo(dir.resolve("slurm-" + id + ".out").toString());
    }

    @Test
    void otherFailuresAreTyped() throws IOException {
        JobId id = submit("denied.out", "#!/bin/sh\nsleep 60\n");
        JobId folder = submit("afolder", "#!/bin/sh\nsleep 60\n");
        Files.createDirectory(dir.resolve("afolder"));
        JobConsole c = console(r -> r.command().get(0).equals("tail") && r.command().get(4).endsWith("denied.out")
                ? ExecResult.of(r.command(), 1, "", "tail: cannot open '" + r.command().get(4) + "' for reading: Permission denied\n")
                : null);
        assertThatThrownBy(() -> c.tail(id, 5, ConsoleStream.STDOUT)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCESS_DENIED));
        assertThatThrownBy(() -> c.tail(folder, 5, ConsoleStream.STDOUT)).isInstanceOfSatisfying(SlurmCommandException.class,
                e -> assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT));
        assertThatThrownBy(() -> c.tail(JobId.of(999_999), 5, ConsoleStream.STDOUT))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
    }

    @Test
    void aPathWithPatternsLeftIsExpandedFromThePatternAsSubmitted() throws IOException {
        JobId id = submit("%x-%N-%%-%4j.out", "#!/bin/sh\nsleep 60\n");
        fake.advance(Duration.ofSeconds(1));
        String raw = dir + "/%x-%N-%%-%4j.out";
        // squeue -O STDOUT,STDERR prints the pattern as submitted (the simulated cluster does not model it)
        JobConsole c = console(r -> r.command().get(0).equals("squeue") && r.command().contains("STDOUT:\u001f,STDERR:\u001f")
                ? ExecResult.of(r.command(), 0, raw + "\u001f" + raw + "\u001f\n", "") : null);
        String node = new SlurmClient(fake).job(id).placement().batchHost();
        String file = String.format("%s/train-%s-%%-%04d.out", dir, node, id.id());
        Files.writeString(Path.of(file), "x\n");
        assertThat(c.path(id, ConsoleStream.STDOUT)).isEqualTo(file);
        assertThat(c.tail(id, 5, ConsoleStream.STDOUT).lines()).containsExactly("x");
    }

    @Test
    void aHostNameThatIsNotTheNodeNameIsLookedUp() throws IOException {
        JobId id = submit("o-%N-%j.out", "#!/bin/sh\nsleep 60\n");
        fake.advance(Duration.ofSeconds(1));
        String raw = dir + "/o-%N-%j.out";
        JobConsole c = console(r -> r.command().get(0).equals("squeue") && r.command().contains("STDOUT:\u001f,STDERR:\u001f")
                ? ExecResult.of(r.command(), 0, raw + "\u001f" + raw + "\u001f\n", "") : null);
        // slurmstepd wrote the host's own name (the lab: node localhost on host vm)
        Files.writeString(dir.resolve("o-vm-" + id + ".out"), "from vm\n");
        Files.writeString(dir.resolve("o-vm-" + id + ".outX"), "not this\n");
        ConsoleLines t = c.tail(id, 5, ConsoleStream.STDOUT);
        assertThat(t.path()).isEqualTo(dir.resolve("o-vm-" + id + ".out").toString());
        assertThat(t.lines()).containsExactly("from vm");
    }

    @Test
    void followDeliversCompleteLinesKeepsPartialOnesAndEndsWithTheJob() throws Exception {
        JobId id = submit(null, "#!/bin/sh\nsleep 30\n");
        fake.advance(Duration.ofSeconds(1));
        Path out = dir.resolve("slurm-" + id + ".out");
        Files.writeString(out, "old 1\nold 2\nold 3\n");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        JobConsole c = console(null);
        FollowOptions o = FollowOptions.defaults().withBacklogLines(2).withPollInterval(Duration.ofMillis(20)).withReadBytes(7);
        try (ConsoleFollow f = c.follow(id, ConsoleStream.STDOUT, o, got::add)) {
            await(() -> got.size() == 2);
            assertThat(got).containsExactly("old 2", "old 3");
            append(out, "new 1\nhalf");
            await(() -> got.size() == 3);
            Thread.sleep(150);
            assertThat(got).containsExactly("old 2", "old 3", "new 1");
            append(out, " done\n" + "x".repeat(30) + "\nlast without newline");
            await(() -> got.size() == 5);
            assertThat(got.subList(3, 5)).containsExactly("half done", "x".repeat(30));
            assertThat(f.isDone()).isFalse();
            fake.advance(Duration.ofSeconds(40));
            FollowResult r = f.await(Duration.ofSeconds(10));
            assertThat(r).isNotNull();
            assertThat(r.closedEarly()).isFalse();
            assertThat(r.finalState().state()).isEqualTo(JobState.Name.COMPLETED);
            assertThat(got).containsExactly("old 2", "old 3", "new 1", "half done", "x".repeat(30), "last without newline");
            assertThat(r.lines()).isEqualTo(6);
        }
        // every read goes through the argument list: the path and offsets are arguments of a fixed script
        assertThat(shell.routed).allSatisfy(cmd -> {
            assertThat(cmd.subList(0, 2)).containsExactly("sh", "-c");
            assertThat(cmd.get(2)).isIn(JobConsole.POLL_SCRIPT, JobConsole.BACKLOG_SCRIPT);
            assertThat(cmd.get(4)).isEqualTo(out.toString());
        });
    }

    @Test
    void followOfAPendingJobWaitsForTheFileAndReadsItFromItsStart() throws Exception {
        JobId id = submit(null, "#!/bin/sh\nsleep 30\n");
        Path out = dir.resolve("slurm-" + id + ".out");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        try (ConsoleFollow f = console(null).follow(id, ConsoleStream.STDOUT,
                FollowOptions.defaults().withPollInterval(Duration.ofMillis(20)), got::add)) {
            Thread.sleep(100);
            fake.advance(Duration.ofSeconds(1));
            Files.writeString(out, "first\nsecond\n");
            await(() -> got.size() == 2);
            assertThat(got).containsExactly("first", "second");
            f.close();
            FollowResult r = f.await(Duration.ofSeconds(10));
            assertThat(r.closedEarly()).isTrue();
            assertThat(r.finalState()).isNull();
        }
    }

    @Test
    void followOfALongLineWithoutNewlineDeliversPieces() throws Exception {
        JobId id = submit(null, "#!/bin/sh\nsleep 30\n");
        fake.advance(Duration.ofSeconds(1));
        Files.writeString(dir.resolve("slurm-" + id + ".out"), "y".repeat(25));
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        try (ConsoleFollow f = console(null).follow(id, ConsoleStream.STDOUT, FollowOptions.defaults().fromStart()
                .withPollInterval(Duration.ofMillis(20)).withMaxLineBytes(10), got::add)) {
            await(() -> got.size() == 2);
            fake.advance(Duration.ofSeconds(40));
            assertThat(f.await(Duration.ofSeconds(10)).finalState().isFinished()).isTrue();
            assertThat(got).containsExactly("y".repeat(10), "y".repeat(10), "y".repeat(5));
        }
    }

    @Test
    void followOfAFileRewrittenShorterReadsItAgainFromItsStart() throws Exception {
        JobId id = submit(null, "#!/bin/sh\nsleep 30\n");
        fake.advance(Duration.ofSeconds(1));
        Path out = dir.resolve("slurm-" + id + ".out");
        Files.writeString(out, "a long first line\nsecond\n");
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        try (ConsoleFollow f = console(null).follow(id, ConsoleStream.STDOUT, FollowOptions.defaults().fromStart()
                .withPollInterval(Duration.ofMillis(20)), got::add)) {
            await(() -> got.size() == 2);
            Files.writeString(out, "new\n");
            await(() -> got.size() == 3);
            fake.advance(Duration.ofSeconds(40));
            assertThat(f.await(Duration.ofSeconds(10)).finalState()).isNotNull();
        }
        assertThat(got).containsExactly("a long first line", "second", "new");
    }

    @Test
    void followEndsWithTheFailureAfterMaxFailuresInARow() throws Exception {
        JobId id = submit(null, "#!/bin/sh\nsleep 30\n");
        fake.advance(Duration.ofSeconds(1));
        JobConsole c = console(r -> r.command().get(0).equals("sh")
                ? ExecResult.of(r.command(), 1, "", "sh: 1: cannot open: Permission denied\n") : null);
        ConsoleFollow f = c.follow(id, ConsoleStream.STDOUT, FollowOptions.defaults().withPollInterval(Duration.ofMillis(10))
                .withMaxFailures(2), line -> { });
        assertThatThrownBy(() -> f.await(Duration.ofSeconds(10))).hasCauseInstanceOf(SlurmCommandException.class);
        assertThat(f.isDone()).isTrue();
        assertThat(f.result()).isCompletedExceptionally();
    }

    private static void append(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    static void await(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(10);
        }
    }
}
