package io.github.slurm4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report table as Slurm's accounting tools print it ({@code sacctmgr}, {@code sshare},
 * {@code sprio}, {@code sreport}): ordered column names and rows of raw strings.
 *
 * <p>Column names may repeat ({@code sprio -w} prints {@code PARTITION} twice); {@link Row#get}
 * returns the first. A fixed-width value printed with a final {@code +} because it did not fit is
 * flagged in {@link Row#truncated()}: its string is the cut text, never the full value.
 *
 * @param preamble lines printed before the header (sreport's title and period), without the rulers
 * @param columns the column names, in printed order
 * @param rows the data rows
 */
public record SlurmTable(List<String> preamble, List<String> columns, List<Row> rows) {

    public SlurmTable {
        preamble = List.copyOf(preamble);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param values the cell strings, one per column ({@code ""} when empty); left-aligned
     *     fixed-width and parsable cells keep their leading spaces (sshare's indented accounts)
     * @param truncated indexes of the cells printed cut with a final {@code +}
     */
    public record Row(List<String> values, Set<Integer> truncated) {
        public Row {
            values = List.copyOf(values);
            truncated = Collections.unmodifiableSet(new LinkedHashSet<>(truncated));
        }

        public boolean isTruncated(int column) {
            return truncated.contains(column);
        }
    }

    /** The index of the first column with this name (case-insensitive, trimmed), or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    /** The cell of the first column named {@code column} in row {@code row}, or {@code null} when there is no such column. */
    public String get(int row, String column) {
        int at = indexOf(column);
        return at < 0 ? null : rows.get(row).values().get(at);
    }

    /** Each row as column → value (first column wins on repeated names); truncated cells included as printed. */
    public List<Map<String, String>> asMaps() {
        List<Map<String, String>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.putIfAbsent(Objects.requireNonNull(columns.get(i)), r.values().get(i));
            }
            out.add(Collections.unmodifiableMap(m));
        }
        return Collections.unmodifiableList(out);
    }
}
