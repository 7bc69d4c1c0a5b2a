package io.github.slurm4j.model.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One license of {@code scontrol show licenses}:
 * {@code LicenseName=matlab Total=2 Used=1 Free=1 Reserved=0 Remote=no}.
 *
 * @param name the license name
 * @param total how many the cluster has
 * @param used how many running jobs hold
 * @param free how many are free ({@code Total - Used - Reserved} as Slurm computes it)
 * @param reserved how many reservations hold, or {@code null} when not printed
 * @param remote {@code true} for {@code Remote=yes} (licenses from slurmdbd), or {@code null} when
 *     not printed
 * @param extras other keys ({@code LastConsumed}, {@code LastDeficit}, {@code LastUpdate} in newer
 *     versions), in order, raw
 */
public record License(String name, long total, long used, long free, Long reserved, Boolean remote,
        Map<String, String> extras) {
    /**
     * Checks the name and copies the extras.
     *
     * @param name the license name
     * @param total how many the cluster has
     * @param used how many running jobs hold
     * @param free how many are free ({@code Total - Used - Reserved} as Slurm computes it)
     * @param reserved how many reservations hold, or {@code null} when not printed
     * @param remote {@code true} for {@code Remote=yes} (licenses from slurmdbd), or {@code null} when
     *     not printed
     * @param extras other keys ({@code LastConsumed}, {@code LastDeficit}, {@code LastUpdate} in newer
     *     versions), in order, raw; copied into an unmodifiable map
     * @throws NullPointerException if {@code name} or {@code extras} is {@code null}
     */
    public License {
        Objects.requireNonNull(name, "name");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extras, "extras")));
    }
}
