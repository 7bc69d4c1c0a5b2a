package io.github.slurm4j.model.cluster;

import java.util.Objects;

/**
 * One RPC statistics row of {@code sdiag}:
 * {@code REQUEST_PARTITION_INFO ( 2009) count:64 ave_time:208 total_time:13344} (by message type)
 * or {@code alice ( 1001) count:9 ave_time:552 total_time:4974} (by user).
 *
 * @param name the message type or the user name
 * @param id the message type number or the uid
 * @param count how many RPCs
 * @param averageMicros {@code ave_time} in microseconds, or {@code null} when not printed (pending
 *     RPC rows)
 * @param totalMicros {@code total_time} in microseconds, or {@code null} when not printed
 */
public record RpcStat(String name, long id, long count, Long averageMicros, Long totalMicros) {
    /**
     * Checks that the row has a name.
     *
     * @param name the message type or the user name
     * @param id the message type number or the uid
     * @param count how many RPCs
     * @param averageMicros {@code ave_time} in microseconds, or {@code null} when not printed (pending
     *     RPC rows)
     * @param totalMicros {@code total_time} in microseconds, or {@code null} when not printed
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public RpcStat {
        Objects.requireNonNull(name, "name");
    }
}
