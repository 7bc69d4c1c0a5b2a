package io.github.slurm4j.parse;

import io.github.slurm4j.model.PartitionView;
import io.github.slurm4j.model.ReservationView;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmTable;
import io.github.slurm4j.model.cluster.LicenseView;
import io.github.slurm4j.model.cluster.SchedulerDiagnosticsView;
import io.github.slurm4j.model.cluster.SlurmConfigView;
import io.github.slurm4j.model.job.AccountingRecordView;
import io.github.slurm4j.model.job.ActionResultView;
import io.github.slurm4j.model.job.JobStepView;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.job.SqueueRowView;
import io.github.slurm4j.model.job.StepStatView;
import io.github.slurm4j.model.job.SubmitResultView;
import io.github.slurm4j.model.job.SubmitTestResultView;
import io.github.slurm4j.model.metrics.GpuProcessUtilizationView;
import io.github.slurm4j.model.metrics.GpuProcessView;
import io.github.slurm4j.model.metrics.JobPidView;
import io.github.slurm4j.model.metrics.ProcessInfoView;
import io.github.slurm4j.model.node.NodeView;
import io.github.slurm4j.model.node.SinfoRowView;
import io.github.slurm4j.model.seff.SeffView;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the parser for a captured command output from the command line that produced it, and
 * returns the items as views: what the {@code parse} sample prints, and how a user checks what
 * slurm4j makes of an output.
 *
 * <p>Order: the output is first classified by {@link SlurmErrors} (an error output is never
 * parsed as data, and a header-only {@code squeue} with an error on stderr is an error, not an
 * empty queue); then the tool and its format options pick the parser. A command line that runs
 * several commands whose outputs are separated by an {@code echo}ed marker
 * ({@code sinfo -d; echo ===; sinfo -r}) is split at the marker lines.
 *
 * <p>Kinds: {@code job, node, partition, step, reservation, accounting, stat, seff, submit,
 * submit_test, pids, process, gpu_process, action, table, config, license, hostname, diag}.
 */
public final class CommandOutputParser {
    private CommandOutputParser() {
    }

    /**
     * Parses a captured output.
     *
     * @param output the command line, its decoded output and exit code
     * @param zone the cluster's time zone, for epoch seconds in job views
     * @return the tool, kind and items, or the classified error when the output was one
     * @throws SlurmParseException when the output cannot be parsed
     * @throws IllegalArgumentException when the command line cannot be read or names a command
     *     slurm4j has no parser for
     */
    public static ParsedOutput parse(CommandOutput output, ZoneId zone) {
        List<SlurmCommandLine> commands = new ArrayList<>(SlurmCommandLine.parseAll(output.commandLine()));
        List<String> markers = new ArrayList<>();
        commands.removeIf(c -> {
            if (c.tool().equals("echo")) {
                markers.add(String.join(" ", c.args()));
                return true;
            }
            return false;
        });
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no Slurm command in: " + output.commandLine());
        }
        if (commands.size() == 1) {
            return parseOne(commands.get(0), output.stdout(), output.stderr(), output.exitCode(), zone);
        }
        if (markers.isEmpty()) {
            throw new IllegalArgumentException("cannot tell which output belongs to which of the " + commands.size()
                    + " commands of: " + output.commandLine());
        }
        List<String> parts = splitAtMarkers(output.stdout(), markers);
        if (parts.size() != commands.size()) {
            // the command line is fine: the output lacks a marker line or has one too many
            throw new SlurmParseException(commands.get(0).tool(), 0, null, output.stdout(), "the output has " + parts.size()
                    + " parts between its marker lines " + markers + ", the command line " + commands.size() + " commands");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        String kind = null;
        for (int i = 0; i < commands.size(); i++) {
            ParsedOutput one = parseOne(commands.get(i), parts.get(i), i == commands.size() - 1 ? output.stderr() : "",
                    i == commands.size() - 1 ? output.exitCode() : 0, zone);
            if (one.error() != null) {
                return one;
            }
            kind = kind == null || kind.equals(one.kind()) ? one.kind() : "mixed";
            items.addAll(one.items());
        }
        return new ParsedOutput(commands.get(0).tool(), kind, items, null);
    }

