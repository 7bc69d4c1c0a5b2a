package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of squeue output (or one job of {@code squeue --json}). Every component is
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
 *     {@code None}
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

    public SqueueRow {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        truncated = truncated == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(truncated));
    }

    /** Whether the value printed for an {@code -O} field name may be cut. */
    public boolean isTruncated(String field) {
        return truncated.contains(field);
    }
}
