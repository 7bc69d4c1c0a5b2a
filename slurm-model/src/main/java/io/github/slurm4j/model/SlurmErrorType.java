package io.github.slurm4j.model;

import java.util.Locale;

/**
 * What kind of refusal a Slurm command reported. One classification for every command; the
 * message itself is always kept next to it ({@link SlurmError}).
 */
public enum SlurmErrorType {
    /** The job id (or step, or array element) does not exist, or is no longer known. */
    JOB_NOT_FOUND,
    /** The caller may not do this (another user's job, a privileged update). */
    ACCESS_DENIED,
    /** slurmctld could not be reached. A queue read in this state is not an empty queue. */
    CONTROLLER_UNAVAILABLE,
    /** slurmdbd (accounting) could not be reached; queue commands may still work. */
    ACCOUNTING_UNAVAILABLE,
    /** sbatch refused the job: limits, partition, account, QOS, resources, script. */
    SUBMIT_REJECTED,
    /** The command line itself was wrong: an unknown option, state, user, node, time format. */
    INVALID_ARGUMENT,
    /** Slurm said something went wrong and we do not (yet) know what it means. */
    UNKNOWN;

    /** {@return the snake_case name used in JSON documents and messages, e.g. {@code job_not_found}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
