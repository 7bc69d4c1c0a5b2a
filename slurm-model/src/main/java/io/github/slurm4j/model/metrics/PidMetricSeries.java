package io.github.slurm4j.model.metrics;

import io.github.slurm4j.model.MemorySize;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Samples of a job's processes, over one or more sample times, and their rendering as the
 * {@code runData} a host console plots.
 *
 * @param samples the samples, in any order
 */
public record PidMetricSeries(List<PidMetric> samples) {
    /** The metric titles of {@link #runData}, in the order they are rendered. */
    public static final List<String> TITLES = List.of("gpu", "mem", "cpu", "ram", "gpu_memory_usage");

    private static final DateTimeFormatter X_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /**
     * Copies the samples.
     *
     * @param samples the samples, in any order; copied
     * @throws NullPointerException if {@code samples} or one of them is {@code null}
     */
    public PidMetricSeries {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
    }

    /**
     * The {@code runData} shape: for each sample time (ascending), one entry per title of
     * {@link #TITLES}, each
     * {@code {"x": {"data": "2022-05-10 12:22:50"}, "y": [{"data": "10.0", "name": "PID-6566"}, ...], "title": "mem"}}.
     * The {@code y} list has one element per process sampled at that time, in sample order.
     *
     * <p>Which field feeds which title:
     * <ul>
     *   <li>{@code cpu}: {@link PidMetric#cpuPercent()} (ps {@code %CPU})</li>
     *   <li>{@code mem}: {@link PidMetric#memPercent()} (ps {@code %MEM}, host memory)</li>
     *   <li>{@code ram}: {@link PidMetric#rssBytes()} in MiB (ps {@code RSS})</li>
     *   <li>{@code gpu}: {@link PidMetric#gpuUtilPercent()} (pmon {@code sm})</li>
     *   <li>{@code gpu_memory_usage}: {@link PidMetric#gpuMemoryUsedMib()} in MiB</li>
     * </ul>
     * Every {@code data} value is a string with one decimal ({@code "10.0"}, {@code "16.2"}), or
     * {@code null} when the sample has no value for that metric (GPU metrics of a process without
     * a GPU). {@code x.data} is the sample time in {@code zone}, {@code yyyy-MM-dd HH:mm:ss}.
     *
     * @param zone the zone the console shows times in (the cluster's)
     * @return {@code TITLES.size()} entries per sample time; empty without samples
     * @throws NullPointerException if {@code zone} is null
     */
    public List<Map<String, Object>> runData(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        TreeMap<Instant, List<PidMetric>> byTime = new TreeMap<>(Comparator.naturalOrder());
        for (PidMetric s : samples) {
            byTime.computeIfAbsent(s.time(), t -> new ArrayList<>()).add(s);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Instant, List<PidMetric>> e : byTime.entrySet()) {
            String x = X_FORMAT.format(e.getKey().atZone(zone));
            for (String title : TITLES) {
                out.add(entry(x, title, e.getValue(), metric(title)));
            }
        }
        return out;
    }

    private static Function<PidMetric, Double> metric(String title) {
        switch (title) {
            case "gpu":
                return PidMetric::gpuUtilPercent;
            case "mem":
                return PidMetric::memPercent;
            case "cpu":
                return PidMetric::cpuPercent;
            case "ram":
                return p -> (double) p.rssBytes() / MemorySize.MIB;
            default:
                return p -> p.gpuMemoryUsedMib() == null ? null : p.gpuMemoryUsedMib().doubleValue();
        }
    }

    private static Map<String, Object> entry(String x, String title, List<PidMetric> at, Function<PidMetric, Double> f) {
        Map<String, Object> xm = new LinkedHashMap<>();
        xm.put("data", x);
        List<Object> ys = new ArrayList<>(at.size());
        for (PidMetric p : at) {
            Map<String, Object> y = new LinkedHashMap<>();
            Double v = f.apply(p);
            y.put("data", v == null ? null : String.format(Locale.ROOT, "%.1f", v));
            y.put("name", "PID-" + p.pid());
            ys.add(y);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", xm);
        m.put("y", ys);
        m.put("title", title);
        return m;
    }
}
