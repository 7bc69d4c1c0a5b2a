package io.github.slurm4j.exec.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.testkit.ShellContractTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on {@link LocalShell}, started from an environment polluted with every variable
 * that would change Slurm's output, plus what is specific to the local shell.
 */
class LocalShellTest extends ShellContractTest {

    /** What the shell under test starts from: the JVM's environment plus variables it must drop. */
    private static Map<String, String> pollutedEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(SLURM_OUTPUT_VARIABLES);
        env.put("LC_ALL", "de_DE.UTF-8");
        env.put("LC_TIME", "de_DE.UTF-8");
        env.put("SBATCH_WAIT", "1");
        env.put("SCANCEL_INTERACTIVE", "1");
        env.put("SQUEUE_STATES", "all");
        env.put("SLURM_BITSTR_LEN", "5");
        env.put("SLURM_TIME_FORMAT", "relative");
        env.put("LANG", "de_DE.UTF-8");
        env.put("SLURM_CONF", "/etc/slurm/other.conf");
        return env;
    }

    @Override
    protected Shell createShell() {
        return LocalShell.builder().baseEnvironment(pollutedEnvironment()).build();
    }

    @Test
    void slurmConfAndUnrelatedVariablesAreKept() {
        ExecResult r = shell().run("printenv", "SLURM_CONF", "PATH");
        assertThat(r.stdout()).startsWith("/etc/slurm/other.conf\n").contains(System.getenv("PATH"));
        for (String gone : List.of("SBATCH_WAIT", "SCANCEL_INTERACTIVE", "SQUEUE_STATES", "SLURM_BITSTR_LEN", "LC_TIME", "LC_ALL")) {
            assertThat(shell().run("printenv", gone).exitCode()).as(gone).isEqualTo(1);
        }
        assertThat(shell().run("printenv", "LANG", "SLURM_TIME_FORMAT").stdout()).isEqualTo("C.UTF-8\nstandard\n");
    }

    @Test
    void removedVariablesMatchNamesAndPrefixes() {
        assertThat(LocalShell.isRemoved("SQUEUE_FORMAT")).isTrue();
        assertThat(LocalShell.isRemoved("SQUEUE_FORMAT2")).isTrue();
        assertThat(LocalShell.isRemoved("SINFO_SORT")).isTrue();
        assertThat(LocalShell.isRemoved("SACCT_FORMAT")).isTrue();
        assertThat(LocalShell.isRemoved("SCONTROL_FUTURE")).isTrue();
        assertThat(LocalShell.isRemoved("SLURM_CLUSTERS")).isTrue();
        assertThat(LocalShell.isRemoved("LC_ALL")).isTrue();
        assertThat(LocalShell.isRemoved("SLURM_EXIT_ERROR")).isTrue();
        assertThat(LocalShell.isRemoved("SLURM_CONF")).isFalse();
        assertThat(LocalShell.isRemoved("SLURM_CLUSTERS_X")).isFalse();
        assertThat(LocalShell.isRemoved("SLURM_JOB_ID")).isFalse();
        assertThat(LocalShell.isRemoved("PATH")).isFalse();
        assertThat(LocalShell.isRemoved("TZ")).isFalse();
    }

    @Test
    void environmentLayersInOrder() {
        LocalShell shell = LocalShell.builder()
                .baseEnvironment(Map.of("A", "base", "B", "base", "C", "base", "SQUEUE_SORT", "x", "LANG", "fr_FR"))
                .environment("B", "shell").environment("C", "shell").environment("SLURM_TIME_FORMAT", "%s")
                .build();
        try (shell) {
            Map<String, String> env = shell.environmentFor(ExecRequest.builder("true").env("C", "request").build(), Map.of());
            assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of("A", "base", "B", "shell", "C", "request",
                    "LANG", "C.UTF-8", "SLURM_TIME_FORMAT", "%s"));
        }
    }

    @Test
    void withoutABaseEnvironmentTheJvmsIsUsed() {
        try (LocalShell shell = LocalShell.create()) {
            assertThat(shell.run("printenv", "PATH").stdout()).isEqualTo(System.getenv("PATH") + "\n");
        }
    }

    @Test
    void missingProgramIsAShellExceptionNamingIt() {
        assertThatThrownBy(() -> shell().run("slurm4j-missing-program"))
                .isInstanceOf(ShellException.class)
                .isNotInstanceOf(ShellTimeoutException.class)
                .hasMessageContaining("slurm4j-missing-program")
                .hasMessageContaining("local");
    }

    @Test
    void defaultWorkingDirectoryAndRelativePaths(@TempDir Path dir) throws Exception {
        try (LocalShell shell = LocalShell.builder().workingDirectory(dir).build()) {
            assertThat(shell.run("pwd", "-P").stdout()).isEqualTo(dir.toRealPath() + "\n");
            shell.writeFile("script.sh", "echo hi\n".getBytes(StandardCharsets.UTF_8), 0700);
            assertThat(Files.readString(dir.resolve("script.sh"))).isEqualTo("echo hi\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("script.sh"))))
                    .isEqualTo("rwx------");
            Files.createDirectory(dir.resolve("sub"));
            assertThat(shell.run(ExecRequest.builder("pwd", "-P").workingDirectory("sub").build()).stdout())
                    .isEqualTo(dir.toRealPath().resolve("sub") + "\n");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("script.sh", "sub");
            }
        }
    }

    @Test
    void writeFileRejectsSpecialBitsAndReportsIoErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> shell().writeFile(dir.resolve("x").toString(), new byte[0], 04755))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shell().writeFile(dir.resolve("no/such/dir/x").toString(), new byte[0], 0644))
                .isInstanceOf(ShellException.class).hasMessageContaining("no/such/dir/x");
    }

    @Test
    void closeKillsRunningCommands() throws Exception {
        String marker = "302." + System.nanoTime() % 1000000;
        LocalShell shell = LocalShell.builder().killGrace(Duration.ofMillis(200)).build();
        CompletableFuture<ExecResult> f = shell.runAsync(ExecRequest.of("sh", "-c", "sleep \"$1\" & sleep \"$1\"; :", "sh", marker));
        waitFor(() -> ps().contains(marker), "the command started");
        shell.close();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ShellException.class).isNotInstanceOf(ShellTimeoutException.class)
                .hasMessageContaining("closed");
        waitFor(() -> !ps().contains(marker), "every process is gone");
    }

    @Test
    void aCommandIgnoringSigtermIsKilledAfterTheGrace() {
        long start = System.nanoTime();
        try (LocalShell shell = LocalShell.builder().killGrace(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> shell.run(ExecRequest.builder("sh", "-c", "trap '' TERM; printf ready; sleep 30; :")
                    .timeout(Duration.ofMillis(500)).build())).isInstanceOf(ShellTimeoutException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBackgroundProcessHoldingTheOutputEndsAsATimeout() {
        // sh exits after 0.3 s, while the output is being read; the sleep it left behind (no longer
        // its descendant, so out of reach) keeps stdout open: the run still ends, as a timeout
        long start = System.nanoTime();
        assertThatThrownBy(() -> shell().run(ExecRequest.builder("sh", "-c", "sleep 10 & sleep 0.3; exit 0")
                .timeout(Duration.ofMillis(800)).build()))
                .isInstanceOf(ShellTimeoutException.class).hasMessageContaining("kept its output open");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void latencyOfEchoIsMeasured() {
        // measured for the report, not asserted (timing goals are never assertions)
        int n = 300;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            ExecResult r = shell().run("echo", "x");
            nanos[i] = System.nanoTime() - t;
            assertThat(r.stdout()).isEqualTo("x\n");
        }
        long[] raw = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertThat(rawProcessBuilderEcho()).isEqualTo("x\n");
            raw[i] = System.nanoTime() - t;
        }
        System.out.println(summary("LocalShell echo x", nanos));
        System.out.println(summary("bare ProcessBuilder echo x", raw));
    }

    private static String summary(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("%s: median %.2f ms, p90 %.2f ms, min %.2f ms (n=%d)", what, sorted[n / 2] / 1e6,
                sorted[n * 9 / 10] / 1e6, sorted[0] / 1e6, n);
    }

    private static String rawProcessBuilderEcho() {
        try {
            Process p = new ProcessBuilder("echo", "x").start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            p.waitFor();
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ps() {
        try {
            Process p = new ProcessBuilder("ps", "-eo", "stat=,args=").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            StringBuilder live = new StringBuilder();
            for (String line : out.split("\n")) {
                if (!line.strip().startsWith("Z")) {
                    live.append(line).append('\n');
                }
            }
            return live.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
