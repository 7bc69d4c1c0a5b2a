package io.github.slurm4j.parse;

import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.cluster.License;
import io.github.slurm4j.model.cluster.SlurmConfig;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small administrative outputs of {@code scontrol}: {@code show config},
 * {@code show licenses} (also {@code -o}) and {@code show hostnames}. The job, node, partition and
 * reservation records are read by {@code ScontrolParser}.
 *
 * <p>Inputs are normal outputs; error outputs are classified by {@link SlurmErrors} first.
 */
public final class ScontrolAdminParser {
    private ScontrolAdminParser() {
    }

    private static final Pattern CONFIG_AS_OF = Pattern.compile("^Configuration data as of (.+)$");
    private static final Pattern CONFIG_ENTRY = Pattern.compile("^([^\\s=]+)\\s*=(.*)$");
    private static final Pattern CONTROLLER = Pattern.compile("^Slurmctld\\(([^)]+)\\) at (\\S+) is (UP|DOWN)$");

    /**
     * Parses {@code scontrol show config}: the {@code Configuration data as of ...} line, the
     * {@code key = value} block, named sections ({@code Title:} then their entries; a blank line
     * ends a section) and the {@code Slurmctld(primary) at vm is UP} lines.
     *
     * <p>A date in a format other than ISO ({@code SLURM_TIME_FORMAT}) leaves {@code asOf} null
     * rather than guessing.
     *
     * @param text the decoded standard output; not null
     * @return the configuration, values as printed
     * @throws SlurmParseException for a line that is none of these
     */
    public static SlurmConfig parseConfig(String text) {
        final String command = "scontrol show config";
        LocalDateTime asOf = null;
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        List<ControllerStatus> controllers = new ArrayList<>();
        Map<String, String> current = entries;
        String[] lines = text.split("\n", -1);
        boolean sawAnything = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                current = entries;
                continue;
            }
            sawAnything = true;
            Matcher m = CONFIG_ENTRY.matcher(line);
            if (m.matches()) {
                if (current.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
                    throw new SlurmParseException(command, i + 1, m.group(1), line, "key repeated in one section");
                }
                continue;
            }
            m = CONFIG_AS_OF.matcher(line);
            if (m.matches()) {
                try {
                    asOf = LocalDateTime.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    asOf = null;
                }
                continue;
            }
            m = CONTROLLER.matcher(line);
            if (m.matches()) {
                controllers.add(new ControllerStatus(m.group(1), m.group(2), m.group(3).equals("UP")));
                continue;
            }
            if (line.endsWith(":") && line.length() > 1) {
                String title = line.substring(0, line.length() - 1).strip();
                if (sections.containsKey(title)) {
                    throw new SlurmParseException(command, i + 1, null, line, "section repeated");
                }
                current = new LinkedHashMap<>();
                sections.put(title, current);
                continue;
            }
            throw new SlurmParseException(command, i + 1, null, line, "not a 'key = value', section or controller line");
        }
        if (!sawAnything) {
            throw new SlurmParseException(command, 0, null, "", "empty output");
        }
        return new SlurmConfig(asOf, entries, sections, controllers);
    }

    /**
     * Parses {@code scontrol show licenses} (a {@code LicenseName=} line and an indented line of
     * counts per license) or its {@code -o} form (one line per license). {@code No licenses
     * configured in Slurm.} and an empty output give an empty list.
     *
     * @param text the decoded standard output; not null
     * @return the licenses in printed order
     * @throws SlurmParseException for a missing or non-numeric {@code Total}, {@code Used} or
     *     {@code Free}, a {@code Remote} other than yes/no, or text before the first license
     */
    public static List<License> parseLicenses(String text) {
        final String command = "scontrol show licenses";
        List<License> out = new ArrayList<>();
        Map<String, String> current = null;
        int currentLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("No licenses configured")) {
                continue;
            }
            for (String token : line.split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new SlurmParseException(command, i + 1, null, line, "not a Key=Value token: '" + token + "'");
                }
                String key = token.substring(0, eq);
                String value = token.substring(eq + 1);
                if (key.equals("LicenseName")) {
                    if (current != null) {
                        out.add(license(command, currentLine, current));
                    }
                    current = new LinkedHashMap<>();
                    currentLine = i + 1;
                } else if (current == null) {
                    throw new SlurmParseException(command, i + 1, key, line, "value before the first LicenseName=");
                }
                if (current.putIfAbsent(key, value) != null) {
                    throw new SlurmParseException(command, i + 1, key, line, "key repeated in one license");
                }
            }
        }
        if (current != null) {
            out.add(license(command, currentLine, current));
        }
        return List.copyOf(out);
    }

    private static License license(String command, int line, Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        String name = f.remove("LicenseName");
        if (name.isEmpty()) {
            throw new SlurmParseException(command, line, "LicenseName", "LicenseName=", "empty license name");
        }
        long total = requiredLong(command, line, f, "Total");
        long used = requiredLong(command, line, f, "Used");
        long free = requiredLong(command, line, f, "Free");
        Long reserved = f.containsKey("Reserved") ? requiredLong(command, line, f, "Reserved") : null;
        Boolean remote = null;
        String r = f.remove("Remote");
        if (r != null) {
            if (r.equalsIgnoreCase("yes")) {
                remote = Boolean.TRUE;
            } else if (r.equalsIgnoreCase("no")) {
                remote = Boolean.FALSE;
            } else {
                throw new SlurmParseException(command, line, "Remote", "Remote=" + r, "expected yes or no");
            }
        }
        return new License(name, total, used, free, reserved, remote, f);
    }

    private static long requiredLong(String command, int line, Map<String, String> f, String key) {
        String v = f.remove(key);
        if (v == null) {
            throw new SlurmParseException(command, line, key, "", "missing " + key + "=");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SlurmParseException(command, line, key, key + "=" + v, "not a whole number", e);
        }
    }

    /**
     * Parses {@code scontrol show hostnames <expression>}: one host name per line, in order.
     *
     * @param text the decoded standard output; not null
     * @return the host names in printed order, blank lines skipped; unmodifiable
     * @throws SlurmParseException for a line with whitespace inside (not a host name)
     */
    public static List<String> parseHostnames(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            for (int c = 0; c < line.length(); c++) {
                if (Character.isWhitespace(line.charAt(c))) {
                    throw new SlurmParseException("scontrol show hostnames", i + 1, null, line, "not a host name");
                }
            }
            out.add(line);
        }
        return List.copyOf(out);
    }
}
