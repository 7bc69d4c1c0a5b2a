package io.github.slurm4j.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reservation as {@code scontrol show reservation} describes it. Nullable components are
 * {@code null} when not supplied.
 *
 * @param name {@code ReservationName}: the reservation name; never null
 * @param startTime {@code StartTime}: when it starts
 * @param endTime {@code EndTime}: when it ends
 * @param duration {@code Duration}: its duration
 * @param nodes {@code Nodes}: its nodes as a hostlist expression; empty for (null)
 * @param nodeCount {@code NodeCnt}: node count
 * @param coreCount {@code CoreCnt}: core count
 * @param features {@code Features}: features; empty for (null)
 * @param partition {@code PartitionName}: the partition; empty for (null)
 * @param flags {@code Flags}: flags such as MAINT, IGNORE_JOBS, SPEC_NODES
 * @param tres {@code TRES}: TRES
 * @param users {@code Users}: users; empty for (null); a leading '-' means excluded
 * @param groups {@code Groups}: groups
 * @param accounts {@code Accounts}: accounts
 * @param licenses {@code Licenses}: licenses; empty for (null)
 * @param state {@code State}: ACTIVE or INACTIVE
 * @param burstBuffer {@code BurstBuffer}: burst buffer; empty for (null)
 * @param watts {@code Watts}: power; n/a kept
 * @param maxStartDelay {@code MaxStartDelay}: maximum start delay; empty for (null)
 * @param comment {@code Comment}: the comment (23.02+)
 * @param extras keys the parser does not know, in output order, unmodifiable
 */
public record Reservation(String name, SlurmTime startTime, SlurmTime endTime, Duration duration, String nodes, Integer nodeCount, Integer coreCount, String features, String partition, List<String> flags, Tres tres, List<String> users, List<String> groups, List<String> accounts, String licenses, String state, String burstBuffer, String watts, String maxStartDelay, String comment, Map<String, String> extras) {
    /**
     * Checks that the name is present and copies the extras; prefer {@link #builder(String)}.
     *
     * @param name {@code ReservationName}: the reservation name; never null
     * @param startTime {@code StartTime}: when it starts
     * @param endTime {@code EndTime}: when it ends
     * @param duration {@code Duration}: its duration
     * @param nodes {@code Nodes}: its nodes as a hostlist expression; empty for (null)
     * @param nodeCount {@code NodeCnt}: node count
     * @param coreCount {@code CoreCnt}: core count
     * @param features {@code Features}: features; empty for (null)
     * @param partition {@code PartitionName}: the partition; empty for (null)
     * @param flags {@code Flags}: flags such as MAINT, IGNORE_JOBS, SPEC_NODES
     * @param tres {@code TRES}: TRES
     * @param users {@code Users}: users; empty for (null); a leading '-' means excluded
     * @param groups {@code Groups}: groups
     * @param accounts {@code Accounts}: accounts
     * @param licenses {@code Licenses}: licenses; empty for (null)
     * @param state {@code State}: ACTIVE or INACTIVE
     * @param burstBuffer {@code BurstBuffer}: burst buffer; empty for (null)
     * @param watts {@code Watts}: power; n/a kept
     * @param maxStartDelay {@code MaxStartDelay}: maximum start delay; empty for (null)
     * @param comment {@code Comment}: the comment (23.02+)
     * @param extras keys the parser does not know, in output order; {@code null} is taken as none; copied
     *     into an unmodifiable map
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public Reservation {
        Objects.requireNonNull(name, "name");
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A builder for a reservation named {@code name}; every other value starts as not supplied
     * ({@code null}).
     *
     * @param name the reservation name ({@code ReservationName}); {@link Builder#build()} throws if it
     *     is null
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects values; {@link #build()} makes the immutable {@link Reservation}. Setters accept null. */
    public static final class Builder {
        private String name;
        private SlurmTime startTime;
        private SlurmTime endTime;
        private Duration duration;
        private String nodes;
        private Integer nodeCount;
        private Integer coreCount;
        private String features;
        private String partition;
        private List<String> flags;
        private Tres tres;
        private List<String> users;
        private List<String> groups;
        private List<String> accounts;
        private String licenses;
        private String state;
        private String burstBuffer;
        private String watts;
        private String maxStartDelay;
        private String comment;
        private Map<String, String> extras;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * {@code StartTime}: when it starts.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder startTime(SlurmTime value) {
            this.startTime = value;
            return this;
        }

        /**
         * {@code EndTime}: when it ends.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder endTime(SlurmTime value) {
            this.endTime = value;
            return this;
        }

        /**
         * {@code Duration}: its duration.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = value;
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
         * {@code NodeCnt}: node count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder nodeCount(Integer value) {
            this.nodeCount = value;
            return this;
        }

        /**
         * {@code CoreCnt}: core count.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder coreCount(Integer value) {
            this.coreCount = value;
            return this;
        }

        /**
         * {@code Features}: features; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder features(String value) {
            this.features = value;
            return this;
        }

        /**
         * {@code PartitionName}: the partition; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder partition(String value) {
            this.partition = value;
            return this;
        }

        /**
         * {@code Flags}: flags such as MAINT, IGNORE_JOBS, SPEC_NODES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder flags(List<String> value) {
            this.flags = value;
            return this;
        }

        /**
         * {@code TRES}: TRES.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder tres(Tres value) {
            this.tres = value;
            return this;
        }

        /**
         * {@code Users}: users; empty for (null); a leading '-' means excluded.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder users(List<String> value) {
            this.users = value;
            return this;
        }

        /**
         * {@code Groups}: groups.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder groups(List<String> value) {
            this.groups = value;
            return this;
        }

        /**
         * {@code Accounts}: accounts.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder accounts(List<String> value) {
            this.accounts = value;
            return this;
        }

        /**
         * {@code Licenses}: licenses; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder licenses(String value) {
            this.licenses = value;
            return this;
        }

        /**
         * {@code State}: ACTIVE or INACTIVE.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /**
         * {@code BurstBuffer}: burst buffer; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder burstBuffer(String value) {
            this.burstBuffer = value;
            return this;
        }

        /**
         * {@code Watts}: power; n/a kept.
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder watts(String value) {
            this.watts = value;
            return this;
        }

        /**
         * {@code MaxStartDelay}: maximum start delay; empty for (null).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder maxStartDelay(String value) {
            this.maxStartDelay = value;
            return this;
        }

        /**
         * {@code Comment}: the comment (23.02+).
         *
         * @param value the value; {@code null} when not supplied
         * @return this builder
         */
        public Builder comment(String value) {
            this.comment = value;
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
         * Makes the immutable reservation from the values set so far; the builder can be used further.
         *
         * @return the reservation
         * @throws NullPointerException if the builder was made with a {@code null} name
         */
        public Reservation build() {
            return new Reservation(name, startTime, endTime, duration, nodes, nodeCount, coreCount, features, partition, flags, tres, users, groups, accounts, licenses, state, burstBuffer, watts, maxStartDelay, comment, extras);
        }
    }
}
