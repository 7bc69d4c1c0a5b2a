package io.github.slurm4j.parse;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.seff.SeffReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the standard output of {@code seff <job>} (the contrib Perl script) into a
 * {@link SeffReport}.
 *
 * <p>Every variant seff prints is read: {@code Cores:} or {@code Nodes:} + {@code Cores per node:},
 * the {@code Array Job ID:} line, {@code State: X (exit code N)}, the PENDING
 * {@code Efficiency not available ...} message, {@code (estimated maximum)} after memory, the
 * {@code (X MB/core)} / {@code (X MB/node)} suffix and the trailing RUNNING warning. Lines a site's
 * seff adds are kept in {@link SeffReport#extras()} or {@link SeffReport#notes()}.
 *
 * <p>seff reports an unknown job by printing {@code Job not found.} on standard error and nothing on
 * standard output (exit code 2); classifying that is the business of the error layer. This parser
 * refuses empty output, {@code Job not found.}, and any output that lacks a line seff always
 * prints, with a {@link SlurmParseException}: it never returns a report that is missing lines.
 */
public final class SeffParser {
    /** The command name used in parse errors. */
    public static final String COMMAND = "seff";

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    /**
     * seff's unit: {@code KB} ... {@code EB}, or a bare {@code B} when {@code kbytes2str} runs past
     * its unit table (seen on 24.11 and 26.05 for a DEADLINE job that never ran: no memory was
     * allocated, and seff reads Slurm's NO_VAL as the amount: "0.00% of 16.00 B (16.00 B/core)").
     */
    private static final String UNIT = "([KMGTPE]?B)";
    private static final Pattern STATE = Pattern.compile("(.+?)(?: \\(exit code (-?\\d+)\\))?");
    private static final Pattern CPU_EFF = Pattern.compile(NUM + "% of (\\S+) core-walltime");
    private static final Pattern MEM_USED = Pattern.compile(NUM + " " + UNIT + "( \\(estimated maximum\\))?");
    private static final Pattern MEM_EFF = Pattern.compile(
            NUM + "% of " + NUM + " " + UNIT + "(?: \\(" + NUM + " " + UNIT + "/(core|node)\\))?");
    private static final Pattern NOT_AVAILABLE = Pattern.compile("Efficiency not available for jobs in the \\S+ state\\.");
    private static final String RUNNING_WARNING = "WARNING: Efficiency statistics may be misleading for RUNNING jobs.";
    /** The running job's warning of the seff shipped with Slurm 24.11 and 26.05 (contribs/seff 2.1). */
    private static final String RUNNING_WARNING_NEWER = "WARNING: Efficiency statistics can only be obtained after the job has ended"
            + " as seff tool is based on the accounting database data.";

    private static final Set<String> KNOWN = Set.of("Job ID", "Array Job ID", "Cluster", "User/Group", "State",
            "Cores", "Nodes", "Cores per node", "CPU Utilized", "CPU Efficiency", "Job Wall-clock time",
            "Memory Utilized", "Memory Efficiency");
    private static final List<String> USAGE_KEYS = List.of("CPU Utilized", "CPU Efficiency", "Job Wall-clock time",
            "Memory Utilized", "Memory Efficiency");

    private SeffParser() {
    }

    /**
     * Parses one seff report.
     *
     * @param stdout seff's standard output
     * @return the report as printed, nothing derived
     * @throws SlurmParseException for empty output, {@code Job not found.}, a missing line, or a
     *     value that does not read
     */
    public static SeffReport parse(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        Map<String, String> printed = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        boolean notAvailable = false;
        boolean warning = false;
        int firstLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (firstLine == 0) {
                firstLine = no;
            }
            if (line.equals("Job not found.")) {
                throw new SlurmParseException(COMMAND, no, null, line, "seff found no such job");
            }
            if (line.equals(RUNNING_WARNING) || line.equals(RUNNING_WARNING_NEWER)) {
                warning = true;
                continue;
            }
            if (NOT_AVAILABLE.matcher(line).matches()) {
                notAvailable = true;
                continue;
            }
            int colon = line.indexOf(": ");
            String key;
            String value;
            if (colon > 0) {
                key = line.substring(0, colon).strip();
                value = line.substring(colon + 2).strip();
            } else if (line.endsWith(":") && line.length() > 1) {
                key = line.substring(0, line.length() - 1).strip();
                value = "";
            } else {
                notes.add(line);
                continue;
            }
            if (printed.containsKey(key)) {
                throw new SlurmParseException(COMMAND, no, key, line, "line printed twice: more than one report?");
            }
            printed.put(key, value);
            lineOf.put(key, no);
            if (!KNOWN.contains(key)) {
                extras.put(key, value);
            }
        }
        if (firstLine == 0) {
            throw new SlurmParseException(COMMAND, 0, null, "",
                    "empty output: seff printed no report (for an unknown job it prints 'Job not found.' on stderr)");
        }
        Fields f = new Fields(printed, lineOf, lines, firstLine);

        JobId jobId = f.required("Job ID", JobId::parse);
        JobId arrayJobId = f.optional("Array Job ID", JobId::parse);
        String cluster = f.required("Cluster", s -> s);
        UserRef[] userGroup = f.required("User/Group", SeffParser::userGroup);
        Object[] st = f.required("State", SeffParser::state);
        Integer cores = f.optional("Cores", SeffParser::count);
        Integer nodes = f.optional("Nodes", SeffParser::count);
        Integer perNode = f.optional("Cores per node", SeffParser::count);
        if (cores == null && (nodes == null || perNode == null)) {
            String missing = nodes == null ? "Nodes" : "Cores per node";
            throw f.missing(cores == null && nodes == null && perNode == null ? "Cores" : missing);
        }

        SeffReport.Usage usage = null;
        boolean anyUsage = USAGE_KEYS.stream().anyMatch(printed::containsKey);
        if (notAvailable) {
            if (anyUsage) {
                String k = USAGE_KEYS.stream().filter(printed::containsKey).findFirst().orElseThrow();
                throw f.error(k, "usage line next to 'Efficiency not available'");
            }
        } else {
            if (!anyUsage) {
                throw f.missing("CPU Utilized");
            }
            Duration cpu = f.required("CPU Utilized", SeffParser::duration);
            Object[] cpuEff = f.required("CPU Efficiency", SeffParser::cpuEfficiency);
            Duration wall = f.required("Job Wall-clock time", SeffParser::duration);
            Object[] memUsed = f.required("Memory Utilized", SeffParser::memoryUsed);
            Object[] memEff = f.required("Memory Efficiency", SeffParser::memoryEfficiency);
            usage = new SeffReport.Usage(cpu, (Double) cpuEff[0], (Duration) cpuEff[1], wall,
                    (Long) memUsed[0], (Boolean) memUsed[1], (Double) memEff[0], (Long) memEff[1],
                    (Long) memEff[2], (String) memEff[3]);
        }
        return new SeffReport(jobId, arrayJobId, cluster.isEmpty() ? null : cluster, userGroup[0], userGroup[1],
                (JobState) st[0], (Integer) st[1], cores, nodes, perNode, usage, warning, printed, extras, notes);
    }

    /** A value reader that throws {@link IllegalArgumentException} on bad text. */
    private interface Reader<T> {
        T read(String text);
    }

    /** The printed lines with their numbers, for reading values and locating errors. */
    private static final class Fields {
        private final Map<String, String> printed;
        private final Map<String, Integer> lineOf;
        private final String[] lines;
        private final int firstLine;

        Fields(Map<String, String> printed, Map<String, Integer> lineOf, String[] lines, int firstLine) {
            this.printed = printed;
            this.lineOf = lineOf;
            this.lines = lines;
            this.firstLine = firstLine;
        }

        <T> T required(String key, Reader<T> reader) {
            if (!printed.containsKey(key)) {
                throw missing(key);
            }
            return optional(key, reader);
        }

        <T> T optional(String key, Reader<T> reader) {
            String value = printed.get(key);
            if (value == null) {
                return null;
            }
            try {
                return reader.read(value);
            } catch (IllegalArgumentException e) {
                int no = lineOf.get(key);
                throw new SlurmParseException(COMMAND, no, key, lines[no - 1], "unreadable value: " + e.getMessage(), e);
            }
        }

        SlurmParseException missing(String key) {
            return new SlurmParseException(COMMAND, firstLine, key, lines[firstLine - 1],
                    "no '" + key + ":' line: not seff output, or output cut short");
        }

        SlurmParseException error(String key, String reason) {
            int no = lineOf.get(key);
            return new SlurmParseException(COMMAND, no, key, lines[no - 1], reason);
        }
    }

    private static UserRef[] userGroup(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected user/group: '" + text + "'");
        }
        String user = text.substring(0, slash).strip();
        String group = text.substring(slash + 1).strip();
        return new UserRef[] {user.isEmpty() ? null : UserRef.parse(user), group.isEmpty() ? null : UserRef.parse(group)};
    }

    private static Object[] state(String text) {
        Matcher m = STATE.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("expected a state: '" + text + "'");
        }
        Integer exit = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        return new Object[] {JobState.parse(m.group(1)), exit};
    }

    private static Integer count(String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("expected a whole number: '" + text + "'");
        }
        return Integer.valueOf(text);
    }

    private static Duration duration(String text) {
        return SlurmDuration.parse(text);
    }

    private static double percent(String text) {
        return Double.parseDouble(text);
    }

    private static Object[] cpuEfficiency(String text) {
        Matcher m = CPU_EFF.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'N.NN% of HH:MM:SS core-walltime': '" + text + "'");
        }
        return new Object[] {percent(m.group(1)), SlurmDuration.parse(m.group(2))};
    }

    private static Object[] memoryUsed(String text) {
        Matcher m = MEM_USED.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'N.NN MB [(estimated maximum)]': '" + text + "'");
        }
        return new Object[] {bytes(m.group(1), m.group(2)), m.group(3) != null};
    }

    private static Object[] memoryEfficiency(String text) {
        Matcher m = MEM_EFF.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'N.NN% of N.NN MB [(N.NN MB/core|node)]': '" + text + "'");
        }
        if (m.group(3).equals("B")) {
            // past seff's unit table: no memory allocated (Slurm's NO_VAL); requested 0, no per-unit amount
            return new Object[] {percent(m.group(1)), 0L, null, null};
        }
        Long per = m.group(4) == null ? null : bytes(m.group(4), m.group(5));
        return new Object[] {percent(m.group(1)), bytes(m.group(2), m.group(3)), per, m.group(6)};
    }

    /**
     * seff's {@code kbytes2str} divides KiB by powers of 1024 and names the result {@code KB},
     * {@code MB}, {@code GB}...: binary units despite the names.
     */
    static long bytes(String number, String unit) {
        if (unit.equals("B")) {
            throw new IllegalArgumentException("amount past seff's unit table (Slurm's NO_VAL?): '" + number + " " + unit + "'");
        }
        char u = unit.charAt(0);
        BigDecimal multiplier = u == 'E'
                ? BigDecimal.valueOf(MemorySize.PIB).multiply(BigDecimal.valueOf(1024))
                : BigDecimal.valueOf(MemorySize.multiplier(u));
        try {
            return new BigDecimal(number).multiply(multiplier).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("memory amount too large: '" + number + " " + unit + "'", e);
        }
    }
}
