package io.github.slurm4j.model.cluster;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code scontrol show config}: the running controller's configuration as {@code key = value}
 * lines, in the order printed.
 *
 * <p>Values are kept exactly as printed (trimmed), sentinels included ({@code (null)},
 * {@code N/A}, {@code UNLIMITED}, {@code 60 sec}): the keys are too many and too
 * version-dependent to type one by one. An empty value ({@code PowerPlugin = }) is {@code ""}.
 *
 * @param asOf the time of {@code Configuration data as of ...}, or {@code null} if not printed
 * @param entries the main block of {@code key = value} lines, in order
 * @param sections the named blocks that follow it ({@code Cgroup Support Configuration:} and the
 *     like, in newer versions), by title without the colon, each in order
 * @param controllers the {@code Slurmctld(...) at ... is UP|DOWN} lines at the end
 */
public record SlurmConfig(
        LocalDateTime asOf,
        Map<String, String> entries,
        Map<String, Map<String, String>> sections,
        List<ControllerStatus> controllers) {
    /**
     * Copies everything into unmodifiable collections, keeping the order.
     *
     * @param asOf the time of {@code Configuration data as of ...}, or {@code null} if not printed
     * @param entries the main block of {@code key = value} lines, in order
     * @param sections the named blocks that follow it ({@code Cgroup Support Configuration:} and the
     *     like, in newer versions), by title without the colon, each in order
     * @param controllers the {@code Slurmctld(...) at ... is UP|DOWN} lines at the end
     * @throws NullPointerException if {@code entries}, {@code sections} or {@code controllers} is {@code null}
     */
    public SlurmConfig {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(entries, "entries")));
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        Objects.requireNonNull(sections, "sections")
                .forEach((k, v) -> s.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sections = Collections.unmodifiableMap(s);
        controllers = List.copyOf(Objects.requireNonNull(controllers, "controllers"));
    }

    /**
     * The raw value of {@code key} from the main block, else from the first section that has it.
     *
     * @param key the key as printed, case-sensitive ({@code SlurmctldPort})
     * @return the value as printed, sentinels included; empty when no block has the key
     */
    public Optional<String> get(String key) {
        String v = entries.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        for (Map<String, String> section : sections.values()) {
            v = section.get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #get} but treats Slurm's "not set" values ({@code (null)}, {@code N/A},
     * {@code None}, empty) as absent.
     *
     * @param key the key as printed, case-sensitive
     * @return the value; empty when the key is missing or not set
     */
    public Optional<String> value(String key) {
        return get(key).filter(v -> !v.isEmpty() && !v.equals("(null)") && !v.equals("N/A") && !v.equals("None"));
    }
}
