package io.github.slurm4j.model;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A map view of a {@link Reservation}: {@code name, state, start_time, end_time} (epoch seconds),
 * {@code duration} (seconds), {@code nodes, node_count, core_count, flags, users, groups,
 * accounts, partition, tres, extras}; {@code null} when not supplied.
 */
public final class ReservationView {
    private ReservationView() {
    }

    /**
     * The view of one reservation.
     *
     * @param r the reservation; not null
     * @param zone the cluster's time zone, to turn its printed local times into epoch seconds
     * @return the keys above, in that order; unmodifiable
     */
    public static Map<String, Object> toMap(Reservation r, ZoneId zone) {
        Objects.requireNonNull(r, "reservation");
        Objects.requireNonNull(zone, "zone");
        Map<String, Object> m = new LinkedHashMap<>(32);
        m.put("name", r.name());
        m.put("state", r.state());
        m.put("start_time", epoch(r.startTime(), zone));
        m.put("end_time", epoch(r.endTime(), zone));
        m.put("duration", r.duration() == null ? null : r.duration().getSeconds());
        m.put("nodes", r.nodes());
        m.put("node_count", r.nodeCount());
        m.put("core_count", r.coreCount());
        m.put("flags", r.flags());
        m.put("users", r.users());
        m.put("groups", r.groups());
        m.put("accounts", r.accounts());
        m.put("partition", r.partition());
        m.put("tres", r.tres() == null ? null : r.tres().toString());
        m.put("extras", r.extras());
        return Collections.unmodifiableMap(m);
    }

    private static Long epoch(SlurmTime t, ZoneId zone) {
        return t == null || !t.isSet() ? null : t.toEpochSecond(zone);
    }
}
