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
    public static final Tres EMPTY = new Tres(Collections.emptyMap());

    private final Map<String, String> values;

    private Tres(Map<String, String> values) {
        this.values = values;
    }

    /** Builds from name → raw value pairs, kept in iteration order. */
    public static Tres of(Map<String, String> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        return new Tres(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * Parses {@code name=value,name=value}. {@code null}, empty, {@code (null)} and {@code N/A}
     * give {@link #EMPTY}.
     *
     * @throws IllegalArgumentException for an element without {@code =}
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
                throw new IllegalArgumentException("TRES element without name=value: '" + item + "' in '" + text + "'");
            }
            map.put(item.substring(0, eq), item.substring(eq + 1));
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return new Tres(Collections.unmodifiableMap(map));
    }

    /** Name → raw value, in printed order. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String raw(String name) {
        return values.get(name);
    }

    /** A count (cpu, node, billing, gres/gpu, …). Values with unit suffixes are read as memory. */
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

    public OptionalLong cpus() {
        return count("cpu");
    }

    public OptionalLong nodes() {
        return count("node");
    }

    public OptionalLong billing() {
        return count("billing");
    }

    /** Memory in bytes: {@code mem=300M}; a bare number is MiB, as Slurm prints it. */
    public OptionalLong memoryBytes() {
        return bytes("mem");
    }

    /** A memory-like value in bytes ({@code mem}, {@code vmem}, {@code fs/disk} with unit). */
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
     */
    public OptionalLong gpus() {
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

    /** A duration value of a usage string ({@code cpu=00:01:02}). */
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
