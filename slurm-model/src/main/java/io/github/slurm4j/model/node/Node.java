package io.github.slurm4j.model.node;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node as {@code scontrol show node} (22.05 through 26.05) describes it: name, state and
 * reason, plus {@link Hardware}, {@link Usage} and {@link Info}. Nullable components are
 * {@code null} when not supplied (sinfo supplies a subset).
 *
 * @param name {@code NodeName}: the node name; never null
 * @param state {@code State}: the base state with its flags (MIXED, DOWN+NOT_RESPONDING, IDLE+DRAIN...)
 * @param reason {@code Reason}: the reason text without its trailing [user@time] part, verbatim (spaces, ',', '=')
 * @param reasonUser {@code Reason}: the user of the reason's [user@time] part
 * @param reasonTime {@code Reason}: the time of the reason's [user@time] part
 * @param hardware the configured hardware; memory in bytes
 * @param usage what is in use now; memory in bytes
 * @param info addresses, software, membership and times
 * @param extras keys the parser does not know, in output order, unmodifiable
 */
public record Node(String name, NodeState state, String reason, String reasonUser, SlurmTime reasonTime, Hardware hardware, Usage usage, Info info, Map<String, String> extras) {
    /**
     * Checks that the name and the nested records are present and copies the extras; prefer
     * {@link #builder(String)}.
     *
     * @param name {@code NodeName}: the node name; never null
     * @param state {@code State}: the base state with its flags (MIXED, DOWN+NOT_RESPONDING, IDLE+DRAIN...)
     * @param reason {@code Reason}: the reason text without its trailing [user@time] part, verbatim (spaces, ',', '=')
     * @param reasonUser {@code Reason}: the user of the reason's [user@time] part
     * @param reasonTime {@code Reason}: the time of the reason's [user@time] part
     * @param hardware the configured hardware; memory in bytes
     * @param usage what is in use now; memory in bytes
     * @param info addresses, software, membership and times
     * @param extras keys the parser does not know, in output order; {@code null} is taken as none; copied
     *     into an unmodifiable map
     * @throws NullPointerException if {@code name}, {@code hardware}, {@code usage} or {@code info} is {@code null}
     */
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(info, "info");
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A builder for a node named {@code name}; every other value starts as not supplied ({@code null}).
     *
     * @param name the node name ({@code NodeName}); {@link Builder#build()} throws if it is null
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * the configured hardware; memory in bytes
     *
     * @param arch {@code Arch}: the architecture (x86_64)
     * @param coresPerSocket {@code CoresPerSocket}: cores per socket
     * @param cpuTotal {@code CPUTot}: configured CPUs
     * @param cpuEffective {@code CPUEfctv}: CPUs usable by jobs (CPUTot minus specialised cores)
     * @param sockets {@code Sockets}: sockets
     * @param boards {@code Boards}: boards
     * @param threadsPerCore {@code ThreadsPerCore}: threads per core
     * @param realMemoryBytes {@code RealMemory}: configured memory (printed in MiB)
     * @param tmpDiskBytes {@code TmpDisk}: temporary disk (printed in MiB)
     * @param gres {@code Gres}: configured GRES with types; empty for (null)
     * @param availableFeatures {@code AvailableFeatures}: features the node can have; empty for (null)
     * @param activeFeatures {@code ActiveFeatures}: features the node has now
     * @param cfgTres {@code CfgTRES}: configured TRES
     * @param coreSpecCount {@code CoreSpecCount}: specialised cores
     * @param cpuSpecList {@code CPUSpecList}: specialised CPU ids
     * @param memSpecLimitBytes {@code MemSpecLimit}: memory reserved for the system (printed in MiB)
     * @param restrictedCoresPerGpu {@code RestrictedCoresPerGPU}: cores restricted to GPU jobs (24.11+)
     */
    public record Hardware(String arch, Integer coresPerSocket, Integer cpuTotal, Integer cpuEffective, Integer sockets, Integer boards, Integer threadsPerCore, Long realMemoryBytes, Long tmpDiskBytes, List<GresItem> gres, List<String> availableFeatures, List<String> activeFeatures, Tres cfgTres, Integer coreSpecCount, String cpuSpecList, Long memSpecLimitBytes, String restrictedCoresPerGpu) {
    }

    /**
     * what is in use now; memory in bytes
     *
     * @param cpuAlloc {@code CPUAlloc}: allocated CPUs
     * @param cpuLoad {@code CPULoad}: the load average; null for N/A
     * @param allocMemoryBytes {@code AllocMem}: allocated memory (printed in MiB)
     * @param freeMemoryBytes {@code FreeMem}: free memory as the node reports it; null for N/A
     * @param gresUsed {@code GresUsed}: GRES in use with IDX (scontrol -d)
     * @param gresDrain {@code GresDrain}: drained GRES (scontrol -d); N/A kept
     * @param allocTres {@code AllocTRES}: allocated TRES; empty when none
     * @param capWatts {@code CapWatts}: power cap; n/a kept
     * @param currentWatts {@code CurrentWatts}: current power draw
     * @param aveWatts {@code AveWatts}: average power draw
     * @param lowestJoules {@code LowestJoules}: lowest energy reading
     * @param consumedJoules {@code ConsumedJoules}: consumed energy
     * @param extSensorsJoules {@code ExtSensorsJoules}: external sensors energy; n/s kept
     * @param extSensorsWatts {@code ExtSensorsWatts}: external sensors power
     * @param extSensorsTemp {@code ExtSensorsTemp}: external sensors temperature; n/s kept
     */
    public record Usage(Integer cpuAlloc, Double cpuLoad, Long allocMemoryBytes, Long freeMemoryBytes, List<GresItem> gresUsed, String gresDrain, Tres allocTres, String capWatts, Long currentWatts, Long aveWatts, Long lowestJoules, Long consumedJoules, String extSensorsJoules, String extSensorsWatts, String extSensorsTemp) {
    }

    /**
     * addresses, software, membership and times
     *
     * @param nodeAddr {@code NodeAddr}: the address
     * @param nodeHostName {@code NodeHostName}: the host name
     * @param port {@code Port}: slurmd's port
     * @param bcastAddr {@code BcastAddr}: the broadcast address
     * @param version {@code Version}: slurmd's version
     * @param os {@code OS}: the operating system line, verbatim (spaces, '#')
     * @param weight {@code Weight}: the scheduling weight
     * @param owner {@code Owner}: the owner; N/A kept
     * @param mcsLabel {@code MCS_label}: the MCS label; N/A kept
     * @param partitions {@code Partitions}: partitions the node is in
     * @param bootTime {@code BootTime}: when the node booted; None when unknown
     * @param slurmdStartTime {@code SlurmdStartTime}: when slurmd started
     * @param lastBusyTime {@code LastBusyTime}: when the node was last busy
     * @param resumeAfterTime {@code ResumeAfterTime}: when a down node is resumed (23.02+)
     * @param nextState {@code NextState}: the state after a reboot
     * @param comment {@code Comment}: the node comment
     * @param extra {@code Extra}: the node's Extra field
     * @param reservation {@code ReservationName}: the reservation the node is in
     * @param instanceId {@code InstanceId}: the cloud instance id
     * @param instanceType {@code InstanceType}: the cloud instance type
     * @param topology {@code Topology}: the topology (25.05+)
     * @param power {@code Power}: power management info
     */
    public record Info(String nodeAddr, String nodeHostName, Integer port, String bcastAddr, String version, String os, Long weight, String owner, String mcsLabel, List<String> partitions, SlurmTime bootTime, SlurmTime slurmdStartTime, SlurmTime lastBusyTime, SlurmTime resumeAfterTime, String nextState, String comment, String extra, String reservation, String instanceId, String instanceType, String topology, String power) {
    }

    /** Collects values; {@link #build()} makes the immutable {@link Node}. Setters accept null. */
    public static final class Builder {
        private String name;
        private NodeState state;
        private String reason;
        private String reasonUser;
        private SlurmTime reasonTime;
        private String arch;
        private Integer coresPerSocket;
        private Integer cpuTotal;
        private Integer cpuEffective;
        private Integer sockets;
        private Integer boards;
        private Integer threadsPerCore;
        private Long realMemoryBytes;
        private Long tmpDiskBytes;
        private List<GresItem> gres;
        private List<String> availableFeatures;
        private List<String> activeFeatures;
        private Tres cfgTres;
        private Integer coreSpecCount;
        private String cpuSpecList;
        private Long memSpecLimitBytes;
        private String restrictedCoresPerGpu;
        private Integer cpuAlloc;
        private Double cpuLoad;
        private Long allocMemoryBytes;
        private Long freeMemoryBytes;
        private List<GresItem> gresUsed;
        private String gresDrain;
        private Tres allocTres;
        private String capWatts;
        private Long currentWatts;
        private Long aveWatts;
        private Long lowestJoules;
        private Long consumedJoules;
        private String extSensorsJoules;
        private String extSensorsWatts;
        private String extSensorsTemp;
        private String nodeAddr;
        private String nodeHostName;
        private Integer port;
        private String bcastAddr;
        private String version;
        private String os;
        private Long weight;
        private String owner;
        private String mcsLabel;
        private List<String> partitions;
        private SlurmTime bootTime;
        private SlurmTime slurmdStartTime;
        private SlurmTime lastBusyTime;
        private SlurmTime resumeAfterTime;
        private String nextState;
        private String comment;
        private String extra;
        private String reservation;
        private String instanceId;
        private String instanceType;
        private String topology;
        private String power;
        private Map<String, String> extras;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * {@code State}: the base state with its flags (MIXED, DOWN+NOT_RESPONDING, IDLE+DRAIN...).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder state(NodeState value) {
            this.state = value;
            return this;
        }

        /**
         * {@code Reason}: the reason text without its trailing [user@time] part, verbatim (spaces, ',', '=').
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /**
         * {@code Reason}: the user of the reason's [user@time] part.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reasonUser(String value) {
            this.reasonUser = value;
            return this;
        }

        /**
         * {@code Reason}: the time of the reason's [user@time] part.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reasonTime(SlurmTime value) {
            this.reasonTime = value;
            return this;
        }

        /**
         * {@code Arch}: the architecture (x86_64).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder arch(String value) {
            this.arch = value;
            return this;
        }

        /**
         * {@code CoresPerSocket}: cores per socket.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder coresPerSocket(Integer value) {
            this.coresPerSocket = value;
            return this;
        }

        /**
         * {@code CPUTot}: configured CPUs.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuTotal(Integer value) {
            this.cpuTotal = value;
            return this;
        }

        /**
         * {@code CPUEfctv}: CPUs usable by jobs (CPUTot minus specialised cores).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuEffective(Integer value) {
            this.cpuEffective = value;
            return this;
        }

        /**
         * {@code Sockets}: sockets.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder sockets(Integer value) {
            this.sockets = value;
            return this;
        }

        /**
         * {@code Boards}: boards.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder boards(Integer value) {
            this.boards = value;
            return this;
        }

        /**
         * {@code ThreadsPerCore}: threads per core.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder threadsPerCore(Integer value) {
            this.threadsPerCore = value;
            return this;
        }

        /**
         * {@code RealMemory}: configured memory (printed in MiB).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder realMemoryBytes(Long value) {
            this.realMemoryBytes = value;
            return this;
        }

        /**
         * {@code TmpDisk}: temporary disk (printed in MiB).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tmpDiskBytes(Long value) {
            this.tmpDiskBytes = value;
            return this;
        }

        /**
         * {@code Gres}: configured GRES with types; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder gres(List<GresItem> value) {
            this.gres = value;
            return this;
        }

        /**
         * {@code AvailableFeatures}: features the node can have; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder availableFeatures(List<String> value) {
            this.availableFeatures = value;
            return this;
        }

        /**
         * {@code ActiveFeatures}: features the node has now.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder activeFeatures(List<String> value) {
            this.activeFeatures = value;
            return this;
        }

        /**
         * {@code CfgTRES}: configured TRES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cfgTres(Tres value) {
            this.cfgTres = value;
            return this;
        }

        /**
         * {@code CoreSpecCount}: specialised cores.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder coreSpecCount(Integer value) {
            this.coreSpecCount = value;
            return this;
        }

        /**
         * {@code CPUSpecList}: specialised CPU ids.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuSpecList(String value) {
            this.cpuSpecList = value;
            return this;
        }

        /**
         * {@code MemSpecLimit}: memory reserved for the system (printed in MiB).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder memSpecLimitBytes(Long value) {
            this.memSpecLimitBytes = value;
            return this;
        }

        /**
         * {@code RestrictedCoresPerGPU}: cores restricted to GPU jobs (24.11+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder restrictedCoresPerGpu(String value) {
            this.restrictedCoresPerGpu = value;
            return this;
        }

        /**
         * {@code CPUAlloc}: allocated CPUs.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuAlloc(Integer value) {
            this.cpuAlloc = value;
            return this;
        }

        /**
         * {@code CPULoad}: the load average; null for N/A.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder cpuLoad(Double value) {
            this.cpuLoad = value;
            return this;
        }

        /**
         * {@code AllocMem}: allocated memory (printed in MiB).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocMemoryBytes(Long value) {
            this.allocMemoryBytes = value;
            return this;
        }

        /**
         * {@code FreeMem}: free memory as the node reports it; null for N/A.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder freeMemoryBytes(Long value) {
            this.freeMemoryBytes = value;
            return this;
        }

        /**
         * {@code GresUsed}: GRES in use with IDX (scontrol -d).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder gresUsed(List<GresItem> value) {
            this.gresUsed = value;
            return this;
        }

        /**
         * {@code GresDrain}: drained GRES (scontrol -d); N/A kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder gresDrain(String value) {
            this.gresDrain = value;
            return this;
        }

        /**
         * {@code AllocTRES}: allocated TRES; empty when none.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocTres(Tres value) {
            this.allocTres = value;
            return this;
        }

        /**
         * {@code CapWatts}: power cap; n/a kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder capWatts(String value) {
            this.capWatts = value;
            return this;
        }

        /**
         * {@code CurrentWatts}: current power draw.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder currentWatts(Long value) {
            this.currentWatts = value;
            return this;
        }

        /**
         * {@code AveWatts}: average power draw.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder aveWatts(Long value) {
            this.aveWatts = value;
            return this;
        }

        /**
         * {@code LowestJoules}: lowest energy reading.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder lowestJoules(Long value) {
            this.lowestJoules = value;
            return this;
        }

        /**
         * {@code ConsumedJoules}: consumed energy.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder consumedJoules(Long value) {
            this.consumedJoules = value;
            return this;
        }

        /**
         * {@code ExtSensorsJoules}: external sensors energy; n/s kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder extSensorsJoules(String value) {
            this.extSensorsJoules = value;
            return this;
        }

        /**
         * {@code ExtSensorsWatts}: external sensors power.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder extSensorsWatts(String value) {
            this.extSensorsWatts = value;
            return this;
        }

        /**
         * {@code ExtSensorsTemp}: external sensors temperature; n/s kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder extSensorsTemp(String value) {
            this.extSensorsTemp = value;
            return this;
        }

        /**
         * {@code NodeAddr}: the address.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodeAddr(String value) {
            this.nodeAddr = value;
            return this;
        }

        /**
         * {@code NodeHostName}: the host name.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodeHostName(String value) {
            this.nodeHostName = value;
            return this;
        }

        /**
         * {@code Port}: slurmd's port.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder port(Integer value) {
            this.port = value;
            return this;
        }

        /**
         * {@code BcastAddr}: the broadcast address.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder bcastAddr(String value) {
            this.bcastAddr = value;
            return this;
        }

        /**
         * {@code Version}: slurmd's version.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /**
         * {@code OS}: the operating system line, verbatim (spaces, '#').
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder os(String value) {
            this.os = value;
            return this;
        }

        /**
         * {@code Weight}: the scheduling weight.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder weight(Long value) {
            this.weight = value;
            return this;
        }

        /**
         * {@code Owner}: the owner; N/A kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        /**
         * {@code MCS_label}: the MCS label; N/A kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder mcsLabel(String value) {
            this.mcsLabel = value;
            return this;
        }

        /**
         * {@code Partitions}: partitions the node is in.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder partitions(List<String> value) {
            this.partitions = value;
            return this;
        }

        /**
         * {@code BootTime}: when the node booted; None when unknown.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder bootTime(SlurmTime value) {
            this.bootTime = value;
            return this;
        }

        /**
         * {@code SlurmdStartTime}: when slurmd started.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder slurmdStartTime(SlurmTime value) {
            this.slurmdStartTime = value;
            return this;
        }

        /**
         * {@code LastBusyTime}: when the node was last busy.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder lastBusyTime(SlurmTime value) {
            this.lastBusyTime = value;
            return this;
        }

        /**
         * {@code ResumeAfterTime}: when a down node is resumed (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder resumeAfterTime(SlurmTime value) {
            this.resumeAfterTime = value;
            return this;
        }

        /**
         * {@code NextState}: the state after a reboot.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nextState(String value) {
            this.nextState = value;
            return this;
        }

        /**
         * {@code Comment}: the node comment.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /**
         * {@code Extra}: the node's Extra field.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder extra(String value) {
            this.extra = value;
            return this;
        }

        /**
         * {@code ReservationName}: the reservation the node is in.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reservation(String value) {
            this.reservation = value;
            return this;
        }

        /**
         * {@code InstanceId}: the cloud instance id.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder instanceId(String value) {
            this.instanceId = value;
            return this;
        }

        /**
         * {@code InstanceType}: the cloud instance type.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder instanceType(String value) {
            this.instanceType = value;
            return this;
        }

        /**
         * {@code Topology}: the topology (25.05+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder topology(String value) {
            this.topology = value;
            return this;
        }

        /**
         * {@code Power}: power management info.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder power(String value) {
            this.power = value;
            return this;
        }

        /**
         * Keeps a key no parser knows, in the order first added; a repeated key keeps its last value.
         *
         * @param key the key as printed; not null
         * @param value the value as printed; may be null
         * @return this builder
         * @throws NullPointerException if {@code key} is null
         */
        public Builder extra(String key, String value) {
            if (extras == null) {
                extras = new LinkedHashMap<>(4);
            }
            extras.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Makes the immutable node from the values set so far; the builder can be used further.
         *
         * @return the node
         * @throws NullPointerException if the builder was made with a {@code null} name
         */
        public Node build() {
            Hardware hardware = new Hardware(arch, coresPerSocket, cpuTotal, cpuEffective, sockets, boards, threadsPerCore, realMemoryBytes, tmpDiskBytes, gres, availableFeatures, activeFeatures, cfgTres, coreSpecCount, cpuSpecList, memSpecLimitBytes, restrictedCoresPerGpu);
            Usage usage = new Usage(cpuAlloc, cpuLoad, allocMemoryBytes, freeMemoryBytes, gresUsed, gresDrain, allocTres, capWatts, currentWatts, aveWatts, lowestJoules, consumedJoules, extSensorsJoules, extSensorsWatts, extSensorsTemp);
            Info info = new Info(nodeAddr, nodeHostName, port, bcastAddr, version, os, weight, owner, mcsLabel, partitions, bootTime, slurmdStartTime, lastBusyTime, resumeAfterTime, nextState, comment, extra, reservation, instanceId, instanceType, topology, power);
            return new Node(name, state, reason, reasonUser, reasonTime, hardware, usage, info, extras);
        }
    }
}
