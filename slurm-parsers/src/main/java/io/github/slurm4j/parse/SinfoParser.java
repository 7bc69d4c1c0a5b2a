package io.github.slurm4j.parse;

import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.SinfoRow;
import io.github.slurm4j.parse.internal.Cell;
import io.github.slurm4j.parse.internal.Column;
import io.github.slurm4j.parse.internal.Formats;
import io.github.slurm4j.parse.internal.Layout;
import io.github.slurm4j.parse.internal.TableValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads sinfo's table output for the format it was run with, partition-oriented (the default) or
 * node-oriented ({@code -N}), into {@link SinfoRow}s. sinfo's {@code %#X} columns (sized to the
 * longest value) are measured on the table itself. Other fields go to {@code extras} under their
 * {@code -O} name.
 */
public final class SinfoParser {
    static final String COMMAND = "sinfo";

    /** sinfo's default format. */
    public static final String DEFAULT_FORMAT = "%#P %.5a %.10l %.6D %.6t %N";
    /** {@code sinfo -N}. */
    public static final String NODE_FORMAT = "%#N %.6D %#P %6t";
    /** {@code sinfo -l}. */
    public static final String LONG_FORMAT = "%#P %.5a %.10l %.10s %.4r %.8h %.10g %.6D %.11T %N";
    /** {@code sinfo -N -l} (also {@code -Nel}). */
    public static final String NODE_LONG_FORMAT = "%#N %.6D %#P %.11T %.4c %.8z %.6m %.8d %.6w %.8f %20E";
    /** {@code sinfo -R}. */
    public static final String REASONS_FORMAT = "%20E %9u %19H %N";

    /**
     * The {@code -O} name of each {@code -o} letter. Source: the sinfo 22.05 man page ({@code -o}
     * and {@code -O} sections) and sinfo's format table ({@code src/sinfo/opts.c}), checked against
     * the header sinfo 22.05.8 prints for {@code -o %all} (fixture
     * {@code sinfo-all-fields-percent-all}): {@code %b} is the active features, {@code %f} the
     * available ones, {@code %u}/{@code %U} who set the reason (name / name(uid)), {@code %s} the
     * job size range.
     */
    static final Map<Character, String> LETTERS = new LinkedHashMap<>();
    /**
     * Second {@code -O} spellings sinfo accepts, keyed in lower case: sinfo's table names
     * {@code %b} {@code features_act}, and {@code Share} is a hidden name of {@code OverSubscribe}.
     */
    static final Map<String, String> ALIASES = Map.of("features_act", "FeaturesAct", "share", "OverSubscribe");
    /** The order of {@code -o %all} in sinfo 22.05. */
    static final String ALL_ORDER = "abcdefghlmnoprstuvwzABCDEFGHILMNOPRSTUVXYZ";
    /**
     * Every field {@code -o %all} may print, in its order: {@link #ALL_ORDER} and, from 24.11 on,
     * a {@code RESERVATION} column ({@code %i}, only read from {@code %all}: not a letter of
     * 22.05's table) after {@code OVERSUBSCRIBE} (fixtures {@code slurm-24.11}/{@code slurm-26.05}
     * {@code sinfo-all-fields-percent-all}). Which of them a version prints is read from its
     * header ({@link Formats#percentAll}).
     */
    static final List<Formats.AllField> ALL_FIELDS;
    static final Set<String> FREE_TEXT = Set.of("Reason");

    static {
        String[] pairs = {
            "a", "Available", "A", "NodeAI", "b", "FeaturesAct", "B", "MaxCPUsPerNode", "c", "CPUs",
            "C", "CPUsState", "d", "Disk", "D", "Nodes", "e", "FreeMem", "E", "Reason", "f", "Features",
            "F", "NodeAIOT", "g", "Groups", "G", "Gres", "h", "OverSubscribe", "H", "Timestamp",
            "I", "PriorityJobFactor", "l", "Time", "L", "DefaultTime", "m", "Memory", "M", "PreemptMode",
            "n", "NodeHost", "N", "NodeList", "o", "NodeAddr", "O", "CPUsLoad", "p", "PriorityTier",
            "P", "Partition", "r", "Root", "R", "PartitionName", "s", "Size", "S", "AllocNodes",
            "t", "StateCompact", "T", "StateLong", "u", "User", "U", "UserLong", "v", "Version",
            "V", "Cluster", "w", "Weight", "X", "Sockets", "Y", "Cores", "z", "SocketCoreThread", "Z", "Threads",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            LETTERS.put(pairs[i].charAt(0), pairs[i + 1]);
        }
    }

