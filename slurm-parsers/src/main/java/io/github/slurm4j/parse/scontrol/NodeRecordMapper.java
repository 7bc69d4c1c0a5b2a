package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.node.GresItem;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeState;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Maps {@code scontrol show node} records; see {@link ScontrolParser} for the rules. */
final class NodeRecordMapper extends RecordMapper<Node.Builder, Node> {
    static final List<String> KEYS = List.of("NodeName", "Arch", "CoresPerSocket", "CPUAlloc", "CPUEfctv", "CPUTot",
            "CPULoad", "AvailableFeatures", "ActiveFeatures", "Gres", "GresDrain", "GresUsed", "NodeAddr",
            "NodeHostName", "Port", "BcastAddr", "Version", "OS", "RealMemory", "AllocMem", "FreeMem", "Sockets",
            "Boards", "State", "ThreadsPerCore", "TmpDisk", "Weight", "Owner", "MCS_label", "Partitions", "BootTime",
            "SlurmdStartTime", "LastBusyTime", "ResumeAfterTime", "CfgTRES", "AllocTRES", "CapWatts", "CurrentWatts",
            "AveWatts", "LowestJoules", "ConsumedJoules", "ExtSensorsJoules", "ExtSensorsWatts", "ExtSensorsTemp",
            "Reason", "Comment", "Extra", "CoreSpecCount", "CPUSpecList", "MemSpecLimit", "NextState",
            "ReservationName", "InstanceId", "InstanceType", "Topology", "RestrictedCoresPerGPU", "Power");

    /** Keys whose values are free text. */
    static final Set<String> FREE_TEXT = Set.of("Reason", "OS", "Comment", "Extra");

    static final KeySet KEY_SET = new KeySet(KEYS, FREE_TEXT, Set.of());

    private final ValueCache<String> strings = new ValueCache<>(1024, s -> s);
    private final ValueCache<SlurmTime> times = ValueCache.ofRange(256, JobRecordMapper::time);
    private final ValueCache<Tres> tres = new ValueCache<>(256, Tres::parse);
    private final ValueCache<NodeState> states = new ValueCache<>(64, NodeState::parse);
    private final ValueCache<List<GresItem>> gres = new ValueCache<>(128, GresItem::parseList);
    private final ValueCache<List<String>> lists = new ValueCache<>(256, NodeRecordMapper::commaList);

    NodeRecordMapper() {
        super("scontrol show node", KEY_SET, true, false, Checks.NONE);
    }

