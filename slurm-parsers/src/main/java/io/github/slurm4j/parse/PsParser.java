package io.github.slurm4j.parse;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.metrics.ProcessInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ps -o }{@value #FORMAT}, with its header or with {@code --no-headers}.
 *
 * <p>Columns are separated by blanks; {@code comm} is the last column and may itself contain
 * blanks, so it is the rest of the line. {@code RSS} and {@code VSZ} are KiB. {@code USER} is as ps
 * printed it: ps cuts names longer than the column and ends them with {@code +}.
 */
public final class PsParser {
    /** The command name used in parse errors. */
    public static final String COMMAND = "ps";

    /** The {@code -o} format this parser reads. */
    public static final String FORMAT = "pid,ppid,user,pcpu,pmem,rss,vsz,etimes,comm";

    private static final List<String> HEADER = List.of("PID", "PPID", "USER", "%CPU", "%MEM", "RSS", "VSZ", "ELAPSED", "COMMAND");
    private static final String[] FIELDS = {"pid", "ppid", "user", "pcpu", "pmem", "rss", "vsz", "etimes", "comm"};
    /** Eight blank-separated tokens, then the command (which may contain blanks). */
    private static final Pattern ROW = Pattern.compile("\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s(.*)");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,9}(?:\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");

    private PsParser() {
    }

    /**
     * Parses the output; a header line (first token {@code PID}) is checked and skipped.
     *
     * @throws SlurmParseException when the header is not the one of {@link #FORMAT} or a row does not read
     */
    public static List<ProcessInfo> parse(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        List<ProcessInfo> out = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (first) {
                first = false;
                List<String> tokens = List.of(line.strip().split("\\s+"));
                if (tokens.get(0).equals("PID")) {
                    if (!tokens.equals(HEADER)) {
                        throw new SlurmParseException(COMMAND, no, "header", line,
                                "not the header of ps -o " + FORMAT);
                    }
                    continue;
                }
            }
            out.add(row(line, no));
        }
        return out;
    }

    private static ProcessInfo row(String line, int no) {
        Matcher m = ROW.matcher(line.stripTrailing());
        if (!m.matches() || m.group(9).isBlank()) {
            throw new SlurmParseException(COMMAND, no, null, line, "expected 9 columns: " + FORMAT);
        }
        long pid = whole(m, 1, no, line);
        long ppid = whole(m, 2, no, line);
        double cpu = percent(m, 4, no, line);
        double mem = percent(m, 5, no, line);
        long rss = whole(m, 6, no, line);
        long vsz = whole(m, 7, no, line);
        long etimes = whole(m, 8, no, line);
        return new ProcessInfo(pid, ppid, m.group(3), cpu, mem, Math.multiplyExact(rss, MemorySize.KIB),
                Math.multiplyExact(vsz, MemorySize.KIB), Duration.ofSeconds(etimes), m.group(9).strip());
    }

    private static long whole(Matcher m, int group, int no, String line) {
        String s = m.group(group);
        if (!WHOLE.matcher(s).matches()) {
            throw new SlurmParseException(COMMAND, no, FIELDS[group - 1], line, "not a whole number: '" + s + "'");
        }
        return Long.parseLong(s);
    }

    private static double percent(Matcher m, int group, int no, String line) {
        String s = m.group(group);
        if (!PERCENT.matcher(s).matches()) {
            throw new SlurmParseException(COMMAND, no, FIELDS[group - 1], line, "not a percentage: '" + s + "'");
        }
        return Double.parseDouble(s);
    }
}
