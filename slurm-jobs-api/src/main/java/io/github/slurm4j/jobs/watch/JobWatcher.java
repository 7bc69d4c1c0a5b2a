package io.github.slurm4j.jobs.watch;

import io.github.slurm4j.exec.slurm.AccountingQuery;
import io.github.slurm4j.exec.slurm.JobQuery;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.jobs.JobStatus;
import io.github.slurm4j.jobs.JobStatuses;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Watches Slurm jobs — registered ids, and every job of registered users — and tells listeners
 * when one changes {@link JobPhase}, without hammering slurmctld.
 *
 * <pre>{@code
 * try (JobWatcher w = JobWatcher.builder(jobs, "hpc").listener(e -> System.out.println(e)).build()) {
 *     w.watch(jobs.submit("hpc", conf).jobId());
 *     w.watchUser("alice");
 *     w.start();                       // a cycle every interval on the watcher's own thread
 *     ...
 * }
 * }</pre>
 *
 * <h2>One cycle</h2>
 * <ol>
 *   <li>One {@code squeue} for everything watched, in every state slurmctld still holds (so a
 *       job that ended since the last cycle is seen ended): {@code --jobs=<ids>} for ids only,
 *       {@code --user=<users>} for users only, and the whole queue when both are watched or the id
 *       list would not fit one argument — one call whatever the number of jobs. An array
 *       registered by its id is watched element by element.</li>
 *   <li>One {@code sacct -X} for the watched jobs the queue no longer lists, if there are any:
 *       by id (an array's elements by the array's id when the list would be too long, else a time
 *       window); none while slurmctld is out.</li>
 *   <li>Each phase change becomes a {@link JobEvent}; events go to the listeners in order.</li>
 * </ol>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>An end is delivered exactly once</b> — also when the job ended between two cycles
 *       (an event from the last phase seen, or from {@code null} for a job never seen, straight to
 *       its end) and when it left the queue unseen (its end read from accounting). The end is
 *       claimed in a {@link DeliveredEvents} set before delivery ({@link InMemoryDeliveredEvents}
 *       by default; {@link RedisDeliveredEvents} across instances and restarts). After its end a
 *       job is no longer watched.</li>
 *   <li><b>Missing is not finished.</b> A job the queue no longer lists ends only when accounting
 *       says so. A row that does not tell an end is not taken for one: a state that is not an
 *       end, slurmdbd's placeholder row of a job it has not stored yet (job name
 *       {@code allocation}, state {@code PENDING}, group {@code root}, QOS {@code Unknown}: seen on
 *       the lab), an older job under the same id (submitted more than a day apart), a state name
 *       this version does not know. When accounting is down, disabled or has no end after
 *       {@code unknownAfter}, one {@link JobUnknownEvent} says so — never a guessed FINISHED or
 *       FAILED; accounting is still asked for the job until {@code forgetUnknownAfter}.</li>
 *   <li><b>An outage is one event.</b> When {@code squeue} fails ({@code controller_unavailable},
 *       a lost connection, …) the cycle stops there: one {@link OutageEvent} for the outage, no job
 *       event and no {@code sacct}; one {@link RecoveryEvent} when it answers again, and the time
 *       a job has been missing starts again from then. {@code sacct} and the delivered-events
 *       store report their outages the same way.</li>
 *   <li><b>Back-off.</b> After a cycle in which nothing changed the interval doubles, up to
 *       {@code maxInterval}; any event, a new job, or a new registration brings it back to
 *       {@code interval}. Keep {@code maxInterval} below slurmctld's {@code MinJobAge} (300 s by
 *       default) so a job of a watched user that starts and ends between two cycles is still
 *       listed by the queue.</li>
 * </ul>
 *
 * <p>Events other than ends are per instance: two applications watching the same job both see
 * its {@code QUEUED → RUNNING}. A job requeued after its end was delivered is not reported again.
 * Each squeue and sacct call is one command of the {@link SlurmClient}; when a command times out
 * the client also runs {@code scontrol ping} to say why.
 *
 * <p>Thread-safe: {@code watch…}/{@code unwatch…} may be called from any thread (they take effect
 * at the next cycle); cycles never overlap; listeners run on the cycle's thread.
 */
public final class JobWatcher implements AutoCloseable {
    /** The longest id list sent in one argument: below {@code SlurmClient}'s own 32 KiB chunk, so it is one command. */
    static final int MAX_ID_LIST_CHARS = 30_000;

    /**
     * Every state squeue can filter on: the states with a compact code, which are the ones squeue
     * knows ({@code --states=…}). Asked for explicitly so that jobs slurmctld holds after their end
     * are listed too (squeue's default leaves them out).
     */
    static final Set<JobState.Name> EVERY_QUEUE_STATE;

