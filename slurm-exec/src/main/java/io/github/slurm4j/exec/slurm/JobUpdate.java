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

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code Key=value} pairs, in order. */
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

        /** {@code Priority=N} (privileged; {@code 0} holds the job). */
        public Builder priority(long priority) {
            if (priority < 0) {
                throw new IllegalArgumentException("negative priority: " + priority);
            }
            return set("Priority", Long.toString(priority));
        }

        /** {@code Nice=N}; negative values are privileged. */
        public Builder nice(int nice) {
            return set("Nice", Integer.toString(nice));
        }

        /** {@code TimeLimit=D-HH:MM:SS}, rounded up to whole minutes by Slurm. */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive: " + limit);
            }
            long s = limit.toSeconds() + (limit.toNanosPart() > 0 ? 1 : 0);
            return set("TimeLimit", String.format("%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60));
        }

        public Builder name(String name) {
            return set("JobName", Args.freeWord("job name", name));
        }

        public Builder comment(String comment) {
            return set("Comment", Args.freeText("comment", comment));
        }

        public Builder partition(String partition) {
            return set("Partition", Args.word("partition", partition));
        }

        public Builder qos(String qos) {
            return set("QOS", Args.word("qos", qos));
        }

        /** @throws IllegalArgumentException when nothing was set */
        public JobUpdate build() {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a job update needs at least one change");
            }
            return new JobUpdate(values);
        }
    }
}
