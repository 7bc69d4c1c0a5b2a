package io.github.slurm4j.model.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of {@code ps -o ...} with the columns a metrics sampler reads, printed in any order:
 * {@code pid, ppid, user, pcpu, pmem, rss, vsz, etime/etimes, time, stat, comm, args}. A component
 * is {@code null} when its column was not printed; {@code pid} identifies the process and is
 * always there.
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
 * @param elapsed {@code ELAPSED} ({@code etimes} seconds or {@code etime} {@code [[dd-]hh:]mm:ss}):
 *     time since the process started
 * @param command {@code COMMAND} ({@code comm}): the executable name, which may contain spaces
 * @param cpuTime {@code TIME} ({@code time}, {@code [dd-]hh:mm:ss}): CPU time used so far
 * @param state {@code STAT} ({@code stat}): the state code and its flags as printed ({@code S<Ll})
 * @param args {@code COMMAND} ({@code args}/{@code command}): the whole command line, which may
 *     contain spaces
 */
public record ProcessInfo(long pid, Long ppid, String user, Double cpuPercent, Double memPercent,
                          Long rssBytes, Long vszBytes, Duration elapsed, String command,
                          Duration cpuTime, String state, String args) {

    /**
     * A row of {@code ps -o pid,ppid,user,pcpu,pmem,rss,vsz,etimes,comm}: every column printed;
     * {@code cpuTime}, {@code state} and {@code args} are {@code null}.
     *
     * @param pid the process id
     * @param ppid the parent process id
     * @param user the user as ps printed it (possibly cut, {@code systemd+}); not null
     * @param cpuPercent {@code %CPU}, in percent of one CPU
     * @param memPercent {@code %MEM}, in percent of the node's physical memory
     * @param rssBytes {@code RSS} in bytes
     * @param vszBytes {@code VSZ} in bytes
     * @param elapsed the time since the process started; not null
     * @param command the executable name; not null
     * @throws NullPointerException if {@code user}, {@code elapsed} or {@code command} is null
     */
    public ProcessInfo(long pid, long ppid, String user, double cpuPercent, double memPercent,
                       long rssBytes, long vszBytes, Duration elapsed, String command) {
        this(pid, ppid, Objects.requireNonNull(user, "user"), cpuPercent, memPercent, rssBytes, vszBytes,
                Objects.requireNonNull(elapsed, "elapsed"), Objects.requireNonNull(command, "command"), null, null, null);
    }
}
