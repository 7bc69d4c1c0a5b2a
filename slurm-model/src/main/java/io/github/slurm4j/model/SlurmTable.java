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
 * <p>Column names may repeat ({@code sprio -w} prints {@code PARTITION} twice); {@link #get}
 * returns the first. A fixed-width value printed with a final {@code +} because it did not fit is
 * flagged in {@link Row#truncated()}: its string is the cut text, never the full value.
 *
 * @param preamble lines printed before the header (sreport's title and period), without the rulers
 * @param columns the column names, in printed order
 * @param rows the data rows
 */
public record SlurmTable(List<String> preamble, List<String> columns, List<Row> rows) {

    /**
     * Copies the lists.
     *
     * @param preamble lines printed before the header (sreport's title and period), without the rulers
     * @param columns the column names, in printed order
     * @param rows the data rows
     * @throws NullPointerException if a list or one of its elements is {@code null}
     */
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
        /**
         * Copies the cells and the truncated indexes.
         *
         * @param values the cell strings, one per column ({@code ""} when empty); left-aligned
         *     fixed-width and parsable cells keep their leading spaces (sshare's indented accounts)
         * @param truncated indexes of the cells printed cut with a final {@code +}
         * @throws NullPointerException if {@code values} or {@code truncated} is {@code null}, or a cell is
         */
        public Row {
            values = List.copyOf(values);
            truncated = Collections.unmodifiableSet(new LinkedHashSet<>(truncated));
        }

        /**
         * Whether a cell was printed cut.
         *
         * @param column the 0-based column index
         * @return true when the cell's text ended in the {@code +} that marks a cut value
         */
        public boolean isTruncated(int column) {
            return truncated.contains(column);
        }
    }

    /**
     * The index of the first column with this name.
     *
     * @param column the column name, compared case-insensitively after trimming both
     * @return the 0-based index, or -1 when there is no such column
     */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The cell of the first column named {@code column} in row {@code row}.
     *
     * @param row the 0-based row index
     * @param column the column name, case-insensitive
     * @return the cell as printed (cut cells included), or {@code null} when there is no such column
     * @throws IndexOutOfBoundsException if there is no row {@code row}
     */
    public String get(int row, String column) {
        int at = indexOf(column);
        return at < 0 ? null : rows.get(row).values().get(at);
    }

    /**
     * {@return each row as column → value in column order (first column wins on repeated names);
     * truncated cells included as printed; unmodifiable}
     */
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
