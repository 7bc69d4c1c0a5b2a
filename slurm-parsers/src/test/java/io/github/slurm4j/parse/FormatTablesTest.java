package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.node.SinfoRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code -o} letter tables against what squeue/sinfo 22.05.8 really print for {@code %all}:
 * each letter's header (as printed) next to its {@code -O} name (as in the 22.05 man pages).
 */
class FormatTablesTest {

    /** letter, header printed by {@code squeue -o %all}, {@code -O} name. */
    private static final String[][] SQUEUE = {
        {"a", "ACCOUNT", "Account"}, {"b", "TRES_PER_NODE", "tres-per-node"}, {"c", "MIN_CPUS", "MinCpus"},
        {"d", "MIN_TMP_DISK", "MinTmpDisk"}, {"e", "END_TIME", "EndTime"}, {"f", "FEATURES", "Feature"},
        {"g", "GROUP", "GroupName"}, {"h", "OVER_SUBSCRIBE", "OverSubscribe"}, {"i", "JOBID", "JobArrayID"},
        {"j", "NAME", "Name"}, {"k", "COMMENT", "Comment"}, {"l", "TIME_LIMIT", "TimeLimit"},
        {"m", "MIN_MEMORY", "MinMemory"}, {"n", "REQ_NODES", "ReqNodes"}, {"o", "COMMAND", "Command"},
        {"p", "PRIORITY", "Priority"}, {"q", "QOS", "QOS"}, {"r", "REASON", "Reason"}, {"s", "", "SelectJobInfo"},
        {"t", "ST", "StateCompact"}, {"u", "USER", "UserName"}, {"v", "RESERVATION", "Reservation"},
        {"w", "WCKEY", "WCKey"}, {"x", "EXC_NODES", "ExcNodes"}, {"y", "NICE", "Nice"}, {"z", "S:C:T", "SCT"},
        {"A", "JOBID", "JobID"}, {"B", "EXEC_HOST", "BatchHost"}, {"C", "CPUS", "NumCPUs"}, {"D", "NODES", "NumNodes"},
        {"E", "DEPENDENCY", "Dependency"}, {"F", "ARRAY_JOB_ID", "ArrayJobID"}, {"G", "GROUP", "GroupID"},
        {"H", "SOCKETS_PER_NODE", "SocketsPerNode"}, {"I", "CORES_PER_SOCKET", "CoresPerSocket"},
        {"J", "THREADS_PER_CORE", "ThreadsPerCore"}, {"K", "ARRAY_TASK_ID", "ArrayTaskID"},
        {"L", "TIME_LEFT", "TimeLeft"}, {"M", "TIME", "TimeUsed"}, {"N", "NODELIST", "NodeList"},
        {"O", "CONTIGUOUS", "Contiguous"}, {"P", "PARTITION", "Partition"}, {"Q", "PRIORITY", "PriorityLong"},
        {"R", "NODELIST(REASON)", "ReasonList"}, {"S", "START_TIME", "StartTime"}, {"T", "STATE", "State"},
        {"U", "UID", "UserID"}, {"V", "SUBMIT_TIME", "SubmitTime"}, {"W", "LICENSES", "Licenses"},
        {"X", "CORE_SPEC", "CoreSpec"}, {"Y", "SCHEDNODES", "SchedNodes"}, {"Z", "WORK_DIR", "WorkDir"},
    };

    /** letter, header printed by {@code sinfo -o %all}, {@code -O} name. */
    private static final String[][] SINFO = {
        {"a", "AVAIL", "Available"}, {"b", "ACTIVE_FEATURES", "FeaturesAct"}, {"c", "CPUS", "CPUs"},
        {"d", "TMP_DISK", "Disk"}, {"e", "FREE_MEM", "FreeMem"}, {"f", "AVAIL_FEATURES", "Features"},
        {"g", "GROUPS", "Groups"}, {"h", "OVERSUBSCRIBE", "OverSubscribe"}, {"l", "TIMELIMIT", "Time"},
        {"m", "MEMORY", "Memory"}, {"n", "HOSTNAMES", "NodeHost"}, {"o", "NODE_ADDR", "NodeAddr"},
        {"p", "PRIO_TIER", "PriorityTier"}, {"r", "ROOT", "Root"}, {"s", "JOB_SIZE", "Size"},
        {"t", "STATE", "StateCompact"}, {"u", "USER", "User"}, {"v", "VERSION", "Version"}, {"w", "WEIGHT", "Weight"},
        {"z", "S:C:T", "SocketCoreThread"}, {"A", "NODES(A/I)", "NodeAI"}, {"B", "MAX_CPUS_PER_NODE", "MaxCPUsPerNode"},
        {"C", "CPUS(A/I/O/T)", "CPUsState"}, {"D", "NODES", "Nodes"}, {"E", "REASON", "Reason"},
        {"F", "NODES(A/I/O/T)", "NodeAIOT"}, {"G", "GRES", "Gres"}, {"H", "TIMESTAMP", "Timestamp"},
        {"I", "PRIO_JOB_FACTOR", "PriorityJobFactor"}, {"L", "DEFAULTTIME", "DefaultTime"},
        {"M", "PREEMPT_MODE", "PreemptMode"}, {"N", "NODELIST", "NodeList"}, {"O", "CPU_LOAD", "CPUsLoad"},
        {"P", "PARTITION", "Partition"}, {"R", "PARTITION", "PartitionName"}, {"S", "ALLOCNODES", "AllocNodes"},
        {"T", "STATE", "StateLong"}, {"U", "USER", "UserLong"}, {"V", "CLUSTER", "Cluster"}, {"X", "SOCKETS", "Sockets"},
        {"Y", "CORES", "Cores"}, {"Z", "THREADS", "Threads"},
    };

