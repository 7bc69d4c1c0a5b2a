package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.redis.RedisKeys;
import io.github.slurm4j.redis.RedisStore;
import io.github.slurm4j.redis.collect.ClusterCollector;
import io.github.slurm4j.redis.collect.SlurmClusterSource;
import io.github.slurm4j.testkit.Lab;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The gateway started in-process against the real lab, driven by a real HTTP client
 * ({@code java.net.http}): machine {@code local} (this host's Slurm 22.05, as the user running the
 * tests — root in CI) and machine {@code lab} ({@code ssh://alice@127.0.0.1:2222} with the lab's
 * key and known_hosts), each with its own bearer token. Every job submitted is cancelled.
 * Skipped without the lab, failed in CI.
 */
class GatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONCE = UUID.randomUUID().toString().substring(0, 8);
    private static final String LOCAL_TOKEN = "local-token-" + UUID.randomUUID();
    private static final String ALICE_TOKEN = "alice-token-" + UUID.randomUUID();
    private static final String ME = System.getProperty("user.name");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SUBMITTED = new ArrayList<>();

    @TempDir
    static Path dir;
    static Gateway gateway;

    @BeforeAll
    static void start() throws IOException {
        Lab.requireSlurm();
        Lab.requireSshd();
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# GatewayIT\n" + LOCAL_TOKEN + " " + ME + "\n" + ALICE_TOKEN + " alice\n");
        gateway = Gateway.start("--port", "0", "--bind", "127.0.0.1", "--machine", "local=local", "--machine",
                "lab=ssh://" + Lab.SSH_USER + "@" + Lab.SSH_HOST + ":" + Lab.SSH_PORT, "--identity", Lab.userKey().toString(),
                "--known-hosts", Lab.knownHosts().toString(), "--token-file", tokens.toString());
        assertThat(gateway.notes().get(0)).contains("act as: " + ME + ", alice");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            // whatever a failed assertion left behind: every job this run submitted is cancelled
            for (String id : SUBMITTED) {
                new ProcessBuilder("scancel", id).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
                Files.deleteIfExists(Path.of("/tmp/slurm-" + id + ".out"));
            }
            Files.deleteIfExists(Path.of("/tmp/gw-it-" + NONCE + ".sh"));
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    record Answer(int http, JsonNode env) {
        JsonNode output() {
            return env.get("output");
        }

        String error() {
            return env.get("error").asText();
        }
    }

    static Answer send(Gateway g, String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(g.uri() + path.substring(1))).timeout(Duration.ofSeconds(90));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue(ApiResponse.JSON);
        JsonNode env = JSON.readTree(r.body());
        assertThat(env.get("status_code").asInt()).as(r.body()).isEqualTo(r.statusCode());
        assertThat(env.get("status").asText()).isEqualTo(r.statusCode() == 200 ? "OK" : "ERROR");
        assertThat(r.body()).doesNotContain("\tat ", "at io.github", "Exception");
        return new Answer(r.statusCode(), env);
    }

    static Answer get(String path, String token) throws Exception {
        return send(gateway, "GET", path, token, null, null);
    }

    @Test
    void jobLifeOnThisHost() throws Exception {
        life("local", LOCAL_TOKEN, ME, null);
    }

    @Test
    void jobLifeOverSshWithTheScriptWrittenToAPath() throws Exception {
        life("lab", ALICE_TOKEN, "alice", "/tmp/gw-it-" + NONCE + ".sh");
    }

    private static void life(String machine, String token, String user, String scriptPath) throws Exception {
        String name = "gw-it-" + machine + "-" + NONCE;
        String script = "#!/bin/sh\necho gateway line one\necho gateway line two\nsleep 300\n";
        String body = JSON.writeValueAsString(new java.util.LinkedHashMap<String, Object>() {
            {
                put("jobscript", script);
                if (scriptPath != null) {
                    put("jobfilepath", scriptPath);
                }
                put("jobconf", "{\"job_name\": \"" + name + "\", \"time_limit\": 10, \"job_wdir\": \"/tmp\", \"scale_cores\": 1}");
            }
        });
        Answer s = send(gateway, "POST", "/api/job/" + machine, token, "application/json", body);
        assertThat(s.http()).as(s.env().toString()).isEqualTo(200);
        String id = s.output().get("jobid").asText();
        SUBMITTED.add(id);
        assertThat(id).matches("\\d+");
        try {
            Answer list = get("/api/job/" + machine, token);
            assertThat(list.http()).isEqualTo(200);
            JsonNode row = null;
            for (JsonNode r : list.output()) {
                assertThat(r.get("USER").asText()).isEqualTo(user);
                if (r.get("JOBID").asText().equals(id)) {
                    row = r;
                }
            }
            assertThat(row).as("job %s in %s", id, list.output()).isNotNull();
            assertThat(row.get("NAME").asText()).isEqualTo(name);
            assertThat(row.get("status").asText()).isIn("QUEUED", "SCHEDULING", "RUNNING");

            JsonNode d = waitFor(machine, token, id, "RUNNING");
            assertThat(d.get("name").asText()).isEqualTo(name);
            assertThat(d.get("user").asText()).isEqualTo(user);
            assertThat(d.get("job").get("work_dir").asText()).isEqualTo("/tmp");
            if (scriptPath != null) {
                assertThat(d.get("job").get("command").asText()).isEqualTo(scriptPath);
            }

            // the console tail: the job's output file in /tmp (its working directory), read on the cluster
            JsonNode log = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until) {
                Answer l = get("/api/job/" + machine + "/" + id + "/log?lines=2", token);
                assertThat(l.http()).as(l.env().toString()).isEqualTo(200);
                log = l.output();
                if (log.get("lines").size() == 2) {
                    break;
                }
                Thread.sleep(300);
            }
            assertThat(log.get("path").asText()).isEqualTo("/tmp/slurm-" + id + ".out");
            assertThat(log.get("exists").asBoolean()).isTrue();
            assertThat(log.get("lines")).extracting(JsonNode::asText).containsExactly("gateway line one", "gateway line two");
            Answer one = get("/api/job/" + machine + "/" + id + "/log?lines=1", token);
            assertThat(one.output().get("lines")).extracting(JsonNode::asText).containsExactly("gateway line two");

            Answer c = get("/api/job/" + machine + "/" + id + "/console", token);
            assertThat(c.http()).isEqualTo(200);
            assertThat(c.output().get("showData").get("jobKey").asText()).isEqualTo(id + "-" + machine);
            assertThat(c.output().get("showData").get("jobStatus").asText()).isEqualTo("RUNNING");
            assertThat(c.output().get("runData").isArray()).isTrue();

            Answer k = send(gateway, "DELETE", "/api/job/" + machine + "?jobid=" + id, token, null, null);
            assertThat(k.http()).as(k.env().toString()).isEqualTo(200);
            assertThat(k.output().get("jobid").asText()).isEqualTo(id);
            JsonNode ended = waitFor(machine, token, id, "FINISHED");
            assertThat(ended.get("slurm_state").asText()).startsWith("CANCELLED");
            JsonNode steps = ended.get("steps");
            assertThat(steps.findValuesAsText("job_id_text")).contains(id + ".batch");
            assertThat(steps.findValues("exit_code")).isNotEmpty();
        } finally {
            send(gateway, "DELETE", "/api/job/" + machine, token, "application/json", "{\"jobid\": \"" + id + "\"}");
        }
    }

    /** The job's detail once its status is {@code phase} (at most 60 s). */
    static JsonNode waitFor(String machine, String token, String id, String phase) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode d;
        do {
            Answer a = get("/api/job/" + machine + "/" + id, token);
            assertThat(a.http()).as(a.env().toString()).isEqualTo(200);
            d = a.output();
            if (d.get("status").asText().equals(phase)) {
                return d;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        fail("job " + id + " on " + machine + " is still " + d.get("status").asText() + ", not " + phase);
        return d;
    }

    @Test
    void errorCases() throws Exception {
        Answer badJson = send(gateway, "POST", "/api/job/lab", ALICE_TOKEN, "application/json", "{\"jobscript\": \"#!/bin/sh\n");
        assertThat(badJson.http()).isEqualTo(400);
        assertThat(badJson.error()).startsWith("bad_json: the body is not JSON at line ");

        Answer unknown = get("/api/job/nowhere", ALICE_TOKEN);
        assertThat(unknown.http()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("unknown_machine: no machine named 'nowhere'; known: local, lab");

        Answer missing = send(gateway, "POST", "/api/job/lab", ALICE_TOKEN, "application/json", "{\"jobconf\": \"{}\"}");
        assertThat(missing.http()).isEqualTo(400);
        assertThat(missing.error()).startsWith("missing_field: ");
        Answer noJob = send(gateway, "DELETE", "/api/job/lab", ALICE_TOKEN, "application/json", "{}");
        assertThat(noJob.http()).isEqualTo(400);
        assertThat(noJob.error()).startsWith("missing_field: ");

        Answer noToken = get("/api/job/lab", null);
        assertThat(noToken.http()).isEqualTo(401);
        assertThat(noToken.error()).startsWith("unauthorized: ");
        Answer badToken = get("/api/job/lab", "not-a-token-of-this-gateway");
        assertThat(badToken.http()).isEqualTo(401);
        assertThat(badToken.error()).isEqualTo("unauthorized: the bearer token is not known");

        Answer commands = send(gateway, "POST", "/api/command/lab", ALICE_TOKEN, "application/json", "{\"command\": \"squeue\"}");
        assertThat(commands.http()).isEqualTo(403);
        assertThat(commands.error()).startsWith("commands_disabled: ");

        if (!ME.equals("alice")) {
            Answer other = get("/api/job/local", ALICE_TOKEN);
            assertThat(other.http()).isEqualTo(403);
            assertThat(other.error()).startsWith("user_not_served: machine local acts as " + ME);
        }

        Answer notFound = get("/api/job/lab/999999999", ALICE_TOKEN);
        assertThat(notFound.http()).isEqualTo(404);
        assertThat(notFound.error()).startsWith("job_not_found: ");

        Answer rejected = send(gateway, "POST", "/api/job/lab", ALICE_TOKEN, "application/json",
                "{\"jobscript\": \"#!/bin/sh\\ntrue\\n\", \"jobconf\": {\"partition\": \"no-such-partition\", \"job_wdir\": \"/tmp\"}}");
        assertThat(rejected.http()).as(rejected.env().toString()).isEqualTo(422);
        assertThat(rejected.error()).startsWith("submit_rejected: ");

        Answer invalid = send(gateway, "POST", "/api/job/lab", ALICE_TOKEN, "application/json",
                "{\"jobscript\": \"#!/bin/sh\\ntrue\\n\", \"jobconf\": {\"scale_cores\": \"many\"}}");
        assertThat(invalid.http()).isEqualTo(422);
        assertThat(invalid.output().get("fields").get("scale_cores").asText()).contains("not a number");

        Answer status = get("/api/job", ALICE_TOKEN);
        assertThat(status.http()).isEqualTo(200);
        assertThat(status.output().get("lab").get("available").asBoolean()).isFalse();
        assertThat(status.output().get("lab").get("reason").asText()).contains("--redis");
    }

    @Test
    void withoutTokensCommandsRunAsTheShellsOwnUserWhenAllowed() throws Exception {
        try (Gateway open = Gateway.start("--port", "0", "--machine", "here=local", "--allow-commands")) {
            assertThat(open.notes().get(0)).isEqualTo("no --token-file: listening on 127.0.0.1 only; every request acts as "
                    + ME + " on machine here");
            Answer c = send(open, "POST", "/api/command/here", null, "application/json", "{\"command\": \"scontrol ping\"}");
            assertThat(c.http()).as(c.env().toString()).isEqualTo(200);
            assertThat(c.output().get("exit_code").asInt()).isZero();
            assertThat(c.output().get("stdout").asText()).contains("is UP");
            Answer who = send(open, "POST", "/api/command/here", null, "application/json", "{\"command\": [\"id\", \"-un\"]}");
            assertThat(who.output().get("stdout").asText().strip()).isEqualTo(ME);
            Answer list = send(open, "GET", "/api/job/here", null, null, null);
            assertThat(list.http()).isEqualTo(200);
            assertThat(list.output().findValuesAsText("USER")).containsOnly(ME);
        }
    }

    @Test
    void theClusterStatusComesFromRedisWithItsAge() throws Exception {
        requireRedis();
        String machine = "gwit12-" + NONCE;
        String uri = "redis://default:slurm4j-redis-test@127.0.0.1:16379/0";
        RedisKeys keys = new RedisKeys(machine);
        try (RedisClient jedis = RedisClient.builder().fromURI(URI.create(uri)).build();
                LocalShell shell = LocalShell.create()) {
            try (ClusterCollector collector = ClusterCollector.builder(new SlurmClusterSource(new SlurmClient(shell)),
                    new RedisStore(jedis, keys)).build()) {
                assertThat(collector.runOnce()).isEqualTo(ClusterCollector.Outcome.WRITTEN);
            }
            try (Gateway g = Gateway.start("--port", "0", "--machine", machine + "=local", "--redis", uri, "--stale-after", "2")) {
                JsonNode s = send(g, "GET", "/api/job", null, null, null).output().get(machine);
                assertThat(s.get("available").asBoolean()).as(s.toString()).isTrue();
                assertThat(s.get("update_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                assertThat(s.get("age_seconds").asLong()).isBetween(0L, 2L);
                assertThat(s.get("stale").asBoolean()).isFalse();
                assertThat(s.get("node").get("all_node_tot").asInt()).isPositive();
                assertThat(s.get("collector_status").has("last_success")).isTrue();
                Thread.sleep(3200);
                // no collector writes any more: the same snapshot, now older than --stale-after
                JsonNode later = send(g, "GET", "/api/job", null, null, null).output().get(machine);
                assertThat(later.get("update_time").asText()).isEqualTo(s.get("update_time").asText());
                assertThat(later.get("stale").asBoolean()).isTrue();
            } finally {
                List<String> all = new ArrayList<>(keys.snapshotKeys());
                all.add(keys.collectorStatus());
                jedis.del(all.toArray(String[]::new));
            }
        }
    }

    private static void requireRedis() {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 16379), 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if (!up && Lab.inCi()) {
            fail("CI=true and the Redis of scripts/redis.sh is not running on 127.0.0.1:16379");
        }
        assumeTrue(up, "the Redis of scripts/redis.sh is not running on 127.0.0.1:16379 (scripts/redis.sh up)");
    }
}
