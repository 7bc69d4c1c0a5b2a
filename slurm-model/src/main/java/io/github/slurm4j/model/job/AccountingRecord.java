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

    public AccountingRecord {
        Objects.requireNonNull(values, "values");
    }

    /** {@code JobID}: for arrays the array job id and task ({@code 17_1}), for het jobs {@code 21+1}. */
    public JobId jobId() {
        return values.get(AccountingField.JOB_ID);
    }

    /** {@code JobIDRaw}: the job's own id ({@code 19} for {@code 17_1}; {@code 22} for {@code 21+1}). */
    public JobId jobIdRaw() {
        return values.get(AccountingField.JOB_ID_RAW);
    }

    /** Whether this row is a step ({@code 14.batch}, {@code 14.0}); {@code null} without JobID. */
    public Boolean isStep() {
        JobId id = jobId();
        return id == null ? null : id.isStep();
    }

    public String jobName() {
        return values.get(AccountingField.JOB_NAME);
    }

    public String user() {
        return values.get(AccountingField.USER);
    }

    public String group() {
        return values.get(AccountingField.GROUP);
    }

    public String account() {
        return values.get(AccountingField.ACCOUNT);
    }

    public String partition() {
        return values.get(AccountingField.PARTITION);
    }

    public String qos() {
        return values.get(AccountingField.QOS);
    }

    /** {@code State}, with {@link JobState#cancelledBy()} for {@code CANCELLED by 0}. */
    public JobState state() {
        return values.get(AccountingField.STATE);
    }

    public ExitCode exitCode() {
        return values.get(AccountingField.EXIT_CODE);
    }

    public ExitCode derivedExitCode() {
        return values.get(AccountingField.DERIVED_EXIT_CODE);
    }

    /** {@code Reason}: why the job waited, verbatim; {@code null} for {@code None} ({@link Job.Status#reasonOf}). */
    public String reason() {
        return Job.Status.reasonOf(values.get(AccountingField.REASON));
    }

    public Duration elapsed() {
        return values.get(AccountingField.ELAPSED);
    }

    /** {@code TotalCPU} (printed {@code MM:SS.mmm} below an hour; milliseconds kept). */
    public Duration totalCpu() {
        return values.get(AccountingField.TOTAL_CPU);
    }

    public Duration userCpu() {
        return values.get(AccountingField.USER_CPU);
    }

    public Duration systemCpu() {
        return values.get(AccountingField.SYSTEM_CPU);
    }

    public Duration cpuTime() {
        return values.get(AccountingField.CPU_TIME);
    }

    public SlurmTime submit() {
        return values.get(AccountingField.SUBMIT);
    }

    public SlurmTime eligible() {
        return values.get(AccountingField.ELIGIBLE);
    }

    public SlurmTime start() {
        return values.get(AccountingField.START);
    }

    public SlurmTime end() {
        return values.get(AccountingField.END);
    }

    public TimeLimit timelimit() {
        return values.get(AccountingField.TIMELIMIT);
    }

    public Long allocCpus() {
        return values.get(AccountingField.ALLOC_CPUS);
    }

    public Long ncpus() {
        return values.get(AccountingField.NCPUS);
    }

    public Long nnodes() {
        return values.get(AccountingField.NNODES);
    }

    public Long ntasks() {
        return values.get(AccountingField.NTASKS);
    }

    /** {@code NodeList} expanded; empty for {@code None assigned}. */
    public List<String> nodeList() {
        return values.get(AccountingField.NODE_LIST);
    }

    public MemoryRequest reqMem() {
        return values.get(AccountingField.REQ_MEM);
    }

    /** {@code MaxRSS} in bytes. */
    public Long maxRss() {
        return values.get(AccountingField.MAX_RSS);
    }

    /** {@code AveRSS} in bytes. */
    public Long aveRss() {
        return values.get(AccountingField.AVE_RSS);
    }

    /** {@code MaxVMSize} in bytes. */
    public Long maxVmSize() {
        return values.get(AccountingField.MAX_VM_SIZE);
    }

    public Tres reqTres() {
        return values.get(AccountingField.REQ_TRES);
    }

    public Tres allocTres() {
        return values.get(AccountingField.ALLOC_TRES);
    }

    public Tres tresUsageInMax() {
        return values.get(AccountingField.TRES_USAGE_IN_MAX);
    }

    public Tres tresUsageInTot() {
        return values.get(AccountingField.TRES_USAGE_IN_TOT);
    }

    public String workDir() {
        return values.get(AccountingField.WORK_DIR);
    }

    public String comment() {
        return values.get(AccountingField.COMMENT);
    }

    public String adminComment() {
        return values.get(AccountingField.ADMIN_COMMENT);
    }

    public String systemComment() {
        return values.get(AccountingField.SYSTEM_COMMENT);
    }

    public String constraints() {
        return values.get(AccountingField.CONSTRAINTS);
    }

    /** {@code Flags} split at commas ({@code SchedMain}, {@code StartRecieved} as Slurm spells it). */
    public List<String> flags() {
        return values.get(AccountingField.FLAGS);
    }

    public Long priority() {
        return values.get(AccountingField.PRIORITY);
    }

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

    /** The typed value of any field (see {@link AccountingField#parseValue}), or {@code null}. */
    public <T> T get(AccountingField field) {
        return values.get(field);
    }

    /** The raw printed string of a field, or {@code null} when it was not printed. */
    public String raw(String field) {
        return values.raw(field);
    }

    /** Whether a fixed-width value was cut ({@code will-time+}); its typed value is then {@code null}. */
    public boolean isTruncated(String field) {
        return values.isTruncated(field);
    }
}
