package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.Lab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code submit-and-watch} against the real lab, locally and over SSH as alice: the job's state
 * changes are printed once each and the last lines of its output file, read with {@code tail -n}
 * where the job wrote it, end the run. Skipped without the lab; failed in CI.
 */
class SubmitAndWatchSampleIT {
    private static final String[] SSH = {"--ssh", Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT, "--identity",
        Lab.userKey().toString(), "--known-hosts", Lab.knownHosts().toString()};

    @BeforeAll
    static void lab() {
        Lab.requireSlurm();
        Lab.requireSshd();
    }

    @Test
    void locally() {
        submitWatchAndTail(new String[0]);
    }

    @Test
    void overSsh() {
        submitWatchAndTail(SSH);
    }

    private static void submitWatchAndTail(String[] where) {
        List<String> args = new ArrayList<>(Arrays.asList(where));
        args.addAll(List.of("--name", "w12-sample", "--time", "5", "--chdir", "/tmp", "--output", "/tmp/w12-sample-%j-%u.out",
                "--wrap", "for i in $(seq 1 30); do echo line $i; done; sleep 2", "--lines", "5", "--interval", "1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = SubmitAndWatchSample.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8) + o).isZero();
        Matcher m = Pattern.compile("^submitted job (\\d+)$", Pattern.MULTILINE).matcher(o);
        assertThat(m.find()).as(o).isTrue();
        String id = m.group(1);
        assertThat(o.lines().filter(l -> l.contains("-> FINISHED  (COMPLETED)"))).as(o).hasSize(1);
        assertThat(o.lines().filter(l -> l.matches(".*Z  (QUEUED|SCHEDULING|RUNNING)  \\(.*"))).as("the first sighting, %s", o)
                .hasSize(1);
        String user = where.length == 0 ? System.getProperty("user.name") : Lab.SSH_USER;
        assertThat(o).contains("--- last 5 lines of /tmp/w12-sample-" + id + "-" + user + ".out ---\n"
                + "line 26\nline 27\nline 28\nline 29\nline 30\n");
    }
}
