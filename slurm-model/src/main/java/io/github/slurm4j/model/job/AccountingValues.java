package io.github.slurm4j.model.job;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The printed fields of one sacct or sstat row: the field names in printed order with their raw
 * strings, the typed value of every known field, which values were cut by a fixed width, and the
 * fields slurm4j does not know.
 *
 * @param names the field names as printed or requested, in order
 * @param raw the raw string of each field, same order and size as {@code names}
 * @param typed the typed value of every known field that had a value (see
 *     {@link AccountingField#parseValue}); a truncated or empty value has no entry
 * @param truncated names of the fields whose fixed-width value was cut (printed with a final
 *     {@code +}); their typed value is absent, their raw string keeps the {@code +}
 * @param extras fields that are not {@link AccountingField}s: name → raw string, in order
 */
public record AccountingValues(List<String> names, List<String> raw, Map<AccountingField, Object> typed,
        Set<String> truncated, Map<String, String> extras) {

    public AccountingValues {
        names = List.copyOf(names);
        raw = List.copyOf(raw);
        if (names.size() != raw.size()) {
            throw new IllegalArgumentException("names and raw values differ in size");
        }
        typed = typed.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new EnumMap<>(typed));
        truncated = Collections.unmodifiableSet(new LinkedHashSet<>(truncated));
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The typed value of a field, or {@code null} when the row has none (not printed, empty, truncated). */
    @SuppressWarnings("unchecked")
    public <T> T get(AccountingField field) {
        return (T) typed.get(Objects.requireNonNull(field, "field"));
    }

    /** The raw string of a printed field (case-insensitive name), or {@code null} when it was not printed. */
    public String raw(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return raw.get(i);
            }
        }
        return null;
    }

    /** Whether the fixed-width value of {@code name} was cut. */
    public boolean isTruncated(String name) {
        for (String t : truncated) {
            if (t.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
