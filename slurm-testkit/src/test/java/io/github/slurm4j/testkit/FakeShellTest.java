package io.github.slurm4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeShellTest {
    static final Path FIXTURES = Fixtures.corpus(Fixtures.SLURM_22_05);

    @Test
    void exactRepliesAreUsedInOrder() {
        FakeShell shell = new FakeShell();
        shell.enqueue(List.of("echo", "a"), FakeReply.ok("one"));
        shell.enqueue(List.of("echo", "a"), FakeReply.of(3, "two", "err"));
        assertThat(shell.run("echo", "a").stdout()).isEqualTo("one");
        ExecResult second = shell.run("echo", "a");
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.stdout()).isEqualTo("two");
        assertThat(second.stderr()).isEqualTo("err");
        assertThatThrownBy(() -> shell.run("echo", "a")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no reply for the command").hasMessageContaining("echo a (0)");
    }

    @Test
    void unmatchedCommandListsCommandAndMatchers() {
        FakeShell shell = new FakeShell();
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(""));
        shell.enqueue("any sacct", r -> r.command().get(0).equals("sacct"), FakeReply.ok(""));
        assertThatThrownBy(() -> shell.run("scontrol", "show", "job", "$(x)"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("scontrol show job '$(x)'")
                .hasMessageContaining("squeue ...")
                .hasMessageContaining("any sacct");
        assertThat(shell.count()).isEqualTo(1);
    }

    @Test
    void repeatingReplyIsNeverUsedUpAndPrefixAndPredicateMatch() {
        FakeShell shell = new FakeShell();
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok("q").repeating());
        shell.enqueue("sacct with -X", r -> r.command().contains("-X"), FakeReply.ok("acct"));
        for (int i = 0; i < 5; i++) {
            assertThat(shell.run("squeue", "-j", Integer.toString(i)).stdout()).isEqualTo("q");
        }
        assertThat(shell.run("sacct", "-X").stdout()).isEqualTo("acct");
        assertThat(shell.count("squeue")).isEqualTo(5);
        assertThat(shell.count("squeue", "-j", "3")).isEqualTo(1);
        assertThat(shell.count("sacct")).isEqualTo(1);
        assertThat(shell.commands()).hasSize(6).first().isEqualTo(List.of("squeue", "-j", "0"));
    }

    @Test
    void firstMatcherWithARemainingReplyAnswers() {
        FakeShell shell = new FakeShell();
        shell.enqueue(List.of("a"), FakeReply.ok("exact"));
        shell.enqueuePrefix(List.of("a"), FakeReply.ok("prefix").repeating());
        assertThat(shell.run("a").stdout()).isEqualTo("exact");
        assertThat(shell.run("a").stdout()).isEqualTo("prefix");
    }

    @Test
    void injectedFailuresAndTimeouts() {
        FakeShell shell = new FakeShell("fake1");
        ShellException boom = new ShellException(List.of("x"), "connection reset", null);
        shell.enqueue(List.of("x"), FakeReply.failure(boom));
        shell.enqueue(List.of("y"), FakeReply.timeout());
        assertThatThrownBy(() -> shell.run("x")).isSameAs(boom);
        assertThatThrownBy(() -> shell.run(ExecRequest.builder("y").timeout(Duration.ofSeconds(7)).build()))
                .isInstanceOf(ShellTimeoutException.class)
                .hasMessageContaining("7000 ms").hasMessageContaining("fake1")
                .satisfies(e -> assertThat(((ShellTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(shell.count()).isEqualTo(2);
    }

    @Test
    void delayIsARealSleepAndHonoursTheTimeout() {
        FakeShell shell = new FakeShell();
        shell.enqueue(List.of("slow"), FakeReply.ok("done").after(Duration.ofMillis(50)));
        shell.enqueue(List.of("slower"), FakeReply.ok("never").after(Duration.ofSeconds(30)));
        long t0 = System.nanoTime();
        ExecResult r = shell.run("slow");
        assertThat(r.stdout()).isEqualTo("done");
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        long t1 = System.nanoTime();
        assertThatThrownBy(() -> shell.run(ExecRequest.builder("slower").timeout(Duration.ofMillis(100)).build()))
                .isInstanceOf(ShellTimeoutException.class);
        long waited = System.nanoTime() - t1;
        assertThat(waited).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100))
                .isLessThan(TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void streamFeedsStdoutToTheReaderAndKeepsStderr() {
        FakeShell shell = new FakeShell();
        shell.enqueue(List.of("cat"), FakeReply.of(2, "line1\nline2\n", "warn"));
        StreamResult<String> r = shell.stream(ExecRequest.of("cat"), in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(r.value()).isEqualTo("line1\nline2\n");
        assertThat(r.failure()).isNull();
        assertThat(r.status().exitCode()).isEqualTo(2);
        assertThat(r.status().stderr()).isEqualTo("warn");
        assertThat(r.status().stdout()).isEmpty();

        shell.enqueue(List.of("cat"), FakeReply.ok("x"));
        StreamResult<String> failed = shell.stream(ExecRequest.of("cat"), in -> {
            throw new IllegalStateException("parser broke");
        });
        assertThat(failed.value()).isNull();
        assertThat(failed.failure()).isInstanceOf(IllegalStateException.class).hasMessage("parser broke");
    }

    @Test
    void recordsRequestsStdinStreamsAndFiles() {
        FakeShell shell = new FakeShell();
        shell.enqueue(List.of("sbatch"), FakeReply.ok("1\n"));
        ExecRequest req = ExecRequest.builder("sbatch").stdin(new ByteArrayInputStream("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)))
                .env("A", "b").build();
        shell.run(req);
        ExecRequest recorded = shell.lastRequest();
        assertThat(new String(recorded.stdinBytes(), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\n");
        assertThat(recorded.environment()).containsEntry("A", "b");
        shell.writeFile("/tmp/job.sh", "echo hi".getBytes(StandardCharsets.UTF_8), 0755);
        assertThat(shell.files()).containsKey("/tmp/job.sh");
        assertThat(shell.files().get("/tmp/job.sh").text()).isEqualTo("echo hi");
        assertThat(shell.files().get("/tmp/job.sh").permissions()).isEqualTo(0755);
        shell.close();
        assertThat(shell.isClosed()).isTrue();
        assertThatThrownBy(() -> shell.run("sbatch")).isInstanceOf(ShellException.class).hasMessageContaining("closed");
    }

    @Test
    void concurrentCommandsEachGetOneReply() throws Exception {
        FakeShell shell = new FakeShell();
        int n = 200;
        for (int i = 0; i < n; i++) {
            shell.enqueue(List.of("job"), FakeReply.ok(Integer.toString(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> shell.run("job").stdout()));
            }
            List<String> outs = new ArrayList<>();
            for (Future<String> f : futures) {
                outs.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(outs).doesNotHaveDuplicates().hasSize(n);
            assertThat(shell.count("job")).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replaysFixtureCasesByTheirArgumentList() {
        FakeShell shell = FakeShell.replaying(FIXTURES);
        ExecResult r = shell.run("squeue", "-j", "999999");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Invalid job id specified");
        ExecResult pid = shell.run("scontrol", "listpids", "14");
        assertThat(pid.exitCode()).isZero();
        assertThat(pid.stdout()).startsWith("PID");
        // replayed cases repeat
        assertThat(shell.run("squeue", "-j", "999999").exitCode()).isEqualTo(1);
        // a quoted cmd is split with shell word rules: squeue -O "JobID:|,Name:|,..."
        List<String> argv = FakeShell.caseCommand(FIXTURES.resolve("squeue-Format-pipe-delimited"));
        assertThat(argv).startsWith("squeue", "--noheader", "-O");
        assertThat(argv.get(3)).startsWith("JobID:|,Name:|");
        assertThat(shell.run(ExecRequest.of(argv)).stdout()).startsWith("34|cpu-part|root|PD|");
        // runuser -u alice -- is dropped: the command as alice runs it
        assertThat(FakeShell.caseCommand(FIXTURES.resolve("runuser-alice-release-others-job"))).first().isEqualTo("scontrol");
        // a command no case has fails loudly
        assertThatThrownBy(() -> shell.run("squeue", "-j", "424242")).isInstanceOf(AssertionError.class);
    }

    @Test
    void replayingCanSelectCases() {
        FakeShell shell = FakeShell.replaying(FIXTURES, name -> name.equals("scancel-verbose-error-invalid-id"));
        assertThat(shell.remainingReplies()).hasSize(1);
        ExecResult r = shell.run("scancel", "-v", "999999");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).contains("Kill job error on job id 999999: Invalid job id specified");
        assertThatThrownBy(() -> FakeShell.replaying(FIXTURES, name -> false)).isInstanceOf(IllegalArgumentException.class);
    }
}
