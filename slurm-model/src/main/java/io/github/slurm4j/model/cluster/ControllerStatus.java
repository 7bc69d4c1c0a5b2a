package io.github.slurm4j.model.cluster;

import java.util.Objects;

/**
 * One {@code Slurmctld(primary) at vm is UP} line, as {@code scontrol show config} and
 * {@code scontrol ping} print it.
 *
 * @param role {@code primary}, {@code backup}, {@code backup1}…, as printed
 * @param host the controller host
 * @param up {@code true} for {@code UP}, {@code false} for {@code DOWN}
 */
public record ControllerStatus(String role, String host, boolean up) {
    /**
     * Checks that role and host are present.
     *
     * @param role {@code primary}, {@code backup}, {@code backup1}…, as printed
     * @param host the controller host
     * @param up {@code true} for {@code UP}, {@code false} for {@code DOWN}
     * @throws NullPointerException if {@code role} or {@code host} is {@code null}
     */
    public ControllerStatus {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(host, "host");
    }
}
