package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.redis.InMemoryStore;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.stats.ClusterStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handlers against the demo cluster (a FakeSlurm): the envelope of every answer, the status
 * codes of the errors, tokens and whom a request acts as. No Slurm, no Redis.
 */
class GatewayApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice-token-0123456789";
    private static final String BOB = "bob-token-0123456789";
    private static final String ZED = "zed-token-0123456789";

    @TempDir
    static Path dir;
    static Gateway open;
    static Gateway tokens;

    @BeforeAll
    static void start() throws Exception {
        open = Gateway.start("--port", "0", "--demo", "--allow-commands");
        Path file = dir.resolve("tokens");
        Files.writeString(file, ALICE + " alice\n" + BOB + " bob\n" + ZED + " zed\n");
        tokens = Gateway.start("--port", "0", "--demo", "--token-file", file.toString(), "--bind", "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        open.close();
        tokens.close();
    }

    private record Answer(int http, JsonNode env, Map<String, String> headers) {
        JsonNode output() {
            return env.get("output");
        }

        String error() {
            return env.get("error").asText();
        }
    }

    private static Answer call(Gateway g, String method, String pathAndQuery, String contentType, String body, String... headers) {
        Map<String, String> h = new HashMap<>();
        h.put("host", "127.0.0.1:" + g.port());
        if (contentType != null) {
            h.put("content-type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = Bodies.query(q < 0 ? null : pathAndQuery.substring(q + 1));
        ApiResponse r = g.api().handle(new ApiRequest(method, path, query, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        try {
            JsonNode env = r.contentType().startsWith("application/json") ? JSON.readTree(r.body()) : null;
            if (env != null) {
                // the envelope, always: exactly these four keys, status_code = the HTTP status
                Iterator<String> names = env.fieldNames();
                assertThat(names).toIterable().containsExactly("status", "output", "status_code", "error");
                assertThat(env.get("status_code").asInt()).isEqualTo(r.status());
                assertThat(env.get("status").asText()).isEqualTo(r.status() == 200 ? "OK" : "ERROR");
                assertThat(env.get("error").asText().isEmpty()).isEqualTo(r.status() == 200);
                assertThat(env.toString()).doesNotContain("\tat io.", "Exception:");
            }
            return new Answer(r.status(), env, r.headers());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Answer get(Gateway g, String path, String... headers) {
        return call(g, "GET", path, null, null, headers);
    }

    private static Answer json(Gateway g, String method, String path, String body, String... headers) {
        return call(g, method, path, "application/json", body, headers);
    }

    @Test
    void myJobsAreTheOwnUsersWithSqueuesColumns() {
        Answer a = get(open, "/api/job/demo");
        assertThat(a.http()).isEqualTo(200);
        assertThat(a.output().size()).isGreaterThanOrEqualTo(4);
        for (JsonNode row : a.output()) {
            assertThat(row.get("USER").asText()).isEqualTo("alice");
            assertThat(row.has("JOBID") && row.has("PARTITION") && row.has("NAME") && row.has("ST") && row.has("TIME")).isTrue();
            assertThat(row.get("status").asText()).isIn("QUEUED", "PAUSED", "RUNNING", "FINISHED", "FAILED");
        }
        assertThat(a.output().findValuesAsText("status")).contains("RUNNING", "PAUSED", "FINISHED", "FAILED");
    }

    @Test
    void submitDetailConsoleAndKill() {
        Answer s = json(open, "POST", "/api/job/demo", "{\"jobscript\": \"#!/bin/sh\\nsleep 600\\n\", "
                + "\"jobconf\": \"{\\\"job_name\\\": \\\"api-test\\\", \\\"scale_cores\\\": 1, \\\"time_limit\\\": 30}\"}");
        assertThat(s.http()).as(s.env().toString()).isEqualTo(200);
        String id = s.output().get("jobid").asText();
        assertThat(id).matches("\\d+");

        Answer d = get(open, "/api/job/demo/" + id);
        assertThat(d.http()).isEqualTo(200);
        assertThat(d.output().get("name").asText()).isEqualTo("api-test");
        assertThat(d.output().get("user").asText()).isEqualTo("alice");
        assertThat(d.output().get("job").get("time_limit").asLong()).isEqualTo(30);
        assertThat(d.output().has("steps")).isTrue();

        Answer c = get(open, "/api/job/demo/" + id + "/console");
        assertThat(c.output().get("showData").get("jobKey").asText()).isEqualTo(id + "-demo");
        assertThat(c.output().get("runData").isArray()).isTrue();

        Answer k = json(open, "DELETE", "/api/job/demo", "{\"jobid\": " + id + "}");
        assertThat(k.http()).as(k.env().toString()).isEqualTo(200);
        assertThat(k.output().get("jobid").asText()).isEqualTo(id);
        assertThat(get(open, "/api/job/demo/" + id).output().get("status").asText()).isEqualTo("FINISHED");
        Answer again = call(open, "DELETE", "/api/job/demo?jobid=" + id, null, null);
        assertThat(again.http()).as(again.env().toString()).isIn(200, 409);
    }

    @Test
    void aFormBodySubmitsToo() {
        Answer s = call(open, "POST", "/api/job/demo", "application/x-www-form-urlencoded",
                "jobscript=%23%21%2Fbin%2Fsh%0Asleep+5%0A&jobconf=%7B%22job_name%22%3A%22form-test%22%7D");
        assertThat(s.http()).as(s.env().toString()).isEqualTo(200);
        String id = s.output().get("jobid").asText();
        assertThat(get(open, "/api/job/demo/" + id).output().get("name").asText()).isEqualTo("form-test");
        json(open, "DELETE", "/api/job/demo", "{\"jobid\": \"" + id + "\"}");
    }

    @Test
    void aRunningDemoJobHasRunData() {
        Answer c = get(open, "/api/job/demo/4/console");
        JsonNode run = c.output().get("runData");
        assertThat(run.size()).isGreaterThan(10);
        assertThat(run.findValuesAsText("title")).contains("cpu", "mem", "ram", "gpu", "gpu_memory_usage");
        assertThat(run.get(0).get("y").get(0).get("name").asText()).startsWith("PID-");
    }

    @Test
    void theConsoleTailOfADemoJob() {
        Answer log = get(open, "/api/job/demo/4/log?lines=5");
        assertThat(log.http()).as(log.env().toString()).isEqualTo(200);
        assertThat(log.output().get("exists").asBoolean()).isTrue();
        assertThat(log.output().get("stream").asText()).isEqualTo("stdout");
        assertThat(log.output().get("path").asText()).endsWith("slurm-4.out");
        assertThat(log.output().get("lines").size()).isEqualTo(5);
        assertThat(log.output().get("lines").get(4).asText()).contains("loss");
        // a pending job has no file yet: no lines, not an error
        String pending = null;
        for (JsonNode row : get(open, "/api/job/demo").output()) {
            if (row.get("status").asText().equals("PAUSED")) {
                pending = row.get("JOBID").asText();
            }
        }
        Answer none = get(open, "/api/job/demo/" + pending + "/log");
        assertThat(none.http()).isEqualTo(200);
        assertThat(none.output().get("exists").asBoolean()).isFalse();
        assertThat(none.output().get("lines").size()).isZero();
        assertThat(get(open, "/api/job/demo/4/log?lines=0").http()).isEqualTo(400);
        assertThat(get(open, "/api/job/demo/4/log?lines=100001").http()).isEqualTo(400);
        assertThat(get(open, "/api/job/demo/4/log?stream=both").error()).startsWith("invalid_argument: ?stream= is stdout or stderr");
        assertThat(get(open, "/api/job/demo/4/log?stream=stderr").http()).isEqualTo(200);
    }

    @Test
    void errorsAreTypedWithFittingStatuses() {
        assertThat(json(open, "POST", "/api/job/demo", "{\"jobscript\": ").error()).startsWith("bad_json: the body is not JSON at line 1");
        assertThat(json(open, "POST", "/api/job/demo", "{\"jobscript\": ").http()).isEqualTo(400);
        Answer missing = json(open, "POST", "/api/job/demo", "{\"jobconf\": \"{}\"}");
        assertThat(missing.http()).isEqualTo(400);
        assertThat(missing.error()).startsWith("missing_field: ");
        assertThat(missing.output().get("fields").get("jobscript").asText()).isEqualTo("missing");
        Answer badConf = json(open, "POST", "/api/job/demo", "{\"jobscript\": \"#!/bin/sh\\n\", \"jobconf\": \"{nope\"}");
        assertThat(badConf.error()).startsWith("bad_json: jobconf is not JSON");
        Answer invalid = json(open, "POST", "/api/job/demo", "{\"jobscript\": \"no shebang\", \"jobconf\": {\"scale_cores\": 0}}");
        assertThat(invalid.http()).isEqualTo(422);
        assertThat(invalid.error()).startsWith("invalid_job: ");
        assertThat(invalid.output().get("fields").has("script")).isTrue();
        assertThat(invalid.output().get("fields").has("cores")).isTrue();
        Answer rejected = json(open, "POST", "/api/job/demo", "{\"jobscript\": \"#!/bin/sh\\n\", \"jobconf\": {\"partition\": \"nope\"}}");
        assertThat(rejected.http()).as(rejected.env().toString()).isEqualTo(422);
        assertThat(rejected.error()).startsWith("submit_rejected: ");
        assertThat(json(open, "POST", "/api/job/demo", "{\"jobscript\": \"#!/bin/sh\\n\", \"jobfile\": \"/x.sh\"}").http()).isEqualTo(400);

        Answer unknown = get(open, "/api/job/nowhere");
        assertThat(unknown.http()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("unknown_machine: no machine named 'nowhere'; known: demo");
        assertThat(get(open, "/api/job/demo/999999").error()).startsWith("job_not_found: ");
        assertThat(get(open, "/api/job/demo/999999").http()).isEqualTo(404);
        assertThat(get(open, "/api/job/demo/abc").http()).isEqualTo(400);
        assertThat(get(open, "/api/job/demo/abc").error()).startsWith("invalid_job_id: ");
        assertThat(get(open, "/api/job/demo?days=0").http()).isEqualTo(400);
        assertThat(get(open, "/api/nothing").http()).isEqualTo(404);
        Answer kill = json(open, "DELETE", "/api/job/demo", "{}");
        assertThat(kill.http()).isEqualTo(400);
        assertThat(kill.error()).startsWith("missing_field: which job?");
        Answer notMine = json(open, "DELETE", "/api/job/demo", "{\"jobid\": \"5\"}");
        assertThat(notMine.http()).as(notMine.env().toString()).isEqualTo(403);
        assertThat(notMine.error()).startsWith("access_denied: ");
        Answer put = call(open, "PUT", "/api/job/demo", null, null);
        assertThat(put.http()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("Allow", "GET, POST, DELETE");
        assertThat(call(open, "POST", "/api/job/demo", "text/plain", "x").http()).isEqualTo(415);
    }

    @Test
    void commandsRunOnlyWhenAllowed() {
        Answer ok = json(open, "POST", "/api/command/demo", "{\"command\": \"scontrol ping\"}");
        assertThat(ok.http()).as(ok.env().toString()).isEqualTo(200);
        assertThat(ok.output().get("exit_code").asInt()).isZero();
        assertThat(ok.output().get("stdout").asText()).contains("is UP");
        assertThat(json(open, "POST", "/api/command/demo", "{}").http()).isEqualTo(400);
        assertThat(json(open, "POST", "/api/command/demo", "{\"command\": 5}").http()).isEqualTo(400);
        Answer off = json(tokens, "POST", "/api/command/demo", "{\"command\": \"scontrol ping\"}", "Authorization", "Bearer " + ALICE);
        assertThat(off.http()).isEqualTo(403);
        assertThat(off.error()).startsWith("commands_disabled: ");
    }

    @Test
    void aSnapshotOfAWholeMinuteKeepsItsSecondsInTheStatus() throws Exception {
        // LocalDateTime.toString() writes 08:27:00 as "08:27": the status wrote that until a CI run
        // happened to collect on a whole minute
        Map<String, String> node = new LinkedHashMap<>();
        for (String f : RedisKeys.NODE_FIELDS) {
            node.put(f, "1");
        }
        node.put("update_time", "2026-12-03 08:27:00");
        InMemoryStore store = new InMemoryStore();
        store.write(new ClusterStats(Instant.parse("2026-12-03T08:27:00Z"),
                "2026-12-03 08:27:00", node, Map.of(), Map.of(), Map.of(), List.of(), List.of()), null);
        Machine m = new Machine("m", "local", "alice", List.of("alice"), ZoneOffset.UTC, store);
        GatewayApi api = new GatewayApi(Map.of("m", m), null, null, false, Duration.ofMinutes(2), null,
                Clock.fixed(Instant.parse("2026-12-03T08:27:05Z"), ZoneOffset.UTC), null);
        ApiResponse r = api.handle(new ApiRequest("GET", "/api/job", Map.of(), Map.of("host", "127.0.0.1:1"), null));
        JsonNode status = JSON.readTree(r.body()).get("output").get("m");
        assertThat(status.get("update_time").asText()).isEqualTo("2026-12-03 08:27:00");
        assertThat(status.get("age_seconds").asLong()).isEqualTo(5);
    }

    @Test
    void theStatusHasItsUpdateTimeAndAge() {
        Answer a = get(open, "/api/job");
        JsonNode demo = a.output().get("demo");
        assertThat(demo.get("available").asBoolean()).isTrue();
        assertThat(demo.get("update_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(demo.get("age_seconds").asLong()).isBetween(0L, 60L);
        assertThat(demo.get("stale").asBoolean()).isFalse();
        assertThat(demo.get("jobs").findValuesAsText("user")).contains("alice", "bob", "carol", "dave", "erin");
        assertThat(demo.get("node").get("all_cpu_tot").asText()).isEqualTo("72");
    }

    @Test
    void tokensSayWhomARequestActsAs() {
        assertThat(get(tokens, "/api/job/demo").http()).isEqualTo(401);
        assertThat(get(tokens, "/api/job/demo").headers()).containsKey("WWW-Authenticate");
        assertThat(get(tokens, "/api/job/demo", "Authorization", "Bearer wrong-token-0123456789").error())
                .isEqualTo("unauthorized: the bearer token is not known");
        // an unauthenticated caller does not even learn which paths exist
        assertThat(get(tokens, "/api/nothing").http()).isEqualTo(401);
        assertThat(get(tokens, "/api/job").http()).isEqualTo(401);

        JsonNode bobs = get(tokens, "/api/job/demo", "Authorization", "Bearer " + BOB).output();
        assertThat(bobs.findValuesAsText("USER")).isNotEmpty().containsOnly("bob");
        // the body never says who acts: bob submits as bob, whatever the body claims
        Answer s = json(tokens, "POST", "/api/job/demo", "{\"jobscript\": \"#!/bin/sh\\nsleep 60\\n\", \"user\": \"alice\", "
                + "\"jobconf\": {\"user\": \"alice\", \"job_name\": \"who\"}}", "Authorization", "Bearer " + BOB);
        String id = s.output().get("jobid").asText();
        assertThat(get(tokens, "/api/job/demo/" + id, "Authorization", "Bearer " + BOB).output().get("user").asText()).isEqualTo("bob");
        Answer aliceKills = json(tokens, "DELETE", "/api/job/demo", "{\"jobid\": \"" + id + "\"}", "Authorization", "Bearer " + ALICE);
        assertThat(aliceKills.http()).isEqualTo(403);
        assertThat(json(tokens, "DELETE", "/api/job/demo", "{\"jobid\": \"" + id + "\"}", "Authorization", "Bearer " + BOB).http())
                .isEqualTo(200);

        Answer zed = get(tokens, "/api/job/demo", "Authorization", "Bearer " + ZED);
        assertThat(zed.http()).isEqualTo(403);
        assertThat(zed.error()).startsWith("user_not_served: machine demo acts as ");
    }

    @Test
    void otherOriginsAndForeignHostsAreRefused() {
        Answer cross = call(open, "POST", "/api/job/demo", "application/x-www-form-urlencoded", "jobscript=x", "Origin",
                "http://evil.example");
        assertThat(cross.http()).isEqualTo(403);
        assertThat(cross.error()).startsWith("cross_origin: ");
        assertThat(get(open, "/api/job/demo", "Origin", "http://127.0.0.1:" + open.port()).http()).isEqualTo(200);
        Answer rebound = get(open, "/api/job/demo", "Host", "attacker.example:" + open.port());
        assertThat(rebound.http()).isEqualTo(403);
        assertThat(rebound.error()).startsWith("bad_host: ");
        assertThat(get(open, "/api/job/demo", "Host", "localhost:" + open.port()).http()).isEqualTo(200);
        assertThat(get(open, "/api/job/demo", "Host", "[::1]:" + open.port()).http()).isEqualTo(200);
    }

    @Test
    void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnScript() {
        ApiResponse page = open.api().handle(new ApiRequest("GET", "/", Map.of(), Map.of(), null));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("MY JOBS", "ALL JOBS");
        assertThat(page.headers().get("Content-Security-Policy")).contains("script-src 'sha256-", "connect-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void overHttpTheBodyIsBoundedAndTheEnvelopeKept() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(open.uri() + "api/job/demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[Bodies.DEFAULT_LIMIT + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(big.body()).get("error").asText()).startsWith("body_too_large: ");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(open.uri() + "api/job/demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue(ApiResponse.JSON);
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
