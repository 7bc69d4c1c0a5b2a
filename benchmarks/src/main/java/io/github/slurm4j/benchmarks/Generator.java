package io.github.slurm4j.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * Builds large, deterministic inputs from the real Slurm 22.05 captures: every generated job is a
 * captured {@code scontrol -o show job} line (and the {@code squeue --json} object of the same
 * captured job) with its id, name, user, account, nodes, times, paths and comment varied by a
 * seeded {@link Random}. The same seed and count always give the same bytes.
 *
 * <p>Both renderings of a job carry the same identity, name, user, state, reason, nodes and times,
 * so the text parser and Jackson read the same 100,000 jobs.
 *
 * <p>{@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.Generator <dir> [count] [seed]}
 * writes both files into {@code dir} unless they are already there.
 */
public final class Generator {
    /** Jobs in the benchmark inputs. */
    public static final int DEFAULT_JOBS = 100_000;
    /** Seed of the benchmark inputs. */
    public static final long DEFAULT_SEED = 20_261_120L;
    /** Id of the first generated job; ids then go up by one per line. */
    public static final long FIRST_JOB_ID = 1_000_000L;

    private static final String FIXTURES = "/fixtures/slurm-22.05/";
    private static final String[] SCONTROL_CASES = {
        "scontrol-job-all-oneliner",
        "scontrol-job-oneliner-completed-while-slurmd-down",
        "scontrol-job-oneliner-completing",
        "scontrol-job-oneliner-hetjob-pending",
        "scontrol-job-oneliner-pending-priority-long-name",
        "scontrol-job-oneliner-running",
    };
    private static final Set<String> TIME_KEYS = Set.of("SubmitTime", "EligibleTime", "AccrueTime",
            "StartTime", "EndTime", "Deadline", "PreemptEligibleTime", "PreemptTime", "SuspendTime",
            "LastSchedEval");
    private static final Map<String, String> JSON_TIMES = Map.of("SubmitTime", "submit_time",
            "EligibleTime", "eligible_time", "AccrueTime", "accrue_time", "StartTime", "start_time",
            "EndTime", "end_time", "Deadline", "deadline", "PreemptTime", "preempt_time",
            "SuspendTime", "suspend_time", "LastSchedEval", "last_sched_evaluation");
    private static final DateTimeFormatter SLURM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final String[] NAMES = {
        "train-%d",
        "sweep lr=0.%d bs=64",
        "训练任务 中文名 %d",
        "résumé été №%d",
        "a|b,c=d \"q\" 's' %d",
        "x=%d",
        "two  spaces %d",
        "😀 emoji run %d",
        "postproc_%d.sh",
        "long-name-" + "abcdefghij".repeat(15) + "-%d",
    };
    private static final String[] COMMENTS = {
        "key=value spaces = signs; owner=ops team #%d",
        "ticket=INC%06d note=retry after node fail",
        "pipeline stage %d of 12, input=/data/run 7/part.csv",
        "学习率=0.01 批量=%d",
        "a|b;c,d=%d \"quoted\" 'single'",
    };
    private static final String[] ACCOUNTS = {"root", "physics", "chemistry", "bio-informatics", "ml_team"};
    private static final String[] PROJECTS = {"climate", "genome assembly", "lattice-qcd", "nlp", "cfd_v2"};
    private static final String[] NODE_PREFIXES = {"cn", "gpu", "node-a", "bigmem"};
    private static final int[] NODE_COUNTS = {1, 1, 1, 1, 2, 2, 3, 4, 8, 16};

