package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one quoting function, checked by running its output through a real local {@code sh -c}. */
class RemoteCommandLineTest {
    static final List<String> HOSTILE = List.of(
            "plain", "", " ", "a b", "semi;colon", "a && b", "x | y", "$(touch /tmp/slurm4j-canary)",
            "`touch /tmp/slurm4j-canary`", "it's", "'", "''", "'\\''", "\"double\"", "back\\slash", "\\",
            "new\nline", "tab\there", "*", "~", "~root", "-n", "--", "-e", "$HOME", "${PATH}", "!", "#comment",
            "a=b", "LANG=xx", "中文字符", "emoji 😀", "trailing\n", "\r\n", "%s%n", "{a,b}", "[ab]", "?",
            "x".repeat(4096));

    private static String[] sh(String line, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String[] {new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
                String.valueOf(p.exitValue())};
    }

    @Test
    void everyWordReachesTheProgramVerbatim() throws Exception {
        List<String> words = new ArrayList<>(List.of("printf", "%s\\0"));
        words.addAll(HOSTILE);
        String[] r = sh(RemoteCommandLine.quote(words), null);
        assertThat(r[2]).isEqualTo("0");
        List<String> got = Arrays.asList(r[0].split("\0", -1)).subList(0, HOSTILE.size());
        assertThat(got).containsExactlyElementsOf(HOSTILE);
        assertThat(Path.of("/tmp/slurm4j-canary")).doesNotExist();
    }

    @Test
    void everyWordIsSingleQuoted() {
        assertThat(RemoteCommandLine.quote(List.of("a", "it's", ""))).isEqualTo("'a' 'it'\\''s' ''");
    }

    @Test
    void aProgramNameWithAnEqualsSignIsAProgramNotAnAssignment(@TempDir Path tmp) throws Exception {
        Path program = tmp.resolve("A=b");
        Files.writeString(program, "#!/bin/sh\necho \"ran $1\"\n");
        program.toFile().setExecutable(true);
        assertThat(sh(RemoteCommandLine.commandLine(ExecRequest.of(program.toString(), "x")), null)[0]).isEqualTo("ran x\n");
    }

    @Test
    void theEnvironmentIsSetWithBuiltinsNotAnExtraProgram() {
        String line = RemoteCommandLine.commandLine(ExecRequest.of("squeue"));
        assertThat(line).contains("; 'unset' 'LC_ALL' ").contains("; 'export' 'LANG=C.UTF-8' 'SLURM_TIME_FORMAT=standard'; ")
                .endsWith("exec 'squeue'").doesNotContain("'env'");
    }

    @Test
    void nulCannotBePassed() {
        assertThatThrownBy(() -> RemoteCommandLine.quote(List.of("a\0b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWholeLineReportsThePidThenRunsWithTheFixedEnvironmentInTheDirectory(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("it's a dir; $(x)"));
        ExecRequest req = ExecRequest.builder("sh", "-c",
                        "pwd; echo \"$LANG|$SLURM_TIME_FORMAT|${SQUEUE_FORMAT-unset}|$MY_VAR|${SLURM_CLUSTERS-unset}\"; echo err >&2")
                .env("MY_VAR", "v a l'$(x)").workingDirectory(dir.toString()).build();
        String line = RemoteCommandLine.commandLine(req);
        String[] r = sh("SQUEUE_FORMAT=%i SLURM_CLUSTERS=x; export SQUEUE_FORMAT SLURM_CLUSTERS; " + line, null);
        assertThat(r[2]).isEqualTo("0");
        assertThat(r[0]).isEqualTo(dir + "\nC.UTF-8|standard|unset|v a l'$(x)|unset\n");
        assertThat(r[1]).startsWith(RemoteCommandLine.PID_MARKER).endsWith("\nerr\n");
        assertThat(StderrPump.parsePid(r[1].substring(RemoteCommandLine.PID_MARKER.length(), r[1].indexOf('\n'))))
                .isNotNull().isGreaterThan(1L);
    }

    @Test
    void aRequestVariableWinsOverTheFixedOnes() throws Exception {
        ExecRequest req = ExecRequest.builder("sh", "-c", "echo $SLURM_TIME_FORMAT").env("SLURM_TIME_FORMAT", "relative")
                .build();
        assertThat(RemoteCommandLine.environmentLine(req)).containsOnlyOnce("SLURM_TIME_FORMAT=relative")
                .doesNotContain("SLURM_TIME_FORMAT=standard");
        assertThat(sh(RemoteCommandLine.commandLine(req), null)[0]).isEqualTo("relative\n");
    }

    @Test
    void aMissingDirectoryIsANonZeroExitAndNothingRuns(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("ran");
        ExecRequest req = ExecRequest.builder("touch", marker.toString()).workingDirectory(tmp.resolve("nope").toString())
                .build();
        String[] r = sh(RemoteCommandLine.commandLine(req), null);
        assertThat(r[2]).isNotEqualTo("0");
        assertThat(marker).doesNotExist();
    }

    @Test
    void theKillLineEndsTheProcessGroupAndRefusesNonsense() throws Exception {
        // a process group of its own, with a child, as sshd gives each session
        Process p = new ProcessBuilder("setsid", "sh", "-c", "sleep 60 & sleep 60; wait").start();
        long pid = p.pid();
        Thread.sleep(300);
        String[] r = sh(RemoteCommandLine.killLine(pid), null);
        assertThat(r[2]).isEqualTo("0");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] left = sh("pgrep -s " + pid + " || true", null);
        assertThat(left[0]).isEmpty();
        assertThatThrownBy(() -> RemoteCommandLine.killLine(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteCommandLine.killLine(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
