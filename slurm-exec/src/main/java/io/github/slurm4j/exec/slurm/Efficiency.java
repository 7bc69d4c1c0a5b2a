package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
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
     *     seff says {@code Job not found.}), or sacct's own error
     * @throws SlurmParseException when the records lack what the report needs
     */
    static SeffReport fromAccounting(SlurmClient client, JobId id) {
        List<AccountingRecord> rows = client.accountingFields(id, SeffCalculator.SACCT_FIELDS);
        AccountingJob job = pick(id, rows);
        if (job == null || job.job() == null) {
            throw new SlurmCommandException(new SlurmError(SlurmErrorType.JOB_NOT_FOUND,
                    "sacct has no record of job " + id), "sacct --jobs=" + id + " (on " + client.shell().target() + ")", 0);
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
            if (id.equals(printed) || (id.arrayTask() == null && id.hetOffset() == null && raw != null && raw.id() == id.id())) {
                found = j;
            }
        }
        return found;
    }
}
