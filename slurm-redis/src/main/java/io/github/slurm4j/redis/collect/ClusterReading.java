package io.github.slurm4j.redis.collect;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.redis.stats.PowerReading;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One reading of a cluster: one node listing and one job listing, taken at {@code time} (in the
 * cluster's zone), and the power readings.
 *
 * @param nodes the node listing
 * @param jobs the job listing
 * @param power power readings, {@link PowerReading#NONE} without a source
 * @param time when the listings were taken, in the cluster's zone
 */
public record ClusterReading(List<Node> nodes, List<Job> jobs, PowerReading power, ZonedDateTime time) {
    /**
     * Copies both listings (unmodifiable).
     *
     * @param nodes the node listing
     * @param jobs the job listing
     * @param power power readings, {@link PowerReading#NONE} without a source
     * @param time when the listings were taken, in the cluster's zone
     * @throws NullPointerException if {@code nodes} or {@code jobs} is null or contains null
     */
    public ClusterReading {
        nodes = List.copyOf(nodes);
        jobs = List.copyOf(jobs);
    }
}
