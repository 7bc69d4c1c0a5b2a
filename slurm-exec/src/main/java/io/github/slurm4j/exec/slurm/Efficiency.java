package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.seff.SeffCalculator;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.parse.SlurmParseException;
import java.util.List;

/** A {@link SeffReport} computed from sacct where seff is not installed. Package-private. */
final class Efficiency {
    private Efficiency() {
    }

    /**
     * One {@code sacct} call with {@link SeffCalculator#SACCT_FIELDS} (job row and steps), then
     * {@link SeffCalculator#compute}.
     *
     * @throws SlurmCommandException {@code job_not_found} when sacct has no record of the job (as
     *     seff says {@code Job not found.}); {@code accounting_unavailable} while sacct shows the
     *     placeholder row slurmdbd keeps for a job it has not fully stored yet ({@code ReqMem=16?},
     *     seen on 22.05 in the seconds after a job starts or ends); or sacct's own error
     * @throws SlurmParseException when the records lack what the report needs
     */
    static SeffReport fromAccounting(SlurmClient client, JobId id) {
        List<AccountingRecord> rows = client.accountingFields(id, SeffCalculator.SACCT_FIELDS);
        AccountingJob job = pick(id, rows);
        if (job == null || job.job() == null) {
            throw new SlurmCommandException(new SlurmError(SlurmErrorType.JOB_NOT_FOUND,
                    "sacct has no record of job " + id), "sacct --jobs=" + id + " (on " + client.shell().target() + ")", 0);
        }
        AccountingRecord row = job.job();
        String reqMem = row.raw("ReqMem");
        boolean pendingWithSteps = row.state() != null && row.state().is(JobState.Name.PENDING)
                && job.steps().stream().anyMatch(st -> st.state() != null && !st.state().is(JobState.Name.PENDING));
        if (pendingWithSteps || (reqMem != null && reqMem.strip().endsWith("?"))) {
            throw new SlurmCommandException(new SlurmError(SlurmErrorType.ACCOUNTING_UNAVAILABLE,
                    "slurmdbd has not stored the record of job " + id + " yet: sacct shows its placeholder row (JobName="
                    + row.jobName() + ", State=" + (row.state() == null ? "" : row.state().raw()) + ", ReqMem=" + reqMem
                    + "), which Slurm 22.05 keeps for a few seconds after a job starts or ends; ask again shortly"),
                    "sacct --jobs=" + id + " (on " + client.shell().target() + ")", 0);
        }
        try {
            return SeffCalculator.compute(job);
        } catch (IllegalArgumentException e) {
            throw new SlurmParseException("sacct", 0, null, "", "cannot compute the efficiency of job " + id + ": "
                    + e.getMessage(), e);
        }
    }

    /** The group of {@code id} among sacct's rows: the last incarnation of that job. */
    static AccountingJob pick(JobId id, List<AccountingRecord> rows) {
        AccountingJob found = null;
        for (AccountingJob j : AccountingJob.group(rows)) {
            JobId printed = j.jobId();
            AccountingRecord row = j.job();
            JobId raw = row == null ? null : row.jobIdRaw();
            if (id.matchesRow(printed, raw == null ? null : raw.id())) {
                found = j;
            }
        }
        return found;
    }
}
