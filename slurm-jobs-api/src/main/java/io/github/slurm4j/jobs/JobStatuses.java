package io.github.slurm4j.jobs;

import io.github.slurm4j.model.job.JobState;
import java.util.Map;
import java.util.Set;

/**
 * The one mapping from Slurm's job states (long names and squeue's short codes, which
 * {@link JobState#parse} reads into the same {@link JobState.Name}) to {@link JobPhase} and
 * {@link CloudStatus}.
 *
 * <table>
 *   <caption>Slurm state → phase / cloud status</caption>
 *   <tr><th>Slurm state (code)</th><th>phase</th><th>cloud</th></tr>
 *   <tr><td>PENDING (PD)</td><td>QUEUED; PAUSED when held (reason JobHeldUser, JobHeldAdmin)</td><td>Queuing</td></tr>
 *   <tr><td>REQUEUED (RQ), REQUEUE_FED (RF), UPDATE_DB</td><td>QUEUED</td><td>Queuing</td></tr>
 *   <tr><td>REQUEUE_HOLD (RH), RESV_DEL_HOLD (RD)</td><td>PAUSED</td><td>Queuing</td></tr>
 *   <tr><td>CONFIGURING (CF), POWER_UP_NODE</td><td>SCHEDULING</td><td>Dequeued</td></tr>
 *   <tr><td>RUNNING (R), RESIZING (RS), SIGNALING (SI)</td><td>RUNNING</td><td>Running</td></tr>
 *   <tr><td>COMPLETING (CG), STAGE_OUT (SO)</td><td>RUNNING</td><td>Stopping</td></tr>
 *   <tr><td>SUSPENDED (S), STOPPED (ST)</td><td>PAUSED</td><td>Stopped</td></tr>
 *   <tr><td>COMPLETED (CD)</td><td>FINISHED</td><td>Succeeded</td></tr>
 *   <tr><td>CANCELLED (CA), REVOKED (RV)</td><td>FINISHED</td><td>Stopped</td></tr>
 *   <tr><td>FAILED (F), TIMEOUT (TO), OUT_OF_MEMORY (OOM), DEADLINE (DL), SPECIAL_EXIT (SE)</td><td>FAILED</td><td>Failed</td></tr>
 *   <tr><td>NODE_FAIL (NF), BOOT_FAIL (BF), PREEMPTED (PR), LAUNCH_FAILED, RECONFIG_FAIL</td><td>ERROR</td><td>Failed</td></tr>
 *   <tr><td>a state this version does not know</td><td>ERROR</td><td>Failed</td></tr>
 * </table>
 *
 * <p>The reason code is Slurm's reason when it gave one, else the state name for every end other
 * than COMPLETED; the message says it in plain words ({@link PendingReasons}).
 */
public final class JobStatuses {
    /** Reasons that mean "held": the job waits for a release, not for the scheduler. */
    public static final Set<String> HOLD_REASONS = Set.of("JobHeldUser", "JobHeldAdmin");


    private JobStatuses() {
    }

    /**
     * The phase of a base state, before the reason is looked at (the table above).
     *
     * @param state the base state
     * @return the phase; ERROR for {@link JobState.Name#UNKNOWN}
     */
    public static JobPhase phaseOf(JobState.Name state) {
        return switch (state) {
            case PENDING, REQUEUED, REQUEUE_FED, UPDATE_DB -> JobPhase.QUEUED;
            case REQUEUE_HOLD, RESV_DEL_HOLD, SUSPENDED, STOPPED -> JobPhase.PAUSED;
            case CONFIGURING, POWER_UP_NODE -> JobPhase.SCHEDULING;
            case RUNNING, RESIZING, SIGNALING, COMPLETING, STAGE_OUT -> JobPhase.RUNNING;
            case COMPLETED, CANCELLED, REVOKED -> JobPhase.FINISHED;
            case FAILED, TIMEOUT, OUT_OF_MEMORY, DEADLINE, SPECIAL_EXIT -> JobPhase.FAILED;
            case NODE_FAIL, BOOT_FAIL, PREEMPTED, LAUNCH_FAILED, RECONFIG_FAIL, UNKNOWN -> JobPhase.ERROR;
        };
    }

    /**
     * The cloud status of a base state (the table above).
     *
     * @param state the base state
     * @return the cloud status; Failed for {@link JobState.Name#UNKNOWN}
     */
    public static CloudStatus cloudOf(JobState.Name state) {
        return switch (state) {
            case PENDING, REQUEUED, REQUEUE_FED, UPDATE_DB, REQUEUE_HOLD, RESV_DEL_HOLD -> CloudStatus.Queuing;
            case CONFIGURING, POWER_UP_NODE -> CloudStatus.Dequeued;
            case RUNNING, RESIZING, SIGNALING -> CloudStatus.Running;
            case COMPLETING, STAGE_OUT -> CloudStatus.Stopping;
            case SUSPENDED, STOPPED, CANCELLED, REVOKED -> CloudStatus.Stopped;
            case COMPLETED -> CloudStatus.Succeeded;
            case FAILED, TIMEOUT, OUT_OF_MEMORY, DEADLINE, SPECIAL_EXIT, NODE_FAIL, BOOT_FAIL, PREEMPTED, LAUNCH_FAILED,
                    RECONFIG_FAIL, UNKNOWN -> CloudStatus.Failed;
        };
    }

    /**
     * The status of a job in {@code state} with Slurm's {@code reason} ({@code null} for none):
     * the table above, and PENDING with a hold reason is PAUSED.
     *
     * @param state the state as Slurm printed it; its flags are not looked at
     * @param reason Slurm's reason, verbatim (squeue's parentheses allowed), or {@code null}
     * @return the status; its reason code is the state's name (the raw text for an unknown state)
     *     for an end other than COMPLETED and for a pause without a reason
     */
    public static JobStatus of(JobState state, String reason) {
        JobState.Name name = state.state();
        JobPhase phase = phaseOf(name);
        if (name == JobState.Name.PENDING && reason != null && HOLD_REASONS.contains(PendingReasons.code(reason))) {
            phase = JobPhase.PAUSED;
        }
        String code = reason == null ? null : PendingReasons.code(reason);
        if (code == null && name != JobState.Name.COMPLETED && (phase.isFinal() || phase == JobPhase.PAUSED)) {
            code = name == JobState.Name.UNKNOWN ? state.raw() : name.name();
        }
        return new JobStatus(phase, cloudOf(name), code, code == null ? null : PendingReasons.describe(code), state);
    }
}