    static List<String> commaList(String s) {
        if (s.isEmpty() || s.equals("(null)")) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int comma = s.indexOf(',', start);
            if (comma < 0) {
                out.add(s.substring(start));
                return List.copyOf(out);
            }
            out.add(s.substring(start, comma));
            start = comma + 1;
        }
    }

    @Override
    Node.Builder start() {
        return Node.builder(tok.value());
    }

    @Override
    Node finish(Node.Builder b) {
        return b.build();
    }

    private String str() {
        return cached(strings);
    }

    /** A long, or null for {@code n/a}, {@code N/A}, {@code n/s}. */
    private Long lngOrNa() {
        if (tok.valueIs("N/A") || tok.valueIs("n/a") || tok.valueIs("n/s")) {
            return null;
        }
        return Values.parseLong(tok.bytes(), tok.valueStart(), tok.valueEnd());
    }

    /** MiB to bytes, null for N/A. */
    private Long mib() {
        Long v = lngOrNa();
        return v == null ? null : Math.multiplyExact(v, MemorySize.MIB);
    }

    @Override
    void apply(Node.Builder b, String key) {
        switch (key) {
            case "Arch" -> b.arch(str());
            case "CoresPerSocket" -> b.coresPerSocket(integer());
            case "CPUAlloc" -> b.cpuAlloc(integer());
            case "CPUEfctv" -> b.cpuEffective(integer());
            case "CPUTot" -> b.cpuTotal(integer());
            case "CPULoad" -> b.cpuLoad(tok.valueIs("N/A") ? null : Double.valueOf(tok.value()));
            case "AvailableFeatures" -> b.availableFeatures(cached(lists));
            case "ActiveFeatures" -> b.activeFeatures(cached(lists));
            case "Gres" -> b.gres(cached(gres));
            case "GresDrain" -> b.gresDrain(str());
            case "GresUsed" -> b.gresUsed(cached(gres));
            case "NodeAddr" -> b.nodeAddr(str());
            case "NodeHostName" -> b.nodeHostName(str());
            case "Port" -> b.port(integer());
            case "BcastAddr" -> b.bcastAddr(str());
            case "Version" -> b.version(str());
            case "OS" -> b.os(strings.get(tok.bytes(), tok.valueStart(), endBeforeOwnSpace()));
            case "RealMemory" -> b.realMemoryBytes(mib());
            case "AllocMem" -> b.allocMemoryBytes(mib());
            case "FreeMem" -> b.freeMemoryBytes(mib());
            case "Sockets" -> b.sockets(integer());
            case "Boards" -> b.boards(integer());
            case "State" -> b.state(cached(states));
            case "ThreadsPerCore" -> b.threadsPerCore(integer());
            case "TmpDisk" -> b.tmpDiskBytes(mib());
            case "Weight" -> b.weight(lngOrNa());
            case "Owner" -> b.owner(str());
            case "MCS_label" -> b.mcsLabel(str());
            case "Partitions" -> b.partitions(cached(lists));
            case "BootTime" -> b.bootTime(cached(times));
            case "SlurmdStartTime" -> b.slurmdStartTime(cached(times));
            case "LastBusyTime" -> b.lastBusyTime(cached(times));
            case "ResumeAfterTime" -> b.resumeAfterTime(cached(times));
            case "CfgTRES" -> b.cfgTres(cached(tres));
            case "AllocTRES" -> b.allocTres(cached(tres));
            case "CapWatts" -> b.capWatts(str());
            case "CurrentWatts" -> b.currentWatts(lngOrNa());
            case "AveWatts" -> b.aveWatts(lngOrNa());
            case "LowestJoules" -> b.lowestJoules(lngOrNa());
            case "ConsumedJoules" -> b.consumedJoules(lngOrNa());
            case "ExtSensorsJoules" -> b.extSensorsJoules(str());
            case "ExtSensorsWatts" -> b.extSensorsWatts(str());
            case "ExtSensorsTemp" -> b.extSensorsTemp(str());
            case "Reason" -> reason(b, tok.value());
            case "Comment" -> b.comment(tok.value());
            case "Extra" -> b.extra(tok.value());
            case "CoreSpecCount" -> b.coreSpecCount(integer());
            case "CPUSpecList" -> b.cpuSpecList(str());
            case "MemSpecLimit" -> b.memSpecLimitBytes(mib());
            case "NextState" -> b.nextState(str());
            case "ReservationName" -> b.reservation(str());
            case "InstanceId" -> b.instanceId(str());
            case "InstanceType" -> b.instanceType(str());
            case "Topology" -> b.topology(str());
            case "RestrictedCoresPerGPU" -> b.restrictedCoresPerGpu(str());
            case "Power" -> b.power(str());
            default -> b.extra(key, tok.value());
        }
    }

    /**
     * Splits {@code text [user@yyyy-MM-ddTHH:mm:ss]} (scontrol prints {@code "Reason=%s [%s@%s]"}:
     * one space is its own, the reason's own trailing spaces are kept); a reason without that
     * well-formed tail is kept whole.
     */
    static void reason(Node.Builder b, String value) {
        if (value.endsWith("]")) {
            int open = value.lastIndexOf('[');
            int at = value.lastIndexOf('@');
            if (open >= 0 && at > open) {
                LocalDateTime t = Values.parseIsoSeconds(value, at + 1, value.length() - 1);
                if (t != null) {
                    int textEnd = open > 0 && value.charAt(open - 1) == ' ' ? open - 1 : open;
                    b.reason(value.substring(0, textEnd));
                    b.reasonUser(value.substring(open + 1, at));
                    b.reasonTime(SlurmTime.of(t));
                    return;
                }
            }
        }
        b.reason(value);
    }
}
