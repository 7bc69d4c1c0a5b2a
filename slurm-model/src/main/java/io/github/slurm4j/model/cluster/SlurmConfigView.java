package io.github.slurm4j.model.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-ready view of a {@link SlurmConfig}. */
public final class SlurmConfigView {
    private SlurmConfigView() {
    }

    /**
     * {@code as_of} (ISO local time or null), {@code entries}, {@code sections} and
     * {@code controllers} (list of {@code role}, {@code host}, {@code up}).
     *
     * @param c the parsed {@code scontrol show config} output; not null
     * @return the keys above, in that order
     */
    public static Map<String, Object> toMap(SlurmConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("as_of", c.asOf() == null ? null : c.asOf().toString());
        m.put("entries", new LinkedHashMap<>(c.entries()));
        Map<String, Object> sections = new LinkedHashMap<>();
        c.sections().forEach((k, v) -> sections.put(k, new LinkedHashMap<>(v)));
        m.put("sections", sections);
        List<Object> controllers = new ArrayList<>();
        for (ControllerStatus s : c.controllers()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("role", s.role());
            cm.put("host", s.host());
            cm.put("up", s.up());
            controllers.add(cm);
        }
        m.put("controllers", controllers);
        return m;
    }
}
