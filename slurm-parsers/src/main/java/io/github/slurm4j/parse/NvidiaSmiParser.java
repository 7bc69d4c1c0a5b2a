package io.github.slurm4j.parse;

import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the two per-process outputs of {@code nvidia-smi}:
 * <ul>
 *   <li>{@code nvidia-smi --query-compute-apps=pid,used_memory --format=csv} (also with
 *       {@code noheader} and/or {@code nounits}): {@link #parseComputeApps};</li>
 *   <li>{@code nvidia-smi pmon -c 1 -s um}: {@link #parsePmon}.</li>
 * </ul>
 */
public final class NvidiaSmiParser {
    /** The command name of compute-apps parse errors. */
    public static final String COMPUTE_APPS_COMMAND = "nvidia-smi --query-compute-apps";
    /** The command name of pmon parse errors. */
    public static final String PMON_COMMAND = "nvidia-smi pmon";

    /** What nvidia-smi prints instead of a table when no process uses a GPU (plain mode). */
    public static final String NO_PROCESSES = "No running processes found";

    private NvidiaSmiParser() {
    }

    /**
     * Parses {@code --query-compute-apps=pid,used_memory --format=csv[,noheader][,nounits]}.
     * The header ({@code pid, used_memory [MiB]}, or {@code used_gpu_memory}, without the unit under
     * {@code nounits}) is optional. A value is {@code 1234 MiB} or, under {@code nounits},
     * {@code 1234}; bracketed values ({@code [N/A]}, {@code [Not Supported]}) become {@code null}.
     * Blank output and {@value #NO_PROCESSES} give an empty list.
     *
     * @param stdout the decoded standard output; may be null
     * @return one process per row, in printed order
     * @throws SlurmParseException for another header, a unit other than MiB, or a row that does not read
     */
    public static List<GpuProcess> parseComputeApps(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        List<GpuProcess> out = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty() || line.equals(NO_PROCESSES)) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (first) {
                first = false;
                if (cells[0].strip().toLowerCase(Locale.ROOT).equals("pid")) {
                    checkHeader(cells, no, lines[i]);
                    continue;
                }
            }
            if (cells.length != 2) {
                throw new SlurmParseException(COMPUTE_APPS_COMMAND, no, null, lines[i], "expected 2 columns: pid, used_memory");
            }
            String pid = cells[0].strip();
            if (!pid.matches("\\d{1,18}")) {
                throw new SlurmParseException(COMPUTE_APPS_COMMAND, no, "pid", lines[i], "not a process id: '" + pid + "'");
            }
            out.add(new GpuProcess(Long.parseLong(pid), mib(cells[1].strip(), no, lines[i])));
        }
        return out;
    }

    private static void checkHeader(String[] cells, int no, String line) {
        String mem = cells.length == 2 ? cells[1].strip() : "";
        String name = mem.endsWith(" [MiB]") ? mem.substring(0, mem.length() - 6) : mem;
        if (!name.equals("used_memory") && !name.equals("used_gpu_memory")) {
            throw new SlurmParseException(COMPUTE_APPS_COMMAND, no, "header", line,
                    "expected the header 'pid, used_memory [MiB]'");
        }
    }

    private static Long mib(String s, int no, String line) {
        if (s.startsWith("[") && s.endsWith("]")) {
            return null;
        }
        String n = s.endsWith(" MiB") ? s.substring(0, s.length() - 4).strip() : s;
        if (!n.matches("\\d{1,15}")) {
            throw new SlurmParseException(COMPUTE_APPS_COMMAND, no, "used_memory", line, "not an amount of MiB: '" + s + "'");
        }
        return Long.valueOf(n);
    }

    /**
     * Parses {@code nvidia-smi pmon -c 1 -s um}. The first of the two {@code #} header lines names
     * the columns ({@code # gpu pid type sm mem enc dec fb command}; drivers differ in order and
     * add columns such as {@code jpg}, {@code ofa}, {@code ccpm}, which go to
     * {@link GpuProcessUtilization#extras()}); the second ({@code # Idx # C/G % % ... MB name})
     * gives units and is skipped. Header blocks may repeat. {@code command} must be the last column
     * and is the rest of the line, so it may contain blanks. {@code -} becomes {@code null}.
     *
     * @param stdout the decoded standard output; may be null
     * @return one row per data line, in printed order (a GPU without processes included)
     * @throws SlurmParseException for a row before any header, a header without {@code gpu},
     *     {@code pid} or a final {@code command}, or a value that does not read
     */
    public static List<GpuProcessUtilization> parsePmon(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        List<GpuProcessUtilization> out = new ArrayList<>();
        List<String> columns = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                List<String> names = List.of(line.substring(1).strip().split("\\s+"));
                if (names.get(0).equals("gpu")) {
                    if (!names.contains("pid") || !names.get(names.size() - 1).equals("command")) {
                        throw new SlurmParseException(PMON_COMMAND, no, "header", lines[i],
                                "expected a header with gpu, pid and a final command column");
                    }
                    columns = names;
                }
                continue;
            }
            if (columns == null) {
                throw new SlurmParseException(PMON_COMMAND, no, "header", lines[i], "row before the '# gpu ...' header");
            }
            out.add(pmonRow(columns, line, no, lines[i]));
        }
        return out;
    }

    private static GpuProcessUtilization pmonRow(List<String> columns, String line, int no, String raw) {
        int n = columns.size();
        String[] cells = line.split("\\s+", n);
        if (cells.length != n) {
            throw new SlurmParseException(PMON_COMMAND, no, null, raw, "expected " + n + " columns: " + String.join(" ", columns));
        }
        Map<String, String> extras = new LinkedHashMap<>();
        Integer gpu = null;
        Long pid = null;
        String type = null;
        Integer sm = null;
        Integer mem = null;
        Integer enc = null;
        Integer dec = null;
        Long fb = null;
        String command = null;
        for (int c = 0; c < n; c++) {
            String name = columns.get(c);
            String v = cells[c].strip();
            switch (name) {
                case "gpu":
                    gpu = (int) number(v, name, no, raw, false);
                    break;
                case "pid":
                    pid = nullableNumber(v, name, no, raw);
                    break;
                case "type":
                    type = v.equals("-") ? null : v;
                    break;
                case "sm":
                    sm = toInt(nullableNumber(v, name, no, raw));
                    break;
                case "mem":
                    mem = toInt(nullableNumber(v, name, no, raw));
                    break;
                case "enc":
                    enc = toInt(nullableNumber(v, name, no, raw));
                    break;
                case "dec":
                    dec = toInt(nullableNumber(v, name, no, raw));
                    break;
                case "fb":
                    fb = nullableNumber(v, name, no, raw);
                    break;
                case "command":
                    command = v.equals("-") ? null : v;
                    break;
                default:
                    extras.put(name, v);
            }
        }
        return new GpuProcessUtilization(gpu, pid, type, sm, mem, enc, dec, fb, command, extras);
    }

    private static Integer toInt(Long v) {
        return v == null ? null : Math.toIntExact(v);
    }

    private static Long nullableNumber(String v, String name, int no, String raw) {
        return v.equals("-") ? null : number(v, name, no, raw, true);
    }

    private static long number(String v, String name, int no, String raw, boolean big) {
        if (!v.matches(big ? "\\d{1,9}" : "\\d{1,4}")) {
            throw new SlurmParseException(PMON_COMMAND, no, name, raw, "not a number: '" + v + "'");
        }
        return Long.parseLong(v);
    }
}
