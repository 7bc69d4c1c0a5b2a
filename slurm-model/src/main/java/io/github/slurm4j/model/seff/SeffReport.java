package io.github.slurm4j.model.seff;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.JobState;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code seff <job>} report.
 *
 * <p>seff prints one of two resource variants: {@code Cores: N} (when the job had a single CPU) or
 * {@code Nodes: N} plus {@code Cores per node: M}. This record keeps what was printed and derives
 * nothing: with {@code Cores:} {@link #nodes()} and {@link #coresPerNode()} are {@code null}; with
 * {@code Nodes:} {@link #cores()} is {@code null} (seff computes "cores per node" by a division,
 * so {@code nodes * coresPerNode} is not guaranteed to be the job's CPU count).
 *
 * <p>For a PENDING job seff prints {@code Efficiency not available for jobs in the PENDING state.}
 * instead of the usage lines: {@link #usage()} is then {@code null} and
 * {@link #efficiencyAvailable()} is {@code false}.
 *
 * @param jobId the {@code Job ID:} line (for an array element its own job id, e.g. {@code 12})
 * @param arrayJobId the {@code Array Job ID:} line ({@code 10_2}), or {@code null} for non-array jobs
 * @param cluster the {@code Cluster:} line
 * @param user the user half of {@code User/Group:}, or {@code null} when seff printed it empty
 *     (seff prints {@code /group} when it cannot resolve the uid)
 * @param group the group half of {@code User/Group:}, or {@code null} when printed empty
 * @param state the state; seff prints only the base state name
 * @param exitCode the number in {@code (exit code N)}, or {@code null} when seff printed none
 *     (PENDING and RUNNING jobs). It is the exit status only; seff does not print the signal
 * @param cores the {@code Cores:} line, or {@code null} in the {@code Nodes:} variant
 * @param nodes the {@code Nodes:} line, or {@code null} in the {@code Cores:} variant
 * @param coresPerNode the {@code Cores per node:} line, or {@code null} in the {@code Cores:} variant
 * @param usage the CPU and memory lines, or {@code null} when efficiency is not available
 * @param runningWarning whether seff ended with
 *     {@code WARNING: Efficiency statistics may be misleading for RUNNING jobs.}
 * @param printed every {@code Key: value} line as printed (value = text after the first
 *     {@code ": "}, trimmed), in order; what {@link SeffView#stopData} renders
 * @param extras {@code Key: value} lines this version of slurm4j does not know (site additions
 *     such as {@code Billed project: ...}), in order
 * @param notes other lines that are not {@code Key: value} and not known messages (site
 *     additions such as {@code Job consumed 4.27 billing units ...}), in order
 */
public record SeffReport(
        JobId jobId,
        JobId arrayJobId,
        String cluster,
        UserRef user,
        UserRef group,
        JobState state,
        Integer exitCode,
        Integer cores,
        Integer nodes,
        Integer coresPerNode,
        Usage usage,
        boolean runningWarning,
        Map<String, String> printed,
        Map<String, String> extras,
        List<String> notes) {

    /**
     * Checks the id and state and copies the maps and notes.
     *
     * @param jobId the {@code Job ID:} line (for an array element its own job id, e.g. {@code 12})
     * @param arrayJobId the {@code Array Job ID:} line ({@code 10_2}), or {@code null} for non-array jobs
     * @param cluster the {@code Cluster:} line
     * @param user the user half of {@code User/Group:}, or {@code null} when seff printed it empty
     *     (seff prints {@code /group} when it cannot resolve the uid)
     * @param group the group half of {@code User/Group:}, or {@code null} when printed empty
     * @param state the state; seff prints only the base state name
     * @param exitCode the number in {@code (exit code N)}, or {@code null} when seff printed none
     *     (PENDING and RUNNING jobs). It is the exit status only; seff does not print the signal
     * @param cores the {@code Cores:} line, or {@code null} in the {@code Nodes:} variant
     * @param nodes the {@code Nodes:} line, or {@code null} in the {@code Cores:} variant
     * @param coresPerNode the {@code Cores per node:} line, or {@code null} in the {@code Cores:} variant
     * @param usage the CPU and memory lines, or {@code null} when efficiency is not available
     * @param runningWarning whether seff ended with
     *     {@code WARNING: Efficiency statistics may be misleading for RUNNING jobs.}
     * @param printed every {@code Key: value} line as printed (value = text after the first
     *     {@code ": "}, trimmed), in order; what {@link SeffView#stopData} renders; {@code null} is taken as none; copied
     * @param extras {@code Key: value} lines this version of slurm4j does not know (site additions
     *     such as {@code Billed project: ...}), in order; {@code null} is taken as none; copied
     * @param notes other lines that are not {@code Key: value} and not known messages (site
     *     additions such as {@code Job consumed 4.27 billing units ...}), in order; {@code null} is taken as none; copied
     * @throws NullPointerException if {@code jobId} or {@code state} is {@code null}
     */
    public SeffReport {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        printed = printed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(printed));
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** {@return whether seff printed the CPU and memory lines ({@code false} for PENDING jobs)} */
    public boolean efficiencyAvailable() {
        return usage != null;
    }

    /** {@return whether this is an array element ({@code Array Job ID:} was printed)} */
    public boolean isArrayElement() {
        return arrayJobId != null;
    }

    /**
     * The CPU and memory lines of a report.
     *
     * <p>seff prints memory with {@code kbytes2str}: the number is KiB-based ({@code MB} means MiB,
     * {@code GB} GiB, ...) with two decimals, so the bytes here are exact only to that precision.
     *
     * @param cpuUtilized {@code CPU Utilized:} (user + system time of all steps)
     * @param cpuEfficiencyPercent the percentage of {@code CPU Efficiency:} ({@code 7.14})
     * @param coreWalltime the {@code of HH:MM:SS core-walltime} part (wall-clock time x cores)
     * @param wallclock {@code Job Wall-clock time:}
     * @param memoryUtilizedBytes {@code Memory Utilized:} in bytes
     * @param memoryEstimated whether seff added {@code (estimated maximum)} to {@code Memory Utilized:}
     * @param memoryEfficiencyPercent the percentage of {@code Memory Efficiency:} (may exceed 100)
     * @param memoryRequestedBytes the {@code of X MB} part of {@code Memory Efficiency:}: the job's
     *     total memory allocation in bytes
     * @param memoryRequestedPerUnitBytes the {@code (X MB/core)} or {@code (X MB/node)} part in
     *     bytes, or {@code null} when seff did not print it
     * @param memoryRequestedPer {@code "core"} or {@code "node"} (the unit of the previous
     *     component), or {@code null} when seff did not print it
     */
    public record Usage(
            Duration cpuUtilized,
            double cpuEfficiencyPercent,
            Duration coreWalltime,
            Duration wallclock,
            long memoryUtilizedBytes,
            boolean memoryEstimated,
            double memoryEfficiencyPercent,
            long memoryRequestedBytes,
            Long memoryRequestedPerUnitBytes,
            String memoryRequestedPer) {

        /**
         * Checks that the durations are present and that the per-unit amount and its unit come together.
         *
         * @param cpuUtilized {@code CPU Utilized:} (user + system time of all steps)
         * @param cpuEfficiencyPercent the percentage of {@code CPU Efficiency:} ({@code 7.14})
         * @param coreWalltime the {@code of HH:MM:SS core-walltime} part (wall-clock time x cores)
         * @param wallclock {@code Job Wall-clock time:}
         * @param memoryUtilizedBytes {@code Memory Utilized:} in bytes
         * @param memoryEstimated whether seff added {@code (estimated maximum)} to {@code Memory Utilized:}
         * @param memoryEfficiencyPercent the percentage of {@code Memory Efficiency:} (may exceed 100)
         * @param memoryRequestedBytes the {@code of X MB} part of {@code Memory Efficiency:}: the job's
         *     total memory allocation in bytes
         * @param memoryRequestedPerUnitBytes the {@code (X MB/core)} or {@code (X MB/node)} part in
         *     bytes, or {@code null} when seff did not print it
         * @param memoryRequestedPer {@code "core"} or {@code "node"} (the unit of the previous
         *     component), or {@code null} when seff did not print it
         * @throws NullPointerException if {@code cpuUtilized}, {@code coreWalltime} or {@code wallclock} is
         *     {@code null}
         * @throws IllegalArgumentException if only one of {@code memoryRequestedPerUnitBytes} and
         *     {@code memoryRequestedPer} is {@code null}
         */
        public Usage {
            Objects.requireNonNull(cpuUtilized, "cpuUtilized");
            Objects.requireNonNull(coreWalltime, "coreWalltime");
            Objects.requireNonNull(wallclock, "wallclock");
            if ((memoryRequestedPerUnitBytes == null) != (memoryRequestedPer == null)) {
                throw new IllegalArgumentException("memoryRequestedPerUnitBytes and memoryRequestedPer go together");
            }
        }
    }
}
