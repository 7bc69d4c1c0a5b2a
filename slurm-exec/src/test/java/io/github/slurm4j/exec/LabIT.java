package io.github.slurm4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab that {@code scripts/lab.sh up} promises, checked with plain processes (no slurm4j code):
 * alice logs in over the lab sshd with a strictly checked host key, a job submitted by root completes
 * and reaches accounting, and the node has the CPUs the ITs count on.
 */
@UsesLab({"22.05", "24.11", "26.05"})
class LabIT {

    @BeforeAll
    static void lab() {
        Lab.requireSlurm();
        Lab.requireSshd();
    }

    @Test
    void aliceLogsInWithHerKeyAndAStrictlyCheckedHostKey() {
        Out out = run(60, "ssh", "-F", "/dev/null", "-p", String.valueOf(Lab.SSH_PORT),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + Lab.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-i", Lab.userKey().toString(),
                Lab.SSH_USER + "@" + Lab.SSH_HOST, "id", "-un");

        assertThat(out.exitCode).as("ssh exit code; stderr: %s", out.stderr).isZero();
        assertThat(out.stdout).isEqualTo("alice\n");
    }

    /** Each lab cluster answers over its own sshd, with its own known_hosts, as the Slurm it claims to be. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void everyClusterAnswersAliceOverItsOwnSshdWithItsVersion(LabCluster cluster) {
        cluster.requireSshd();
        Out out = run(60, "ssh", "-F", "/dev/null", "-p", String.valueOf(cluster.sshPort()),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + cluster.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-i", cluster.userKey().toString(),
                cluster.sshUser() + "@" + cluster.sshHost(), "sinfo", "--version");
        assertThat(out.exitCode).as("ssh exit code; stderr: %s", out.stderr).isZero();
        assertThat(out.stdout).matches("slurm(-wlm)? " + Pattern.quote(cluster.version()) + "\\.\\d+\n");
    }

    static List<LabCluster> clusters() {
        return Lab.CLUSTERS;
    }

    @Test
    void aBatchJobOfRootCompletesAndIsAccounted() throws InterruptedException {
        Out submit = run(30, "sbatch", "--parsable", "--chdir=/tmp", "--output=/dev/null",
                "--job-name=lab-it", "--wrap", "sleep 1");
        assertThat(submit.exitCode).as("sbatch exit code; stderr: %s", submit.stderr).isZero();
        String jobId = submit.stdout.strip().split(";")[0];
        assertThat(jobId).as("sbatch --parsable output").matches("\\d+");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = "";
        while (System.nanoTime() < deadline) {
            Out sacct = run(30, "sacct", "-n", "-X", "-P", "-j", jobId, "-o", "JobID,State");
            state = sacct.stdout.strip();
            if (state.equals(jobId + "|COMPLETED")) {
                return;
            }
            Thread.sleep(500);
        }
        fail("job " + jobId + " is not COMPLETED in sacct after 60 s; last sacct line: '" + state + "'");
    }

    @Test
    void theLabNodeHasEightCpus() {
        Out out = run(30, "scontrol", "show", "node", "localhost");

        assertThat(out.exitCode).as("scontrol exit code; stderr: %s", out.stderr).isZero();
        Matcher m = Pattern.compile("\\bCPUTot=(\\d+)").matcher(out.stdout);
        assertThat(m.find()).as("CPUTot in %s", out.stdout).isTrue();
        assertThat(m.group(1)).isEqualTo("8");
        assertThat(out.stdout).contains("NodeName=localhost");
    }

    private record Out(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with stdin closed, both outputs read on their own threads, within a time limit. */
    private static Out run(int timeoutSeconds, String... command) {
        String line = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = readAsync(p.getInputStream());
            CompletableFuture<String> err = readAsync(p.getErrorStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(line + " did not finish in " + timeoutSeconds + " s");
            }
            return new Out(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (IOException | ExecutionException | TimeoutException e) {
            return fail("cannot run " + line + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + line);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
