package io.github.slurm4j.model.job;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of an {@link ActionResult}. */
public final class ActionResultView {
    private ActionResultView() {
    }

    /**
     * {@code ok}, {@code error} ({@code null}, or a map of {@code type} in snake_case and
     * {@code message}) and {@code messages}.
     */
    public static Map<String, Object> toMap(ActionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.isOk());
        if (r.error() == null) {
            m.put("error", null);
        } else {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", r.error().type().wireName());
            e.put("message", r.error().message());
            m.put("error", e);
        }
        m.put("messages", r.messages());
        return m;
    }
}
