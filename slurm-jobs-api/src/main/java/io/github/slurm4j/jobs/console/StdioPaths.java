package io.github.slurm4j.jobs.console;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.Hostlist;
import io.github.slurm4j.model.job.Job;
import java.util.List;
import java.util.Locale;

/**
 * Slurm's filename patterns ({@code sbatch --output/--error}, man sbatch "filename pattern")
 * expanded as slurmstepd expands them for a batch job, with the job's own values. Written once;
 * {@link JobConsole} and the façade use it.
 *
 * <table>
 *   <caption>What each pattern becomes (Slurm 22.05's slurmstepd, checked on the lab)</caption>
 *   <tr><th>pattern</th><th>value</th></tr>
 *   <tr><td>{@code %j}</td><td>the job's own id (an array element's own id)</td></tr>
 *   <tr><td>{@code %J}</td><td>the job id; a batch job has no step suffix</td></tr>
 *   <tr><td>{@code %A}</td><td>the array's job id; the job id for a job that is not an array element</td></tr>
 *   <tr><td>{@code %a}</td><td>the array task id; {@value #NO_VAL} (Slurm's NO_VAL) for a job that is not an array element</td></tr>
 *   <tr><td>{@code %u}</td><td>the user name</td></tr>
 *   <tr><td>{@code %x}</td><td>the job name</td></tr>
 *   <tr><td>{@code %N}</td><td>the batch host's short name (slurmstepd writes the host's own
 *       {@code hostname}, which differs where NodeName is an alias: {@link JobConsole} looks the
 *       file up then)</td></tr>
 *   <tr><td>{@code %n}, {@code %t}</td><td>{@code 0}: the batch script is node 0, task 0</td></tr>
 *   <tr><td>{@code %s}</td><td>{@code batch}</td></tr>
 *   <tr><td>{@code %%}</td><td>{@code %}</td></tr>
 *   <tr><td>{@code %<w>X}</td><td>a numeric value ({@code %j %J %A %a %n %t}) zero-padded to {@code w}
 *       digits ({@code w} at most 10; {@code %5j} is {@code 00459}); the width is ignored for the
 *       non-numeric {@code %N %u %x %s} ({@code %5N} is the host's name, as man sbatch says)</td></tr>
 *   <tr><td>{@code \} anywhere</td><td>no pattern is expanded; the backslashes are removed</td></tr>
 * </table>
 * Anything else after {@code %} is kept as written, with slurmstepd's quirks: {@code %q} stays
 * {@code %q}, but {@code %5q} becomes {@code 5q} and a trailing {@code %3} becomes {@code 3}. The
 * letters newer Slurm adds ({@code %b} in 24.11, {@code %r %S} in 26.05) are such "anything else"
 * here: 22.05 does not know them. A pattern whose value is not known ({@code %N} of a job that has
 * not started) stays as written, width included ({@code %5N}), so {@link #hasPattern} still sees
 * it. A relative path is relative to the job's working directory.
 *
 * <p>{@code scontrol show job} prints StdOut/StdErr with {@code %j %x %u %A %a} already expanded
 * and the others left as patterns, but it gets {@code %%x} wrong ({@code %<name>}) and expands
 * paths with a backslash that slurmstepd leaves alone; so a path that still holds {@code %} or
 * {@code \} is expanded from the pattern as submitted ({@link JobConsole}).
 */
public final class StdioPaths {
    /** Slurm's NO_VAL, which {@code %a} becomes for a job that is not an array element. */
    public static final long NO_VAL = 4294967294L;

    /** The letters slurmstepd 22.05 expands after {@code %}; the numeric ones are {@link #NUMERIC}. */
    static final String SPECIFIERS = "aAjJntsNux";

    /** The letters whose value is a number, zero-padded to a width given between {@code %} and the letter. */
    static final String NUMERIC = "aAjJnt";

    /** The widest zero padding slurmstepd applies. */
    static final int MAX_WIDTH = 10;

    /** The default output of a batch job, relative to its working directory. */
    public static final String DEFAULT = "slurm-%j.out";

    /** The default output of an array element, relative to its working directory. */
    public static final String DEFAULT_ARRAY = "slurm-%A_%a.out";

    private StdioPaths() {
    }

    /**
     * The job's values a pattern is expanded with.
     *
     * @param jobId the job's own id
     * @param arrayJobId the array's id, or {@code null} when not an array element
     * @param arrayTaskId the array task id, or {@code null} when not an array element
     * @param user the user name, or {@code null} when not known ({@code %u} then stays)
     * @param jobName the job name, or {@code null} ({@code %x} then stays)
     * @param node the batch host, or {@code null} before the job started ({@code %N} then stays)
     * @param workDir the working directory, or {@code null} (a relative path then stays relative)
     */
    public record JobValues(long jobId, Long arrayJobId, Long arrayTaskId, String user, String jobName, String node,
            String workDir) {

        /**
         * The values of a job record ({@code scontrol show job}, or one made from sacct).
         *
         * @param job the job
         * @return its values: the node is the batch host, else the first node of its node list; an array
         *     task id only for a single element
         */
        public static JobValues of(Job job) {
            Job.Identity id = job.identity();
            Long task = null;
            ArrayTaskSpec spec = id.arrayTaskId();
            if (spec != null && spec.tasks() != null && spec.tasks().size() == 1) {
                task = spec.tasks().get(0).longValue();
            }
            String node = job.placement() == null ? null : job.placement().batchHost();
            if ((node == null || node.isEmpty()) && job.placement() != null && job.placement().nodeList() != null
                    && !job.placement().nodeList().isEmpty()) {
                List<String> nodes = Hostlist.expand(job.placement().nodeList());
                node = nodes.isEmpty() ? null : nodes.get(0);
            }
            return new JobValues(id.jobId(), task == null ? null : id.arrayJobId(), task,
                    id.user() == null ? null : id.user().name(), id.name(), node == null || node.isEmpty() ? null : node,
                    job.io() == null ? null : job.io().workDir());
        }

        /** {@return whether the job is an array element (it has an array task id)} */
        public boolean isArrayElement() {
            return arrayTaskId != null;
        }
    }

