package io.github.slurm4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An array task specification: {@code 1-5}, {@code 3-6%2}, {@code [3-6%2]}, {@code 1,3,5-9:2}.
 *
 * @param raw the text as printed, without brackets
 * @param tasks the task ids in order
 * @param throttle the {@code %N} limit of tasks running at once, or {@code null}
 */
public record ArrayTaskSpec(String raw, List<Integer> tasks, Integer throttle) {
    /** Guards against specs such as {@code 0-999999999}. */
    public static final int MAX_TASKS = 10_000_000;

    /**
     * Checks the text and copies the task list; {@link #parse} is the usual way to get one.
     *
     * @param raw the text as printed, without brackets
     * @param tasks the task ids in order; copied into an unmodifiable list
     * @param throttle the {@code %N} limit of tasks running at once, or {@code null}
     * @throws NullPointerException if {@code raw}, {@code tasks} or a task is {@code null}
     */
    public ArrayTaskSpec {
        Objects.requireNonNull(raw, "raw");
        tasks = Collections.unmodifiableList(new ArrayList<>(tasks));
    }

    /**
     * Parses a task specification: comma-separated indexes and ranges, a range optionally with a
     * {@code :step}, the whole optionally with a {@code %N} throttle and in brackets.
     *
     * @param text the specification as printed
     * @return the specification with its tasks expanded in order
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException for anything else, a negative or reversed range, or more than
     *     {@link #MAX_TASKS} tasks
     */
    public static ArrayTaskSpec parse(String text) {
        String s = Objects.requireNonNull(text, "text").trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        String raw = s;
        Integer throttle = null;
        int pct = s.indexOf('%');
        try {
            if (pct >= 0) {
                throttle = Integer.parseInt(s.substring(pct + 1));
                s = s.substring(0, pct);
            }
            List<Integer> tasks = new ArrayList<>();
            for (String part : s.split(",", -1)) {
                int step = 1;
                int colon = part.indexOf(':');
                if (colon >= 0) {
                    step = Integer.parseInt(part.substring(colon + 1));
                    part = part.substring(0, colon);
                    if (step <= 0) {
                        throw new IllegalArgumentException("bad array step in '" + text + "'");
                    }
                }
                int dash = part.indexOf('-');
                int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
                if (hi < lo || lo < 0) {
                    throw new IllegalArgumentException("bad array range '" + part + "' in '" + text + "'");
                }
                for (long t = lo; t <= hi; t += step) {
                    tasks.add((int) t);
                    if (tasks.size() > MAX_TASKS) {
                        throw new IllegalArgumentException("array spec names too many tasks: '" + text + "'");
                    }
                }
            }
            return new ArrayTaskSpec(raw, tasks, throttle);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an array task spec: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return raw;
    }
}
