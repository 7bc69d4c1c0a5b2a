package io.github.slurm4j.model.job;

import java.util.Map;

/**
 * A map view of a {@link StepStatRecord}: the printed fields in order under snake_case keys, typed
 * as {@link AccountingRecordView} documents ({@code max_rss} in bytes, {@code ave_cpu} in
 * {@code Double} seconds, {@code tres_usage_in_max} a map of raw strings).
 */
public final class StepStatView {
    private StepStatView() {
    }

    /**
     * The view of one sstat row ({@link AccountingRecordView#toMap(AccountingValues)} of its fields).
     *
     * @param record the row; not null
     * @return the identity keys, then the printed fields in printed order
     */
    public static Map<String, Object> toMap(StepStatRecord record) {
        return AccountingRecordView.toMap(record.values());
    }
}
