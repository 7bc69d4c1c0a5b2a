package io.github.slurm4j.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A trackable-resources string, {@code cpu=1,mem=300M,node=1,billing=1,gres/gpu=1}, kept in order
 * with its raw values. Typed readers interpret a value when asked: counts, memory, and the
 * durations of usage strings such as sacct's {@code TRESUsageInTot} ({@code cpu=00:00:01}).
 */
public final class Tres {
    /** No resources: what {@code (null)}, {@code N/A} and an empty string parse to. */
    public static final Tres EMPTY = new Tres(Collections.emptyMap());

    private final Map<String, String> values;
    /**
     * {@link #gpus()}, kept on first use: the parser shares one {@code Tres} among the jobs that
     * print the same string, and the statistics ask every job of the queue. An {@code OptionalLong}
     * (final fields) so that a racing reader sees {@code null} or the whole value.
     */
    private OptionalLong gpus;

    private Tres(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Builds from name → raw value pairs, kept in iteration order.
     *
     * @param values the pairs, values unparsed ({@code mem} → {@code 300M}); copied; not null
     * @return the TRES, {@link #EMPTY} for an empty map
     */
    public static Tres of(Map<String, String> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        return new Tres(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * Parses {@code name=value,name=value}. {@code null}, empty, {@code (null)} and {@code N/A}
     * give {@link #EMPTY}. A GRES count in GRES syntax ({@code gres/gpfs:ess:1}, seen in squeue's
     * {@code tres-alloc} of a real cluster) reads as {@code gres/gpfs:ess=1}.
     *
     * @param text the TRES string as Slurm printed it; may be null
     * @return the TRES, in printed order; a repeated name keeps its last value
     * @throws IllegalArgumentException for an element without {@code =} (other than that GRES form)
     */
    public static Tres parse(String text) {
        if (text == null) {
            return EMPTY;
        }
        String s = text.trim();
        if (s.isEmpty() || s.equals("(null)") || s.equals("N/A")) {
            return EMPTY;
        }
        Map<String, String> map = new LinkedHashMap<>();
        int start = 0;
        while (start <= s.length()) {
            int comma = s.indexOf(',', start);
            int end = comma < 0 ? s.length() : comma;
            String item = s.substring(start, end);
            int eq = item.indexOf('=');
            if (eq <= 0) {
                // a GRES count printed in GRES syntax, seen in squeue's tres-alloc of another
                // cluster: gres/gpfs:ess:1 is gres/gpfs:ess=1
                int colon = item.lastIndexOf(':');
                if (colon <= 0 || colon == item.length() - 1 || !item.startsWith("gres/")
                        || !item.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalArgumentException("TRES element without name=value: '" + item + "' in '" + text + "'");
                }
                eq = colon;
            }
            map.put(item.substring(0, eq), item.substring(eq + 1));
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return new Tres(Collections.unmodifiableMap(map));
    }

    /** {@return name → raw value, in printed order; unmodifiable} */
    public Map<String, String> asMap() {
        return values;
    }

    /** {@return whether no resource is listed} */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The value of one resource as printed.
     *
     * @param name the resource name as printed ({@code cpu}, {@code mem}, {@code gres/gpu:a100})
     * @return the raw value, or {@code null} when it is not listed
     */
    public String raw(String name) {
        return values.get(name);
    }

    /**
     * A count (cpu, node, billing, gres/gpu, …).
     *
     * @param name the resource name
     * @return the value as a whole number; empty when it is not listed or is not a plain number
     *     (a unit suffix such as {@code 1.50K}, a duration): use {@link #bytes} or {@link #duration} for those
     */
    public OptionalLong count(String name) {
        String v = values.get(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@return the {@code cpu} count; empty when not listed} */
    public OptionalLong cpus() {
        return count("cpu");
    }

    /** {@return the {@code node} count; empty when not listed} */
    public OptionalLong nodes() {
        return count("node");
    }

    /** {@return the {@code billing} value, the weighted cost the fair-share uses; empty when not listed} */
    public OptionalLong billing() {
        return count("billing");
    }

    /** {@return the memory in bytes ({@code mem=300M}; a bare number is MiB, as Slurm prints it); empty when not listed} */
    public OptionalLong memoryBytes() {
        return bytes("mem");
    }

    /**
     * A memory-like value in bytes ({@code mem}, {@code vmem}, {@code fs/disk} with unit).
     *
     * @param name the resource name; for {@code mem} and {@code vmem} a bare number is MiB, for
     *     any other name bytes
     * @return the bytes; empty when not listed or not a size
     */
    public OptionalLong bytes(String name) {
        String v = values.get(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(MemorySize.parseBytes(v, name.equals("mem") || name.equals("vmem") ? MemorySize.MIB : 1));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * GPUs: {@code gres/gpu} when present, otherwise the sum of the typed {@code gres/gpu:TYPE}
     * entries. Empty when no GPU is listed.
     *
     * @return the GPU count
     */
    public OptionalLong gpus() {
        OptionalLong g = gpus;
        if (g == null) {
            g = countGpus();
            gpus = g;
        }
        return g;
    }

    private OptionalLong countGpus() {
        OptionalLong total = count("gres/gpu");
        if (total.isPresent()) {
            return total;
        }
        long sum = 0;
        boolean any = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith("gres/gpu:")) {
                OptionalLong c = count(e.getKey());
                if (c.isPresent()) {
                    sum += c.getAsLong();
                    any = true;
                }
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /**
     * A duration value of a usage string ({@code cpu=00:01:02}).
     *
     * @param name the resource name
     * @return the duration; empty when not listed or not a Slurm duration
     */
    public java.util.Optional<Duration> duration(String name) {
        return java.util.Optional.ofNullable(SlurmDuration.tryParse(values.get(name)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tres && ((Tres) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(values);
    }

    /** The string as Slurm printed it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
