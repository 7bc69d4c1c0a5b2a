package io.github.slurm4j.testkit;

import io.github.slurm4j.testkit.SimCluster.Job;
import io.github.slurm4j.testkit.SimCluster.Node;
import io.github.slurm4j.testkit.SimCluster.Partition;
import io.github.slurm4j.testkit.SimCluster.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@link SimCluster}'s state in Slurm 22.05's formats (what {@code FakeSlurmFidelityIT}
 * checks is said on {@link FakeSlurm}) for the argument lists {@code SlurmClient} sends (with {@code SLURM_TIME_FORMAT=standard}). Each method
 * names the command whose output it writes. Package-private.
 */
final class SimOutput {
    /** Slurm's NO_VAL as scontrol prints an unset 32-bit number. */
    static final String NO_VAL = "4294967294";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final SimCluster c;
    private final ZoneId zone;

    SimOutput(SimCluster cluster, ZoneId zone) {
        this.c = cluster;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant t) {
        return t == null ? "Unknown" : TIME.format(t.atZone(zone));
    }

    // ---------------------------------------------------------------- durations

    /** scontrol and sacct: {@code HH:MM:SS}, {@code D-HH:MM:SS}. */
    static String clock(Duration d) {
        long s = d.getSeconds();
        long days = s / 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** squeue: {@code M:SS}, {@code H:MM:SS}, {@code D-HH:MM:SS} (no leading zero field). */
    static String squeueClock(Duration d) {
        long s = d.getSeconds();
        long days = s / 86400;
        long h = (s / 3600) % 24;
        long m = (s / 60) % 60;
        long sec = s % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", days, h, m, sec);
        }
        if (h > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec);
        }
        return String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    static String limit(Duration d) {
        return d == null ? "UNLIMITED" : clock(d);
    }

    /** A TRES memory amount: {@code 256M}, {@code 2G} (whole GiB are printed in G). */
    static String mem(long mb) {
        return mb > 0 && mb % 1024 == 0 ? (mb / 1024) + "G" : mb + "M";
    }

