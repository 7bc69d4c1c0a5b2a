package io.github.slurm4j.parse;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmDuration;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.parse.internal.Cell;
import io.github.slurm4j.parse.internal.CellTexts;
import io.github.slurm4j.parse.internal.Column;
import io.github.slurm4j.parse.internal.Formats;
import io.github.slurm4j.parse.internal.Layout;
import io.github.slurm4j.parse.internal.TableValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads squeue's table output for the format it was run with. Build one per format and keep it
 * with the format string:
 *
 * <pre>{@code
 * SqueueParser p = SqueueParser.forFormat("%i|%j|%T");      // squeue -o "%i|%j|%T"
 * SqueueParser q = SqueueParser.forFormatLong("JobID:|,Name:|,State"); // squeue -O ...
 * List<SqueueRow> rows = SqueueParser.defaultFormat().parse(stdoutBytes);
 * }</pre>
 *
 * <p>Pass the output's bytes where you can: squeue measures widths in bytes, so a name cut in the
 * middle of a multi-byte character is only located exactly in the bytes. Values are mapped to
 * {@link SqueueRow} components; other fields go to {@code extras} under their {@code -O} name.
 * {@code squeue --json} is read by {@link SqueueJsonParser}.
 */
public final class SqueueParser {
    static final String COMMAND = "squeue";

    /** squeue's default format. */
    public static final String DEFAULT_FORMAT = "%.18i %.9P %.8j %.8u %.2t %.10M %.6D %R";
    /** The format of {@code squeue -l}. */
    public static final String LONG_FORMAT = "%.18i %.9P %.8j %.8u %.8T %.10M %.9l %.6D %R";
    /** The format of {@code squeue -s} (steps). */
    public static final String STEPS_FORMAT = "%.15i %.8j %.9P %.8u %.9M %N";
    /** The format of {@code squeue --start}. */
    public static final String START_FORMAT = "%.18i %.9P %.8j %.8u %.2t %.19S %.6D %20Y %R";

    /**
     * The {@code -O} name of each {@code -o} letter. Source: the squeue 22.05 man page ({@code -o}
     * and {@code -O} sections) and squeue's own option table ({@code src/squeue/opts.c}), checked
     * against the header squeue 22.05.8 prints for {@code -o %all} (fixture
     * {@code squeue-all-fields-percent-all}). Note {@code -O JobID} is {@code %A} (the job's own
     * id) while {@code -O JobArrayID} is {@code %i} ({@code 17_3}); {@code %p} is the normalised
     * float priority and {@code %Q} ({@code PriorityLong}) the integer one.
     */
    static final Map<Character, String> LETTERS = new LinkedHashMap<>();
    /** The order of {@code -o %all}: every letter, a to z then A to Z (all of them printed by 22.05). */
    static final String ALL_ORDER = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /**
     * {@code -O SLUID}, {@code %s} in 26.05 (22.05's {@code %s} was {@code SelectJobInfo}, 24.11 has
     * no {@code %s}): the job's id unique within the Slurm realm, 14 characters: an {@code s} and
     * Crockford base32 ({@code sD6SM8VYJGKC00}; {@code src/common/sluid.h}), kept in
     * {@link SqueueRow#extras()} under this key as {@code scontrol show job -d} keeps it.
     */
    static final String SLUID = "SLUID";

    static final Set<String> FREE_TEXT = Set.of("Name", "Reason", "ReasonList", "Comment", "Command", "WorkDir",
            "Dependency", "Feature", "Licenses");

    static {
        String[] pairs = {
            "a", "Account", "A", "JobID", "b", "tres-per-node", "B", "BatchHost", "c", "MinCpus", "C", "NumCPUs",
            "d", "MinTmpDisk", "D", "NumNodes", "e", "EndTime", "E", "Dependency", "f", "Feature",
            "F", "ArrayJobID", "g", "GroupName", "G", "GroupID", "h", "OverSubscribe", "H", "SocketsPerNode",
            "i", "JobArrayID", "I", "CoresPerSocket", "j", "Name", "J", "ThreadsPerCore", "k", "Comment",
            "K", "ArrayTaskID", "l", "TimeLimit", "L", "TimeLeft", "m", "MinMemory", "M", "TimeUsed",
            "n", "ReqNodes", "N", "NodeList", "o", "Command", "O", "Contiguous", "p", "Priority",
            "P", "Partition", "q", "QOS", "Q", "PriorityLong", "r", "Reason", "R", "ReasonList",
            "s", "SelectJobInfo", "S", "StartTime", "t", "StateCompact", "T", "State", "u", "UserName",
            "U", "UserID", "v", "Reservation", "V", "SubmitTime", "w", "WCKey", "W", "Licenses",
            "x", "ExcNodes", "X", "CoreSpec", "y", "Nice", "Y", "SchedNodes", "z", "SCT", "Z", "WorkDir",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            LETTERS.put(pairs[i].charAt(0), pairs[i + 1]);
        }
    }