    /**
     * The pattern Slurm writes a batch job's output to when {@code --output} was not given.
     *
     * @param v the job's values
     * @return {@value #DEFAULT_ARRAY} for an array element, else {@value #DEFAULT}
     */
    public static String defaultPattern(JobValues v) {
        return v.isArrayElement() ? DEFAULT_ARRAY : DEFAULT;
    }

    /**
     * Whether {@code path} still holds something slurmstepd would change: a {@code %} or a {@code \}.
     *
     * @param path a path as scontrol prints it
     * @return {@code true} when it has to be expanded
     */
    public static boolean hasPattern(String path) {
        return path.indexOf('%') >= 0 || path.indexOf('\\') >= 0;
    }

    /**
     * The file slurmstepd writes for {@code pattern}: every pattern expanded with the job's
     * values, made absolute against the job's working directory. A value that is not known
     * ({@code null} in {@code v}) is not filled in ({@link JobValues}).
     *
     * @param pattern the path as submitted ({@code --output}, {@code --error})
     * @param v the job's values
     * @return the path; relative only when {@code pattern} is and the working directory is not known
     */
    public static String expand(String pattern, JobValues v) {
        String path;
        if (pattern.indexOf('\\') >= 0) {
            path = pattern.replace("\\", "");
        } else {
            path = expandPatterns(pattern, v);
        }
        if (!path.startsWith("/") && v.workDir() != null && !v.workDir().isEmpty()) {
            path = v.workDir() + (v.workDir().endsWith("/") ? "" : "/") + path;
        }
        return path;
    }

    /** The patterns of {@code pattern} expanded, slurmstepd's way (see the class comment), nothing else. */
    static String expandPatterns(String s, JobValues v) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int p = 0;
        int q = 0; // start of the text not yet copied
        while (p < n) {
            if (s.charAt(p) != '%') {
                p++;
                continue;
            }
            if (p + 1 < n && s.charAt(p + 1) == '%') {
                out.append(s, q, p + 1);
                p += 2;
                q = p;
                continue;
            }
            int pct = p;
            int e = p + 1; // past the width's digits
            long w = 0;
            while (e < n && isDigit(s.charAt(e))) {
                w = Math.min(w * 10 + (s.charAt(e) - '0'), Integer.MAX_VALUE);
                e++;
            }
            boolean digits = e > pct + 1;
            if (e >= n || SPECIFIERS.indexOf(s.charAt(e)) < 0) {
                // not a pattern: slurmstepd drops the "%" and keeps the width's last digit
                // ("%5q" -> "5q", a trailing "%3" -> "3"); a "%" without digits stays
                if (digits) {
                    out.append(s, q, pct);
                    q = e - 1;
                }
                if (e >= n) {
                    break;
                }
                p = e; // the character after it is looked at again (it may start a pattern)
                continue;
            }
            String value = value(s.charAt(e), (int) Math.min(w, MAX_WIDTH), v);
            if (value != null) {
                out.append(s, q, pct).append(value);
                q = e + 1;
            }
            // a value not known: the pattern stays as written, its width included
            p = e + 1;
        }
        if (q < n) {
            out.append(s, q, n);
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of {@code %c}, padded to {@code width} when it is a number; {@code null} when the job's value is not known. */
    private static String value(char c, int width, JobValues v) {
        if (NUMERIC.indexOf(c) >= 0) {
            return pad(number(c, v), width);
        }
        switch (c) {
            case 's':
                return "batch";
            case 'N':
                return v.node();
            case 'u':
                return v.user();
            case 'x':
                return v.jobName();
            default:
                throw new IllegalArgumentException("not a pattern letter: " + c);
        }
    }

    private static long number(char c, JobValues v) {
        switch (c) {
            case 'a':
                return v.arrayTaskId() != null ? v.arrayTaskId() : NO_VAL;
            case 'A':
                return v.arrayTaskId() != null && v.arrayJobId() != null ? v.arrayJobId() : v.jobId();
            case 'j':
            case 'J':
                return v.jobId();
            case 'n':
            case 't':
                return 0;
            default:
                throw new IllegalArgumentException("not a numeric pattern letter: " + c);
        }
    }

    private static String pad(long value, int width) {
        return width <= 0 ? Long.toString(value) : String.format(Locale.ROOT, "%0" + width + "d", value);
    }
}
