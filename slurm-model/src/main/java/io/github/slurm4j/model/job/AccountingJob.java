package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import java.util.ArrayList;
import java.util.List;

/**
 * A job row of sacct with the step rows that follow it ({@code .batch}, {@code .extern}, {@code .0}).
 *
 * <p>{@link #group} keeps sacct's order and tolerates what sacct prints: {@code -D} prints a
 * requeued job several times with the same JobID (each incarnation is its own group, with the
 * steps printed after it); array elements ({@code 10_1}) and het-job components ({@code 21+0}) are
 * jobs of their own; steps whose job row was not printed form a group whose {@link #job()} is
 * {@code null}.
 *
 * @param job the job row, or {@code null} for steps printed without their job
 * @param steps the step rows, in printed order
 */
public record AccountingJob(AccountingRecord job, List<AccountingRecord> steps) {

    /**
     * Copies the steps; {@link #group} builds these from sacct's rows.
     *
     * @param job the job row, or {@code null} for steps printed without their job
     * @param steps the step rows, in printed order; copied; not null
     * @throws NullPointerException if {@code steps} or one of them is {@code null}
     */
    public AccountingJob {
        steps = List.copyOf(steps);
    }

    /**
     * The job's id without a step part: the job row's {@code JobID}, or, for steps printed without
     * their job, the first step's job ({@code 14} for {@code 14.batch}).
     *
     * @return the id, or {@code null} when no row of the group has a {@code JobID}
     */
    public JobId jobId() {
        if (job != null && job.jobId() != null) {
            return job.jobId().job();
        }
        return steps.isEmpty() || steps.get(0).jobId() == null ? null : steps.get(0).jobId().job();
    }

    /**
     * The step with this name. A pending or cancelled-before-start job has no steps, and a step is
     * only there when sacct printed it, so callers must expect {@code null}.
     *
     * @param name the step part of the id ({@code batch}, {@code extern}, {@code 0}); not null
     * @return the first step row with that name, or {@code null} when there is none
     */
    public AccountingRecord step(String name) {
        for (AccountingRecord s : steps) {
            if (s.jobId() != null && name.equals(s.jobId().step())) {
                return s;
            }
        }
        return null;
    }

    /**
     * Groups rows in printed order: a row that is not a step starts a group; a step joins the most
     * recent group of its job. A row without JobID is a group of its own.
     *
     * @param rows sacct's rows in printed order
     * @return the groups in printed order of their first row; unmodifiable
     */
    public static List<AccountingJob> group(List<AccountingRecord> rows) {
        List<JobId> keys = new ArrayList<>();
        List<AccountingRecord> jobs = new ArrayList<>();
        List<List<AccountingRecord>> steps = new ArrayList<>();
        for (AccountingRecord r : rows) {
            JobId id = r.jobId();
            if (id == null || !id.isStep()) {
                keys.add(id);
                jobs.add(r);
                steps.add(new ArrayList<>());
                continue;
            }
            JobId key = id.job();
            int at = -1;
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (key.equals(keys.get(i))) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                keys.add(key);
                jobs.add(null);
                steps.add(new ArrayList<>());
                at = keys.size() - 1;
            }
            steps.get(at).add(r);
        }
        List<AccountingJob> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(new AccountingJob(jobs.get(i), steps.get(i)));
        }
        return List.copyOf(out);
    }
}
