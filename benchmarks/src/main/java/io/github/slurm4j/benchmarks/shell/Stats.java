package io.github.slurm4j.benchmarks.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a list of timings (ms), and their text form in a properties file. */
final class Stats {
    private Stats() {
    }

    /** {@code 12.34,13.01,…} (two decimals, dot, comma-separated). */
    static String join(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.2f", v));
        }
        return sb.toString();
    }

    /** The inverse of {@link #join}; an empty or missing text is an empty list. */
    static List<Double> parse(String text) {
        List<Double> values = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String s : text.split(",")) {
            values.add(Double.parseDouble(s.strip()));
        }
        return values;
    }

    /**
     * The {@code q}-quantile (0 to 1) with linear interpolation between closest ranks, as
     * spreadsheets' PERCENTILE.INC; {@code NaN} for no values.
     */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile out of [0, 1]: " + q);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }
}
