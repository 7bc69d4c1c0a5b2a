package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobNodeAllocation;
import io.github.slurm4j.model.job.JobState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** Maps {@code scontrol show job} records; see {@link ScontrolParser} for the rules. */
final class JobRecordMapper extends RecordMapper<Job.Builder, Job> {
    /**
     * Every key scontrol show job prints in 22.05 through 26.05 that this mapper types, in the
     * order of {@link #KEY_SET}'s indexes, so that {@link #apply} switches on the key's index.
     */
    private enum K {
        JobId, ArrayJobId, ArrayTaskId, ArrayTaskThrottle, HetJobId, HetJobOffset, JobName, SLUID, HetJobIdSet,
        UserId, GroupId, MCS_label, Priority, Nice, Account, QOS, WCKey, JobState, Reason, Dependency,
        Requeue, Restarts, BatchFlag, Reboot, ExitCode, DerivedExitCode, RunTime, TimeLimit, TimeMin,
        SubmitTime, EligibleTime, AccrueTime, StartTime, EndTime, Deadline, PreemptEligibleTime, PreemptTime,
        SuspendTime, SecsPreSuspend, LastSchedEval, Scheduler, ResizeTime, Partition,
        AllocNode_Sid("AllocNode:Sid"), ReqNodeList, ExcNodeList, NodeList, SchedNodeList, BatchHost,
        StepMgrEnabled, NumNodes, NumCPUs, NumTasks, CPUs_Task("CPUs/Task"), ReqB_S_C_T("ReqB:S:C:T"), TRES,
        ReqTRES, AllocTRES, Socks_Node("Socks/Node"), NtasksPerN_B_S_C("NtasksPerN:B:S:C"), CoreSpec,
        ThreadSpec, JOB_GRES, Nodes, CPU_IDs, Mem, GRES, MinCPUsNode, MinMemoryNode, MinMemoryCPU,
        MinTmpDiskNode, Features, DelayBoot, Prefer, ClusterFeatures, BatchFeatures, Reservation,
        OverSubscribe, Contiguous, Licenses, LicensesAlloc, Network, Command, SubmitLine, WorkDir, AdminComment,
        SystemComment, Comment, Extra, StdErr, StdIn, StdOut, BurstBuffer, BurstBufferState, CpuFreqMin,
        CpuFreqMax, CpuFreqGov, Power, CpusPerTres, MemPerTres, TresBind, TresFreq, TresPerJob, TresPerNode,
        TresPerSocket, TresPerTask, NtasksPerTRES, MailUser, MailType, ResvPorts, Container, ContainerID,
        Switches, Wait_for_Switch("Wait-for-Switch"), SELinuxContext, OOMKillStep, Segment,
        KillOInInvalidDependent, Prolog, Epilog;

        static final K[] VALUES = values();
        final String text;

        K() {
            this.text = name();
        }

        K(String text) {
            this.text = text;
        }
    }

    /** Every key scontrol show job prints in 22.05 through 26.05 that this mapper types. */
    static final List<String> KEYS = java.util.Arrays.stream(K.VALUES).map(k -> k.text).toList();

    /** Keys whose values are free text (may hold spaces and {@code word=}). */
    static final Set<String> FREE_TEXT = Set.of("JobName", "Comment", "AdminComment", "SystemComment", "Extra",
            "WorkDir", "Command", "SubmitLine", "StdOut", "StdErr", "StdIn", "Container", "BurstBuffer");

    /** The keys of the {@code -d} detail lines, which repeat per node group. */
    static final Set<String> REPEATABLE = Set.of("Nodes", "CPU_IDs", "Mem", "GRES");

    static final KeySet KEY_SET = new KeySet(KEYS, FREE_TEXT, REPEATABLE);

    /**
     * Keys every {@code scontrol show job} of 22.05 through 26.05 prints for every job, after the
     * name (checked against every captured record): a record without one of them was cut short.
     */
    private static final int[] REQUIRED = {K.UserId.ordinal(), K.GroupId.ordinal(), K.JobState.ordinal(),
        K.RunTime.ordinal(), K.TimeLimit.ordinal(), K.SubmitTime.ordinal(), K.Partition.ordinal(),
        K.Command.ordinal(), K.WorkDir.ordinal()};

