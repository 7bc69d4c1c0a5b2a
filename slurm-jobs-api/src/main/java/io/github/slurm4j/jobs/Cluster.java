package io.github.slurm4j.jobs;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named cluster (the console's "machine"): the {@link Shell} commands run on (local or SSH)
 * and the options of the façade on it. Immutable; the façade does not close the shell.
 *
 * @param name the name the façade is called with
 * @param shell where Slurm's commands run
 * @param slurmCluster {@code -M} for every command, or {@code null} for the shell's default cluster
 * @param zone the cluster's time zone (Slurm prints local times)
 * @param host the host written in job keys ({@code <job id>-<host>})
 * @param partitions the partitions a submission may name; empty = not known, not checked
 * @param preemptible the partitions and QOS whose jobs may be preempted (rows say so); empty = none
 * @param priorityUnit Slurm priority points per step of the 1..1000 console scale ({@link Priorities})
 * @param timeout the timeout of each command
 * @param clock the clock for "now" (the token look-up's window); the system's by default
 */
public record Cluster(String name, Shell shell, String slurmCluster, ZoneId zone, String host, List<String> partitions,
        Set<String> preemptible, long priorityUnit, Duration timeout, Clock clock) {
    /**
     * Checks the settings and copies the collections; prefer {@link #builder(String, Shell)}.
     *
     * @param name the name the façade is called with
     * @param shell where Slurm's commands run
     * @param slurmCluster {@code -M} for every command, or {@code null} for the shell's default cluster
     * @param zone the cluster's time zone (Slurm prints local times)
     * @param host the host written in job keys ({@code <job id>-<host>})
     * @param partitions the partitions a submission may name; empty = not known, not checked; copied
     * @param preemptible the partitions and QOS whose jobs may be preempted (rows say so); empty = none; copied
     * @param priorityUnit Slurm priority points per step of the 1..1000 console scale ({@link Priorities})
     * @param timeout the timeout of each command
     * @param clock the clock for "now" (the token look-up's window); the system's by default
     * @throws NullPointerException if {@code name}, {@code shell}, {@code zone}, {@code host}, {@code timeout},
     *     {@code clock} or a collection is {@code null}
     * @throws IllegalArgumentException if {@code priorityUnit} is not positive
     */
    public Cluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        partitions = List.copyOf(partitions);
        preemptible = Set.copyOf(preemptible);
        if (priorityUnit <= 0) {
            throw new IllegalArgumentException("priority unit must be positive: " + priorityUnit);
        }
    }

    /**
     * A cluster named {@code name} on {@code shell}, with the defaults of {@link Builder}: the
     * shell's default Slurm cluster, the JVM's zone, host = name, partitions not checked, nothing
     * preemptible, {@value Priorities#DEFAULT_UNIT} priority points per step, 60 s per command,
     * the system clock.
     *
     * @param name the name the façade is called with; not null
     * @param shell where Slurm's commands run; not closed by the façade
     * @return the builder
     * @throws NullPointerException if {@code name} or {@code shell} is null
     */
    public static Builder builder(String name, Shell shell) {
        return new Builder(name, shell);
    }

    /** The command layer for this cluster. */
    SlurmClient client() {
        SlurmClient.Builder b = SlurmClient.builder(shell).zone(zone).timeout(timeout);
        if (slurmCluster != null) {
            b.cluster(slurmCluster);
        }
        return b.build();
    }

    /** Builds a {@link Cluster}. */
    public static final class Builder {
        private final String name;
        private final Shell shell;
        private String slurmCluster;
        private ZoneId zone = ZoneId.systemDefault();
        private String host;
        private List<String> partitions = List.of();
        private Set<String> preemptible = Set.of();
        private long priorityUnit = Priorities.DEFAULT_UNIT;
        private Duration timeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder(String name, Shell shell) {
            this.name = Objects.requireNonNull(name, "name");
            this.shell = Objects.requireNonNull(shell, "shell");
        }

        /**
         * {@code -M cluster} for every command (multi-cluster sites).
         *
         * @param cluster the Slurm cluster name, or {@code null} for the shell's default; checked
         *     by the command layer when a command runs
         * @return this builder
         */
        public Builder slurmCluster(String cluster) {
            this.slurmCluster = cluster;
            return this;
        }

        /**
         * The cluster's time zone, in which Slurm prints and reads local times; default the JVM's.
         *
         * @param zone slurmctld's zone; {@link #build()} refuses {@code null}
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /**
         * The host in job keys ({@code <job id>-<host>}); default: the cluster's name.
         *
         * @param host the host part of job keys; {@code null} for the default
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * The partitions submissions are checked against before Slurm is called.
         *
         * @param partitions the partition names; empty for no check
         * @return this builder
         */
        public Builder partitions(List<String> partitions) {
            this.partitions = partitions;
            return this;
        }

        /**
         * Partitions and QOS whose jobs are preemptible; rows of their jobs say so.
         *
         * @param partitionsOrQos partition and QOS names, in one set
         * @return this builder
         */
        public Builder preemptible(Set<String> partitionsOrQos) {
            this.preemptible = partitionsOrQos;
            return this;
        }

        /**
         * Slurm priority points per console step (default {@value Priorities#DEFAULT_UNIT}).
         *
         * @param unit the points; {@link #build()} refuses 0 or less
         * @return this builder
         */
        public Builder priorityUnit(long unit) {
            this.priorityUnit = unit;
            return this;
        }

        /**
         * The timeout of each command; default 60 s.
         *
         * @param timeout a positive duration; {@link #build()} refuses {@code null}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The clock for "now" (tests with a simulated cluster give its clock).
         *
         * @param clock the clock; {@link #build()} refuses {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Makes the immutable cluster.
         *
         * @return the cluster
         * @throws NullPointerException if the zone, timeout, clock or a collection is {@code null}
         * @throws IllegalArgumentException if the priority unit is not positive
         */
        public Cluster build() {
            return new Cluster(name, shell, slurmCluster, zone, host == null ? name : host, partitions, preemptible,
                    priorityUnit, timeout, clock);
        }
    }
}
