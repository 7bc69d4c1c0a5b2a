package io.github.slurm4j.samples.gateway;

import io.github.slurm4j.redis.StatsStore;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A machine the gateway serves, as its handlers need it. A machine acts as one account — its SSH
 * user, or the gateway's own user for {@code local} — so a request may act only as that user
 * there; the demo cluster serves each of its users. In the jobs façade every (machine, user) is a
 * cluster of its own, named {@link #cluster(String)}.
 *
 * @param name the name in the paths
 * @param kind {@code local}, {@code ssh} or {@code demo}
 * @param account the user the machine acts as without a token
 * @param users the users requests may act as here
 * @param zone the cluster's time zone
 * @param store where its cluster status is read back, or {@code null} when none is configured
 */
record Machine(String name, String kind, String account, List<String> users, ZoneId zone, StatsStore store) {
    Machine {
        Objects.requireNonNull(name, "name");
        users = List.copyOf(users);
    }

    /** The façade's cluster of this machine acting as {@code user}. */
    String cluster(String user) {
        return name + "@" + user;
    }

    boolean demo() {
        return kind.equals("demo");
    }
}
