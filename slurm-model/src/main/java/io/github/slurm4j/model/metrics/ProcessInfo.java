package io.github.slurm4j.model.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of {@code ps -o pid,ppid,user,pcpu,pmem,rss,vsz,etimes,comm}.
 *
 * @param pid the process id
 * @param ppid the parent process id
 * @param user the user as ps printed it: ps cuts names longer than its column and marks the cut
 *     with {@code +} ({@code systemd+}), so this is not always a full user name
 * @param cpuPercent {@code %CPU}: CPU time over elapsed time, in percent of one CPU (above 100 for
 *     a process running on several CPUs)
 * @param memPercent {@code %MEM}: resident set size over the node's physical memory, in percent
 * @param rssBytes {@code RSS} in bytes (ps prints KiB)
 * @param vszBytes {@code VSZ} in bytes (ps prints KiB)
 * @param elapsed {@code ELAPSED} ({@code etimes}): time since the process started
 * @param command {@code COMMAND} ({@code comm}): the executable name, which may contain spaces
 */
public record ProcessInfo(long pid, long ppid, String user, double cpuPercent, double memPercent,
                          long rssBytes, long vszBytes, Duration elapsed, String command) {
    public ProcessInfo {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(command, "command");
    }
}