    /**
     * The most tokens one line of a multi-line record holds (scontrol prints 5 at most); more means
     * an {@code -o} record whose value ends in a line break and spaces, read as a key line.
     */
    private static final int MAX_TOKENS_PER_LINE = 20;

    /** Job values may hold line breaks: every check of the record loop is on. */
    private static final Checks CHECKS = new Checks(true, true, MAX_TOKENS_PER_LINE, REQUIRED);

    private final ValueCache<String> strings = new ValueCache<>(4096, s -> s);
    private final ValueCache<SlurmTime> times = ValueCache.ofRange(1024, JobRecordMapper::time);
    private final ValueCache<UserRef> users = new ValueCache<>(256, UserRef::parse);
    private final ValueCache<JobState> states = new ValueCache<>(64, JobState::parse);
    private final ValueCache<ExitCode> exitCodes = new ValueCache<>(64, ExitCode::parse);
    private final ValueCache<TimeLimit> limits = new ValueCache<>(256, TimeLimit::parse);
    private final ValueCache<Tres> tres = new ValueCache<>(1024, Tres::parse);
    private final ValueCache<Duration> durations = new ValueCache<>(1024, SlurmDuration::parse);
    /** Slurm's NO_VAL (0xfffffffe) as scontrol prints an unset 32-bit number. */
    static final String NO_VAL = "4294967294";
    private final ValueCache<ArrayTaskSpec> arrays = new ValueCache<>(256, ArrayTaskSpec::parse);
    private final ValueCache<MemoryRequest> memNode =
            new ValueCache<>(128, s -> MemoryRequest.perNode(MemorySize.parseBytes(s, MemorySize.MIB)));
    /** MiB amounts ({@code MinTmpDiskNode}, the detail lines' {@code Mem}), in bytes. */
    private final ValueCache<Long> mib = new ValueCache<>(64, s -> MemorySize.parseBytes(s, MemorySize.MIB));
    private final ValueCache<MemoryRequest> memCpu =
            new ValueCache<>(128, s -> MemoryRequest.perCpu(MemorySize.parseBytes(s, MemorySize.MIB)));

    // pending -d detail line
    private String allocNodes;
    private String allocCpuIds;
    private Long allocMem;
    private String allocGres;

    JobRecordMapper() {
        super("scontrol show job", KEY_SET, false, true, CHECKS);
    }

    static SlurmTime time(String s) {
        LocalDateTime t = Values.parseIsoSeconds(s, 0, s.length());
        return t != null ? SlurmTime.of(t) : SlurmTime.parse(s);
    }

    /** As {@link #time(String)}, reading a {@code yyyy-MM-ddTHH:mm:ss} time straight from the UTF-8 bytes. */
    static SlurmTime time(byte[] s, int start, int end) {
        LocalDateTime t = Values.parseIsoSeconds(s, start, end);
        return t != null ? SlurmTime.of(t) : SlurmTime.parse(new String(s, start, end - start, StandardCharsets.UTF_8));
    }

    @Override
    Job.Builder start() {
        allocNodes = null;
        return Job.builder(lng());
    }

    @Override
    Job finish(Job.Builder b) {
        flushAllocation(b);
        return b.build();
    }

    private String str() {
        return strings.get(tok.bytes(), tok.valueStart(), tok.valueEnd(), tok.valueHash());
    }

    /** The value, with {@code (null)} as the empty string; repeated values share one string. */
    private String nullable() {
        return tok.valueIs("(null)") ? "" : str();
    }

    /** An int, or null for {@code N/A}. */
    private Integer intOrNa() {
        return tok.valueIs("N/A") ? null : integer();
    }

    private SlurmTime time() {
        return times.get(tok.bytes(), tok.valueStart(), tok.valueEnd(), tok.valueHash());
    }

    private Tres tres() {
        return cached(tres);
    }

    /** Min of {@code 1} or {@code 1-2}; the max goes to the consumer. */
    private int rangeMin(java.util.function.IntConsumer max) {
        byte[] s = tok.bytes();
        int st = tok.valueStart();
        int en = tok.valueEnd();
        int dash = st;
        while (dash < en && s[dash] != '-') {
            dash++;
        }
        if (dash > st && dash < en) {
            max.accept(Values.parseInt(s, dash + 1, en));
            return Values.parseInt(s, st, dash);
        }
        return Values.parseInt(s, st, en);
    }