    static {
        Set<JobState.Name> s = EnumSet.noneOf(JobState.Name.class);
        for (JobState.Name n : JobState.Name.values()) {
            if (n.code() != null) {
                s.add(n);
            }
        }
        EVERY_QUEUE_STATE = java.util.Collections.unmodifiableSet(s);
    }

    /** Rows of one id submitted further apart than this are two jobs (an id reused after a database reset). */
    static final Duration SAME_JOB_WINDOW = Duration.ofDays(1);
    /** How far before the first missing job's last sighting the time-window sacct starts. */
    static final Duration WINDOW_SLACK = Duration.ofMinutes(10);

    private final SlurmClient client;
    private final String cluster;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxInterval;
    private final Duration unknownAfter;
    private final Duration forgetUnknownAfter;
    private final DeliveredEvents delivered;
    private final BiConsumer<WatchEvent, RuntimeException> listenerErrors;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    // the cycle's state: guarded by 'this' (poll is synchronized)
    private final Map<JobId, Registration> registrations = new LinkedHashMap<>();
    private final Set<String> users = new LinkedHashSet<>();
    private final Map<JobId, Tracked> tracked = new LinkedHashMap<>();
    /** Jobs whose end this watcher has delivered (or found claimed) and that squeue still lists. */
    private final Set<JobId> done = new HashSet<>();
    private OutageEvent controllerOutage;
    private OutageEvent accountingOutage;
    private OutageEvent storeOutage;
    private Duration delay;
    /** The number of the current cycle: a job listed in it has {@code seenInCycle == cycle}. */
    private long cycle;

    // scheduling: guarded by 'schedule'
    private final Object schedule = new Object();
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ScheduledFuture<?> next;
    private long nextAtNanos;
    private volatile boolean closed;

