package io.github.slurm4j.redis;

import io.github.slurm4j.model.JobId;
import java.util.List;
import java.util.Objects;

/**
 * The Redis schema in one place: every key name, and every field of every hash, that dashboards
 * read. {@code [cluster]} is the configured cluster name. Nothing else in slurm4j spells a key.
 *
 * <p>Hashes: {@link #clusterNode()}, {@link #clusterJob()}, {@link #clusterPue()},
 * {@link #clusterBrief()}, {@link #collectorStatus()}; lists of JSON objects: {@link #jobs()},
 * {@link #nodes()}; the job watcher's delivered-end markers: {@link #watchDelivered(JobId)}, one
 * string key per job. The keys the store needs for itself (temporary keys, fence, lock) carry a
 * {@code {…}} hash tag so that, in Redis Cluster, each lands in the slot of the key it serves.
 */
public final class RedisKeys {
    /** {@code update_time}: local time {@code yyyy-MM-dd HH:mm:ss} in the cluster's zone. */
    public static final String UPDATE_TIME = "update_time";

    /** Fields of {@code [cluster]_cluster_node}, in the contract's order. */
    public static final List<String> NODE_FIELDS = List.of("all_cpu_alloc", "all_cpu_error", "all_cpu_free",
            "all_cpu_tot", "all_node_tot", "all_node_error", "all_node_available", "all_node_running",
            "gpu_card_alloc", "gpu_card_error", "gpu_card_free", "gpu_card_tot", "gpu_node_error",
            "gpu_node_running", "gpu_node_available", "gpu_node_tot", "cpu_cpu_alloc", "cpu_cpu_error",
            "cpu_cpu_free", "cpu_cpu_tot", "cpu_node_tot", "cpu_node_error", "cpu_node_available",
            "cpu_node_running", UPDATE_TIME);

    /** The pending top-5 field as the contract spells it. */
    public static final String PENDING_TOP5_CONTRACT = "pengding_top5";
    /** The same value under its correct spelling. */
    public static final String PENDING_TOP5 = "pending_top5";
    /** The five longest-running jobs (by {@code RunTime}, longest first), a JSON array of {@link #TOP5_FIELDS} objects. */
    public static final String RUNNING_TOP5 = "running_top5";

    /** Fields of {@code [cluster]_cluster_job}, in the contract's order (plus {@code pending_top5}). */
    public static final List<String> JOB_FIELDS = List.of("running_jobs", "pending_jobs", "cpu_running_jobs",
            "cpu_pending_jobs", "gpu_running_jobs", "gpu_pending_jobs", "running_users", "pending_users", "users",
            "cpu_users", "gpu_users", "cpu_running_users", "cpu_pending_users", "gpu_running_users",
            "gpu_pending_users", PENDING_TOP5_CONTRACT, RUNNING_TOP5, UPDATE_TIME, PENDING_TOP5);

    /** Fields of a top-5 element (a JSON object). */
    public static final List<String> TOP5_FIELDS = List.of("job_id", "name", "user", "partition", "time_used",
            "time_used_seconds");

    /** Fields of {@code [cluster]_cluster_pue}; {@code pue} only when a facility power source exists. */
    public static final List<String> PUE_FIELDS = List.of("pue", "power", UPDATE_TIME);

    /** Fields of {@code [cluster]_cluster_brief}: ratios in [0, 1] with 4 decimals. */
    public static final List<String> BRIEF_FIELDS = List.of("node_running", "node_available", "node_error",
            "core_running", "core_available", "core_error", "job_running", "job_pending");

    /** Fields of an element of {@code [cluster]_jobs}. */
    public static final List<String> JOB_ROW_FIELDS = List.of("job_id", "name", "account", "user", "partition",
            "qos", "nodes", "cpus", "state", "time_used", "time_used_seconds", "info");

    /** Fields of an element of {@code [cluster]_nodes}. */
    public static final List<String> NODE_ROW_FIELDS = List.of("name", "type", "state", "res_tot", "res_alloc",
            "cpu_avg_load", "mem_tot", "mem_alloc");

    /** Fields of {@code [cluster]_collector_status}. */
    public static final List<String> STATUS_FIELDS = List.of("last_success", "last_error", "last_error_time",
            "collector_id", "cycle_ms");

    private final String cluster;