    /**
     * The title sinfo prints over each field, by {@code -O} name: as {@code -o %all} prints them
     * (fixture {@code sinfo-all-fields-percent-all}; {@code FormatTablesTest} checks the two agree),
     * and {@code GRES_USED} as {@code -O GresUsed} prints it. A header line is checked against these.
     */
    static final Map<String, List<String>> TITLES = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "Available", "AVAIL", "FeaturesAct", "ACTIVE_FEATURES", "CPUs", "CPUS", "Disk", "TMP_DISK",
            "FreeMem", "FREE_MEM", "Features", "AVAIL_FEATURES", "Groups", "GROUPS", "OverSubscribe", "OVERSUBSCRIBE",
            "Time", "TIMELIMIT", "Memory", "MEMORY", "NodeHost", "HOSTNAMES", "NodeAddr", "NODE_ADDR",
            "PriorityTier", "PRIO_TIER", "Root", "ROOT", "Size", "JOB_SIZE", "StateCompact", "STATE", "User", "USER",
            "Version", "VERSION", "Weight", "WEIGHT", "SocketCoreThread", "S:C:T", "NodeAI", "NODES(A/I)",
            "MaxCPUsPerNode", "MAX_CPUS_PER_NODE", "CPUsState", "CPUS(A/I/O/T)", "Nodes", "NODES", "Reason", "REASON",
            "NodeAIOT", "NODES(A/I/O/T)", "Gres", "GRES", "Timestamp", "TIMESTAMP", "PriorityJobFactor", "PRIO_JOB_FACTOR",
            "DefaultTime", "DEFAULTTIME", "PreemptMode", "PREEMPT_MODE", "NodeList", "NODELIST", "CPUsLoad", "CPU_LOAD",
            "Partition", "PARTITION", "PartitionName", "PARTITION", "AllocNodes", "ALLOCNODES", "StateLong", "STATE",
            "UserLong", "USER", "Cluster", "CLUSTER", "Sockets", "SOCKETS", "Cores", "CORES", "Threads", "THREADS",
            "GresUsed", "GRES_USED", "Reservation", "RESERVATION",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            TITLES.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
    }

    static {
        List<Formats.AllField> all = new ArrayList<>();
        for (char c : ALL_ORDER.toCharArray()) {
            all.add(new Formats.AllField(c, LETTERS.get(c)));
            if (c == 'h') {
                all.add(new Formats.AllField('i', "Reservation"));
            }
        }
        ALL_FIELDS = List.copyOf(all);
    }

    static final Set<String> NAMES = Set.of("Partition", "PartitionName", "Available", "Time", "Nodes", "StateCompact",
            "StateLong", "State", "NodeList", "CPUsState", "NodeAIOT", "CPUs", "Memory", "FreeMem", "Gres", "GresUsed",
            "Reason", "User", "Timestamp");

    private static final Pattern DATE_LINE = Pattern.compile("^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$");

    private final String format;
    private final Layout layout;
    private final boolean header;

    private SinfoParser(String format, Layout layout, boolean header) {
        this.format = format;
        this.layout = layout;
        this.header = header;
    }

    /**
     * For {@code sinfo -o FORMAT} with a header. {@code %all} is accepted.
     *
     * @param format the {@code -o} argument as given to sinfo ({@code "%P %.5a %D %T %N"})
     * @return the parser; letters slurm4j does not type are kept in {@link SinfoRow#extras()}
     * @throws IllegalArgumentException for a malformed format
     */
    public static SinfoParser forFormat(String format) {
        if (format.trim().equals("%all")) {
            return new SinfoParser(format, allLayout(), true);
        }
        return new SinfoParser(format, Formats.parseShort(COMMAND, format, LETTERS, FREE_TEXT), true);
    }

    /** 22.05's {@code %all}, for output without a header (the version is read from the header). */
    private static Layout allLayout() {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < ALL_ORDER.length(); i++) {
            char c = ALL_ORDER.charAt(i);
            cols.add(new Column(LETTERS.get(c), "%" + c, Column.UNBOUNDED, false, i < ALL_ORDER.length() - 1 ? "|" : ""));
        }
        return new Layout(COMMAND, "", cols, FREE_TEXT, true);
    }

    /**
     * For {@code sinfo -O FORMAT} with a header.
     *
     * @param format the {@code -O} argument ({@code "NodeList:20,StateLong,Reason:|"}); names are
     *     case-insensitive, a field without {@code :width} has sinfo's default width
     * @return the parser
     * @throws IllegalArgumentException for a malformed format
     */
    public static SinfoParser forFormatLong(String format) {
        Set<String> names = new HashSet<>(LETTERS.values());
        names.add("GresUsed");
        return new SinfoParser(format, Formats.parseLong(COMMAND, format, names, ALIASES, FREE_TEXT), true);
    }

    /** {@return a parser of plain {@code sinfo} (also {@code -d}, {@code -r}, {@code -n}, {@code -p}): one row per partition and state} */
    public static SinfoParser defaultFormat() {
        return forFormat(DEFAULT_FORMAT);
    }

    /** {@return a parser of {@code sinfo -N}: one row per node and partition} */
    public static SinfoParser nodeFormat() {
        return forFormat(NODE_FORMAT);
    }

    /** {@return a parser of {@code sinfo -l}: a date line, then the table} */
    public static SinfoParser longFormat() {
        return forFormat(LONG_FORMAT);
    }

    /** {@return a parser of {@code sinfo -N -l} / {@code sinfo -Nel}: a date line, then the table} */
    public static SinfoParser nodeLongFormat() {
        return forFormat(NODE_LONG_FORMAT);
    }

    /** {@return a parser of {@code sinfo -R}: reason, user, time and nodes of down and drained nodes} */
    public static SinfoParser reasonsFormat() {
        return forFormat(REASONS_FORMAT);
    }

    /** {@return a parser of the same format printed without a header ({@code -h})} */
    public SinfoParser withoutHeader() {
        return new SinfoParser(format, layout, false);
    }

    /** {@return the column keys of this format ({@code -O} names, {@code %X} for an untyped letter), in order} */
    public List<String> fields() {
        return layout.columns().stream().map(Column::key).toList();
    }

    /**
     * Parses decoded output, encoded back to UTF-8. Prefer {@link #parse(byte[])} for exact widths.
     *
     * @param stdout sinfo's standard output; not null
     * @return the rows in printed order
     * @throws SlurmParseException as {@link #parse(byte[])}
     */
    public List<SinfoRow> parse(String stdout) {
        return parse(stdout.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses sinfo's stdout. A header-only output gives an empty list.
     *
     * @param stdout sinfo's standard output as bytes (fixed widths count bytes)
     * @return the rows in printed order
     * @throws SlurmParseException for a row that does not fit the format; for a first line that is
     *     not this format's header (output printed with {@code -h}: its first row would be lost),
     *     and, built {@link #withoutHeader()}, for output that starts with the header
     */
    public List<SinfoRow> parse(byte[] stdout) {
        List<byte[]> all = Layout.lines(stdout);
        List<byte[]> table = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        boolean headerPending = header;
        for (int i = 0; i < all.size(); i++) {
            byte[] line = all.get(i);
            if (Layout.isBlank(line)) {
                continue;
            }
            if (headerPending && DATE_LINE.matcher(Texts.decode(line).strip()).matches()) {
                continue;
            }
            table.add(line);
            numbers.add(i + 1);
            headerPending = false;
        }
        Layout chosen = layout;
        // -o %all: the version's columns, read from its header (24.11 on: RESERVATION after OVERSUBSCRIBE)
        if (header && format.trim().equals("%all") && !table.isEmpty()) {
            chosen = Formats.percentAll(COMMAND, ALL_FIELDS, TITLES, FREE_TEXT, table.get(0), numbers.get(0));
        }
        Layout resolved = chosen.resolve(table, TITLES);
        if (!table.isEmpty()) {
            checkFirst(resolved, table.get(0), numbers.get(0));
        }
        List<SinfoRow> rows = new ArrayList<>();
        for (int i = header && !table.isEmpty() ? 1 : 0; i < table.size(); i++) {
            rows.add(row(resolved, resolved.split(table.get(i), numbers.get(i)), numbers.get(i)));
        }
        return rows;
    }

    /** The first line must be this format's header when one is expected, and must not be it otherwise. */
    private void checkFirst(Layout resolved, byte[] line, int lineNo) {
        String text = Texts.decode(line);
        Cell[] cells;
        try {
            cells = resolved.split(line, lineNo);
        } catch (SlurmParseException e) {
            if (!header) {
                throw e;
            }
            throw new SlurmParseException(COMMAND, lineNo, "header", text,
                    "expected the header line of sinfo format '" + format + "': " + e.reason(), e);
        }
        if (header) {
            Column bad = resolved.headerMismatch(cells, TITLES);
            if (bad != null) {
                String found = cells[resolved.columns().indexOf(bad)].text();
                throw new SlurmParseException(COMMAND, lineNo, bad.key(), text,
                        Layout.headerReason(COMMAND, format, bad, found, TITLES.get(bad.key())));
            }
        } else if (resolved.isHeader(cells, TITLES)) {
            throw new SlurmParseException(COMMAND, lineNo, "header", text, "expected a row of sinfo format '" + format
                    + "' printed with -h/--noheader, but the output starts with its header (build the parser without withoutHeader())");
        }
    }

    private static SinfoRow row(Layout layout, Cell[] cells, int line) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        Set<String> truncated = new HashSet<>();
        List<Column> cols = layout.columns();
        for (int i = 0; i < cols.size(); i++) {
            String key = cols.get(i).key();
            if (cells[i].truncated()) {
                truncated.add(key);
            }
            if (NAMES.contains(key) && !v.containsKey(key)) {
                v.put(key, cells[i].text());
            } else {
                extras.putIfAbsent(key, cells[i].text());
            }
        }
        String partition = v.get("Partition");
        Boolean isDefault = null;
        if (partition != null) {
            isDefault = partition.endsWith("*");
            partition = isDefault ? partition.substring(0, partition.length() - 1) : partition;
        } else if (v.containsKey("PartitionName")) {
            partition = v.get("PartitionName");
        }
        String stateKey = v.containsKey("StateLong") ? "StateLong" : v.containsKey("StateCompact") ? "StateCompact" : "State";
        String st = v.get(stateKey);
        NodeState state = TableValues.isAbsent(st) ? null : TableValues.convert(COMMAND, line, stateKey, st, NodeState::parse);
        String reason = v.get("Reason");
        // a second spelling of a mapped field is kept, not dropped
        for (String[] pair : new String[][] {{"Partition", "PartitionName"}, {"StateLong", "StateCompact"}, {"StateLong", "State"},
                {"StateCompact", "State"}}) {
            if (v.containsKey(pair[0]) && v.containsKey(pair[1])) {
                extras.put(pair[1], v.get(pair[1]));
            }
        }
        return new SinfoRow(
                partition,
                isDefault,
                v.get("Available"),
                TableValues.isAbsent(v.get("Time")) ? null : TableValues.convert(COMMAND, line, "Time", v.get("Time"), TimeLimit::parse),
                TableValues.toInt(COMMAND, line, "Nodes", v.get("Nodes")),
                state,
                TableValues.isAbsent(v.get("NodeList")) ? null : v.get("NodeList"),
                TableValues.isAbsent(v.get("CPUsState")) ? null
                        : TableValues.convert(COMMAND, line, "CPUsState", v.get("CPUsState"), SinfoRow.CpuCounts::parse),
                TableValues.isAbsent(v.get("NodeAIOT")) ? null
                        : TableValues.convert(COMMAND, line, "NodeAIOT", v.get("NodeAIOT"), SinfoRow.CpuCounts::parse),
                v.get("CPUs") == null || !v.get("CPUs").matches("\\d+") ? null : Integer.valueOf(v.get("CPUs")),
                TableValues.toLong(COMMAND, line, "Memory", plain(v.get("Memory"))),
                TableValues.toLong(COMMAND, line, "FreeMem", v.get("FreeMem")),
                TableValues.isAbsent(v.get("Gres")) ? null : v.get("Gres"),
                TableValues.isAbsent(v.get("GresUsed")) ? null : v.get("GresUsed"),
                reason == null || reason.equals("none") || reason.isEmpty() ? null : reason,
                TableValues.isAbsent(v.get("User")) || "Unknown".equals(v.get("User")) ? null : v.get("User"),
                v.containsKey("Timestamp") ? TableValues.convert(COMMAND, line, "Timestamp", v.get("Timestamp"), SlurmTime::parse) : null,
                extras,
                truncated);
    }

    /** sinfo prints {@code 8000+} for a range of memory sizes: no single value. */
    private static String plain(String s) {
        return s == null || s.endsWith("+") ? null : s;
    }
}
