package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Maps {@code scontrol show partition} records. Values are trimmed (the -o form pads some). */
final class PartitionRecordMapper extends RecordMapper<Partition.Builder, Partition> {
    static final List<String> KEYS = List.of("PartitionName", "AllowGroups", "AllowAccounts", "DenyAccounts",
            "AllowQos", "DenyQos", "AllocNodes", "Default", "QoS", "DefaultTime", "DisableRootJobs", "ExclusiveUser",
            "GraceTime", "Hidden", "MaxNodes", "MaxTime", "MinNodes", "LLN", "MaxCPUsPerNode", "MaxCPUsPerSocket",
            "NodeSets", "Nodes", "PriorityJobFactor", "PriorityTier", "RootOnly", "ReqResv", "OverSubscribe",
            "OverTimeLimit", "PreemptMode", "State", "TotalCPUs", "TotalNodes", "SelectTypeParameters", "JobDefaults",
            "DefMemPerNode", "DefMemPerCPU", "MaxMemPerNode", "MaxMemPerCPU", "TRES", "TRESBillingWeights",
            "Alternate");

    static final KeySet KEY_SET = new KeySet(KEYS, Set.of(), Set.of());

    PartitionRecordMapper() {
        super("scontrol show partition", KEY_SET, true, false, Checks.NONE);
    }

    @Override
    Partition.Builder start() {
        return Partition.builder(tok.value());
    }

    @Override
    Partition finish(Partition.Builder b) {
        return b.build();
    }

    /** A count, with {@code UNLIMITED} as {@link Partition#UNLIMITED}. */
    private long count() {
        if (tok.valueIs("UNLIMITED")) {
            return Partition.UNLIMITED;
        }
        return Values.parseLong(tok.bytes(), tok.valueStart(), tok.valueEnd());
    }

    private MemoryRequest mem(boolean perCpu) {
        long bytes = tok.valueIs("UNLIMITED") ? Partition.UNLIMITED : MemorySize.parseBytes(value(), MemorySize.MIB);
        return perCpu ? MemoryRequest.perCpu(bytes) : MemoryRequest.perNode(bytes);
    }

    @Override
    void apply(Partition.Builder b, String key) {
        switch (key) {
            case "AllowGroups" -> b.allowGroups(value());
            case "AllowAccounts" -> b.allowAccounts(value());
            case "DenyAccounts" -> b.denyAccounts(value());
            case "AllowQos" -> b.allowQos(value());
            case "DenyQos" -> b.denyQos(value());
            case "AllocNodes" -> b.allocNodes(value());
            case "Default" -> b.isDefault(bool());
            case "QoS" -> b.qos(value());
            case "DefaultTime" -> b.defaultTime(TimeLimit.parse(value()));
            case "DisableRootJobs" -> b.disableRootJobs(bool());
            case "ExclusiveUser" -> b.exclusiveUser(value());
            case "GraceTime" -> b.graceTime(Duration.ofSeconds(count()));
            case "Hidden" -> b.hidden(bool());
            case "MaxNodes" -> b.maxNodes(count());
            case "MaxTime" -> b.maxTime(TimeLimit.parse(value()));
            case "MinNodes" -> b.minNodes(count());
            case "LLN" -> b.lln(bool());
            case "MaxCPUsPerNode" -> b.maxCpusPerNode(count());
            case "MaxCPUsPerSocket" -> b.maxCpusPerSocket(count());
            case "NodeSets" -> b.nodeSets(text());
            case "Nodes" -> b.nodes(text());
            case "PriorityJobFactor" -> b.priorityJobFactor(integer());
            case "PriorityTier" -> b.priorityTier(integer());
            case "RootOnly" -> b.rootOnly(bool());
            case "ReqResv" -> b.reqResv(bool());
            case "OverSubscribe" -> b.overSubscribe(value());
            case "OverTimeLimit" -> b.overTimeLimit(value());
            case "PreemptMode" -> b.preemptMode(value());
            case "State" -> b.state(value());
            case "TotalCPUs" -> b.totalCpus(integer());
            case "TotalNodes" -> b.totalNodes(integer());
            case "SelectTypeParameters" -> b.selectTypeParameters(value());
            case "JobDefaults" -> b.jobDefaults(text());
            case "DefMemPerNode" -> b.defMem(mem(false));
            case "DefMemPerCPU" -> b.defMem(mem(true));
            case "MaxMemPerNode" -> b.maxMem(mem(false));
            case "MaxMemPerCPU" -> b.maxMem(mem(true));
            case "TRES" -> b.tres(Tres.parse(value()));
            case "TRESBillingWeights" -> b.tresBillingWeights(value());
            case "Alternate" -> b.alternate(value());
            default -> b.extra(key, value());
        }
    }
}
