package io.github.slurm4j.model.node;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of sinfo output: a group of nodes of one partition sharing a state (partition-oriented,
 * the default) or one node in one partition ({@code -N}). Every component is {@code null} when
 * the format did not print it.
 *
 * @param partition the partition name without the default marker
 * @param defaultPartition whether sinfo marked the partition as default ({@code debug*})
 * @param available the partition availability ({@code up}, {@code down}, {@code drain}, {@code inact})
 * @param timeLimit the partition time limit ({@code infinite} is {@link TimeLimit#UNLIMITED})
 * @param nodeCount the number of nodes in the row ({@code %D})
 * @param state the state ({@code mix}, {@code drain*}, {@code unknown*}); {@code null} for
 *     {@code n/a} (a partition without matching nodes)
 * @param nodeList the nodes, a hostlist expression; {@code null} when empty
 * @param cpus CPU counts {@code A/I/O/T} ({@code %C})
 * @param nodesAiot node counts {@code A/I/O/T} ({@code %F})
 * @param cpusPerNode CPUs per node ({@code %c}; a range such as {@code 8+} stays in extras)
 * @param memoryMib memory per node in MiB ({@code %m})
 * @param freeMemoryMib free memory in MiB ({@code %e}); {@code null} for {@code N/A}
 * @param gres the configured GRES ({@code %G}); {@code null} for {@code (null)}
 * @param gresUsed the GRES in use ({@code GresUsed}, may carry {@code (IDX:0-1)})
 * @param reason the reason a node is down or drained; {@code null} for {@code none}
 * @param reasonUser who set the reason ({@code %u})
 * @param reasonTime when the reason was set ({@code %H})
 * @param extras every other printed field, keyed by its {@code -O} name, raw text, in order
 * @param truncated keys of the fields whose printed value may be cut
 */
public record SinfoRow(
        String partition,
        Boolean defaultPartition,
        String available,
        TimeLimit timeLimit,
        Integer nodeCount,
        NodeState state,
        String nodeList,
        CpuCounts cpus,
        CpuCounts nodesAiot,
        Integer cpusPerNode,
        Long memoryMib,
        Long freeMemoryMib,
        String gres,
        String gresUsed,
        String reason,
        String reasonUser,
        SlurmTime reasonTime,
        Map<String, String> extras,
        Set<String> truncated) {

    /**
     * Copies the extras and the truncated keys; every other component is taken as given.
     *
     * @param partition the partition name without the default marker
     * @param defaultPartition whether sinfo marked the partition as default ({@code debug*})
     * @param available the partition availability ({@code up}, {@code down}, {@code drain}, {@code inact})
     * @param timeLimit the partition time limit ({@code infinite} is {@link TimeLimit#UNLIMITED})
     * @param nodeCount the number of nodes in the row ({@code %D})
     * @param state the state ({@code mix}, {@code drain*}, {@code unknown*}); {@code null} for
     *     {@code n/a} (a partition without matching nodes)
     * @param nodeList the nodes, a hostlist expression; {@code null} when empty
     * @param cpus CPU counts {@code A/I/O/T} ({@code %C})
     * @param nodesAiot node counts {@code A/I/O/T} ({@code %F})
     * @param cpusPerNode CPUs per node ({@code %c}; a range such as {@code 8+} stays in extras)
     * @param memoryMib memory per node in MiB ({@code %m})
     * @param freeMemoryMib free memory in MiB ({@code %e}); {@code null} for {@code N/A}
     * @param gres the configured GRES ({@code %G}); {@code null} for {@code (null)}
     * @param gresUsed the GRES in use ({@code GresUsed}, may carry {@code (IDX:0-1)})
     * @param reason the reason a node is down or drained; {@code null} for {@code none}
     * @param reasonUser who set the reason ({@code %u})
     * @param reasonTime when the reason was set ({@code %H})
     * @param extras every other printed field, keyed by its {@code -O} name, raw text, in order; {@code null} is
     *     taken as none; copied into an unmodifiable map
     * @param truncated keys of the fields whose printed value may be cut; {@code null} is taken as none; copied into
     *     an unmodifiable sorted set
     */
    public SinfoRow {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        truncated = truncated == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(truncated));
    }

    /**
     * Whether the value printed for a field may be cut by its column width.
     *
     * @param field the field's {@code -O} name ({@code NodeList}, {@code Reason}), case-sensitive
     * @return true when {@link #truncated()} holds it
     */
    public boolean isTruncated(String field) {
        return truncated.contains(field);
    }

    /**
     * Whether this row describes exactly one node ({@code sinfo -N}, or a partition row whose
     * node list is a single name): {@link #toNode()} is defined.
     *
     * @return true for one uncut node name and a node count of 1 or none printed
     */
    public boolean isSingleNode() {
        return nodeList != null && !nodeList.isEmpty() && nodeList.indexOf('[') < 0 && nodeList.indexOf(',') < 0
                && (nodeCount == null || nodeCount == 1) && !truncated.contains("NodeList");
    }

    /**
     * This node-oriented row ({@code sinfo -N}) as a {@link Node} holding only what the columns
     * supplied. Memory is converted from MiB to bytes; the row's partition becomes the node's only
     * partition (sinfo -N prints a node once per partition: see {@link #toNodes(Collection)}).
     * CPU counts {@code A/I/O/T} give {@code cpuAlloc} and, with no {@code %c}, the CPU total.
     * {@code Disk}, {@code Sockets}, {@code Cores}, {@code Threads}, {@code CPUsLoad},
     * {@code Weight}, {@code Features}, {@code FeaturesAct}, {@code Version}, {@code NodeAddr} and
     * {@code NodeHost} extras are typed onto the node; other extras stay extras.
     *
     * @return the node, named by the row's node list
     * @throws IllegalStateException when the row is not about exactly one node
     *     ({@link #isSingleNode()} is false)
     */
    public Node toNode() {
        if (!isSingleNode()) {
            throw new IllegalStateException("not a single-node sinfo row: " + nodeList);
        }
        Map<String, String> rest = new LinkedHashMap<>(extras);
        Node.Builder b = Node.builder(nodeList).state(state).reason(reason).reasonUser(reasonUser).reasonTime(reasonTime);
        if (partition != null) {
            b.partitions(List.of(partition));
        }
        Integer total = cpusPerNode;
        if (cpus != null) {
            b.cpuAlloc((int) cpus.allocated());
            total = total == null ? (int) cpus.total() : total;
        }
        b.cpuTotal(total);
        b.realMemoryBytes(memoryMib == null ? null : memoryMib * MemorySize.MIB);
        b.freeMemoryBytes(freeMemoryMib == null ? null : freeMemoryMib * MemorySize.MIB);
        try {
            b.gres(gres == null ? null : GresItem.parseList(gres));
        } catch (IllegalArgumentException e) {
            rest.put("Gres", gres);
        }
        try {
            b.gresUsed(gresUsed == null ? null : GresItem.parseList(gresUsed));
        } catch (IllegalArgumentException e) {
            rest.put("GresUsed", gresUsed);
        }
        Long disk = longOf(rest.get("Disk"));
        if (disk != null) {
            b.tmpDiskBytes(disk * MemorySize.MIB);
            rest.remove("Disk");
        }
        Long v;
        if ((v = longOf(rest.get("Sockets"))) != null) {
            b.sockets(v.intValue());
            rest.remove("Sockets");
        }
        if ((v = longOf(rest.get("Cores"))) != null) {
            b.coresPerSocket(v.intValue());
            rest.remove("Cores");
        }
        if ((v = longOf(rest.get("Threads"))) != null) {
            b.threadsPerCore(v.intValue());
            rest.remove("Threads");
        }
        if ((v = longOf(rest.get("Weight"))) != null) {
            b.weight(v);
            rest.remove("Weight");
        }
        String load = rest.get("CPUsLoad");
        if (load != null && load.matches("\\d+(\\.\\d+)?")) {
            b.cpuLoad(Double.valueOf(load));
            rest.remove("CPUsLoad");
        } else if ("N/A".equals(load)) {
            rest.remove("CPUsLoad");
        }
        String features = rest.remove("Features");
        if (features != null) {
            b.availableFeatures(list(features));
        }
        String active = rest.remove("FeaturesAct");
        if (active != null) {
            b.activeFeatures(list(active));
        }
        String version = rest.remove("Version");
        if (version != null) {
            b.version(version);
        }
        String addr = rest.remove("NodeAddr");
        if (addr != null) {
            b.nodeAddr(addr);
        }
        String host = rest.remove("NodeHost");
        if (host != null) {
            b.nodeHostName(host);
        }
        rest.forEach(b::extra);
        return b.build();
    }

    /**
     * The nodes of {@code sinfo -N} rows, one per node name in first-seen order, with the
     * partitions of all its rows (sinfo prints a node once per partition). Partition-oriented rows
     * with one node name are accepted too.
     *
     * @param rows the rows, in printed order
     * @return the nodes; each holds the columns of its first row and the partitions of all its
     *     rows; unmodifiable
     * @throws IllegalStateException when a row is not about exactly one node
     */
    public static List<Node> toNodes(Collection<SinfoRow> rows) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        for (SinfoRow row : rows) {
            Node n = row.toNode();
            nodes.putIfAbsent(n.name(), n);
            List<String> parts = partitions.computeIfAbsent(n.name(), k -> new ArrayList<>(2));
            if (row.partition() != null && !parts.contains(row.partition())) {
                parts.add(row.partition());
            }
        }
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes.values()) {
            List<String> parts = partitions.get(n.name());
            Node.Info i = n.info();
            Node.Info merged = new Node.Info(i.nodeAddr(), i.nodeHostName(), i.port(), i.bcastAddr(), i.version(), i.os(),
                    i.weight(), i.owner(), i.mcsLabel(), parts.isEmpty() ? i.partitions() : List.copyOf(parts), i.bootTime(),
                    i.slurmdStartTime(), i.lastBusyTime(), i.resumeAfterTime(), i.nextState(), i.comment(), i.extra(),
                    i.reservation(), i.instanceId(), i.instanceType(), i.topology(), i.power());
            out.add(new Node(n.name(), n.state(), n.reason(), n.reasonUser(), n.reasonTime(), n.hardware(), n.usage(), merged,
                    n.extras()));
        }
        return List.copyOf(out);
    }

    private static Long longOf(String s) {
        if (s == null || !s.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(s);
    }

    /** {@code (null)} and the empty string are the empty list. */
    private static List<String> list(String s) {
        if (s.isEmpty() || s.equals("(null)")) {
            return List.of();
        }
        return List.copyOf(Arrays.asList(s.split(",")));
    }

    /**
     * sinfo's {@code allocated/idle/other/total} counts ({@code %C} for CPUs, {@code %F} for nodes).
     *
     * @param allocated allocated CPUs or nodes
     * @param idle idle CPUs or nodes
     * @param other other CPUs or nodes (down, drained, …)
     * @param total all CPUs or nodes of the row
     */
    public record CpuCounts(long allocated, long idle, long other, long total) {
        /**
         * Parses {@code 6/2/0/8}.
         *
         * @param text the four counts separated by {@code /}, surrounding spaces ignored
         * @return the counts
         * @throws IllegalArgumentException for anything else
         */
        public static CpuCounts parse(String text) {
            String[] p = text.trim().split("/", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("not A/I/O/T counts: '" + text + "'");
            }
            try {
                return new CpuCounts(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not A/I/O/T counts: '" + text + "'", e);
            }
        }
    }
}