    private static List<String> splitAtMarkers(String stdout, List<String> markers) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : stdout.split("\n", -1)) {
            if (markers.contains(line.strip())) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static ParsedOutput parseOne(SlurmCommandLine c, String stdout, String stderr, int rc, ZoneId zone) {
        String tool = c.tool();
        String kind = kindOf(c);
        Optional<SlurmError> error = SlurmErrors.classify(c.line(), stdout, stderr, rc);
        if (error.isPresent()) {
            return ParsedOutput.error(tool, kind, error.get());
        }
        try {
            return new ParsedOutput(tool, kind, items(c, tool, stdout, stderr, rc, zone), null);
        } catch (SlurmCommandException e) {
            // a refusal only a parser sees (scancel -v says it with exit code 0)
            return ParsedOutput.error(tool, kind, e.error());
        }
    }

    private static List<Map<String, Object>> items(SlurmCommandLine c, String tool, String stdout, String stderr, int rc,
            ZoneId zone) {
        List<Map<String, Object>> items;
        switch (tool) {
            case "scontrol":
                items = scontrol(c, stdout, stderr, rc, zone);
                break;
            case "squeue":
                items = squeue(c, stdout, zone);
                break;
            case "sinfo":
                items = sinfo(c, stdout, zone);
                break;
            case "sacct":
                items = map(c.tool(), sacct(c).parse(stdout), AccountingRecordView::toMap);
                break;
            case "sstat":
                items = map(c.tool(), sstat(c).parse(stdout), StepStatView::toMap);
                break;
            case "seff":
                items = List.of(SeffView.toMap(SeffParser.parse(stdout)));
                break;
            case "sbatch":
                items = List.of(c.has("--test-only") ? SubmitTestResultView.toMap(SbatchParser.parseTestOnly(stdout, stderr, rc))
                        : SubmitResultView.toMap(SbatchParser.parse(stdout, stderr, rc)));
                break;
            case "scancel":
                items = List.of(ActionResultView.toMap(ActionOutputParser.parse(c.line(), stdout, stderr, rc)));
                break;
            case "sacctmgr":
            case "sshare":
            case "sreport":
                items = table(reportTable(c), stdout);
                break;
            case "sprio":
                if (c.has("-h", "--noheader")) {
                    throw new IllegalArgumentException("sprio output printed with --noheader cannot be read: its columns are "
                            + "found from its header: " + c);
                }
                items = table(SlurmTableParser.headerAligned(c.toString()), stdout);
                break;
            case "sdiag":
                items = List.of(SchedulerDiagnosticsView.toMap(SdiagParser.parse(stdout)));
                break;
            case "ps":
                items = map(c.tool(), ps(c).read(stdout), ProcessInfoView::toMap);
                break;
            case "nvidia-smi":
                items = c.args().contains("pmon") ? map(c.tool(), NvidiaSmiParser.parsePmon(stdout), GpuProcessUtilizationView::toMap)
                        : map(c.tool(), NvidiaSmiParser.parseComputeApps(stdout), GpuProcessView::toMap);
                break;
            default:
                throw new IllegalArgumentException("no parser for command '" + tool + "'");
        }
        return items;
    }

    private static final String[][] SHOW_ENTITIES = {
        {"job", "job"}, {"node", "node"}, {"partition", "partition"}, {"step", "step"}, {"reservation", "reservation"},
        {"config", "config"}, {"licenses", "license"}, {"hostnames", "hostname"},
    };

    /** The kind of items a command line produces (also for its error outputs). */
    static String kindOf(SlurmCommandLine c) {
        switch (c.tool()) {
            case "scontrol": {
                List<String> words = scontrolWords(c);
                String verb = words.isEmpty() ? "" : words.get(0);
                if (verb.equals("show") || verb.equals("list")) {
                    String what = words.size() > 1 ? words.get(1) : "";
                    // scontrol takes any unambiguous prefix ("part", "res") and plurals ("nodes")
                    for (String[] entity : SHOW_ENTITIES) {
                        if (what.startsWith(entity[0]) || (what.length() >= 3 && entity[0].startsWith(what))) {
                            return entity[1];
                        }
                    }
                    return "unknown";
                }
                return verb.equals("listpids") ? "pids" : "action";
            }
            case "squeue":
                return c.has("-s", "--steps") ? "step" : "job";
            case "sinfo":
                return c.has("-N", "--Node") ? "node" : "partition";
            case "sacct":
                return "accounting";
            case "sstat":
                return "stat";
            case "seff":
                return "seff";
            case "sbatch":
                return c.has("--test-only") ? "submit_test" : "submit";
            case "scancel":
                return "action";
            case "sacctmgr":
            case "sshare":
            case "sreport":
            case "sprio":
                return "table";
            case "sdiag":
                return "diag";
            case "ps":
                return "process";
            case "nvidia-smi":
                return "gpu_process";
            default:
                return "unknown";
        }
    }

    /** scontrol's sub-command words, lower-cased, without its options. */
    private static List<String> scontrolWords(SlurmCommandLine c) {
        List<String> words = new ArrayList<>();
        for (String a : c.args()) {
            if (!a.startsWith("-")) {
                words.add(a.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static List<Map<String, Object>> scontrol(SlurmCommandLine c, String stdout, String stderr, int rc, ZoneId zone) {
        switch (kindOf(c)) {
            case "job":
                // scontrol --json show job (23.02 on): squeue's JSON document
                if (c.has("--json")) {
                    return map(c.tool(), SqueueJsonParser.parse(stdout, zone).items(), j -> JobView.toSuppliedMap(j, zone));
                }
                return map(c.tool(), ScontrolParser.parseJobs(stdout), j -> JobView.toSuppliedMap(j, zone));
            case "node":
                if (c.has("--json")) {
                    return map(c.tool(), NodesJsonParser.parse(stdout, zone).items(), n -> NodeView.toMap(n, zone));
                }
                return map(c.tool(), ScontrolParser.parseNodes(stdout), n -> NodeView.toMap(n, zone));
            case "partition":
                return map(c.tool(), ScontrolParser.parsePartitions(stdout), PartitionView::toMap);
            case "step":
                return map(c.tool(), ScontrolParser.parseSteps(stdout), s -> JobStepView.toMap(s, zone));
            case "reservation":
                return map(c.tool(), ScontrolParser.parseReservations(stdout), r -> ReservationView.toMap(r, zone));
            case "config":
                return List.of(SlurmConfigView.toMap(ScontrolAdminParser.parseConfig(stdout)));
            case "license":
                return map(c.tool(), ScontrolAdminParser.parseLicenses(stdout), LicenseView::toMap);
            case "hostname": {
                List<Map<String, Object>> out = new ArrayList<>();
                for (String h : ScontrolAdminParser.parseHostnames(stdout)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", h);
                    out.add(m);
                }
                return out;
            }
            case "pids":
                return map(c.tool(), ListPidsParser.parse(stdout), JobPidView::toMap);
            case "action":
                return List.of(ActionResultView.toMap(ActionOutputParser.parse(c.line(), stdout, stderr, rc)));
            default:
                throw new IllegalArgumentException("no parser for '" + c + "'");
        }
    }

    private static List<Map<String, Object>> squeue(SlurmCommandLine c, String stdout, ZoneId zone) {
        if (c.has("--json")) {
            return map(c.tool(), SqueueJsonParser.parse(stdout, zone).items(), j -> JobView.toSuppliedMap(j, zone));
        }
        SqueueParser parser;
        Optional<String> longFormat = c.value("-O", "--Format");
        Optional<String> format = c.value("-o", "--format");
        if (longFormat.isPresent()) {
            parser = SqueueParser.forFormatLong(longFormat.get());
        } else if (format.isPresent()) {
            parser = SqueueParser.forFormat(format.get());
        } else if (c.has("-s", "--steps")) {
            parser = SqueueParser.stepsFormat();
        } else if (c.has("--start")) {
            parser = SqueueParser.startFormat();
        } else if (c.has("-l", "--long")) {
            parser = SqueueParser.longFormat();
        } else {
            parser = SqueueParser.defaultFormat();
        }
        if (c.has("-h", "--noheader")) {
            parser = parser.withoutHeader();
        }
        return map(c.tool(), parser.parse(stdout), row -> SqueueRowView.toMap(row, zone));
    }

    private static List<Map<String, Object>> sinfo(SlurmCommandLine c, String stdout, ZoneId zone) {
        if (c.has("--json")) {
            return map(c.tool(), NodesJsonParser.parse(stdout, zone).items(), n -> NodeView.toMap(n, zone));
        }
        boolean nodes = c.has("-N", "--Node");
        SinfoParser parser;
        Optional<String> longFormat = c.value("-O", "--Format");
        Optional<String> format = c.value("-o", "--format");
        if (longFormat.isPresent()) {
            parser = SinfoParser.forFormatLong(longFormat.get());
        } else if (format.isPresent()) {
            parser = SinfoParser.forFormat(format.get());
        } else if (c.has("-R", "--list-reasons")) {
            parser = SinfoParser.reasonsFormat();
        } else if (c.has("-l", "--long")) {
            parser = nodes ? SinfoParser.nodeLongFormat() : SinfoParser.longFormat();
        } else {
            parser = nodes ? SinfoParser.nodeFormat() : SinfoParser.defaultFormat();
        }
        if (c.has("-h", "--noheader")) {
            parser = parser.withoutHeader();
        }
        return map(c.tool(), parser.parse(stdout), SinfoRowView::toMap);
    }

    private static SacctParser sacct(SlurmCommandLine c) {
        if (c.has("--json")) {
            return SacctParser.json();
        }
        boolean noHeader = c.has("-n", "--noheader");
        List<String> fields = fieldList(c, c.has("-b", "--brief") ? SacctParser.BRIEF_FIELDS
                : c.has("-l", "--long") ? SacctParser.LONG_FIELDS : SacctParser.DEFAULT_FIELDS);
        SacctParser parser;
        if (c.has("-P", "--parsable2")) {
            parser = noHeader ? SacctParser.parsable(stripWidths(fields)) : SacctParser.fromHeader();
        } else if (c.has("-p", "--parsable")) {
            parser = noHeader ? SacctParser.parsableWithTrailingDelimiter(stripWidths(fields)) : SacctParser.fromHeader();
        } else {
            parser = noHeader ? SacctParser.fixedWidth(String.join(",", fields)) : SacctParser.fromHeader();
        }
        Optional<String> delimiter = c.value(null, "--delimiter");
        return delimiter.isPresent() ? parser.withDelimiter(delimiter.get()) : parser;
    }

    /**
     * The parser of a {@code ps} command line: its {@code -o}/{@code --format} lists (several are
     * joined), without header under {@code --no-headers}/{@code --no-heading} or BSD {@code h};
     * a command line without {@code -o} is read as {@value PsParser#FORMAT}.
     */
    private static PsParser ps(SlurmCommandLine c) {
        List<String> lists = new ArrayList<>();
        List<String> args = c.args();
        boolean noHeader = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-o") || a.equals("--format")) && i + 1 < args.size()) {
                lists.add(args.get(++i));
            } else if (a.startsWith("--format=")) {
                lists.add(a.substring("--format=".length()));
            } else if (a.startsWith("-o") && !a.startsWith("--")) {
                lists.add(a.substring(2));
            } else if (a.equals("--no-headers") || a.equals("--no-heading") || a.equals("h")) {
                noHeader = true;
            }
        }
        PsParser parser = PsParser.forFormat(lists.isEmpty() ? PsParser.FORMAT : String.join(",", lists));
        return noHeader ? parser.withoutHeader() : parser;
    }

    private static SstatParser sstat(SlurmCommandLine c) {
        SstatParser parser = c.has("-n", "--noheader")
                ? SstatParser.parsable(stripWidths(fieldList(c, SstatParser.DEFAULT_FIELDS)))
                : SstatParser.fromHeader();
        Optional<String> delimiter = c.value(null, "--delimiter");
        return delimiter.isPresent() ? parser.withDelimiter(delimiter.get()) : parser;
    }

    /** The {@code -o/--format} field list (with {@code %width} kept), or the default. */
    private static List<String> fieldList(SlurmCommandLine c, List<String> defaults) {
        Optional<String> format = c.value("-o", "--format");
        return format.isPresent() ? Arrays.asList(format.get().split(",")) : defaults;
    }

    private static List<String> stripWidths(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            int pct = f.indexOf('%');
            out.add(pct < 0 ? f : f.substring(0, pct));
        }
        return out;
    }

    /**
     * The table parser of a sacctmgr, sshare or sreport command line: parsable or fixed-width; with
     * the field list ({@code -o/--format}, or sacctmgr's and sreport's {@code format=}) when given,
     * so the header is checked against it; without header ({@code -n}) only with that list.
     */
    private static SlurmTableParser reportTable(SlurmCommandLine c) {
        boolean parsable = c.has("-P", "--parsable2", "-p", "--parsable");
        SlurmTableParser parser = parsable ? SlurmTableParser.parsable(c.toString()) : SlurmTableParser.fixedWidth(c.toString());
        Optional<String> format = c.value("-o", "--format");
        if (format.isEmpty()) {
            for (String a : c.args()) {
                if (a.regionMatches(true, 0, "format=", 0, 7)) {
                    format = Optional.of(a.substring(7));
                }
            }
        }
        if (format.isPresent()) {
            parser = parser.withColumns(Arrays.asList(format.get().split(",")));
        }
        if (parsable && c.has("-n", "--noheader")) {
            if (format.isEmpty()) {
                throw new IllegalArgumentException("a table printed with --noheader needs its --format list: " + c);
            }
            parser = parser.withoutHeader(c.has("-p", "--parsable"));
        }
        return parser;
    }

    private static List<Map<String, Object>> table(SlurmTableParser parser, String stdout) {
        SlurmTable table = parser.parse(stdout);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SlurmTable.Row row : table.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> truncated = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                String key = snake(table.columns().get(i));
                m.putIfAbsent(key, row.values().get(i));
                if (row.isTruncated(i)) {
                    truncated.add(key);
                }
            }
            if (!truncated.isEmpty()) {
                m.put("truncated", truncated);
            }
            out.add(m);
        }
        return out;
    }

    /** {@code GrpTRESMins} → {@code grp_tres_mins}, {@code Def Acct} → {@code def_acct}. */
    static String snake(String header) {
        StringBuilder sb = new StringBuilder();
        String h = header.strip();
        for (int i = 0; i < h.length(); i++) {
            char ch = h.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                boolean boundary = Character.isUpperCase(ch) && i > 0
                        && (Character.isLowerCase(h.charAt(i - 1))
                                || (i + 1 < h.length() && Character.isLowerCase(h.charAt(i + 1)) && Character.isUpperCase(h.charAt(i - 1))));
                if (boundary && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(ch));
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '_') {
            end--;
        }
        return sb.substring(0, end);
    }

    /**
     * The views of the items. A parsed item that its view cannot show (a job whose node list is no
     * hostlist) is output the tool cannot read: a {@link SlurmParseException}, not the view's
     * {@code IllegalArgumentException}.
     */
    private static <T> List<Map<String, Object>> map(String tool, List<T> items, Function<T, Map<String, Object>> view) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (T item : items) {
            try {
                out.add(view.apply(item));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new SlurmParseException(tool, 0, null, String.valueOf(item), "a parsed item cannot be shown: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }
}
