package io.github.slurm4j.model.job;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.JobIdView;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map view of an {@link AccountingRecord}: first the row's identity, then the other fields sacct
 * printed, in printed order, under snake_case keys ({@code JobIDRaw} → {@code job_id_raw}).
 *
 * <p>The identity keys are those of {@link JobIdView}, from {@code JobID} (or {@code JobIDRaw}
 * when only that was printed): {@code job_id} the job's own id as a number ({@code JobIDRaw}'s,
 * or what {@code JobID} tells: {@code 14.batch} is job 14; left out for {@code 17_3} without
 * {@code JobIDRaw}), {@code job_id_text} as printed ({@code 21+1}, {@code 17_[3-6%2]},
 * {@code 14.batch}), and the array, het and step parts.
 *
 * <p>Values, by {@link AccountingField.Kind}:
 * <ul>
 * <li>{@code job_id_raw}, names, text, states ({@code CANCELLED by 0}): the printed {@code String};</li>
 * <li>whole numbers: {@code Long}; memory, bytes and counts: {@code Long} bytes (units);</li>
 * <li>durations: {@code Long} seconds, except the CPU times ({@code TotalCPU}, {@code UserCPU},
 *     {@code SystemCPU}, {@code AveCPU}, {@code MinCPU}) which are {@code Double} seconds with the
 *     milliseconds sacct prints;</li>
 * <li>times: the ISO local date-time {@code String} ({@code 2026-11-20T22:26:38}, sacct prints no
 *     zone), or {@code null} for {@code Unknown}/{@code None};</li>
 * <li>time limits: {@code Long} seconds, or the sentinel {@code String} ({@code UNLIMITED},
 *     {@code Partition_Limit});</li>
 * <li>exit codes: {@code {"status": Integer, "signal": Integer}}; ReqMem:
 *     {@code {"bytes": Long, "per": "NODE"|"CPU"|"UNSPECIFIED"}}; TRES: {@code Map} of raw
 *     strings; node lists and flags: {@code List<String>};</li>
 * <li>empty values and a {@code reason} of {@code None}: {@code null}; unknown fields: the raw {@code String}.</li>
 * </ul>
 * A value cut by a fixed width is {@code null}, and its snake_case name is listed under the extra
 * key {@code truncated_fields} (present only when something was cut; a cut {@code JobID} is listed
 * as {@code job_id_text} and gives no identity of its own).
 */
public final class AccountingRecordView {
    private AccountingRecordView() {
    }

    /**
     * The view of one sacct row.
     *
     * @param record the row; not null
     * @return the map described above, in that key order
     */
    public static Map<String, Object> toMap(AccountingRecord record) {
        return toMap(record.values());
    }

    /**
     * The view of any printed accounting fields (shared with {@link StepStatView}).
     *
     * @param values the printed fields of one sacct or sstat row; not null
     * @return the map described above, in that key order
     */
    public static Map<String, Object> toMap(AccountingValues values) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> cut = new ArrayList<>();
        JobId printed = values.get(AccountingField.JOB_ID);
        JobId rawId = values.get(AccountingField.JOB_ID_RAW);
        if (printed != null || rawId != null) {
            out.putAll(JobIdView.toMap(printed != null ? printed : rawId, rawId != null ? rawId.id() : null));
        }
        for (int i = 0; i < values.names().size(); i++) {
            String name = values.names().get(i);
            AccountingField field = AccountingField.lookup(name);
            String key = field == null ? AccountingField.snake(name) : field.snakeName();
            if (field == AccountingField.JOB_ID) {
                if (values.isTruncated(name)) {
                    cut.add("job_id_text");
                }
                continue;
            }
            if (values.isTruncated(name)) {
                out.put(key, null);
                cut.add(key);
            } else if (field == null) {
                String raw = values.raw().get(i);
                out.put(key, raw.isEmpty() ? null : raw);
            } else {
                Object value = values.get(field);
                out.put(key, view(field, field == AccountingField.REASON ? Job.Status.reasonOf((String) value) : value,
                        values.raw().get(i)));
            }
        }
        if (!cut.isEmpty()) {
            out.put("truncated_fields", List.copyOf(cut));
        }
        return out;
    }

    static Object view(AccountingField field, Object value, String raw) {
        if (value == null) {
            return null;
        }
        if (value instanceof JobId || value instanceof JobState) {
            return raw.trim();
        }
        if (value instanceof Duration) {
            Duration d = (Duration) value;
            switch (field) {
                case TOTAL_CPU:
                case USER_CPU:
                case SYSTEM_CPU:
                case AVE_CPU:
                case MIN_CPU:
                    // a duration past ~292 million years has no millisecond count (damaged output)
                    return d.getSeconds() >= Long.MAX_VALUE / 1000 ? (double) d.getSeconds() : d.toMillis() / 1000.0;
                default:
                    return d.getSeconds();
            }
        }
        if (value instanceof SlurmTime) {
            SlurmTime t = (SlurmTime) value;
            return t.isSet() ? JobView.ISO_SECONDS.format(t.dateTime()) : null;
        }
        if (value instanceof TimeLimit) {
            TimeLimit t = (TimeLimit) value;
            return t.isLimited() ? (Object) t.duration().getSeconds() : raw.trim();
        }
        if (value instanceof ExitCode) {
            ExitCode e = (ExitCode) value;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", e.status());
            m.put("signal", e.signal());
            return m;
        }
        if (value instanceof MemoryRequest) {
            MemoryRequest r = (MemoryRequest) value;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bytes", r.bytes());
            m.put("per", r.per().name());
            return m;
        }
        if (value instanceof Tres) {
            return new LinkedHashMap<>(((Tres) value).asMap());
        }
        return value;
    }
}
