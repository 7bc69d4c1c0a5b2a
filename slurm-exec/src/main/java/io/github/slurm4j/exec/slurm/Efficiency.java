package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.seff.SeffReport;
import java.util.List;

/** A {@link SeffReport} computed from sacct where seff is not installed. Package-private. */
final class Efficiency {
    private Efficiency() {
    }

    static SeffReport fromAccounting(SlurmClient client, JobId id) {
        throw new UnsupportedOperationException("seff is not installed on " + client.shell().target()
                + " and computing its report from sacct is not available yet (SeffCalculator)");
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