    /** {@code 1-3,5}: ascending integers as ranges. */
    static String ranges(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < values.size()) {
            int a = values.get(i);
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(a);
            if (j > i) {
                sb.append('-').append(values.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- scontrol -o -d show job

    /** One record of {@code scontrol -o -d show job}, with its newline. */
    String scontrolJob(Job j) {
        Instant now = c.now;
        StringBuilder s = new StringBuilder(1400);
        s.append("JobId=").append(j.id);
        if (j.arrayJobId != null) {
            s.append(" ArrayJobId=").append(j.arrayJobId).append(" ArrayTaskId=")
                    .append(!j.isMeta() ? j.arrayTaskId
                            // each pending task cancelled one by one: Slurm's NO_VAL (22.05, 24.11, 26.05)
                            : j.pendingTasks.isEmpty() ? NO_VAL
                            : ranges(j.pendingTasks) + (j.arraySpecThrottle == null ? "" : j.arraySpecThrottle));
        }
        s.append(" JobName=").append(j.name);
        s.append(" UserId=").append(j.user).append('(').append(j.uid).append(')');
        s.append(" GroupId=").append(j.group).append('(').append(j.gid).append(')');
        s.append(" MCS_label=N/A");
        s.append(" Priority=").append(c.priority(j)).append(" Nice=").append(j.nice);
        s.append(" Account=").append(j.account).append(" QOS=").append(j.qos);
        s.append(" JobState=").append(j.state).append(" Reason=").append(j.reason);
        s.append(" Dependency=").append(dependency(j));
        s.append(" Requeue=").append(j.requeue ? 1 : 0).append(" Restarts=").append(j.restarts).append(" BatchFlag=1 Reboot=0");
        s.append(" ExitCode=").append(j.exitCode).append(':').append(j.signal);
        s.append(" DerivedExitCode=0:0");
        s.append(" RunTime=").append(clock(j.runTime(now)));
        s.append(" TimeLimit=").append(limit(j.timeLimit)).append(" TimeMin=N/A");
        s.append(" SubmitTime=").append(time(j.submit));
        boolean accruing = j.eligible != null && !j.eligible.isAfter(now);
        s.append(" EligibleTime=").append(time(j.eligible));
        s.append(" AccrueTime=").append(time(accruing ? j.eligible : null));
        s.append(" StartTime=").append(time(j.start != null ? j.start : "PENDING".equals(j.state) ? j.begin : null));
        s.append(" EndTime=").append(time(endTime(j)));
        s.append(" Deadline=N/A");
        if (j.started()) {
            s.append(" PreemptEligibleTime=").append(time(j.start)).append(" PreemptTime=None");
        }
        s.append(" SuspendTime=").append(j.suspendedAt == null ? "None" : time(j.suspendedAt));
        s.append(" SecsPreSuspend=").append(j.suspendedAt == null ? 0 : j.runBefore.getSeconds());
        s.append(" LastSchedEval=").append(time(j.lastSchedEval == null ? j.submit : j.lastSchedEval));
        s.append(" Scheduler=Main");
        s.append(" Partition=").append(j.partition);
        s.append(" AllocNode:Sid=").append(j.submitHost).append(":1000");
        s.append(" ReqNodeList=(null) ExcNodeList=(null)");
        s.append(" NodeList=").append(j.nodeList == null ? "" : j.nodeList);
        if (j.started()) {
            s.append(" BatchHost=").append(j.nodeList);
        }
        s.append(" NumNodes=").append(j.nodes).append(" NumCPUs=").append(j.cpus())
                .append(" NumTasks=").append(j.finished() && !j.started() ? "N/A" : Integer.toString(j.ntasks)).append(" CPUs/Task=").append(j.cpusPerTask);
        s.append(" ReqB:S:C:T=0:0:*:*");
        s.append(" TRES=").append(jobTres(j, true));
        s.append(" Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=*");
        if (j.started()) {
            s.append(" JOB_GRES=").append(j.gpus > 0 ? "gpu:" + j.gpus : "(null)");
            s.append("   Nodes=").append(j.nodeList).append(" CPU_IDs=").append(ranges(j.cpuIds))
                    .append(" Mem=").append(j.memoryTotalMb())
                    .append(" GRES=").append(j.gpus > 0 ? "gpu:" + j.gpus + "(IDX:" + gpuIdx(j) + ")" : "");
        }
        s.append(" MinCPUsNode=1");
        s.append(j.memPerNode ? " MinMemoryNode=" : " MinMemoryCPU=").append(j.memoryMb).append('M');
        s.append(" MinTmpDiskNode=0 Features=(null) DelayBoot=00:00:00 OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null)");
        s.append(" Command=").append(j.command == null ? "(null)" : j.command);
        s.append(" WorkDir=").append(j.workDir);
        if (j.comment != null) {
            s.append(" Comment=").append(j.comment).append(' ');
        }
        s.append(" StdErr=").append(expand(j.stdErr != null ? j.stdErr : j.stdOut, j));
        s.append(" StdIn=/dev/null");
        s.append(" StdOut=").append(expand(j.stdOut, j));
        s.append(" Power= ");
        if (j.gpus > 0) {
            s.append("TresPerNode=gres:gpu:").append(j.gpus).append(' ');
        }
        s.append('\n');
        return s.toString();
    }

    private static String gpuIdx(Job j) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < j.gpus; i++) {
            idx.add(i);
        }
        return ranges(idx);
    }

    /** The end time scontrol shows: the end, or for a running job the start plus its limit and its suspensions. */
    Instant endTime(Job j) {
        if (j.end != null) {
            return j.end;
        }
        if (j.start == null) {
            // a job waiting for its begin time shows when it would end if it started then
            return "PENDING".equals(j.state) && j.begin != null && j.timeLimit != null ? j.begin.plus(j.timeLimit) : null;
        }
        Duration suspended = j.suspendedTotal;
        if (j.suspendedAt != null) {
            suspended = suspended.plus(Duration.between(j.suspendedAt, c.now));
        }
        return j.start.plus(j.timeLimit).plus(suspended);
    }

    String dependency(Job j) {
        if (j.dependency == null) {
            return "(null)";
        }
        StringBuilder sb = new StringBuilder();
        String status = j.dependencyNeverSatisfied ? "(failed)" : "(unfulfilled)";
        for (String part : j.dependency.split(",")) {
            String[] kv = part.split(":");
            for (int i = 1; i < kv.length; i++) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                boolean array = c.targetsOf(kv[i]).stream().anyMatch(t -> t.arrayJobId != null);
                sb.append(kv[0]).append(':').append(kv[i]).append(array ? "_*" : "").append(status);
            }
        }
        return sb.toString();
    }

