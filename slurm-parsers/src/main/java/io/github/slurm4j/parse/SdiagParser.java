package io.github.slurm4j.parse;

import io.github.slurm4j.model.cluster.RpcStat;
import io.github.slurm4j.model.cluster.SchedulerDiagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code sdiag}: a banner with the report and reset times, {@code Key: value} lines, and
 * titled sections whose lines are tab-indented (see {@link SchedulerDiagnostics} for the typing of
 * values). Section titles are kept as printed, without a trailing colon, so sections added by newer
 * versions ({@code Main scheduler exit:}, {@code Backfill exit}) are kept too.
 */
public final class SdiagParser {
    private SdiagParser() {
    }

    private static final String COMMAND = "sdiag";
    private static final String BY_TYPE = "Remote Procedure Call statistics by message type";
    private static final String BY_USER = "Remote Procedure Call statistics by user";
    private static final String PENDING = "Pending RPC statistics";

    private static final Pattern STARS = Pattern.compile("^\\*+$");
    private static final Pattern OUTPUT_AT = Pattern.compile("^sdiag output at (.+)$");
    private static final Pattern DATA_SINCE = Pattern.compile("^Data since\\s+(.+)$");
    /** {@code Fri Nov 20 22:30:53 2026 (1795213853)}: ctime plus epoch seconds. */
    private static final Pattern CTIME_EPOCH = Pattern.compile(
            "^[A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4} \\((\\d{1,12})\\)$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d{1,18}$");
    private static final Pattern RPC = Pattern.compile(
            "^(\\S+)\\s+\\(\\s*(\\d+)\\)\\s+count:(\\d+)(?:\\s+ave_time:(\\d+)\\s+total_time:(\\d+))?$");

    /**
     * Parses one sdiag output.
     *
     * @param text the decoded standard output; not null
     * @return the statistics, values typed as {@link SchedulerDiagnostics} describes
     * @throws SlurmParseException for an indented line outside a section, a line that is not
     *     {@code Key: value} where one is expected, or a key repeated in one section
     */
    public static SchedulerDiagnostics parse(String text) {
        Instant generatedAt = null;
        Instant dataSince = null;
        Map<String, Object> general = new LinkedHashMap<>();
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        List<RpcStat> byType = new ArrayList<>();
        List<RpcStat> byUser = new ArrayList<>();
        List<RpcStat> pending = new ArrayList<>();
        String section = null;
        boolean sawAnything = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            int lineNo = i + 1;
            if (line.isEmpty()) {
                section = null;
                continue;
            }
            sawAnything = true;
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (!indented) {
                section = null;
                Matcher m;
                if (STARS.matcher(line).matches()) {
                    continue;
                } else if ((m = OUTPUT_AT.matcher(line)).matches()) {
                    generatedAt = instant(m.group(1).strip(), lineNo, "sdiag output at");
                } else if ((m = DATA_SINCE.matcher(line)).matches()) {
                    dataSince = instant(m.group(1).strip(), lineNo, "Data since");
                } else if (line.endsWith(":") || line.indexOf(':') < 0) {
                    section = line.endsWith(":") ? line.substring(0, line.length() - 1).strip() : line;
                    if (!isRpcSection(section)) {
                        if (sections.containsKey(section)) {
                            throw new SlurmParseException(COMMAND, lineNo, null, line, "section repeated");
                        }
                        sections.put(section, new LinkedHashMap<>());
                    }
                } else {
                    putEntry(general, line, lineNo);
                }
                continue;
            }
            if (section == null) {
                throw new SlurmParseException(COMMAND, lineNo, null, raw, "indented line outside a section");
            }
            if (isRpcSection(section)) {
                Matcher m = RPC.matcher(line);
                if (m.matches()) {
                    RpcStat stat = new RpcStat(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                            m.group(4) == null ? null : Long.valueOf(m.group(4)),
                            m.group(5) == null ? null : Long.valueOf(m.group(5)));
                    (section.equals(BY_TYPE) ? byType : section.equals(BY_USER) ? byUser : pending).add(stat);
                    continue;
                }
                if (section.equals(PENDING) && line.equals("No pending RPCs")) {
                    continue;
                }
            }
            putEntry(sections.computeIfAbsent(section, k -> new LinkedHashMap<>()), line, lineNo);
        }
        if (!sawAnything) {
            throw new SlurmParseException(COMMAND, 0, null, "", "empty output");
        }
        return new SchedulerDiagnostics(generatedAt, dataSince, general, sections, byType, byUser, pending);
    }

    private static boolean isRpcSection(String title) {
        return title.equals(BY_TYPE) || title.equals(BY_USER) || title.equals(PENDING);
    }

    private static void putEntry(Map<String, Object> target, String line, int lineNo) {
        int colon = line.indexOf(": ");
        int valueStart = colon + 2;
        if (colon < 0) {
            // 24.11 and 26.05 print the "Main scheduler exit:" and "Backfilling stats" exit counters
            // without the space: "End of job queue:169"
            colon = line.lastIndexOf(':');
            valueStart = colon + 1;
            if (colon > 0 && line.substring(valueStart).isBlank()) {
                colon = -1;
            }
        }
        if (colon <= 0) {
            throw new SlurmParseException(COMMAND, lineNo, null, line, "not a 'Key: value' line");
        }
        String key = line.substring(0, colon).strip();
        if (target.containsKey(key)) {
            throw new SlurmParseException(COMMAND, lineNo, key, line, "key repeated in one section");
        }
        target.put(key, value(line.substring(valueStart).strip()));
    }

    /** A {@link Long}, an {@link Instant}, {@code null} for {@code N/A}, or the text. */
    static Object value(String v) {
        if (INTEGER.matcher(v).matches()) {
            return Long.valueOf(v);
        }
        Matcher m = CTIME_EPOCH.matcher(v);
        if (m.matches()) {
            return Instant.ofEpochSecond(Long.parseLong(m.group(1)));
        }
        if (v.equals("N/A")) {
            return null;
        }
        return v;
    }

    private static Instant instant(String v, int lineNo, String field) {
        Matcher m = CTIME_EPOCH.matcher(v);
        if (!m.matches()) {
            throw new SlurmParseException(COMMAND, lineNo, field, v, "expected 'Www Mmm dd HH:MM:SS yyyy (epoch)'");
        }
        return Instant.ofEpochSecond(Long.parseLong(m.group(1)));
    }
}
