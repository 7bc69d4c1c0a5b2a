package io.github.slurm4j.model.cluster;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code sdiag}: the controller's scheduler statistics.
 *
 * <p>Values are typed when the whole value is one: a {@link Long} for an integer
 * ({@code Jobs pending: 34}), an {@link Instant} for a date followed by its epoch in parentheses
 * ({@code Fri Nov 20 22:30:53 2026 (1795213853)}, read from the epoch), {@code null} for
 * {@code N/A}, else the trimmed {@link String} ({@code 19 microseconds}).
 *
 * @param generatedAt the time of {@code sdiag output at ...}, or {@code null} if not printed
 * @param dataSince the time of {@code Data since ...} (statistics reset), or {@code null}
 * @param general the {@code Key: value} lines outside titled sections, in order
 *     ({@code Server thread count}, {@code Jobs submitted}, {@code DBD Agent queue size}, …)
 * @param sections the titled, tab-indented sections ({@code Main schedule statistics
 *     (microseconds)}, {@code Backfilling stats}, …), by title without a trailing colon, each an
 *     ordered map; the RPC sections are in the lists below instead
 * @param rpcsByMessageType {@code Remote Procedure Call statistics by message type}
 * @param rpcsByUser {@code Remote Procedure Call statistics by user}
 * @param pendingRpcs {@code Pending RPC statistics} rows (empty for {@code No pending RPCs})
 */
public record SchedulerDiagnostics(
        Instant generatedAt,
        Instant dataSince,
        Map<String, Object> general,
        Map<String, Map<String, Object>> sections,
        List<RpcStat> rpcsByMessageType,
        List<RpcStat> rpcsByUser,
        List<RpcStat> pendingRpcs) {
    /**
     * Copies everything into unmodifiable collections, keeping the order.
     *
     * @param generatedAt the time of {@code sdiag output at ...}, or {@code null} if not printed
     * @param dataSince the time of {@code Data since ...} (statistics reset), or {@code null}
     * @param general the {@code Key: value} lines outside titled sections, in order
     *     ({@code Server thread count}, {@code Jobs submitted}, {@code DBD Agent queue size}, …)
     * @param sections the titled, tab-indented sections ({@code Main schedule statistics
     *     (microseconds)}, {@code Backfilling stats}, …), by title without a trailing colon, each an
     *     ordered map; the RPC sections are in the lists below instead
     * @param rpcsByMessageType {@code Remote Procedure Call statistics by message type}
     * @param rpcsByUser {@code Remote Procedure Call statistics by user}
     * @param pendingRpcs {@code Pending RPC statistics} rows (empty for {@code No pending RPCs})
     * @throws NullPointerException if a map or list is {@code null}
     */
    public SchedulerDiagnostics {
        general = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(general, "general")));
        Map<String, Map<String, Object>> s = new LinkedHashMap<>();
        Objects.requireNonNull(sections, "sections")
                .forEach((k, v) -> s.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sections = Collections.unmodifiableMap(s);
        rpcsByMessageType = List.copyOf(Objects.requireNonNull(rpcsByMessageType, "rpcsByMessageType"));
        rpcsByUser = List.copyOf(Objects.requireNonNull(rpcsByUser, "rpcsByUser"));
        pendingRpcs = List.copyOf(Objects.requireNonNull(pendingRpcs, "pendingRpcs"));
    }

    /**
     * A number from {@link #general()} ({@code section == null}) or from a section, when present
     * and an integer.
     *
     * @param section the section title without its colon ({@code Backfilling stats}), or
     *     {@code null} for the lines outside sections
     * @param key the line's key as printed ({@code Jobs pending})
     * @return the value; empty when the section or key is missing or the value is not an integer
     */
    public OptionalLong number(String section, String key) {
        Map<String, Object> m = section == null ? general : sections.get(section);
        Object v = m == null ? null : m.get(key);
        return v instanceof Long ? OptionalLong.of((Long) v) : OptionalLong.empty();
    }
}
