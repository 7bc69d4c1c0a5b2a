package io.github.slurm4j.parse;

import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.AccountingValues;
import io.github.slurm4j.parse.internal.AccountingTable;
import io.github.slurm4j.parse.internal.SacctJson;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads {@code sacct} output into {@link AccountingRecord}s, one per printed row.
 *
 * <p>A parser is an immutable object built from the options sacct ran with:
 * <ul>
 * <li>{@link #fromHeader()}: {@code -P}, {@code -p} or fixed-width output with its header
 *     (fixed-width is recognised by the {@code ---- ----} line under the header);</li>
 * <li>{@link #parsable(List)}: {@code -n -P} / {@code -n -p} with the {@code -o} fields;</li>
 * <li>{@link #fixedWidth(String)}: {@code -n} fixed-width output with the {@code -o} format
 *     ({@code JobID%-15,JobName%30}; fields without {@code %width} take sacct's default width);</li>
 * <li>{@link #json()}: {@code --json} (openapi dbv0.0.38 of 22.05, and the shapes of later versions).</li>
 * </ul>
 * {@link #withDelimiter} matches {@code --delimiter}; {@link #withAbsorbingColumns} says which
 * free-text columns may contain the delimiter (see {@link AccountingTable} for the surplus rule).
 * A fixed-width value printed cut ({@code will-time+}) is flagged, and has no typed value.
 */
public final class SacctParser {
    /** The fields of {@code sacct} without {@code -o}. */
    public static final List<String> DEFAULT_FIELDS = List.of("JobID", "JobName", "Partition", "Account", "AllocCPUS", "State", "ExitCode");
    /** The fields of {@code sacct -b} / {@code --brief}. */
    public static final List<String> BRIEF_FIELDS = List.of("JobID", "State", "ExitCode");
    /** The fields of {@code sacct -l} / {@code --long} (22.05). */
    public static final List<String> LONG_FIELDS = List.of("JobID", "JobIDRaw", "JobName", "Partition", "MaxVMSize",
            "MaxVMSizeNode", "MaxVMSizeTask", "AveVMSize", "MaxRSS", "MaxRSSNode", "MaxRSSTask", "AveRSS", "MaxPages",
            "MaxPagesNode", "MaxPagesTask", "AvePages", "MinCPU", "MinCPUNode", "MinCPUTask", "AveCPU", "NTasks",
            "AllocCPUS", "Elapsed", "State", "ExitCode", "AveCPUFreq", "ReqCPUFreqMin", "ReqCPUFreqMax", "ReqCPUFreqGov",
            "ReqMem", "ConsumedEnergy", "MaxDiskRead", "MaxDiskReadNode", "MaxDiskReadTask", "AveDiskRead",
            "MaxDiskWrite", "MaxDiskWriteNode", "MaxDiskWriteTask", "AveDiskWrite", "ReqTRES", "AllocTRES",
            "TRESUsageInAve", "TRESUsageInMax", "TRESUsageInMaxNode", "TRESUsageInMaxTask", "TRESUsageInMin",
            "TRESUsageInMinNode", "TRESUsageInMinTask", "TRESUsageInTot", "TRESUsageOutMax", "TRESUsageOutMaxNode",
            "TRESUsageOutMaxTask", "TRESUsageOutAve", "TRESUsageOutTot");

    private static final int[] LONG_WIDTHS = {12, 12, 10, 10, 10, 14, 14, 10, 10, 10, 10, 10, 8, 12, 14, 10, 10, 10,
        10, 10, 8, 10, 10, 10, 8, 10, 13, 13, 13, 10, 14, 12, 15, 15, 14, 12, 16, 16, 14, 10, 10, 14, 14, 18, 18, 14,
        18, 18, 14, 15, 19, 19, 15, 15};

    /** sacct's default column widths (22.05) of the fields whose width slurm4j knows. */
    static final Map<String, Integer> DEFAULT_WIDTHS;

    static {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < LONG_FIELDS.size(); i++) {
            m.put(LONG_FIELDS.get(i).toLowerCase(Locale.ROOT), LONG_WIDTHS[i]);
        }
        m.put("account", 10);
        m.put("comment", 14);
        DEFAULT_WIDTHS = Map.copyOf(m);
    }

    private static final String COMMAND = "sacct";

    private final AccountingTable table;
    private final SacctJson json;
    private final String delimiter;
    private final List<String> fields;
    private final List<Integer> widths;
    private final Set<String> absorbing;
    private final boolean trailing;

    private SacctParser(String delimiter, List<String> fields, List<Integer> widths, Set<String> absorbing, SacctJson json) {
        this(delimiter, fields, widths, absorbing, json, false);
    }

    private SacctParser(String delimiter, List<String> fields, List<Integer> widths, Set<String> absorbing, SacctJson json,
            boolean trailing) {
        this.trailing = trailing;
        this.delimiter = delimiter;
        this.fields = fields;
        this.widths = widths;
        this.absorbing = absorbing;
        this.json = json;
        this.table = json != null ? null : new AccountingTable(COMMAND, delimiter, fields, widths, absorbing, trailing);
    }

    /**
     * {@return a parser of output with its header line: {@code -P}/{@code -p} (delimiter {@code |})
     * or fixed-width, told apart by the output itself}
     */
    public static SacctParser fromHeader() {
        return new SacctParser(Auto.MARK, null, null, null, null);
    }

    /**
     * {@code -n -P} output of the given {@code -o} fields.
     *
     * @param fields the field names in {@code -o} order; copied; not null
     * @return the parser
     * @throws NullPointerException if {@code fields} is null
     */
    public static SacctParser parsable(List<String> fields) {
        return new SacctParser("|", List.copyOf(Objects.requireNonNull(fields, "fields")), null, null, null, false);
    }

    /**
     * {@code -n -p} output of the given {@code -o} fields: every row ends with the delimiter. (Without
     * a header the two cannot be told apart safely, so the caller says which it ran.)
     *
     * @param fields the field names in {@code -o} order; copied; not null
     * @return the parser
     * @throws NullPointerException if {@code fields} is null
     */
    public static SacctParser parsableWithTrailingDelimiter(List<String> fields) {
        return new SacctParser("|", List.copyOf(Objects.requireNonNull(fields, "fields")), null, null, null, true);
    }

    /** {@return a parser of fixed-width output with its header and ruler (the widths are read from the ruler)} */
    public static SacctParser fixedWidth() {
        return new SacctParser(null, null, null, null, null);
    }

    /**
     * {@code -n} fixed-width output of the {@code -o} format ({@code JobID%-15,JobName%30,State}).
     *
     * @param format the {@code -o} argument; a negative width (left-aligned) counts as its absolute value
     * @return the parser
     * @throws IllegalArgumentException when a field has no {@code %width} and slurm4j does not know
     *     its default width
     */
    public static SacctParser fixedWidth(String format) {
        List<String> names = new ArrayList<>();
        List<Integer> ws = new ArrayList<>();
        for (String spec : format.split(",")) {
            String s = spec.trim();
            int pct = s.indexOf('%');
            String name = pct < 0 ? s : s.substring(0, pct);
            Integer w;
            if (pct < 0) {
                w = DEFAULT_WIDTHS.get(name.toLowerCase(Locale.ROOT));
                if (w == null) {
                    throw new IllegalArgumentException("no known default width for " + name + ": give it as " + name + "%N");
                }
            } else {
                w = Math.abs(Integer.parseInt(s.substring(pct + 1)));
            }
            names.add(name);
            ws.add(w);
        }
        return new SacctParser(null, List.copyOf(names), List.copyOf(ws), null, null);
    }

    /**
     * {@return a parser of {@code --json} output whose epoch times become local date-times of the
     * JVM's zone; use {@link #json(ZoneId)} when the cluster is elsewhere}
     */
    public static SacctParser json() {
        return json(ZoneId.systemDefault());
    }

    /**
     * {@code --json} output; epoch times are shown as local date-times of {@code clusterZone}.
     *
     * @param clusterZone the cluster's zone, so times read as sacct would print them there
     * @return the parser
     */
    public static SacctParser json(ZoneId clusterZone) {
        return new SacctParser(null, null, null, null, new SacctJson(COMMAND, clusterZone));
    }

    /**
     * The same parser for {@code --delimiter=...} output.
     *
     * @param delimiter the delimiter given to sacct (the client uses U+001F, which values do not hold); not null
     * @return a new parser; this one is unchanged
     * @throws IllegalStateException for a JSON or fixed-width parser
     */
    public SacctParser withDelimiter(String delimiter) {
        if (json != null || this.delimiter == null) {
            throw new IllegalStateException("a delimiter applies to parsable output only");
        }
        return new SacctParser(Objects.requireNonNull(delimiter, "delimiter"), fields, widths, absorbing, null, trailing);
    }

    /**
     * The same parser, letting only these free-text columns hold a surplus delimiter (by default any
     * free-text column may, and a row where several could is refused).
     *
     * @param columns field names, case-insensitive ({@code JobName}, {@code Comment})
     * @return a new parser; this one is unchanged
     */
    public SacctParser withAbsorbingColumns(String... columns) {
        Set<String> s = new LinkedHashSet<>();
        for (String c : columns) {
            s.add(c.trim().toLowerCase(Locale.ROOT));
        }
        return new SacctParser(delimiter, fields, widths, Set.copyOf(s), json, trailing);
    }

    /**
     * Parses decoded output.
     *
     * @param output sacct's standard output; not null
     * @return the printed rows, in order
     * @throws SlurmParseException when a row does not fit the format or a value does not read as its field's type
     */
    public List<AccountingRecord> parse(String output) {
        Objects.requireNonNull(output, "output");
        if (json != null) {
            return json.parse(output);
        }
        return wrap(tableFor(output).read(output));
    }

    /**
     * Parses raw output bytes (exact byte widths for fixed-width output, whose columns count bytes,
     * not characters).
     *
     * @param output sacct's standard output; not null
     * @return the printed rows, in order
     * @throws SlurmParseException when a row does not fit the format or a value does not read as its field's type
     */
    public List<AccountingRecord> parse(byte[] output) {
        Objects.requireNonNull(output, "output");
        if (json != null) {
            return json.parse(Texts.decode(output));
        }
        return wrap(tableFor(Texts.decode(output)).read(output));
    }

    /**
     * Parses and groups the rows as jobs with their steps (see {@link AccountingJob#group}).
     *
     * @param output sacct's standard output; not null
     * @return the jobs, in printed order
     * @throws SlurmParseException as {@link #parse(String)}
     */
    public List<AccountingJob> parseJobs(String output) {
        return AccountingJob.group(parse(output));
    }

    private AccountingTable tableFor(String output) {
        if (table != null && !Auto.MARK.equals(delimiter)) {
            return table;
        }
        return new AccountingTable(COMMAND, Auto.isFixedWidth(output) ? null : "|", null, null, absorbing, false);
    }

    private static List<AccountingRecord> wrap(List<AccountingValues> rows) {
        List<AccountingRecord> out = new ArrayList<>(rows.size());
        for (AccountingValues v : rows) {
            out.add(new AccountingRecord(v));
        }
        return List.copyOf(out);
    }

    /** Recognition of the format of output with a header. */
    static final class Auto {
        static final String MARK = "\u0000auto";

        private Auto() {
        }

        static boolean isFixedWidth(String output) {
            List<String> lines = io.github.slurm4j.parse.internal.TextTable.lines(output);
            int i = 0;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            return i + 1 < lines.size()
                    && io.github.slurm4j.parse.internal.TextTable.isRuler(io.github.slurm4j.parse.internal.TextTable.utf8(lines.get(i + 1)));
        }
    }
}
