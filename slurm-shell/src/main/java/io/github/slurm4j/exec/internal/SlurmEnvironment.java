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
     * Prefixes of the variables removed for every command, for a shell that can match names
     * ({@code LocalShell} filters its environment map): {@code SQUEUE_*}, {@code SINFO_*},
     * {@code SACCT_*}, {@code SCONTROL_*} (default options: columns, order, filters, clusters),
     * {@code SCANCEL_*} (default filters of what is cancelled, or a confirmation prompt),
     * {@code SBATCH_*} (default submit options; the command layer passes what it means), and
     * {@code LC_*} ({@code LC_ALL} would override {@code LANG}).
     */
    public static final List<String> UNSET_PREFIXES = List.of("SQUEUE_", "SINFO_", "SACCT_", "SCONTROL_", "SCANCEL_",
            "SBATCH_", "LC_");

    /**
     * Removed for every command, by name (a remote shell's {@code env -u} needs names): every
     * variable of the {@link #UNSET_PREFIXES} families that the ENVIRONMENT sections of the Slurm
     * 22.05 man pages (squeue, sinfo, sacct, scontrol, scancel, sbatch) and POSIX locales name,
     * and {@code SLURM_CLUSTERS} (same as {@code -M}), {@code SLURM_BITSTR_LEN},
     * {@code SLURM_TOPO_LEN} (cut array-task and topology strings), {@code SLURM_DEBUG_FLAGS}
     * (extra output), {@code SLURM_JSON}, {@code SLURM_YAML} (layout of {@code --json}/{@code --yaml}),
     * {@code SLURM_EXIT_ERROR}, {@code SLURM_EXIT_IMMEDIATE} (change exit codes).
     * {@code SLURM_CONF} is kept: it says which cluster the commands talk to; {@code TZ} too.
     */
    public static final List<String> UNSET = List.of(
            // locale
            "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER",
            "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION",
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
            // scancel
            "SCANCEL_ACCOUNT", "SCANCEL_BATCH", "SCANCEL_CTLD", "SCANCEL_FULL", "SCANCEL_HURRY", "SCANCEL_INTERACTIVE",
            "SCANCEL_NAME", "SCANCEL_PARTITION", "SCANCEL_QOS", "SCANCEL_STATE", "SCANCEL_USER", "SCANCEL_VERBOSE",
            "SCANCEL_WCKEY",
            // sbatch input variables
            "SBATCH_ACCOUNT", "SBATCH_ACCTG_FREQ", "SBATCH_ARRAY_INX", "SBATCH_BATCH", "SBATCH_CLUSTERS",
            "SBATCH_CONSTRAINT", "SBATCH_CONTAINER", "SBATCH_CORE_SPEC", "SBATCH_CPUS_PER_GPU", "SBATCH_DEBUG",
            "SBATCH_DELAY_BOOT", "SBATCH_DISTRIBUTION", "SBATCH_EXCLUSIVE", "SBATCH_EXPORT", "SBATCH_GET_USER_ENV",
            "SBATCH_GPU_BIND", "SBATCH_GPU_FREQ", "SBATCH_GPUS", "SBATCH_GPUS_PER_NODE", "SBATCH_GPUS_PER_TASK",
            "SBATCH_GRES", "SBATCH_GRES_FLAGS", "SBATCH_HINT", "SBATCH_IGNORE_PBS", "SBATCH_JOB_NAME", "SBATCH_MEM_BIND",
            "SBATCH_MEM_PER_CPU", "SBATCH_MEM_PER_GPU", "SBATCH_MEM_PER_NODE", "SBATCH_NETWORK", "SBATCH_NO_KILL",
            "SBATCH_NO_REQUEUE", "SBATCH_OPEN_MODE", "SBATCH_OVERCOMMIT", "SBATCH_PARTITION", "SBATCH_POWER",
            "SBATCH_PROFILE", "SBATCH_QOS", "SBATCH_REQ_SWITCH", "SBATCH_REQUEUE", "SBATCH_RESERVATION", "SBATCH_SIGNAL",
            "SBATCH_SPREAD_JOB", "SBATCH_THREAD_SPEC", "SBATCH_THREADS_PER_CORE", "SBATCH_TIMELIMIT",
            "SBATCH_USE_MIN_NODES", "SBATCH_WAIT", "SBATCH_WAIT_ALL_NODES", "SBATCH_WAIT4SWITCH", "SBATCH_WCKEY",
            // all commands
            "SLURM_CLUSTERS", "SLURM_BITSTR_LEN", "SLURM_TOPO_LEN", "SLURM_DEBUG_FLAGS", "SLURM_JSON", "SLURM_YAML",
            "SLURM_EXIT_ERROR", "SLURM_EXIT_IMMEDIATE");

    private SlurmEnvironment() {
    }
}