    /** {@code cpu=1,mem=256M,node=1,billing=1[,gres/gpu=N]} (scontrol); sacct sorts: {@code billing=1,cpu=1,...}. */
    static String jobTres(Job j, boolean scontrolOrder) {
        String mem = mem(j.memoryTotalMb());
        String gpu = j.gpus > 0 ? ",gres/gpu=" + j.gpus : "";
        if (scontrolOrder) {
            return "cpu=" + j.cpus() + ",mem=" + mem + ",node=" + j.nodes + ",billing=" + j.cpus() + gpu;
        }
        return "billing=" + j.cpus() + ",cpu=" + j.cpus() + gpu + ",mem=" + mem + ",node=" + j.nodes;
    }

    /** Expands a path pattern as slurmctld shows it: {@code %j %J %A %a %x %u %%}. */
    static String expand(String pattern, Job j) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch != '%' || i + 1 == pattern.length()) {
                sb.append(ch);
                continue;
            }
            char k = pattern.charAt(++i);
            switch (k) {
                case 'j', 'J' -> sb.append(j.id);
                case 'A' -> sb.append(j.arrayJobId != null ? j.arrayJobId : j.id);
                case 'a' -> sb.append(j.arrayTaskId != null ? j.arrayTaskId : j.arrayJobId != null ? 4294967294L : 4294967294L);
                case 'x' -> sb.append(j.name);
                case 'u' -> sb.append(j.user);
                case '%' -> sb.append('%');
                default -> sb.append('%').append(k);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- scontrol show node / partition / step

    /** One record of {@code scontrol -o show node}. */
    String scontrolNode(Node n) {
        String alloc = n.cpusAllocated() == 0 ? "" : "cpu=" + n.cpusAllocated() + ",mem=" + mem(n.memoryAlloc)
                + (n.gpuAlloc > 0 ? ",gres/gpu=" + n.gpuAlloc : "");
        if (n.capturedLine != null) {
            String line = n.capturedLine;
            line = replaceValue(line, "CPUAlloc", Integer.toString(n.cpusAllocated()));
            line = replaceValue(line, "AllocMem", Long.toString(n.memoryAlloc));
            line = replaceValue(line, "State", n.state());
            line = replaceValue(line, "AllocTRES", alloc);
            return line + "\n";
        }
        String gres = n.gpus > 0 ? "gpu:" + (n.gpuType == null ? "" : n.gpuType + ":") + n.gpus : "(null)";
        String features = n.features == null ? "(null)" : n.features;
        StringBuilder s = new StringBuilder();
        s.append("NodeName=").append(n.name).append(" CoresPerSocket=1  CPUAlloc=").append(n.cpusAllocated())
                .append(" CPUEfctv=").append(n.cpus).append(" CPUTot=").append(n.cpus).append(" CPULoad=0.00")
                .append(" AvailableFeatures=").append(features).append(" ActiveFeatures=").append(features)
                .append(" Gres=").append(gres).append(" NodeAddr=").append(n.name).append(" NodeHostName=").append(n.name)
                .append(" Version=22.05.8 OS=Linux 6.1.0 #1 SMP  RealMemory=").append(n.memoryMb)
                .append(" AllocMem=").append(n.memoryAlloc).append(" FreeMem=").append(n.memoryMb - n.memoryAlloc)
                .append(" Sockets=").append(n.cpus).append(" Boards=1 State=").append(n.state())
                .append(" ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A Partitions=")
                .append(String.join(",", n.partitions)).append("  BootTime=None SlurmdStartTime=None LastBusyTime=Unknown")
                .append(" CfgTRES=cpu=").append(n.cpus).append(",mem=").append(mem(n.memoryMb)).append(",billing=").append(n.cpus)
                .append(n.gpus > 0 ? ",gres/gpu=" + n.gpus : "")
                .append(" AllocTRES=").append(alloc)
                .append(" CapWatts=n/a CurrentWatts=0 AveWatts=0 ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s");
        if (n.reason != null) {
            s.append(" Reason=").append(n.reason);
        }
        return s.append('\n').toString();
    }

    /** Replaces the value of {@code key} in a one-line record (a value without spaces), or leaves the line. */
    static String replaceValue(String line, String key, String value) {
        String k = " " + key + "=";
        int at = line.indexOf(k);
        if (at < 0) {
            return line;
        }
        int from = at + k.length();
        int to = line.indexOf(' ', from);
        if (to < 0) {
            to = line.length();
        }
        return line.substring(0, from) + value + line.substring(to);
    }

    /** One record of {@code scontrol -o show partition}. */
    String scontrolPartition(Partition p) {
        if (p.capturedLine != null) {
            return replaceValue(p.capturedLine, "State", p.up ? "UP" : "DOWN") + "\n";
        }
        int cpus = 0;
        long mem = 0;
        int gpus = 0;
        for (String name : p.nodes) {
            Node n = c.nodes.get(name);
            cpus += n.cpus;
            mem += n.memoryMb;
            gpus += n.gpus;
        }
        return "PartitionName=" + p.name + " AllowGroups=ALL AllowAccounts=ALL AllowQos=ALL AllocNodes=ALL Default="
                + (p.isDefault ? "YES" : "NO") + " QoS=N/A DefaultTime=" + (p.defaultTime == null ? "NONE" : clock(p.defaultTime))
                + " DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=NO MaxNodes=UNLIMITED MaxTime=" + limit(p.maxTime)
                + " MinNodes=0 LLN=NO MaxCPUsPerNode=UNLIMITED Nodes=" + String.join(",", p.nodes)
                + " PriorityJobFactor=1 PriorityTier=1 RootOnly=NO ReqResv=NO OverSubscribe=NO OverTimeLimit=NONE PreemptMode=OFF"
                + " State=" + (p.up ? "UP" : "DOWN") + " TotalCPUs=" + cpus + " TotalNodes=" + p.nodes.size()
                + " SelectTypeParameters=NONE JobDefaults=(null) DefMemPerNode=UNLIMITED MaxMemPerNode=UNLIMITED TRES=cpu=" + cpus
                + ",mem=" + mem(mem) + ",node=" + p.nodes.size() + ",billing=" + cpus + (gpus > 0 ? ",gres/gpu=" + gpus : "") + "\n";
    }

    /** The records of {@code scontrol -o show step ID} for a running job: extern, then batch. */
    String scontrolSteps(Job j) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("extern", "batch")) {
            s.append("StepId=").append(j.id).append('.').append(name).append(" UserId=").append(j.uid)
                    .append(" StartTime=").append(time(j.start)).append(" TimeLimit=UNLIMITED State=").append(j.state)
                    .append(" Partition=").append(j.partition).append(" NodeList=").append(j.nodeList)
                    .append(" Nodes=1 CPUs=0 Tasks=1 Name=").append(name)
                    .append(" Network=(null) TRES=(null) ResvPorts=(null) CPUFreqReq=Default SrunHost:Pid=(null):0\n");
        }
        return s.toString();
    }

    /** {@code scontrol listpids ID} of a running job. */
    String listPids(Job j) {
        StringBuilder s = new StringBuilder("PID      JOBID    STEPID   LOCALID GLOBALID\n");
        String id = Long.toString(j.id);
        s.append(pidRow(Integer.toString(j.pidBase), id, "batch", "0", "0"));
        s.append(pidRow(Integer.toString(j.pidBase + 1), id, "batch", "-", "-"));
        s.append(pidRow("-1", id, "extern", "0", "0"));
        s.append(pidRow(Integer.toString(j.pidBase + 2), id, "extern", "-", "-"));
        return s.toString();
    }

    private static String pidRow(String pid, String job, String step, String local, String global) {
        return String.format(Locale.ROOT, "%-8s %-8s %-8s %-7s %-8s%n", pid, job, step, local, global).replace("\r", "");
    }

    // ---------------------------------------------------------------- squeue -O

    /** The value of one {@code squeue -O} field for a job record (and, for an array's pending meta record, one of its tasks). */
    String squeueField(String field, Job j, Integer pendingTask) {
        Instant now = c.now;
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "jobarrayid" -> pendingTask != null ? j.arrayJobId + "_" + pendingTask : j.displayId();
            case "jobid" -> Long.toString(j.id);
            case "arrayjobid" -> Long.toString(j.arrayJobId != null ? j.arrayJobId : j.id);
            case "arraytaskid" -> pendingTask != null ? pendingTask.toString()
                    : j.arrayTaskId != null ? j.arrayTaskId.toString() : "N/A";
            case "name" -> j.name;
            case "username" -> j.user;
            case "userid" -> Integer.toString(j.uid);
            case "account" -> j.account;
            case "partition" -> j.partition;
            case "qos" -> j.qos;
            case "state", "statecompact" -> field.equalsIgnoreCase("statecompact") ? compact(j.state) : j.state;
            case "reason" -> j.reason;
            case "nodelist" -> j.nodeList == null ? "" : j.nodeList;
            case "timeused" -> squeueClock(j.runTime(now));
            case "timelimit" -> j.timeLimit == null ? "UNLIMITED" : squeueClock(j.timeLimit);
            case "numnodes" -> Integer.toString(j.nodes);
            case "numcpus" -> Integer.toString(j.cpus());
            case "prioritylong", "priority" -> Long.toString(c.priority(j));
            case "comment" -> j.comment == null ? "(null)" : j.comment;
            case "workdir" -> j.workDir;
            case "submittime" -> time(j.submit);
            case "starttime" -> j.start == null ? "N/A" : time(j.start);
            case "endtime" -> j.start == null ? "N/A" : time(endTime(j));
            case "tres-alloc" -> jobTres(j, true);
            case "stdout" -> expand(j.stdOut, j);
            case "stderr" -> expand(j.stdErr != null ? j.stdErr : j.stdOut, j);
            default -> throw new NotModelledError("squeue -O field '" + field + "' is not modelled by FakeSlurm");
        };
    }

    private static String compact(String state) {
        return switch (state) {
            case "PENDING" -> "PD";
            case "RUNNING" -> "R";
            case "SUSPENDED" -> "S";
            case "COMPLETED" -> "CD";
            case "CANCELLED" -> "CA";
            case "FAILED" -> "F";
            case "TIMEOUT" -> "TO";
            case "OUT_OF_MEMORY" -> "OOM";
            default -> state;
        };
    }

    // ---------------------------------------------------------------- sacct

    /** The job row and the step rows of {@code sacct --parsable2} for one record, each a list of field values. */
    List<List<String>> sacctRows(Job j, List<String> fields) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (String f : fields) {
            row.add(sacctJobField(f, j));
        }
        rows.add(row);
        for (Step st : j.steps) {
            List<String> r = new ArrayList<>();
            for (String f : fields) {
                r.add(sacctStepField(f, j, st));
            }
            rows.add(r);
        }
        return rows;
    }

    /** The accounting state of a job row: {@code CANCELLED by UID}, else the state. */
    private static String sacctState(Job j) {
        return j.cancelledBy != null ? "CANCELLED by " + j.cancelledBy : j.state;
    }

    private String sacctJobField(String f, Job j) {
        Duration elapsed = j.elapsed(c.now);
        return switch (f) {
            case "JobID" -> j.displayId();
            case "JobIDRaw" -> Long.toString(j.id);
            case "JobName" -> j.name;
            case "User" -> j.user;
            case "Group" -> j.group;
            case "Account" -> j.account;
            case "Partition" -> j.partition;
            case "QOS" -> j.qos;
            case "State" -> sacctState(j);
            // a job cancelled or timed out while running keeps 0:0 in its accounting row (its batch step has 0:15)
            case "ExitCode" -> j.cancelledBy != null || "TIMEOUT".equals(j.state) ? "0:0" : j.exitCode + ":" + j.signal;
            case "DerivedExitCode" -> "0:0";
            case "Reason" -> "None";
            case "Elapsed" -> clock(elapsed);
            case "ElapsedRaw" -> Long.toString(elapsed.getSeconds());
            case "Timelimit" -> limit(j.timeLimit);
            case "TotalCPU", "UserCPU", "SystemCPU" -> "00:00:00";
            case "CPUTime" -> clock(elapsed.multipliedBy(j.cpus()));
            case "CPUTimeRAW" -> Long.toString(elapsed.getSeconds() * j.cpus());
            case "AllocCPUS", "NCPUS", "ReqCPUS" -> Integer.toString(j.cpus());
            case "NNodes" -> Integer.toString(j.nodes);
            case "NTasks", "MaxRSS", "MaxRSSNode", "AveRSS", "MaxVMSize", "Constraints", "TRESUsageInMax", "TRESUsageInTot" -> "";
            case "ReqMem" -> j.memoryTotalMb() + "M";
            case "ReqTRES" -> jobTres(j, false);
            case "AllocTRES" -> j.started() ? jobTres(j, false) : "";
            case "NodeList" -> j.nodeList == null ? "None assigned" : j.nodeList;
            case "Submit" -> time(j.submit);
            case "Eligible" -> time(j.eligible);
            case "Start" -> time(j.start);
            case "End" -> time(j.end);
            case "Suspended" -> clock(j.suspendedTotal);
            case "Priority" -> Long.toString(c.priority(j));
            case "WorkDir" -> j.workDir;
            case "Comment" -> j.comment == null ? "" : j.comment;
            case "Flags" -> j.started() ? "SchedMain,StartRecieved" : "StartRecieved";
            case "Cluster" -> c.clusterName;
            default -> throw new NotModelledError("sacct field '" + f + "' is not modelled by FakeSlurm");
        };
    }

    private String sacctStepField(String f, Job j, Step st) {
        Instant end = st.end;
        Duration elapsed = Duration.between(j.start, end != null ? end : c.now);
        String tres = "batch".equals(st.name) ? "cpu=" + j.cpus() + ",mem=" + mem(j.memoryTotalMb()) + ",node=" + j.nodes
                : jobTres(j, false);
        return switch (f) {
            case "JobID" -> j.displayId() + "." + st.name;
            case "JobIDRaw" -> j.id + "." + st.name;
            case "JobName" -> st.name;
            case "Account" -> j.account;
            case "State" -> st.state;
            case "ExitCode" -> st.exitCode + ":" + st.signal;
            case "User", "Group", "Partition", "QOS", "DerivedExitCode", "Reason", "Timelimit", "ReqMem", "ReqTRES",
                    "Priority", "WorkDir", "Comment", "Constraints", "Flags" -> "";
            case "Elapsed" -> clock(elapsed);
            case "ElapsedRaw" -> Long.toString(elapsed.getSeconds());
            case "TotalCPU", "UserCPU", "SystemCPU" -> "00:00:00";
            case "CPUTime" -> clock(elapsed.multipliedBy(j.cpus()));
            case "CPUTimeRAW" -> Long.toString(elapsed.getSeconds() * j.cpus());
            case "AllocCPUS", "NCPUS", "ReqCPUS" -> Integer.toString(j.cpus());
            case "NNodes", "NTasks" -> "1";
            case "MaxRSS", "AveRSS" -> end == null ? "" : "1024K";
            case "MaxRSSNode" -> end == null ? "" : j.nodeList;
            case "MaxVMSize" -> end == null ? "" : "8192K";
            case "AllocTRES" -> tres;
            case "NodeList" -> j.nodeList;
            case "Submit", "Eligible", "Start" -> time(j.start);
            case "End" -> time(end);
            case "Suspended" -> "00:00:00";
            case "TRESUsageInMax", "TRESUsageInTot" -> end == null ? ""
                    : "cpu=00:00:00,energy=0,fs/disk=0,mem=1024K,pages=0,vmem=8192K";
            case "Cluster" -> c.clusterName;
            default -> throw new NotModelledError("sacct field '" + f + "' is not modelled by FakeSlurm");
        };
    }

    // ---------------------------------------------------------------- sstat

    /** One {@code sstat --parsable2} row per running step (extern, then batch). */
    List<List<String>> sstatRows(Job j, List<String> fields) {
        List<List<String>> rows = new ArrayList<>();
        for (String step : List.of("extern", "batch")) {
            List<String> r = new ArrayList<>();
            for (String f : fields) {
                r.add(switch (f) {
                    case "JobID" -> j.id + "." + step;
                    case "MaxVMSize", "AveVMSize" -> "8192K";
                    case "MaxRSS", "AveRSS" -> "1024K";
                    case "MaxVMSizeNode", "MaxRSSNode", "MinCPUNode" -> j.nodeList;
                    case "MaxVMSizeTask", "MaxRSSTask", "MinCPUTask", "MaxPages", "AvePages", "ConsumedEnergy" -> "0";
                    case "MinCPU", "AveCPU" -> "00:00:00";
                    case "NTasks" -> "1";
                    case "AveCPUFreq" -> "0";
                    case "MaxDiskRead", "AveDiskRead", "MaxDiskWrite", "AveDiskWrite" -> "0";
                    case "TRESUsageInAve", "TRESUsageInMax", "TRESUsageInTot" ->
                            "cpu=00:00:00,energy=0,fs/disk=0,mem=1024K,pages=0,vmem=8192K";
                    case "TRESUsageOutTot" -> "energy=0,fs/disk=0";
                    default -> throw new NotModelledError("sstat field '" + f + "' is not modelled by FakeSlurm");
                });
            }
            rows.add(r);
        }
        return rows;
    }
}
