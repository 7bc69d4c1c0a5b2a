package io.github.slurm4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained by all generated jobs held in one list, measured as the used heap after full GCs
 * before and after building the list. Run it in its own JVM with {@code -XX:+UseSerialGC} (one
 * mode per JVM) so nothing else allocates:
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp benchmarks.jar io.github.slurm4j.benchmarks.RetainedSize jobs &lt;file&gt;</pre>
 *
 * Modes: {@code jobs} (the library's {@code Job} objects), {@code maps} (a {@code HashMap} of key to
 * value per line, the baseline), {@code lines} (the raw line {@code String}s, for context).
 * Prints {@code retained.<mode>.bytes=<n>} and {@code retained.<mode>.count=<n>}.
 */
public final class RetainedSize {
    private RetainedSize() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RetainedSize jobs|maps|lines <scontrol -o file>");
            System.exit(2);
        }
        String mode = args[0];
        Path file = Path.of(args[1]);
        long before = usedAfterGc();
        List<Object> held = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            switch (mode) {
                case "jobs" -> JobsFromText.forEach(r, held::add);
                case "maps" -> {
                    String line;
                    while ((line = r.readLine()) != null) {
                        held.add(OnelinerFields.toMap(line));
                    }
                }
                case "lines" -> {
                    String line;
                    while ((line = r.readLine()) != null) {
                        held.add(line);
                    }
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        long after = usedAfterGc();
        System.out.println("retained." + mode + ".count=" + held.size());
        System.out.println("retained." + mode + ".bytes=" + (after - before));
        Reference.reachabilityFence(held);
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
