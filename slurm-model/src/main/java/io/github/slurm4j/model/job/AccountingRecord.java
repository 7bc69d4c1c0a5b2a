package io.github.slurm4j.model.job;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One sacct row: a job, an array element, a het-job component, or a step ({@code .batch},
 * {@code .extern}, {@code .0}).
 *
 * <p>Only the fields sacct was asked for are present: every accessor returns {@code null} when the
 * field was not printed, was empty (step rows have no User), or was cut by a fixed width (see
 * {@link #isTruncated}). Sentinels become typed values: {@code Unknown} → {@link SlurmTime#UNKNOWN},
 * {@code UNLIMITED} → {@link TimeLimit#UNLIMITED}, {@code None assigned} → an empty node list.
 *
 * @param values the printed fields, raw and typed
 */
public record AccountingRecord(AccountingValues values) {

    /**
     * Wraps the printed fields of one row.
     *
     * @param values the printed fields, raw and typed
     * @throws NullPointerException if {@code values} is {@code null}
     */
    public AccountingRecord {
        Objects.requireNonNull(values, "values");
    }

    /** {@return {@code JobID}: for arrays the array job id and task ({@code 17_1}), for het jobs {@code 21+1}} */
    public JobId jobId() {
        return values.get(AccountingField.JOB_ID);
    }

    /** {@return {@code JobIDRaw}: the job's own id ({@code 19} for {@code 17_1}; {@code 22} for {@code 21+1})} */
    public JobId jobIdRaw() {
        return values.get(AccountingField.JOB_ID_RAW);
    }

    /** {@return whether this row is a step ({@code 14.batch}, {@code 14.0}); {@code null} without JobID} */
    public Boolean isStep() {
        JobId id = jobId();
        return id == null ? null : id.isStep();
    }

    /** {@return {@code JobName}: the job or step name, verbatim ({@code batch}, {@code extern} on those steps)} */
    public String jobName() {
        return values.get(AccountingField.JOB_NAME);
    }

    /** {@return {@code User}: the user name; {@code null} on step rows} */
    public String user() {
        return values.get(AccountingField.USER);
    }

    /** {@return {@code Group}: the user's group name; {@code null} on step rows} */
    public String group() {
        return values.get(AccountingField.GROUP);
    }

    /** {@return {@code Account}: the account the job ran under} */
    public String account() {
        return values.get(AccountingField.ACCOUNT);
    }

    /** {@return {@code Partition}: the partition; a comma list for a pending multi-partition job} */
    public String partition() {
        return values.get(AccountingField.PARTITION);
    }

    /** {@return {@code QOS}: the QOS name} */
    public String qos() {
        return values.get(AccountingField.QOS);
    }

    /** {@return {@code State}, with {@link JobState#cancelledBy()} for {@code CANCELLED by 0}} */
    public JobState state() {
        return values.get(AccountingField.STATE);
    }

    /** {@return {@code ExitCode}: the batch script's (or a step's) exit status and signal} */
    public ExitCode exitCode() {
        return values.get(AccountingField.EXIT_CODE);
    }

    /** {@return {@code DerivedExitCode}: the highest exit code of the job's steps} */
    public ExitCode derivedExitCode() {
        return values.get(AccountingField.DERIVED_EXIT_CODE);
    }

    /** {@return {@code Reason}: why the job waited, verbatim; {@code null} for {@code None} ({@link Job.Status#reasonOf})} */
    public String reason() {
        return Job.Status.reasonOf(values.get(AccountingField.REASON));
    }

    /** {@return {@code Elapsed}: the wall-clock run time, so far while running} */
    public Duration elapsed() {
        return values.get(AccountingField.ELAPSED);
    }

    /** {@return {@code TotalCPU}: user plus system CPU time (printed {@code MM:SS.mmm} below an hour; milliseconds kept)} */
    public Duration totalCpu() {
        return values.get(AccountingField.TOTAL_CPU);
    }

    /** {@return {@code UserCPU}: user CPU time, with milliseconds} */
    public Duration userCpu() {
        return values.get(AccountingField.USER_CPU);
    }

    /** {@return {@code SystemCPU}: system CPU time, with milliseconds} */
    public Duration systemCpu() {
        return values.get(AccountingField.SYSTEM_CPU);
    }

    /** {@return {@code CPUTime}: the allocated CPU time, elapsed time times allocated CPUs} */
    public Duration cpuTime() {
        return values.get(AccountingField.CPU_TIME);
    }

    /** {@return {@code Submit}: when the job or step was submitted, in the cluster's local time} */
    public SlurmTime submit() {
        return values.get(AccountingField.SUBMIT);
    }

    /** {@return {@code Eligible}: when the job became eligible; {@link SlurmTime#UNKNOWN} while it is not} */
    public SlurmTime eligible() {
        return values.get(AccountingField.ELIGIBLE);
    }

    /** {@return {@code Start}: when it started; {@link SlurmTime#UNKNOWN} or {@link SlurmTime#NONE} before that} */
    public SlurmTime start() {
        return values.get(AccountingField.START);
    }

    /** {@return {@code End}: when it ended; {@link SlurmTime#UNKNOWN} while it runs} */
    public SlurmTime end() {
        return values.get(AccountingField.END);
    }

    /** {@return {@code Timelimit}: the time limit, {@link TimeLimit#UNLIMITED} or {@link TimeLimit#PARTITION_LIMIT} for those sentinels} */
    public TimeLimit timelimit() {
        return values.get(AccountingField.TIMELIMIT);
    }

    /** {@return {@code AllocCPUS}: allocated CPUs; 0 while pending} */
    public Long allocCpus() {
        return values.get(AccountingField.ALLOC_CPUS);
    }

    /** {@return {@code NCPUS}: allocated CPUs, as {@code AllocCPUS}} */
    public Long ncpus() {
        return values.get(AccountingField.NCPUS);
    }

    /** {@return {@code NNodes}: nodes allocated once started, else requested} */
    public Long nnodes() {
        return values.get(AccountingField.NNODES);
    }

    /** {@return {@code NTasks}: the step's task count; {@code null} on job rows} */
    public Long ntasks() {
        return values.get(AccountingField.NTASKS);
    }

    /** {@return {@code NodeList} expanded to host names; empty for {@code None assigned}} */
    public List<String> nodeList() {
        return values.get(AccountingField.NODE_LIST);
    }

    /** {@return {@code ReqMem}: the memory request, per node or per CPU, in bytes} */
    public MemoryRequest reqMem() {
        return values.get(AccountingField.REQ_MEM);
    }

    /** {@return {@code MaxRSS}: the largest resident set size of one task of the step, in bytes} */
    public Long maxRss() {
        return values.get(AccountingField.MAX_RSS);
    }

    /** {@return {@code AveRSS}: the average resident set size of the step's tasks, in bytes} */
    public Long aveRss() {
        return values.get(AccountingField.AVE_RSS);
    }

    /** {@return {@code MaxVMSize}: the largest virtual memory size of one task of the step, in bytes} */
    public Long maxVmSize() {
        return values.get(AccountingField.MAX_VM_SIZE);
    }

    /** {@return {@code ReqTRES}: the requested trackable resources} */
    public Tres reqTres() {
        return values.get(AccountingField.REQ_TRES);
    }

    /** {@return {@code AllocTRES}: the allocated trackable resources; empty while pending} */
    public Tres allocTres() {
        return values.get(AccountingField.ALLOC_TRES);
    }

    /** {@return {@code TRESUsageInMax}: per TRES the most one task of the step used (mem = the largest RSS)} */
    public Tres tresUsageInMax() {
        return values.get(AccountingField.TRES_USAGE_IN_MAX);
    }

    /** {@return {@code TRESUsageInTot}: per TRES the total all tasks of the step used} */
    public Tres tresUsageInTot() {
        return values.get(AccountingField.TRES_USAGE_IN_TOT);
    }

    /** {@return {@code WorkDir}: the working directory, verbatim} */
    public String workDir() {
        return values.get(AccountingField.WORK_DIR);
    }

    /** {@return {@code Comment}: the job's comment, stored only with {@code AccountingStoreFlags=job_comment}} */
    public String comment() {
        return values.get(AccountingField.COMMENT);
    }

    /** {@return {@code AdminComment}: the administrator's comment} */
    public String adminComment() {
        return values.get(AccountingField.ADMIN_COMMENT);
    }

    /** {@return {@code SystemComment}: the comment Slurm set} */
    public String systemComment() {
        return values.get(AccountingField.SYSTEM_COMMENT);
    }

    /** {@return {@code Constraints}: the requested feature expression} */
    public String constraints() {
        return values.get(AccountingField.CONSTRAINTS);
    }

    /** {@return {@code Flags} split at commas ({@code SchedMain}, {@code StartRecieved} as Slurm spells it)} */
    public List<String> flags() {
        return values.get(AccountingField.FLAGS);
    }

    /** {@return {@code Priority}: the job's priority} */
    public Long priority() {
        return values.get(AccountingField.PRIORITY);
    }

    /** {@return {@code Restarts}: how often the job was requeued} */
    public Long restarts() {
        return values.get(AccountingField.RESTARTS);
    }

    /**
     * Whether this row is slurmdbd's placeholder for a job whose start it has not stored yet, not
     * a record of the job: slurmdbd writes it when a step of the job starts first, with job name
     * {@code allocation}, group {@code root}, QOS {@code Unknown} (or none), state {@code PENDING},
     * no partition and no resources. Seen on the lab (Slurm 22.05) for over 30 s after a job started,
     * while sacct showed it instead of the job's real row. Needs {@code JobName} and {@code Group}
     * among the printed fields; {@code false} without them.
     *
     * @return {@code true} for the placeholder, which tells nothing about the job's state
     */
    public boolean isPlaceholder() {
        String qos = qos();
        return "allocation".equals(jobName()) && "root".equals(group())
                && (qos == null || qos.isEmpty() || "Unknown".equals(qos));
    }

    /**
     * The typed value of any field, as {@link AccountingValues#get} gives it.
     *
     * @param <T> the value's type, the one {@link AccountingField#parseValue} gives for the field's kind
     * @param field the field; not null
     * @return the value, or {@code null} when the row has none (not printed, empty, truncated)
     */
    public <T> T get(AccountingField field) {
        return values.get(field);
    }

    /**
     * The raw printed string of a field, known or not.
     *
     * @param field the field name as printed or requested, case-insensitive
     * @return the string as printed, or {@code null} when the field was not printed
     */
    public String raw(String field) {
        return values.raw(field);
    }

    /**
     * Whether a fixed-width value was cut ({@code will-time+}).
     *
     * @param field the field name, case-insensitive
     * @return true when it was cut; its typed value is then {@code null}
     */
    public boolean isTruncated(String field) {
        return values.isTruncated(field);
    }
}