    private void flushAllocation(Job.Builder b) {
        if (allocNodes != null) {
            b.nodeAllocation(new JobNodeAllocation(allocNodes, allocCpuIds, allocMem, allocGres == null ? "" : allocGres));
            allocNodes = null;
        }
    }

    @Override
    void apply(Job.Builder b, String key) {
        int idx = tok.keyIndex();
        if (idx < 0) {
            b.extra(key, tok.value());
            return;
        }
        switch (K.VALUES[idx]) {
            case ArrayJobId -> b.arrayJobId(lng());
            // Slurm's NO_VAL: the array's own record once each task of its pending remainder was
            // cancelled one by one (22.05, 24.11, 26.05); no task is left, so none is read
            case ArrayTaskId -> b.arrayTaskId(tok.valueIs(NO_VAL) ? null : cached(arrays));
            case ArrayTaskThrottle -> b.arrayTaskThrottle(integer());
            case HetJobId -> b.hetJobId(lng());
            case HetJobOffset -> b.hetJobOffset(integer());
            case HetJobIdSet -> b.hetJobIdSet(str());
            case JobName -> b.name(tok.value());
            case UserId -> b.user(cached(users));
            case GroupId -> b.group(cached(users));
            case MCS_label -> b.mcsLabel(str());
            case Priority -> b.priority(lng());
            case Nice -> b.nice(integer());
            case Account -> b.account(nullable());
            case QOS -> b.qos(nullable());
            case WCKey -> b.wckey(nullable());
            case JobState -> b.state(cached(states));
            case Reason -> b.reason(str());
            case Dependency -> b.dependency(nullable());
            case Requeue -> b.requeue(bool());
            case Restarts -> b.restarts(integer());
            case BatchFlag -> b.batchFlag(bool());
            case Reboot -> b.reboot(integer());
            case ExitCode -> b.exitCode(cached(exitCodes));
            case DerivedExitCode -> b.derivedExitCode(cached(exitCodes));
            case RunTime -> b.runTime(cached(durations));
            case TimeLimit -> b.timeLimit(cached(limits));
            case TimeMin -> b.timeMin(cached(limits));
            case SubmitTime -> b.submitTime(time());
            case EligibleTime -> b.eligibleTime(time());
            case AccrueTime -> b.accrueTime(time());
            case StartTime -> b.startTime(time());
            case EndTime -> b.endTime(time());
            case Deadline -> b.deadline(time());
            case PreemptEligibleTime -> b.preemptEligibleTime(time());
            case PreemptTime -> b.preemptTime(time());
            case SuspendTime -> b.suspendTime(time());
            case SecsPreSuspend -> b.secsPreSuspend(Duration.ofSeconds(lng()));
            case LastSchedEval -> b.lastSchedEval(time());
            case ResizeTime -> b.resizeTime(time());
            case Scheduler -> b.scheduler(str());
            case Partition -> b.partition(nullable());
            case AllocNode_Sid -> allocNodeSid(b);
            case ReqNodeList -> b.reqNodeList(nullable());
            case ExcNodeList -> b.excNodeList(nullable());
            case NodeList -> b.nodeList(nullable());
            case SchedNodeList -> b.schedNodeList(nullable());
            case BatchHost -> b.batchHost(nullable());
            case StepMgrEnabled -> b.stepMgrEnabled(str());
            case NumNodes -> b.numNodes(rangeMin(b::maxNodes));
            case NumCPUs -> b.numCpus(rangeMin(b::maxCpus));
            case NumTasks -> b.numTasks(intOrNa());
            case CPUs_Task -> b.cpusPerTask(intOrNa());
            case ReqB_S_C_T -> b.reqBSCT(str());
            case TRES -> b.tres(tres());
            case ReqTRES -> b.reqTres(tres());
            case AllocTRES -> b.allocTres(tres());
            case Socks_Node -> b.socksPerNode(str());
            case NtasksPerN_B_S_C -> b.ntasksPerNBSC(str());
            case CoreSpec -> b.coreSpec(str());
            case ThreadSpec -> b.threadSpec(str());
            case JOB_GRES -> b.jobGres(nullable());
            case Nodes -> {
                flushAllocation(b);
                allocNodes = str();
                allocCpuIds = null;
                allocMem = null;
                allocGres = null;
            }
            case CPU_IDs -> detail(b, key).allocCpuIds = str();
            case Mem -> detail(b, key).allocMem = cached(mib);
            case GRES -> detail(b, key).allocGres = nullable();
            case MinCPUsNode -> b.minCpusNode(integer());
            case MinMemoryNode -> b.minMemory(cached(memNode));
            case MinMemoryCPU -> b.minMemory(cached(memCpu));
            case MinTmpDiskNode -> b.minTmpDiskNode(cached(mib));
            case Features -> b.features(nullable());
            case DelayBoot -> b.delayBoot(cached(durations));
            case Prefer -> b.prefer(nullable());
            case ClusterFeatures -> b.clusterFeatures(nullable());
            case BatchFeatures -> b.batchFeatures(nullable());
            case Reservation -> b.reservation(nullable());
            case OverSubscribe -> b.overSubscribe(str());
            case Contiguous -> b.contiguous(bool());
            case Licenses -> b.licenses(nullable());
            case LicensesAlloc -> b.licensesAlloc(nullable());
            case Network -> b.network(nullable());
            case Command -> b.command(text());
            // 23.02+: the submission's command line (free text, the -o form's next key follows it)
            case SubmitLine -> b.submitLine(text());
            // 26.05: Slurm's lexicographically sortable unique job id, after JobName on the first line;
            // known so that the free-text JobName ends before it, kept in extras
            case SLUID -> b.extra(key, tok.value());
            case WorkDir -> b.workDir(text());
            case AdminComment -> b.adminComment(ownSpaceDropped());
            case SystemComment -> b.systemComment(ownSpaceDropped());
            case Comment -> b.comment(ownSpaceDropped());
            case Extra -> b.extra(ownSpaceDropped());
            case StdErr -> b.stdErr(text());
            case StdIn -> b.stdIn(text());
            case StdOut -> b.stdOut(text());
            case BurstBuffer -> b.burstBuffer(text());
            case BurstBufferState -> b.burstBufferState(nullable());
            case CpuFreqMin -> b.cpuFreqMin(str());
            case CpuFreqMax -> b.cpuFreqMax(str());
            case CpuFreqGov -> b.cpuFreqGov(str());
            case Power -> b.power(str());
            case CpusPerTres -> b.cpusPerTres(nullable());
            case MemPerTres -> b.memPerTres(nullable());
            case TresBind -> b.tresBind(nullable());
            case TresFreq -> b.tresFreq(nullable());
            case TresPerJob -> b.tresPerJob(nullable());
            case TresPerNode -> b.tresPerNode(nullable());
            case TresPerSocket -> b.tresPerSocket(nullable());
            case TresPerTask -> b.tresPerTask(nullable());
            case NtasksPerTRES -> b.ntasksPerTres(str());
            case MailUser -> b.mailUser(nullable());
            case MailType -> b.mailType(nullable());
            case ResvPorts -> b.resvPorts(nullable());
            case Container -> b.container(text());
            case ContainerID -> b.containerId(nullable());
            case Switches -> b.switches(str());
            case Wait_for_Switch -> b.waitForSwitch(str());
            case SELinuxContext -> b.selinuxContext(nullable());
            case OOMKillStep -> b.oomKillStep(str());
            case Segment -> b.segment(str());
            case KillOInInvalidDependent -> b.killOnInvalidDependency(str());
            case Prolog -> b.prolog(str());
            case Epilog -> b.epilog(str());
            case JobId -> b.extra(key, tok.value());
        }
    }

    private JobRecordMapper detail(Job.Builder b, String key) {
        if (allocNodes == null) {
            throw new IllegalArgumentException(key + "= outside a Nodes= detail line");
        }
        return this;
    }

    private void allocNodeSid(Job.Builder b) {
        byte[] s = tok.bytes();
        int st = tok.valueStart();
        int en = tok.valueEnd();
        int colon = en - 1;
        while (colon >= st && s[colon] != ':') {
            colon--;
        }
        if (colon >= st) {
            b.allocNode(strings.get(s, st, colon));
            b.allocSid(Values.parseLong(s, colon + 1, en));
        } else {
            b.allocNode(str());
        }
    }
}
