package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.slurm.AccountingQuery;
import io.github.slurm4j.exec.slurm.JobQuery;
import io.github.slurm4j.exec.slurm.JobUpdate;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.jobs.console.ConsoleFollow;
import io.github.slurm4j.jobs.console.ConsoleLines;
import io.github.slurm4j.jobs.console.ConsoleStream;
import io.github.slurm4j.jobs.console.FollowOptions;
import io.github.slurm4j.jobs.console.JobConsole;
import io.github.slurm4j.jobs.metrics.JobSample;
import io.github.slurm4j.jobs.metrics.MetricsRecorder;
import io.github.slurm4j.jobs.metrics.MetricsSampler;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.seff.SeffReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The jobs façade a console back-end calls: submit from a form, "my jobs", "all active jobs", a
 * job's detail with the console JSON, and the control buttons, on one or more named clusters.
 *
 * <pre>{@code
 * SlurmJobs jobs = SlurmJobs.builder().cluster(Cluster.builder("hpc", LocalShell.create()).build()).build();
 * Submission s = jobs.submit("hpc", JobConf.fromMap(form));
 * List<JobRow> mine = jobs.myJobs("hpc", "alice", Instant.now().minus(Duration.ofDays(7)));
 * String json = jobs.detail("hpc", s.jobId()).toConsoleJson();
 * jobs.pause("hpc", s.jobId());
 * ConsoleLines last = jobs.tail("hpc", s.jobId());                       // the last 2,000 lines of stdout
 * JobSample sample = jobs.sample("hpc", s.jobId());                      // per-process metrics, into runData
 * }</pre>
 *
 * <p>The console ({@link #tail}, {@link #follow}: {@link io.github.slurm4j.jobs.console}) and the
 * metrics ({@link #sample}: {@link io.github.slurm4j.jobs.metrics}) are described in
 * {@code docs/console-and-metrics.md}.
 *
 * <p>Every method also exists as {@code ...Async}, run on the executor given to the builder.
 * Errors are those of {@link SlurmClient}: a refusal by Slurm is a {@link SlurmCommandException}
 * with its type ({@code access_denied}, {@code invalid_argument}, {@code submit_rejected}, ...),
 * a command that could not run a {@link ShellException}; a form refused before Slurm is called
 * is a {@link JobConfException}. A cluster name the façade does not know is an
 * {@link IllegalArgumentException}, a {@code null} where no {@code null} is allowed a
 * {@link NullPointerException}. Thread-safe.
 */
public final class SlurmJobs implements AutoCloseable {
    /** The states squeue is asked for by {@link #myJobs}: every base state, so finished jobs slurmctld still holds are listed. */
    static final Set<JobState.Name> QUEUE_STATES = EnumSet.of(JobState.Name.PENDING, JobState.Name.RUNNING,
            JobState.Name.SUSPENDED, JobState.Name.COMPLETED, JobState.Name.CANCELLED, JobState.Name.FAILED,
            JobState.Name.TIMEOUT, JobState.Name.NODE_FAIL, JobState.Name.PREEMPTED, JobState.Name.BOOT_FAIL,
            JobState.Name.DEADLINE, JobState.Name.OUT_OF_MEMORY, JobState.Name.COMPLETING, JobState.Name.CONFIGURING,
            JobState.Name.RESIZING, JobState.Name.REQUEUED, JobState.Name.REQUEUE_FED, JobState.Name.REQUEUE_HOLD,
            JobState.Name.SPECIAL_EXIT, JobState.Name.STOPPED, JobState.Name.SIGNALING, JobState.Name.STAGE_OUT,
            JobState.Name.REVOKED, JobState.Name.RESV_DEL_HOLD);

    /** How far back the look-up of a submission token reads accounting. */
    static final Duration TOKEN_LOOKBACK = Duration.ofDays(2);

    private final Map<String, Cluster> clusters;
    private final Map<String, SlurmClient> clients;
    private final Map<String, JobConsole> consoles;
    private final Map<String, MetricsSampler> samplers;
    private final MetricsRecorder recorder;
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private final int submitRetries;

    private SlurmJobs(Builder b) {
        if (b.clusters.isEmpty()) {
            throw new IllegalArgumentException("no cluster");
        }
        this.clusters = Map.copyOf(b.clusters);
        Map<String, SlurmClient> cs = new LinkedHashMap<>();
        b.clusters.forEach((n, c) -> cs.put(n, c.client()));
        this.clients = Map.copyOf(cs);
        Map<String, JobConsole> con = new LinkedHashMap<>();
        b.clusters.forEach((n, c) -> con.put(n, new JobConsole(cs.get(n), c.timeout())));
        this.consoles = Map.copyOf(con);
        Map<String, MetricsSampler> sam = new LinkedHashMap<>();
        b.clusters.forEach((n, c) -> {
            MetricsSampler.Builder sb = MetricsSampler.builder(cs.get(n)).clock(c.clock()).timeout(c.timeout());
            if (b.nodeShells.containsKey(n)) {
                sb.nodeShell(b.nodeShells.get(n));
            }
            sam.put(n, sb.build());
        });
        for (String n : b.nodeShells.keySet()) {
            if (!b.clusters.containsKey(n)) {
                throw new IllegalArgumentException("node shells for an unknown cluster " + n);
            }
        }
        this.samplers = Map.copyOf(sam);
        this.recorder = b.recorder;
        if (b.executor == null) {
            this.ownExecutor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "slurm4j-jobs");
                t.setDaemon(true);
                return t;
            });
            this.executor = ownExecutor;
        } else {
            this.ownExecutor = null;
            this.executor = b.executor;
        }
        this.submitRetries = b.submitRetries;
    }

    /** {@return a builder without clusters; {@link Builder#build()} needs at least one} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the names of the clusters this façade serves, unmodifiable} */
    public Set<String> clusters() {
        return clusters.keySet();
    }

    /**
     * The cluster of that name.
     *
     * @param name a name given to {@link Builder#cluster}
     * @return the cluster
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if no cluster has that name (the message lists the known ones)
     */
    public Cluster cluster(String name) {
        Cluster c = clusters.get(Objects.requireNonNull(name, "cluster"));
        if (c == null) {
            throw new IllegalArgumentException("unknown cluster " + name + "; known: " + clusters.keySet());
        }
        return c;
    }

    /**
     * The command layer of a cluster, for what the façade does not offer.
     *
     * @param cluster the cluster's name in the façade
     * @return the cluster's client (the one the façade uses, on the cluster's shell)
     * @throws IllegalArgumentException if no cluster has that name
     */
    public SlurmClient client(String cluster) {
        cluster(cluster);
        return clients.get(cluster);
    }

    // ------------------------------------------------------------------ submit

    /**
     * Validates the job ({@link JobConf#validate}: {@link JobConfException} with a message per
     * field) and submits it with {@code sbatch}. The comment carries a fresh token; when the
     * connection fails after sbatch was sent (a {@link ShellException}), the job is looked up by
     * its token ({@code squeue}, then {@code sacct}) before sbatch is tried again, up to the
     * builder's {@code submitRetries}: a retry never makes a second job. When the look-up itself
     * fails, nothing is submitted until a later look-up succeeds.
     *
     * @param cluster the cluster's name in the façade
     * @param conf the job, as the console's form gives it; its script is first written to
     *     {@link JobConf#writeScriptTo()} (mode 0700) when that is set
     * @return the job's id, the token and how many attempts it took
     * @throws JobConfException when the form is invalid (nothing was run)
     * @throws SlurmCommandException {@code submit_rejected} with Slurm's message when sbatch refused it
     * @throws ShellException the last connection failure when every attempt failed (the earlier ones
     *     suppressed in it)
     */
    public Submission submit(String cluster, JobConf conf) {
        Cluster c = cluster(cluster);
        Map<String, String> errors = conf.validate(c.partitions());
        if (!errors.isEmpty()) {
            throw new JobConfException(errors);
        }
        String token = SubmitTokens.newToken();
        SubmitRequest request = request(conf, token);
        SlurmClient client = clients.get(cluster);
        if (conf.writeScriptTo() != null) {
            c.shell().writeFile(conf.writeScriptTo(), conf.script().getBytes(StandardCharsets.UTF_8), 0700);
        }
        ShellException last = null;
        for (int attempt = 1; attempt <= 1 + submitRetries; attempt++) {
            try {
                if (last != null) {
                    JobId found = findByToken(client, token, c.clock().instant());
                    if (found != null) {
                        return new Submission(found, cluster, token, attempt, true);
                    }
                }
                return new Submission(client.submit(request).jobId(), cluster, token, attempt, false);
            } catch (ShellException e) {
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    /** The job whose comment carries {@code token}: {@code squeue} (every state), then {@code sacct}; {@code null} when neither has it. */
    static JobId findByToken(SlurmClient client, String token, Instant now) {
        for (SqueueRow r : client.jobs(everyState(JobQuery.builder()))) {
            if (token.equals(SubmitTokens.tokenOf(r.extras().get("Comment")))) {
                return JobId.of(r.arrayJobId() != null ? r.arrayJobId() : r.toJob().identity().jobId());
            }
        }
        AccountingQuery.Builder q = AccountingQuery.builder().allUsers().allocationsOnly();
        for (AccountingRecord r : client.accounting(q, now.minus(TOKEN_LOOKBACK), null)) {
            if (token.equals(SubmitTokens.tokenOf(r.comment())) && r.jobId() != null) {
                return JobId.of(r.jobId().id());
            }
        }
        return null;
    }

    private static JobQuery everyState(JobQuery.Builder q) {
        QUEUE_STATES.forEach(q::state);
        return q.build();
    }

    static SubmitRequest request(JobConf conf, String token) {
        SubmitRequest.Builder b;
        if (conf.script() != null && conf.writeScriptTo() == null) {
            b = SubmitRequest.script(conf.script());
        } else {
            b = SubmitRequest.scriptPath(conf.writeScriptTo() != null ? conf.writeScriptTo() : conf.scriptPath());
        }
        try {
            if (conf.name() != null) {
                b.name(conf.name());
            }
            if (conf.workDir() != null) {
                b.workingDirectory(conf.workDir());
            }
            if (conf.timeLimitMinutes() != null) {
                b.timeLimit(Duration.ofMinutes(conf.timeLimitMinutes()));
            }
            if (conf.partition() != null) {
                b.partition(conf.partition());
            }
            if (conf.cores() != null) {
                b.cpusPerTask(conf.cores());
            }
            if (conf.memoryGb() != null) {
                b.memoryPerNodeMb(Math.max(1, Math.round(conf.memoryGb() * 1024)));
            }
            if (conf.nodes() != null) {
                b.nodes(conf.nodes());
            }
            if (conf.gpus() != null && conf.gpus() > 0) {
                b.gpus(Integer.toString(conf.gpus()));
            }
            if (conf.account() != null) {
                b.account(conf.account());
            }
            if (conf.qos() != null) {
                b.qos(conf.qos());
            }
            conf.env().forEach(b::env);
            if (conf.dependency() != null) {
                b.dependency(conf.dependency());
            }
            if (conf.array() != null) {
                b.array(conf.array());
            }
            if (conf.output() != null) {
                b.output(conf.output());
            }
            if (conf.error() != null) {
                b.error(conf.error());
            }
            if (conf.begin() != null) {
                b.begin(conf.begin());
            }
            if (conf.hold()) {
                b.hold();
            }
            if (conf.exclusive()) {
                b.exclusive();
            }
            b.comment(SubmitTokens.tag(token, conf.comment()));
            if (!conf.args().isEmpty()) {
                b.scriptArgs(conf.args());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new JobConfException(Map.of("request", e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ lists

    /**
     * {@link #myJobs(String, String, Instant, ListOptions)} without paging or filter.
     *
     * @param cluster the cluster's name in the façade
     * @param user the Slurm user name
     * @param since the start of the accounting window, or {@code null} for sacct's default (midnight today)
     * @return every row, newest first
     */
    public List<JobRow> myJobs(String cluster, String user, Instant since) {
        return myJobs(cluster, user, since, ListOptions.ALL).rows();
    }

    /**
     * All of a user's jobs: the queue's ({@code squeue --user=U}, every state, so jobs that ended
     * but slurmctld still holds are there too) and accounting's ({@code sacct --user=U -X} from
     * {@code since}; {@code null} = sacct's default, midnight today) — exactly 2 commands. One row
     * per job, keyed by (job id, submit time), newest first: rows of the same id are one job when
     * their submit times are less than a day apart (a requeue moves the submit time), two jobs when
     * further apart (ids reused after a database reset).
     *
     * <p>squeue runs first, sacct second, so a job that leaves the queue between the two is in
     * sacct's answer, and a job submitted between them is in sacct's answer too (sacct lists
     * pending jobs). When both have a job, the row with the later state wins (an ended state over
     * an active one: the job ended between the commands); with the same kind of state, an ended
     * job is taken from sacct (it has the exit code and TRES) and an active one from squeue (sacct
     * lags behind the controller), with the GPU count from sacct. A pending array's remainder
     * ({@code 17_[3-6]} in sacct) is left out when squeue lists its tasks one by one.
     *
     * @param cluster the cluster's name in the façade
     * @param user the Slurm user name; not null
     * @param since the start of the accounting window, or {@code null} for sacct's default
     * @param options the filter and the page ({@link ListOptions#ALL} for everything)
     * @return the page of rows that pass the filter, with the count of all that pass it
     * @throws SlurmCommandException when squeue or sacct refused (both must answer)
     */
    public Page<JobRow> myJobs(String cluster, String user, Instant since, ListOptions options) {
        Cluster c = cluster(cluster);
        SlurmClient client = clients.get(cluster);
        Objects.requireNonNull(user, "user");
        List<SqueueRow> queue = client.jobs(everyState(JobQuery.builder().user(user)));
        AccountingQuery.Builder q = AccountingQuery.builder().user(user).allocationsOnly();
        List<AccountingRecord> acct = client.accounting(q, since, null);
        return page(merge(queue, acct, c), options);
    }

    /**
     * Two rows with the same job id whose submit times are closer than this are one job: a
     * requeued job's submit time moves, and squeue and sacct can show it at different moments of
     * that move (seen on the lab). Ids reused after a database reset are further apart.
     */
    static final Duration SAME_JOB_WINDOW = Duration.ofDays(1);

    static List<JobRow> merge(List<SqueueRow> queue, List<AccountingRecord> acct, Cluster c) {
        Map<String, JobRow> byKey = new LinkedHashMap<>();
        Map<String, List<String>> keysOfId = new LinkedHashMap<>();
        Set<Long> queuedArrays = new HashSet<>();
        for (SqueueRow r : queue) {
            JobRow row = Rows.fromQueue(r, c);
            String k = key(row);
            byKey.put(k, row);
            keysOfId.computeIfAbsent(row.id(), x -> new ArrayList<>(1)).add(k);
            if (r.arrayJobId() != null) {
                queuedArrays.add(r.arrayJobId());
            }
        }
        for (AccountingRecord r : acct) {
            if (r.jobId() == null || r.jobId().isStep()) {
                continue;
            }
            if (r.jobId().isArrayRange() && queuedArrays.contains(r.jobId().id())) {
                continue;
            }
            JobRow row = Rows.fromAccounting(r, c);
            String k = key(row);
            List<String> sameId = keysOfId.computeIfAbsent(row.id(), x -> new ArrayList<>(1));
            for (String other : sameId) {
                if (sameJob(byKey.get(other), row)) {
                    k = other;
                    break;
                }
            }
            JobRow seen = byKey.get(k);
            byKey.put(k, seen == null ? row : merged(seen, row));
            if (seen == null) {
                sameId.add(k);
            }
        }
        // newest first: submit time, then job id (parsed once per row, not per comparison)
        List<Map.Entry<Long, JobRow>> keyed = new ArrayList<>(byKey.size());
        for (JobRow r : byKey.values()) {
            keyed.add(Map.entry(ownId(r), r));
        }
        keyed.sort((x, y) -> {
            Instant a = x.getValue().submitted();
            Instant b = y.getValue().submitted();
            int byTime = a == null ? (b == null ? 0 : 1) : b == null ? -1 : b.compareTo(a);
            return byTime != 0 ? byTime : Long.compare(y.getKey(), x.getKey());
        });
        List<JobRow> out = new ArrayList<>(keyed.size());
        keyed.forEach(e -> out.add(e.getValue()));
        return out;
    }

    private static long ownId(JobRow r) {
        try {
            return JobId.parse(r.id()).id();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static boolean sameJob(JobRow a, JobRow b) {
        if (a.submitted() == null || b.submitted() == null) {
            return true;
        }
        return Duration.between(a.submitted(), b.submitted()).abs().compareTo(SAME_JOB_WINDOW) < 0;
    }

    private static String key(JobRow r) {
        return r.id() + "@" + (r.submitted() == null ? "?" : Long.toString(r.submitted().getEpochSecond()));
    }

    /** The rule for one job seen by both commands (see {@link #myJobs}). */
    private static JobRow merged(JobRow queued, JobRow accounted) {
        boolean qEnded = queued.status().phase().isFinal();
        boolean aEnded = accounted.status().phase().isFinal();
        if (aEnded) {
            return accounted;
        }
        if (qEnded) {
            return queued;
        }
        if (accounted.gpus()) {
            return new JobRow(queued.id(), queued.jobKey(), queued.name(), queued.user(), queued.partition(), queued.status(),
                    accounted.devices(), true, queued.preemptible(), queued.priority(), queued.submitted(), queued.started(),
                    queued.finished(), queued.reason(), queued.comment(), true);
        }
        return queued;
    }

    /**
     * {@link #activeJobs(String, ListOptions)} without paging or filter.
     *
     * @param cluster the cluster's name in the façade
     * @return every queued, scheduling and paused job, in squeue's order
     */
    public List<JobRow> activeJobs(String cluster) {
        return activeJobs(cluster, ListOptions.ALL).rows();
    }

    /**
     * Every user's queued, scheduling and paused jobs (phases QUEUED, SCHEDULING, PAUSED: no
     * running, no finished), in squeue's order (pending jobs by priority first): one {@code squeue}.
     * Devices are CPU counts here (squeue's listing has no GPU column).
     *
     * @param cluster the cluster's name in the façade
     * @param options the filter and the page ({@link ListOptions#ALL} for everything)
     * @return the page of rows that pass the filter, with the count of all that pass it
     */
    public Page<JobRow> activeJobs(String cluster, ListOptions options) {
        Cluster c = cluster(cluster);
        Set<JobPhase> active = EnumSet.of(JobPhase.QUEUED, JobPhase.SCHEDULING, JobPhase.PAUSED);
        List<JobRow> rows = new ArrayList<>();
        for (SqueueRow r : clients.get(cluster).jobs(JobQuery.all())) {
            JobRow row = Rows.fromQueue(r, c);
            if (active.contains(row.phase())) {
                rows.add(row);
            }
        }
        return page(rows, options);
    }

    private static Page<JobRow> page(List<JobRow> rows, ListOptions o) {
        List<JobRow> kept = rows.stream().filter(o::accepts).toList();
        int from = (int) Math.min(kept.size(), (long) o.offset());
        int to = (int) Math.min(kept.size(), (long) from + o.limit());
        return new Page<>(kept.subList(from, to), kept.size());
    }

    // ------------------------------------------------------------------ detail

    /**
     * The job's detail: {@code scontrol -o -d show job}, or, when slurmctld has forgotten the
     * job, a {@link Job} made from its {@code sacct} row; its steps from {@code sacct}; its
     * efficiency ({@code seff}) once it runs or has ended and accounting has it; and, with a
     * {@link Builder#metricsRecorder recorder}, the samples {@link #sample} recorded as
     * {@code runData}. When accounting is unreachable the detail still comes from scontrol,
     * without steps and efficiency; a seff that Slurm refuses only leaves the efficiency out.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element; not null
     * @return the detail, whose {@link JobDetail#toConsoleJson()} is the console's JSON
     * @throws SlurmCommandException {@code job_not_found} when neither knows the job; scontrol's or
     *     sacct's other refusals (sacct's only when scontrol did not know the job, or it was not
     *     {@code accounting_unavailable} or {@code unknown})
     */
    public JobDetail detail(String cluster, JobId id) {
        Cluster c = cluster(cluster);
        SlurmClient client = clients.get(cluster);
        Objects.requireNonNull(id, "id");
        Job job = null;
        SlurmCommandException notFound = null;
        try {
            job = client.job(id);
        } catch (SlurmCommandException e) {
            if (e.type() != SlurmErrorType.JOB_NOT_FOUND) {
                throw e;
            }
            notFound = e;
        }
        List<AccountingRecord> records = List.of();
        try {
            records = client.accounting(AccountingQuery.builder().allUsers().jobId(id).build());
        } catch (SlurmCommandException e) {
            if (job == null || (e.type() != SlurmErrorType.ACCOUNTING_UNAVAILABLE && e.type() != SlurmErrorType.UNKNOWN)) {
                throw e;
            }
        }
        AccountingJob acct = null;
        for (AccountingJob a : AccountingJob.group(records)) {
            if (a.job() != null && id.matchesRow(a.job().jobId(), a.job().jobIdRaw() == null ? null : a.job().jobIdRaw().id())) {
                acct = a;
            }
        }
        boolean fromAccounting = false;
        if (job == null) {
            if (acct == null || acct.job() == null) {
                throw notFound;
            }
            job = Rows.jobFromAccounting(acct.job());
            fromAccounting = true;
        }
        job = Rows.withUserComment(job);
        JobStatus status = JobStatuses.of(job.status().state(), job.status().reason());
        SeffReport eff = null;
        if (status.phase() != JobPhase.QUEUED && status.phase() != JobPhase.SCHEDULING && acct != null) {
            try {
                eff = client.efficiency(id);
            } catch (SlurmCommandException e) {
                eff = null;
            }
        }
        Instant submitted = Rows.instant(job.timing().submitTime(), c);
        // a pending job's StartTime is the scheduler's expectation, not a start
        boolean neverStarted = job.status().state().is(JobState.Name.PENDING) || status.phase() == JobPhase.QUEUED;
        Instant started = neverStarted ? null : Rows.instant(job.timing().startTime(), c);
        Instant finished = status.phase().isFinal() ? Rows.instant(job.timing().endTime(), c) : null;
        Duration duration = job.timing().runTime();
        if (duration == null && started != null) {
            duration = Duration.between(started, finished != null ? finished : c.clock().instant());
        }
        Integer restarts = job.status().restarts();
        return new JobDetail(job, fromAccounting, acct == null ? List.of() : acct.steps(), eff, status, submitted, submitted,
                started, finished, duration, restarts, job.nodeAllocations(), JobId.of(job.identity().jobId()) + "-" + c.host(),
                c.zone(), recorder == null ? List.of() : recorder.runData(cluster, id, c.zone()));
    }

    // ------------------------------------------------------------------ console

    /**
     * {@link #tail(String, JobId, int, ConsoleStream)} of the last {@value JobConsole#DEFAULT_LINES} lines of stdout.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return the lines, or none with {@code exists=false} when the file is not there yet
     */
    public ConsoleLines tail(String cluster, JobId id) {
        return tail(cluster, id, JobConsole.DEFAULT_LINES, ConsoleStream.STDOUT);
    }

    /**
     * The last {@code lines} lines of the job's stdout or stderr ({@link JobConsole#tail}): the
     * file's path from the job ({@code scontrol}, Slurm's patterns expanded), then
     * {@code tail -n lines -- PATH} on the cluster, so only the end of the file is read. A file
     * that does not exist yet (a pending job) is an empty result with {@code exists=false}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param lines how many lines, 0 or more
     * @param stream stdout or stderr
     * @return the lines, oldest first, and the file's path
     * @throws IllegalArgumentException for a negative {@code lines}
     * @throws SlurmCommandException {@code job_not_found}; {@code access_denied} when the file may
     *     not be read; {@code invalid_argument}, {@code unknown} for other failures to read it
     */
    public ConsoleLines tail(String cluster, JobId id, int lines, ConsoleStream stream) {
        cluster(cluster);
        return consoles.get(cluster).tail(id, lines, stream);
    }

    /**
     * {@link #follow(String, JobId, ConsoleStream, FollowOptions, Consumer)} of stdout with {@link FollowOptions#defaults()}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param onLine receives each line (without its newline) on the follow's own thread
     * @return the running follow; close it to stop early
     */
    public ConsoleFollow follow(String cluster, JobId id, Consumer<String> onLine) {
        return follow(cluster, id, ConsoleStream.STDOUT, FollowOptions.defaults(), onLine);
    }

    /**
     * Streams the job's output to {@code onLine} until the job ends, then closes
     * ({@link JobConsole#follow}): the backlog first, then each new line, read by byte offset in
     * bounded reads; a line without newline is held until its newline arrives. Close the returned
     * handle to stop early.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param stream stdout or stderr
     * @param options backlog, poll interval, read and line sizes, failures tolerated
     * @param onLine receives each line (without its newline) on the follow's own thread
     * @return the running follow, whose {@link ConsoleFollow#result()} tells how it ended
     * @throws SlurmCommandException when the job's file cannot be looked up ({@code job_not_found}, ...);
     *     later failures end the result instead
     */
    public ConsoleFollow follow(String cluster, JobId id, ConsoleStream stream, FollowOptions options, Consumer<String> onLine) {
        cluster(cluster);
        return consoles.get(cluster).follow(id, stream, options, onLine);
    }

    // ------------------------------------------------------------------ metrics

    /**
     * Samples the processes of a running job on each of its nodes ({@link MetricsSampler}: one
     * shell call per node with {@code scontrol listpids}, {@code ps} and, where it exists,
     * {@code nvidia-smi}; through {@code srun --jobid --overlap}, or the builder's
     * {@link Builder#nodeShells node shells}) and adds the sample to the builder's
     * {@link MetricsRecorder}, whose series {@link #detail} then returns as {@code runData}. A job
     * that is not running gives a sample without nodes (not recorded).
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return the sample: per node the processes' metrics, or the node's error
     * @throws SlurmCommandException {@code job_not_found}; {@code access_denied} when srun may not
     *     make a step in the job (only its owner may); a node's failure when every node failed
     */
    public JobSample sample(String cluster, JobId id) {
        cluster(cluster);
        JobSample s = samplers.get(cluster).sample(id);
        if (recorder != null) {
            recorder.record(cluster, s);
        }
        return s;
    }

    /** {@return the recorder {@link #sample} fills, or {@code null} when the builder was given none} */
    public MetricsRecorder recorder() {
        return recorder;
    }

    /**
     * The console reader of a cluster ({@link JobConsole}: paths, tail, follow).
     *
     * @param cluster the cluster's name in the façade
     * @return the reader the façade's {@link #tail} and {@link #follow} use
     */
    public JobConsole console(String cluster) {
        cluster(cluster);
        return consoles.get(cluster);
    }

    // ------------------------------------------------------------------ control

    /**
     * Cancels the job: {@code scancel --verbose}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element; an array's own id cancels every element
     * @return what scancel printed
     * @throws SlurmCommandException {@code job_not_found} for an unknown id, {@code invalid_argument}
     *     for a job already finished; Slurm's other refusals
     */
    public ActionResult cancel(String cluster, JobId id) {
        return client(cluster).cancel(id);
    }

    /**
     * Sends a signal to the job's steps: {@code scancel --signal}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param signal a name or number: {@code KILL}, {@code USR1}, {@code 10}; not null
     * @return what scancel printed
     * @throws SlurmCommandException when Slurm refused it
     */
    public ActionResult signal(String cluster, JobId id, String signal) {
        return client(cluster).signal(id, signal);
    }

    /**
     * Holds a pending job: {@code scontrol hold} (an admin hold when the shell's account is an
     * operator, else a user hold).
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return what scontrol printed (usually nothing)
     * @throws SlurmCommandException when Slurm refused it
     */
    public ActionResult hold(String cluster, JobId id) {
        return client(cluster).hold(id);
    }

    /**
     * Releases a held job back to pending: {@code scontrol release}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return what scontrol printed (usually nothing)
     * @throws SlurmCommandException when Slurm refused it
     */
    public ActionResult release(String cluster, JobId id) {
        return client(cluster).release(id);
    }

    /**
     * Puts a running or finished batch job back to pending: {@code scontrol requeue}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return what scontrol printed (usually nothing)
     * @throws SlurmCommandException when Slurm refused it
     */
    public ActionResult requeue(String cluster, JobId id) {
        return client(cluster).requeue(id);
    }

    /**
     * Sets the job's time limit: {@code scontrol update TimeLimit=}; a user may only lower it.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param minutes the new limit in minutes; positive
     * @return what scontrol printed (usually nothing)
     * @throws IllegalArgumentException if {@code minutes} is not positive
     * @throws SlurmCommandException when Slurm refused it ({@code access_denied} for a user raising it)
     */
    public ActionResult setTimeLimit(String cluster, JobId id, long minutes) {
        if (minutes <= 0) {
            throw new IllegalArgumentException("the time limit must be a positive number of minutes: " + minutes);
        }
        return client(cluster).update(id, JobUpdate.builder().timeLimit(Duration.ofMinutes(minutes)).build());
    }

    /**
     * Renames the job: {@code scontrol update JobName=}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param name the new name; not empty, no control character but newline
     * @return what scontrol printed (usually nothing)
     * @throws IllegalArgumentException for an empty name or a control character other than newline
     * @throws SlurmCommandException when Slurm refused it
     */
    public ActionResult rename(String cluster, JobId id, String name) {
        return client(cluster).update(id, JobUpdate.builder().name(name).build());
    }

    /**
     * Pauses a job: a running one is suspended ({@code scontrol suspend}, which needs an
     * operator), a pending one is held ({@code scontrol hold}). In any other state Slurm is asked
     * to suspend it and its refusal is thrown as {@code invalid_argument} with Slurm's message.
     * The state is read first ({@link SlurmClient#statusOf}: one {@code squeue}, plus one {@code sacct} when
     * the job left the queue).
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return what scontrol printed (usually nothing)
     * @throws SlurmCommandException {@code job_not_found} when neither squeue nor sacct knows the job;
     *     {@code access_denied} (suspend without operator rights); {@code invalid_argument} in a
     *     state that cannot be paused; {@code controller_unavailable}
     */
    public ActionResult pause(String cluster, JobId id) {
        SlurmClient client = client(cluster);
        io.github.slurm4j.exec.slurm.JobStatus st = statusOf(client, id);
        JobStatus s = JobStatuses.of(st.state(), st.reason());
        if (st.state().state() == JobState.Name.RUNNING) {
            return client.suspend(id);
        }
        if (st.state().state() == JobState.Name.PENDING && s.phase() == JobPhase.QUEUED) {
            return client.hold(id);
        }
        return senseless(() -> client.suspend(id));
    }

    /**
     * Resumes a paused job: a suspended one is resumed ({@code scontrol resume}, operator), a held
     * one released ({@code scontrol release}). In any other state (a running job) Slurm is asked
     * to resume it and its refusal ({@code Job is not suspended}) is thrown as
     * {@code invalid_argument}. The state is read first, as for {@link #pause}.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @return what scontrol printed (usually nothing)
     * @throws SlurmCommandException {@code job_not_found}; {@code access_denied} (resume without
     *     operator rights); {@code invalid_argument} for a job that is not paused;
     *     {@code controller_unavailable}
     */
    public ActionResult resume(String cluster, JobId id) {
        SlurmClient client = client(cluster);
        io.github.slurm4j.exec.slurm.JobStatus st = statusOf(client, id);
        JobState.Name n = st.state().state();
        if (n == JobState.Name.SUSPENDED) {
            return client.resume(id);
        }
        if (JobStatuses.of(st.state(), st.reason()).phase() == JobPhase.PAUSED && n != JobState.Name.STOPPED) {
            return client.release(id);
        }
        return senseless(() -> client.resume(id));
    }

    private static io.github.slurm4j.exec.slurm.JobStatus statusOf(SlurmClient client, JobId id) {
        io.github.slurm4j.exec.slurm.JobStatus st = client.statusOf(List.of(id)).get(id);
        if (st == null) {
            throw new SlurmCommandException(new SlurmError(SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified: " + id),
                    "squeue/sacct --jobs=" + id, 1);
        }
        return st;
    }

    /** Runs an action Slurm should refuse; a refusal not about rights or existence becomes {@code invalid_argument}. */
    private static ActionResult senseless(Supplier<ActionResult> action) {
        try {
            return action.get();
        } catch (SlurmCommandException e) {
            SlurmErrorType t = e.type();
            if (t == SlurmErrorType.ACCESS_DENIED || t == SlurmErrorType.JOB_NOT_FOUND || t == SlurmErrorType.INVALID_ARGUMENT
                    || t == SlurmErrorType.CONTROLLER_UNAVAILABLE) {
                throw e;
            }
            SlurmCommandException out = new SlurmCommandException(new SlurmError(SlurmErrorType.INVALID_ARGUMENT,
                    e.error().message()), e.command(), e.exitCode());
            out.addSuppressed(e);
            throw out;
        }
    }

    /**
     * Sets the console priority {@code p} (1..1000, default 100; {@link Priorities}): Slurm's
     * {@code Priority = p × unit} when the caller is an operator; otherwise (Slurm refused that
     * with {@code access_denied}) {@code Nice = (100 − p) × unit}, which a user may set for
     * {@code p ≤ 100}. Above 100 a user is refused with {@code access_denied} saying it needs
     * operator rights. A user's call thus runs {@code scontrol update} twice.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job, or an array element
     * @param p the console priority, {@value Priorities#MIN}..{@value Priorities#MAX}
     * @return what the accepted {@code scontrol update} printed (usually nothing)
     * @throws IllegalArgumentException if {@code p} is out of range
     * @throws SlurmCommandException {@code access_denied} for a user above {@value Priorities#DEFAULT}
     *     (Slurm's refusal suppressed in it); Slurm's other refusals
     */
    public ActionResult setPriority(String cluster, JobId id, int p) {
        Priorities.check(p);
        Cluster c = cluster(cluster);
        SlurmClient client = clients.get(cluster);
        try {
            return client.update(id, JobUpdate.builder().priority(Priorities.toSlurmPriority(p, c.priorityUnit())).build());
        } catch (SlurmCommandException e) {
            if (e.type() != SlurmErrorType.ACCESS_DENIED) {
                throw e;
            }
            if (p > Priorities.DEFAULT) {
                SlurmCommandException out = new SlurmCommandException(new SlurmError(SlurmErrorType.ACCESS_DENIED,
                        "a priority above " + Priorities.DEFAULT + " needs operator rights (Slurm: "
                                + e.error().message().strip() + ")"), e.command(), e.exitCode());
                out.addSuppressed(e);
                throw out;
            }
            return client.update(id, JobUpdate.builder().nice(Priorities.toNice(p, c.priorityUnit())).build());
        }
    }

    // ------------------------------------------------------------------ raw commands

    /**
     * Runs a raw command on the cluster ({@code argv}, no shell in between) and returns what it
     * printed and its exit code. <b>Privileged:</b> it runs anything the account the cluster's
     * shell uses may run; the host application must decide who may call it. A non-zero exit code
     * is returned, not thrown.
     *
     * @param cluster the cluster's name in the façade
     * @param argv the program and its arguments; not empty
     * @return the exit code and both outputs, decoded
     * @throws IllegalArgumentException for an empty {@code argv}
     * @throws ShellException when the command could not run, or (a {@code ShellTimeoutException})
     *     did not end within the cluster's timeout
     */
    public CommandOutput run(String cluster, List<String> argv) {
        Cluster c = cluster(cluster);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("an empty command");
        }
        ExecResult r = c.shell().run(ExecRequest.builder(argv).timeout(c.timeout()).build());
        return new CommandOutput(r.exitCode(), r.stdout(), r.stderr());
    }

    // ------------------------------------------------------------------ async

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /**
     * {@link #submit(String, JobConf)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param conf the job
     * @return the submission; completes exceptionally with what the call throws
     */
    public CompletableFuture<Submission> submitAsync(String cluster, JobConf conf) {
        return async(() -> submit(cluster, conf));
    }

    /**
     * {@link #myJobs(String, String, Instant)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param user the Slurm user name
     * @param since the start of the accounting window, or {@code null} for sacct's default
     * @return the rows; completes exceptionally with what the call throws
     */
    public CompletableFuture<List<JobRow>> myJobsAsync(String cluster, String user, Instant since) {
        return async(() -> myJobs(cluster, user, since));
    }

    /**
     * {@link #myJobs(String, String, Instant, ListOptions)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param user the Slurm user name
     * @param since the start of the accounting window, or {@code null} for sacct's default
     * @param options the filter and the page
     * @return the page; completes exceptionally with what the call throws
     */
    public CompletableFuture<Page<JobRow>> myJobsAsync(String cluster, String user, Instant since, ListOptions options) {
        return async(() -> myJobs(cluster, user, since, options));
    }

    /**
     * {@link #activeJobs(String)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @return the rows; completes exceptionally with what the call throws
     */
    public CompletableFuture<List<JobRow>> activeJobsAsync(String cluster) {
        return async(() -> activeJobs(cluster));
    }

    /**
     * {@link #activeJobs(String, ListOptions)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param options the filter and the page
     * @return the page; completes exceptionally with what the call throws
     */
    public CompletableFuture<Page<JobRow>> activeJobsAsync(String cluster, ListOptions options) {
        return async(() -> activeJobs(cluster, options));
    }

    /**
     * {@link #detail(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return the detail; completes exceptionally with what the call throws
     */
    public CompletableFuture<JobDetail> detailAsync(String cluster, JobId id) {
        return async(() -> detail(cluster, id));
    }

    /**
     * {@link #tail(String, JobId, int, ConsoleStream)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @param lines how many lines, 0 or more
     * @param stream stdout or stderr
     * @return the lines; completes exceptionally with what the call throws
     */
    public CompletableFuture<ConsoleLines> tailAsync(String cluster, JobId id, int lines, ConsoleStream stream) {
        return async(() -> tail(cluster, id, lines, stream));
    }

    /**
     * {@link #sample(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return the sample; completes exceptionally with what the call throws
     */
    public CompletableFuture<JobSample> sampleAsync(String cluster, JobId id) {
        return async(() -> sample(cluster, id));
    }

    /**
     * {@link #cancel(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> cancelAsync(String cluster, JobId id) {
        return async(() -> cancel(cluster, id));
    }

    /**
     * {@link #signal(String, JobId, String)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @param signal a name or number
     * @return what scancel printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> signalAsync(String cluster, JobId id, String signal) {
        return async(() -> signal(cluster, id, signal));
    }

    /**
     * {@link #pause(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> pauseAsync(String cluster, JobId id) {
        return async(() -> pause(cluster, id));
    }

    /**
     * {@link #resume(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> resumeAsync(String cluster, JobId id) {
        return async(() -> resume(cluster, id));
    }

    /**
     * {@link #hold(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> holdAsync(String cluster, JobId id) {
        return async(() -> hold(cluster, id));
    }

    /**
     * {@link #release(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> releaseAsync(String cluster, JobId id) {
        return async(() -> release(cluster, id));
    }

    /**
     * {@link #requeue(String, JobId)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @return what Slurm printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> requeueAsync(String cluster, JobId id) {
        return async(() -> requeue(cluster, id));
    }

    /**
     * {@link #setTimeLimit(String, JobId, long)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @param minutes the new limit in minutes; positive
     * @return what scontrol printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> setTimeLimitAsync(String cluster, JobId id, long minutes) {
        return async(() -> setTimeLimit(cluster, id, minutes));
    }

    /**
     * {@link #rename(String, JobId, String)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @param name the new name
     * @return what scontrol printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> renameAsync(String cluster, JobId id, String name) {
        return async(() -> rename(cluster, id, name));
    }

    /**
     * {@link #setPriority(String, JobId, int)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param id the job
     * @param p the console priority, 1..1000
     * @return what scontrol printed; completes exceptionally with what the call throws
     */
    public CompletableFuture<ActionResult> setPriorityAsync(String cluster, JobId id, int p) {
        return async(() -> setPriority(cluster, id, p));
    }

    /**
     * {@link #run(String, List)} on the builder's executor.
     *
     * @param cluster the cluster's name in the façade
     * @param argv the program and its arguments; not empty
     * @return the exit code and outputs; completes exceptionally with what the call throws
     */
    public CompletableFuture<CommandOutput> runAsync(String cluster, List<String> argv) {
        return async(() -> run(cluster, argv));
    }

    /**
     * Stops the façade's own executor (not one given to the builder); the shells are not closed.
     * Running {@code ...Async} calls finish; on the own executor, a new one then throws
     * {@link java.util.concurrent.RejectedExecutionException}.
     */
    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /** Builds a {@link SlurmJobs}. */
    public static final class Builder {
        private final Map<String, Cluster> clusters = new LinkedHashMap<>();
        private Executor executor;
        private int submitRetries = 2;
        private MetricsRecorder recorder;
        private final Map<String, Function<String, Shell>> nodeShells = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Where {@link SlurmJobs#sample} records and {@link SlurmJobs#detail} reads {@code runData}
         * (default: none, and the detail's {@code runData} is empty).
         *
         * @param recorder the recorder; may be shared with other façades (its series are per cluster name)
         * @return this builder
         * @throws NullPointerException if {@code recorder} is null
         */
        public Builder metricsRecorder(MetricsRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
            return this;
        }

        /**
         * Samples the nodes of {@code cluster} through a shell per node (SSH to the node with the
         * same credentials, say) instead of {@code srun --jobid --overlap} through the cluster's
         * shell: for an operator account, which srun refuses in other users' jobs. The façade
         * does not close these shells.
         *
         * @param cluster the name of a cluster given to {@link #cluster(Cluster)} (checked by {@link #build()})
         * @param shellOfNode the shell of a node name (as Slurm's node list gives it); called at each sample
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder nodeShells(String cluster, Function<String, Shell> shellOfNode) {
            nodeShells.put(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(shellOfNode, "shellOfNode"));
            return this;
        }

        /**
         * Adds a cluster under its name.
         *
         * @param cluster the cluster
         * @return this builder
         * @throws IllegalArgumentException if a cluster of that name was added before
         */
        public Builder cluster(Cluster cluster) {
            if (clusters.putIfAbsent(cluster.name(), cluster) != null) {
                throw new IllegalArgumentException("two clusters named " + cluster.name());
            }
            return this;
        }

        /**
         * The executor of the {@code ...Async} methods (default: 4 daemon threads of the façade's own,
         * stopped by {@link SlurmJobs#close()}).
         *
         * @param executor the executor; not shut down by the façade
         * @return this builder
         * @throws NullPointerException if {@code executor} is null
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How often a submission is tried again after a lost connection (default 2).
         *
         * @param retries the retries after the first attempt; 0 for none
         * @return this builder
         * @throws IllegalArgumentException if {@code retries} is negative
         */
        public Builder submitRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("negative retries");
            }
            this.submitRetries = retries;
            return this;
        }

        /**
         * Makes the façade: a command layer, console reader and metrics sampler per cluster, and the
         * own executor unless one was given.
         *
         * @return the façade; close it to stop its own executor
         * @throws IllegalArgumentException if no cluster was added, or node shells name an unknown cluster
         */
        public SlurmJobs build() {
            return new SlurmJobs(this);
        }
    }
}
