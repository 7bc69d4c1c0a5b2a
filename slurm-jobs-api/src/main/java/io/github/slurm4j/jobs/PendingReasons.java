package io.github.slurm4j.jobs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm's job reasons (the reason codes of {@code squeue}'s man page, and the limit reasons of the
 * resource-limits page) in plain words, for people who do not read Slurm. The words are ours:
 * what the reason means for the job, not Slurm's documentation text.
 *
 * <p>Limit reasons are composed from their parts: {@code QOSMaxWallDurationPerJobLimit} reads
 * "the QOS's maximum wall time per job is reached", {@code AssocGrpCpuLimit} "the account's
 * group CPU limit is reached". The state names used as codes for ended jobs ({@code TIMEOUT},
 * {@code OUT_OF_MEMORY}, ...) are described too. An unknown code is returned as is.
 */
public final class PendingReasons {
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        // squeue(1), JOB REASON CODES
        w("AssociationJobLimit", "the account's job limit is reached");
        w("AssociationResourceLimit", "the account's resource limit is reached");
        w("AssociationTimeLimit", "the account's time limit is reached");
        w("BadConstraints", "the requested node features cannot be satisfied");
        w("BeginTime", "waiting for its start time");
        w("Cleaning", "being requeued; waiting for its previous run to be cleaned up");
        w("Dependency", "waiting for the jobs it depends on");
        w("DependencyNeverSatisfied", "the jobs it depends on ended in a way that never satisfies the dependency");
        w("FrontEndDown", "no front-end node is available");
        w("InactiveLimit", "ended because its interactive session was idle too long");
        w("InvalidAccount", "the account is not valid");
        w("InvalidQOS", "the QOS is not valid");
        w("JobHeldAdmin", "held by an operator");
        w("JobHeldUser", "held by its user");
        w("JobLaunchFailure", "could not be launched");
        w("Licenses", "waiting for licenses");
        w("NodeDown", "a node it needs is down");
        w("NonZeroExitCode", "ended with a non-zero exit code");
        w("PowerDown", "a node it needs is powering down");
        w("PowerUp", "a node it needs is powering up");
        w("PartitionDown", "the partition is down");
        w("PartitionInactive", "the partition is inactive");
        w("PartitionNodeLimit", "asks for more nodes than the partition allows");
        w("PartitionTimeLimit", "asks for more time than the partition allows");
        w("Priority", "waiting for jobs of higher priority");
        w("Prolog", "running its prolog");
        w("QOSJobLimit", "the QOS's job limit is reached");
        w("QOSResourceLimit", "the QOS's resource limit is reached");
        w("QOSTimeLimit", "the QOS's time limit is reached");
        w("QOSUsageThreshold", "the QOS's usage threshold is reached");
        w("ReqNodeNotAvail", "a requested node is not available (down, drained or reserved)");
        w("Reservation", "waiting for its reservation to begin");
        w("Resources", "waiting for free nodes");
        w("SystemFailure", "Slurm, the file system or the network failed");
        w("TimeLimit", "ended at its time limit");
        w("WaitingForScheduling", "waiting for the scheduler to look at it");
        w("launch failed requeued held", "could not be launched; requeued and held");
        w("BurstBufferResources", "waiting for burst buffer space");
        w("BurstBufferStageIn", "staging its files in");
        w("NodeNotAvail", "a node it needs is not available");
        w("MaxRequeued", "requeued more often than allowed");
        w("OutOfMemory", "ran out of memory");
        // the state names JobStatuses uses as codes for ends other than success
        w("CANCELLED", "cancelled");
        w("FAILED", "ended with a non-zero exit code");
        w("TIMEOUT", "ended at its time limit");
        w("OUT_OF_MEMORY", "ran out of memory");
        w("DEADLINE", "ended at its deadline");
        w("SPECIAL_EXIT", "ended with the exit code that asks for a held requeue");
        w("NODE_FAIL", "a node it ran on failed");
        w("BOOT_FAIL", "a node it needed failed to boot");
        w("PREEMPTED", "preempted by a job of higher priority");
        w("LAUNCH_FAILED", "could not be launched");
        w("RECONFIG_FAIL", "node configuration failed");
        w("REVOKED", "revoked: it runs on another cluster of the federation");
        w("SUSPENDED", "suspended");
        w("STOPPED", "stopped (SIGSTOP), its resources kept");
        w("REQUEUE_HOLD", "requeued and held");
        w("RESV_DEL_HOLD", "held because its reservation was deleted");
    }

    /** {@code (QOS|Assoc)(Grp|Max|Min)<resource>[Per<scope>]Limit}. */
    private static final Pattern LIMIT = Pattern.compile(
            "(QOS|Assoc)(Grp|Max|Min)([A-Za-z]+?)(?:Per(Job|User|Account|Node))?(?:Limit)?");
    private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

    static {
        RESOURCES.put("WallDuration", "wall time");
        RESOURCES.put("Wall", "wall time");
        RESOURCES.put("CpuMins", "CPU minutes");
        RESOURCES.put("CpuRunMins", "running CPU minutes");
        RESOURCES.put("Cpu", "CPU");
        RESOURCES.put("MemMins", "memory minutes");
        RESOURCES.put("MemRunMins", "running memory minutes");
        RESOURCES.put("Mem", "memory");
        RESOURCES.put("Memory", "memory");
        RESOURCES.put("CpuMinutes", "CPU minutes");
        RESOURCES.put("NodeMinutes", "node minutes");
        RESOURCES.put("NodeMins", "node minutes");
        RESOURCES.put("NodeRunMins", "running node minutes");
        RESOURCES.put("Node", "node");
        RESOURCES.put("GRES", "GPU/GRES");
        RESOURCES.put("GRESMins", "GPU/GRES minutes");
        RESOURCES.put("GRESRunMins", "running GPU/GRES minutes");
        RESOURCES.put("Billing", "billing");
        RESOURCES.put("BillingMins", "billing minutes");
        RESOURCES.put("BillingRunMins", "running billing minutes");
        RESOURCES.put("Energy", "energy");
        RESOURCES.put("Jobs", "running jobs");
        RESOURCES.put("SubmitJob", "submitted jobs");
        RESOURCES.put("License", "license");
        RESOURCES.put("BB", "burst buffer");
        RESOURCES.put("Unk", "resource");
    }

    private PendingReasons() {
    }

    private static void w(String code, String words) {
        WORDS.put(code, words);
    }

    /**
     * The reason code of a printed reason: {@code ReqNodeNotAvail, UnavailableNodes:n1} gives
     * {@code ReqNodeNotAvail}; {@code (Resources)} gives {@code Resources}. {@code null} for
     * {@code null}, empty or {@code None}.
     *
     * @param printed the reason as squeue, scontrol or sacct printed it; may be null
     * @return the code, or {@code null} when there is no reason
     */
    public static String code(String printed) {
        if (printed == null) {
            return null;
        }
        String s = printed.strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int comma = s.indexOf(',');
        if (comma > 0 && !WORDS.containsKey(s)) {
            s = s.substring(0, comma).strip();
        }
        return s.isEmpty() || s.equals("None") ? null : s;
    }

    /**
     * The plain words for a reason code (or a printed reason); QOS and account limit reasons
     * ({@code QOSMaxCpuPerUserLimit}) are composed from their parts.
     *
     * @param reason a code or a printed reason; may be null
     * @return the words, the code itself when unknown, or {@code null} when there is no reason
     */
    public static String describe(String reason) {
        String c = code(reason);
        if (c == null) {
            return null;
        }
        String known = WORDS.get(c);
        if (known != null) {
            return known;
        }
        Matcher m = LIMIT.matcher(c);
        if (m.matches() && RESOURCES.containsKey(m.group(3))) {
            String who = m.group(1).equals("QOS") ? "the QOS's" : "the account's";
            String kind = switch (m.group(2)) {
                case "Grp" -> "group ";
                case "Max" -> "maximum ";
                default -> "minimum ";
            };
            String per = m.group(4) == null ? "" : " per " + m.group(4).toLowerCase(Locale.ROOT);
            String verb = m.group(2).equals("Min") ? "is not met" : "is reached";
            return who + " " + kind + RESOURCES.get(m.group(3)) + " limit" + per + " " + verb;
        }
        return c;
    }

    /** {@return every reason code with its own words (the limit reasons are composed on top of these); unmodifiable} */
    public static Map<String, String> known() {
        return java.util.Collections.unmodifiableMap(WORDS);
    }
}
