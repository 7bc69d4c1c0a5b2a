package io.github.slurm4j.model.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code nvidia-smi pmon -c 1 -s um}. nvidia-smi prints {@code -} for a value it has
 * not sampled; that is {@code null} here, never 0. A GPU without processes gets a row whose
 * {@code pid}, {@code type} and {@code command} are {@code null}.
 *
 * @param gpu the GPU index ({@code gpu} / {@code Idx})
 * @param pid the process id, or {@code null} for {@code -}
 * @param type {@code C} (compute), {@code G} (graphics), {@code C+G}, ... or {@code null} for {@code -}
 * @param smPercent {@code sm}: streaming-multiprocessor utilisation of this process, percent of the GPU
 * @param memPercent {@code mem}: memory-bandwidth utilisation of this process, percent of the GPU
 * @param encPercent {@code enc}: encoder utilisation, percent
 * @param decPercent {@code dec}: decoder utilisation, percent
 * @param fbMib {@code fb}: frame-buffer memory used, MiB ({@code MB} in the header)
 * @param command {@code command}: process name as nvidia-smi cut it (may contain spaces), or
 *     {@code null} for {@code -}
 * @param extras further columns newer drivers print ({@code jpg}, {@code ofa}, {@code ccpm}, ...),
 *     raw, in order; {@code -} is kept as printed
 */
public record GpuProcessUtilization(int gpu, Long pid, String type, Integer smPercent, Integer memPercent,
                                    Integer encPercent, Integer decPercent, Long fbMib, String command,
                                    Map<String, String> extras) {
    /**
     * Copies the extras.
     *
     * @param gpu the GPU index ({@code gpu} / {@code Idx})
     * @param pid the process id, or {@code null} for {@code -}
     * @param type {@code C} (compute), {@code G} (graphics), {@code C+G}, ... or {@code null} for {@code -}
     * @param smPercent {@code sm}: streaming-multiprocessor utilisation of this process, percent of the GPU
     * @param memPercent {@code mem}: memory-bandwidth utilisation of this process, percent of the GPU
     * @param encPercent {@code enc}: encoder utilisation, percent
     * @param decPercent {@code dec}: decoder utilisation, percent
     * @param fbMib {@code fb}: frame-buffer memory used, MiB ({@code MB} in the header)
     * @param command {@code command}: process name as nvidia-smi cut it (may contain spaces), or
     *     {@code null} for {@code -}
     * @param extras further columns newer drivers print ({@code jpg}, {@code ofa}, {@code ccpm}, ...),
     *     raw, in order; {@code -} is kept as printed; {@code null} is taken as none; copied into an unmodifiable map
     */
    public GpuProcessUtilization {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
