package io.github.slurm4j.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partition as {@code scontrol show partition} describes it. Nullable components are {@code null}
 * when not supplied.
 *
 * @param name {@code PartitionName}: the partition name; never null
 * @param state {@code State}: UP, DOWN, DRAIN, INACTIVE
 * @param isDefault {@code Default}: whether it is the default partition
 * @param nodes {@code Nodes}: its nodes as a hostlist expression; empty for (null)
 * @param totalCpus {@code TotalCPUs}: its CPUs
 * @param totalNodes {@code TotalNodes}: its nodes
 * @param tres {@code TRES}: its TRES
 * @param limits limits; counts and memory of UNLIMITED are Partition.UNLIMITED (Long.MAX_VALUE)
 * @param access who may use it
 * @param scheduling scheduling settings
 * @param extras keys the parser does not know, in output order, unmodifiable
 */
public record Partition(String name, String state, Boolean isDefault, String nodes, Integer totalCpus, Integer totalNodes, Tres tres, Limits limits, Access access, Scheduling scheduling, Map<String, String> extras) {
    /** The value of a count or memory limit printed as {@code UNLIMITED}. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Checks that the name and the nested records are present and copies the extras; prefer
     * {@link #builder(String)}.
     *
     * @param name {@code PartitionName}: the partition name; never null
     * @param state {@code State}: UP, DOWN, DRAIN, INACTIVE
     * @param isDefault {@code Default}: whether it is the default partition
     * @param nodes {@code Nodes}: its nodes as a hostlist expression; empty for (null)
     * @param totalCpus {@code TotalCPUs}: its CPUs
     * @param totalNodes {@code TotalNodes}: its nodes
     * @param tres {@code TRES}: its TRES
     * @param limits limits; counts and memory of UNLIMITED are Partition.UNLIMITED (Long.MAX_VALUE)
     * @param access who may use it
     * @param scheduling scheduling settings
     * @param extras keys the parser does not know, in output order; {@code null} is taken as none; copied
     *     into an unmodifiable map
     * @throws NullPointerException if {@code name}, {@code limits}, {@code access} or {@code scheduling} is
     *     {@code null}
     */
    public Partition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(scheduling, "scheduling");
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A builder for a partition named {@code name}; every other value starts as not supplied
     * ({@code null}).
     *
     * @param name the partition name ({@code PartitionName}); {@link Builder#build()} throws if it is null
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * limits; counts and memory of UNLIMITED are Partition.UNLIMITED (Long.MAX_VALUE)
     *
     * @param defaultTime {@code DefaultTime}: the default time limit
     * @param maxTime {@code MaxTime}: the maximum time limit
     * @param minNodes {@code MinNodes}: minimum nodes per job
     * @param maxNodes {@code MaxNodes}: maximum nodes per job
     * @param maxCpusPerNode {@code MaxCPUsPerNode}: maximum CPUs per node
     * @param maxCpusPerSocket {@code MaxCPUsPerSocket}: maximum CPUs per socket
     * @param defMem {@code DefMemPerNode}: the default memory, per node (DefMemPerNode) or per CPU (DefMemPerCPU)
     * @param maxMem {@code MaxMemPerNode}: the maximum memory, per node or per CPU
     * @param graceTime {@code GraceTime}: preemption grace time (printed in seconds)
     * @param overTimeLimit {@code OverTimeLimit}: minutes a job may exceed its limit; NONE kept
     * @param jobDefaults {@code JobDefaults}: job defaults; empty for (null)
     */
    public record Limits(TimeLimit defaultTime, TimeLimit maxTime, Long minNodes, Long maxNodes, Long maxCpusPerNode, Long maxCpusPerSocket, MemoryRequest defMem, MemoryRequest maxMem, Duration graceTime, String overTimeLimit, String jobDefaults) {
    }

    /**
     * who may use it
     *
     * @param allowGroups {@code AllowGroups}: ALL or a group list
     * @param allowAccounts {@code AllowAccounts}: ALL or an account list
     * @param denyAccounts {@code DenyAccounts}: denied accounts
     * @param allowQos {@code AllowQos}: ALL or a QOS list
     * @param denyQos {@code DenyQos}: denied QOS
     * @param allocNodes {@code AllocNodes}: submit hosts
     * @param qos {@code QoS}: the partition QOS; N/A kept
     * @param disableRootJobs {@code DisableRootJobs}: whether root may not run jobs
     * @param exclusiveUser {@code ExclusiveUser}: YES/NO
     * @param hidden {@code Hidden}: whether it is hidden
     * @param rootOnly {@code RootOnly}: whether only root may submit
     * @param reqResv {@code ReqResv}: whether jobs need a reservation
     * @param lln {@code LLN}: least-loaded-node scheduling
     */
    public record Access(String allowGroups, String allowAccounts, String denyAccounts, String allowQos, String denyQos, String allocNodes, String qos, Boolean disableRootJobs, String exclusiveUser, Boolean hidden, Boolean rootOnly, Boolean reqResv, Boolean lln) {
    }

    /**
     * scheduling settings
     *
     * @param priorityJobFactor {@code PriorityJobFactor}: job priority factor
     * @param priorityTier {@code PriorityTier}: priority tier
     * @param overSubscribe {@code OverSubscribe}: NO, YES:4, FORCE:4, EXCLUSIVE
     * @param preemptMode {@code PreemptMode}: OFF, CANCEL, REQUEUE, SUSPEND
     * @param selectTypeParameters {@code SelectTypeParameters}: NONE or CR_* values
     * @param nodeSets {@code NodeSets}: node sets
     * @param tresBillingWeights {@code TRESBillingWeights}: billing weights
     * @param alternate {@code Alternate}: the alternate partition
     */
    public record Scheduling(Integer priorityJobFactor, Integer priorityTier, String overSubscribe, String preemptMode, String selectTypeParameters, String nodeSets, String tresBillingWeights, String alternate) {
    }

    /** Collects values; {@link #build()} makes the immutable {@link Partition}. Setters accept null. */
    public static final class Builder {
        private String name;
        private String state;
        private Boolean isDefault;
        private String nodes;
        private Integer totalCpus;
        private Integer totalNodes;
        private Tres tres;
        private TimeLimit defaultTime;
        private TimeLimit maxTime;
        private Long minNodes;
        private Long maxNodes;
        private Long maxCpusPerNode;
        private Long maxCpusPerSocket;
        private MemoryRequest defMem;
        private MemoryRequest maxMem;
        private Duration graceTime;
        private String overTimeLimit;
        private String jobDefaults;
        private String allowGroups;
        private String allowAccounts;
        private String denyAccounts;
        private String allowQos;
        private String denyQos;
        private String allocNodes;
        private String qos;
        private Boolean disableRootJobs;
        private String exclusiveUser;
        private Boolean hidden;
        private Boolean rootOnly;
        private Boolean reqResv;
        private Boolean lln;
        private Integer priorityJobFactor;
        private Integer priorityTier;
        private String overSubscribe;
        private String preemptMode;
        private String selectTypeParameters;
        private String nodeSets;
        private String tresBillingWeights;
        private String alternate;
        private Map<String, String> extras;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * {@code State}: UP, DOWN, DRAIN, INACTIVE.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /**
         * {@code Default}: whether it is the default partition.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder isDefault(Boolean value) {
            this.isDefault = value;
            return this;
        }

        /**
         * {@code Nodes}: its nodes as a hostlist expression; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodes(String value) {
            this.nodes = value;
            return this;
        }

        /**
         * {@code TotalCPUs}: its CPUs.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder totalCpus(Integer value) {
            this.totalCpus = value;
            return this;
        }

        /**
         * {@code TotalNodes}: its nodes.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder totalNodes(Integer value) {
            this.totalNodes = value;
            return this;
        }

        /**
         * {@code TRES}: its TRES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tres(Tres value) {
            this.tres = value;
            return this;
        }

        /**
         * {@code DefaultTime}: the default time limit.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder defaultTime(TimeLimit value) {
            this.defaultTime = value;
            return this;
        }

        /**
         * {@code MaxTime}: the maximum time limit.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxTime(TimeLimit value) {
            this.maxTime = value;
            return this;
        }

        /**
         * {@code MinNodes}: minimum nodes per job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder minNodes(Long value) {
            this.minNodes = value;
            return this;
        }

        /**
         * {@code MaxNodes}: maximum nodes per job.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxNodes(Long value) {
            this.maxNodes = value;
            return this;
        }

        /**
         * {@code MaxCPUsPerNode}: maximum CPUs per node.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxCpusPerNode(Long value) {
            this.maxCpusPerNode = value;
            return this;
        }

        /**
         * {@code MaxCPUsPerSocket}: maximum CPUs per socket.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxCpusPerSocket(Long value) {
            this.maxCpusPerSocket = value;
            return this;
        }

        /**
         * {@code DefMemPerNode}: the default memory, per node (DefMemPerNode) or per CPU (DefMemPerCPU).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder defMem(MemoryRequest value) {
            this.defMem = value;
            return this;
        }

        /**
         * {@code MaxMemPerNode}: the maximum memory, per node or per CPU.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxMem(MemoryRequest value) {
            this.maxMem = value;
            return this;
        }

        /**
         * {@code GraceTime}: preemption grace time (printed in seconds).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder graceTime(Duration value) {
            this.graceTime = value;
            return this;
        }

        /**
         * {@code OverTimeLimit}: minutes a job may exceed its limit; NONE kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder overTimeLimit(String value) {
            this.overTimeLimit = value;
            return this;
        }

        /**
         * {@code JobDefaults}: job defaults; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder jobDefaults(String value) {
            this.jobDefaults = value;
            return this;
        }

        /**
         * {@code AllowGroups}: ALL or a group list.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allowGroups(String value) {
            this.allowGroups = value;
            return this;
        }

        /**
         * {@code AllowAccounts}: ALL or an account list.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allowAccounts(String value) {
            this.allowAccounts = value;
            return this;
        }

        /**
         * {@code DenyAccounts}: denied accounts.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder denyAccounts(String value) {
            this.denyAccounts = value;
            return this;
        }

        /**
         * {@code AllowQos}: ALL or a QOS list.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allowQos(String value) {
            this.allowQos = value;
            return this;
        }

        /**
         * {@code DenyQos}: denied QOS.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder denyQos(String value) {
            this.denyQos = value;
            return this;
        }

        /**
         * {@code AllocNodes}: submit hosts.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder allocNodes(String value) {
            this.allocNodes = value;
            return this;
        }

        /**
         * {@code QoS}: the partition QOS; N/A kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder qos(String value) {
            this.qos = value;
            return this;
        }

        /**
         * {@code DisableRootJobs}: whether root may not run jobs.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder disableRootJobs(Boolean value) {
            this.disableRootJobs = value;
            return this;
        }

        /**
         * {@code ExclusiveUser}: YES/NO.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder exclusiveUser(String value) {
            this.exclusiveUser = value;
            return this;
        }

        /**
         * {@code Hidden}: whether it is hidden.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder hidden(Boolean value) {
            this.hidden = value;
            return this;
        }

        /**
         * {@code RootOnly}: whether only root may submit.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder rootOnly(Boolean value) {
            this.rootOnly = value;
            return this;
        }

        /**
         * {@code ReqResv}: whether jobs need a reservation.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder reqResv(Boolean value) {
            this.reqResv = value;
            return this;
        }

        /**
         * {@code LLN}: least-loaded-node scheduling.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder lln(Boolean value) {
            this.lln = value;
            return this;
        }

        /**
         * {@code PriorityJobFactor}: job priority factor.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder priorityJobFactor(Integer value) {
            this.priorityJobFactor = value;
            return this;
        }

        /**
         * {@code PriorityTier}: priority tier.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder priorityTier(Integer value) {
            this.priorityTier = value;
            return this;
        }

        /**
         * {@code OverSubscribe}: NO, YES:4, FORCE:4, EXCLUSIVE.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder overSubscribe(String value) {
            this.overSubscribe = value;
            return this;
        }

        /**
         * {@code PreemptMode}: OFF, CANCEL, REQUEUE, SUSPEND.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder preemptMode(String value) {
            this.preemptMode = value;
            return this;
        }

        /**
         * {@code SelectTypeParameters}: NONE or CR_* values.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder selectTypeParameters(String value) {
            this.selectTypeParameters = value;
            return this;
        }

        /**
         * {@code NodeSets}: node sets.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodeSets(String value) {
            this.nodeSets = value;
            return this;
        }

        /**
         * {@code TRESBillingWeights}: billing weights.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tresBillingWeights(String value) {
            this.tresBillingWeights = value;
            return this;
        }

        /**
         * {@code Alternate}: the alternate partition.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder alternate(String value) {
            this.alternate = value;
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
         * Makes the immutable partition from the values set so far; the builder can be used further.
         *
         * @return the partition
         * @throws NullPointerException if the builder was made with a {@code null} name
         */
        public Partition build() {
            Limits limits = new Limits(defaultTime, maxTime, minNodes, maxNodes, maxCpusPerNode, maxCpusPerSocket, defMem, maxMem, graceTime, overTimeLimit, jobDefaults);
            Access access = new Access(allowGroups, allowAccounts, denyAccounts, allowQos, denyQos, allocNodes, qos, disableRootJobs, exclusiveUser, hidden, rootOnly, reqResv, lln);
            Scheduling scheduling = new Scheduling(priorityJobFactor, priorityTier, overSubscribe, preemptMode, selectTypeParameters, nodeSets, tresBillingWeights, alternate);
            return new Partition(name, state, isDefault, nodes, totalCpus, totalNodes, tres, limits, access, scheduling, extras);
        }
    }
}
