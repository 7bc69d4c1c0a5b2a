package io.github.slurm4j.model.job;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of an {@link ActionResult}. */
public final class ActionResultView {
    private ActionResultView() {
    }

    /**
     * The view of an accepted action.
     *
     * @param r the result; not null
     * @return one key, {@code messages}: the lines the accepted action printed
     */
    public static Map<String, Object> toMap(ActionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", r.messages());
        return m;
    }
}
