package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.StdoutReader;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import io.github.slurm4j.testkit.SimCluster.Job;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated Slurm cluster behind the {@link Shell} SPI: give it to {@code SlurmClient} (or to
 * your own code that runs Slurm commands) instead of a {@code LocalShell}, and it answers the
 * commands slurm4j sends in Slurm 22.05's output formats, from a cluster it keeps: jobs
 * are submitted, wait, start when a node has room, run for their scripted time on a clock that
 * moves only when the test says so, and end COMPLETED, FAILED, TIMEOUT or OUT_OF_MEMORY.
 * Accounting keeps them after slurmctld has forgotten them.
 *
 * <pre>{@code
 * FakeSlurm slurm = FakeSlurm.builder().build();          // nodes, partitions and users like the lab's
 * SlurmClient client = new SlurmClient(slurm);
 * JobId id = client.submit(SubmitRequest.script("#!/bin/sh\nsleep 60\n").name("train").build()).jobId();
 * slurm.advance(Duration.ofSeconds(61));
 * assertThat(client.statusOf(List.of(id)).get(id).state().base()).isEqualTo(JobState.Base.COMPLETED);
 * }</pre>
 *
 * <h2>What it models</h2>
 * <ul>
 *   <li>Commands: {@code squeue --noheader [--array] -O ...} with {@code --user --me --jobs --states
 *       --partition --account --name --qos} (an unknown user or state is reported as squeue 22.05
 *       reports it); {@code scontrol -o [-d] show job|node|partition|reservation|step},
 *       {@code scontrol suspend|resume|hold|uhold|release|requeue|requeuehold ID},
 *       {@code scontrol update JobId=ID Name|Comment|TimeLimit|Nice|Priority|Partition|QOS=...},
 *       {@code scontrol listpids ID}, {@code scontrol ping}; {@code sbatch --parsable} with the
 *       options of {@code SubmitRequest} (and {@code #SBATCH} lines); {@code scancel --verbose
 *       [--signal=S] ID}; {@code sacct --parsable2 --noheader --delimiter=D --format=...} with
 *       {@code --jobs --user --allusers --state --starttime --endtime --allocations}; {@code sstat};
 *       the probe for {@code seff} (not installed, as on the lab: efficiency is computed from
 *       sacct). {@code -M <this cluster>} on squeue and sbatch.</li>
 *   <li>Jobs on one node each, with CPUs, memory (per CPU or per node, {@code DefMemPerCPU}) and
 *       GPUs counted against the node; arrays (tasks split off as they start, the last one
 *       keeping the array's id, as slurmctld does); dependencies {@code after, afterany,
 *       afterok, afternotok}; holds; nice; suspend and resume (the time limit stops while
 *       suspended); requeue; cancel; time limits ({@code TIMEOUT} exactly at the limit).</li>
 *   <li>How a job ends: a rule given with {@link Builder#outcome}, else its script: the
 *       seconds of its {@code sleep N} lines are its run time, its last {@code exit N} line its
 *       exit code; a script without either runs {@link Builder#defaultRunTime} and exits 0.</li>
 *   <li>Users: the shell acts as one user ({@link #as} gives a shell acting as another on the
 *       same cluster). A user may control only their own jobs, may not raise priority, set a
 *       negative nice, suspend or resume; an operator ({@code root}, or {@link Builder#operator})
 *       may. Refusals come with Slurm's messages and exit codes.</li>
 *   <li>Outages: {@link #controllerDown} and {@link #accountingDown} make the commands fail as
 *       Slurm's do when slurmctld or slurmdbd cannot be reached.</li>
 * </ul>
 * Anything else — another command, option, format field, a multi-node job — throws
 * {@link NotModelledError}: the fake never answers what a real Slurm would not.
 *
 * <p>The clock starts at {@link Builder#startAt} and moves with {@link #advance} (or follows a
 * {@link Builder#clock real clock}, for demos). Safe for concurrent use.
 *
 * <p>How it is checked against a real Slurm 22.05 ({@code FakeSlurmFidelityIT}): the typed results
 * {@code SlurmClient} reads from its answers are compared field by field with the real cluster's
 * (ids, times and measured usage aside), and the raw stdout, stderr and exit code byte for byte
 * where they hold no time and no measured value (refusals, {@code sbatch --parsable},
 * {@code scontrol ping}); listings are not compared byte for byte.
 */
public final class FakeSlurm implements Shell {

    /**
     * What an {@link Builder#outcome} rule sees of a job being submitted.
     *
     * @param jobId the id the job gets
     * @param name its name ({@code --job-name}, or Slurm's default)
     * @param user the submitting user
     * @param partition the partition it goes to
     * @param account the account it is charged to
     * @param script the script text as sbatch got it; for {@code --wrap} the script sbatch writes
     *     around the command
     */
    public record SubmittedJob(long jobId, String name, String user, String partition, String account, String script) {
    }

    /** A Slurm user of the fake cluster. */
    private record User(String name, int uid, String group, int gid, List<String> accounts) {
    }

    private record OutcomeRule(Predicate<SubmittedJob> when, JobOutcome outcome) {
    }

    /** Shared by every view ({@link #as}) of one fake cluster. */
    private static final class State {
        final SimCluster cluster;
        final SimOutput out;
        final Map<String, User> users;
        final Set<String> operators;
        final List<OutcomeRule> rules;
        final Duration defaultRunTime;
        final Clock clock;
        final String host;
        final java.util.ArrayDeque<ExecRequest> requests = new java.util.ArrayDeque<>();
        final int keepRequests;
        boolean controllerDown;
        boolean accountingDown;

        State(Builder b) {
            this.cluster = new SimCluster(b.clusterName, b.start, b.firstJobId, b.defMemPerCpuMb, b.basePriority, b.minJobAge);
            this.keepRequests = b.keepRequests;
            this.out = new SimOutput(cluster, b.zone);
            this.users = Map.copyOf(b.users);
            this.operators = Set.copyOf(b.operators);
            this.rules = List.copyOf(b.rules);
            this.defaultRunTime = b.defaultRunTime;
            this.clock = b.clock;
            this.host = b.host;
        }
    }

    private final State s;
    private final User user;

    private FakeSlurm(State state, User user) {
        this.s = state;
        this.user = user;
    }

    /** {@return a builder; with nothing set, the cluster is the shape of the project's lab (see {@link Builder})} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A shell acting as {@code userName} on this same cluster: same jobs, clock and outages.
     *
     * @param userName a user the builder knows
     * @return the view; this one is unchanged
     * @throws IllegalArgumentException for an unknown user
     */
    public FakeSlurm as(String userName) {
        User u = s.users.get(userName);
        if (u == null) {
            throw new IllegalArgumentException("no user " + userName + " in this FakeSlurm; add it with Builder.user");
        }
        return new FakeSlurm(s, u);
    }

    /** {@return the user this shell acts as} */
    public String user() {
        return user.name();
    }

    /** {@return the fake clock's time (or the real clock's, with {@link Builder#clock}), after moving the cluster to it} */
    public Instant now() {
        synchronized (s) {
            sync();
            return s.cluster.now;
        }
    }

    /**
     * Moves the clock forward: jobs end, time out and start on the way, each at its own instant.
     *
     * @param d how far; zero or positive
     * @throws IllegalArgumentException if {@code d} is negative
     * @throws IllegalStateException when the fake follows a clock given to its builder
     */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go back: " + d);
        }
        synchronized (s) {
            if (s.clock != null) {
                throw new IllegalStateException("this FakeSlurm follows a clock given to its builder; it cannot be advanced");
            }
            s.cluster.advanceTo(s.cluster.now.plus(d));
        }
    }

    /**
     * slurmctld unreachable or back: controller commands fail as Slurm's do; sacct still works.
     *
     * @param down true to take the controller down, false to bring it back
     */
    public void controllerDown(boolean down) {
        synchronized (s) {
            s.controllerDown = down;
        }
    }

    /**
     * slurmdbd unreachable or back: sacct fails as it does; the queue still works.
     *
     * @param down true to take accounting down, false to bring it back
     */
    public void accountingDown(boolean down) {
        synchronized (s) {
            s.accountingDown = down;
        }
    }

    /**
     * Drains a node ({@code scontrol update nodename=N state=drain reason=R}): it takes no new job;
     * running jobs go on.
     *
     * @param node the node's name
     * @param reason the reason; shown with {@code [root@time]} as scontrol shows it
     * @throws IllegalArgumentException for an unknown node
     */
    public void drainNode(String node, String reason) {
        synchronized (s) {
            SimCluster.Node n = node(node);
            n.drain = true;
            n.reason = reason + " [root@" + s.out.time(s.cluster.now) + "]";
        }
    }

    /**
     * Resumes a drained node and schedules pending jobs on it.
     *
     * @param node the node's name
     * @throws IllegalArgumentException for an unknown node
     */
    public void resumeNode(String node) {
        synchronized (s) {
            SimCluster.Node n = node(node);
            n.drain = false;
            n.reason = null;
            s.cluster.schedule();
        }
    }

    private SimCluster.Node node(String name) {
        SimCluster.Node n = s.cluster.nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    /**
     * {@return every request answered so far, by every view of this cluster, in order; with
     * {@link Builder#keepRequests(int)} only the latest that many}
     */
    public List<ExecRequest> requests() {
        synchronized (s) {
            return List.copyOf(s.requests);
        }
    }

    /**
     * How many commands of {@code tool} were run, by every view of this cluster.
     *
     * @param tool the program ({@code squeue}, {@code sacct}, …)
     * @return the count
     */
    public int count(String tool) {
        synchronized (s) {
            return (int) s.requests.stream().filter(r -> r.command().get(0).equals(tool)).count();
        }
    }

    @Override
    public String target() {
        return "fake-slurm " + user.name() + "@" + s.cluster.clusterName;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public void writeFile(String path, byte[] content, int permissions) {
        throw new NotModelledError("writeFile(" + path + "): FakeSlurm has no file system; submit the script on stdin");
    }

    @Override
    public <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader) {
        ExecResult r = run(request);
        try {
            T value = reader.read(new ByteArrayInputStream(r.stdoutBytes()));
            return new StreamResult<>(value, null, r);
        } catch (Exception e) {
            return new StreamResult<>(null, e, r);
        }
    }

    @Override
    public ExecResult run(ExecRequest request) {
        List<String> argv = request.command();
        synchronized (s) {
            if (s.requests.size() == s.keepRequests) {
                s.requests.removeFirst();
            }
            s.requests.addLast(request);
            sync();
            Reply reply = dispatch(argv, request);
            return new ExecResult(argv, reply.rc, reply.out.getBytes(StandardCharsets.UTF_8),
                    reply.err.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
        }
    }

    private void sync() {
        if (s.clock != null) {
            Instant t = s.clock.instant();
            if (t.isAfter(s.cluster.now)) {
                s.cluster.advanceTo(t);
            }
        } else {
            s.cluster.schedule();
        }
    }

    private record Reply(int rc, String out, String err) {
        static Reply ok(String out) {
            return new Reply(0, out, "");
        }

        static Reply err(int rc, String err) {
            return new Reply(rc, "", err);
        }
    }

    private static final String CTLD_DOWN = "Unable to contact slurm controller (connect failure)";

    private Reply dispatch(List<String> argv, ExecRequest request) {
        if (argv.isEmpty()) {
            throw new NotModelledError("an empty command");
        }
        String tool = argv.get(0);
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean multiCluster = false;
        if (args.size() >= 2 && args.get(0).equals("-M")) {
            if (!args.get(1).equals(s.cluster.clusterName)) {
                throw new NotModelledError(tool + " -M " + args.get(1) + " (this fake cluster is " + s.cluster.clusterName + ")");
            }
            if (!tool.equals("squeue") && !tool.equals("sbatch")) {
                throw new NotModelledError(tool + " -M");
            }
            multiCluster = true;
            args = new ArrayList<>(args.subList(2, args.size()));
        }
        return switch (tool) {
            case "squeue" -> squeue(args, multiCluster);
            case "scontrol" -> scontrol(args);
            case "sbatch" -> sbatch(args, request, multiCluster);
            case "scancel" -> scancel(args);
            case "sacct" -> sacct(args);
            case "sstat" -> sstat(args);
            case "sh" -> {
                if (args.equals(List.of("-c", "command -v seff"))) {
                    yield new Reply(1, "", "");
                }
                throw new NotModelledError(ExecRequest.display(argv));
            }
            default -> throw new NotModelledError("the command " + ExecRequest.display(argv));
        };
    }

    // ---------------------------------------------------------------- squeue

    /** The job states squeue 22.05 accepts in {@code --states}, in the order its refusal lists them. */
    private static final List<String> SQUEUE_STATES = List.of("PENDING", "RUNNING", "SUSPENDED", "COMPLETED",
            "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY",
            "COMPLETING", "CONFIGURING", "RESIZING", "RESV_DEL_HOLD", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD",
            "REVOKED", "SIGNALING", "SPECIAL_EXIT", "STAGE_OUT", "STOPPED");

    private Reply squeue(List<String> args, boolean multiCluster) {
        String format = null;
        boolean noHeader = false;
        boolean array = false;
        // what squeue prints while reading its options (an unknown user), before any job
        StringBuilder err = new StringBuilder();
        List<String> users = null;
        List<String> ids = null;
        Set<String> states = null;
        List<String> partitions = List.of();
        boolean me = false;
        List<String> accounts = List.of();
        List<String> names = List.of();
        List<String> qos = List.of();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--noheader") || a.equals("-h")) {
                noHeader = true;
            } else if (a.equals("--array") || a.equals("-r")) {
                array = true;
            } else if (a.equals("-O") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (a.startsWith("--user=")) {
                // 22.05 (lab): an unknown user is reported and left out, exit 0; with none left, no job
                users = new ArrayList<>();
                for (String u : tokens(value(a))) {
                    User known = userByNameOrUid(u);
                    if (known == null) {
                        err.append("squeue: error: Invalid user: ").append(u).append("\n\n");
                    } else {
                        users.add(known.name());
                    }
                }
            } else if (a.startsWith("--jobs=")) {
                ids = List.of(value(a).split(","));
            } else if (a.startsWith("--states=")) {
                states = new LinkedHashSet<>();
                if (value(a).equalsIgnoreCase("all")) {
                    states.add("ALL");
                } else {
                    for (String t : tokens(value(a))) {
                        String name = squeueState(t);
                        if (name == null) {
                            // 22.05 (lab): squeue stops at the first bad state ("all" too, within a list), exit 1
                            return new Reply(1, "", err + "squeue: error: Invalid job state specified: " + t
                                    + "\nsqueue: error: Valid job states include: " + String.join(",", SQUEUE_STATES) + "\n\n");
                        }
                        states.add(name);
                    }
                }
            } else if (a.startsWith("--partition=")) {
                partitions = List.of(value(a).split(","));
            } else if (a.equals("--me")) {
                me = true;
            } else if (a.startsWith("--account=")) {
                accounts = List.of(value(a).split(","));
            } else if (a.startsWith("--name=")) {
                names = List.of(value(a).split(","));
            } else if (a.startsWith("--qos=")) {
                qos = List.of(value(a).split(","));
            } else {
                throw new NotModelledError("squeue option " + a);
            }
        }
        if (format == null || !noHeader) {
            throw new NotModelledError("squeue without --noheader -O (only the -O form slurm4j sends is modelled)");
        }
        if (s.controllerDown) {
            return Reply.err(1, err + "slurm_load_jobs error: " + CTLD_DOWN + "\n");
        }
        List<String[]> fields = squeueFields(format);
        List<Job> rows = new ArrayList<>();
        boolean anyIdFound = ids == null;
        for (Job j : squeueOrder()) {
            if (ids != null) {
                if (ids.stream().noneMatch(id -> matches(j, id))) {
                    continue;
                }
                anyIdFound = true;
            }
            if (users != null && !users.contains(j.user)) {
                continue;
            }
            if (!partitions.isEmpty() && !partitions.contains(j.partition)) {
                continue;
            }
            if ((me && j.uid != user.uid()) || (!accounts.isEmpty() && !accounts.contains(j.account))
                    || (!names.isEmpty() && !names.contains(j.name)) || (!qos.isEmpty() && !qos.contains(j.qos))) {
                continue;
            }
            if (states == null ? j.finished() : !(states.contains("ALL") || states.contains(j.state))) {
                continue;
            }
            rows.add(j);
        }
        if (!anyIdFound) {
            return Reply.err(1, err + "slurm_load_jobs error: Invalid job id specified\n");
        }
        StringBuilder sb = new StringBuilder();
        if (multiCluster) {
            sb.append("CLUSTER: ").append(s.cluster.clusterName).append('\n');
        }
        for (Job j : rows) {
            if (j.isMeta() && array && !j.pendingTasks.isEmpty()) {
                for (int task : j.pendingTasks) {
                    squeueRow(sb, fields, j, task);
                }
            } else {
                squeueRow(sb, fields, j, null);
            }
        }
        return new Reply(0, sb.toString(), err.toString());
    }

    /** A comma-separated list as Slurm's {@code strtok} reads it: empty items are skipped. */
    private static List<String> tokens(String list) {
        return Arrays.stream(list.split(",")).filter(t -> !t.isEmpty()).toList();
    }

    /** A user of this cluster by name, or by uid as Slurm also accepts; {@code null} if none. */
    private User userByNameOrUid(String nameOrUid) {
        User byName = s.users.get(nameOrUid);
        if (byName != null || !nameOrUid.chars().allMatch(c -> c >= '0' && c <= '9') || nameOrUid.length() > 9) {
            return byName;
        }
        int uid = Integer.parseInt(nameOrUid);
        return s.users.values().stream().filter(u -> u.uid() == uid).findFirst().orElse(null);
    }

    /** A state of {@code --states} by its name or compact code, any case, as squeue reads it; {@code null} if neither. */
    private static String squeueState(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        if (SQUEUE_STATES.contains(upper)) {
            return upper;
        }
        for (JobState.Name n : JobState.Name.values()) {
            if (upper.equals(n.code())) {
                return n.name();
            }
        }
        return null;
    }

    /** squeue's default order: pending first (highest priority first), then the others by id. */
    private List<Job> squeueOrder() {
        List<Job> pending = new ArrayList<>();
        List<Job> other = new ArrayList<>();
        for (Job j : s.cluster.queue()) {
            (j.state.equals("PENDING") ? pending : other).add(j);
        }
        pending.sort((a, b) -> {
            int p = Long.compare(s.cluster.priority(b), s.cluster.priority(a));
            return p != 0 ? p : Long.compare(a.id, b.id);
        });
        pending.addAll(other);
        return pending;
    }

    /** {@code Field[:[.]width][suffix]} items of {@code -O}: [name, width, right-justify, suffix]. */
    private static List<String[]> squeueFields(String format) {
        List<String[]> out = new ArrayList<>();
        for (String item : format.split(",")) {
            Matcher m = Pattern.compile("([A-Za-z][A-Za-z-]*)(?::(\\.?)(\\d*)(.*))?", Pattern.DOTALL).matcher(item);
            if (!m.matches()) {
                throw new NotModelledError("squeue -O item " + item);
            }
            out.add(new String[] {m.group(1), m.group(3) == null ? "" : m.group(3), m.group(2) == null ? "" : m.group(2),
                    m.group(4) == null ? "" : m.group(4)});
        }
        return out;
    }

    private void squeueRow(StringBuilder sb, List<String[]> fields, Job j, Integer task) {
        for (String[] f : fields) {
            String v = s.out.squeueField(f[0], j, task);
            if (!f[1].isEmpty() && Integer.parseInt(f[1]) > 0) {
                int w = Integer.parseInt(f[1]);
                v = v.length() > w ? v.substring(0, w) : f[2].isEmpty() ? pad(v, w, false) : pad(v, w, true);
            } else if (f[1].isEmpty() && f[3].isEmpty()) {
                v = pad(v, 20, false) + " ";
            }
            sb.append(v).append(f[3]);
        }
        sb.append('\n');
    }

    private static String pad(String v, int w, boolean right) {
        String sp = " ".repeat(Math.max(0, w - v.length()));
        return right ? sp + v : v + sp;
    }

    /** Whether a job record is the one {@code id} names: {@code 12}, {@code 11} (every task), {@code 11_2}. */
    private static boolean matches(Job j, String id) {
        int us = id.indexOf('_');
        try {
            if (us < 0) {
                long n = Long.parseLong(id);
                return j.id == n || (j.arrayJobId != null && j.arrayJobId == n);
            }
            long a = Long.parseLong(id.substring(0, us));
            int t = Integer.parseInt(id.substring(us + 1));
            return j.arrayJobId != null && j.arrayJobId == a
                    && (Integer.valueOf(t).equals(j.arrayTaskId) || (j.isMeta() && j.pendingTasks.contains(t)));
        } catch (NumberFormatException e) {
            throw new NotModelledError("job id " + id);
        }
    }

    // ---------------------------------------------------------------- scontrol

    private Reply scontrol(List<String> args) {
        List<String> a = new ArrayList<>(args);
        boolean oneLiner = a.remove("-o");
        boolean detail = a.remove("-d");
        if (a.isEmpty()) {
            throw new NotModelledError("scontrol without a command");
        }
        String verb = a.get(0);
        if (verb.equals("ping")) {
            if (s.controllerDown) {
                return new Reply(1, "Slurmctld(primary) at " + s.host + " is DOWN\n*****************************************\n"
                        + "** RESTORE SLURMCTLD DAEMON TO SERVICE **\n*****************************************\n", "");
            }
            return Reply.ok("Slurmctld(primary) at " + s.host + " is UP\n");
        }
        if (verb.equals("show")) {
            if (!oneLiner) {
                throw new NotModelledError("scontrol show without -o (only the one-liner form is modelled)");
            }
            return show(a.subList(1, a.size()), detail);
        }
        if (oneLiner || detail) {
            throw new NotModelledError("scontrol -o/-d " + verb);
        }
        if (a.size() != 2 && !verb.equals("update")) {
            throw new NotModelledError("scontrol " + String.join(" ", a));
        }
        return switch (verb) {
            case "suspend", "resume", "hold", "uhold", "release", "requeue", "requeuehold" -> control(verb, a.get(1));
            case "update" -> update(a.subList(1, a.size()));
            case "listpids" -> listPids(a.get(1));
            default -> throw new NotModelledError("scontrol " + verb);
        };
    }

    private Reply show(List<String> a, boolean detail) {
        if (a.isEmpty()) {
            throw new NotModelledError("scontrol show without an entity");
        }
        String what = a.get(0);
        String arg = a.size() > 1 ? a.get(1) : null;
        if (a.size() > 2) {
            throw new NotModelledError("scontrol show " + String.join(" ", a));
        }
        switch (what) {
            case "job" -> {
                if (!detail) {
                    throw new NotModelledError("scontrol -o show job without -d");
                }
                if (s.controllerDown) {
                    return Reply.err(1, "slurm_load_jobs error: " + CTLD_DOWN + "\n");
                }
                List<Job> shown = new ArrayList<>();
                for (Job j : s.cluster.queue()) {
                    if (arg == null || matches(j, arg)) {
                        shown.add(j);
                    }
                }
                if (arg != null) {
                    // one array: the record with the array's id first, then the others newest first
                    shown.sort((x, y) -> x.arrayJobId != null && x.id == x.arrayJobId ? -1
                            : y.arrayJobId != null && y.id == y.arrayJobId ? 1 : Long.compare(y.id, x.id));
                }
                StringBuilder sb = new StringBuilder();
                shown.forEach(j -> sb.append(s.out.scontrolJob(j)));
                if (sb.length() == 0) {
                    if (arg == null) {
                        return Reply.ok("No jobs in the system\n");
                    }
                    return Reply.err(1, arg.contains("_") ? "Job " + arg + " not found\n"
                            : "slurm_load_jobs error: Invalid job id specified\n");
                }
                return Reply.ok(sb.toString());
            }
            case "node" -> {
                if (detail) {
                    throw new NotModelledError("scontrol -d show node");
                }
                if (s.controllerDown) {
                    return Reply.err(1, "slurm_load_node error: " + CTLD_DOWN + "\n");
                }
                StringBuilder sb = new StringBuilder();
                for (SimCluster.Node n : s.cluster.nodes.values()) {
                    if (arg == null || n.name.equals(arg)) {
                        sb.append(s.out.scontrolNode(n));
                    }
                }
                if (sb.length() == 0) {
                    return Reply.err(1, "Node " + arg + " not found\n");
                }
                return Reply.ok(sb.toString());
            }
            case "partition" -> {
                if (arg != null || detail) {
                    throw new NotModelledError("scontrol show partition " + arg);
                }
                if (s.controllerDown) {
                    return Reply.err(1, "slurm_load_partitions error: " + CTLD_DOWN + "\n");
                }
                StringBuilder sb = new StringBuilder();
                s.cluster.partitions.values().forEach(p -> sb.append(s.out.scontrolPartition(p)));
                return Reply.ok(sb.toString());
            }
            case "reservation" -> {
                if (arg != null || detail) {
                    throw new NotModelledError("scontrol show reservation " + arg);
                }
                if (s.controllerDown) {
                    return Reply.err(1, "slurm_load_reservations error: " + CTLD_DOWN + "\n");
                }
                return Reply.ok("No reservations in the system\n");
            }
            case "step" -> {
                if (arg == null || detail) {
                    throw new NotModelledError("scontrol show step without a job id");
                }
                if (s.controllerDown) {
                    return Reply.err(1, "slurm_get_job_steps error: " + CTLD_DOWN + "\n");
                }
                Job j = single(arg);
                if (j == null || !j.state.equals("RUNNING")) {
                    throw new NotModelledError("scontrol show step of a job that is not running");
                }
                return Reply.ok(s.out.scontrolSteps(j));
            }
            default -> throw new NotModelledError("scontrol show " + what);
        }
    }

    /** The one job record an id names, or {@code null}. */
    private Job single(String id) {
        Job found = null;
        for (Job j : s.cluster.queue()) {
            if (matches(j, id)) {
                if (found != null && !id.contains("_")) {
                    throw new NotModelledError("an action on a whole array (" + id + ")");
                }
                found = j;
            }
        }
        return found;
    }

    private boolean operator() {
        return user.uid() == 0 || s.operators.contains(user.name());
    }

    private Reply control(String verb, String id) {
        if (s.controllerDown) {
            return Reply.err(1, "Unexpected message received for job " + id + "\nslurm_suspend error: Unexpected message received\n");
        }
        Job j = single(id);
        SimCluster c = s.cluster;
        boolean suspendVerb = verb.equals("suspend") || verb.equals("resume");
        if (j == null) {
            if (suspendVerb) {
                return Reply.err(1, "Unexpected message received for job " + id + "\n");
            }
            if (verb.startsWith("requeue")) {
                return Reply.err(1, "Invalid job id specified for job " + id + "\n");
            }
            return Reply.err(1, "Invalid job id specified for job " + id + "\nslurm_suspend error: Invalid job id specified\n");
        }
        boolean own = j.uid == user.uid();
        if (suspendVerb && !operator()) {
            return Reply.err(1, "Access/permission denied for job " + id + "\n");
        }
        if (!own && !operator()) {
            if (verb.startsWith("requeue")) {
                return Reply.err(1, "Access/permission denied for job " + id + "\n");
            }
            return Reply.err(1, "Invalid user id for job " + id + "\nslurm_suspend error: Invalid user id\n");
        }
        switch (verb) {
            case "suspend" -> {
                if (j.state.equals("PENDING")) {
                    return Reply.err(1, "Job is pending execution for job " + id + "\n");
                }
                if (!j.state.equals("RUNNING")) {
                    throw new NotModelledError("scontrol suspend of a " + j.state + " job");
                }
                c.suspend(j);
            }
            case "resume" -> {
                if (j.state.equals("PENDING")) {
                    return Reply.err(1, "Job is pending execution for job " + id + "\n");
                }
                if (!j.state.equals("SUSPENDED")) {
                    throw new NotModelledError("scontrol resume of a " + j.state + " job");
                }
                c.resume(j);
            }
            case "hold", "uhold" -> {
                if (!j.state.equals("PENDING")) {
                    throw new NotModelledError("scontrol " + verb + " of a " + j.state + " job");
                }
                j.hold = verb.equals("uhold") || !operator() ? "user" : "admin";
                j.eligible = null;
                c.schedule();
            }
            case "release" -> {
                if (j.hold != null) {
                    if (j.hold.equals("admin") && !operator()) {
                        return Reply.err(1, "Access/permission denied for job " + id + "\nslurm_suspend error: Access/permission denied\n");
                    }
                    j.hold = null;
                    j.reason = "None";
                    c.schedule();
                }
            }
            case "requeue", "requeuehold" -> {
                if (!j.requeue) {
                    throw new NotModelledError("scontrol " + verb + " of a job submitted with --no-requeue");
                }
                if (j.state.equals("PENDING")) {
                    return Reply.err(1, "Job is pending execution for job " + id + "\n");
                }
                c.requeue(j, verb.equals("requeuehold"));
                c.schedule();
            }
            default -> throw new NotModelledError("scontrol " + verb);
        }
        return Reply.ok("");
    }

    private Reply update(List<String> words) {
        if (words.isEmpty() || !words.get(0).startsWith("JobId=")) {
            throw new NotModelledError("scontrol update " + String.join(" ", words) + " (only JobId= updates)");
        }
        String id = value(words.get(0));
        if (s.controllerDown) {
            return Reply.err(1, "slurm_update error: " + CTLD_DOWN + "\n");
        }
        Job j = single(id);
        if (j == null) {
            return Reply.err(1, "Invalid job id specified for job " + id + "\n");
        }
        if (j.uid != user.uid() && !operator()) {
            return Reply.err(1, "Invalid user id for job " + id + "\n");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new NotModelledError("scontrol update word " + w);
            }
            kv.put(w.substring(0, eq), w.substring(eq + 1));
        }
        // check all first: Slurm applies an update whole or not at all
        for (Map.Entry<String, String> e : kv.entrySet()) {
            switch (e.getKey()) {
                case "Priority" -> {
                    if (!operator()) {
                        return Reply.err(1, "Access/permission denied for job " + id + "\n");
                    }
                }
                case "Nice" -> {
                    if (Integer.parseInt(e.getValue()) < 0 && !operator()) {
                        return Reply.err(1, "Access/permission denied for job " + id + "\n");
                    }
                }
                case "TimeLimit" -> {
                    Duration d = parseTime(e.getValue());
                    boolean raise = j.timeLimit == null ? d != null : d == null || d.compareTo(j.timeLimit) > 0;
                    // a user may raise a pending job's limit up to its partition's MaxTime (22.05 lab)
                    SimCluster.Partition p = s.cluster.partitions.get(j.partition);
                    boolean withinPartition = j.state.equals("PENDING") && p != null
                            && (p.maxTime == null || (d != null && d.compareTo(p.maxTime) <= 0));
                    if (!operator() && raise && !withinPartition) {
                        return Reply.err(1, "Access/permission denied for job " + id + "\n");
                    }
                }
                case "Name", "JobName", "Comment" -> {
                }
                case "Partition" -> {
                    if (!s.cluster.partitions.containsKey(e.getValue())) {
                        return Reply.err(1, "Invalid partition name specified for job " + id + "\n");
                    }
                    if (!j.state.equals("PENDING")) {
                        return Reply.err(1, "Job is no longer pending execution for job " + id + "\n");
                    }
                }
                default -> throw new NotModelledError("scontrol update " + e.getKey() + "=");
            }
        }
        for (Map.Entry<String, String> e : kv.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "Priority" -> j.adminPriority = Long.parseLong(v);
                case "Nice" -> j.nice = Integer.parseInt(v);
                case "TimeLimit" -> {
                    j.timeLimit = parseTime(v);
                    j.timeLimitSet = true;
                }
                case "Name", "JobName" -> j.name = v;
                case "Comment" -> j.comment = v;
                case "Partition" -> j.partition = v;
                default -> throw new IllegalStateException(e.getKey());
            }
        }
        s.cluster.schedule();
        return Reply.ok("");
    }

    private Reply listPids(String id) {
        if (s.controllerDown) {
            return Reply.err(1, "slurm_load_jobs error: " + CTLD_DOWN + "\n");
        }
        Job j = single(id);
        if (j == null || !j.state.equals("RUNNING")) {
            throw new NotModelledError("scontrol listpids of a job that is not running");
        }
        return Reply.ok(s.out.listPids(j));
    }

    // ---------------------------------------------------------------- scancel

    private Reply scancel(List<String> args) {
        boolean verbose = false;
        String signal = null;
        List<String> ids = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.startsWith("--signal=")) {
                signal = value(a);
            } else if (!a.startsWith("-")) {
                ids.add(a);
            } else {
                throw new NotModelledError("scancel option " + a);
            }
        }
        if (ids.size() != 1 || signal != null) {
            throw new NotModelledError("scancel of " + ids.size() + " ids" + (signal == null ? "" : " with --signal"));
        }
        String id = ids.get(0);
        StringBuilder err = new StringBuilder();
        if (verbose) {
            err.append("scancel: Terminating job ").append(id).append('\n');
        }
        if (s.controllerDown) {
            err.append("scancel: error: Kill job error on job id ").append(id).append(": ").append(CTLD_DOWN).append('\n');
            return new Reply(8, "", err.toString());
        }
        List<Job> targets = new ArrayList<>();
        for (Job j : s.cluster.queue()) {
            if (matches(j, id)) {
                targets.add(j);
            }
        }
        String problem = null;
        if (targets.isEmpty()) {
            problem = "Invalid job id specified";
        } else if (targets.stream().anyMatch(j -> j.uid != user.uid()) && !operator()) {
            problem = "Access/permission denied";
        } else if (targets.stream().allMatch(Job::finished)) {
            problem = "Job/step already completing or completed";
        }
        if (problem != null) {
            err.append("scancel: error: Kill job error on job id ").append(id).append(": ").append(problem).append('\n');
            // scancel exits with the low byte of Slurm's error number for a refusal (2002 -> 210),
            // and 0 for an unknown or finished job (captured on 22.05)
            return new Reply(problem.startsWith("Access") ? 210 : 0, "", err.toString());
        }
        Integer task = id.indexOf('_') < 0 ? null : Integer.valueOf(id.substring(id.indexOf('_') + 1));
        for (Job j : targets) {
            if (j.finished()) {
                continue;
            }
            if (task != null && j.isMeta()) {
                // a pending task leaves the array's own record, and Slurm keeps no record of it
                // (neither squeue nor sacct lists it); the last one ends that record (22.05 lab)
                j.pendingTasks.remove(task);
                if (!j.pendingTasks.isEmpty()) {
                    continue;
                }
            }
            s.cluster.cancel(j, user.uid());
        }
        s.cluster.schedule();
        return new Reply(0, "", err.toString());
    }

    // ---------------------------------------------------------------- sbatch

    private static final Pattern SLEEP = Pattern.compile("^\\s*sleep\\s+(\\d+)\\s*$");
    private static final Pattern EXIT = Pattern.compile("^\\s*exit\\s+(\\d+)\\s*$");

    private Reply sbatch(List<String> args, ExecRequest request, boolean multiCluster) {
        if (!args.remove("--parsable")) {
            throw new NotModelledError("sbatch without --parsable");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        String scriptPath = null;
        List<String> scriptArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (scriptPath != null) {
                scriptArgs.add(a);
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                opts.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
            } else if (a.startsWith("-")) {
                throw new NotModelledError("sbatch short option " + a + " on the command line");
            } else {
                scriptPath = a;
            }
        }
        String script;
        if (opts.containsKey("wrap")) {
            script = "#!/bin/sh\n# This script was created by sbatch --wrap.\n\n" + opts.get("wrap") + "\n";
        } else if (scriptPath == null || scriptPath.equals("/dev/stdin")) {
            script = request.hasStdin() ? new String(request.stdinBytes(), StandardCharsets.UTF_8) : "";
        } else {
            throw new NotModelledError("sbatch of a script file (" + scriptPath + "): FakeSlurm has no file system; send it on stdin");
        }
        if (script.isEmpty()) {
            return Reply.err(1, "sbatch: error: Batch script is empty!\n");
        }
        if (!script.startsWith("#!")) {
            return Reply.err(1, "sbatch: error: This does not look like a batch script.  The first\n"
                    + "sbatch: error: line must start with #! followed by the path to an interpreter.\n"
                    + "sbatch: error: For instance: #!/bin/sh\n");
        }
        Map<String, String> all = scriptOptions(script);
        all.putAll(opts);
        if (s.controllerDown) {
            return Reply.err(1, "sbatch: error: Batch job submission failed: " + CTLD_DOWN + "\n");
        }
        return submit(all, script, request, multiCluster);
    }

    /** The options of the script's {@code #SBATCH} lines (long forms, and the common short ones). */
    private static Map<String, String> scriptOptions(String script) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> shortNames = Map.of("-J", "job-name", "-p", "partition", "-t", "time", "-n", "ntasks",
                "-c", "cpus-per-task", "-N", "nodes", "-o", "output", "-e", "error", "-A", "account", "-q", "qos");
        for (String line : script.split("\n")) {
            if (!line.startsWith("#SBATCH")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    break;
                }
                continue;
            }
            String[] w = line.substring(7).trim().split("\\s+", 2);
            if (w[0].isEmpty()) {
                continue;
            }
            if (w[0].startsWith("--")) {
                int eq = w[0].indexOf('=');
                if (eq > 0) {
                    opts.put(w[0].substring(2, eq), w[0].substring(eq + 1));
                } else {
                    opts.put(w[0].substring(2), w.length > 1 ? w[1].trim() : "");
                }
            } else if (shortNames.containsKey(w[0]) && w.length > 1) {
                opts.put(shortNames.get(w[0]), w[1].trim());
            } else if (w[0].equals("-H")) {
                opts.put("hold", "");
            } else {
                throw new NotModelledError("#SBATCH " + w[0]);
            }
        }
        return opts;
    }

    private static final Set<String> SBATCH_OPTIONS = Set.of("job-name", "partition", "account", "qos", "time", "nodes",
            "ntasks", "cpus-per-task", "mem", "mem-per-cpu", "gres", "gpus", "chdir", "output", "error", "comment",
            "array", "dependency", "hold", "nice", "priority", "export", "wrap", "requeue", "no-requeue");

    private Reply submit(Map<String, String> o, String script, ExecRequest request, boolean multiCluster) {
        for (String k : o.keySet()) {
            if (!SBATCH_OPTIONS.contains(k)) {
                throw new NotModelledError("sbatch --" + k);
            }
        }
        SimCluster c = s.cluster;
        String partName = o.getOrDefault("partition", c.defaultPartition().name);
        SimCluster.Partition part = c.partitions.get(partName);
        if (part == null) {
            return Reply.err(1, "sbatch: error: invalid partition specified: " + partName
                    + "\nsbatch: error: Batch job submission failed: Invalid partition name specified\n");
        }
        String account = o.getOrDefault("account", user.accounts().get(0));
        if (!user.accounts().contains(account)) {
            return Reply.err(1, "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n");
        }
        Job j = new Job();
        j.user = user.name();
        j.uid = user.uid();
        j.group = user.group();
        j.gid = user.gid();
        j.account = account;
        j.partition = partName;
        j.qos = o.getOrDefault("qos", "normal");
        j.submitHost = s.host.equals("vm") ? "localhost" : s.host;
        try {
            if (o.containsKey("nodes") && !o.get("nodes").equals("1")) {
                throw new NotModelledError("multi-node jobs (--nodes=" + o.get("nodes") + ")");
            }
            j.ntasks = Integer.parseInt(o.getOrDefault("ntasks", "1"));
            j.cpusPerTask = Integer.parseInt(o.getOrDefault("cpus-per-task", "1"));
            if (o.containsKey("mem")) {
                j.memoryMb = megabytes(o.get("mem"));
                j.memPerNode = true;
            } else {
                j.memoryMb = o.containsKey("mem-per-cpu") ? megabytes(o.get("mem-per-cpu")) : c.defMemPerCpuMb;
            }
            j.nice = Integer.parseInt(o.getOrDefault("nice", "0"));
            if (o.containsKey("priority")) {
                j.adminPriority = Long.parseLong(o.get("priority"));
            }
        } catch (NumberFormatException e) {
            throw new NotModelledError("sbatch option value: " + e.getMessage());
        }
        if ((j.nice < 0 || j.adminPriority != null) && !operator()) {
            throw new NotModelledError("a user's sbatch with a negative --nice or --priority");
        }
        if (o.containsKey("gres")) {
            String[] g = o.get("gres").split(":");
            if (!g[0].equals("gpu")) {
                throw new NotModelledError("--gres=" + o.get("gres"));
            }
            j.gpus = Integer.parseInt(g[g.length - 1]);
        } else if (o.containsKey("gpus")) {
            j.gpus = Integer.parseInt(o.get("gpus").replaceFirst("^.*:", ""));
        }
        if (o.containsKey("time")) {
            j.timeLimit = parseTime(o.get("time"));
            j.timeLimitSet = true;
            // without EnforcePartLimits (the lab's configuration) a limit past the partition's is
            // accepted, and the job waits for ever with Reason=PartitionTimeLimit
        } else {
            j.timeLimit = part.defaultTime != null ? part.defaultTime : part.maxTime;
        }
        boolean fits = part.nodes.stream().map(c.nodes::get).anyMatch(n -> n != null && n.cpus >= j.cpus()
                && n.memoryMb >= j.memoryTotalMb() && n.gpus >= j.gpus);
        if (!fits) {
            return Reply.err(1, "sbatch: error: Batch job submission failed: Requested node configuration is not available\n");
        }
        j.workDir = o.getOrDefault("chdir", request.workingDirectory().orElse("/home/" + user.name()));
        String defaultOut = o.containsKey("array") ? "slurm-%A_%a.out" : "slurm-%j.out";
        j.stdOut = absolute(o.getOrDefault("output", defaultOut), j.workDir);
        j.stdErr = o.containsKey("error") ? absolute(o.get("error"), j.workDir) : null;
        j.name = o.getOrDefault("job-name", o.containsKey("wrap") ? "wrap" : "sbatch");
        j.comment = o.get("comment");
        j.command = null;
        // sbatch --hold is a user hold, whoever submits (an operator's scontrol hold is an admin hold)
        j.hold = o.containsKey("hold") ? "user" : null;
        j.requeue = !o.containsKey("no-requeue");
        if (o.containsKey("dependency")) {
            j.dependency = dependencyOf(o.get("dependency"));
        }
        j.submit = c.now;
        j.lastSchedEval = c.now;
        j.id = c.allocateJobId();
        if (o.containsKey("array")) {
            j.arrayJobId = j.id;
            String spec = o.get("array");
            int pct = spec.indexOf('%');
            if (pct >= 0) {
                throw new NotModelledError("array throttles (--array=" + spec + ")");
            }
            j.pendingTasks = arrayTasks(spec);
        }
        j.outcome = outcomeOf(new SubmittedJob(j.id, j.name, j.user, j.partition, j.account, script), script);
        c.jobs.put(j.id, j);
        c.schedule();
        return Reply.ok(j.id + (multiCluster ? ";" + c.clusterName : "") + "\n");
    }

    /** A dependency with the ids slurmctld knows; unknown ids are dropped, as 22.05 does. */
    private String dependencyOf(String spec) {
        List<String> parts = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            if (!Set.of("after", "afterany", "afterok", "afternotok").contains(kv[0]) || kv.length < 2) {
                throw new NotModelledError("--dependency=" + spec);
            }
            List<String> known = new ArrayList<>();
            for (int i = 1; i < kv.length; i++) {
                if (!s.cluster.targetsOf(kv[i]).isEmpty()) {
                    known.add(kv[i]);
                }
            }
            if (!known.isEmpty()) {
                parts.add(kv[0] + ":" + String.join(":", known));
            }
        }
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    private JobOutcome outcomeOf(SubmittedJob job, String script) {
        for (OutcomeRule r : s.rules) {
            if (r.when().test(job)) {
                return r.outcome();
            }
        }
        long seconds = 0;
        boolean sawSleep = false;
        Integer exit = null;
        for (String line : script.split("\n")) {
            Matcher m = SLEEP.matcher(line);
            if (m.matches()) {
                seconds += Long.parseLong(m.group(1));
                sawSleep = true;
            }
            Matcher e = EXIT.matcher(line);
            if (e.matches()) {
                exit = Integer.parseInt(e.group(1));
            }
        }
        Duration run = sawSleep ? Duration.ofSeconds(seconds) : exit != null ? Duration.ZERO : s.defaultRunTime;
        int code = exit == null ? 0 : exit & 0xff;
        return new JobOutcome(run, JobOutcome.Kind.EXITS, code);
    }

    private static List<Integer> arrayTasks(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            int step = 1;
            int colon = part.indexOf(':');
            if (colon >= 0) {
                step = Integer.parseInt(part.substring(colon + 1));
                part = part.substring(0, colon);
            }
            int dash = part.indexOf('-');
            int a = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int b = dash < 0 ? a : Integer.parseInt(part.substring(dash + 1));
            for (int t = a; t <= b; t += step) {
                out.add(t);
            }
        }
        Collections.sort(out);
        return out;
    }

    private static String absolute(String path, String dir) {
        return path.startsWith("/") ? path : dir + "/" + path;
    }

    private static long megabytes(String v) {
        String u = v.toUpperCase(Locale.ROOT);
        char last = u.charAt(u.length() - 1);
        long n = Character.isDigit(last) ? Long.parseLong(u) : Long.parseLong(u.substring(0, u.length() - 1));
        return switch (last) {
            case 'K' -> Math.max(1, n / 1024);
            case 'G' -> n * 1024;
            case 'T' -> n * 1024 * 1024;
            default -> n;
        };
    }

    /** Slurm's time formats: {@code M}, {@code M:S}, {@code H:M:S}, {@code D-H}, {@code D-H:M}, {@code D-H:M:S}; {@code null} for UNLIMITED. */
    static Duration parseTime(String v) {
        if (v.equalsIgnoreCase("UNLIMITED") || v.equalsIgnoreCase("INFINITE")) {
            return null;
        }
        try {
            long days = 0;
            String rest = v;
            int dash = v.indexOf('-');
            if (dash >= 0) {
                days = Long.parseLong(v.substring(0, dash));
                rest = v.substring(dash + 1);
            }
            String[] p = rest.split(":");
            long h = 0;
            long m = 0;
            long sec = 0;
            if (dash >= 0) {
                h = Long.parseLong(p[0]);
                m = p.length > 1 ? Long.parseLong(p[1]) : 0;
                sec = p.length > 2 ? Long.parseLong(p[2]) : 0;
            } else if (p.length == 1) {
                m = Long.parseLong(p[0]);
            } else if (p.length == 2) {
                m = Long.parseLong(p[0]);
                sec = Long.parseLong(p[1]);
            } else {
                h = Long.parseLong(p[0]);
                m = Long.parseLong(p[1]);
                sec = Long.parseLong(p[2]);
            }
            return Duration.ofSeconds(((days * 24 + h) * 60 + m) * 60 + sec);
        } catch (NumberFormatException e) {
            throw new NotModelledError("time value " + v);
        }
    }

    // ---------------------------------------------------------------- sacct / sstat

    private Reply sacct(List<String> args) {
        String delimiter = "|";
        List<String> fields = null;
        boolean parsable2 = false;
        boolean noHeader = false;
        boolean allUsers = false;
        boolean allocations = false;
        List<String> users = null;
        List<String> ids = null;
        Set<String> states = null;
        Instant from = null;
        Instant to = null;
        for (String a : args) {
            if (a.equals("--parsable2")) {
                parsable2 = true;
            } else if (a.equals("--noheader")) {
                noHeader = true;
            } else if (a.startsWith("--delimiter=")) {
                delimiter = value(a);
            } else if (a.startsWith("--format=")) {
                fields = List.of(value(a).split(","));
            } else if (a.equals("--allusers")) {
                allUsers = true;
            } else if (a.equals("--allocations")) {
                allocations = true;
            } else if (a.equals("--duplicates")) {
                // every record is kept once here
            } else if (a.startsWith("--user=")) {
                users = List.of(value(a).split(","));
            } else if (a.startsWith("--jobs=")) {
                ids = List.of(value(a).split(","));
            } else if (a.startsWith("--state=")) {
                states = new LinkedHashSet<>(Arrays.asList(value(a).toUpperCase(Locale.ROOT).split(",")));
            } else if (a.startsWith("--starttime=")) {
                from = instant(value(a));
            } else if (a.startsWith("--endtime=")) {
                to = instant(value(a));
            } else {
                throw new NotModelledError("sacct option " + a);
            }
        }
        if (!parsable2 || !noHeader || fields == null) {
            throw new NotModelledError("sacct without --parsable2 --noheader --format (only the form slurm4j sends)");
        }
        if (s.accountingDown) {
            return Reply.err(1, "sacct: error: slurm_persist_conn_open_without_init: failed to open persistent connection to "
                    + "host:localhost:6819: Connection refused\nsacct: error: Sending PersistInit msg: Connection refused\n"
                    + "sacct: error: Problem talking to the database: Connection refused\n");
        }
        if (ids == null && from == null) {
            from = LocalDate.ofInstant(s.cluster.now, s.out.zone()).atStartOfDay(s.out.zone()).toInstant();
        }
        Instant until = to == null ? s.cluster.now : to;
        List<Job> records = s.cluster.allRecords();
        records.sort((a, b) -> {
            long ka = a.arrayJobId != null ? a.arrayJobId : a.id;
            long kb = b.arrayJobId != null ? b.arrayJobId : b.id;
            if (ka != kb) {
                return Long.compare(ka, kb);
            }
            return Integer.compare(a.arrayTaskId == null ? Integer.MAX_VALUE : a.arrayTaskId,
                    b.arrayTaskId == null ? Integer.MAX_VALUE : b.arrayTaskId);
        });
        StringBuilder sb = new StringBuilder();
        for (Job j : records) {
            if (ids != null && ids.stream().noneMatch(id -> matches(j, id))) {
                continue;
            }
            if (ids == null && j.eligible == null) {
                continue;
            }
            boolean mine = j.uid == user.uid() || user.uid() == 0 || allUsers;
            if (users != null ? !users.contains(j.user) : !mine) {
                continue;
            }
            if (states != null && !states.contains(j.state)) {
                continue;
            }
            if (from != null) {
                Instant begin = j.eligible != null ? j.eligible : j.submit;
                Instant end = j.end != null ? j.end : s.cluster.now;
                if (end.isBefore(from) || begin.isAfter(until)) {
                    continue;
                }
            }
            List<List<String>> rows = s.out.sacctRows(j, fields);
            for (int r = 0; r < (allocations ? 1 : rows.size()); r++) {
                sb.append(String.join(delimiter, rows.get(r))).append('\n');
            }
        }
        return Reply.ok(sb.toString());
    }

    private Instant instant(String v) {
        if (v.equals("now")) {
            return s.cluster.now;
        }
        try {
            return LocalDateTime.parse(v).atZone(s.out.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new NotModelledError("sacct time " + v);
        }
    }

    private Reply sstat(List<String> args) {
        List<String> fields = null;
        String id = null;
        for (String a : args) {
            if (a.equals("--parsable2") || a.equals("--noheader") || a.equals("--allsteps")) {
                continue;
            }
            if (a.startsWith("--jobs=")) {
                id = value(a);
            } else if (a.startsWith("--format=")) {
                fields = List.of(value(a).split(","));
            } else {
                throw new NotModelledError("sstat option " + a);
            }
        }
        if (id == null || fields == null || !args.contains("--noheader") || !args.contains("--allsteps")) {
            throw new NotModelledError("sstat " + String.join(" ", args));
        }
        if (s.controllerDown) {
            return Reply.err(0, "sstat: error: couldn't get steps for job " + id + "\n");
        }
        Job j = single(id);
        if (j == null) {
            throw new NotModelledError("sstat of an unknown job");
        }
        if (!j.state.equals("RUNNING") && !j.state.equals("SUSPENDED")) {
            return Reply.err(0, "sstat: error: No steps running for job " + id + "\n");
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : s.out.sstatRows(j, fields)) {
            sb.append(String.join("|", row)).append('\n');
        }
        return Reply.ok(sb.toString());
    }

    private static String value(String option) {
        return option.substring(option.indexOf('=') + 1);
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds a {@link FakeSlurm}. Defaults, the shape of the project's lab (Slurm 22.05,
     * {@code localcluster}): node {@code localhost} with 8 CPUs, 8000 MB and 2 GPUs in partition
     * {@code debug} (default, no time limit); users {@code root} (uid 0, account {@code root}),
     * {@code alice} (1001, accounts {@code physics}, {@code chemistry}) and {@code bob} (1002,
     * {@code chemistry}); the shell acts as {@code alice}; {@code DefMemPerCPU} 256 MB; first job
     * id 1; clock at 2026-01-05T09:00:00Z, zone UTC; a job whose script says nothing runs 60 s.
     */
    public static final class Builder {
        private String clusterName = "localcluster";
        private String host = "vm";
        private ZoneId zone = ZoneId.of("UTC");
        private Instant start = Instant.parse("2026-01-05T09:00:00Z");
        private Clock clock;
        private long firstJobId = 1;
        private long defMemPerCpuMb = 256;
        private long basePriority = 1000;
        private Duration minJobAge = Duration.ofHours(1);
        private int keepRequests = Integer.MAX_VALUE;
        private Duration defaultRunTime = Duration.ofSeconds(60);
        private final Map<String, User> users = new LinkedHashMap<>();
        private final Set<String> operators = new LinkedHashSet<>();
        private final List<OutcomeRule> rules = new ArrayList<>();
        private final List<SimCluster.Node> nodes = new ArrayList<>();
        private final List<SimCluster.Partition> partitions = new ArrayList<>();
        private String actingUser = "alice";

        private Builder() {
            users.put("root", new User("root", 0, "root", 0, List.of("root")));
            users.put("alice", new User("alice", 1001, "alice", 1001, List.of("physics", "chemistry")));
            users.put("bob", new User("bob", 1002, "bob", 1002, List.of("chemistry")));
        }

        /**
         * The cluster's name ({@code sacct}'s Cluster, {@code -M}); default {@code localcluster}.
         *
         * @param name the name; not null
         * @return this builder
         */
        public Builder clusterName(String name) {
            this.clusterName = Objects.requireNonNull(name);
            return this;
        }

        /**
         * The controller's host name ({@code scontrol ping}); default {@code vm}.
         *
         * @param host the host name; not null
         * @return this builder
         */
        public Builder controllerHost(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /**
         * The zone the commands print times in; default UTC.
         *
         * @param zone the cluster's zone; not null
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /**
         * Where the fake clock starts; default 2026-01-05T09:00:00Z.
         *
         * @param start the first instant; not null
         * @return this builder
         */
        public Builder startAt(Instant start) {
            this.start = Objects.requireNonNull(start);
            return this;
        }

        /**
         * Follow this clock instead of a fake one (for demos: {@code Clock.systemUTC()});
         * {@link FakeSlurm#advance} is then refused. The start becomes the clock's instant now.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            this.start = clock.instant();
            return this;
        }

        /**
         * The id of the first job submitted; later ones count up from it. Default 1.
         *
         * @param id the first job id
         * @return this builder
         */
        public Builder firstJobId(long id) {
            this.firstJobId = id;
            return this;
        }

        /**
         * {@code DefMemPerCPU} in MB, for jobs that ask no memory; default 256.
         *
         * @param mb MiB per allocated CPU
         * @return this builder
         */
        public Builder defaultMemoryPerCpuMb(long mb) {
            this.defMemPerCpuMb = mb;
            return this;
        }

        /**
         * The priority jobs get (a real multifactor priority moves with age and fair share; this one
         * does not). Default 1000.
         *
         * @param priority the priority of a job without nice or an explicit priority
         * @return this builder
         */
        public Builder basePriority(long priority) {
            this.basePriority = priority;
            return this;
        }

        /**
         * Keeps only the latest {@code max} requests for {@link #requests()} and {@link #count}
         * (default: all of them). A long-running demo sets it, or the record of every command
         * it answered grows without bound.
         *
         * @param max how many of the latest requests to keep; at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is below 1
         */
        public Builder keepRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("keepRequests must be at least 1: " + max);
            }
            this.keepRequests = max;
            return this;
        }

        /**
         * How long slurmctld keeps a finished job ({@code MinJobAge}); accounting keeps it for ever.
         * Default 1 h.
         *
         * @param age how long squeue and scontrol still show a finished job; not null
         * @return this builder
         */
        public Builder minJobAge(Duration age) {
            this.minJobAge = Objects.requireNonNull(age);
            return this;
        }

        /**
         * How long a job runs whose script has no {@code sleep} or {@code exit} line; default 60 s.
         *
         * @param d the run time; not null
         * @return this builder
         */
        public Builder defaultRunTime(Duration d) {
            this.defaultRunTime = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Adds (or replaces) a user with its uid (also its group's gid) and accounts, the first being
         * its default. The user's group has the user's name.
         *
         * @param name the user name
         * @param uid the uid, also the gid
         * @param accounts the accounts the user may charge; at least one
         * @return this builder
         * @throws IllegalArgumentException without an account
         */
        public Builder user(String name, int uid, String... accounts) {
            if (accounts.length == 0) {
                throw new IllegalArgumentException("a Slurm user needs an account");
            }
            users.put(name, new User(name, uid, name, uid, List.of(accounts)));
            return this;
        }

        /**
         * The user the built shell acts as ({@code alice} unless set).
         *
         * @param name a user the builder knows; checked by {@link #build()}
         * @return this builder
         */
        public Builder actingAs(String name) {
            this.actingUser = Objects.requireNonNull(name);
            return this;
        }

        /**
         * Gives a user operator rights (suspend, resume, priority, others' jobs); root always has them.
         *
         * @param name the user name
         * @return this builder
         */
        public Builder operator(String name) {
            operators.add(name);
            return this;
        }

        /**
         * Adds a rule: the first rule, in the order added, whose predicate matches a submitted job
         * decides how it ends (else its script does).
         *
         * @param when tests the job at submission; not null
         * @param outcome how a matching job ends; not null
         * @return this builder
         */
        public Builder outcome(Predicate<SubmittedJob> when, JobOutcome outcome) {
            rules.add(new OutcomeRule(Objects.requireNonNull(when), Objects.requireNonNull(outcome)));
            return this;
        }

        /**
         * Adds a CPU node. Once a node is added, the default node {@code localhost} is not.
         *
         * @param name the node name
         * @param cpus its CPUs
         * @param memoryMb its memory in MiB ({@code RealMemory})
         * @return this builder
         */
        public Builder node(String name, int cpus, long memoryMb) {
            nodes.add(new SimCluster.Node(name, cpus, memoryMb, 0, null, null, null));
            return this;
        }

        /**
         * Adds a GPU node with {@code gpus} cards of {@code type} (or untyped when {@code null}).
         *
         * @param name the node name
         * @param cpus its CPUs
         * @param memoryMb its memory in MiB
         * @param gpus its GPUs ({@code Gres=gpu:N})
         * @param type the GPU type ({@code a100}), or {@code null}
         * @return this builder
         */
        public Builder gpuNode(String name, int cpus, long memoryMb, int gpus, String type) {
            nodes.add(new SimCluster.Node(name, cpus, memoryMb, gpus, type, null, null));
            return this;
        }

        /**
         * Adds the nodes of a captured {@code scontrol -o show node} output, with their states,
         * flags and reasons; they are printed as captured, with what jobs allocate updated.
         *
         * @param scontrolOneLinerOutput the output, one line per node
         * @return this builder
         * @throws IllegalArgumentException when a node's line is not a one-line record
         */
        public Builder nodesFrom(String scontrolOneLinerOutput) {
            List<Node> parsed = ScontrolParser.parseNodes(scontrolOneLinerOutput);
            String[] lines = scontrolOneLinerOutput.split("\n");
            for (Node n : parsed) {
                String line = Arrays.stream(lines).filter(l -> l.startsWith("NodeName=" + n.name() + " ")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not a one-line output: node " + n.name()));
                int gpus = 0;
                String type = null;
                for (io.github.slurm4j.model.node.GresItem g : n.hardware().gres()) {
                    if (g.name().equals("gpu")) {
                        gpus += (int) g.count();
                        type = g.type();
                    }
                }
                long memMb = n.hardware().realMemoryBytes() == null ? 0 : n.hardware().realMemoryBytes() / (1024 * 1024);
                SimCluster.Node sn = new SimCluster.Node(n.name(), n.hardware().cpuTotal(), memMb, gpus, type,
                        String.join(",", n.hardware().availableFeatures()), line.stripTrailing());
                String raw = n.state() == null ? "IDLE" : n.state().raw();
                String base = raw.split("\\+")[0].replace("*", "");
                sn.fixedBase = switch (base) {
                    case "IDLE", "MIXED", "ALLOCATED", "COMPLETING" -> null;
                    default -> base;
                };
                sn.drain = raw.contains("DRAIN");
                sn.notResponding = raw.contains("NOT_RESPONDING") || raw.contains("*");
                sn.reason = n.reason();
                nodes.add(sn);
            }
            return this;
        }

        /**
         * Adds a partition over named nodes, state UP. Once a partition is added, the default
         * partition {@code debug} is not.
         *
         * @param name the partition name
         * @param isDefault whether jobs without {@code --partition} go there
         * @param maxTime its {@code MaxTime}; {@code null} for UNLIMITED
         * @param defaultTime its {@code DefaultTime}; {@code null} for NONE
         * @param nodeNames its nodes; {@link #build()} checks that they were added
         * @return this builder
         */
        public Builder partition(String name, boolean isDefault, Duration maxTime, Duration defaultTime, String... nodeNames) {
            partitions.add(new SimCluster.Partition(name, List.of(nodeNames), isDefault, maxTime, defaultTime, true, null));
            return this;
        }

        /**
         * Adds the partitions of a captured {@code scontrol -o show partition} output (printed as captured).
         *
         * @param scontrolOneLinerOutput the output, one line per partition
         * @return this builder
         * @throws IllegalArgumentException when a partition's line is not a one-line record
         */
        public Builder partitionsFrom(String scontrolOneLinerOutput) {
            String[] lines = scontrolOneLinerOutput.split("\n");
            for (Partition p : ScontrolParser.parsePartitions(scontrolOneLinerOutput)) {
                String line = Arrays.stream(lines).filter(l -> l.startsWith("PartitionName=" + p.name() + " ")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not a one-line output: partition " + p.name()));
                List<String> members = io.github.slurm4j.model.Hostlist.expand(p.nodes());
                partitions.add(new SimCluster.Partition(p.name(), members, Boolean.TRUE.equals(p.isDefault()),
                        p.limits().maxTime() == null ? null : p.limits().maxTime().duration(),
                        p.limits().defaultTime() == null ? null : p.limits().defaultTime().duration(),
                        "UP".equals(p.state()), line.stripTrailing()));
            }
            return this;
        }

        /**
         * Makes the fake cluster, with the default node and partition when none was added.
         *
         * @return a shell acting as the chosen user
         * @throws IllegalArgumentException when a partition names an unknown node, or the acting user is unknown
         */
        public FakeSlurm build() {
            if (nodes.isEmpty()) {
                gpuNode("localhost", 8, 8000, 2, null);
            }
            if (partitions.isEmpty()) {
                partition("debug", true, null, null, nodes.stream().map(n -> n.name).toArray(String[]::new));
            }
            State st = new State(this);
            for (SimCluster.Node n : nodes) {
                st.cluster.nodes.put(n.name, n);
            }
            for (SimCluster.Partition p : partitions) {
                for (String n : p.nodes) {
                    SimCluster.Node node = st.cluster.nodes.get(n);
                    if (node == null) {
                        throw new IllegalArgumentException("partition " + p.name + " names unknown node " + n);
                    }
                    if (node.capturedLine == null) {
                        node.partitions.add(p.name);
                    }
                }
                st.cluster.partitions.put(p.name, p);
            }
            User u = users.get(actingUser);
            if (u == null) {
                throw new IllegalArgumentException("no user " + actingUser);
            }
            return new FakeSlurm(st, u);
        }
    }
}