    private final List<Template> templates;
    private final ObjectNode meta;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Loads the templates from the fixtures packaged in the jar. */
    public Generator() {
        Map<Long, ObjectNode> jsonById = new HashMap<>();
        try {
            JsonNode root = mapper.readTree(resource("squeue-json"));
            meta = (ObjectNode) root.get("meta");
            for (JsonNode job : root.get("jobs")) {
                jsonById.put(job.get("job_id").asLong(), (ObjectNode) job);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Template> list = new ArrayList<>();
        for (String c : SCONTROL_CASES) {
            for (String line : new String(resource(c), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                List<String[]> fields = OnelinerFields.split(line);
                long id = Long.parseLong(value(fields, "JobId"));
                ObjectNode json = jsonById.get(id);
                if (json == null) {
                    throw new IllegalStateException("no squeue --json object for template job " + id);
                }
                list.add(new Template(fields, json));
            }
        }
        templates = List.copyOf(list);
    }

    /** Number of captured jobs the generated jobs are varied from. */
    public int templateCount() {
        return templates.size();
    }

    /** The jobs {@code count} and {@code seed} give, generated one at a time. */
    public Iterator<GeneratedJob> jobs(int count, long seed) {
        Random random = new Random(seed);
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public GeneratedJob next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                return generate(i++, random);
            }
        };
    }

    /** Writes {@code count} jobs as {@code scontrol -o show job} prints them (UTF-8). */
    public void writeScontrol(Path file, int count, long seed) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            for (Iterator<GeneratedJob> it = jobs(count, seed); it.hasNext();) {
                w.write(it.next().scontrolLine());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the same jobs as {@code squeue --json} (openapi v0.0.38) prints them. */
    public void writeSqueueJson(Path file, int count, long seed) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();
        try (OutputStream out = Files.newOutputStream(tmp);
                JsonGenerator gen = factory.createGenerator(out, JsonEncoding.UTF8)) {
            gen.setCodec(mapper);
            gen.setPrettyPrinter(new DefaultPrettyPrinter());
            gen.writeStartObject();
            gen.writeFieldName("meta");
            gen.writeTree(meta);
            gen.writeArrayFieldStart("errors");
            gen.writeEndArray();
            gen.writeArrayFieldStart("jobs");
            for (Iterator<GeneratedJob> it = jobs(count, seed); it.hasNext();) {
                gen.writeTree(it.next().json());
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The scontrol input file for {@code count} and {@code seed} in {@code dir}. */
    public static Path scontrolFile(Path dir, int count, long seed) {
        return dir.resolve("scontrol-jobs-" + count + "-" + seed + ".txt");
    }

    /** The JSON input file for {@code count} and {@code seed} in {@code dir}. */
    public static Path jsonFile(Path dir, int count, long seed) {
        return dir.resolve("squeue-jobs-" + count + "-" + seed + ".json");
    }

    /** Writes both inputs into {@code dir} unless they exist; returns nothing, prints the paths. */
    public static void ensure(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Generator g = null;
        Path text = scontrolFile(dir, count, seed);
        if (!Files.exists(text)) {
            g = new Generator();
            g.writeScontrol(text, count, seed);
        }
        Path json = jsonFile(dir, count, seed);
        if (!Files.exists(json)) {
            if (g == null) {
                g = new Generator();
            }
            g.writeSqueueJson(json, count, seed);
        }
    }

    /** {@code <dir> [count] [seed]}: writes the inputs (if missing) and prints their paths and sizes. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Generator <dir> [count] [seed]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_JOBS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        ensure(dir, count, seed);
        for (Path p : List.of(scontrolFile(dir, count, seed), jsonFile(dir, count, seed))) {
            System.out.println(p + "\t" + Files.size(p));
        }
    }

    private GeneratedJob generate(int index, Random random) {
        Template t = templates.get(random.nextInt(templates.size()));
        long id = FIRST_JOB_ID + index;
        List<String[]> fields = new ArrayList<>(t.fields.size() + 1);
        for (String[] kv : t.fields) {
            fields.add(kv.clone());
        }
        ObjectNode json = t.json.deepCopy();

        set(fields, "JobId", Long.toString(id));
        json.put("job_id", id);
        if (has(fields, "ArrayJobId")) {
            long arrayJobId = Math.max(FIRST_JOB_ID, id - random.nextInt(5));
            set(fields, "ArrayJobId", Long.toString(arrayJobId));
            json.put("array_job_id", arrayJobId);
        }
        if (has(fields, "HetJobId")) {
            long offset = Long.parseLong(value(fields, "HetJobOffset"));
            long het = Math.max(FIRST_JOB_ID, id - offset);
            set(fields, "HetJobId", Long.toString(het));
            set(fields, "HetJobIdSet", het + "-" + (het + 1));
            json.put("het_job_id", het);
            json.put("het_job_id_set", het + "-" + (het + 1));
        }

        String name = random.nextInt(10) < 4 ? value(fields, "JobName")
                : String.format(NAMES[random.nextInt(NAMES.length)], index);
        set(fields, "JobName", name);
        json.put("name", name);

        int user = random.nextInt(60);
        String userName = user == 0 ? "root" : user == 1 ? "alice" : user == 2 ? "bob" : String.format("u%04d", user);
        long uid = user == 0 ? 0 : user < 3 ? 1000 + user : 20_000 + user;
        set(fields, "UserId", userName + "(" + uid + ")");
        set(fields, "GroupId", userName + "(" + uid + ")");
        json.put("user_name", userName).put("user_id", uid).put("group_name", userName).put("group_id", uid);

        String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        set(fields, "Account", account);
        json.put("account", account);
        long priority = 1 + random.nextInt(100_000);
        set(fields, "Priority", Long.toString(priority));
        json.put("priority", priority);
        json.put("partition", value(fields, "Partition"));
        json.put("qos", value(fields, "QOS"));
        json.put("job_state", value(fields, "JobState"));
        json.put("state_reason", value(fields, "Reason"));
        json.put("restart_cnt", Integer.parseInt(value(fields, "Restarts")));
        json.put("dependency", nullToEmpty(value(fields, "Dependency")));
        json.put("licenses", nullToEmpty(value(fields, "Licenses")));

        // times: shift the whole job, keep the sentinels
        long shift = index * 13L + random.nextInt(600);
        for (String[] kv : fields) {
            if (TIME_KEYS.contains(kv[0]) && kv[1].length() == 19 && kv[1].charAt(10) == 'T') {
                LocalDateTime time = LocalDateTime.parse(kv[1], SLURM_TIME).plusSeconds(shift);
                kv[1] = SLURM_TIME.format(time);
            }
            String jsonKey = JSON_TIMES.get(kv[0]);
            if (jsonKey != null) {
                json.put(jsonKey, kv[1].length() == 19 && kv[1].charAt(10) == 'T'
                        ? LocalDateTime.parse(kv[1], SLURM_TIME).toEpochSecond(ZoneOffset.UTC) : 0L);
            }
        }
        json.set("time_limit", minutes(value(fields, "TimeLimit")) == null ? null
                : json.numberNode(minutes(value(fields, "TimeLimit"))));

        // nodes
        String nodes = value(fields, "NodeList");
        if (!nodes.isEmpty() && !"(null)".equals(nodes)) {
            int n = NODE_COUNTS[random.nextInt(NODE_COUNTS.length)];
            String prefix = NODE_PREFIXES[random.nextInt(NODE_PREFIXES.length)];
            int first = 1 + random.nextInt(900);
            String firstHost = prefix + String.format("%04d", first);
            nodes = n == 1 ? firstHost
                    : n == 3 ? prefix + String.format("[%04d,%04d-%04d]", first, first + 2, first + 3)
                    : prefix + String.format("[%04d-%04d]", first, first + n - 1);
            set(fields, "NodeList", nodes);
            set(fields, "NumNodes", Integer.toString(n));
            if (has(fields, "BatchHost")) {
                set(fields, "BatchHost", firstHost);
                json.put("batch_host", firstHost);
            }
            json.put("nodes", nodes).put("node_count", n);
            if (json.get("job_resources") instanceof ObjectNode resources) {
                resources.put("nodes", nodes);
            }
        }

        // paths
        String workDir = "/home/" + userName + "/projects/" + PROJECTS[random.nextInt(PROJECTS.length)]
                + "/run-" + (index % 977);
        String out = workDir + "/slurm-" + id + ".out";
        set(fields, "WorkDir", workDir);
        set(fields, "StdOut", out);
        set(fields, "StdErr", random.nextInt(4) == 0 ? workDir + "/slurm-" + id + ".err" : out);
        json.put("current_working_directory", workDir);
        json.put("standard_output", out);
        json.put("standard_error", value(fields, "StdErr"));
        if (!"(null)".equals(value(fields, "Command"))) {
            set(fields, "Command", workDir + "/scripts/train step " + (index % 7) + ".sh --input "
                    + workDir + "/data/part-" + index + ".h5 --epochs " + (1 + random.nextInt(200)));
        }
        json.put("command", nullToEmpty(value(fields, "Command")));

        // comment
        // scontrol prints one space of its own after Comment's value: the template's value keeps it,
        // the real comment (what sacct and squeue show) does not
        String comment = has(fields, "Comment") ? stripScontrolSpace(value(fields, "Comment")) : null;
        if (random.nextInt(100) < 40) {
            comment = String.format(COMMENTS[random.nextInt(COMMENTS.length)], index);
        }
        if (comment != null) {
            if (has(fields, "Comment")) {
                set(fields, "Comment", comment);
            } else {
                fields.add(indexOf(fields, "WorkDir") + 1, new String[] {"Comment", comment});
            }
        }
        json.put("comment", comment == null ? "" : comment);

        return new GeneratedJob(id, name, userName, uid, account, value(fields, "JobState"),
                value(fields, "Reason"), value(fields, "Partition"), value(fields, "NodeList"),
                comment, workDir, fields, json);
    }

    /** Minutes of a Slurm time limit, or {@code null} for UNLIMITED and the like. */
    static Integer minutes(String limit) {
        String s = limit;
        int days = 0;
        int dash = s.indexOf('-');
        if (dash > 0) {
            try {
                days = Integer.parseInt(s.substring(0, dash));
            } catch (NumberFormatException e) {
                return null;
            }
            s = s.substring(dash + 1);
        }
        String[] p = s.split(":");
        try {
            if (p.length == 3) {
                return days * 1440 + Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
            }
            if (p.length == 2) {
                return days * 1440 + Integer.parseInt(p[0]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String nullToEmpty(String v) {
        return "(null)".equals(v) ? "" : v;
    }

    private static int indexOf(List<String[]> fields, String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i)[0].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean has(List<String[]> fields, String key) {
        return indexOf(fields, key) >= 0;
    }

    private static String value(List<String[]> fields, String key) {
        int i = indexOf(fields, key);
        if (i < 0) {
            throw new IllegalStateException("template has no " + key);
        }
        return fields.get(i)[1];
    }

    private static String stripScontrolSpace(String comment) {
        return comment.endsWith(" ") ? comment.substring(0, comment.length() - 1) : comment;
    }

    private static void set(List<String[]> fields, String key, String value) {
        int i = indexOf(fields, key);
        if (i < 0) {
            throw new IllegalStateException("template has no " + key);
        }
        fields.get(i)[1] = value;
    }

    private static byte[] resource(String fixtureCase) {
        String name = FIXTURES + fixtureCase + "/stdout";
        try (InputStream in = Generator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("fixture not packaged: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Template(List<String[]> fields, ObjectNode json) {
    }

    /**
     * One generated job: what a correct parser must read back (identity, name, user, state,
     * nodes, comment), and its two renderings.
     */
    public static final class GeneratedJob {
        private final long jobId;
        private final String name;
        private final String userName;
        private final long userId;
        private final String account;
        private final String state;
        private final String reason;
        private final String partition;
        private final String nodeList;
        private final String comment;
        private final String workDir;
        private final List<String[]> fields;
        private final ObjectNode json;

        GeneratedJob(long jobId, String name, String userName, long userId, String account, String state,
                String reason, String partition, String nodeList, String comment, String workDir,
                List<String[]> fields, ObjectNode json) {
            this.jobId = jobId;
            this.name = name;
            this.userName = userName;
            this.userId = userId;
            this.account = account;
            this.state = state;
            this.reason = reason;
            this.partition = partition;
            this.nodeList = nodeList;
            this.comment = comment;
            this.workDir = workDir;
            this.fields = fields;
            this.json = json;
        }

        public long jobId() {
            return jobId;
        }

        public String name() {
            return name;
        }

        public String userName() {
            return userName;
        }

        public long userId() {
            return userId;
        }

        public String account() {
            return account;
        }

        /** The {@code JobState} token, e.g. {@code RUNNING}. */
        public String state() {
            return state;
        }

        public String reason() {
            return reason;
        }

        public String partition() {
            return partition;
        }

        /** The {@code NodeList} value as printed (empty for pending jobs). */
        public String nodeList() {
            return nodeList;
        }

        /** The comment, or {@code null} when the line has no {@code Comment=}. */
        public String comment() {
            return comment;
        }

        public String workDir() {
            return workDir;
        }

        /** The job as one {@code scontrol -o show job} line, with its trailing space and newline. */
        public String scontrolLine() {
            StringBuilder sb = new StringBuilder(2048);
            for (String[] kv : fields) {
                sb.append(kv[0]).append('=').append(kv[1]).append(' ');
                if (kv[0].equals("Comment")) {
                    sb.append(' '); // scontrol's own space after the comment
                }
            }
            return sb.append('\n').toString();
        }

        /** The job as an element of {@code squeue --json}'s {@code jobs} array. */
        public ObjectNode json() {
            return json;
        }
    }
}
