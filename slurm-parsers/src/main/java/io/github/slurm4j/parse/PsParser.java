package io.github.slurm4j.parse;

import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.metrics.ProcessInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads {@code ps -o LIST} for the columns a metrics sampler uses, in any order: {@code pid, ppid,
 * user, pcpu/%cpu, pmem/%mem, rss, vsz, etime, etimes, time, stat, comm, args/command}.
 *
 * <pre>{@code
 * PsParser p = PsParser.forFormat("pid,ppid,pcpu,pmem,rss,vsz,etimes,comm");   // ps -o ...
 * List<ProcessInfo> rows = p.read(stdout);
 * List<ProcessInfo> same = p.withoutHeader().read(stdoutOfNoHeaders);         // ps --no-headers -o ...
 * List<ProcessInfo> any = PsParser.parse(stdout);   // columns from the header, or FORMAT without one
 * }</pre>
 *
 * <p>Columns are separated by blanks. {@code comm} and {@code args} may themselves contain blanks:
 * the last column is the rest of the line, so {@code args} must be last (ps cuts it to its column
 * elsewhere); a {@code comm} that is not last is read as the 15 characters ps pads it to.
 * {@code RSS} and {@code VSZ} are KiB. {@code USER} is as ps printed it: ps cuts names longer than
 * the column and ends them with {@code +}. {@code ELAPSED} is {@code etimes} seconds or
 * {@code etime} {@code [[dd-]hh:]mm:ss}, {@code TIME} is {@code [dd-]hh:mm:ss}.
 *
 * <p>Built from a format, the parser checks that the first line is that format's header (the
 * titles ps prints, or those given as {@code comm=NAME}) and refuses it otherwise; built
 * {@link #withoutHeader()}, it refuses output that starts with that header. {@code pid=} style
 * empty titles are allowed; when every title is empty, ps prints no header line.
 */
public final class PsParser {
    /** The command name used in parse errors. */
    public static final String COMMAND = "ps";

    /** The {@code -o} format read by {@link #parse(String)} when the output has no header. */
    public static final String FORMAT = "pid,ppid,user,pcpu,pmem,rss,vsz,etimes,comm";

    /** The width ps pads {@code comm} to when it is not the last column (the kernel's 15-character name). */
    static final int COMM_WIDTH = 15;

    /** A column slurm4j reads: the title ps prints and the {@code -o} names ps accepts for it. */
    enum Col {
        PID("PID", "pid"), PPID("PPID", "ppid"), USER("USER", "user"), PCPU("%CPU", "pcpu", "%cpu"),
        PMEM("%MEM", "pmem", "%mem"), RSS("RSS", "rss"), VSZ("VSZ", "vsz"), ETIME("ELAPSED", "etime"),
        ETIMES("ELAPSED", "etimes"), TIME("TIME", "time"), STAT("STAT", "stat"), COMM("COMMAND", "comm"),
        ARGS("COMMAND", "args", "command");

        final String title;
        final List<String> names;

        Col(String title, String... names) {
            this.title = title;
            this.names = List.of(names);
        }

        boolean isText() {
            return this == COMM || this == ARGS;
        }

        static Col named(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            for (Col c : values()) {
                if (c.names.contains(n)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final Pattern PERCENT = Pattern.compile("\\d{1,9}(?:\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    /** KiB values: at most 15 digits, so the byte count fits a long. */
    private static final Pattern KIB = Pattern.compile("\\d{1,15}");
    private static final List<String> TITLES = List.of("PID", "PPID", "USER", "%CPU", "%MEM", "RSS", "VSZ", "ELAPSED", "TIME",
            "STAT", "COMMAND");

    private final String format;
    private final List<Col> columns;
    /** The printed header: the non-empty titles joined by one blank; empty when ps prints none. */
    private final String title;
    private final boolean header;

    private PsParser(String format, List<Col> columns, String title, boolean header) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.title = title;
        this.header = header;
    }

    /**
     * For {@code ps -o LIST} with its header: {@code LIST} as given to ps (names separated by
     * commas or blanks, several {@code -o} joined with commas), each name optionally with
     * {@code =TITLE}.
     *
     * @param list the {@code -o} argument ({@code pid,ppid,pcpu,rss,args}); not null
     * @return a parser that expects the header ps prints for that list (none when every title is
     *     empty, {@code pid=,rss=})
     * @throws NullPointerException if {@code list} is null
     * @throws IllegalArgumentException for a column slurm4j does not read, a list without
     *     {@code pid}, or {@code args} that is not the last column
     */
    public static PsParser forFormat(String list) {
        Objects.requireNonNull(list, "list");
        List<Col> cols = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        // a "name=TITLE" item takes the rest of its -o argument, blanks and commas included
        String rest = list.strip();
        while (!rest.isEmpty()) {
            int eq = -1;
            int end = rest.length();
            for (int k = 0; k < rest.length(); k++) {
                char ch = rest.charAt(k);
                if (ch == '=') {
                    eq = k;
                    break;
                }
                if (ch == ',' || ch == ' ') {
                    end = k;
                    break;
                }
            }
            String name;
            String custom = null;
            if (eq >= 0) {
                name = rest.substring(0, eq);
                int stop = rest.indexOf(",", eq);
                // ps: a title runs to the end of its -o argument; the caller joins several with ','
                custom = stop < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, stop);
                rest = stop < 0 ? "" : rest.substring(stop + 1).strip();
            } else {
                name = rest.substring(0, end);
                rest = end < rest.length() ? rest.substring(end + 1).strip() : "";
            }
            if (name.isEmpty()) {
                continue;
            }
            Col c = Col.named(name);
            if (c == null) {
                throw new IllegalArgumentException("ps column '" + name + "' is not one slurm4j reads; it reads "
                        + String.join(", ", Arrays.stream(Col.values()).flatMap(x -> x.names.stream()).toList()));
            }
            cols.add(c);
            titles.add(custom == null ? c.title : custom.strip());
        }
        if (!cols.contains(Col.PID)) {
            throw new IllegalArgumentException("ps -o " + list + " has no pid: a row could not say which process it is");
        }
        for (int i = 0; i < cols.size() - 1; i++) {
            if (cols.get(i) == Col.ARGS) {
                throw new IllegalArgumentException("ps -o " + list + ": args must be the last column (ps cuts it to its "
                        + "column width elsewhere)");
            }
        }
        String printed = String.join(" ", titles.stream().filter(t -> !t.isEmpty()).toList());
        return new PsParser(list, cols, printed, !printed.isEmpty());
    }

    /** {@return a parser of the same format printed without a header ({@code --no-headers})} */
    public PsParser withoutHeader() {
        return new PsParser(format, columns, title, false);
    }

    /**
     * Parses the output of {@code ps -o} for the columns its header names, in any order; without a
     * header line, the output of {@code ps --no-headers -o }{@value #FORMAT}. A single
     * {@code COMMAND} column is read as {@code comm} (ps prints the same title for {@code args}:
     * build the parser with {@link #forFormat} to tell them apart); of two, the last is
     * {@code args}.
     *
     * @param stdout the decoded standard output; may be null
     * @return one process per row, in printed order
     * @throws SlurmParseException when a first line that starts with a ps title is not a header of
     *     columns slurm4j reads, or a row does not read
     */
    public static List<ProcessInfo> parse(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> tokens = List.of(lines[i].strip().split("\\s+"));
            if (!TITLES.contains(tokens.get(0))) {
                break;
            }
            List<Col> cols = new ArrayList<>();
            int commands = (int) tokens.stream().filter("COMMAND"::equals).count();
            for (String t : tokens) {
                if (!TITLES.contains(t)) {
                    throw new SlurmParseException(COMMAND, i + 1, "header", lines[i], "'" + t
                            + "' is not the title of a ps column slurm4j reads (" + String.join(" ", TITLES) + ")");
                }
                Col c = t.equals("COMMAND") ? (commands > 1 && cols.contains(Col.COMM) ? Col.ARGS : Col.COMM)
                        : t.equals("ELAPSED") ? Col.ETIME
                        : Arrays.stream(Col.values()).filter(x -> x.title.equals(t)).findFirst().orElseThrow();
                cols.add(c);
            }
            if (!cols.contains(Col.PID)) {
                throw new SlurmParseException(COMMAND, i + 1, "header", lines[i], "a ps header without PID: a row could not "
                        + "say which process it is");
            }
            return new PsParser(String.join(" ", tokens), cols, String.join(" ", tokens), true).read(stdout);
        }
        return forFormat(FORMAT).withoutHeader().read(stdout);
    }

    /**
     * Parses the output of this format.
     *
     * @param stdout the decoded standard output; may be null
     * @return one process per row, in printed order
     * @throws SlurmParseException when the first line is not this format's header (or, built
     *     {@link #withoutHeader()}, when it is), or a row does not read
     */
    public List<ProcessInfo> read(String stdout) {
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
                boolean isHeader = !title.isEmpty() && String.join(" ", line.strip().split("\\s+")).equals(title);
                if (header && !isHeader) {
                    throw new SlurmParseException(COMMAND, no, "header", line, "expected the header line of ps -o " + format
                            + " ('" + title + "'); output printed with --no-headers? then build the parser withoutHeader()");
                }
                if (isHeader) {
                    if (!header) {
                        throw new SlurmParseException(COMMAND, no, "header", line, "expected rows of ps -o " + format
                                + " printed with --no-headers, but the output starts with its header");
                    }
                    continue;
                }
            }
            out.add(row(line, no));
        }
        return out;
    }

    private ProcessInfo row(String line, int no) {
        String[] values = new String[columns.size()];
        int pos = 0;
        int n = line.length();
        for (int k = 0; k < columns.size(); k++) {
            Col c = columns.get(k);
            while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                throw new SlurmParseException(COMMAND, no, c.names.get(0), line, "the row ends before column "
                        + c.names.get(0) + " (expected " + columns.size() + " columns of ps -o " + format + ")");
            }
            int end;
            if (c.isText() && k == columns.size() - 1) {
                end = n;
            } else if (c == Col.COMM) {
                end = Math.min(pos + COMM_WIDTH, n);
                if (end < n && !Character.isWhitespace(line.charAt(end))) {
                    throw new SlurmParseException(COMMAND, no, "comm", line, "comm goes on past the " + COMM_WIDTH
                            + " characters ps pads it to");
                }
            } else {
                end = pos;
                while (end < n && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
            }
            values[k] = line.substring(pos, end).strip();
            pos = end;
        }
        if (!line.substring(pos).isBlank()) {
            throw new SlurmParseException(COMMAND, no, null, line, "more values than the " + columns.size()
                    + " columns of ps -o " + format);
        }
        Long pid = null;
        Long ppid = null;
        String user = null;
        Double cpu = null;
        Double mem = null;
        Long rss = null;
        Long vsz = null;
        Duration elapsed = null;
        Duration time = null;
        String stat = null;
        String comm = null;
        String args = null;
        for (int k = 0; k < columns.size(); k++) {
            String v = values[k];
            switch (columns.get(k)) {
                case PID:
                    pid = whole(v, "pid", no, line);
                    break;
                case PPID:
                    ppid = whole(v, "ppid", no, line);
                    break;
                case USER:
                    user = v;
                    break;
                case PCPU:
                    cpu = percent(v, "pcpu", no, line, Double.MAX_VALUE);
                    break;
                case PMEM:
                    mem = percent(v, "pmem", no, line, 100);
                    break;
                case RSS:
                    rss = kib(v, "rss", no, line);
                    break;
                case VSZ:
                    vsz = kib(v, "vsz", no, line);
                    break;
                case ETIME:
                case ETIMES:
                    Duration d = duration(v, columns.get(k).names.get(0), no, line);
                    elapsed = elapsed == null ? d : elapsed;
                    break;
                case TIME:
                    time = duration(v, "time", no, line);
                    break;
                case STAT:
                    stat = v;
                    break;
                case COMM:
                    comm = v;
                    break;
                default:
                    args = v;
                    break;
            }
        }
        return new ProcessInfo(pid, ppid, user, cpu, mem, rss, vsz, elapsed, comm, time, stat, args);
    }

    private static long whole(String s, String field, int no, String line) {
        if (!WHOLE.matcher(s).matches()) {
            throw new SlurmParseException(COMMAND, no, field, line, "not a whole number: '" + s + "'");
        }
        return Long.parseLong(s);
    }

    private static long kib(String s, String field, int no, String line) {
        if (!KIB.matcher(s).matches()) {
            throw new SlurmParseException(COMMAND, no, field, line, "not a KiB count: '" + s + "'");
        }
        return Long.parseLong(s) * MemorySize.KIB;
    }

    private static double percent(String s, String field, int no, String line, double max) {
        if (!PERCENT.matcher(s).matches() || Double.parseDouble(s) > max) {
            throw new SlurmParseException(COMMAND, no, field, line, "not a percentage: '" + s + "'");
        }
        return Double.parseDouble(s);
    }

    private static Duration duration(String s, String field, int no, String line) {
        Duration d = s.indexOf('.') >= 0 ? null : SlurmDuration.tryParse(s);
        if (d == null) {
            throw new SlurmParseException(COMMAND, no, field, line, "not a time ([[dd-]hh:]mm:ss or seconds): '" + s + "'");
        }
        return d;
    }
}
