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

    /**
     * Checks that names and raw values pair up and copies everything into unmodifiable collections.
     *
     * @param names the field names as printed or requested, in order
     * @param raw the raw string of each field, same order and size as {@code names}
     * @param typed the typed value of every known field that had a value (see
     *     {@link AccountingField#parseValue}); a truncated or empty value has no entry
     * @param truncated names of the fields whose fixed-width value was cut (printed with a final
     *     {@code +}); their typed value is absent, their raw string keeps the {@code +}
     * @param extras fields that are not {@link AccountingField}s: name → raw string, in order
     * @throws IllegalArgumentException if {@code names} and {@code raw} differ in size
     * @throws NullPointerException if a collection, or an element of {@code names} or {@code raw}, is {@code null}
     */
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

    /**
     * The typed value of a field; its class is the one {@link AccountingField#parseValue} gives for
     * the field's kind, and the caller picks {@code T} accordingly.
     *
     * @param <T> the value's type; a wrong choice fails with {@code ClassCastException} where the value is used
     * @param field the field; not null
     * @return the value, or {@code null} when the row has none (not printed, empty, truncated)
     * @throws NullPointerException if {@code field} is null
     */
    @SuppressWarnings("unchecked")
    public <T> T get(AccountingField field) {
        return (T) typed.get(Objects.requireNonNull(field, "field"));
    }

    /**
     * The raw string of a printed field, known or not.
     *
     * @param name the field name as printed or requested, case-insensitive
     * @return the string as printed (a cut value keeps its final {@code +}), or {@code null} when the
     *     field was not printed
     */
    public String raw(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return raw.get(i);
            }
        }
        return null;
    }

    /**
     * Whether the fixed-width value of a field was cut (printed with a final {@code +}).
     *
     * @param name the field name, case-insensitive
     * @return true when it was cut; its typed value is then absent
     */
    public boolean isTruncated(String name) {
        for (String t : truncated) {
            if (t.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
