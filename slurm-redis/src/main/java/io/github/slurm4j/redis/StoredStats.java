package io.github.slurm4j.redis;

import io.github.slurm4j.redis.stats.StatsCalculator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot read back from a store, for web servers: the hashes and lists as written, the
 * collector's status, typed readers and the snapshot's age (from {@code update_time}), so that
 * a dead collector shows as stale data rather than as a healthy cluster.
 *
 * @param node {@code [cluster]_cluster_node}
 * @param job {@code [cluster]_cluster_job}
 * @param pue {@code [cluster]_cluster_pue}; empty when not written
 * @param brief {@code [cluster]_cluster_brief}
 * @param jobs {@code [cluster]_jobs}, JSON objects
 * @param nodes {@code [cluster]_nodes}, JSON objects
 * @param status {@code [cluster]_collector_status}
 */
public record StoredStats(Map<String, String> node, Map<String, String> job, Map<String, String> pue,
        Map<String, String> brief, List<String> jobs, List<String> nodes, Map<String, String> status) {

    /**
     * Copies everything into unmodifiable collections, keeping the order.
     *
     * @param node {@code [cluster]_cluster_node}
     * @param job {@code [cluster]_cluster_job}
     * @param pue {@code [cluster]_cluster_pue}; empty when not written
     * @param brief {@code [cluster]_cluster_brief}
     * @param jobs {@code [cluster]_jobs}, JSON objects
     * @param nodes {@code [cluster]_nodes}, JSON objects
     * @param status {@code [cluster]_collector_status}
     * @throws NullPointerException if a map or list is {@code null}
     */
    public StoredStats {
        node = Collections.unmodifiableMap(new LinkedHashMap<>(node));
        job = Collections.unmodifiableMap(new LinkedHashMap<>(job));
        pue = Collections.unmodifiableMap(new LinkedHashMap<>(pue));
        brief = Collections.unmodifiableMap(new LinkedHashMap<>(brief));
        jobs = List.copyOf(jobs);
        nodes = List.copyOf(nodes);
        status = Collections.unmodifiableMap(new LinkedHashMap<>(status));
    }

    /**
     * A count of the node hash.
     *
     * @param field a field of {@link RedisKeys#NODE_FIELDS} ({@code all_cpu_tot}, …)
     * @return the count; empty when absent or not a whole number
     */
    public OptionalLong nodeCount(String field) {
        return number(node.get(field));
    }

    /**
     * A count of the job hash.
     *
     * @param field a count field of {@link RedisKeys#JOB_FIELDS} ({@code running_jobs}, …)
     * @return the count; empty when absent or not a whole number (the top-5 fields are JSON)
     */
    public OptionalLong jobCount(String field) {
        return number(job.get(field));
    }

    /**
     * A ratio of the brief hash.
     *
     * @param field a field of {@link RedisKeys#BRIEF_FIELDS} ({@code node_running}, …)
     * @return the ratio in [0, 1]; NaN when absent
     * @throws NumberFormatException when the stored value is not a number
     */
    public double ratio(String field) {
        String v = brief.get(field);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    /** {@return the node hash's {@code update_time} (the cluster's local time), or null when missing or unreadable} */
    public LocalDateTime updateTime() {
        String t = node.get(RedisKeys.UPDATE_TIME);
        try {
            return t == null ? null : LocalDateTime.parse(t, StatsCalculator.UPDATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * How old the snapshot is at {@code now}, its time read in the cluster's {@code zone}.
     *
     * @param zone the cluster's zone, which {@code update_time} is written in
     * @param now the instant to measure at
     * @return the age (negative if the clocks disagree); null when {@link #updateTime()} is
     */
    public Duration age(ZoneId zone, Instant now) {
        LocalDateTime t = updateTime();
        return t == null ? null : Duration.between(t.atZone(zone).toInstant(), now);
    }

    /**
     * {@link #age(ZoneId, Instant)} now.
     *
     * @param zone the cluster's zone
     * @return the age on the system clock; null when unknown
     */
    public Duration age(ZoneId zone) {
        return age(zone, Instant.now());
    }

    private static OptionalLong number(String v) {
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
