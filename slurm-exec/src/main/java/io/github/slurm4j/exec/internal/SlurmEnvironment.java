package io.github.slurm4j.exec.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment every slurm4j shell gives a command, in one place so {@code LocalShell} and
 * {@code RemoteShell} agree: a fixed locale and time format, and none of the variables with which
 * a user's profile changes what Slurm prints or what a command acts on. Request variables
 * ({@code ExecRequest#environment()}) are applied after these and win. Not for users.
 */
public final class SlurmEnvironment {
    /**
     * Set for every command: UTF-8 output and Slurm's ISO-like time format
     * ({@code 2024-03-01T12:00:00}), which the parsers expect.
     */
    public static final Map<String, String> SET;

    static {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("LANG", "C.UTF-8");
        set.put("SLURM_TIME_FORMAT", "standard");
        SET = Collections.unmodifiableMap(set);
    }

    /**
     * Removed for every command: the variables (from the ENVIRONMENT sections of the Slurm 22.05
     * man pages of squeue, sinfo, sacct, scontrol, scancel) that change the output format, sort
     * order, selection (users, states, partitions, clusters) or exit codes of a command, and
     * {@code LC_ALL}, which would override {@code LANG}. {@code SLURM_CONF} is kept: it says which
     * cluster the commands talk to.
     */
    public static final List<String> UNSET = List.of(
            "LC_ALL",
            // squeue
            "SQUEUE_ACCOUNT", "SQUEUE_ALL", "SQUEUE_ARRAY", "SQUEUE_FEDERATION", "SQUEUE_FORMAT", "SQUEUE_FORMAT2",
            "SQUEUE_LICENSES", "SQUEUE_LOCAL", "SQUEUE_NAMES", "SQUEUE_PARTITION", "SQUEUE_PRIORITY", "SQUEUE_QOS",
            "SQUEUE_SIBLING", "SQUEUE_SORT", "SQUEUE_STATES", "SQUEUE_USERS",
            // sinfo
            "SINFO_ALL", "SINFO_FEDERATION", "SINFO_FORMAT", "SINFO_LOCAL", "SINFO_PARTITION", "SINFO_SORT",
            // sacct
            "SACCT_FEDERATION", "SACCT_FORMAT", "SACCT_LOCAL",
            // scontrol
            "SCONTROL_ALL", "SCONTROL_FEDERATION", "SCONTROL_FUTURE", "SCONTROL_LOCAL", "SCONTROL_SIBLING",
            // scancel (these change which jobs a cancel acts on, or make it interactive)
            "SCANCEL_ACCOUNT", "SCANCEL_BATCH", "SCANCEL_CTLD", "SCANCEL_FULL", "SCANCEL_HURRY", "SCANCEL_INTERACTIVE",
            "SCANCEL_NAME", "SCANCEL_PARTITION", "SCANCEL_QOS", "SCANCEL_STATE", "SCANCEL_USER", "SCANCEL_VERBOSE",
            "SCANCEL_WCKEY",
            // all commands
            "SLURM_BITSTR_LEN", "SLURM_CLUSTERS", "SLURM_EXIT_ERROR", "SLURM_EXIT_IMMEDIATE");

    private SlurmEnvironment() {
    }
}
