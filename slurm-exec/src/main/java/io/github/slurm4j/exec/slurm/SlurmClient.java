package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.StreamResult;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobStep;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.parse.SlurmErrors;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every Slurm operation as one typed call over a {@link Shell} (local, SSH, or a fake in tests).
 *
 * <pre>{@code
 * SlurmClient slurm = new SlurmClient(shell);
 * SubmitResult s = slurm.submit(SubmitRequest.script("#!/bin/sh\nsleep 60\n").name("demo").ntasks(1).build());
 * Map<JobId, JobStatus> st = slurm.statusOf(List.of(s.jobId()));
 * slurm.cancel(s.jobId());
 * }</pre>
 *
 * <h2>Errors</h2>
 * Every call reads the exit code <em>and</em> the text of the command (several Slurm commands
 * report errors with exit code 0: {@code sstat}, {@code scancel -v}, {@code squeue -u nosuchuser})
 * and throws:
 * <ul>
 *   <li>{@link SlurmCommandException} with its {@link SlurmErrorType} when Slurm refused or failed
 *       (controller or accounting unavailable, job not found, access denied, submit rejected, ...);
 *       a failed command never gives a value, not even an empty list, and this error wins over
 *       a parse error of the same output;</li>
 *   <li>{@link SlurmParseException} when the output of a successful command does not read;</li>
 *   <li>{@link ShellException} (or {@code ShellTimeoutException}) when the command could not run.</li>
 * </ul>
 *
 * <p>Thread-safe when the shell is (slurm4j's shells are). The client does not own the shell:
 * close the shell yourself.
 */
public final class SlurmClient {
    /** The longest wait for the {@code scontrol ping} that explains a failure. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

    private final Shell shell;
    private final String cluster;
    private final Duration timeout;
    private final ZoneId zone;
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final Object seffLock = new Object();
    private volatile Boolean seffInstalled;

    /**
     * A client for the shell's default cluster, with a 60 s timeout and the JVM's time zone.
     *
     * @param shell where commands run; not closed by the client
     * @throws NullPointerException if {@code shell} is null
     */
    public SlurmClient(Shell shell) {
        this(builder(shell));
    }

    private SlurmClient(Builder b) {
        this.shell = b.shell;
        this.cluster = b.cluster;
        this.timeout = b.timeout;
        this.zone = b.zone;
        this.pollInterval = b.pollInterval;
        this.sleeper = b.sleeper;
    }

    /**
     * A builder for a client over {@code shell}, for another cluster, timeout, zone or poll interval.
     *
     * @param shell where commands run; not closed by the client
     * @return the builder, with the defaults of {@link #SlurmClient(Shell)}
     * @throws NullPointerException if {@code shell} is null
     */
    public static Builder builder(Shell shell) {
        return new Builder(shell);
    }

    /** {@return the shell commands run on} */
    public Shell shell() {
        return shell;
    }

    /** {@return the cluster passed with {@code -M}, or {@code null} for the default one} */
    public String cluster() {
        return cluster;
    }

    /** {@return the cluster's time zone: the zone of the local times Slurm prints and reads} */
    public ZoneId zone() {
        return zone;
    }

    // ------------------------------------------------------------------ queue

    /**
     * The queue's jobs matching {@code query}: one {@code squeue} call (more only for id lists
     * longer than {@value SlurmCommands#MAX_ID_LIST_CHARS} characters), one row per job and per
     * array element, every value whole.
     *
     * @param query the filters; {@link JobQuery#all()} for every job
     * @return the rows in squeue's order
     */
    public List<SqueueRow> jobs(JobQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.jobIds().isEmpty()) {
            return execute(new SlurmCommands.ListJobs(cluster, query, null));
        }
        List<SqueueRow> out = new ArrayList<>();
        for (String chunk : Args.chunks(Args.ids(query.jobIds()), SlurmCommands.MAX_ID_LIST_CHARS)) {
            out.addAll(execute(new SlurmCommands.ListJobs(cluster, query, chunk)));
        }
        return List.copyOf(out);
    }

    /** {@return every job in the queue: {@code jobs(JobQuery.all())}} */
    public List<SqueueRow> jobs() {
        return jobs(JobQuery.all());
    }

    /**
     * Where each job stands: one {@code squeue --jobs=a,b,c} call for all of them, plus one
     * {@code sacct --jobs=...} call for those no longer in the queue; never one call per job
     * (long lists are cut into chunks of {@value SlurmCommands#MAX_ID_LIST_CHARS} characters).
     *
     * <p>Jobs that have finished but that slurmctld still holds are listed by squeue (it is asked
     * for every state) and asked again from sacct, whose answer has the exit code; the queue's
     * answer (without exit code) is kept when sacct has no record or fails. A job that neither
     * knows is absent from the map, and so is one whose only accounting row is slurmdbd's
     * placeholder ({@link AccountingRecord#isPlaceholder()}: it says PENDING for a job that has
     * started). squeue 22.05 fails the whole call with
     * {@code Invalid job id specified} when it is asked for a single unknown id (fixture
     * {@code squeue-error-invalid-job}); that answer means "not in the queue", and sacct is asked.
     * Any other squeue or sacct error is thrown: a failure is never reported as "job gone".
     *
     * @param ids the jobs, as squeue and sacct name them ({@code 17}, {@code 17_3}, {@code 21+1});
     *     duplicates are asked once
     * @return the status per requested id, in the order asked; unmodifiable
     */
    public Map<JobId, JobStatus> statusOf(Collection<JobId> ids) {
        Set<JobId> wanted = new LinkedHashSet<>(ids);
        Map<JobId, JobStatus> found = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<SqueueRow> rows = new ArrayList<>();
        for (String chunk : Args.chunks(Args.ids(wanted), SlurmCommands.MAX_ID_LIST_CHARS)) {
            try {
                rows.addAll(execute(new SlurmCommands.ListJobs(cluster, JobQuery.all(), chunk)));
            } catch (SlurmCommandException e) {
                if (e.type() != SlurmErrorType.JOB_NOT_FOUND) {
                    throw e;
                }
            }
        }
        for (JobId id : wanted) {
            for (SqueueRow row : rows) {
                if (row.state() != null && id.matchesRow(row.jobId(), ownJobId(row.extras().get("JobID")))) {
                    found.put(id, new JobStatus(id, row.state(), row.reason(), null, JobStatus.Source.QUEUE));
                    break;
                }
            }
        }
        // sacct is asked for the jobs the queue does not know and for those it shows finished
        // (the queue does not print exit codes); the queue's answer stays when sacct has none
        List<JobId> ask = wanted.stream()
                .filter(id -> !found.containsKey(id) || found.get(id).state().isFinished()).toList();
        if (!ask.isEmpty()) {
            AccountingQuery q = AccountingQuery.builder().allUsers().allocationsOnly().build();
            List<AccountingRecord> records = new ArrayList<>();
            try {
                for (String chunk : Args.chunks(Args.ids(ask), SlurmCommands.MAX_ID_LIST_CHARS)) {
                    records.addAll(execute(new SlurmCommands.Accounting(cluster, q, chunk, SlurmCommands.Accounting.STATUS_FIELDS)));
                }
            } catch (SlurmCommandException e) {
                // only the exit codes are lost when every asked job has a (finished) queue state
                if (!ask.stream().allMatch(found::containsKey)) {
                    throw e;
                }
                records.clear();
            }
            for (JobId id : ask) {
                AccountingRecord last = null;
                for (AccountingRecord r : records) {
                    JobId raw = r.jobIdRaw();
                    if (r.state() != null && !r.isPlaceholder() && id.matchesRow(r.jobId(), raw == null ? null : raw.id())) {
                        last = r;
                    }
                }
                // a finished queue state is final: an accounting row that still says otherwise lags behind
                if (last != null && (!found.containsKey(id) || last.state().isFinished())) {
                    found.put(id, new JobStatus(id, last.state(), last.reason(), last.exitCode(), JobStatus.Source.ACCOUNTING));
                }
            }
        }
        Map<JobId, JobStatus> ordered = new LinkedHashMap<>();
        for (JobId id : wanted) {
            if (found.containsKey(id)) {
                ordered.put(id, found.get(id));
            }
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    /** squeue's own job id column ({@code %A}) as a number, or {@code null} when absent or not a number. */
    private static Long ownJobId(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }

    // ------------------------------------------------------------------ scontrol show

    /**
     * The job {@code id} names, in detail ({@code scontrol -o -d show job ID}): a job, an array
     * element ({@code 17_3}), a het component ({@code 21+1}); for an array's or a het job's own id,
     * the record that carries that id (every record: {@link #jobRecords}).
     *
     * @param id the job
     * @return the job's record, with the {@code -d} per-node lines
     * @throws SlurmCommandException {@code job_not_found} for an unknown id
     */
    public Job job(JobId id) {
        List<Job> records = jobRecords(id);
        for (Job j : records) {
            if (id.matchesRow(j.displayId(), j.jobId())) {
                return j;
            }
        }
        throw new SlurmCommandException(new SlurmError(SlurmErrorType.JOB_NOT_FOUND,
                "scontrol show job " + id + " printed no record for " + id), "scontrol show job " + id, 0);
    }

    /**
     * {@code scontrol -o -d show job ID}: every record of the job: an array prints one per element
     * that has started and one for the elements still pending, a heterogeneous job one per component.
     *
     * @param id the job; not null
     * @return the records in scontrol's order
     * @throws SlurmCommandException {@code job_not_found} for an unknown id
     */
    public List<Job> jobRecords(JobId id) {
        return execute(SlurmCommands.showJob(cluster, Objects.requireNonNull(id, "id")));
    }

    /**
     * Waits until the job is in one of {@code states}, asking {@link #statusOf} every poll interval
     * ({@link Builder#pollInterval}, 1 s by default; one {@code squeue}, plus one {@code sacct} once
     * the job has left the queue).
     *
     * @param id the job; not null
     * @param states the states to wait for, matched against the base state
     * @param timeout how long to wait, counted in poll intervals slept
     * @return the status that matched
     * @throws JobWaitTimeoutException when {@code timeout} passes first (it carries the last status
     *     seen), or when the thread is interrupted (the interrupt flag is set again)
     */
    public JobStatus awaitState(JobId id, Set<JobState.Name> states, Duration timeout) {
        Objects.requireNonNull(id, "id");
        Set<JobState.Name> wanted = Set.copyOf(states);
        return await(id, s -> wanted.contains(s.state().state()), "a state in " + wanted, timeout);
    }

    /**
     * Waits until the job has ended, whatever the end: its state is no longer active (see
     * {@link #awaitState} for how it polls).
     *
     * @param id the job; not null
     * @param timeout how long to wait
     * @return the final status; it has the exit code when accounting answered
     * @throws JobWaitTimeoutException when {@code timeout} passes first, or when the thread is interrupted
     */
    public JobStatus awaitFinished(JobId id, Duration timeout) {
        return await(Objects.requireNonNull(id, "id"), s -> !s.state().isActive(), "its end", timeout);
    }

    private JobStatus await(JobId id, java.util.function.Predicate<JobStatus> done, String what, Duration timeout) {
        long waited = 0;
        JobStatus last = null;
        while (true) {
            last = statusOf(List.of(id)).get(id);
            if (last != null && done.test(last)) {
                return last;
            }
            if (waited >= timeout.toMillis()) {
                throw new JobWaitTimeoutException(id, what, timeout, last);
            }
            long step = Math.min(pollInterval.toMillis(), timeout.toMillis() - waited);
            try {
                sleeper.sleep(Duration.ofMillis(step));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobWaitTimeoutException(id, what + " (interrupted)", Duration.ofMillis(waited), last);
            }
            waited += step;
        }
    }

    /**
     * Streams {@code scontrol -o -d show job} (every job the controller holds) to {@code sink},
     * one job at a time, in constant memory. Jobs delivered before a failure stay delivered; the
     * failure is then thrown: the command's own error (exit code, stderr) first, else the
     * reader's parse error.
     *
     * @param sink gets each job, in scontrol's order, on the calling thread; not null
     * @throws ShellException also when the output went past the shell's output limit
     */
    public void streamJobs(Consumer<? super Job> sink) {
        Objects.requireNonNull(sink, "sink");
        SlurmCommand<List<Job>> cmd = SlurmCommands.showJob(cluster, null);
        ExecRequest request = request(cmd);
        String where = where(cmd);
        StreamResult<Void> result = shell.stream(request, in -> {
            ScontrolParser.parseJobs(in, sink);
            return null;
        });
        ExecResult status = result.status();
        SlurmErrors.check(where, "", status.stderr(), status.exitCode());
        if (status.truncated()) {
            throw new ShellException(where, "the output went past the shell's output limit", null);
        }
        result.valueOrThrow();
    }

    /** {@return every node ({@code scontrol -o show node}), in scontrol's order} */
    public List<Node> nodes() {
        return execute(SlurmCommands.showNodes(cluster, null));
    }

    /**
     * One node ({@code scontrol -o show node NAME}).
     *
     * @param name the node name
     * @return the node
     * @throws SlurmCommandException {@code invalid_argument} for an unknown node
     * @throws SlurmParseException when scontrol printed other than one record
     */
    public Node node(String name) {
        List<Node> nodes = execute(SlurmCommands.showNodes(cluster, name));
        if (nodes.size() != 1) {
            throw new SlurmParseException("scontrol show node " + name, 0, null, "", "expected one node record, got " + nodes.size());
        }
        return nodes.get(0);
    }

    /** {@return every partition ({@code scontrol -o show partition}), in scontrol's order} */
    public List<Partition> partitions() {
        return execute(SlurmCommands.showPartitions(cluster));
    }

    /** {@return every reservation ({@code scontrol -o show reservation}); empty when there is none} */
    public List<Reservation> reservations() {
        return execute(SlurmCommands.showReservations(cluster));
    }

    /**
     * The running steps of a job ({@code scontrol -o show step ID}).
     *
     * @param id the job; not null
     * @return its steps as scontrol lists them
     */
    public List<JobStep> steps(JobId id) {
        return execute(SlurmCommands.showSteps(cluster, Objects.requireNonNull(id, "id")));
    }

    // ------------------------------------------------------------------ accounting

    /**
     * Accounting records ({@code sacct}) matching {@code query}, in sacct's order, job rows
     * followed by their steps (group them with {@link AccountingJob#group}).
     *
     * @param query the filters; not null
     * @return the rows, in sacct's order
     * @throws SlurmCommandException {@code accounting_unavailable} when slurmdbd cannot be reached
     */
    public List<AccountingRecord> accounting(AccountingQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.jobIds().isEmpty()) {
            return execute(new SlurmCommands.Accounting(cluster, query, null, SlurmCommands.Accounting.FIELDS));
        }
        List<AccountingRecord> out = new ArrayList<>();
        for (String chunk : Args.chunks(Args.ids(query.jobIds()), SlurmCommands.MAX_ID_LIST_CHARS)) {
            out.addAll(execute(new SlurmCommands.Accounting(cluster, query, chunk, SlurmCommands.Accounting.FIELDS)));
        }
        return List.copyOf(out);
    }

    /**
     * {@link #accounting} with a time range given as instants (converted to the cluster's zone).
     *
     * @param query the other filters; its start and end are set here when given (the builder is changed)
     * @param start {@code -S}; {@code null} keeps the builder's
     * @param end {@code -E}; {@code null} keeps the builder's
     * @return the rows, as {@link #accounting(AccountingQuery)}
     */
    public List<AccountingRecord> accounting(AccountingQuery.Builder query, Instant start, Instant end) {
        if (start != null) {
            query.start(LocalDateTime.ofInstant(start, zone));
        }
        if (end != null) {
            query.end(LocalDateTime.ofInstant(end, zone));
        }
        return accounting(query.build());
    }

    /**
     * Live usage of a running job's steps ({@code sstat}). sstat reports errors with exit code 0;
     * they are read from the text ({@code No steps running for job}: {@code invalid_argument}).
     *
     * @param id the job (or one step of it); not null
     * @return one record per running step
     * @throws UnsupportedOperationException with a cluster set: sstat has no {@code -M}
     */
    public List<StepStatRecord> stepStats(JobId id) {
        if (cluster != null) {
            throw new UnsupportedOperationException("sstat has no -M option: live step statistics of cluster " + cluster
                    + " can only be read on that cluster");
        }
        return execute(SlurmCommands.stepStats(Objects.requireNonNull(id, "id")));
    }

    /**
     * The job's efficiency as {@code seff} reports it: seff's own output when seff is installed
     * where commands run (probed once with {@code command -v seff}), else the same report computed
     * from {@code sacct} (also with a cluster set, since seff has no {@code -M}). When seff says
     * {@code Job not found}, sacct is asked too: Slurm's seff of 24.11 and 26.05 says so for a job
     * that accounting holds while slurmctld is down (seen on the lab), and accounting does not need
     * slurmctld; the job is not found only when sacct does not know it either.
     *
     * @param id the job; not null
     * @return the report; without usage for a pending job
     * @throws SlurmCommandException {@code job_not_found} when neither seff nor sacct knows the job
     */
    public SeffReport efficiency(JobId id) {
        Objects.requireNonNull(id, "id");
        if (cluster == null && seffInstalled()) {
            try {
                return execute(SlurmCommands.seff(id));
            } catch (SlurmCommandException e) {
                if (e.type() != SlurmErrorType.JOB_NOT_FOUND) {
                    throw e;
                }
            }
        }
        return Efficiency.fromAccounting(this, id);
    }

    /** {@return whether seff is installed where commands run; probed once, then cached} */
    public boolean seffInstalled() {
        Boolean known = seffInstalled;
        if (known != null) {
            return known;
        }
        synchronized (seffLock) {
            if (seffInstalled == null) {
                seffInstalled = execute(new SlurmCommands.ProbeSeff());
            }
            return seffInstalled;
        }
    }

    /** The sacct records of one job with the given fields, for {@link Efficiency}. */
    List<AccountingRecord> accountingFields(JobId id, List<String> fields) {
        AccountingQuery q = AccountingQuery.builder().allUsers().build();
        return execute(new SlurmCommands.Accounting(cluster, q, id.toString(), fields));
    }

    // ------------------------------------------------------------------ actions

    /**
     * Submits a batch job ({@code sbatch --parsable}).
     *
     * @param request the script and options; not null
     * @return the id Slurm gave the job; accepted does not mean it will run
     * @throws SlurmCommandException {@code submit_rejected} (or {@code invalid_argument},
     *     {@code controller_unavailable}, ...) when sbatch refused it
     */
    public SubmitResult submit(SubmitRequest request) {
        return execute(new SlurmCommands.Submit(cluster, Objects.requireNonNull(request, "request")));
    }

    /**
     * Cancels a job ({@code scancel --verbose ID}: without {@code -v} scancel says nothing about an
     * unknown or finished job).
     *
     * @param id the job (or array element); cancelling an array's own id cancels every element
     * @return the lines scancel printed
     * @throws SlurmCommandException {@code job_not_found} for an unknown id,
     *     {@code invalid_argument} for a job already finished
     */
    public ActionResult cancel(JobId id) {
        return execute(SlurmCommands.Action.cancel(cluster, id, null));
    }

    /**
     * Sends a signal to the job's steps ({@code scancel --signal}).
     *
     * @param id the job
     * @param signal a name or number: {@code KILL}, {@code USR1}, {@code 10}; not null
     * @return the lines scancel printed
     */
    public ActionResult signal(JobId id, String signal) {
        return execute(SlurmCommands.Action.cancel(cluster, id, Objects.requireNonNull(signal, "signal")));
    }

    /**
     * {@code scontrol suspend ID} (privileged): stops a running job and frees its CPUs.
     *
     * @param id a running job; not null
     * @return the lines scontrol printed (usually none)
     * @throws SlurmCommandException when Slurm refused it; scontrol's {@code Unexpected message
     *     received} (an unknown job, or no controller) is typed {@code job_not_found} or
     *     {@code controller_unavailable} by asking {@code scontrol ping} and {@code scontrol show job}
     */
    public ActionResult suspend(JobId id) {
        return scontrol("suspend", id);
    }

    /**
     * {@code scontrol resume ID} (privileged): resumes a suspended job.
     *
     * @param id a suspended job; not null
     * @return the lines scontrol printed (usually none)
     * @throws SlurmCommandException when Slurm refused it, typed as for {@link #suspend}
     */
    public ActionResult resume(JobId id) {
        return scontrol("resume", id);
    }

    /**
     * {@code scontrol hold ID}: an admin hold when run by an operator, else a user hold.
     *
     * @param id a pending job; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult hold(JobId id) {
        return scontrol("hold", id);
    }

    /**
     * {@code scontrol uhold ID}: a hold the job's user can release.
     *
     * @param id a pending job; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult userHold(JobId id) {
        return scontrol("uhold", id);
    }

    /**
     * {@code scontrol release ID}: releases a held job back to pending.
     *
     * @param id a held job; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult release(JobId id) {
        return scontrol("release", id);
    }

    /**
     * {@code scontrol requeue ID}: back to pending.
     *
     * @param id a running or finished batch job; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult requeue(JobId id) {
        return scontrol("requeue", id);
    }

    /**
     * {@code scontrol requeuehold ID}: back to pending, held.
     *
     * @param id a running or finished batch job; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult requeueHold(JobId id) {
        return scontrol("requeuehold", id);
    }

    /**
     * {@code scontrol update JobId=ID Key=value...}.
     *
     * @param id the job; not null
     * @param update the changes, one argument each; not null
     * @return the lines scontrol printed (usually none)
     */
    public ActionResult update(JobId id, JobUpdate update) {
        return execute(SlurmCommands.Action.update(cluster, Objects.requireNonNull(id, "id"),
                Objects.requireNonNull(update, "update")));
    }

    /**
     * {@code scontrol suspend|resume} of an unknown job say {@code Unexpected message received}
     * (exit 1), as every scontrol action does when the controller is down (seen on 22.05): the
     * text tells nothing, so the cause is asked ({@code scontrol ping}, then
     * {@code scontrol show job}) and the error is typed from that answer.
     */
    private ActionResult scontrol(String verb, JobId id) {
        Objects.requireNonNull(id, "id");
        try {
            return execute(SlurmCommands.Action.scontrol(cluster, verb, id));
        } catch (SlurmCommandException e) {
            if (e.type() != SlurmErrorType.UNKNOWN || !e.error().message().contains("Unexpected message received")) {
                throw e;
            }
            throw explainUnexpected(e, id);
        }
    }

    private SlurmCommandException explainUnexpected(SlurmCommandException e, JobId id) {
        String pingAnswer = controllersDown();
        if (pingAnswer != null) {
            return retyped(e, SlurmErrorType.CONTROLLER_UNAVAILABLE, pingAnswer);
        }
        try {
            execute(SlurmCommands.showJob(cluster, id));
        } catch (SlurmCommandException show) {
            if (show.type() == SlurmErrorType.JOB_NOT_FOUND || show.type() == SlurmErrorType.CONTROLLER_UNAVAILABLE) {
                return retyped(e, show.type(), "scontrol show job " + id + " says: " + show.error().message());
            }
            e.addSuppressed(show);
        } catch (RuntimeException other) {
            e.addSuppressed(other);
        }
        return e;
    }

    private static SlurmCommandException retyped(SlurmCommandException e, SlurmErrorType type, String why) {
        SlurmCommandException out = new SlurmCommandException(
                new SlurmError(type, e.error().message() + "\n(" + why + ")"), e.command(), e.exitCode());
        out.addSuppressed(e);
        return out;
    }

    /**
     * Runs {@code scontrol ping} (it answers at once, even when every controller is down) and
     * returns its description when no controller is up, else {@code null} (also when the ping
     * itself fails: then nothing is known).
     */
    private String controllersDown() {
        SlurmCommands.Ping ping = new SlurmCommands.Ping(cluster);
        try {
            ExecRequest req = ExecRequest.builder(ping.arguments()).env(ping.environment())
                    .timeout(timeout.compareTo(PING_TIMEOUT) < 0 ? timeout : PING_TIMEOUT).build();
            List<ControllerStatus> controllers = ping.read(shell.run(req), where(ping));
            if (controllers.stream().anyMatch(ControllerStatus::up)) {
                return null;
            }
            StringBuilder sb = new StringBuilder("scontrol ping:");
            for (ControllerStatus c : controllers) {
                sb.append(" Slurmctld(").append(c.role()).append(") at ").append(c.host()).append(" is DOWN;");
            }
            return sb.substring(0, sb.length() - 1);
        } catch (RuntimeException pingFailed) {
            return null;
        }
    }

    /**
     * The processes of the job's steps on the machine commands run on ({@code scontrol listpids}).
     * Empty when none of the job's steps runs there.
     *
     * @param id the job; not null
     * @return one row per process, in listpids order
     */
    public List<JobPid> listPids(JobId id) {
        return execute(SlurmCommands.listPids(Objects.requireNonNull(id, "id")));
    }

    /**
     * The controllers and whether each answers ({@code scontrol ping}). A controller that is down
     * is reported as {@code up=false}, not thrown.
     *
     * @return the primary controller, then the backups, as scontrol lists them
     */
    public List<ControllerStatus> ping() {
        return execute(new SlurmCommands.Ping(cluster));
    }

    // ------------------------------------------------------------------ running

    /** The request a command runs as. */
    ExecRequest request(SlurmCommand<?> cmd) {
        ExecRequest.Builder b = ExecRequest.builder(cmd.arguments()).timeout(timeout).env(cmd.environment());
        if (cmd.stdin() != null) {
            b.stdin(cmd.stdin());
        }
        return b.build();
    }

    private String where(SlurmCommand<?> cmd) {
        return ExecRequest.display(cmd.arguments()) + " (on " + shell.target() + ")";
    }

    /**
     * Runs the command and reads its result. A command that needs slurmctld and times out is
     * thrown as {@code controller_unavailable} when {@code scontrol ping} then says every
     * controller is DOWN (Slurm's clients retry for 9 to 18 s before saying so themselves; a
     * shorter timeout would otherwise hide the cause); the timeout is attached as suppressed, and
     * the exit code is {@code -1} (the command was killed). Any other timeout is thrown as is.
     */
    <T> T execute(SlurmCommand<T> cmd) {
        ExecResult result;
        try {
            result = shell.run(request(cmd));
        } catch (ShellTimeoutException e) {
            if (!cmd.needsController() || cmd instanceof SlurmCommands.Ping) {
                throw e;
            }
            String pingAnswer = controllersDown();
            if (pingAnswer == null) {
                throw e;
            }
            SlurmCommandException down = new SlurmCommandException(new SlurmError(SlurmErrorType.CONTROLLER_UNAVAILABLE,
                    "no answer within " + timeout.toMillis() + " ms; " + pingAnswer), where(cmd), -1);
            down.addSuppressed(e);
            throw down;
        }
        return cmd.read(result, where(cmd));
    }

    /** Builds a {@link SlurmClient}. */
    public static final class Builder {
        private final Shell shell;
        private String cluster;
        private Duration timeout = ExecRequest.DEFAULT_TIMEOUT;
        private ZoneId zone = ZoneId.systemDefault();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(Shell shell) {
            this.shell = Objects.requireNonNull(shell, "shell");
        }

        /**
         * Runs every command with {@code -M cluster} (multi-cluster sites); sstat, seff and listpids
         * have no {@code -M} (see {@link SlurmClient#stepStats}, {@link SlurmClient#efficiency}).
         *
         * @param cluster the cluster name as slurmdbd knows it
         * @return this builder
         * @throws IllegalArgumentException for an empty name, one with a control character, or one
         *     starting with {@code -}
         */
        public Builder cluster(String cluster) {
            this.cluster = Args.word("cluster", cluster);
            if (cluster.startsWith("-")) {
                throw new IllegalArgumentException("not a cluster name: " + cluster);
            }
            return this;
        }

        /**
         * The timeout of each command (default 60 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The cluster's time zone (default: the JVM's), for converting instants to Slurm's local times.
         *
         * @param zone slurmctld's zone; not null
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * How often {@link SlurmClient#awaitState} asks (default 1 s).
         *
         * @param interval a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is zero or negative
         */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive: " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * How {@link SlurmClient#awaitState} waits between polls (default: {@link Thread#sleep}); a
         * test with {@code FakeSlurm} passes {@code fake::advance} so that waiting moves the fake clock.
         *
         * @param sleeper the wait; not null
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** {@return a client with these settings; it does not own the shell} */
        public SlurmClient build() {
            return new SlurmClient(this);
        }
    }

    /** Waits between two polls of {@link SlurmClient#awaitState}. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits, or pretends to.
         *
         * @param duration how long; at most the poll interval, less before the timeout
         * @throws InterruptedException when the thread is interrupted; the wait then ends with a
         *     {@link JobWaitTimeoutException}
         */
        void sleep(Duration duration) throws InterruptedException;
    }
}
