package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmException;
import java.time.Duration;

/** {@link SlurmClient#awaitState} waited its whole timeout; the job's last status is kept. */
public final class JobWaitTimeoutException extends SlurmException {
    private static final long serialVersionUID = 1L;

    private final transient JobId jobId;
    private final transient JobStatus lastStatus;

    JobWaitTimeoutException(JobId jobId, String what, Duration waited, JobStatus lastStatus) {
        super("job " + jobId + " did not reach " + what + " within " + waited.toSeconds() + " s; last seen: "
                + (lastStatus == null ? "not in the queue nor in accounting" : lastStatus.state().raw()));
        this.jobId = jobId;
        this.lastStatus = lastStatus;
    }

    /** {@return the job that was waited for; {@code null} after deserialisation (not serialised)} */
    public JobId jobId() {
        return jobId;
    }

    /** {@return the last status seen, or {@code null} when neither the queue nor accounting knew the job (or after deserialisation)} */
    public JobStatus lastStatus() {
        return lastStatus;
    }
}
