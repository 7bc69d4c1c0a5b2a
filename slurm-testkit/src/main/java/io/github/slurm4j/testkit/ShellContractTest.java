package io.github.slurm4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StreamResult;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Shell} keeps, local or remote. An implementation's test extends this
 * class and says how to make its shell ({@link #createShell()}); the shell is created once per
 * class and closed after the last test.
 *
 * <p>The target the shell runs commands on must be this machine (for a remote shell: the lab's
 * sshd on 127.0.0.1): some checks look at the result from here as well, with a fresh local
 * {@link ProcessBuilder} (no process left behind after a timeout) or {@link Files} (the canary
 * file of the injection cases never exists).
 *
 * <p>Where a local and a remote shell genuinely differ the test accepts both behaviours, and
 * says so: a program that does not exist is a {@link ShellException} for a local shell but, over
 * SSH, the remote shell's exit 127; a working directory that does not exist is likewise an
 * exception or a non-zero exit, provided the command did not run.
 *
 * <p>Keep it fast (the whole class runs in well under a minute): it also runs over SSH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ShellContractTest {

    /**
     * Variables that change what Slurm prints, with values that would break a parser. A subclass
     * should put them into the environment its shell starts from (the JVM's for a local shell,
     * the sshd's for a remote one) so that {@link #environmentIsControlled()} shows they are removed.
     */
    protected static final Map<String, String> SLURM_OUTPUT_VARIABLES = Map.of(
            "SQUEUE_FORMAT", "%i %j",
            "SQUEUE_FORMAT2", "jobid:10,name:20",
            "SQUEUE_SORT", "-t",
            "SINFO_FORMAT", "%P %a",
            "SINFO_SORT", "-P",
            "SACCT_FORMAT", "JobID,State",
            "SLURM_CLUSTERS", "othercluster");

    private static final String ALPHABET_LINE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Shell shell;
    /** A fresh directory on the target, created (and removed) through the shell. */
    private String scratch;
    /** A file the injection cases would create if anything interpreted them; must never exist. */
    private final String canary = "/tmp/slurm4j-contract-canary-" + UUID.randomUUID();

    /**
     * Makes the shell under test: once for the class, and once more for the test that closes its
     * own shell.
     *
     * @return a new, open shell; the test class closes it
     */
    protected abstract Shell createShell();

    /** {@return the shell under test, made by {@link #createShell()} before the first test} */
    protected final Shell shell() {
        return shell;
    }

    /** {@return a directory on the target where the test may create its scratch folder; {@code /tmp} unless overridden} */
    protected String scratchParent() {
        return "/tmp";
    }

    @BeforeAll
    void openShell() {
        shell = createShell();
        ExecResult r = ok(ExecRequest.of("mktemp", "-d", scratchParent() + "/slurm4j-contract-XXXXXX"));
        scratch = r.stdout().strip();
        assertThat(scratch).startsWith(scratchParent() + "/slurm4j-contract-");
    }

    @AfterAll
    void closeShell() {
        if (shell == null) {
            return;
        }
        try {
            if (scratch != null) {
                shell.run("rm", "-rf", "--", scratch);
            }
        } finally {
            shell.close();
        }
    }

    @AfterEach
    void canaryNeverExists() {
        assertThat(Files.exists(Path.of(canary))).as("canary %s exists: something interpreted an argument", canary)
                .isFalse();
    }

    // ---------------------------------------------------------------- arguments

    Stream<String> hostileArguments() {
        String t = "touch " + canary;
        return Stream.of(";", "a; " + t, "&&", "true && " + t, "|", "x | " + t, "||", "false || " + t,
                "$(" + t + ")", "`" + t + "`", "&", t + " &", "> " + canary, "<", "(", ")", "{}", "[]", "?",
                "'", "it's", "'" + t + "'", "\"", "say \"hi\"", "\"$(" + t + ")\"", "\\", "back\\slash\\n", "\\'",
                "line1\nline2", "\n", "tab\there", "\t", "\r", "*", "/*", "~", "~/x", "~root", "$HOME", "${HOME}",
                "$0 $1 $@ $$", "!", "!!", "#comment", "a=b", "%s %d %%", "", " ", "  two spaces  ", "-n", "-e",
                "--help", "-", "--", "中文参数 汉字", "😀🎉 emoji", "é\u0301", "\u001b[31mred\u001b[0m",
                hostile4k());
    }

    private String hostile4k() {
        StringBuilder sb = new StringBuilder();
        String chunk = "a'b\"c\\d$(e)`f`;g|h&i*j~k\nl\tm中😀";
        while (sb.length() < 4096) {
            sb.append(chunk);
        }
        return sb.substring(0, 4096);
    }

    @ParameterizedTest
    @MethodSource("hostileArguments")
    void argumentArrivesVerbatim(String arg) {
        List<String> args = List.of("before", arg, "after");
        ExecResult r = ok(printfArgs(args));
        assertThat(r.stdoutBytes()).isEqualTo(nulJoined(args));
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void allHostileArgumentsInOneCommand() {
        List<String> args = hostileArguments().toList();
        ExecResult r = ok(printfArgs(args));
        assertThat(r.stdoutBytes()).isEqualTo(nulJoined(args));
        assertThat(canaryOnTarget()).isFalse();
    }

    @Test
    void argumentsReachAShellScriptVerbatim() {
        // the same through sh's "$@": what a job script sees of its arguments
        List<String> args = hostileArguments().toList();
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done", "sh"));
        cmd.addAll(args);
        ExecResult r = ok(ExecRequest.of(cmd));
        assertThat(r.stdoutBytes()).isEqualTo(nulJoined(args));
    }

    @Test
    void programNameIsNotInterpreted() {
        ExecRequest request = ExecRequest.of("true; touch " + canary);
        expectMissingProgram(request, "true; touch");
        assertThat(canaryOnTarget()).isFalse();
    }

    @Test
    void nulCannotBePassed() {
        assertThatThrownBy(() -> ExecRequest.of("printf", "a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- exit codes, outputs

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 255})
    void exitCodeIsReported(int code) {
        ExecResult r = shell.run(ExecRequest.of("sh", "-c", "exit \"$1\"", "sh", Integer.toString(code)));
        assertThat(r.exitCode()).isEqualTo(code);
        assertThat(r.isSuccess()).isEqualTo(code == 0);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.truncated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM:15", "KILL:9", "INT:2"})
    void signalDeathIs128PlusN(String signal) {
        String[] parts = signal.split(":");
        ExecResult r = shell.run(ExecRequest.of("sh", "-c", "printf before; kill -" + parts[0] + " $$; printf after"));
        assertThat(r.exitCode()).isEqualTo(128 + Integer.parseInt(parts[1]));
        assertThat(r.stdout()).isEqualTo("before");
    }

    @Test
    void resultDescribesTheRun() {
        ExecRequest request = ExecRequest.of("sleep", "0.2");
        ExecResult r = ok(request);
        assertThat(r.command()).isEqualTo(request.command());
        assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void stderrIsSeparateFromStdout() {
        ExecResult r = shell.run(ExecRequest.of("sh", "-c", "printf out1; printf err1 >&2; printf out2; printf err2 >&2; exit 4"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stdout()).isEqualTo("out1out2");
        assertThat(r.stderr()).isEqualTo("err1err2");
    }

    @Test
    void bothOutputsAreDrainedConcurrently() {
        // 2 MiB on stderr before anything on stdout: a shell reading stdout first would deadlock
        ExecResult r = ok(ExecRequest.builder("sh", "-c",
                "head -c 2097152 /dev/zero | tr '\\0' e >&2; head -c 2097152 /dev/zero | tr '\\0' o")
                .timeout(Duration.ofSeconds(30)).build());
        assertThat(r.stderrBytes()).hasSize(2097152).containsOnly((byte) 'e');
        assertThat(r.stdoutBytes()).hasSize(2097152).containsOnly((byte) 'o');
    }

    @Test
    void unicodeOutput() {
        String text = "héllo wörld 中文 汉字 😀🎉 ñ";
        ExecResult r = ok(ExecRequest.of("sh", "-c", "printf '%s' \"$1\"; printf '%s' \"$1\" >&2", "sh", text));
        assertThat(r.stdout()).isEqualTo(text);
        assertThat(r.stderr()).isEqualTo(text);
        assertThat(r.stdoutBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fiftyMegabytesOfStdout() throws Exception {
        long size = 50L * 1024 * 1024;
        ExecResult r = ok(ExecRequest.builder("sh", "-c", "yes " + ALPHABET_LINE + " | head -c " + size)
                .timeout(Duration.ofSeconds(60)).build());
        assertThat(r.truncated()).isFalse();
        assertThat((long) r.stdoutBytes().length).isEqualTo(size);
        assertThat(sha256(r.stdoutBytes())).isEqualTo(sha256OfRepeatedLine(size));
    }

    @Test
    void outputLimitKeepsExactlyLimitBytes() {
        ExecResult r = shell.run(ExecRequest.builder("sh", "-c", "yes " + ALPHABET_LINE + " | head -c 100000; exit 5")
                .outputLimit(1000).build());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.truncated()).isTrue();
        assertThat(r.stdoutBytes()).isEqualTo(Arrays.copyOf(repeatedLine(100000), 1000));
    }

    @Test
    void outputLimitAppliesToStderrToo() {
        ExecResult r = ok(ExecRequest.builder("sh", "-c", "yes e | head -c 50000 >&2; printf ok").outputLimit(10).build());
        assertThat(r.truncated()).isTrue();
        assertThat(r.stderr()).isEqualTo("e\ne\ne\ne\ne\n");
        assertThat(r.stdout()).isEqualTo("ok");
    }

    @Test
    void outputOfExactlyTheLimitIsNotTruncated() {
        ExecResult exact = ok(ExecRequest.builder("printf", "12345").outputLimit(5).build());
        assertThat(exact.stdout()).isEqualTo("12345");
        assertThat(exact.truncated()).isFalse();
        ExecResult over = ok(ExecRequest.builder("printf", "12345").outputLimit(4).build());
        assertThat(over.stdout()).isEqualTo("1234");
        assertThat(over.truncated()).isTrue();
    }

    // ---------------------------------------------------------------- environment, directory, stdin

    @Test
    void environmentIsControlled() {
        Map<String, String> env = environment(ExecRequest.builder("env", "-0").build());
        assertThat(env).containsEntry("LANG", "C.UTF-8").containsEntry("SLURM_TIME_FORMAT", "standard");
        assertThat(env).doesNotContainKeys(SLURM_OUTPUT_VARIABLES.keySet().toArray(String[]::new));
        // LC_ALL would override LANG
        assertThat(env.getOrDefault("LC_ALL", "C.UTF-8")).isEqualTo("C.UTF-8");
    }

    @Test
    void requestEnvironmentIsAppliedLastAndVerbatim() {
        String hostile = "a b'c\"d $(touch " + canary + ") `x` \\ \n中😀 $HOME";
        Map<String, String> env = environment(ExecRequest.builder("env", "-0")
                .env("SLURM4J_CONTRACT", hostile)
                .env("SLURM_TIME_FORMAT", "%s")
                .env("SQUEUE_FORMAT", "%i")
                .env("EMPTY_ONE", "")
                .build());
        assertThat(env).containsEntry("SLURM4J_CONTRACT", hostile)
                .containsEntry("SLURM_TIME_FORMAT", "%s")
                .containsEntry("SQUEUE_FORMAT", "%i")
                .containsEntry("EMPTY_ONE", "")
                .containsEntry("LANG", "C.UTF-8");
        assertThat(canaryOnTarget()).isFalse();
    }

    @Test
    void workingDirectoryWithSpacesAndQuotes() {
        String dir = scratch + "/dir with spaces 'q' \"dq\" $(touch " + canary + ") 中";
        ok(ExecRequest.of("mkdir", "-p", "--", dir));
        ExecResult pwd = ok(ExecRequest.builder("pwd", "-P").workingDirectory(dir).build());
        assertThat(pwd.stdout()).isEqualTo(dir + "\n");
        ok(ExecRequest.builder("touch", "relative-file").workingDirectory(dir).build());
        ExecResult ls = ok(ExecRequest.of("ls", "-A", "--", dir));
        assertThat(ls.stdout()).isEqualTo("relative-file\n");
        assertThat(canaryOnTarget()).isFalse();
    }

    @Test
    void missingWorkingDirectoryDoesNotRunTheCommand() {
        String marker = scratch + "/ran-" + UUID.randomUUID();
        ExecRequest request = ExecRequest.builder("touch", marker).workingDirectory(scratch + "/no such dir").build();
        // local: the process cannot start (ShellException); over SSH: the remote shell's cd fails (non-zero)
        try {
            ExecResult r = shell.run(request);
            assertThat(r.exitCode()).as("exit code of %s", r).isNotZero();
        } catch (ShellException e) {
            assertThat(e.getMessage()).contains("no such dir");
        }
        assertThat(shell.run("test", "-e", marker).exitCode()).as("the command ran").isEqualTo(1);
    }

    @Test
    void stdinBytes() {
        byte[] all = new byte[1024];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ExecResult r = ok(ExecRequest.builder("cat").stdin(all).build());
        assertThat(r.stdoutBytes()).isEqualTo(all);
    }

    @Test
    void stdinTextIsNotInterpreted() {
        ExecResult r = ok(ExecRequest.builder("sh", "-c", "read -r line; printf '[%s]' \"$line\"")
                .stdin("$(touch " + canary + ") 'q' \\n 中\nsecond line\n").build());
        assertThat(r.stdout()).isEqualTo("[$(touch " + canary + ") 'q' \\n 中]");
    }

    @Test
    void stdinStreamOfOneMegabyteRoundTrips() {
        byte[] data = new byte[1024 * 1024];
        new Random(42).nextBytes(data);
        ExecResult r = ok(ExecRequest.builder("cat").stdin(new ByteArrayInputStream(data))
                .timeout(Duration.ofSeconds(30)).build());
        assertThat(r.stdoutBytes()).hasSize(data.length).isEqualTo(data);
    }

    @Test
    void withoutStdinTheCommandReadsEndOfFileAtOnce() {
        ExecResult r = shell.run(ExecRequest.builder("cat").timeout(Duration.ofSeconds(10)).build());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdoutBytes()).isEmpty();
        ExecResult read = shell.run(ExecRequest.builder("sh", "-c", "if read -r x; then echo got; else echo eof; fi")
                .timeout(Duration.ofSeconds(10)).build());
        assertThat(read.stdout()).isEqualTo("eof\n");
    }

    @Test
    void aCommandThatDoesNotReadItsStdinStillFinishes() {
        byte[] data = new byte[4 * 1024 * 1024];
        ExecResult r = ok(ExecRequest.builder("printf", "done").stdin(data).timeout(Duration.ofSeconds(20)).build());
        assertThat(r.stdout()).isEqualTo("done");
    }

    // ---------------------------------------------------------------- timeout

    @Test
    void timeoutKillsTheCommandAndEveryProcessItStarted() throws Exception {
        // a unique sleep length is the marker: it is in the command line of every process of the tree
        String marker = "301." + (100000 + ThreadLocalRandom.current().nextInt(899999));
        ExecRequest request = ExecRequest.builder("sh", "-c",
                        "sh -c 'sleep \"$0\"; :' \"$1\" & sleep \"$1\"; :", "outer", marker)
                .timeout(Duration.ofSeconds(3)).build();
        long start = System.nanoTime();
        CompletableFuture<ExecResult> future = shell.runAsync(request);
        // outer sh, inner sh, two sleeps (a remote shell may add its own wrapper)
        awaitProcesses(marker, 4, Duration.ofSeconds(10));
        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ShellTimeoutException.class)
                .satisfies(e -> assertThat(((ShellTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(3)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to the timeout exception").isLessThan(Duration.ofSeconds(3 + 5));
        awaitProcesses(marker, 0, Duration.ofSeconds(5));
    }

    @Test
    void timeoutOfABlockingRun() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> shell.run(ExecRequest.builder("sleep", "30").timeout(Duration.ofMillis(500)).build()))
                .isInstanceOf(ShellTimeoutException.class)
                .hasMessageContaining("sleep 30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void streamHandsStdoutOverAsItArrives() {
        // The second line is printed only after the command has read a line from its stdin, and
        // that line is sent only once the reader has seen the first output line: a shell that
        // buffered stdout until the end could never finish (it would time out).
        CountDownLatch seenFirst = new CountDownLatch(1);
        InputStream gate = new InputStream() {
            private final byte[] line = "go\n".getBytes(StandardCharsets.US_ASCII);
            private int pos;

            @Override
            public int read() throws IOException {
                try {
                    seenFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                return pos < line.length ? line[pos++] : -1;
            }
        };
        ExecRequest request = ExecRequest.builder("sh", "-c", "echo first; read -r x; echo \"second $x\"")
                .stdin(gate).timeout(Duration.ofSeconds(20)).build();
        StreamResult<List<String>> result = shell.stream(request, in -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            lines.add(reader.readLine());
            seenFirst.countDown();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        });
        assertThat(result.failure()).isNull();
        assertThat(result.value()).containsExactly("first", "second go");
        assertThat(result.status().exitCode()).isZero();
        assertThat(result.status().stdoutBytes()).isEmpty();
    }

    @Test
    void streamSeesTheFirstLineBeforeTheCommandEnds() {
        AtomicLong firstAt = new AtomicLong();
        AtomicLong endAt = new AtomicLong();
        StreamResult<String> result = shell.stream(ExecRequest.of("sh", "-c", "echo one; sleep 2; echo two"), in -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String first = reader.readLine();
            firstAt.set(System.nanoTime());
            String second = reader.readLine();
            assertThat(reader.readLine()).isNull();
            endAt.set(System.nanoTime());
            return first + "," + second;
        });
        assertThat(result.valueOrThrow()).isEqualTo("one,two");
        // the command sleeps 2 s between the lines: the first must have arrived well before the end
        assertThat(Duration.ofNanos(endAt.get() - firstAt.get())).isGreaterThan(Duration.ofMillis(1000));
    }

    @Test
    void streamReaderThatThrowsIsReportedWithTheExitCode() {
        IOException boom = new IOException("reader broke");
        StreamResult<String> result = shell.stream(ExecRequest.of("sh", "-c", "echo x; echo problem >&2; exit 3"), in -> {
            in.read();
            throw boom;
        });
        assertThat(result.failure()).isSameAs(boom);
        assertThat(result.value()).isNull();
        assertThat(result.status().exitCode()).isEqualTo(3);
        assertThat(result.status().stderr()).isEqualTo("problem\n");
        assertThatThrownBy(result::valueOrThrow).isInstanceOf(ShellException.class).hasCause(boom);
    }

    @Test
    void streamReaderThatStopsEarlyDoesNotHangAndTheRestIsDrained() {
        StreamResult<String> result = shell.stream(ExecRequest.builder("seq", "1", "2000000")
                .timeout(Duration.ofSeconds(30)).build(), in -> {
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    return reader.readLine();
                });
        assertThat(result.valueOrThrow()).isEqualTo("1");
        // drained, not cut: seq was not killed by SIGPIPE (141)
        assertThat(result.status().exitCode()).isZero();
    }

    @Test
    void streamStopsAtTheOutputLimit() {
        StreamResult<byte[]> result = shell.stream(ExecRequest.builder("sh", "-c", "yes " + ALPHABET_LINE + " | head -c 100000")
                .outputLimit(1000).build(), InputStream::readAllBytes);
        assertThat(result.valueOrThrow()).isEqualTo(Arrays.copyOf(repeatedLine(100000), 1000));
        assertThat(result.status().truncated()).isTrue();
        assertThat(result.status().exitCode()).isZero();
    }

    @Test
    void streamTimeout() {
        assertThatThrownBy(() -> shell.stream(ExecRequest.builder("sh", "-c", "echo x; sleep 30").timeout(Duration.ofMillis(700)).build(),
                InputStream::readAllBytes)).isInstanceOf(ShellTimeoutException.class);
    }

    // ---------------------------------------------------------------- async, concurrency

    @Test
    void runAsync() throws Exception {
        ExecResult r = shell.runAsync(ExecRequest.of("printf", "%s", "async 中")).get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("async 中");
    }

    @Test
    void runAsyncFailsWithTheShellException() {
        CompletableFuture<ExecResult> f = shell.runAsync(ExecRequest.builder("sleep", "30").timeout(Duration.ofMillis(500)).build());
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ShellTimeoutException.class);
    }

    @Test
    void eightConcurrentCommandsAreAllCorrect() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExecResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String arg = "job-" + i + " '中' $(x)";
                String code = Integer.toString(10 + i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return shell.run(ExecRequest.of("sh", "-c",
                            "sleep 0.3; printf '%s' \"$1\"; printf '%s' \"$2\" >&2; exit \"$2\"", "sh", arg, code));
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                ExecResult r = futures.get(i).get(30, TimeUnit.SECONDS);
                assertThat(r.stdout()).isEqualTo("job-" + i + " '中' $(x)");
                assertThat(r.stderr()).isEqualTo(Integer.toString(10 + i));
                assertThat(r.exitCode()).isEqualTo(10 + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- missing program

    @Test
    void missingProgram() {
        expectMissingProgram(ExecRequest.of("slurm4j-no-such-program"), "slurm4j-no-such-program");
    }

    // ---------------------------------------------------------------- files

    @Test
    void writeFileWithContentAndPermissions() {
        String path = scratch + "/job script 中.sh";
        byte[] content = "#!/bin/sh\nprintf 'ran %s' \"$1\"\n# 中😀 $(x) `y`".getBytes(StandardCharsets.UTF_8);
        shell.writeFile(path, content, 0750);
        assertThat(ok(ExecRequest.of("cat", "--", path)).stdoutBytes()).isEqualTo(content);
        assertThat(ok(ExecRequest.of("stat", "-c", "%a", "--", path)).stdout()).isEqualTo("750\n");
        assertThat(ok(ExecRequest.of(path, "arg 1")).stdout()).isEqualTo("ran arg 1");

        byte[] shorter = "short".getBytes(StandardCharsets.UTF_8);
        shell.writeFile(path, shorter, 0600);
        assertThat(ok(ExecRequest.of("cat", "--", path)).stdoutBytes()).isEqualTo(shorter);
        assertThat(ok(ExecRequest.of("stat", "-c", "%a", "--", path)).stdout()).isEqualTo("600\n");
    }

    @Test
    void writeFileReplacesTheFileWholeNeverInPlace() {
        String path = scratch + "/replaced.sh";
        shell.writeFile(path, "old".getBytes(StandardCharsets.UTF_8), 0644);
        // a second name for the old file: a write in place (truncate, write) would change it too
        ok(ExecRequest.of("ln", "--", path, scratch + "/old-link"));
        shell.writeFile(path, "new".getBytes(StandardCharsets.UTF_8), 0640);
        assertThat(ok(ExecRequest.of("cat", "--", path)).stdout()).isEqualTo("new");
        assertThat(ok(ExecRequest.of("cat", "--", scratch + "/old-link")).stdout()).isEqualTo("old");
        assertThat(ok(ExecRequest.of("stat", "-c", "%a", "--", path)).stdout()).isEqualTo("640\n");
        // no temporary file is left beside it
        assertThat(ok(ExecRequest.of("ls", "-A", "--", scratch)).stdout().lines().filter(f -> f.endsWith(".tmp")))
                .isEmpty();
    }

    @Test
    void writeFileThatFailsLeavesTheOldFileAndNoTemporaryFile() {
        String dir = scratch + "/read-only dir";
        ok(ExecRequest.of("mkdir", "--", dir));
        String path = dir + "/kept";
        shell.writeFile(path, "kept".getBytes(StandardCharsets.UTF_8), 0644);
        ok(ExecRequest.of("chmod", "555", "--", dir));
        try {
            boolean root = ok(ExecRequest.of("id", "-u")).stdout().strip().equals("0");
            if (!root) {
                // a directory nobody may write to: the temporary file cannot be made
                assertThatThrownBy(() -> shell.writeFile(path, "new".getBytes(StandardCharsets.UTF_8), 0644))
                        .isInstanceOf(ShellException.class).hasMessageContaining(path);
                assertThat(ok(ExecRequest.of("cat", "--", path)).stdout()).isEqualTo("kept");
                assertThat(ok(ExecRequest.of("ls", "-A", "--", dir)).stdout()).isEqualTo("kept\n");
            }
        } finally {
            ok(ExecRequest.of("chmod", "755", "--", dir));
        }
        assertThatThrownBy(() -> shell.writeFile(scratch + "/no such dir/x", new byte[1], 0644))
                .isInstanceOf(ShellException.class);
        assertThat(ok(ExecRequest.of("ls", "-A", "--", scratch)).stdout().lines().filter(f -> f.endsWith(".tmp")))
                .isEmpty();
    }

    @Test
    void writeFileOfNothing() {
        String path = scratch + "/empty";
        shell.writeFile(path, new byte[0], 0644);
        assertThat(ok(ExecRequest.of("stat", "-c", "%s %a", "--", path)).stdout()).isEqualTo("0 644\n");
    }

    // ---------------------------------------------------------------- close

    @Test
    void closeIsIdempotentAndARunAfterCloseFails() {
        Shell other = createShell();
        assertThat(other.run("printf", "x").stdout()).isEqualTo("x");
        other.close();
        other.close();
        assertThatThrownBy(() -> other.run("printf", "x")).isInstanceOf(ShellException.class);
        assertThatThrownBy(() -> other.stream(ExecRequest.of("printf", "x"), InputStream::readAllBytes))
                .isInstanceOf(ShellException.class);
        assertThatThrownBy(() -> other.writeFile(scratch + "/after-close", new byte[0], 0600))
                .isInstanceOf(ShellException.class);
        assertThatThrownBy(() -> other.runAsync(ExecRequest.of("printf", "x")).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ShellException.class);
        assertThat(other.target()).isNotBlank();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs {@code request} and asserts exit 0 (showing stderr otherwise).
     *
     * @param request the command
     * @return the result, exit code 0
     */
    protected final ExecResult ok(ExecRequest request) {
        ExecResult r = shell.run(request);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", request, r.stderr()).isZero();
        return r;
    }

    private ExecRequest printfArgs(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("printf", "%s\\0"));
        cmd.addAll(args);
        return ExecRequest.of(cmd);
    }

    private static byte[] nulJoined(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String a : args) {
            out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private boolean canaryOnTarget() {
        return shell.run("test", "-e", canary).exitCode() == 0;
    }

    private Map<String, String> environment(ExecRequest request) {
        ExecResult r = ok(request);
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : r.stdout().split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private void expectMissingProgram(ExecRequest request, String name) {
        // local: the program cannot be started (ShellException); over SSH the remote shell reports 127
        ExecResult r;
        try {
            r = shell.run(request);
        } catch (ShellException e) {
            assertThat(e).isNotInstanceOf(ShellTimeoutException.class);
            assertThat(e.getMessage()).contains(name);
            return;
        }
        assertThat(r.exitCode()).as("%s", r).isEqualTo(127);
        assertThat(r.stderr()).contains(name);
    }

    private static byte[] repeatedLine(int size) {
        byte[] line = (ALPHABET_LINE + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    private static String sha256OfRepeatedLine(long size) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] line = (ALPHABET_LINE + "\n").getBytes(StandardCharsets.US_ASCII);
        long left = size;
        while (left >= line.length) {
            md.update(line);
            left -= line.length;
        }
        md.update(line, 0, (int) left);
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /**
     * Waits until at least {@code expected} (or, for 0, no) live processes on this machine have {@code marker} in
     * their command line, looking with a fresh local {@code ps} (not through the shell under test).
     */
    private static void awaitProcesses(String marker, int expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> seen;
        do {
            seen = processesWith(marker);
            if (expected == 0 ? seen.isEmpty() : seen.size() >= expected) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        fail("expected " + expected + " processes with " + marker + " within " + within + ", saw " + seen);
    }

    private static List<String> processesWith(String marker) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ps", "-eo", "pid=,stat=,args=").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ps did not finish");
        }
        List<String> found = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length == 3 && !f[1].startsWith("Z") && f[2].contains(marker)) {
                found.add(line.strip());
            }
        }
        return found;
    }
}
