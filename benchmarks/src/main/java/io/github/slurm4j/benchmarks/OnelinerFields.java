package io.github.slurm4j.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits one {@code scontrol -o show job} line into its {@code Key=value} fields, for the
 * generator's templates and for the {@code Map<String,String>} baseline. Not the library's parser:
 * a field starts only at {@code " Key="} where {@code Key} is one of the keys Slurm 22.05 prints
 * for a job, so values holding spaces and {@code =} ({@code Comment=key=value spaces = signs},
 * {@code JobName=a|b,c=d}) stay whole. A value that holds {@code " NodeList="} would be cut; the
 * generator never writes one.
 */
final class OnelinerFields {
    /** The job keys {@code scontrol -o show job} prints in Slurm 22.05 (seen in the fixtures). */
    static final Set<String> KEYS = Set.of(
            "JobId", "ArrayJobId", "ArrayTaskId", "ArrayTaskThrottle", "HetJobId", "HetJobOffset",
            "JobName", "HetJobIdSet", "UserId", "GroupId", "MCS_label", "Priority", "Nice", "Account",
            "QOS", "JobState", "Reason", "Dependency", "Requeue", "Restarts", "BatchFlag", "Reboot",
            "ExitCode", "RunTime", "TimeLimit", "TimeMin", "SubmitTime", "EligibleTime", "AccrueTime",
            "StartTime", "EndTime", "Deadline", "PreemptEligibleTime", "PreemptTime", "SuspendTime",
            "SecsPreSuspend", "LastSchedEval", "Scheduler", "Partition", "AllocNode:Sid",
            "ReqNodeList", "ExcNodeList", "NodeList", "SchedNodeList", "BatchHost", "NumNodes",
            "NumCPUs", "NumTasks", "CPUs/Task", "ReqB:S:C:T", "TRES", "Socks/Node",
            "NtasksPerN:B:S:C", "CoreSpec", "MinCPUsNode", "MinMemoryCPU", "MinMemoryNode",
            "MinTmpDiskNode", "Features", "DelayBoot", "OverSubscribe", "Contiguous", "Licenses",
            "Network", "Command", "WorkDir", "Comment", "StdErr", "StdIn", "StdOut", "Power",
            "TresPerNode", "Reservation");

    private OnelinerFields() {
    }

    /** The fields of one line, in order, as {key, value} pairs. */
    static List<String[]> split(String line) {
        List<String[]> out = new ArrayList<>(72);
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        // Slurm ends each -o line with one space after the last field.
        if (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        int keyStart = 0;
        int eq = line.indexOf('=', 0);
        if (eq < 0 || eq >= end) {
            throw new IllegalArgumentException("not a Key=value line: " + excerpt(line));
        }
        int valueStart = eq + 1;
        int search = valueStart;
        while (true) {
            int next = nextField(line, search, end);
            if (next < 0) {
                out.add(new String[] {line.substring(keyStart, eq), line.substring(valueStart, end)});
                return out;
            }
            out.add(new String[] {line.substring(keyStart, eq), line.substring(valueStart, next - 1)});
            keyStart = next;
            eq = line.indexOf('=', next);
            valueStart = eq + 1;
            search = valueStart;
        }
    }

    /** Parses a line into a {@link HashMap} (the baseline the retained-size check reports). */
    static Map<String, String> toMap(String line) {
        List<String[]> fields = split(line);
        Map<String, String> map = new HashMap<>(fields.size() * 4 / 3 + 1);
        for (String[] kv : fields) {
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    /** Start of the next {@code Key=} after a space at or after {@code from}, or -1. */
    private static int nextField(String line, int from, int end) {
        int space = line.indexOf(' ', from);
        while (space >= 0 && space < end) {
            int eq = line.indexOf('=', space + 1);
            if (eq < 0 || eq > end) {
                return -1;
            }
            int nextSpace = line.indexOf(' ', space + 1);
            if (nextSpace < 0 || nextSpace > eq) {
                if (KEYS.contains(line.substring(space + 1, eq))) {
                    return space + 1;
                }
            }
            space = nextSpace;
        }
        return -1;
    }

    private static String excerpt(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
