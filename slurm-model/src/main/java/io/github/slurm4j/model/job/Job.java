package io.github.slurm4j.model.job;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Slurm job as {@code scontrol show job} (22.05 through 26.05) describes it, split into a few
 * nested records: {@link Identity}, {@link Status}, {@link Timing}, {@link Resources},
 * {@link Placement} and {@link Io}, plus the per-node detail lines of {@code scontrol -d}
 * ({@link JobNodeAllocation}) and the keys no parser knows ({@link #extras()}).
 *
 * <p>Every nullable component is {@code null} when the command that produced the job did not
 * supply it ({@code squeue} supplies a subset). Values scontrol prints as {@code (null)} for
 * lists and free text (node lists, features, licenses, dependency, network) become the empty
 * string: supplied, but empty. Built with {@link #builder(long)}.
 *
 * @param identity who and what the job is; never null
 * @param status state, reason, exit codes; never null (its components may be)
 * @param timing times and limits; never null
 * @param resources requested and allocated resources; never null
 * @param placement nodes; never null
 * @param io command and files; never null
 * @param nodeAllocations the {@code -d} detail lines, in order; empty without {@code -d}
 * @param extras keys the parser does not know, in output order, unmodifiable
 */
public record Job(Identity identity, Status status, Timing timing, Resources resources, Placement placement, Io io,
        List<JobNodeAllocation> nodeAllocations, Map<String, String> extras) {

    /**
     * Checks that the nested records are present and copies the lists; prefer {@link #builder(long)}.
     *
     * @param identity who and what the job is; never null
     * @param status state, reason, exit codes; never null (its components may be)
     * @param timing times and limits; never null
     * @param resources requested and allocated resources; never null
     * @param placement nodes; never null
     * @param io command and files; never null
     * @param nodeAllocations the {@code -d} detail lines, in order; {@code null} is taken as none;
     *     copied
     * @param extras keys the parser does not know, in output order; {@code null} is taken as none;
     *     copied into an unmodifiable map
     * @throws NullPointerException if {@code identity}, {@code status}, {@code timing}, {@code resources},
     *     {@code placement} or {@code io} is {@code null}
     */
    public Job {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(io, "io");
        nodeAllocations = nodeAllocations == null || nodeAllocations.isEmpty() ? List.of() : List.copyOf(nodeAllocations);
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A builder for a job with this id; every other value starts as not supplied ({@code null}).
     *
     * @param jobId the job's own id ({@code JobId}); for an array element its raw id
     * @return a new builder
     */
    public static Builder builder(long jobId) {
        return new Builder(jobId);
    }

    /** {@return the job's own id, {@link Identity#jobId()} (for an array element its raw id, e.g. 19 for 17_1)} */
    public long jobId() {
        return identity.jobId();
    }

    /**
     * The id users see: {@code 17_1} for an array element, {@code 17_[3-6%2]} for a pending array
     * remainder, {@code 21+0} for a het-job component, else the plain id.
     *
     * @return the id as squeue and sacct print it, built from {@link Identity}'s array and het-job ids
     */
    public JobId displayId() {
        Identity i = identity;
        if (i.arrayJobId() != null && i.arrayTaskId() != null) {
            String raw = i.arrayTaskId().raw();
            boolean single = i.arrayTaskId().tasks().size() == 1 && i.arrayTaskId().throttle() == null;
            return new JobId(i.arrayJobId(), single ? raw : "[" + raw + "]", null, null);
        }
        if (i.hetJobId() != null && i.hetJobOffset() != null) {
            return new JobId(i.hetJobId(), null, i.hetJobOffset(), null);
        }
        return JobId.of(i.jobId());
    }

    /** {@return the job state ({@link Status#state()}), or null when not supplied} */
    public JobState state() {
        return status.state();
    }

    /** {@return the job name ({@link Identity#name()}), verbatim, or null when not supplied} */
    public String name() {
        return identity.name();
    }


    /**
     * Who and what the job is.
     *
     * @param jobId {@code JobId}: the job's own id (for an array element its raw id, e.g. 19 for 17_1); always present
     * @param arrayJobId {@code ArrayJobId}: the array's job id, or null for a job that is not an array element
     * @param arrayTaskId {@code ArrayTaskId}: the array task(s): one index for an element, a range such as 3-6%2 for the pending remainder; null when none is left (the array's own record after each task of its pending remainder was cancelled: scontrol prints Slurm's NO_VAL, 4294967294)
     * @param arrayTaskThrottle {@code ArrayTaskThrottle}: the array's throttle (%N), 0 when none
     * @param hetJobId {@code HetJobId}: the heterogeneous job's leader id
     * @param hetJobOffset {@code HetJobOffset}: this component's offset in the heterogeneous job
     * @param hetJobIdSet {@code HetJobIdSet}: the ids of all components as a range expression (21-22)
     * @param name {@code JobName}: the job name, verbatim (may hold spaces, '=', '|', quotes, unicode)
     * @param user {@code UserId}: the user, name(uid)
     * @param group {@code GroupId}: the group, name(gid)
     * @param mcsLabel {@code MCS_label}: the MCS label; N/A kept
     * @param account {@code Account}: the account
     * @param qos {@code QOS}: the QOS; empty when the job was accepted with an invalid QOS
     * @param wckey {@code WCKey}: the workload characterisation key
     * @param partition {@code Partition}: the partition, or a comma list for a multi-partition pending job
     * @param reservation {@code Reservation}: the reservation the job runs in
     * @param comment {@code Comment}: the user's comment, verbatim including trailing spaces
     * @param adminComment {@code AdminComment}: the administrator's comment
     * @param systemComment {@code SystemComment}: the comment set by Slurm
     * @param extra {@code Extra}: the free-text Extra field (23.02+)
     * @param mailUser {@code MailUser}: who gets mail (23.02+)
     * @param mailType {@code MailType}: mail events such as BEGIN,END (23.02+)
     * @param container {@code Container}: the OCI container bundle
     * @param containerId {@code ContainerID}: the OCI container id
     * @param selinuxContext {@code SELinuxContext}: the SELinux context
     */
    public record Identity(long jobId, Long arrayJobId, ArrayTaskSpec arrayTaskId, Integer arrayTaskThrottle, Long hetJobId, Integer hetJobOffset, String hetJobIdSet, String name, UserRef user, UserRef group, String mcsLabel, String account, String qos, String wckey, String partition, String reservation, String comment, String adminComment, String systemComment, String extra, String mailUser, String mailType, String container, String containerId, String selinuxContext) {
        /**
         * Checks the job id; every other component may be {@code null}.
         *
         * @param jobId {@code JobId}: the job's own id (for an array element its raw id, e.g. 19 for 17_1); always
         *     present
         * @param arrayJobId {@code ArrayJobId}: the array's job id, or null for a job that is not an array element
         * @param arrayTaskId {@code ArrayTaskId}: the array task(s): one index for an element, a range such as 3-6%2
         *     for the pending remainder; null when none is left (the array's own record after each task of its
         *     pending remainder was cancelled: scontrol prints Slurm's NO_VAL, 4294967294)
         * @param arrayTaskThrottle {@code ArrayTaskThrottle}: the array's throttle (%N), 0 when none
         * @param hetJobId {@code HetJobId}: the heterogeneous job's leader id
         * @param hetJobOffset {@code HetJobOffset}: this component's offset in the heterogeneous job
         * @param hetJobIdSet {@code HetJobIdSet}: the ids of all components as a range expression (21-22)
         * @param name {@code JobName}: the job name, verbatim (may hold spaces, '=', '|', quotes, unicode)
         * @param user {@code UserId}: the user, name(uid)
         * @param group {@code GroupId}: the group, name(gid)
         * @param mcsLabel {@code MCS_label}: the MCS label; N/A kept
         * @param account {@code Account}: the account
         * @param qos {@code QOS}: the QOS; empty when the job was accepted with an invalid QOS
         * @param wckey {@code WCKey}: the workload characterisation key
         * @param partition {@code Partition}: the partition, or a comma list for a multi-partition pending job
         * @param reservation {@code Reservation}: the reservation the job runs in
         * @param comment {@code Comment}: the user's comment, verbatim including trailing spaces
         * @param adminComment {@code AdminComment}: the administrator's comment
         * @param systemComment {@code SystemComment}: the comment set by Slurm
         * @param extra {@code Extra}: the free-text Extra field (23.02+)
         * @param mailUser {@code MailUser}: who gets mail (23.02+)
         * @param mailType {@code MailType}: mail events such as BEGIN,END (23.02+)
         * @param container {@code Container}: the OCI container bundle
         * @param containerId {@code ContainerID}: the OCI container id
         * @param selinuxContext {@code SELinuxContext}: the SELinux context
         * @throws IllegalArgumentException if {@code jobId} is negative
         */
        public Identity {
            if (jobId < 0) {
                throw new IllegalArgumentException("negative job id: " + jobId);
            }
        }
    }

    /**
     * The job's state and why.
     *
     * @param state {@code JobState}: the state with its flags
     * @param reason {@code Reason}: the state reason, verbatim (Priority, Nodes_required_for_job_are_DOWN,_DRAINED_...);
     *     {@code null} for Slurm's {@code None} (see {@link #reasonOf}), as every model type has it
     * @param dependency {@code Dependency}: the dependency expression, e.g. afterok:14(unfulfilled); empty for (null)
     * @param priority {@code Priority}: the priority
     * @param nice {@code Nice}: the nice value
     * @param requeue {@code Requeue}: whether the job may be requeued (Requeue=1)
     * @param restarts {@code Restarts}: how often it was restarted
     * @param batchFlag {@code BatchFlag}: whether it is a batch job
     * @param reboot {@code Reboot}: whether nodes are rebooted before start (0/1)
     * @param exitCode {@code ExitCode}: the exit code as status:signal, e.g. 138:0 or 0:9
     * @param derivedExitCode {@code DerivedExitCode}: the highest exit code of all steps
     * @param scheduler {@code Scheduler}: which scheduler looked at it last (Main, Backfill, Backfill:*)
     * @param killOnInvalidDependency {@code KillOInInvalidDependent}: whether the job is killed when its dependency cannot be met (Yes/No)
     * @param oomKillStep {@code OOMKillStep}: whether an OOM in one step kills the job (24.11+)
     * @param stepMgrEnabled {@code StepMgrEnabled}: whether the job runs its own step manager (24.05+)
     */
    public record Status(JobState state, String reason, String dependency, Long priority, Integer nice, Boolean requeue, Integer restarts, Boolean batchFlag, Integer reboot, ExitCode exitCode, ExitCode derivedExitCode, String scheduler, String killOnInvalidDependency, String oomKillStep, String stepMgrEnabled) {
        /**
         * Applies {@link #reasonOf} to the reason, so that Slurm's {@code None} is {@code null}; every component may be {@code null}.
         *
         * @param state {@code JobState}: the state with its flags
         * @param reason {@code Reason}: the state reason, verbatim (Priority,
         *     Nodes_required_for_job_are_DOWN,_DRAINED_...);
         *     {@code null} for Slurm's {@code None} (see {@link #reasonOf}), as every model type has it
         * @param dependency {@code Dependency}: the dependency expression, e.g. afterok:14(unfulfilled); empty for
         *     (null)
         * @param priority {@code Priority}: the priority
         * @param nice {@code Nice}: the nice value
         * @param requeue {@code Requeue}: whether the job may be requeued (Requeue=1)
         * @param restarts {@code Restarts}: how often it was restarted
         * @param batchFlag {@code BatchFlag}: whether it is a batch job
         * @param reboot {@code Reboot}: whether nodes are rebooted before start (0/1)
         * @param exitCode {@code ExitCode}: the exit code as status:signal, e.g. 138:0 or 0:9
         * @param derivedExitCode {@code DerivedExitCode}: the highest exit code of all steps
         * @param scheduler {@code Scheduler}: which scheduler looked at it last (Main, Backfill, Backfill:*)
         * @param killOnInvalidDependency {@code KillOInInvalidDependent}: whether the job is killed when its
         *     dependency cannot be met (Yes/No)
         * @param oomKillStep {@code OOMKillStep}: whether an OOM in one step kills the job (24.11+)
         * @param stepMgrEnabled {@code StepMgrEnabled}: whether the job runs its own step manager (24.05+)
         */
        public Status {
            reason = reasonOf(reason);
        }

        /**
         * The one rule for "no reason", used by every model type that has a job's reason
         * ({@link Status#reason()}, {@link SqueueRow#reason()}, {@link AccountingRecord#reason()},
         * the client's job status): Slurm's {@code None} (scontrol {@code Reason=None}, squeue
         * {@code (None)}, sacct and {@code --json} {@code None}) and an empty value are
         * {@code null}; any other text is kept verbatim.
         *
         * @param printed the reason as Slurm printed it, or {@code null}
         * @return the reason, or {@code null} when there is none
         */
        public static String reasonOf(String printed) {
            return printed == null || printed.isEmpty() || printed.equals("None") ? null : printed;
        }
    }

    /**
     * Times and limits. Times are wall-clock times of the cluster's zone; sentinels are SlurmTime.UNKNOWN/NONE/NOT_APPLICABLE.
     *
     * @param runTime {@code RunTime}: the run time so far
     * @param timeLimit {@code TimeLimit}: the time limit (UNLIMITED, Partition_Limit, ...)
     * @param timeMin {@code TimeMin}: the minimum time limit; NOT_SET for N/A
     * @param submitTime {@code SubmitTime}: when it was submitted
     * @param eligibleTime {@code EligibleTime}: when it became eligible; Unknown while not yet
     * @param accrueTime {@code AccrueTime}: when it started to accrue priority age
     * @param startTime {@code StartTime}: when it started; for pending jobs the scheduler's estimate or Unknown
     * @param endTime {@code EndTime}: when it ended or is expected to end
     * @param deadline {@code Deadline}: the deadline; N/A when none
     * @param preemptEligibleTime {@code PreemptEligibleTime}: when it becomes preemptable
     * @param preemptTime {@code PreemptTime}: when it was preempted; None
     * @param suspendTime {@code SuspendTime}: when it was last suspended; None
     * @param secsPreSuspend {@code SecsPreSuspend}: the run time before the last suspension
     * @param lastSchedEval {@code LastSchedEval}: when the scheduler last evaluated it
     * @param resizeTime {@code ResizeTime}: when it was last resized
     * @param delayBoot {@code DelayBoot}: how long node reboots may delay it
     */
    public record Timing(Duration runTime, TimeLimit timeLimit, TimeLimit timeMin, SlurmTime submitTime, SlurmTime eligibleTime, SlurmTime accrueTime, SlurmTime startTime, SlurmTime endTime, SlurmTime deadline, SlurmTime preemptEligibleTime, SlurmTime preemptTime, SlurmTime suspendTime, Duration secsPreSuspend, SlurmTime lastSchedEval, SlurmTime resizeTime, Duration delayBoot) {
    }

    /**
     * What the job asks for and got. Memory is in bytes.
     *
     * @param numNodes {@code NumNodes}: the (minimum) node count; NumNodes=1-2 gives 1
     * @param maxNodes {@code NumNodes}: the maximum node count of a range NumNodes=1-2, else null
     * @param numCpus {@code NumCPUs}: the (minimum) CPU count
     * @param maxCpus {@code NumCPUs}: the maximum CPU count of a range, else null
     * @param numTasks {@code NumTasks}: the task count
     * @param cpusPerTask {@code CPUs/Task}: CPUs per task
     * @param reqBSCT {@code ReqB:S:C:T}: requested boards:sockets:cores:threads, * for any
     * @param socksPerNode {@code Socks/Node}: sockets per node, * for any
     * @param ntasksPerNBSC {@code NtasksPerN:B:S:C}: tasks per node:board:socket:core
     * @param coreSpec {@code CoreSpec}: specialised cores, * for none
     * @param threadSpec {@code ThreadSpec}: specialised threads
     * @param tres {@code TRES}: Slurm 22.05's TRES= line: the allocated TRES once started, the requested TRES before
     * @param reqTres {@code ReqTRES}: the requested TRES (23.02+)
     * @param allocTres {@code AllocTRES}: the allocated TRES (23.02+)
     * @param minCpusNode {@code MinCPUsNode}: minimum CPUs per node
     * @param minMemory {@code MinMemoryNode}: the memory request: per node from MinMemoryNode, per CPU from MinMemoryCPU
     * @param minTmpDiskNode {@code MinTmpDiskNode}: minimum temporary disk per node in bytes
     * @param features {@code Features}: the feature expression; empty for (null)
     * @param prefer {@code Prefer}: preferred features
     * @param clusterFeatures {@code ClusterFeatures}: cluster features
     * @param batchFeatures {@code BatchFeatures}: features of the batch host
     * @param overSubscribe {@code OverSubscribe}: OK, NO, YES, USER, MCS, TOPO
     * @param contiguous {@code Contiguous}: whether nodes must be contiguous
     * @param licenses {@code Licenses}: requested licenses, e.g. matlab:2; empty for (null)
     * @param licensesAlloc {@code LicensesAlloc}: allocated licenses
     * @param network {@code Network}: the network spec; empty for (null)
     * @param jobGres {@code JOB_GRES}: the job's GRES (scontrol -d); empty for (null)
     * @param cpusPerTres {@code CpusPerTres}: CPUs per TRES, e.g. gres:gpu:4
     * @param memPerTres {@code MemPerTres}: memory per TRES
     * @param tresBind {@code TresBind}: TRES binding
     * @param tresFreq {@code TresFreq}: TRES frequency
     * @param tresPerJob {@code TresPerJob}: TRES per job, verbatim (gres:gpu:1 / gres/gpu:1)
     * @param tresPerNode {@code TresPerNode}: TRES per node, verbatim as scontrol prints it (gres:gpu:1 in 22.05, gres/gpu:1 later)
     * @param tresPerSocket {@code TresPerSocket}: TRES per socket
     * @param tresPerTask {@code TresPerTask}: TRES per task
     * @param ntasksPerTres {@code NtasksPerTRES}: tasks per TRES
     * @param cpuFreqMin {@code CpuFreqMin}: minimum CPU frequency
     * @param cpuFreqMax {@code CpuFreqMax}: maximum CPU frequency
     * @param cpuFreqGov {@code CpuFreqGov}: CPU frequency governor
     * @param power {@code Power}: power flags; empty when none
     * @param burstBuffer {@code BurstBuffer}: burst buffer spec
     * @param burstBufferState {@code BurstBufferState}: burst buffer state
     * @param resvPorts {@code ResvPorts}: reserved ports
     * @param switches {@code Switches}: requested switch count
     * @param waitForSwitch {@code Wait-for-Switch}: the maximum wait for the switch count
     * @param segment {@code Segment}: segment size (25.05+)
     */
    public record Resources(Integer numNodes, Integer maxNodes, Integer numCpus, Integer maxCpus, Integer numTasks, Integer cpusPerTask, String reqBSCT, String socksPerNode, String ntasksPerNBSC, String coreSpec, String threadSpec, Tres tres, Tres reqTres, Tres allocTres, Integer minCpusNode, MemoryRequest minMemory, Long minTmpDiskNode, String features, String prefer, String clusterFeatures, String batchFeatures, String overSubscribe, Boolean contiguous, String licenses, String licensesAlloc, String network, String jobGres, String cpusPerTres, String memPerTres, String tresBind, String tresFreq, String tresPerJob, String tresPerNode, String tresPerSocket, String tresPerTask, String ntasksPerTres, String cpuFreqMin, String cpuFreqMax, String cpuFreqGov, String power, String burstBuffer, String burstBufferState, String resvPorts, String switches, String waitForSwitch, String segment) {
    }

    /**
     * Where the job runs or may run. Node lists are hostlist expressions (see Hostlist); empty for (null).
     *
     * @param allocNode {@code AllocNode:Sid}: the submit host
     * @param allocSid {@code AllocNode:Sid}: the session id on the submit host
     * @param reqNodeList {@code ReqNodeList}: requested nodes
     * @param excNodeList {@code ExcNodeList}: excluded nodes
     * @param nodeList {@code NodeList}: allocated nodes; empty while pending
     * @param schedNodeList {@code SchedNodeList}: nodes the scheduler plans to use for a pending job
     * @param batchHost {@code BatchHost}: the node running the batch script
     */
    public record Placement(String allocNode, Long allocSid, String reqNodeList, String excNodeList, String nodeList, String schedNodeList, String batchHost) {
    }

    /**
     * The job's command and files, verbatim (paths may hold spaces).
     *
     * @param command {@code Command}: the script with its arguments (22.05), only the script's path
     *     (24.11+), {@code null} for a {@code --wrap} job on 24.11+
     * @param submitLine {@code SubmitLine} (23.02+): the sbatch command line as submitted, arguments
     *     joined by spaces; {@code null} before 23.02
     * @param workDir {@code WorkDir}: the working directory
     * @param stdErr {@code StdErr}: the standard error path
     * @param stdIn {@code StdIn}: the standard input path
     * @param stdOut {@code StdOut}: the standard output path
     * @param prolog {@code Prolog}: the job prolog status (25.05+)
     * @param epilog {@code Epilog}: the job epilog status (25.05+)
     */
    public record Io(String command, String submitLine, String workDir, String stdErr, String stdIn, String stdOut, String prolog, String epilog) {
    }

    /**
     * Collects a job's values; {@link #build()} makes the immutable {@link Job}. Setters accept
     * {@code null} (= not supplied). Not thread-safe.
     */
    public static final class Builder {
        private long jobId;
        private Long arrayJobId;
        private ArrayTaskSpec arrayTaskId;
        private Integer arrayTaskThrottle;
        private Long hetJobId;
        private Integer hetJobOffset;
        private String hetJobIdSet;
        private String name;
        private UserRef user;
        private UserRef group;
        private String mcsLabel;
        private String account;
        private String qos;
        private String wckey;
        private String partition;
        private String reservation;
        private String comment;
        private String adminComment;
        private String systemComment;
        private String extra;
        private String mailUser;
        private String mailType;
        private String container;
        private String containerId;
        private String selinuxContext;
        private JobState state;
        private String reason;
        private String dependency;
        private Long priority;
        private Integer nice;
        private Boolean requeue;
        private Integer restarts;
        private Boolean batchFlag;
        private Integer reboot;
        private ExitCode exitCode;
        private ExitCode derivedExitCode;
        private String scheduler;
        private String killOnInvalidDependency;
        private String oomKillStep;
        private String stepMgrEnabled;
        private Duration runTime;
        private TimeLimit timeLimit;
        private TimeLimit timeMin;
        private SlurmTime submitTime;
        private SlurmTime eligibleTime;
        private SlurmTime accrueTime;
        private SlurmTime startTime;
        private SlurmTime endTime;
        private SlurmTime deadline;
        private SlurmTime preemptEligibleTime;
        private SlurmTime preemptTime;
        private SlurmTime suspendTime;
        private Duration secsPreSuspend;
        private SlurmTime lastSchedEval;
        private SlurmTime resizeTime;
        private Duration delayBoot;
        private Integer numNodes;
        private Integer maxNodes;
        private Integer numCpus;
        private Integer maxCpus;
        private Integer numTasks;
        private Integer cpusPerTask;
        private String reqBSCT;
        private String socksPerNode;
        private String ntasksPerNBSC;
        private String coreSpec;
        private String threadSpec;
        private Tres tres;
        private Tres reqTres;
        private Tres allocTres;
        private Integer minCpusNode;
        private MemoryRequest minMemory;
        private Long minTmpDiskNode;
        private String features;
        private String prefer;
        private String clusterFeatures;
        private String batchFeatures;
        private String overSubscribe;
        private Boolean contiguous;
        private String licenses;
        private String licensesAlloc;
        private String network;
        private String jobGres;
        private String cpusPerTres;
        private String memPerTres;
        private String tresBind;
        private String tresFreq;
        private String tresPerJob;
        private String tresPerNode;
        private String tresPerSocket;
        private String tresPerTask;
        private String ntasksPerTres;
        private String cpuFreqMin;
        private String cpuFreqMax;
        private String cpuFreqGov;
        private String power;
        private String burstBuffer;
        private String burstBufferState;
        private String resvPorts;
        private String switches;
        private String waitForSwitch;
        private String segment;
        private String allocNode;
        private Long allocSid;
        private String reqNodeList;
        private String excNodeList;
        private String nodeList;
        private String schedNodeList;
        private String batchHost;
        private String command;
        private String workDir;
        private String stdErr;
        private String stdIn;
        private String stdOut;
        private String prolog;
        private String submitLine;
        private String epilog;
        private List<JobNodeAllocation> nodeAllocations;
        private Map<String, String> extras;

        Builder(long jobId) {
            this.jobId = jobId;
        }

        /**
         * {@code JobId}: the job's own id (for an array element its raw id, e.g. 19 for 17_1); always present.
         *
         * @param value the id; {@link #build()} throws {@code IllegalArgumentException} when it is negative
         * @return this builder
         */
        public Builder jobId(long value) {
            this.jobId = value;
            return this;
        }

        /**
         * {@code ArrayJobId}: the array's job id, or null for a job that is not an array element.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder arrayJobId(Long value) {
            this.arrayJobId = value;
            return this;
        }

        /**
         * {@code ArrayTaskId}: the array task(s): one index for an element, a range such as 3-6%2 for the pending remainder; null when none is left (the array's own record after each task of its pending remainder was cancelled: scontrol prints Slurm's NO_VAL, 4294967294).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder arrayTaskId(ArrayTaskSpec value) {
            this.arrayTaskId = value;
            return this;
        }

        /**
         * {@code ArrayTaskThrottle}: the array's throttle (%N), 0 when none.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder arrayTaskThrottle(Integer value) {
            this.arrayTaskThrottle = value;
            return this;
        }

        /**
         * {@code HetJobId}: the heterogeneous job's leader id.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder hetJobId(Long value) {
            this.hetJobId = value;
            return this;
        }

        /**
         * {@code HetJobOffset}: this component's offset in the heterogeneous job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder hetJobOffset(Integer value) {
            this.hetJobOffset = value;
            return this;
        }

        /**
         * {@code HetJobIdSet}: the ids of all components as a range expression (21-22).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder hetJobIdSet(String value) {
            this.hetJobIdSet = value;
            return this;
        }

        /**
         * {@code JobName}: the job name, verbatim (may hold spaces, '=', '|', quotes, unicode).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * {@code UserId}: the user, name(uid).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder user(UserRef value) {
            this.user = value;
            return this;
        }

        /**
         * {@code GroupId}: the group, name(gid).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder group(UserRef value) {
            this.group = value;
            return this;
        }

        /**
         * {@code MCS_label}: the MCS label; N/A kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder mcsLabel(String value) {
            this.mcsLabel = value;
            return this;
        }

        /**
         * {@code Account}: the account.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder account(String value) {
            this.account = value;
            return this;
        }

        /**
         * {@code QOS}: the QOS; empty when the job was accepted with an invalid QOS.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder qos(String value) {
            this.qos = value;
            return this;
        }

        /**
         * {@code WCKey}: the workload characterisation key.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder wckey(String value) {
            this.wckey = value;
            return this;
        }

        /**
         * {@code Partition}: the partition, or a comma list for a multi-partition pending job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder partition(String value) {
            this.partition = value;
            return this;
        }

        /**
         * {@code Reservation}: the reservation the job runs in.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reservation(String value) {
            this.reservation = value;
            return this;
        }

        /**
         * {@code Comment}: the user's comment, verbatim including trailing spaces.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /**
         * {@code AdminComment}: the administrator's comment.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder adminComment(String value) {
            this.adminComment = value;
            return this;
        }

        /**
         * {@code SystemComment}: the comment set by Slurm.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder systemComment(String value) {
            this.systemComment = value;
            return this;
        }

        /**
         * {@code Extra}: the free-text Extra field (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder extra(String value) {
            this.extra = value;
            return this;
        }

        /**
         * {@code MailUser}: who gets mail (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder mailUser(String value) {
            this.mailUser = value;
            return this;
        }

        /**
         * {@code MailType}: mail events such as BEGIN,END (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder mailType(String value) {
            this.mailType = value;
            return this;
        }

        /**
         * {@code Container}: the OCI container bundle.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder container(String value) {
            this.container = value;
            return this;
        }

        /**
         * {@code ContainerID}: the OCI container id.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder containerId(String value) {
            this.containerId = value;
            return this;
        }

        /**
         * {@code SELinuxContext}: the SELinux context.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder selinuxContext(String value) {
            this.selinuxContext = value;
            return this;
        }

        /**
         * {@code JobState}: the state with its flags.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder state(JobState value) {
            this.state = value;
            return this;
        }

        /**
         * {@code Reason}: the state reason, verbatim (Priority, Nodes_required_for_job_are_DOWN,_DRAINED_...); {@code None} becomes {@code null}.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /**
         * {@code Dependency}: the dependency expression, e.g. afterok:14(unfulfilled); empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder dependency(String value) {
            this.dependency = value;
            return this;
        }

        /**
         * {@code Priority}: the priority.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder priority(Long value) {
            this.priority = value;
            return this;
        }

        /**
         * {@code Nice}: the nice value.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nice(Integer value) {
            this.nice = value;
            return this;
        }

        /**
         * {@code Requeue}: whether the job may be requeued (Requeue=1).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder requeue(Boolean value) {
            this.requeue = value;
            return this;
        }

        /**
         * {@code Restarts}: how often it was restarted.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder restarts(Integer value) {
            this.restarts = value;
            return this;
        }

        /**
         * {@code BatchFlag}: whether it is a batch job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder batchFlag(Boolean value) {
            this.batchFlag = value;
            return this;
        }

        /**
         * {@code Reboot}: whether nodes are rebooted before start (0/1).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reboot(Integer value) {
            this.reboot = value;
            return this;
        }

        /**
         * {@code ExitCode}: the exit code as status:signal, e.g. 138:0 or 0:9.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder exitCode(ExitCode value) {
            this.exitCode = value;
            return this;
        }

        /**
         * {@code DerivedExitCode}: the highest exit code of all steps.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder derivedExitCode(ExitCode value) {
            this.derivedExitCode = value;
            return this;
        }

        /**
         * {@code Scheduler}: which scheduler looked at it last (Main, Backfill, Backfill:*).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder scheduler(String value) {
            this.scheduler = value;
            return this;
        }

        /**
         * {@code KillOInInvalidDependent}: whether the job is killed when its dependency cannot be met (Yes/No).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder killOnInvalidDependency(String value) {
            this.killOnInvalidDependency = value;
            return this;
        }

        /**
         * {@code OOMKillStep}: whether an OOM in one step kills the job (24.11+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder oomKillStep(String value) {
            this.oomKillStep = value;
            return this;
        }

        /**
         * {@code StepMgrEnabled}: whether the job runs its own step manager (24.05+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder stepMgrEnabled(String value) {
            this.stepMgrEnabled = value;
            return this;
        }

        /**
         * {@code RunTime}: the run time so far.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder runTime(Duration value) {
            this.runTime = value;
            return this;
        }

        /**
         * {@code TimeLimit}: the time limit (UNLIMITED, Partition_Limit, ...).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder timeLimit(TimeLimit value) {
            this.timeLimit = value;
            return this;
        }

        /**
         * {@code TimeMin}: the minimum time limit; NOT_SET for N/A.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder timeMin(TimeLimit value) {
            this.timeMin = value;
            return this;
        }

        /**
         * {@code SubmitTime}: when it was submitted.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder submitTime(SlurmTime value) {
            this.submitTime = value;
            return this;
        }

        /**
         * {@code EligibleTime}: when it became eligible; Unknown while not yet.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder eligibleTime(SlurmTime value) {
            this.eligibleTime = value;
            return this;
        }

        /**
         * {@code AccrueTime}: when it started to accrue priority age.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder accrueTime(SlurmTime value) {
            this.accrueTime = value;
            return this;
        }

        /**
         * {@code StartTime}: when it started; for pending jobs the scheduler's estimate or Unknown.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder startTime(SlurmTime value) {
            this.startTime = value;
            return this;
        }

        /**
         * {@code EndTime}: when it ended or is expected to end.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder endTime(SlurmTime value) {
            this.endTime = value;
            return this;
        }

        /**
         * {@code Deadline}: the deadline; N/A when none.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder deadline(SlurmTime value) {
            this.deadline = value;
            return this;
        }

        /**
         * {@code PreemptEligibleTime}: when it becomes preemptable.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder preemptEligibleTime(SlurmTime value) {
            this.preemptEligibleTime = value;
            return this;
        }

        /**
         * {@code PreemptTime}: when it was preempted; None.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder preemptTime(SlurmTime value) {
            this.preemptTime = value;
            return this;
        }

        /**
         * {@code SuspendTime}: when it was last suspended; None.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder suspendTime(SlurmTime value) {
            this.suspendTime = value;
            return this;
        }

        /**
         * {@code SecsPreSuspend}: the run time before the last suspension.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder secsPreSuspend(Duration value) {
            this.secsPreSuspend = value;
            return this;
        }

        /**
         * {@code LastSchedEval}: when the scheduler last evaluated it.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder lastSchedEval(SlurmTime value) {
            this.lastSchedEval = value;
            return this;
        }

        /**
         * {@code ResizeTime}: when it was last resized.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder resizeTime(SlurmTime value) {
            this.resizeTime = value;
            return this;
        }

        /**
         * {@code DelayBoot}: how long node reboots may delay it.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder delayBoot(Duration value) {
            this.delayBoot = value;
            return this;
        }

        /**
         * {@code NumNodes}: the (minimum) node count; NumNodes=1-2 gives 1.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder numNodes(Integer value) {
            this.numNodes = value;
            return this;
        }

        /**
         * {@code NumNodes}: the maximum node count of a range NumNodes=1-2, else null.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxNodes(Integer value) {
            this.maxNodes = value;
            return this;
        }

        /**
         * {@code NumCPUs}: the (minimum) CPU count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder numCpus(Integer value) {
            this.numCpus = value;
            return this;
        }

        /**
         * {@code NumCPUs}: the maximum CPU count of a range, else null.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxCpus(Integer value) {
            this.maxCpus = value;
            return this;
        }

        /**
         * {@code NumTasks}: the task count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder numTasks(Integer value) {
            this.numTasks = value;
            return this;
        }

        /**
         * {@code CPUs/Task}: CPUs per task.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpusPerTask(Integer value) {
            this.cpusPerTask = value;
            return this;
        }

        /**
         * {@code ReqB:S:C:T}: requested boards:sockets:cores:threads, * for any.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reqBSCT(String value) {
            this.reqBSCT = value;
            return this;
        }

        /**
         * {@code Socks/Node}: sockets per node, * for any.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder socksPerNode(String value) {
            this.socksPerNode = value;
            return this;
        }

        /**
         * {@code NtasksPerN:B:S:C}: tasks per node:board:socket:core.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder ntasksPerNBSC(String value) {
            this.ntasksPerNBSC = value;
            return this;
        }

        /**
         * {@code CoreSpec}: specialised cores, * for none.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder coreSpec(String value) {
            this.coreSpec = value;
            return this;
        }

        /**
         * {@code ThreadSpec}: specialised threads.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder threadSpec(String value) {
            this.threadSpec = value;
            return this;
        }

        /**
         * {@code TRES}: Slurm 22.05's TRES= line: the allocated TRES once started, the requested TRES before.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tres(Tres value) {
            this.tres = value;
            return this;
        }

        /**
         * {@code ReqTRES}: the requested TRES (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reqTres(Tres value) {
            this.reqTres = value;
            return this;
        }

        /**
         * {@code AllocTRES}: the allocated TRES (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocTres(Tres value) {
            this.allocTres = value;
            return this;
        }

        /**
         * {@code MinCPUsNode}: minimum CPUs per node.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder minCpusNode(Integer value) {
            this.minCpusNode = value;
            return this;
        }

        /**
         * {@code MinMemoryNode}: the memory request: per node from MinMemoryNode, per CPU from MinMemoryCPU.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder minMemory(MemoryRequest value) {
            this.minMemory = value;
            return this;
        }

        /**
         * {@code MinTmpDiskNode}: minimum temporary disk per node in bytes.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder minTmpDiskNode(Long value) {
            this.minTmpDiskNode = value;
            return this;
        }

        /**
         * {@code Features}: the feature expression; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder features(String value) {
            this.features = value;
            return this;
        }

        /**
         * {@code Prefer}: preferred features.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder prefer(String value) {
            this.prefer = value;
            return this;
        }

        /**
         * {@code ClusterFeatures}: cluster features.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder clusterFeatures(String value) {
            this.clusterFeatures = value;
            return this;
        }

        /**
         * {@code BatchFeatures}: features of the batch host.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder batchFeatures(String value) {
            this.batchFeatures = value;
            return this;
        }

        /**
         * {@code OverSubscribe}: OK, NO, YES, USER, MCS, TOPO.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder overSubscribe(String value) {
            this.overSubscribe = value;
            return this;
        }

        /**
         * {@code Contiguous}: whether nodes must be contiguous.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder contiguous(Boolean value) {
            this.contiguous = value;
            return this;
        }

        /**
         * {@code Licenses}: requested licenses, e.g. matlab:2; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder licenses(String value) {
            this.licenses = value;
            return this;
        }

        /**
         * {@code LicensesAlloc}: allocated licenses.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder licensesAlloc(String value) {
            this.licensesAlloc = value;
            return this;
        }

        /**
         * {@code Network}: the network spec; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder network(String value) {
            this.network = value;
            return this;
        }

        /**
         * {@code JOB_GRES}: the job's GRES (scontrol -d); empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder jobGres(String value) {
            this.jobGres = value;
            return this;
        }

        /**
         * {@code CpusPerTres}: CPUs per TRES, e.g. gres:gpu:4.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpusPerTres(String value) {
            this.cpusPerTres = value;
            return this;
        }

        /**
         * {@code MemPerTres}: memory per TRES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder memPerTres(String value) {
            this.memPerTres = value;
            return this;
        }

        /**
         * {@code TresBind}: TRES binding.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresBind(String value) {
            this.tresBind = value;
            return this;
        }

        /**
         * {@code TresFreq}: TRES frequency.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresFreq(String value) {
            this.tresFreq = value;
            return this;
        }

        /**
         * {@code TresPerJob}: TRES per job, verbatim (gres:gpu:1 / gres/gpu:1).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresPerJob(String value) {
            this.tresPerJob = value;
            return this;
        }

        /**
         * {@code TresPerNode}: TRES per node, verbatim as scontrol prints it (gres:gpu:1 in 22.05, gres/gpu:1 later).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresPerNode(String value) {
            this.tresPerNode = value;
            return this;
        }

        /**
         * {@code TresPerSocket}: TRES per socket.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresPerSocket(String value) {
            this.tresPerSocket = value;
            return this;
        }

        /**
         * {@code TresPerTask}: TRES per task.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresPerTask(String value) {
            this.tresPerTask = value;
            return this;
        }

        /**
         * {@code NtasksPerTRES}: tasks per TRES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder ntasksPerTres(String value) {
            this.ntasksPerTres = value;
            return this;
        }

        /**
         * {@code CpuFreqMin}: minimum CPU frequency.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuFreqMin(String value) {
            this.cpuFreqMin = value;
            return this;
        }

        /**
         * {@code CpuFreqMax}: maximum CPU frequency.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuFreqMax(String value) {
            this.cpuFreqMax = value;
            return this;
        }

        /**
         * {@code CpuFreqGov}: CPU frequency governor.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuFreqGov(String value) {
            this.cpuFreqGov = value;
            return this;
        }

        /**
         * {@code Power}: power flags; empty when none.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder power(String value) {
            this.power = value;
            return this;
        }

        /**
         * {@code BurstBuffer}: burst buffer spec.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder burstBuffer(String value) {
            this.burstBuffer = value;
            return this;
        }

        /**
         * {@code BurstBufferState}: burst buffer state.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder burstBufferState(String value) {
            this.burstBufferState = value;
            return this;
        }

        /**
         * {@code ResvPorts}: reserved ports.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder resvPorts(String value) {
            this.resvPorts = value;
            return this;
        }

        /**
         * {@code Switches}: requested switch count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder switches(String value) {
            this.switches = value;
            return this;
        }

        /**
         * {@code Wait-for-Switch}: the maximum wait for the switch count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder waitForSwitch(String value) {
            this.waitForSwitch = value;
            return this;
        }

        /**
         * {@code Segment}: segment size (25.05+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder segment(String value) {
            this.segment = value;
            return this;
        }

        /**
         * {@code AllocNode:Sid}: the submit host.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocNode(String value) {
            this.allocNode = value;
            return this;
        }

        /**
         * {@code AllocNode:Sid}: the session id on the submit host.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocSid(Long value) {
            this.allocSid = value;
            return this;
        }

        /**
         * {@code ReqNodeList}: requested nodes.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reqNodeList(String value) {
            this.reqNodeList = value;
            return this;
        }

        /**
         * {@code ExcNodeList}: excluded nodes.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder excNodeList(String value) {
            this.excNodeList = value;
            return this;
        }

        /**
         * {@code NodeList}: allocated nodes; empty while pending.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodeList(String value) {
            this.nodeList = value;
            return this;
        }

        /**
         * {@code SchedNodeList}: nodes the scheduler plans to use for a pending job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder schedNodeList(String value) {
            this.schedNodeList = value;
            return this;
        }

        /**
         * {@code BatchHost}: the node running the batch script.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder batchHost(String value) {
            this.batchHost = value;
            return this;
        }

        /**
         * {@code Command}: the script with its arguments (22.05), only the script's path (24.11+),
         * {@code null} for a {@code --wrap} job on 24.11+.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder command(String value) {
            this.command = value;
            return this;
        }

        /**
         * {@code WorkDir}: the working directory.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder workDir(String value) {
            this.workDir = value;
            return this;
        }

        /**
         * {@code StdErr}: the standard error path.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder stdErr(String value) {
            this.stdErr = value;
            return this;
        }

        /**
         * {@code StdIn}: the standard input path.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder stdIn(String value) {
            this.stdIn = value;
            return this;
        }

        /**
         * {@code StdOut}: the standard output path.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder stdOut(String value) {
            this.stdOut = value;
            return this;
        }

        /**
         * {@code SubmitLine}: the sbatch command line as submitted (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder submitLine(String value) {
            this.submitLine = value;
            return this;
        }

        /**
         * {@code Prolog}: the job prolog status (25.05+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder prolog(String value) {
            this.prolog = value;
            return this;
        }

        /**
         * {@code Epilog}: the job epilog status (25.05+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder epilog(String value) {
            this.epilog = value;
            return this;
        }

        /**
         * Adds one {@code -d} detail line, after those added before.
         *
         * @param allocation the line; not null
         * @return this builder
         * @throws NullPointerException if {@code allocation} is null
         */
        public Builder nodeAllocation(JobNodeAllocation allocation) {
            if (nodeAllocations == null) {
                nodeAllocations = new ArrayList<>(2);
            }
            nodeAllocations.add(Objects.requireNonNull(allocation, "allocation"));
            return this;
        }

        /**
         * Keeps a key no parser knows, in the order first added; a repeated key keeps its last value.
         *
         * @param key the key as printed; not null
         * @param value the value as printed; may be null
         * @return this builder
         * @throws NullPointerException if {@code key} is null
         */
        public Builder extra(String key, String value) {
            if (extras == null) {
                extras = new LinkedHashMap<>(4);
            }
            extras.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Makes the immutable job from the values set so far; the builder can be used further.
         *
         * @return the job
         * @throws IllegalArgumentException if the job id is negative
         */
        public Job build() {
            Identity identity = new Identity(jobId, arrayJobId, arrayTaskId, arrayTaskThrottle, hetJobId, hetJobOffset, hetJobIdSet, name, user, group, mcsLabel, account, qos, wckey, partition, reservation, comment, adminComment, systemComment, extra, mailUser, mailType, container, containerId, selinuxContext);
            Status status = new Status(state, reason, dependency, priority, nice, requeue, restarts, batchFlag, reboot, exitCode, derivedExitCode, scheduler, killOnInvalidDependency, oomKillStep, stepMgrEnabled);
            Timing timing = new Timing(runTime, timeLimit, timeMin, submitTime, eligibleTime, accrueTime, startTime, endTime, deadline, preemptEligibleTime, preemptTime, suspendTime, secsPreSuspend, lastSchedEval, resizeTime, delayBoot);
            Resources resources = new Resources(numNodes, maxNodes, numCpus, maxCpus, numTasks, cpusPerTask, reqBSCT, socksPerNode, ntasksPerNBSC, coreSpec, threadSpec, tres, reqTres, allocTres, minCpusNode, minMemory, minTmpDiskNode, features, prefer, clusterFeatures, batchFeatures, overSubscribe, contiguous, licenses, licensesAlloc, network, jobGres, cpusPerTres, memPerTres, tresBind, tresFreq, tresPerJob, tresPerNode, tresPerSocket, tresPerTask, ntasksPerTres, cpuFreqMin, cpuFreqMax, cpuFreqGov, power, burstBuffer, burstBufferState, resvPorts, switches, waitForSwitch, segment);
            Placement placement = new Placement(allocNode, allocSid, reqNodeList, excNodeList, nodeList, schedNodeList, batchHost);
            Io io = new Io(command, submitLine, workDir, stdErr, stdIn, stdOut, prolog, epilog);
            return new Job(identity, status, timing, resources, placement, io, nodeAllocations, extras);
        }
    }
}
