package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.testkit.Lab;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console page in a real browser: Debian's headless Chromium loads it from the gateway in
 * {@code --demo} mode (no Slurm, no Redis), the test reads the rendered DOM — the job rows of
 * both tabs with their users and states, the job detail with its {@code runData} plot — and a
 * screenshot is saved as {@code target/gateway-page.png}. Without Chromium the test is skipped,
 * except with {@code CI=true} where it fails ({@code scripts/test.sh} installs it).
 */
class GatewayPageIT {
    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"([^\"]*\\brow-(mine|all)\\b[^\"]*)\" data-jobid=\"([^\"]*)\" data-user=\"([^\"]*)\" data-state=\"([^\"]*)\">");

    @TempDir
    static Path profile;
    static Gateway gateway;
    static String chromium;

    @BeforeAll
    static void start() {
        chromium = findChromium();
        if (chromium == null) {
            String message = "chromium is not installed (apt-get install chromium; scripts/test.sh installs it)";
            if (Lab.inCi()) {
                fail("CI=true and " + message);
            }
            assumeTrue(false, message);
        }
        gateway = Gateway.start("--port", "0", "--demo");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private record Row(String tab, String jobId, String user, String state) {
    }

    @Test
    void bothTabsTheDetailAndAScreenshot() throws Exception {
        String running = alicesRunningJob();
        String url = gateway.uri() + "#machine=demo&tab=mine&job=" + running;
        String dom = chromium(List.of("--dump-dom", url));

        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            rows.add(new Row(m.group(2), m.group(3), m.group(4), m.group(5)));
        }
        List<Row> mine = rows.stream().filter(r -> r.tab().equals("mine")).toList();
        List<Row> all = rows.stream().filter(r -> r.tab().equals("all")).toList();
        // MY JOBS: alice's jobs in several phases; ALL JOBS: every user's running and pending jobs
        assertThat(mine).as(dom).isNotEmpty();
        assertThat(mine).extracting(Row::user).containsOnly("alice");
        assertThat(mine).extracting(Row::state).contains("RUNNING", "PAUSED", "FINISHED", "FAILED");
        assertThat(mine).extracting(Row::jobId).contains(running);
        assertThat(all).extracting(Row::user).contains("alice", "bob", "carol", "dave", "erin");
        assertThat(all).extracting(Row::state).contains("RUNNING", "PENDING");

        // the detail of the selected job: its brief, a chart per metric with a line per PID
        assertThat(dom).containsPattern("<dl id=\"brief\">.*train-resnet");
        for (String title : new String[] {"cpu", "mem", "ram", "gpu", "gpu_memory_usage"}) {
            assertThat(dom).contains("data-title=\"" + title + "\"");
        }
        assertThat(dom).containsPattern("<polyline points=\"[0-9., ]+\"[^>]*data-name=\"PID-\\d+\"");
        // the console tail (simulated on the demo: FakeSlurm runs no program)
        assertThat(dom).containsPattern("<pre id=\"log\">[^<]*\\] step \\d+  loss \\d");
        // the cluster status with its update time
        assertThat(dom).containsPattern("updated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(\\d+ s ago\\)");
        assertThat(dom).doesNotContain("class=\"error\"");

        Path shot = Path.of("target", "gateway-page.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(List.of("--screenshot=" + shot, "--window-size=1280,900", url));
        assertThat(shot).exists();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(20_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static String alicesRunningJob() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.uri() + "api/job/demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode row : new ObjectMapper().readTree(r.body()).get("output")) {
            if (row.get("status").asText().equals("RUNNING")) {
                return row.get("JOBID").asText();
            }
        }
        throw new AssertionError("the demo has no running job of alice: " + r.body());
    }

    /** Runs headless Chromium with {@code args}; its stdout. */
    private static String chromium(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--virtual-time-budget=10000", "--user-data-dir=" + profile, "--no-first-run"));
        cmd.addAll(args);
        Path err = Files.createTempFile(profile, "chromium", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().putAll(Map.of("HOME", profile.toString()));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
