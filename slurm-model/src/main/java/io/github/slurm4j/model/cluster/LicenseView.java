package io.github.slurm4j.model.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-ready view of a {@link License}. */
public final class LicenseView {
    private LicenseView() {
    }

    /**
     * The view of one license.
     *
     * @param l the license; not null
     * @return {@code name}, {@code total}, {@code used}, {@code free}, {@code reserved}, {@code remote},
     *     {@code extras}, in that order
     */
    public static Map<String, Object> toMap(License l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("total", l.total());
        m.put("used", l.used());
        m.put("free", l.free());
        m.put("reserved", l.reserved());
        m.put("remote", l.remote());
        m.put("extras", new LinkedHashMap<>(l.extras()));
        return m;
    }
}