    private JobWatcher(Builder b) {
        this.client = b.client;
        this.cluster = b.cluster;
        this.clock = b.clock;
        this.interval = b.interval;
        this.maxInterval = b.maxInterval;
        this.unknownAfter = b.unknownAfter;
        this.forgetUnknownAfter = b.forgetUnknownAfter;
        this.delivered = b.delivered != null ? b.delivered : new InMemoryDeliveredEvents(InMemoryDeliveredEvents.DEFAULT_TTL, b.clock);
        this.listenerErrors = b.listenerErrors;
        this.listeners.addAll(b.listeners);
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownScheduler = false;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "slurm4j-watcher-" + cluster);
                t.setDaemon(true);
                return t;
            });
            this.ownScheduler = true;
        }
        this.delay = interval;
        for (JobId id : b.ids) {
            watch(id);
        }
        for (String u : b.users) {
            watchUser(u);
        }
    }

    /**
     * A watcher running its commands through {@code client}.
     *
     * @param client the cluster's command layer; its {@code -M} cluster, if any, names the watcher's cluster
     * @return the builder
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static Builder builder(SlurmClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /**
     * A watcher of one cluster of the façade: its client, its clock, and its name as the
     * watcher's cluster name.
     *
     * @param jobs the façade
     * @param cluster the cluster's name in the façade
     * @return the builder
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the façade has no such cluster, or its name has spaces or
     *     braces (see {@link Builder#cluster})
     */
    public static Builder builder(SlurmJobs jobs, String cluster) {
        Objects.requireNonNull(jobs, "jobs");
        return new Builder(jobs.client(cluster)).cluster(cluster).clock(jobs.cluster(cluster).clock());
    }

    /** {@return the cluster name the watcher's ends are claimed under} */
    public String cluster() {
        return cluster;
    }

    // ------------------------------------------------------------------ registrations

    /**
     * Watches a job from the next cycle on: a job ({@code 42}), an array (by its id {@code 17}: every
     * element; or one element {@code 17_3}). Watching it again changes nothing. On a started watcher
     * whose next cycle is further away than the base interval, that cycle is brought forward to
     * one base interval from now.
     *
     * @param job the job, array or array element
     * @return this watcher
     * @throws NullPointerException if {@code job} is {@code null}
     * @throws IllegalArgumentException for a step or an array range ({@code 17_[3-6]})
     */
    public JobWatcher watch(JobId job) {
        Objects.requireNonNull(job, "job");
        if (job.isStep() || job.isArrayRange()) {
            throw new IllegalArgumentException("watch a job, an array or an array element, not " + job);
        }
        ops.add(new Op(OpKind.WATCH, job, null));
        wakeUp();
        return this;
    }

    /**
     * {@link #watch(JobId)} for each.
     *
     * @param jobs the jobs, arrays or array elements
     * @return this watcher
     * @throws IllegalArgumentException for a step or an array range (the ones before it are watched)
     */
    public JobWatcher watch(Collection<JobId> jobs) {
        jobs.forEach(this::watch);
        return this;
    }

    /**
     * Stops watching a job (or an array) registered with {@link #watch}, from the next cycle on; its
     * jobs of watched users stay watched.
     *
     * @param job the id as given to {@link #watch}
     * @return this watcher
     * @throws NullPointerException if {@code job} is {@code null}
     */
    public JobWatcher unwatch(JobId job) {
        ops.add(new Op(OpKind.UNWATCH, Objects.requireNonNull(job, "job"), null));
        return this;
    }

    /**
     * Watches every job of {@code user} that the queue lists, from the next cycle on (those already
     * there too, including ended ones slurmctld still holds: their end is delivered if it was not before).
     * A name Slurm does not know makes the cycle's squeue fail ({@code invalid_argument}), which is
     * reported like any failed squeue: one {@link OutageEvent} carrying that error.
     *
     * @param user the Slurm user name
     * @return this watcher
     * @throws NullPointerException if {@code user} is {@code null}
     * @throws IllegalArgumentException for an empty name, or one with a comma or white space
     */
    public JobWatcher watchUser(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isEmpty() || user.contains(",") || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a user name: '" + user + "'");
        }
        ops.add(new Op(OpKind.WATCH_USER, null, user));
        wakeUp();
        return this;
    }

    /**
     * Stops watching a user's jobs from the next cycle on (those also registered by id stay watched).
     *
     * @param user the user name as given to {@link #watchUser}
     * @return this watcher
     * @throws NullPointerException if {@code user} is {@code null}
     */
    public JobWatcher unwatchUser(String user) {
        ops.add(new Op(OpKind.UNWATCH_USER, null, Objects.requireNonNull(user, "user")));
        return this;
    }

    /**
     * Adds a listener; it gets the events delivered after this call.
     *
     * @param listener the listener; added twice, it is told twice
     * @return this watcher
     * @throws NullPointerException if {@code listener} is {@code null}
     */
    public JobWatcher addListener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Removes a listener (its first registration); nothing happens when it is not there.
     *
     * @param listener the listener
     * @return this watcher
     */
    public JobWatcher removeListener(JobListener listener) {
        listeners.remove(listener);
        return this;
    }

    /**
     * {@return the jobs watched now, as of the last cycle (array elements one by one; a registered id
     * not yet seen as itself); waits while a cycle runs}
     */
    public synchronized Set<JobId> watched() {
        return Set.copyOf(tracked.keySet());
    }

    /** {@return the interval before the next cycle, as of the last one} */
    public synchronized Duration currentInterval() {
        return delay;
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs cycles on the scheduler, the first one now, each next one after the delay the previous
     * returned. Only once per watcher. A cycle that throws (a bug: Slurm's failures are events) is
     * passed to the thread's uncaught-exception handler, and the cycles go on.
     *
     * @throws IllegalStateException if the watcher is closed or already started
     */
    public void start() {
        synchronized (schedule) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (next != null) {
                throw new IllegalStateException("already started");
            }
            scheduleIn(Duration.ZERO);
        }
    }

    /** Stops the cycles (a running one finishes) and the watcher's own thread; a scheduler given to the builder is left running. */
    @Override
    public void close() {
        synchronized (schedule) {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        if (ownScheduler) {
            scheduler.shutdown();
        }
    }

    private void scheduleIn(Duration d) {
        synchronized (schedule) {
            if (closed) {
                return;
            }
            next = scheduler.schedule(this::scheduledCycle, d.toMillis(), TimeUnit.MILLISECONDS);
            nextAtNanos = System.nanoTime() + d.toNanos();
        }
    }

    private void scheduledCycle() {
        if (closed) {
            return;
        }
        Duration d;
        try {
            d = poll().nextDelay();
        } catch (RuntimeException e) {
            if (closed) {
                // close() came between the check above and poll(): not an error
                return;
            }
            // a bug, not Slurm (poll reports Slurm's failures as events): keep watching
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
            synchronized (this) {
                d = delay;
            }
        }
        scheduleIn(d);
    }

    /** A new registration: the next cycle comes within the base interval. */
    private void wakeUp() {
        synchronized (schedule) {
            if (next == null || closed || next.isDone()) {
                return;
            }
            if (nextAtNanos - System.nanoTime() > interval.toNanos() && next.cancel(false)) {
                scheduleIn(interval);
            }
        }
    }

    /**
     * Runs one cycle now, on the caller's thread: applies the registrations made since the last
     * one, asks Slurm (at most one {@code squeue} and one {@code sacct}), delivers the events to the
     * listeners and computes the next delay. For tests and for callers with their own scheduling;
     * {@link #start()} calls it on the scheduler. Slurm's and the store's failures are events, not
     * exceptions.
     *
     * @return what the cycle did: commands run, events delivered, the next delay
     * @throws IllegalStateException if the watcher is closed
     */
    public synchronized WatchCycle poll() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        Instant now = clock.instant();
        cycle++;
        boolean changed = applyOps(now);
        List<WatchEvent> events = new ArrayList<>();
        int squeueCalls = 0;
        int sacctCalls = 0;
        if (!registrations.isEmpty() || !users.isEmpty()) {
            squeueCalls = 1;
            List<SqueueRow> rows = null;
            try {
                rows = queue();
            } catch (RuntimeException e) {
                if (controllerOutage == null) {
                    controllerOutage = new OutageEvent(OutageEvent.Service.CONTROLLER, now, e);
                    events.add(controllerOutage);
                }
            }
            if (rows != null) {
                if (controllerOutage != null) {
                    events.add(new RecoveryEvent(OutageEvent.Service.CONTROLLER, controllerOutage.since(), now));
                    controllerOutage = null;
                    // the time a job has been missing counts from a queue that answers
                    tracked.values().forEach(t -> t.missingSince = null);
                }
                changed |= readQueue(rows, now, events);
                List<Tracked> missing = new ArrayList<>();
                for (Tracked t : tracked.values()) {
                    if (t.seenInCycle != cycle) {
                        if (t.missingSince == null) {
                            t.missingSince = now;
                        }
                        missing.add(t);
                    }
                }
                if (!missing.isEmpty()) {
                    sacctCalls = 1;
                    changed |= readAccounting(missing, now, events);
                }
                dropFinishedRegistrations();
            }
        }
        for (WatchEvent e : events) {
            deliver(e);
        }
        changed |= !events.isEmpty();
        delay = changed ? interval : min(delay.multipliedBy(2), maxInterval);
        return new WatchCycle(now, squeueCalls, sacctCalls, tracked.size(), events, delay);
    }

    // ------------------------------------------------------------------ the cycle

    private boolean applyOps(Instant now) {
        boolean changed = false;
        for (Op o; (o = ops.poll()) != null;) {
            Op op = o;
            changed = true;
            switch (op.kind) {
                case WATCH -> {
                    if (!registrations.containsKey(op.id)) {
                        Registration reg = new Registration(op.id);
                        registrations.put(op.id, reg);
                        Tracked t = tracked.get(op.id);
                        if (t != null) {
                            t.reg = reg;
                        } else {
                            t = new Tracked(op.id, now);
                            t.reg = reg;
                            t.placeholder = true;
                            tracked.put(op.id, t);
                        }
                    }
                }
                case UNWATCH -> {
                    Registration reg = registrations.remove(op.id);
                    if (reg != null) {
                        tracked.values().removeIf(t -> t.reg == reg && !t.byUser);
                        tracked.values().forEach(t -> {
                            if (t.reg == reg) {
                                t.reg = null;
                            }
                        });
                    }
                }
                case WATCH_USER -> users.add(op.user);
                case UNWATCH_USER -> {
                    users.remove(op.user);
                    tracked.values().removeIf(t -> t.byUser && op.user.equals(t.user) && t.reg == null);
                    tracked.values().forEach(t -> {
                        if (t.byUser && op.user.equals(t.user)) {
                            t.byUser = false;
                        }
                    });
                }
                default -> throw new IllegalStateException(op.kind.name());
            }
        }
        return changed;
    }

    /** The one squeue of the cycle; a "job id not found" answer is an empty list (every asked id left the queue). */
    private List<SqueueRow> queue() {
        List<JobId> ids = new ArrayList<>(registrations.keySet());
        JobQuery.Builder q = JobQuery.builder();
        if (users.isEmpty() && idListChars(ids) <= MAX_ID_LIST_CHARS) {
            // with ids, squeue is asked for every state (--states=all) by SlurmClient itself
            q.jobIds(ids);
            try {
                return client.jobs(q.build());
            } catch (SlurmCommandException e) {
                if (e.type() == SlurmErrorType.JOB_NOT_FOUND) {
                    // squeue -j with only unknown ids (one, in 22.05 and 24.11): none is in the queue
                    return List.of();
                }
                throw e;
            }
        }
        if (ids.isEmpty()) {
            users.forEach(q::user);
        }
        EVERY_QUEUE_STATE.forEach(q::state);
        return client.jobs(q.build());
    }

    private boolean readQueue(List<SqueueRow> rows, Instant now, List<WatchEvent> events) {
        boolean changed = false;
        Map<Long, List<Registration>> byNumber = new HashMap<>();
        for (Registration reg : registrations.values()) {
            byNumber.computeIfAbsent(reg.asked.id(), k -> new ArrayList<>(1)).add(reg);
        }
        Set<Registration> matched = new HashSet<>();
        Set<JobId> listed = new HashSet<>();
        for (SqueueRow row : rows) {
            JobId key = row.jobId();
            if (key == null || row.state() == null || key.isArrayRange() || key.isStep()) {
                continue;
            }
            Long own = ownJobId(row);
            Registration reg = registrationOf(row, own, byNumber);
            boolean byUser = row.user() != null && users.contains(row.user());
            if (reg == null && !byUser) {
                continue;
            }
            listed.add(key);
            if (reg != null) {
                matched.add(reg);
            }
            if (done.contains(key)) {
                continue;
            }
            Tracked t = tracked.get(key);
            if (t == null) {
                t = new Tracked(key, now);
                tracked.put(key, t);
                changed = true;
            }
            if (reg != null) {
                t.reg = reg;
            }
            t.byUser |= byUser;
            t.placeholder = false;
            t.user = row.user();
            t.seenAt = now;
            t.seenInCycle = cycle;
            t.missingSince = null;
            t.unknownReported = false;
            LocalDateTime submit = local(row.submitTime());
            if (submit != null) {
                t.submit = submit;
            }
            if (row.state().state() == JobState.Name.UNKNOWN) {
                continue; // a state this version does not know tells nothing, least of all an end
            }
            observe(t, JobStatuses.of(row.state(), row.reason()), null, now, events);
        }
        // a registration that the queue listed is watched through its rows
        for (Registration reg : matched) {
            Tracked p = tracked.get(reg.asked);
            if (p != null && p.placeholder) {
                tracked.remove(reg.asked);
            }
        }
        // ends the queue no longer lists are forgotten here (the delivered-events set keeps them)
        done.retainAll(listed);
        return changed;
    }

    private static Registration registrationOf(SqueueRow row, Long own, Map<Long, List<Registration>> byNumber) {
        List<Long> numbers = new ArrayList<>(3);
        numbers.add(row.jobId().id());
        if (own != null) {
            numbers.add(own);
        }
        if (row.arrayJobId() != null) {
            numbers.add(row.arrayJobId());
        }
        for (Long n : numbers) {
            for (Registration reg : byNumber.getOrDefault(n, List.of())) {
                if (reg.asked.matchesRow(row.jobId(), own) || reg.asked.namesArrayOf(row.jobId())) {
                    return reg;
                }
            }
        }
        return null;
    }

    /** Asks accounting about the jobs the queue does not list; returns whether anything changed. */
    private boolean readAccounting(List<Tracked> missing, Instant now, List<WatchEvent> events) {
        List<AccountingRecord> records;
        try {
            records = client.accounting(accountingQuery(missing));
        } catch (RuntimeException e) {
            if (accountingOutage == null) {
                accountingOutage = new OutageEvent(OutageEvent.Service.ACCOUNTING, now, e);
                events.add(accountingOutage);
            }
            String reason = "accounting unavailable: " + oneLine(e.getMessage());
            for (Tracked t : missing) {
                unresolved(t, reason, now, events);
            }
            return false;
        }
        if (accountingOutage != null) {
            events.add(new RecoveryEvent(OutageEvent.Service.ACCOUNTING, accountingOutage.since(), now));
            accountingOutage = null;
        }
        Map<Long, List<AccountingRecord>> byNumber = new HashMap<>();
        for (AccountingRecord r : records) {
            JobId id = r.jobId();
            if (id == null || id.isStep() || r.state() == null) {
                continue;
            }
            byNumber.computeIfAbsent(id.id(), k -> new ArrayList<>(1)).add(r);
            JobId raw = r.jobIdRaw();
            if (raw != null && raw.id() != id.id()) {
                byNumber.computeIfAbsent(raw.id(), k -> new ArrayList<>(1)).add(r);
            }
        }
        boolean changed = false;
        for (Tracked t : missing) {
            if (tracked.get(t.key) != t) {
                continue; // expanded or delivered meanwhile
            }
            List<AccountingRecord> candidates = byNumber.getOrDefault(t.key.id(), List.of());
            if (t.placeholder) {
                changed |= expand(t, candidates, now, events);
                continue;
            }
            List<AccountingRecord> mine = new ArrayList<>();
            for (AccountingRecord r : candidates) {
                if (t.key.matchesRow(r.jobId(), rawId(r))) {
                    mine.add(r);
                }
            }
            resolve(t, mine, now, events);
        }
        return changed;
    }

    /**
     * A registration the queue never listed, now found in accounting: its rows become the
     * watched jobs (an array's elements one by one), each resolved on its own.
     */
    private boolean expand(Tracked p, List<AccountingRecord> candidates, Instant now, List<WatchEvent> events) {
        JobId asked = p.key;
        Map<JobId, List<AccountingRecord>> byJob = new LinkedHashMap<>();
        for (AccountingRecord r : candidates) {
            JobId id = r.jobId();
            boolean match = asked.matchesRow(id, rawId(r)) || asked.namesArrayOf(id);
            if (match && !id.isArrayRange()) {
                byJob.computeIfAbsent(id, k -> new ArrayList<>(1)).add(r);
            } else if (match) {
                // a pending remainder (17_[3-6]) that left the queue: sacct lags; wait for its elements
                unresolved(p, "accounting lists pending elements of the array", now, events);
                return false;
            }
        }
        if (byJob.isEmpty()) {
            unresolved(p, "accounting has no record of it", now, events);
            return false;
        }
        tracked.remove(asked);
        for (Map.Entry<JobId, List<AccountingRecord>> e : byJob.entrySet()) {
            if (done.contains(e.getKey()) || tracked.containsKey(e.getKey())) {
                continue;
            }
            Tracked t = new Tracked(e.getKey(), p.since);
            t.reg = p.reg;
            t.missingSince = p.missingSince;
            tracked.put(t.key, t);
            resolve(t, e.getValue(), now, events);
        }
        return true;
    }

    /** The end of a job the queue does not list, from its accounting rows, or it stays unresolved. */
    private void resolve(Tracked t, List<AccountingRecord> rows, Instant now, List<WatchEvent> events) {
        AccountingRecord best = null;
        LocalDateTime bestSubmit = null;
        for (AccountingRecord r : rows) {
            if (r.isPlaceholder() || r.state().state() == JobState.Name.UNKNOWN) {
                continue;
            }
            LocalDateTime submit = local(r.submit());
            if (t.submit != null && submit != null
                    && Duration.between(t.submit, submit).abs().compareTo(SAME_JOB_WINDOW) > 0) {
                continue; // another job under the same id
            }
            if (best == null || bestSubmit == null || (submit != null && !submit.isBefore(bestSubmit))) {
                best = r;
                bestSubmit = submit;
            }
        }
        if (best == null) {
            boolean placeholder = rows.stream().anyMatch(AccountingRecord::isPlaceholder);
            unresolved(t, placeholder ? "accounting shows only slurmdbd's placeholder row" : "accounting has no record of it",
                    now, events);
            return;
        }
        if (t.user == null) {
            t.user = best.user();
        }
        JobStatus status = JobStatuses.of(best.state(), best.reason());
        if (!status.phase().isFinal()) {
            // the queue no longer lists it and accounting has not recorded its end yet: not an end
            unresolved(t, "accounting has no end for it yet (" + best.state().raw() + ")", now, events);
            return;
        }
        observe(t, status, best.exitCode(), now, events);
    }

    /** A missing job without an end: reported unknown once after {@code unknownAfter}, forgotten after {@code forgetUnknownAfter}. */
    private void unresolved(Tracked t, String reason, Instant now, List<WatchEvent> events) {
        Instant reportAt = t.missingSince.plus(unknownAfter);
        if (!t.unknownReported && !now.isBefore(reportAt)) {
            t.unknownReported = true;
            events.add(new JobUnknownEvent(t.key, t.status == null ? null : t.status.phase(), t.missingSince, reason, now));
        }
        if (t.unknownReported && !now.isBefore(reportAt.plus(forgetUnknownAfter))) {
            tracked.remove(t.key);
        }
    }

    /** A status read for a watched job: an event when the phase changed; the end claimed, then delivered. */
    private void observe(Tracked t, JobStatus status, ExitCode exitCode, Instant now, List<WatchEvent> events) {
        JobPhase from = t.status == null ? null : t.status.phase();
        JobPhase to = status.phase();
        if (!to.isFinal()) {
            t.status = status;
            if (from != to) {
                events.add(new JobEvent(t.key, from, to, status, exitCode, t.user, now));
            }
            return;
        }
        boolean first;
        try {
            first = delivered.claim(cluster, t.key);
        } catch (RuntimeException e) {
            if (storeOutage == null) {
                storeOutage = new OutageEvent(OutageEvent.Service.DELIVERED_EVENTS, now, e);
                events.add(storeOutage);
            }
            return; // held back: claimed again next cycle
        }
        if (storeOutage != null) {
            events.add(new RecoveryEvent(OutageEvent.Service.DELIVERED_EVENTS, storeOutage.since(), now));
            storeOutage = null;
        }
        tracked.remove(t.key);
        done.add(t.key);
        if (first) {
            events.add(new JobEvent(t.key, from, to, status, exitCode, t.user, now));
        }
    }

    private void dropFinishedRegistrations() {
        Set<Registration> live = new HashSet<>();
        for (Tracked t : tracked.values()) {
            if (t.reg != null) {
                live.add(t.reg);
            }
        }
        registrations.values().removeIf(r -> !live.contains(r));
    }

    private AccountingQuery accountingQuery(List<Tracked> missing) {
        AccountingQuery.Builder q = AccountingQuery.builder().allUsers().allocationsOnly();
        Set<JobId> ids = new LinkedHashSet<>();
        for (Tracked t : missing) {
            ids.add(t.key);
        }
        if (idListChars(ids) > MAX_ID_LIST_CHARS) {
            // many elements of arrays: ask for the arrays (sacct -j 17 lists every element)
            Set<JobId> arrays = new LinkedHashSet<>();
            for (JobId id : ids) {
                arrays.add(id.isArray() ? JobId.of(id.id()) : id);
            }
            ids = arrays;
        }
        if (idListChars(ids) <= MAX_ID_LIST_CHARS) {
            return q.jobIds(ids).build();
        }
        // still too many: every job active since the first of them was last seen, in one call
        Instant from = null;
        for (Tracked t : missing) {
            Instant seen = t.seenAt != null ? t.seenAt : t.since;
            if (from == null || seen.isBefore(from)) {
                from = seen;
            }
        }
        q.start(LocalDateTime.ofInstant(from.minus(WINDOW_SLACK), client.zone()));
        return q.build();
    }

    private void deliver(WatchEvent e) {
        for (JobListener l : listeners) {
            try {
                if (e instanceof JobEvent j) {
                    l.onJobEvent(j);
                } else if (e instanceof JobUnknownEvent u) {
                    l.onUnknown(u);
                } else if (e instanceof OutageEvent o) {
                    l.onOutage(o);
                } else if (e instanceof RecoveryEvent r) {
                    l.onRecovery(r);
                }
            } catch (RuntimeException x) {
                listenerErrors.accept(e, x);
            }
        }
    }

    // ------------------------------------------------------------------ helpers


    private static Long rawId(AccountingRecord r) {
        JobId raw = r.jobIdRaw();
        return raw == null ? null : raw.id();
    }

    /** squeue's own job id column ({@code JobID}) as a number, or {@code null}. */
    private static Long ownJobId(SqueueRow row) {
        String text = row.extras().get("JobID");
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return row.jobId().ownJobId();
        }
        return Long.parseLong(text);
    }

    private static LocalDateTime local(SlurmTime t) {
        return t == null ? null : t.asLocalDateTime().orElse(null);
    }

    private static int idListChars(Collection<JobId> ids) {
        int n = 0;
        for (JobId id : ids) {
            n += id.toString().length() + 1;
        }
        return n;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String oneLine(String s) {
        String m = s == null ? "" : s.replace('\n', ' ').strip();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private enum OpKind { WATCH, UNWATCH, WATCH_USER, UNWATCH_USER }

    private record Op(OpKind kind, JobId id, String user) {
    }

    /** A job id given to {@link #watch}. */
    private static final class Registration {
        final JobId asked;

        Registration(JobId asked) {
            this.asked = asked;
        }
    }

    /** A watched job (or a registered id the queue has not listed yet: {@link #placeholder}). */
    private static final class Tracked {
        final JobId key;
        /** When the watcher began watching it. */
        final Instant since;
        Registration reg;
        boolean byUser;
        /** A registered id not matched to a queue row yet. */
        boolean placeholder;
        String user;
        /** The last status seen; {@code null} before the first. */
        JobStatus status;
        LocalDateTime submit;
        Instant seenAt;
        long seenInCycle;
        Instant missingSince;
        boolean unknownReported;

        Tracked(JobId key, Instant since) {
            this.key = key;
            this.since = since;
        }
    }

    /** Builds a {@link JobWatcher}. */
    public static final class Builder {
        private final SlurmClient client;
        private String cluster;
        private Clock clock = Clock.systemUTC();
        private Duration interval = Duration.ofSeconds(5);
        private Duration maxInterval = Duration.ofSeconds(60);
        private Duration unknownAfter = Duration.ofMinutes(5);
        private Duration forgetUnknownAfter = Duration.ofDays(1);
        private DeliveredEvents delivered;
        private ScheduledExecutorService scheduler;
        private final List<JobListener> listeners = new ArrayList<>();
        private final List<JobId> ids = new ArrayList<>();
        private final List<String> users = new ArrayList<>();
        private BiConsumer<WatchEvent, RuntimeException> listenerErrors = (event, e) -> {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        };

        private Builder(SlurmClient client) {
            this.client = client;
            this.cluster = client.cluster() != null ? client.cluster() : "slurm";
        }

        /**
         * The name the ends are claimed under in the {@link DeliveredEvents} set (default: the client's
         * {@code -M} cluster, else {@code slurm}). Watchers that share a set tell their clusters apart by it.
         *
         * @param name the name; not empty, without white space or braces (it goes into a Redis key)
         * @return this builder
         * @throws NullPointerException if {@code name} is {@code null}
         * @throws IllegalArgumentException for an empty name, or one with white space or braces
         */
        public Builder cluster(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '{' || c == '}')) {
                throw new IllegalArgumentException("cluster name must be non-empty, without spaces or braces: '" + name + "'");
            }
            this.cluster = name;
            return this;
        }

        /**
         * The clock of event times and of {@code unknownAfter} (tests give a simulated cluster's).
         *
         * @param clock the clock (default: the system's, UTC)
         * @return this builder
         * @throws NullPointerException if {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The base interval between cycles (default 5 s), after a cycle in which something changed.
         *
         * @param interval the interval; positive, at most {@code maxInterval} (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException if {@code interval} is {@code null}
         * @throws IllegalArgumentException if {@code interval} is not positive
         */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /**
         * The longest interval the back-off reaches (default 60 s); keep it below slurmctld's
         * {@code MinJobAge}.
         *
         * @param maxInterval the interval; positive, at least {@code interval} (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException if {@code maxInterval} is {@code null}
         * @throws IllegalArgumentException if {@code maxInterval} is not positive
         */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = positive(maxInterval, "maxInterval");
            return this;
        }

        /**
         * How long a job may be missing from the queue without an end in accounting before it is
         * reported unknown (default 5 min).
         *
         * @param unknownAfter the time; 0 or more (0 reports it in the first cycle that misses it)
         * @return this builder
         * @throws NullPointerException if {@code unknownAfter} is {@code null}
         * @throws IllegalArgumentException if {@code unknownAfter} is negative
         */
        public Builder unknownAfter(Duration unknownAfter) {
            this.unknownAfter = nonNegative(unknownAfter, "unknownAfter");
            return this;
        }

        /**
         * How long accounting is still asked about a job after it was reported unknown (default 1 day);
         * then the job is no longer watched.
         *
         * @param forgetUnknownAfter the time; 0 or more
         * @return this builder
         * @throws NullPointerException if {@code forgetUnknownAfter} is {@code null}
         * @throws IllegalArgumentException if {@code forgetUnknownAfter} is negative
         */
        public Builder forgetUnknownAfter(Duration forgetUnknownAfter) {
            this.forgetUnknownAfter = nonNegative(forgetUnknownAfter, "forgetUnknownAfter");
            return this;
        }

        /**
         * Where delivered ends are claimed (default: a new {@link InMemoryDeliveredEvents} on the
         * watcher's clock).
         *
         * @param delivered the set; {@link RedisDeliveredEvents} to share it between instances
         * @return this builder
         * @throws NullPointerException if {@code delivered} is {@code null}
         */
        public Builder deliveredEvents(DeliveredEvents delivered) {
            this.delivered = Objects.requireNonNull(delivered, "delivered");
            return this;
        }

        /**
         * The scheduler of {@link #start()} (default: one daemon thread of the watcher's own, stopped by close).
         *
         * @param scheduler the scheduler; not shut down by the watcher
         * @return this builder
         * @throws NullPointerException if {@code scheduler} is {@code null}
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Adds a listener (more with {@link JobWatcher#addListener}).
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is {@code null}
         */
        public Builder listener(JobListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Jobs watched from the first cycle.
         *
         * @param jobs jobs, arrays or array elements (not steps or ranges: {@link #build()} refuses them)
         * @return this builder
         * @throws NullPointerException if an id is {@code null}
         */
        public Builder watch(JobId... jobs) {
            ids.addAll(List.of(jobs));
            return this;
        }

        /**
         * Users whose jobs are watched from the first cycle.
         *
         * @param users user names (not empty, without comma or white space: {@link #build()} refuses them)
         * @return this builder
         * @throws NullPointerException if a name is {@code null}
         */
        public Builder watchUser(String... users) {
            this.users.addAll(List.of(users));
            return this;
        }

        /**
         * What happens when a listener throws (the watcher and the other listeners go on).
         * Default: the thread's uncaught-exception handler (the JVM's prints the stack trace).
         *
         * @param handler gets the event and what the listener threw, on the cycle's thread
         * @return this builder
         * @throws NullPointerException if {@code handler} is {@code null}
         */
        public Builder onListenerError(BiConsumer<WatchEvent, RuntimeException> handler) {
            this.listenerErrors = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Makes the watcher, not started ({@link JobWatcher#start()} or {@link JobWatcher#poll()}).
         *
         * @return the watcher; close it to stop its own thread
         * @throws IllegalArgumentException if {@code maxInterval} is shorter than {@code interval}, or a job
         *     or user given to {@link #watch}/{@link #watchUser} is not one the watcher accepts
         */
        public JobWatcher build() {
            if (maxInterval.compareTo(interval) < 0) {
                throw new IllegalArgumentException("maxInterval " + maxInterval + " is shorter than interval " + interval);
            }
            return new JobWatcher(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative: " + d);
            }
            return d;
        }
    }
}
