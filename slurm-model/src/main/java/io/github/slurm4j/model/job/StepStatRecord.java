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

    public StepStatRecord {
        Objects.requireNonNull(values, "values");
    }

    public JobId jobId() {
        return values.get(AccountingField.JOB_ID);
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

    public Duration aveCpu() {
        return values.get(AccountingField.AVE_CPU);
    }

    public Duration minCpu() {
        return values.get(AccountingField.MIN_CPU);
    }

    public Long ntasks() {
        return values.get(AccountingField.NTASKS);
    }

    public Tres tresUsageInMax() {
        return values.get(AccountingField.TRES_USAGE_IN_MAX);
    }

    public Tres tresUsageInTot() {
        return values.get(AccountingField.TRES_USAGE_IN_TOT);
    }

    public Tres tresUsageOutMax() {
        return values.get(AccountingField.TRES_USAGE_OUT_MAX);
    }

    /** The typed value of any field, or {@code null}. */
    public <T> T get(AccountingField field) {
        return values.get(field);
    }

    /** The raw printed string of a field, or {@code null} when it was not printed. */
    public String raw(String field) {
        return values.raw(field);
    }
}
