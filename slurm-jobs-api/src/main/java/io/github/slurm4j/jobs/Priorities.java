package io.github.slurm4j.jobs;

/**
 * The console's priority scale, 1 to 1000 (default 100), and Slurm's numbers. One unit
 * {@code u} per cluster ({@link Cluster#priorityUnit()}, default {@value #DEFAULT_UNIT}):
 *
 * <table>
 *   <caption>console priority p ↔ Slurm</caption>
 *   <tr><th>who</th><th>p → Slurm</th></tr>
 *   <tr><td>operator</td><td>{@code Priority = p × u}</td></tr>
 *   <tr><td>user, p ≤ 100</td><td>{@code Nice = (100 − p) × u} (100 ↔ nice 0, 1 ↔ nice 99u)</td></tr>
 *   <tr><td>user, p &gt; 100</td><td>refused: needs a negative nice, which only an operator may set</td></tr>
 * </table>
 *
 * Rows read every job's priority one way, whoever set it: {@link #fromSlurmPriority}, the job's
 * effective Slurm priority on the operator's scale (so rows sort as Slurm schedules). A job nobody
 * reprioritised shows its multifactor priority ÷ u; pick u near a typical job's priority ÷ 100 for
 * it to show near {@value #DEFAULT}.
 *
 * Both directions are monotonic (a higher p never gives a lower Slurm priority), and the user's
 * mapping moves a job by the same Slurm points as the operator's: multifactor priority subtracts
 * the nice value, so lowering p by one lowers the job's priority by {@code u} either way.
 */
public final class Priorities {
    /** The lowest console priority. */
    public static final int MIN = 1;
    /** The highest console priority; above {@link #DEFAULT} only an operator may set it. */
    public static final int MAX = 1000;
    /** The console priority of a job without nice or priority: nice 0. */
    public static final int DEFAULT = 100;
    /** The default Slurm priority points (and nice points) per step of the console scale. */
    public static final long DEFAULT_UNIT = 10;

    private Priorities() {
    }

    static int check(int p) {
        if (p < MIN || p > MAX) {
            throw new IllegalArgumentException("priority must be in " + MIN + ".." + MAX + ": " + p);
        }
        return p;
    }

    /**
     * The Slurm priority an operator sets for console priority {@code p}.
     *
     * @param p the console priority, {@value #MIN}..{@value #MAX}
     * @param unit the cluster's points per step
     * @return {@code p × unit}, for {@code scontrol update Priority=}
     * @throws IllegalArgumentException if {@code p} is out of range
     */
    public static long toSlurmPriority(int p, long unit) {
        return check(p) * unit;
    }

    /**
     * The console priority of a Slurm priority.
     *
     * @param priority the job's Slurm priority
     * @param unit the cluster's points per step; positive
     * @return {@code priority / unit} rounded, clamped to {@value #MIN}..{@value #MAX}
     */
    public static int fromSlurmPriority(long priority, long unit) {
        long p = Math.round((double) priority / unit);
        return (int) Math.max(MIN, Math.min(MAX, p));
    }

    /**
     * The nice value a user sets for console priority {@code p} (at most 100).
     *
     * @param p the console priority, {@value #MIN}..{@value #DEFAULT}
     * @param unit the cluster's points per step
     * @return {@code (100 − p) × unit}, 0 or more
     * @throws IllegalArgumentException if {@code p} is out of range or above {@value #DEFAULT}
     * @throws ArithmeticException if the nice value does not fit an {@code int}
     */
    public static int toNice(int p, long unit) {
        check(p);
        if (p > DEFAULT) {
            throw new IllegalArgumentException("priority above " + DEFAULT + " needs operator rights (a negative nice)");
        }
        return Math.toIntExact((DEFAULT - p) * unit);
    }

    /**
     * The console priority a nice value stands for.
     *
     * @param nice the job's nice value (negative for an operator's boost)
     * @param unit the cluster's points per step; positive
     * @return {@code 100 − nice / unit} rounded, clamped to {@value #MIN}..{@value #MAX}
     */
    public static int fromNice(int nice, long unit) {
        long p = DEFAULT - Math.round((double) nice / unit);
        return (int) Math.max(MIN, Math.min(MAX, p));
    }
}