    /**
     * The keys of one cluster.
     *
     * @param cluster the cluster name that prefixes every key; used inside {@code {…}} hash tags,
     *     so it must not hold braces
     * @throws NullPointerException if {@code cluster} is null
     * @throws IllegalArgumentException for an empty name, or one with whitespace or braces
     */
    public RedisKeys(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        if (cluster.isEmpty() || cluster.indexOf('{') >= 0 || cluster.indexOf('}') >= 0
                || cluster.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("cluster name must be non-empty, without spaces or braces: '" + cluster + "'");
        }
        this.cluster = cluster;
    }

    /** {@return the cluster name that prefixes every key} */
    public String cluster() {
        return cluster;
    }

    /** {@return {@code [cluster]_cluster_node}: the hash of node and CPU/card counts, fields {@link #NODE_FIELDS}} */
    public String clusterNode() {
        return cluster + "_cluster_node";
    }

    /** {@return {@code [cluster]_cluster_job}: the hash of job and user counts and top-5 waits, fields {@link #JOB_FIELDS}} */
    public String clusterJob() {
        return cluster + "_cluster_job";
    }

    /** {@return {@code [cluster]_cluster_pue}: the hash of power and PUE, fields {@link #PUE_FIELDS}; absent without a power source} */
    public String clusterPue() {
        return cluster + "_cluster_pue";
    }

    /** {@return {@code [cluster]_cluster_brief}: the hash of ratios in [0, 1], fields {@link #BRIEF_FIELDS}} */
    public String clusterBrief() {
        return cluster + "_cluster_brief";
    }

    /** {@return {@code [cluster]_jobs}: the list of JSON objects ({@link #JOB_ROW_FIELDS}), one per running or pending job} */
    public String jobs() {
        return cluster + "_jobs";
    }

    /** {@return {@code [cluster]_nodes}: the list of JSON objects ({@link #NODE_ROW_FIELDS}), one per node} */
    public String nodes() {
        return cluster + "_nodes";
    }

    /** {@return {@code [cluster]_collector_status}: the collector's last success and error, fields {@link #STATUS_FIELDS}} */
    public String collectorStatus() {
        return cluster + "_collector_status";
    }

    /** {@return the collectors' lock key ({@code SET NX PX}); its value is the holder's token} */
    public String lock() {
        return "{" + cluster + "_collector}:lock";
    }

    /** {@return the key of the counter each new lock holder increments to get its fencing epoch (same slot as the lock)} */
    public String epoch() {
        return "{" + cluster + "_collector}:epoch";
    }

    /**
     * A temporary key for {@code live}: same slot as it in Redis Cluster, unique per writer and write.
     *
     * @param live the key the temporary content will replace
     * @param writer the writing store's id
     * @param sequence the writer's write number
     * @return {@code {<live>}:tmp:<writer>:<sequence>}
     */
    public String temp(String live, String writer, long sequence) {
        return "{" + live + "}:tmp:" + writer + ":" + sequence;
    }

    /**
     * The key holding the highest fencing epoch that has replaced {@code live} (same slot as it).
     *
     * @param live a snapshot key
     * @return {@code {<live>}:fence}
     */
    public String fence(String live) {
        return "{" + live + "}:fence";
    }

    /**
     * The job watcher's marker that the end of {@code job} was delivered
     * ({@code [cluster]_watch_delivered:<job id>}, e.g. {@code hpc_watch_delivered:17_3}): set with
     * {@code SET NX PX} by the first instance that delivers it, expiring after the watcher's time to
     * live. One key per job, so each claim is one atomic command in one slot, in Redis Cluster too.
     *
     * <p>The id is a {@link JobId}, so what a job id is is decided by one rule, {@link JobId#parse};
     * the key holds it as Slurm writes it ({@link JobId#toString()}).
     *
     * @param job the job ({@code 17}, {@code 17_3})
     * @return the key
     */
    public String watchDelivered(JobId job) {
        Objects.requireNonNull(job, "job");
        return cluster + "_watch_delivered:" + job;
    }

    /** {@return the snapshot's keys, in the order they are written: hashes, then lists} */
    public List<String> snapshotKeys() {
        return List.of(clusterNode(), clusterJob(), clusterPue(), clusterBrief(), jobs(), nodes());
    }
}