    /**
     * The title squeue prints over each field, by {@code -O} name: as {@code -o %all} prints them
     * (fixture {@code squeue-all-fields-percent-all}; {@code FormatTablesTest} checks the two agree),
     * and {@code STEPID} for {@code %i} under {@code -s}. A header line is checked against these, so
     * output printed with {@code -h} is never read as if its first job were the header.
     */
    static final Map<String, List<String>> TITLES = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "Account", "ACCOUNT", "tres-per-node", "TRES_PER_NODE", "MinCpus", "MIN_CPUS", "MinTmpDisk", "MIN_TMP_DISK",
            "EndTime", "END_TIME", "Feature", "FEATURES", "GroupName", "GROUP", "OverSubscribe", "OVER_SUBSCRIBE",
            "JobArrayID", "JOBID", "Name", "NAME", "Comment", "COMMENT", "TimeLimit", "TIME_LIMIT",
            "MinMemory", "MIN_MEMORY", "ReqNodes", "REQ_NODES", "Command", "COMMAND", "Priority", "PRIORITY",
            "QOS", "QOS", "Reason", "REASON", "SelectJobInfo", "", "StateCompact", "ST", "UserName", "USER",
            "Reservation", "RESERVATION", "WCKey", "WCKEY", "ExcNodes", "EXC_NODES", "Nice", "NICE", "SCT", "S:C:T",
            "JobID", "JOBID", "BatchHost", "EXEC_HOST", "NumCPUs", "CPUS", "NumNodes", "NODES",
            "Dependency", "DEPENDENCY", "ArrayJobID", "ARRAY_JOB_ID", "GroupID", "GROUP",
            "SocketsPerNode", "SOCKETS_PER_NODE", "CoresPerSocket", "CORES_PER_SOCKET",
            "ThreadsPerCore", "THREADS_PER_CORE", "ArrayTaskID", "ARRAY_TASK_ID", "TimeLeft", "TIME_LEFT",
            "TimeUsed", "TIME", "NodeList", "NODELIST", "Contiguous", "CONTIGUOUS", "Partition", "PARTITION",
            "PriorityLong", "PRIORITY", "ReasonList", "NODELIST(REASON)", "StartTime", "START_TIME", "State", "STATE",
            "UserID", "UID", "SubmitTime", "SUBMIT_TIME", "Licenses", "LICENSES", "CoreSpec", "CORE_SPEC",
            "SchedNodes", "SCHEDNODES", "WorkDir", "WORK_DIR", "JobArrayID", "STEPID", "StepID", "STEPID",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            TITLES.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        TITLES.put(SLUID, List.of("SLUID"));
    }

    /**
     * Every field {@code -o %all} may print, in its order: {@link #ALL_ORDER}, with {@code %s} twice,
     * as 22.05's {@code SelectJobInfo} (an empty title) and as 26.05's {@link #SLUID}. Which of them
     * a version prints is read from its header ({@link Formats#percentAll}): 22.05 prints every
     * letter, 24.11 every letter but {@code %s}, 26.05 {@code %s} as {@code SLUID} (squeue
     * {@code src/squeue/opts.c} at slurm-22-05-8-1, slurm-24-11-5-1, slurm-26-05-3-1; fixtures
     * {@code squeue-all-fields-percent-all} of the three versions).
     */
    static final List<Formats.AllField> ALL_FIELDS;

    static {
        List<Formats.AllField> all = new ArrayList<>();
        for (int i = 0; i < ALL_ORDER.length(); i++) {
            char c = ALL_ORDER.charAt(i);
            all.add(new Formats.AllField(c, LETTERS.get(c)));
            if (c == 's') {
                all.add(new Formats.AllField(c, SLUID));
            }
        }
        ALL_FIELDS = List.copyOf(all);
    }

    /**
     * Second {@code -O} spellings squeue accepts (squeue 22.05 opts.c), keyed in lower case:
     * {@code gres} is the vestigial name of {@code tres-per-node}, {@code shared} of
     * {@code OverSubscribe}.
     */
    static final Map<String, String> ALIASES = Map.of("gres", "tres-per-node", "shared", "OverSubscribe");

    /** {@code -O} names this parser maps onto components (any other name goes to extras). */
    static final Set<String> NAMES = Set.of("Account", "JobID", "JobArrayID", "ArrayJobID", "ArrayTaskID", "Name",
            "UserName", "Partition", "QOS", "State", "StateCompact", "Reason", "ReasonList", "NodeList", "TimeUsed",
            "TimeLimit", "NumNodes", "NumCPUs", "SubmitTime", "StartTime", "EndTime", "WorkDir", "StepID");

    private static final Pattern DATE_LINE = Pattern.compile("^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$");

    private final String format;
    private final Layout layout;
    private final boolean header;
    /** {@code -o %all} with a header: the columns are those the header names ({@link #forHeader}). */
    private final boolean allFromHeader;
    /** Per {@link #NAMES} key ({@link Name} order): the first column printing it, or -1. */
    private final int[] first;
    /** The columns that go to extras: the first of each key not in {@link #NAMES}, in order. */
    private final int[] extraColumns;
    private final String[] keys;

    /** The {@code -O} names mapped onto components, as indexes into {@link #first}. */
    private enum Name {
        Account, JobID, JobArrayID, ArrayJobID, ArrayTaskID, Name, UserName, Partition, QOS, State, StateCompact,
        Reason, ReasonList, NodeList, TimeUsed, TimeLimit, NumNodes, NumCPUs, SubmitTime, StartTime, EndTime, WorkDir,
        StepID
    }

    private SqueueParser(String format, Layout layout, boolean header, boolean allFromHeader) {
        this.format = format;
        this.layout = layout;
        this.header = header;
        this.allFromHeader = allFromHeader;
        List<Column> cols = layout.columns();
        keys = new String[cols.size()];
        first = new int[Name.values().length];
        java.util.Arrays.fill(first, -1);
        Set<String> seen = new HashSet<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String key = cols.get(i).key();
            keys[i] = key;
            if (!seen.add(key)) {
                continue; // a key printed twice: its first column counts
            }
            if (NAMES.contains(key)) {
                first[Name.valueOf(key).ordinal()] = i;
            } else {
                extra.add(i);
            }
        }
        extraColumns = extra.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * For {@code squeue -o FORMAT} with a header. {@code %all} is accepted: its columns differ
     * between Slurm versions and are read from the header (22.05 prints an untitled
     * {@code SelectJobInfo} column, 24.11 none, 26.05 a {@code SLUID} column there; a column this
     * parser does not know is kept in {@link SqueueRow#extras()} under its title).
     *
     * @param format the {@code -o} argument as given to squeue ({@code "%.18i %.9P %.8j %R"})
     * @return the parser; letters it does not type go to {@link SqueueRow#extras()}
     * @throws IllegalArgumentException for a malformed format
     */
    public static SqueueParser forFormat(String format) {
        if (format.trim().equals("%all")) {
            return new SqueueParser(format, allLayout(), true, true);
        }
        return new SqueueParser(format, Formats.parseShort(COMMAND, format, LETTERS, FREE_TEXT), true, false);
    }

    /**
     * For {@code squeue -O FORMAT} with a header.
     *
     * @param format the {@code -O} argument ({@code "JobID:12,Name:30,State"}, or with a delimiter
     *     suffix {@code "JobID:\u001f,..."}); names are case-insensitive
     * @return the parser; names it does not type go to {@link SqueueRow#extras()} under the name given
     * @throws IllegalArgumentException for a malformed format
     */
    public static SqueueParser forFormatLong(String format) {
        Set<String> names = new HashSet<>(LETTERS.values());
        names.add(SLUID);
        return new SqueueParser(format, Formats.parseLong(COMMAND, format, names, ALIASES, FREE_TEXT), true, false);
    }

    /** {@return the parser of plain {@code squeue} ({@link #DEFAULT_FORMAT})} */
    public static SqueueParser defaultFormat() {
        return forFormat(DEFAULT_FORMAT);
    }

    /** {@return the parser of {@code squeue -l} ({@link #LONG_FORMAT}): a date line, then the table} */
    public static SqueueParser longFormat() {
        return forFormat(LONG_FORMAT);
    }

    /**
     * {@return the parser of {@code squeue -s} ({@link #STEPS_FORMAT}): one row per step, the step id
     * in {@link SqueueRow#jobId()}}
     */
    public static SqueueParser stepsFormat() {
        return forFormat(STEPS_FORMAT);
    }

    /** {@return the parser of {@code squeue --start} ({@link #START_FORMAT})} */
    public static SqueueParser startFormat() {
        return forFormat(START_FORMAT);
    }

    /**
     * {@return a parser of the same format printed without a header ({@code -h}/{@code --noheader}):
     * it refuses output that starts with the header or a date line; {@code %all} without its header
     * is read as 22.05 prints it (no header tells the version: 24.11's rows have one column too few
     * and are refused, 26.05's SLUID is read as {@code SelectJobInfo})}
     */
    public SqueueParser withoutHeader() {
        return new SqueueParser(format, layout, false, false);
    }

    private static Layout allLayout() {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < ALL_ORDER.length(); i++) {
            char c = ALL_ORDER.charAt(i);
            cols.add(new Column(LETTERS.get(c), "%" + c, Column.UNBOUNDED, false, i < ALL_ORDER.length() - 1 ? "|" : ""));
        }
        return new Layout(COMMAND, "", cols, FREE_TEXT, true);
    }

    /**
     * {@return the column keys of this format ({@code -O} names), in order; for {@code %all}
     * 22.05's columns (the columns read are those the output's header names)}
     */
    public List<String> fields() {
        return layout.columns().stream().map(Column::key).toList();
    }

    /**
     * Parses decoded output (encoded to UTF-8 again). Prefer {@link #parse(byte[])} for exact widths.
     *
     * @param stdout squeue's standard output
     * @return one row per job (or step), in squeue's order
     * @throws SlurmParseException as {@link #parse(byte[])}
     */
    public List<SqueueRow> parse(String stdout) {
        return parse(stdout.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses squeue's stdout. A header-only output gives an empty list; an {@code -l} date line
     * before the header is skipped.
     *
     * @param stdout squeue's standard output, as bytes (fixed widths count bytes)
     * @return one row per job (or step), in squeue's order
     * @throws SlurmParseException for a row that does not fit the format; for a first line that is
     *     not this format's header (the output was printed with {@code -h}: its first job would be
     *     lost), and, built {@link #withoutHeader()}, for output that starts with the header or a
     *     date line
     */
    public List<SqueueRow> parse(byte[] stdout) {
        List<byte[]> lines = Layout.lines(stdout);
        return allFromHeader ? forHeader(lines).parse(lines) : parse(lines);
    }

    /**
     * {@code -o %all}: the parser of the columns this output's header names (its first line that is
     * neither blank nor an {@code -l} date line), by the one rule of {@link Formats#percentAll}.
     */
    private SqueueParser forHeader(List<byte[]> lines) {
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (!Layout.isBlank(line) && !DATE_LINE.matcher(Texts.decode(line).strip()).matches()) {
                return new SqueueParser(format, Formats.percentAll(COMMAND, ALL_FIELDS, TITLES, FREE_TEXT, line, i + 1),
                        true, false);
            }
        }
        return new SqueueParser(format, layout, true, false); // no header: no rows
    }

    private List<SqueueRow> parse(List<byte[]> lines) {
        List<SqueueRow> rows = new ArrayList<>();
        boolean headerPending = header;
        boolean first = true;
        int expected = layout.controlDelimiters();
        byte[] delimBytes = expected > 0 ? layout.delimiter().getBytes(StandardCharsets.UTF_8) : null;
        // one per parse: repeated values share their text and their typed value
        CellTexts texts = new CellTexts();
        Values values = new Values();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            int lineNo = i + 1;
            if (expected > 0 && !headerPending && !Layout.isBlank(line)) {
                // a value holding a line break: the row goes on until it has every delimiter
                // (joined once and counted line by line: linear however many lines it takes)
                int n = Layout.count(line, delimBytes);
                if (n < expected && i + 1 < lines.size()) {
                    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
                    joined.writeBytes(line);
                    while (n < expected && i + 1 < lines.size()) {
                        i++;
                        byte[] next = lines.get(i);
                        joined.write('\n');
                        joined.writeBytes(next);
                        n += Layout.count(next, delimBytes);
                    }
                    line = joined.toByteArray();
                }
                if (n < expected) {
                    throw new SlurmParseException(COMMAND, lineNo, null, Texts.decode(line),
                            "row ends with fewer delimiters than the format has");
                }
                if (n > expected && i + 1 > lineNo) {
                    throw new SlurmParseException(COMMAND, lineNo, null, Texts.decode(line),
                            "row goes on over a line break and then has more delimiters than the format: "
                                    + "a value holds the delimiter and a line break; refused as ambiguous");
                }
            }
            if (Layout.isBlank(line)) {
                continue;
            }
            if (headerPending) {
                String text = Texts.decode(line);
                if (DATE_LINE.matcher(text.strip()).matches()) {
                    continue;
                }
                headerPending = false;
                first = false;
                checkHeader(line, lineNo);
                continue;
            }
            Cell[] cells = layout.split(line, lineNo, texts);
            if (first) {
                first = false;
                String text = Texts.decode(line);
                if (DATE_LINE.matcher(text.strip()).matches() || layout.isHeader(cells, TITLES)) {
                    throw new SlurmParseException(COMMAND, lineNo, "header", text, "expected a job of squeue format '"
                            + format + "' printed with -h/--noheader, but the output starts with its "
                            + (DATE_LINE.matcher(text.strip()).matches() ? "-l date line" : "header")
                            + " (build the parser without withoutHeader())");
                }
            }
            rows.add(row(cells, lineNo, values));
        }
        return rows;
    }

    /** Refuses a line read as the header that is not the header of this format. */
    private void checkHeader(byte[] line, int lineNo) {
        String text = Texts.decode(line);
        Cell[] cells;
        try {
            cells = layout.split(line, lineNo);
        } catch (SlurmParseException e) {
            throw new SlurmParseException(COMMAND, lineNo, "header", text,
                    "expected the header line of squeue format '" + format + "': " + e.reason(), e);
        }
        Column bad = layout.headerMismatch(cells, TITLES);
        if (bad != null) {
            String found = cells[layout.columns().indexOf(bad)].text();
            throw new SlurmParseException(COMMAND, lineNo, bad.key(), text,
                    Layout.headerReason(COMMAND, format, bad, found, TITLES.get(bad.key())));
        }
    }

    /**
     * The typed values of one parse, by text: the cells of repeated values are the same strings
     * ({@link CellTexts}), so a state, time, limit or duration is read once per distinct text. A
     * text that does not read is not kept: it fails where it stands.
     */
    private static final class Values {
        final Map<String, JobState> states = new HashMap<>();
        final Map<String, SlurmTime> times = new HashMap<>();
        final Map<String, TimeLimit> limits = new HashMap<>();
        final Map<String, Duration> durations = new HashMap<>();

        static <T> T get(Map<String, T> cache, int line, String field, String text, Function<String, T> f) {
            T v = cache.get(text);
            if (v == null) {
                v = TableValues.convert(COMMAND, line, field, text, f);
                if (v != null) {
                    cache.put(text, v);
                }
            }
            return v;
        }
    }

    /** The text of the first column printing {@code n}, or {@code null} when none does. */
    private String text(Cell[] cells, Name n) {
        int i = first[n.ordinal()];
        return i < 0 ? null : cells[i].text();
    }

    private boolean has(Name n) {
        return first[n.ordinal()] >= 0;
    }

    /** Printed and not empty. */
    private boolean present(Cell[] cells, Name n) {
        int i = first[n.ordinal()];
        return i >= 0 && !cells[i].text().isEmpty();
    }

    private SqueueRow row(Cell[] cells, int line, Values values) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (int i : extraColumns) {
            extras.put(keys[i], cells[i].text());
        }
        Set<String> truncated = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].truncated()) {
                truncated.add(keys[i]);
            }
        }
        String tres = extras.get(SqueueRow.TRES_ALLOC);
        if (tres != null && !truncated.contains(SqueueRow.TRES_ALLOC)) {
            // kept as printed, typed by SqueueRow.tresAlloc(): checked here, where the line is known
            TableValues.convert(COMMAND, line, SqueueRow.TRES_ALLOC, tres, Tres::parse);
        }
        Name idName = has(Name.JobArrayID) ? Name.JobArrayID : has(Name.StepID) ? Name.StepID : Name.JobID;
        String idKey = idName.name();
        JobId jobId = present(cells, idName) ? jobId(text(cells, idName), line, idKey, truncated) : null;
        if (jobId == null && present(cells, idName)) {
            extras.put(idKey, text(cells, idName));
        }
        if (jobId != null && idName == Name.JobArrayID && has(Name.JobID)) {
            extras.put("JobID", text(cells, Name.JobID));
        }
        Name stateName = has(Name.State) ? Name.State : Name.StateCompact;
        String stateKey = stateName.name();
        if (has(Name.State) && has(Name.StateCompact)) {
            extras.put("StateCompact", text(cells, Name.StateCompact));
        }
        JobState state = present(cells, stateName)
                ? Values.get(values.states, line, stateKey, text(cells, stateName), JobState::parse) : null;
        if (state != null && state.state() != JobState.Name.UNKNOWN && state.flags().isEmpty()) {
            // a full state name or compact code that fills its column exactly (%.2t "PD") is
            // complete: no known name or code is a prefix of another, and a cut one reads UNKNOWN
            truncated.remove(stateKey);
        }
        String reason = null;
        String nodeList = present(cells, Name.NodeList) ? text(cells, Name.NodeList) : null;
        if (has(Name.Reason)) {
            reason = reason(text(cells, Name.Reason));
        }
        if (has(Name.ReasonList)) {
            String r = text(cells, Name.ReasonList);
            if (r.startsWith("(") && (r.endsWith(")") || truncated.contains("ReasonList"))) {
                String inner = r.substring(1, r.endsWith(")") ? r.length() - 1 : r.length());
                if (reason == null) {
                    reason = reason(inner);
                }
                if (truncated.contains("ReasonList")) {
                    truncated.add("Reason");
                }
            } else if (nodeList == null && !r.isEmpty()) {
                nodeList = r;
                if (truncated.contains("ReasonList")) {
                    truncated.add("NodeList");
                }
            }
        }
        String arrayTask = text(cells, Name.ArrayTaskID);
        return new SqueueRow(
                jobId,
                TableValues.toLong(COMMAND, line, "ArrayJobID", text(cells, Name.ArrayJobID)),
                TableValues.isAbsent(arrayTask) ? null : arrayTask,
                text(cells, Name.Name),
                text(cells, Name.UserName),
                text(cells, Name.Account),
                text(cells, Name.Partition),
                text(cells, Name.QOS),
                state,
                reason,
                nodeList,
                present(cells, Name.TimeUsed)
                        ? Values.get(values.durations, line, "TimeUsed", text(cells, Name.TimeUsed), SlurmDuration::parse) : null,
                has(Name.TimeLimit)
                        ? Values.get(values.limits, line, "TimeLimit", text(cells, Name.TimeLimit), TimeLimit::parse) : null,
                TableValues.toInt(COMMAND, line, "NumNodes", text(cells, Name.NumNodes)),
                TableValues.toInt(COMMAND, line, "NumCPUs", text(cells, Name.NumCPUs)),
                time(cells, Name.SubmitTime, line, values),
                time(cells, Name.StartTime, line, values),
                time(cells, Name.EndTime, line, values),
                text(cells, Name.WorkDir),
                extras,
                truncated);
    }

    /** A cut id ({@code 17_[2,4-} of {@code %.8i}) is not guessed at: {@code null}, raw text kept. */
    private static JobId jobId(String text, int line, String key, Set<String> truncated) {
        if (truncated.contains(key)) {
            try {
                return JobId.parse(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return TableValues.convert(COMMAND, line, key, text, JobId::parse);
    }


    private static String reason(String r) {
        return Job.Status.reasonOf(r);
    }

    private SlurmTime time(Cell[] cells, Name n, int line, Values values) {
        if (!has(n)) {
            return null;
        }
        return Values.get(values.times, line, n.name(), text(cells, n), SlurmTime::parse);
    }
}
