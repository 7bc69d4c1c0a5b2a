package io.github.slurm4j.redis.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One snapshot's statistics, as written to Redis: the hashes' fields with their string values
 * and the lists' elements as JSON objects. {@link #pue()} is empty when there is no power
 * source at all (the key is then deleted).
 *
 * @param time when the snapshot was taken
 * @param updateTime {@code update_time} as written ({@code yyyy-MM-dd HH:mm:ss}, cluster zone)
 * @param node the {@code _cluster_node} hash
 * @param job the {@code _cluster_job} hash
 * @param pue the {@code _cluster_pue} hash; empty without any power source
 * @param brief the {@code _cluster_brief} hash
 * @param jobs the {@code _jobs} list, one JSON object per running or pending job ({@link JsonRows}
 *     when computed by {@link StatsCalculator}: the UTF-8 bytes, decoded on access)
 * @param nodes the {@code _nodes} list, one JSON object per node (likewise)
 */
public record ClusterStats(Instant time, String updateTime, Map<String, String> node, Map<String, String> job,
        Map<String, String> pue, Map<String, String> brief, List<String> jobs, List<String> nodes) {

    /**
     * Copies the hashes (unmodifiable, in their order) and the lists ({@link JsonRows}, immutable,
     * kept as they are).
     *
     * @param time when the snapshot was taken
     * @param updateTime {@code update_time} as written ({@code yyyy-MM-dd HH:mm:ss}, cluster zone)
     * @param node the {@code _cluster_node} hash; copied
     * @param job the {@code _cluster_job} hash; copied
     * @param pue the {@code _cluster_pue} hash; empty without any power source; copied
     * @param brief the {@code _cluster_brief} hash; copied
     * @param jobs the {@code _jobs} list; a {@link JsonRows} is kept, any other list copied
     * @param nodes the {@code _nodes} list; likewise
     * @throws NullPointerException if a hash or list is null
     */
    public ClusterStats {
        node = Collections.unmodifiableMap(new LinkedHashMap<>(node));
        job = Collections.unmodifiableMap(new LinkedHashMap<>(job));
        pue = Collections.unmodifiableMap(new LinkedHashMap<>(pue));
        brief = Collections.unmodifiableMap(new LinkedHashMap<>(brief));
        jobs = rows(jobs);
        nodes = rows(nodes);
    }

    /** {@link JsonRows} (immutable) as they are; any other list copied. */
    private static List<String> rows(List<String> rows) {
        return rows instanceof JsonRows ? rows : Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /**
     * Reads a number field of the node hash.
     *
     * @param field the field, e.g. {@code all_node} or {@code gpu_card}
     * @return the field's value
     * @throws NumberFormatException if there is no such field or it is not a whole number
     *     ({@code update_time})
     */
    public long nodeCount(String field) {
        return Long.parseLong(node.get(field));
    }

    /**
     * Reads a number field of the job hash.
     *
     * @param field the field, e.g. {@code running_jobs} or {@code gpu_pending_users}
     * @return the field's value
     * @throws NumberFormatException if there is no such field or it is not a whole number
     *     ({@code update_time}, the top-5 JSON fields)
     */
    public long jobCount(String field) {
        return Long.parseLong(job.get(field));
    }

    /**
     * The whole snapshot as one JSON object whose keys are the Redis keys without the
     * {@code [cluster]_} prefix: {@code cluster_node}, {@code cluster_job}, {@code cluster_pue}
     * (only when known), {@code cluster_brief} (the hash fields, values as written) and
     * {@code jobs}, {@code nodes} (arrays of the list elements).
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("cluster_node", new Json.Raw(Json.object(node)));
        top.put("cluster_job", new Json.Raw(Json.object(job)));
        if (!pue.isEmpty()) {
            top.put("cluster_pue", new Json.Raw(Json.object(pue)));
        }
        top.put("cluster_brief", new Json.Raw(Json.object(brief)));
        top.put("jobs", new Json.Raw(Json.array(jobs)));
        top.put("nodes", new Json.Raw(Json.array(nodes)));
        return Json.object(top);
    }
}
