package io.github.slurm4j.model.job;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * One line of squeue output ({@code squeue --json} is read straight into {@link Job}s). Every component is
 * {@code null} when the format did not print it.
 *
 * <p>Fixed-width tables cut values (squeue's default prints 8 bytes of a name):
 * {@link #truncated()} names the fields whose value may be such a cut prefix, so a UI never shows
 * {@code cpu-part} as the full name of job {@code cpu-partition-test}.
 *
 * @param jobId the job ({@code %i}: {@code 17_[3-6%2]}, {@code 21+1}, {@code 14.batch} for steps)
 * @param arrayJobId the array's job id ({@code %F}), or {@code null}
 * @param arrayTaskId the array task id or range ({@code %K}: {@code 5}, {@code 3-6%2}); {@code null}
 *     also when squeue printed {@code N/A}
 * @param name the job name
 * @param user the user name
 * @param account the account
 * @param partition the partition(s)
 * @param qos the QOS
 * @param state the state ({@code %T} or the compact {@code %t})
 * @param reason the pending reason ({@code %r}, or {@code %R} in parentheses); {@code null} for
 *     {@code None} ({@link Job.Status#reasonOf})
 * @param nodeList the allocated nodes as a hostlist expression ({@code %N}, or {@code %R} without
 *     parentheses); {@code null} when empty
 * @param timeUsed the run time ({@code %M})
 * @param timeLimit the time limit ({@code %l})
 * @param nodes the node count ({@code %D})
 * @param cpus the CPU count ({@code %C})
 * @param submitTime the submit time ({@code %V})
 * @param startTime the (expected) start time ({@code %S})
 * @param endTime the (expected) end time ({@code %e})
 * @param workDir the working directory ({@code %Z})
 * @param extras every other printed field, keyed by its {@code -O} name, raw text, in order
 * @param truncated keys of the fields whose printed value may be cut
 */
public record SqueueRow(
        JobId jobId,
        Long arrayJobId,
        String arrayTaskId,
        String name,
        String user,
        String account,
        String partition,
        String qos,
        JobState state,
        String reason,
        String nodeList,
        Duration timeUsed,
        TimeLimit timeLimit,
        Integer nodes,
        Integer cpus,
        SlurmTime submitTime,
        SlurmTime startTime,
        SlurmTime endTime,
        String workDir,
        Map<String, String> extras,
        Set<String> truncated) {

    /**
     * Applies {@link Job.Status#reasonOf} to the reason and copies the extras and the truncated names.
     *
     * @param jobId the job ({@code %i}: {@code 17_[3-6%2]}, {@code 21+1}, {@code 14.batch} for steps)
     * @param arrayJobId the array's job id ({@code %F}), or {@code null}
     * @param arrayTaskId the array task id or range ({@code %K}: {@code 5}, {@code 3-6%2}); {@code null}
     *     also when squeue printed {@code N/A}
     * @param name the job name
     * @param user the user name
     * @param account the account
     * @param partition the partition(s)
     * @param qos the QOS
     * @param state the state ({@code %T} or the compact {@code %t})
     * @param reason the pending reason ({@code %r}, or {@code %R} in parentheses); {@code null} for
     *     {@code None} ({@link Job.Status#reasonOf})
     * @param nodeList the allocated nodes as a hostlist expression ({@code %N}, or {@code %R} without
     *     parentheses); {@code null} when empty
     * @param timeUsed the run time ({@code %M})
     * @param timeLimit the time limit ({@code %l})
     * @param nodes the node count ({@code %D})
     * @param cpus the CPU count ({@code %C})
     * @param submitTime the submit time ({@code %V})
     * @param startTime the (expected) start time ({@code %S})
     * @param endTime the (expected) end time ({@code %e})
     * @param workDir the working directory ({@code %Z})
     * @param extras every other printed field, keyed by its {@code -O} name, raw text, in order; {@code null} is
     *     taken as none; copied
     * @param truncated keys of the fields whose printed value may be cut; {@code null} is taken as none; copied into
     *     a sorted set
     */
    public SqueueRow {
        reason = Job.Status.reasonOf(reason);
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        truncated = truncated == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(truncated));
    }

    /**
     * The {@code -O} field {@code tres-alloc}: the trackable resources allocated to a running job,
     * requested by a pending one ({@code cpu=1,mem=256M,node=1,billing=1,gres/gpu=1}). squeue's
     * parser checks that it reads as a TRES list; {@link #tresAlloc()} gives it typed.
     */
    public static final String TRES_ALLOC = "tres-alloc";

    /**
     * {@return the {@value #TRES_ALLOC} field as a {@link Tres}, or {@code null} when it was not
     * printed or was cut}
     *
     * @throws IllegalArgumentException when the value is no TRES list (never for a row squeue's parser made)
     */
    public Tres tresAlloc() {
        String text = extras.get(TRES_ALLOC);
        return text == null || truncated.contains(TRES_ALLOC) ? null : Tres.parse(text);
    }

    /**
     * Whether the value printed for a field may be a cut prefix.
     *
     * @param field the field's {@code -O} name ({@code Name}, {@code JobID}), case-sensitive
     * @return true when {@link #truncated()} holds it
     */
    public boolean isTruncated(String field) {
        return truncated.contains(field);
    }

    /**
     * This row as a {@link Job} holding only what the columns supplied; every other component is
     * {@code null}. Cut values (see {@link #truncated()}) are carried as printed: check
     * {@link #isTruncated(String)} before showing them as whole.
     *
     * <p>The job's own id ({@link Job#jobId()}) is taken from {@code %A} ({@code JobID}) when
     * printed, else from the printed id when it is the job's own id ({@link JobId#ownJobId()}: a plain job, a pending array
     * remainder {@code 17_[3-6%2]}, a het leader {@code 21+0}, the job of a step row). For an array
     * element {@code 17_3} or a het component {@code 21+1} without {@code %A}, and for a row
     * without a usable id, it is not known and is {@code 0} (never a real job id);
     * {@link Job#displayId()} still gives the printed id.
     *
     * <p>Extras with a Job component ({@code Command}, {@code Comment}, {@code Priority},
     * {@code GroupName}, {@code Dependency}, {@code HetJobID}/{@code HetJobOffset}/{@code HetJobIDSet}
     * ({@code N/A} for a job that is not heterogeneous), …) are typed onto it; {@code (null)} of a list or
     * free-text field becomes the empty string, as in {@code scontrol}. A value that does not read
     * as its type, and every other extra, stays in {@link Job#extras()} under its {@code -O} name.
     *
     * @return the job; its state and reason are this row's
     */
    public Job toJob() {
        Map<String, String> rest = new LinkedHashMap<>(extras);
        JobId id = jobId;
        long raw = 0;
        Long ownId = digits(rest.get("JobID"));
        if (ownId != null) {
            raw = ownId;
            rest.remove("JobID");
        } else if (id != null && id.ownJobId() != null) {
            raw = id.ownJobId();
        }
        Job.Builder b = Job.builder(raw);
        // -O HetJobID, HetJobOffset, HetJobIDSet: N/A for a job that is not heterogeneous
        Long hetJob = digits(rest.get("HetJobID"));
        Integer hetOffset = integer(rest.get("HetJobOffset"));
        if (hetJob != null && hetJob > 0 && hetOffset != null) {
            b.hetJobId(hetJob).hetJobOffset(hetOffset);
            rest.remove("HetJobID");
            rest.remove("HetJobOffset");
        }
        String hetSet = rest.get("HetJobIDSet");
        if (hetSet != null && !hetSet.isEmpty() && !hetSet.equals("N/A")) {
            b.hetJobIdSet(hetSet);
            rest.remove("HetJobIDSet");
        }
        Long arrayJob = arrayJobId;
        String task = arrayTaskId;
        if (id != null) {
            if (id.arrayTask() != null) {
                arrayJob = arrayJob == null ? id.id() : arrayJob;
                task = task == null ? id.arrayTask() : task;
            }
            if (id.hetOffset() != null) {
                b.hetJobId(id.id()).hetJobOffset(id.hetOffset());
            }
            if (id.step() != null) {
                b.extra("StepID", id.toString());
            }
        }
        // squeue prints the own id as ArrayJobID of a job that is no array (%F of job 34 is 34)
        if (arrayJob != null && task != null) {
            b.arrayJobId(arrayJob);
        } else if (arrayJob != null) {
            rest.put("ArrayJobID", arrayJob.toString());
        }
        if (task != null) {
            try {
                b.arrayTaskId(ArrayTaskSpec.parse(task));
            } catch (IllegalArgumentException e) {
                rest.put("ArrayTaskID", task);
            }
        }
        b.name(name).account(account).partition(partition).qos(qos).state(state).reason(reason).nodeList(nodeList)
                .runTime(timeUsed).timeLimit(timeLimit).numNodes(nodes).numCpus(cpus).submitTime(submitTime)
                .startTime(startTime).endTime(endTime).workDir(workDir);
        Long uid = digits(rest.remove("UserID"));
        if (user != null || uid != null) {
            b.user(new UserRef(user, uid));
        }
        String groupName = rest.remove("GroupName");
        Long gid = digits(rest.remove("GroupID"));
        if (groupName != null || gid != null) {
            b.group(new UserRef(groupName, gid));
        }
        take(rest, "Command", b, (j, v) -> j.command(v));
        take(rest, "BatchHost", b, (j, v) -> j.batchHost(v.equals("n/a") ? "" : v));
        take(rest, "Comment", b, (j, v) -> j.comment(nullText(v)));
        take(rest, "Dependency", b, (j, v) -> j.dependency(nullText(v)));
        take(rest, "Feature", b, (j, v) -> j.features(nullText(v)));
        take(rest, "Licenses", b, (j, v) -> j.licenses(nullText(v)));
        take(rest, "Reservation", b, (j, v) -> j.reservation(nullText(v)));
        take(rest, "WCKey", b, (j, v) -> j.wckey(nullText(v)));
        take(rest, "ReqNodes", b, (j, v) -> j.reqNodeList(nullText(v)));
        take(rest, "ExcNodes", b, (j, v) -> j.excNodeList(nullText(v)));
        take(rest, "SchedNodes", b, (j, v) -> j.schedNodeList(nullText(v)));
        take(rest, "OverSubscribe", b, (j, v) -> j.overSubscribe(v));
        take(rest, "tres-per-node", b, (j, v) -> j.tresPerNode(v.equals("N/A") ? "" : v));
        Long priority = digits(rest.get("PriorityLong"));
        if (priority != null) {
            b.priority(priority);
            rest.remove("PriorityLong");
        }
        Integer nice = integer(rest.get("Nice"));
        if (nice != null) {
            b.nice(nice);
            rest.remove("Nice");
        }
        Integer minCpus = integer(rest.get("MinCpus"));
        if (minCpus != null) {
            b.minCpusNode(minCpus);
            rest.remove("MinCpus");
        }
        String contiguous = rest.get("Contiguous");
        if ("0".equals(contiguous) || "1".equals(contiguous)) {
            b.contiguous(contiguous.equals("1"));
            rest.remove("Contiguous");
        }
        String minMemory = rest.get("MinMemory");
        if (minMemory != null) {
            try {
                b.minMemory(new MemoryRequest(MemorySize.parseBytes(minMemory, MemorySize.MIB), MemoryRequest.Per.UNSPECIFIED));
                rest.remove("MinMemory");
            } catch (IllegalArgumentException e) {
                // kept in extras
            }
        }
        rest.forEach(b::extra);
        return b.build();
    }

    private static void take(Map<String, String> rest, String key, Job.Builder b, BiConsumer<Job.Builder, String> f) {
        String v = rest.remove(key);
        if (v != null) {
            f.accept(b, v);
        }
    }

    private static String nullText(String v) {
        return v.equals("(null)") ? "" : v;
    }

    private static Long digits(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
