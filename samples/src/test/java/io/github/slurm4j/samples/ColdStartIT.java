package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.slurm4j.testkit.Lab;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged samples jar, started as a fresh JVM the way a user starts it, loads no SSH, crypto
 * or JSON library for a local command: sshj ({@code net.schmizz}, {@code com.hierynomus}) and
 * BouncyCastle (signed jars alone cost ~150 ms of start-up) only when {@code --ssh} is given, and
 * Jackson databind only for the {@code parse} tool ({@code jobs} writes its JSON itself). Not
 * asserted: jackson-core, which {@code SlurmErrors} (slurm-parsers) loads today through a static
 * {@code JsonFactory} for every command, not only for {@code --json} outputs. Runs after the
 * shaded jar is packaged (Failsafe). Needs the lab's Slurm: skipped without it, a failure with
 * {@code CI=true}.
 */
class ColdStartIT {
    private static final Path JAR = Path.of("target", "slurm4j-samples.jar");
    private static final List<String> NOT_FOR_LOCAL = List.of("net.schmizz.", "com.hierynomus.", "org.bouncycastle.",
            "com.fasterxml.jackson.databind.");
    private static final Pattern LOAD_LINE = Pattern.compile("\\[class,load\\] (\\S+) source: ");

    @Test
    void localJobsLoadsNoSshCryptoOrJacksonDatabindClass(@TempDir Path tmp) throws Exception {
        Lab.requireSlurm();
        Run run = run(tmp, List.of("jobs", "--all"));

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.stdout.strip()).as("jobs prints a JSON array").startsWith("[").endsWith("]");
        assertThat(run.stderr).isEmpty();
        assertThat(run.classes).as("classes loaded (the log must be real)")
                .contains("io.github.slurm4j.samples.Main", "io.github.slurm4j.exec.local.LocalShell");
        assertThat(run.classes.stream().filter(c -> NOT_FOR_LOCAL.stream().anyMatch(c::startsWith)).toList())
                .as("sshj, BouncyCastle or Jackson databind classes loaded by a local `jobs --all`")
                .isEmpty();
    }

    /**
     * The samples bring a quiet slf4j binding: a run prints no "No SLF4J providers" warning (nor
     * anything else) on stderr. Needs no lab: the parse tool on a captured sbatch output.
     */
    @Test
    void aRunPrintsNoLoggingWarning(@TempDir Path tmp) throws Exception {
        Path out = Files.writeString(tmp.resolve("out.txt"), "4242\n");
        Run run = run(tmp, List.of("parse", "--cmd", "sbatch --parsable", "--stdout", out.toString()));

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).contains("4242");
        assertThat(run.stderr).isEmpty();
    }

    /** A refused host key: one stderr line, the typed error; no sshj ERROR lines, no stack trace. */
    @Test
    void aRefusedHostKeyIsOneLine(@TempDir Path tmp) throws Exception {
        Lab.requireSshd();
        Run run = run(tmp, List.of("jobs", "--ssh", Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT,
                "--identity", Lab.userKey().toString(), "--known-hosts", "/dev/null"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr.lines().toList()).hasSize(1);
        assertThat(run.stderr).startsWith("error: host_key_rejected: ").contains("SHA256:");
    }

    /** The same check sees sshj and BouncyCastle when they are used: the test above cannot pass by accident. */
    @Test
    void jobsOverSshDoesLoadSshjAndBouncyCastle(@TempDir Path tmp) throws Exception {
        Lab.requireSlurm();
        Lab.requireSshd();
        Path key = Lab.userKey();
        Path knownHosts = Lab.knownHosts();
        Run run = run(tmp, List.of("jobs", "--all", "--ssh", Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT, "--identity", key.toString(),
                "--known-hosts", knownHosts.toString()));

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.stdout.strip()).startsWith("[").endsWith("]");
        assertThat(run.classes).anyMatch(c -> c.startsWith("net.schmizz.sshj."));
        assertThat(run.classes).anyMatch(c -> c.startsWith("org.bouncycastle."));
        assertThat(run.stderr).as("sshj's INFO lines are DEBUG").isEmpty();
    }

    private record Run(int exitCode, String stdout, String stderr, List<String> classes) {
    }

    /** {@code java -Xlog:class+load=info -jar target/slurm4j-samples.jar <args>}, the log to a file. */
    private static Run run(Path tmp, List<String> args) throws IOException, InterruptedException {
        assertThat(JAR).as("the shaded samples jar (packaged before the ITs run)").isRegularFile();
        Path log = tmp.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOAD_LINE.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        return new Run(p.exitValue(), out, err.join(), classes);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

}