    @Test
    void squeueLettersMatchThePercentAllHeader() {
        var c = Fixtures.load("squeue-all-fields-percent-all");
        String[] header = c.stdout().lines().findFirst().orElseThrow().split("\\|", -1);
        assertThat(header).hasSize(SqueueParser.ALL_ORDER.length()).hasSize(SQUEUE.length);
        for (int i = 0; i < SQUEUE.length; i++) {
            assertThat(String.valueOf(SqueueParser.ALL_ORDER.charAt(i))).isEqualTo(SQUEUE[i][0]);
            assertThat(header[i].strip()).as("header of %%%s", SQUEUE[i][0]).isEqualTo(SQUEUE[i][1]);
            assertThat(SqueueParser.LETTERS.get(SQUEUE[i][0].charAt(0))).as("-O name of %%%s", SQUEUE[i][0])
                    .isEqualTo(SQUEUE[i][2]);
            // the titles a header line is checked against
            assertThat(SqueueParser.TITLES.get(SQUEUE[i][2])).as("title of %s", SQUEUE[i][2]).contains(header[i].strip());
        }
        assertThat(SqueueParser.LETTERS).hasSize(SQUEUE.length);
    }

    @Test
    void sinfoLettersMatchThePercentAllHeader() {
        var c = Fixtures.load("sinfo-all-fields-percent-all");
        String[] header = c.stdout().lines().findFirst().orElseThrow().split("\\|", -1);
        assertThat(header).hasSize(SinfoParser.ALL_ORDER.length()).hasSize(SINFO.length);
        for (int i = 0; i < SINFO.length; i++) {
            assertThat(String.valueOf(SinfoParser.ALL_ORDER.charAt(i))).isEqualTo(SINFO[i][0]);
            assertThat(header[i].strip()).as("header of %%%s", SINFO[i][0]).isEqualTo(SINFO[i][1]);
            assertThat(SinfoParser.LETTERS.get(SINFO[i][0].charAt(0))).as("-O name of %%%s", SINFO[i][0])
                    .isEqualTo(SINFO[i][2]);
            assertThat(SinfoParser.TITLES.get(SINFO[i][2])).as("title of %s", SINFO[i][2]).containsExactly(header[i].strip());
        }
        assertThat(SinfoParser.LETTERS).hasSize(SINFO.length);
    }

    @Test
    void secondSpellingsOfLongNames() {
        assertThat(SqueueParser.forFormatLong("JobID:|,gres:|,Shared").fields())
                .containsExactly("JobID", "tres-per-node", "OverSubscribe");
        assertThat(SinfoParser.forFormatLong("NodeList:|,features_act:|,Share:|,TimeStamp").fields())
                .containsExactly("NodeList", "FeaturesAct", "OverSubscribe", "Timestamp");
        List<SqueueRow> rows = SqueueParser.forFormatLong("JobID:|,gres").parse("JOBID|TRES_PER_NODE\n22|gres:gpu:1\n");
        assertThat(rows.get(0).toJob().resources().tresPerNode()).isEqualTo("gres:gpu:1");
        List<SinfoRow> nodes = SinfoParser.forFormatLong("NodeList:|,features_act").parse("NODELIST|ACTIVE_FEATURES\nn1|a,b\n");
        assertThat(nodes.get(0).toNode().hardware().activeFeatures()).containsExactly("a", "b");
    }
}
