package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke run of {@code submit-and-watch --demo}: a simulated cluster, no Slurm, done in a moment. */
class SubmitAndWatchSampleTest {

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = SubmitAndWatchSample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoPrintsEachStateChangeOnceAndTheEnd() {
        Run r = run("--demo");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("submitted job 2\n");
        assertThat(r.out().lines().filter(l -> l.contains("  QUEUED  (PENDING, Resources)"))).hasSize(1);
        assertThat(r.out().lines().filter(l -> l.contains("  QUEUED -> RUNNING  (RUNNING)"))).hasSize(1);
        assertThat(r.out().lines().filter(l -> l.contains("  RUNNING -> FINISHED  (COMPLETED)"))).hasSize(1);
        assertThat(r.out()).contains("(a simulated cluster has no files; on a real one: the last 20 lines of ");
        // times from the simulated clock: bob's job holds the node for 20 s, the demo job runs 30 s; the
        // watcher polls at 0, 2, 6, 14, 30 s (backing off while nothing changes), then 32, 36, 44, 60 s
        assertThat(r.out()).contains("2026-01-05T09:00:00Z  QUEUED", "2026-01-05T09:00:30Z  QUEUED -> RUNNING",
                "2026-01-05T09:01:00Z  RUNNING -> FINISHED", "the last 20 lines of /home/alice/slurm-2.out");
    }

    @Test
    void helpAndUsageErrors() {
        Run h = run("-h");
        assertThat(h.rc()).isZero();
        assertThat(h.out()).contains("--demo", "--lines", "--interval", "--wrap");
        assertThat(run("--demo", "--ssh", "a@b").rc()).isEqualTo(2);
        assertThat(run("--wrap", "true", "--script", "x").rc()).isEqualTo(2);
        assertThat(run("extra", "--demo").rc()).isEqualTo(2);
        Run none = run();
        assertThat(none.rc()).isEqualTo(2);
        assertThat(none.err()).contains("exactly one of --script FILE and --wrap CMD");
        // a wrong command line is refused before any connection is tried
        Run extra = run("--wrap", "true", "--ssh", "alice@127.0.0.1:1", "--identity", "/nonexistent", "--known-hosts", "/nonexistent",
                "extra");
        assertThat(extra.rc()).isEqualTo(2);
        assertThat(extra.err()).isEqualTo("error: usage: unexpected argument 'extra'\n");
        Run ssh = run("--wrap", "true", "--ssh", "a@b");
        assertThat(ssh.rc()).isEqualTo(2);
        assertThat(ssh.err()).isEqualTo("error: usage: --ssh needs --identity FILE and --known-hosts FILE\n");
    }

    @Test
    void theMainDispatcherKnowsIt() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(new String[] {"submit-and-watch", "--demo"})).isZero();
            assertThat(Main.run(new String[] {"--help"})).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RUNNING -> FINISHED").contains("submit-and-watch");
    }
}
