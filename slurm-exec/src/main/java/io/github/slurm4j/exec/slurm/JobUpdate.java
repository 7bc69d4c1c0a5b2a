package io.github.slurm4j.exec.slurm;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to a job, applied with one {@code scontrol update JobId=N Key=value ...}: priority,
 * nice, time limit, name, comment, partition, QOS. Each change is one argument; values with
 * control characters are refused (see {@link SubmitRequest}). Immutable.
 */
public final class JobUpdate {
    private final Map<String, String> values;

    private JobUpdate(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@return a builder with no change yet; {@link Builder#build()} needs at least one} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code Key=value} pairs, in the order set (a key set twice keeps its first place and last value); unmodifiable} */
    public Map<String, String> values() {
        return values;
    }

    /** Builds a {@link JobUpdate}. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder set(String key, String value) {
            values.put(key, value);
            return this;
        }

        /**
         * {@code Priority=N} (privileged; {@code 0} holds the job).
         *
         * @param priority the new priority; not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code priority} is negative
         */
        public Builder priority(long priority) {
            if (priority < 0) {
                throw new IllegalArgumentException("negative priority: " + priority);
            }
            return set("Priority", Long.toString(priority));
        }

        /**
         * {@code Nice=N}; negative values are privileged.
         *
         * @param nice the adjustment; higher means lower priority
         * @return this builder
         */
        public Builder nice(int nice) {
            return set("Nice", Integer.toString(nice));
        }

        /**
         * {@code TimeLimit=D-HH:MM:SS}, rounded up to whole minutes by Slurm. Raising a limit is
         * privileged.
         *
         * @param limit the new limit; positive (a fraction of a second counts as a whole second)
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is zero or negative
         */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive: " + limit);
            }
            long s = limit.toSeconds() + (limit.toNanosPart() > 0 ? 1 : 0);
            return set("TimeLimit", String.format("%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60));
        }

        /**
         * {@code JobName=...}.
         *
         * @param name the new name; not empty; newlines allowed, other control characters not
         * @return this builder
         * @throws IllegalArgumentException for an empty name or a control character other than newline
         */
        public Builder name(String name) {
            return set("JobName", Args.freeWord("job name", name));
        }

        /**
         * {@code Comment=...}.
         *
         * @param comment the new comment; may be empty; newlines allowed, other control characters not
         * @return this builder
         * @throws IllegalArgumentException for a control character other than newline
         */
        public Builder comment(String comment) {
            return set("Comment", Args.freeText("comment", comment));
        }

        /**
         * {@code Partition=...}; a pending job only.
         *
         * @param partition the partition name; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty name or a control character
         */
        public Builder partition(String partition) {
            return set("Partition", Args.word("partition", partition));
        }

        /**
         * {@code QOS=...}.
         *
         * @param qos the QOS name; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty name or a control character
         */
        public Builder qos(String qos) {
            return set("QOS", Args.word("qos", qos));
        }

        /**
         * Makes the immutable update.
         *
         * @return the update
         * @throws IllegalArgumentException when nothing was set
         */
        public JobUpdate build() {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a job update needs at least one change");
            }
            return new JobUpdate(values);
        }
    }
}
