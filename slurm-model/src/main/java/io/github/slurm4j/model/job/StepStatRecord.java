package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.Tres;
import java.time.Duration;
import java.util.Objects;

/**
 * One sstat row: live usage of a running step ({@code 14.batch}, {@code 14.1}). Accessors return
 * {@code null} when the field was not printed or was empty.
 *
 * @param values the printed fields, raw and typed
 */
public record StepStatRecord(AccountingValues values) {

    /**
     * Wraps the printed fields of one row.
     *
     * @param values the printed fields, raw and typed
     * @throws NullPointerException if {@code values} is {@code null}
     */
    public StepStatRecord {
        Objects.requireNonNull(values, "values");
    }

    /** {@return {@code JobID}: the step, {@code 14.batch}, {@code 14.1}, {@code 17_1.0}} */
    public JobId jobId() {
        return values.get(AccountingField.JOB_ID);
    }

    /** {@return {@code MaxRSS}: the largest resident set size of one of the step's tasks so far, in bytes} */
    public Long maxRss() {
        return values.get(AccountingField.MAX_RSS);
    }

    /** {@return {@code AveRSS}: the average resident set size of the step's tasks, in bytes} */
    public Long aveRss() {
        return values.get(AccountingField.AVE_RSS);
    }

    /** {@return {@code MaxVMSize}: the largest virtual memory size of one of the step's tasks so far, in bytes} */
    public Long maxVmSize() {
        return values.get(AccountingField.MAX_VM_SIZE);
    }

    /** {@return {@code AveCPU}: the average CPU time (user + system) of the step's tasks} */
    public Duration aveCpu() {
        return values.get(AccountingField.AVE_CPU);
    }

    /** {@return {@code MinCPU}: the least CPU time (user + system) of one of the step's tasks} */
    public Duration minCpu() {
        return values.get(AccountingField.MIN_CPU);
    }

    /** {@return {@code NTasks}: the step's task count} */
    public Long ntasks() {
        return values.get(AccountingField.NTASKS);
    }

    /** {@return {@code TRESUsageInMax}: per TRES the most one task consumed ({@code mem} is the largest RSS)} */
    public Tres tresUsageInMax() {
        return values.get(AccountingField.TRES_USAGE_IN_MAX);
    }

    /** {@return {@code TRESUsageInTot}: per TRES the total all tasks consumed} */
    public Tres tresUsageInTot() {
        return values.get(AccountingField.TRES_USAGE_IN_TOT);
    }

    /** {@return {@code TRESUsageOutMax}: per TRES the most one task produced ({@code fs/disk} written)} */
    public Tres tresUsageOutMax() {
        return values.get(AccountingField.TRES_USAGE_OUT_MAX);
    }

    /**
     * The typed value of any field, as {@link AccountingValues#get} gives it.
     *
     * @param <T> the value's type, the one {@link AccountingField#parseValue} gives for the field's kind
     * @param field the field; not null
     * @return the value, or {@code null} when the row has none
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
}
