package io.github.slurm4j.samples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobConf;
import io.github.slurm4j.jobs.JobDetail;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.JobRowView;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.jobs.Submission;
import io.github.slurm4j.jobs.console.ConsoleLines;
import io.github.slurm4j.jobs.console.ConsoleStream;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.AccountingRecordView;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.ActionResultView;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.seff.SeffView;
import io.github.slurm4j.redis.StoredStats;
import io.github.slurm4j.redis.stats.StatsCalculator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's handlers: a request in, an answer out, with no HTTP server in between (the
 * server is {@link Gateway}'s). Every {@code /api/} answer is the envelope of
 * {@link ApiResponse}; every failure goes through {@link Errors}, and only a bug is logged with
 * its stack trace — never sent.
 */
final class GatewayApi {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApi.class);
    /** How far back {@code GET /api/job/<machine>} lists a user's jobs by default (days). */
    static final int DEFAULT_DAYS = 7;
    /** The largest output {@code POST /api/command} keeps of each stream. */
    static final long COMMAND_OUTPUT_LIMIT = 1 << 20;
    /** How many lines {@code …/log} returns by default, and at most. */
    static final int DEFAULT_LOG_LINES = 2000;
    static final int MAX_LOG_LINES = 10_000;

    private final Map<String, Machine> machines;
    private final SlurmJobs jobs;
    private final TokenAuth auth;
    private final boolean allowCommands;
    private final Duration staleAfter;
    private final DemoCluster demo;
    private final Clock clock;
    private final ConsolePage page;
    private final List<String> order;

    /**
     * @param machines the machines by name, in the order they are listed
     * @param jobs the façade, with a cluster per machine and user ({@link Machine#cluster})
     * @param auth the tokens, or {@code null}: every request acts as each machine's own account
     * @param demo the demo cluster when one of the machines is it, else {@code null}
     */
    GatewayApi(Map<String, Machine> machines, SlurmJobs jobs, TokenAuth auth, boolean allowCommands, Duration staleAfter,
            DemoCluster demo, Clock clock, ConsolePage page) {
        this.machines = Map.copyOf(machines);
        this.jobs = jobs;
        this.auth = auth;
        this.allowCommands = allowCommands;
        this.staleAfter = staleAfter;
        this.demo = demo;
        this.clock = clock;
        this.page = page;
        this.order = List.copyOf(machines.keySet());
    }

    /** Answers one request; never throws. */
    ApiResponse handle(ApiRequest r) {
        try {
            if (r.path().equals("/") || r.path().equals("/index.html")) {
                if (!r.method().equals("GET")) {
                    return ApiResponse.error(new ApiError(405, "method_not_allowed", r.method() + " is not allowed here; allowed: GET"),
                            Map.of("Allow", "GET"));
                }
                return page.response();
            }
            checkOrigin(r);
            // who asks comes first: an unauthenticated caller learns nothing, not even which paths exist
            String user = auth == null ? null : auth.userOf(r.header("authorization"));
            Routes.Route route = Routes.match(r.method(), r.path());
            return ApiResponse.ok(dispatch(route, r, user));
        } catch (Routes.MethodNotAllowed e) {
            return ApiResponse.error(e.error, Map.of("Allow", e.allow));
        } catch (RuntimeException | Error e) {
            ApiError mapped = Errors.of(e);
            if (mapped == null) {
                if (e instanceof Error err && !(e instanceof StackOverflowError)) {
                    throw err;
                }
                LOG.error("{} {} failed", r.method(), Routes.shorten(r.path()), e);
                mapped = new ApiError(500, "internal_error", "the gateway failed on this request; its log has the details");
            }
            return ApiResponse.error(mapped);
        }
    }

    /**
     * A browser page of another site must not drive this API (a form posted to 127.0.0.1 would
     * act as the gateway's user): a request with an {@code Origin} not this gateway's own is
     * refused. Without tokens the {@code Host} must be a loopback name too, so that a DNS name
     * rebound to 127.0.0.1 does not make another site same-origin.
     */
    private void checkOrigin(ApiRequest r) {
        String host = r.header("host");
        String origin = r.header("origin");
        if (origin != null && !origin.equals("null") && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw new ApiError(403, "cross_origin", "requests from another origin (" + Routes.shorten(origin) + ") are refused");
        }
        if (origin != null && origin.equals("null")) {
            throw new ApiError(403, "cross_origin", "requests from an opaque origin are refused");
        }
        if (auth == null && host != null && !loopbackHost(host)) {
            throw new ApiError(403, "bad_host", "without tokens this gateway answers only to 127.0.0.1, localhost or [::1], not "
                    + Routes.shorten(host));
        }
    }

    static boolean loopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || name.equals("127.0.0.1");
    }

    private Object dispatch(Routes.Route route, ApiRequest r, String user) {
        if (route.kind() == Routes.Kind.STATUS) {
            return status();
        }
        Machine m = machines.get(route.machine());
        if (m == null) {
            throw new ApiError(404, "unknown_machine", "no machine named '" + route.machine() + "'; known: " + String.join(", ", order));
        }
        String acting = user == null ? m.account() : user;
        if (!m.users().contains(acting)) {
            throw new ApiError(403, "user_not_served", "machine " + m.name() + " acts as " + String.join(", ", m.users())
                    + ", not as " + acting);
        }
        String cluster = m.cluster(acting);
        switch (route.kind()) {
            case COMMAND:
                return command(cluster, r);
            case SUBMIT:
                return submit(cluster, r);
            case LIST:
                return list(cluster, acting, r);
            case KILL:
                return kill(cluster, r);
            case DETAIL:
                return detail(m, cluster, jobId(route.jobId()));
            case CONSOLE:
                return console(m, cluster, jobId(route.jobId()));
            case LOG:
                return log(cluster, jobId(route.jobId()), r);
            default:
                throw new IllegalStateException(route.kind().name());
        }
    }

    // ------------------------------------------------------------------ command

    private Object command(String cluster, ApiRequest r) {
        if (!allowCommands) {
            throw new ApiError(403, "commands_disabled", "raw commands are off; start the gateway with --allow-commands");
        }
        Map<String, Object> body = Bodies.fields(r.header("content-type"), r.body());
        Object c = body.get("command");
        List<String> argv;
        if (c == null) {
            throw ApiError.missing("command", "the body needs \"command\": the command line to run");
        } else if (c instanceof String s) {
            argv = CommandLine.split(s);
        } else if (c instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof String)) {
            argv = list.stream().map(String.class::cast).toList();
        } else {
            throw ApiError.badRequest("invalid_argument", "\"command\" must be a command line or a list of words");
        }
        // run on the machine's shell rather than with SlurmJobs.run: its output must be bounded here
        Cluster cl = jobs.cluster(cluster);
        ExecResult res = cl.shell().run(ExecRequest.builder(argv).timeout(cl.timeout()).outputLimit(COMMAND_OUTPUT_LIMIT).build());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exit_code", res.exitCode());
        out.put("stdout", res.stdout());
        out.put("stderr", res.stderr());
        out.put("truncated", res.truncated());
        return out;
    }

    // ------------------------------------------------------------------ submit

    /**
     * {@code jobscript} (the script's text) with an optional {@code jobfilepath} (write it there on
     * the cluster first, and submit it from there), or {@code jobfile} (a script already on the
     * cluster); {@code jobconf}: the console's form keys ({@link JobConf#fromMap}) as a JSON object,
     * or a string holding one.
     */
    private Object submit(String cluster, ApiRequest r) {
        Map<String, Object> body = Bodies.fields(r.header("content-type"), r.body());
        String script = text(body, "jobscript");
        String path = text(body, "jobfilepath");
        String file = text(body, "jobfile");
        if (script == null && file == null) {
            throw ApiError.missing("jobscript", "the body needs \"jobscript\" (the script's text, with \"jobfilepath\" to "
                    + "write it to) or \"jobfile\" (a script on the cluster)");
        }
        if (script != null && file != null) {
            throw ApiError.badRequest("invalid_argument", "give \"jobscript\" or \"jobfile\", not both");
        }
        if (path != null && script == null) {
            throw ApiError.badRequest("invalid_argument", "\"jobfilepath\" is where \"jobscript\" is written; there is no jobscript");
        }
        Map<String, Object> form = new LinkedHashMap<>(body.containsKey("jobconf")
                ? Bodies.jsonObjectField(body.get("jobconf"), "jobconf") : Map.of());
        form.remove("script");
        form.remove("jobfile");
        Cluster cl = jobs.cluster(cluster);
        Submission s;
        if (path != null) {
            // checked as the text it is before anything is written, then written and submitted from its path
            form.put("script", script);
            Map<String, String> errors = JobConf.fromMap(form).validate(cl.partitions());
            if (!errors.isEmpty()) {
                throw new io.github.slurm4j.jobs.JobConfException(errors);
            }
            form.remove("script");
            cl.shell().writeFile(path, script.getBytes(StandardCharsets.UTF_8), 0700);
            form.put("jobfile", path);
        } else if (script != null) {
            form.put("script", script);
        } else {
            form.put("jobfile", file);
        }
        s = jobs.submit(cluster, JobConf.fromMap(form));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobid", s.jobId().toString());
        return out;
    }

    private static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiError.badRequest("invalid_argument", "\"" + key + "\" must be a string");
        }
        return s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ lists

    /**
     * The acting user's jobs of the last {@code days} (default 7): the columns squeue prints by
     * default ({@code JOBID PARTITION NAME USER ST TIME}), then the façade's row view.
     */
    private Object list(String cluster, String user, ApiRequest r) {
        int days = intParam(r, "days", DEFAULT_DAYS, 1, 366);
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JobRow row : jobs.myJobs(cluster, user, now.minus(Duration.ofDays(days)))) {
            rows.add(columns(row, now));
        }
        return rows;
    }

    static Map<String, Object> columns(JobRow row, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        JobState st = row.status().state();
        m.put("JOBID", row.id());
        m.put("PARTITION", row.partition());
        m.put("NAME", row.name());
        m.put("USER", row.user());
        m.put("ST", st.state().code() != null ? st.state().code() : st.raw());
        Duration used = Duration.ZERO;
        if (row.started() != null) {
            Instant end = row.finished() != null ? row.finished() : now;
            used = end.isAfter(row.started()) ? Duration.between(row.started(), end) : Duration.ZERO;
        }
        m.put("TIME", SlurmDuration.format(used));
        m.putAll(JobRowView.toMap(row));
        return m;
    }

    // ------------------------------------------------------------------ kill

    private Object kill(String cluster, ApiRequest r) {
        Map<String, Object> body = Bodies.fields(r.header("content-type"), r.body());
        Object fromBody = body.get("jobid");
        String text;
        if (fromBody != null) {
            if (!(fromBody instanceof String || fromBody instanceof Integer || fromBody instanceof Long)) {
                throw ApiError.badRequest("invalid_argument", "\"jobid\" must be a job id (text or a whole number)");
            }
            text = fromBody.toString();
            String q = r.query().get("jobid");
            if (q != null && !q.equals(text)) {
                throw ApiError.badRequest("invalid_argument", "the body and ?jobid= name different jobs");
            }
        } else {
            text = r.query().get("jobid");
        }
        if (text == null || text.isBlank()) {
            throw ApiError.missing("jobid", "which job? give {\"jobid\": \"…\"} or ?jobid=");
        }
        JobId id = jobId(text);
        ActionResult res = jobs.cancel(cluster, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobid", id.toString());
        out.put("result", ActionResultView.toMap(res));
        return out;
    }

    // ------------------------------------------------------------------ detail

    private Object detail(Machine m, String cluster, JobId id) {
        JobDetail d = jobs.detail(cluster, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobid", Long.toString(d.job().identity().jobId()));
        out.put("job_key", d.jobKey());
        out.put("name", d.job().identity().name());
        out.put("user", d.job().identity().user() == null ? null : d.job().identity().user().name());
        out.put("partition", d.job().identity().partition());
        out.put("status", d.status().phase().name());
        out.put("cloud_status", d.status().cloud().name());
        out.put("slurm_state", d.status().state().raw());
        out.put("reason_code", d.status().reasonCode());
        out.put("reason_message", d.status().message());
        out.put("exit_code", d.job().status().exitCode() == null ? null : d.job().status().exitCode().toString());
        out.put("submitted", epoch(d.submitted()));
        out.put("started", epoch(d.started()));
        out.put("finished", epoch(d.finished()));
        out.put("duration_seconds", d.duration() == null ? null : d.duration().getSeconds());
        out.put("restarts", d.restarts());
        out.put("from_accounting", d.fromAccounting());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (AccountingRecord s : d.steps()) {
            steps.add(AccountingRecordView.toMap(s));
        }
        out.put("steps", steps);
        out.put("efficiency", d.efficiency() == null ? null : SeffView.toMap(d.efficiency()));
        out.put("job", JobView.toMap(d.job(), m.zone()));
        return out;
    }

    private Object console(Machine m, String cluster, JobId id) {
        JobDetail d = jobs.detail(cluster, id);
        Map<String, Object> console = d.toConsoleMap();
        if (m.demo() && demo != null) {
            Map<String, Object> withRun = new LinkedHashMap<>(console);
            withRun.put("runData", demo.runData(d));
            return withRun;
        }
        return console;
    }

    /**
     * The last {@code ?lines=N} lines (default {@value #DEFAULT_LOG_LINES}, at most
     * {@value #MAX_LOG_LINES}) of the job's {@code ?stream=stdout|stderr}, read on the cluster with
     * {@code tail -n} ({@link SlurmJobs#tail}); a file that does not exist yet is no lines and
     * {@code "exists": false}.
     */
    private Object log(String cluster, JobId id, ApiRequest r) {
        int lines = intParam(r, "lines", DEFAULT_LOG_LINES, 1, MAX_LOG_LINES);
        String s = r.query().getOrDefault("stream", "stdout");
        ConsoleStream stream = switch (s) {
            case "stdout" -> ConsoleStream.STDOUT;
            case "stderr" -> ConsoleStream.STDERR;
            default -> throw ApiError.badRequest("invalid_argument", "?stream= is stdout or stderr, not '" + Routes.shorten(s) + "'");
        };
        ConsoleLines c = jobs.tail(cluster, id, lines, stream);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobid", id.toString());
        out.put("stream", s);
        out.put("path", c.path());
        out.put("exists", c.exists());
        out.put("lines", c.lines());
        return out;
    }

    // ------------------------------------------------------------------ cluster status

    /**
     * Per machine, in order: the snapshot read back from its store with its {@code update_time},
     * its age and whether it is older than {@code --stale-after}; or why there is none.
     */
    private Object status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (String name : order) {
            Machine m = machines.get(name);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("machine", name);
            if (m.store() == null) {
                s.put("available", false);
                s.put("reason", "no store: start the gateway with --redis, where 'cluster-stats --cluster " + name
                        + " --redis …' writes");
                out.put(name, s);
                continue;
            }
            Optional<StoredStats> read = m.store().read();
            if (read.isEmpty()) {
                s.put("available", false);
                s.put("reason", "no snapshot of cluster " + name + " in the store yet (is its collector running?)");
                out.put(name, s);
                continue;
            }
            StoredStats st = read.get();
            LocalDateTime t = st.updateTime();
            Duration age = st.age(m.zone(), now);
            s.put("available", true);
            // the written format; LocalDateTime.toString() drops ":00" seconds (and prints fractions)
            s.put("update_time", t == null ? null : StatsCalculator.UPDATE_TIME.format(t));
            s.put("age_seconds", age == null ? null : Math.max(0, age.getSeconds()));
            s.put("stale", age == null || age.compareTo(staleAfter) > 0);
            s.put("stale_after_seconds", staleAfter.getSeconds());
            s.put("node", st.node());
            s.put("job", st.job());
            s.put("brief", st.brief());
            s.put("pue", st.pue());
            s.put("jobs", jsonList(st.jobs()));
            s.put("nodes", jsonList(st.nodes()));
            s.put("collector_status", st.status());
            out.put(name, s);
        }
        return out;
    }

    private static List<Object> jsonList(List<String> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (String item : items) {
            try {
                out.add(ApiResponse.MAPPER.readTree(item));
            } catch (JsonProcessingException e) {
                out.add(item);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    static JobId jobId(String text) {
        try {
            return JobId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_job_id", "not a job id: '" + Routes.shorten(text) + "'");
        }
    }

    static int intParam(ApiRequest r, String name, int dflt, int min, int max) {
        String v = r.query().get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_argument", "?" + name + "= must be a whole number in " + min + ".." + max
                    + ", not '" + Routes.shorten(v) + "'");
        }
    }

    private static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    /** The read behind {@code GET /api/job} for one machine, without HTTP or JSON ({@link Gateway#readStatus}). */
    Optional<StoredStats> readStatus(String machine) {
        Machine m = known(machine);
        if (m.store() == null) {
            throw new IllegalArgumentException("machine " + machine + " has no store");
        }
        return m.store().read();
    }

    /** The read behind {@code GET /api/job/<machine>} as its own account, without HTTP or JSON ({@link Gateway#readJobs}). */
    List<JobRow> readJobs(String machine) {
        Machine m = known(machine);
        return jobs.myJobs(m.cluster(m.account()), m.account(), clock.instant().minus(Duration.ofDays(DEFAULT_DAYS)));
    }

    private Machine known(String machine) {
        Machine m = machines.get(machine);
        if (m == null) {
            throw new IllegalArgumentException("no machine " + machine);
        }
        return m;
    }
}
