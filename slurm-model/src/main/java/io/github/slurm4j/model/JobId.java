package io.github.slurm4j.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A job reference as Slurm prints it: {@code 14}, an array element {@code 17_1}, a pending array
 * remainder {@code 17_[3-6%2]}, a heterogeneous component {@code 21+0}, a step {@code 14.batch},
 * {@code 14.0}, {@code 17_1.extern}, {@code 21+1.0}.
 *
 * <p>For arrays {@link #id()} is the array job id (what {@code ArrayJobId} says), not the element's
 * own job id (what {@code JobIDRaw} says).
 *
 * @param id the leading number
 * @param arrayTask the array part after {@code _} ({@code 1} or {@code [3-6%2]}), or {@code null}
 * @param hetOffset the het-job component after {@code +}, or {@code null}
 * @param step the step after {@code .} ({@code batch}, {@code extern}, {@code 0}), or {@code null}
 */
public record JobId(long id, String arrayTask, Integer hetOffset, String step) {
    /**
     * Checks the leading number; the parts are taken as given, {@link #parse} checks their form.
     *
     * @param id the leading number
     * @param arrayTask the array part after {@code _} ({@code 1} or {@code [3-6%2]}), or {@code null}
     * @param hetOffset the het-job component after {@code +}, or {@code null}
     * @param step the step after {@code .} ({@code batch}, {@code extern}, {@code 0}), or {@code null}
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public JobId {
        if (id < 0) {
            throw new IllegalArgumentException("negative job id: " + id);
        }
    }

    /**
     * A plain job id, without array, het or step part.
     *
     * @param id the job id; not negative
     * @return the reference, printed as the bare number
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public static JobId of(long id) {
        return new JobId(id, null, null, null);
    }

    /**
     * Parses a job reference.
     *
     * @param text a reference in one of the forms above, surrounding spaces ignored
     * @return the reference
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException for anything else (no leading number, more than 18 digits,
     *     an empty or unclosed part, trailing text)
     */
    public static JobId parse(String text) {
        String s = Objects.requireNonNull(text, "text").trim();
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > 18) {
            throw new IllegalArgumentException("not a job id: '" + text + "'");
        }
        long id = Long.parseLong(s.substring(0, i));
        String array = null;
        Integer het = null;
        String step = null;
        String rest = s.substring(i);
        if (rest.startsWith("_")) {
            int end;
            if (rest.startsWith("_[")) {
                end = rest.indexOf(']');
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed array range in job id: '" + text + "'");
                }
                end++;
            } else {
                end = 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '+') {
                    end++;
                }
            }
            array = rest.substring(1, end);
            if (array.isEmpty()) {
                throw new IllegalArgumentException("empty array task in job id: '" + text + "'");
            }
            rest = rest.substring(end);
        }
        if (rest.startsWith("+")) {
            int end = 1;
            while (end < rest.length() && rest.charAt(end) >= '0' && rest.charAt(end) <= '9') {
                end++;
            }
            if (end == 1) {
                throw new IllegalArgumentException("empty het-job offset in job id: '" + text + "'");
            }
            het = Integer.parseInt(rest.substring(1, end));
            rest = rest.substring(end);
        }
        if (rest.startsWith(".")) {
            step = rest.substring(1);
            if (step.isEmpty()) {
                throw new IllegalArgumentException("empty step in job id: '" + text + "'");
            }
            rest = "";
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("not a job id: '" + text + "'");
        }
        return new JobId(id, array, het, step);
    }

    /** {@return whether there is an array part: an element {@code 17_1} or a remainder {@code 17_[3-6%2]}} */
    public boolean isArray() {
        return arrayTask != null;
    }

    /** {@return whether this is an array remainder such as {@code 17_[3-6%2]}: several pending tasks in one record} */
    public boolean isArrayRange() {
        return arrayTask != null && arrayTask.startsWith("[");
    }

    /** {@return whether there is a het-job offset ({@code 21+0}, {@code 21+1})} */
    public boolean isHetComponent() {
        return hetOffset != null;
    }

    /** {@return whether this names a step ({@code 14.batch}, {@code 14.0})} */
    public boolean isStep() {
        return step != null;
    }

    /** {@return the step part ({@code batch}, {@code extern}, {@code 0}); empty for a job} */
    public Optional<String> stepName() {
        return Optional.ofNullable(step);
    }

    /**
     * The job's own id (Slurm's {@code JobId}, sacct's {@code JobIDRaw}) when this text tells it:
     * a plain job ({@code 14}, also of a step {@code 14.batch}), a pending array remainder
     * ({@code 17_[3-6%2]} is the record of job 17 itself), a het-job leader ({@code 21+0}: the het
     * job's id is its leader's). For an array element ({@code 17_3}) or another het component
     * ({@code 21+1}) the text does not tell it: {@code null}.
     *
     * @return the job's own id, or {@code null} when the text does not tell it
     */
    public Long ownJobId() {
        boolean ownArray = arrayTask == null || isArrayRange();
        boolean ownHet = hetOffset == null || hetOffset == 0;
        return ownArray && ownHet ? id : null;
    }

    /** {@return the same reference without its step part ({@code 17_1} for {@code 17_1.batch}); this one when it has none} */
    public JobId job() {
        return step == null ? this : new JobId(id, arrayTask, hetOffset, null);
    }

    /**
     * Whether an output row belongs to the job this id names — the one rule every listing uses
     * to pick the rows of the ids it asked for ({@code squeue}, {@code sacct}, {@code seff}, the watcher).
     * A row belongs when Slurm printed this very id for it, or when this is a plain job id
     * ({@code 42}: no array task, het offset or step) and the row's own job id is that number: an
     * array element or a het-job component asked for by the number Slurm gave it
     * ({@code squeue %A}/{@code JobID=}, {@code sacct JobIDRaw}).
     *
     * @param printed the id the row shows ({@code 17_3}, {@code 21+1}, {@code 42}); may be {@code null}
     * @param ownJobId the row's own job id, or {@code null} when the command did not print it
     * @return whether the row is this job's
     */
    public boolean matchesRow(JobId printed, Long ownJobId) {
        if (equals(printed)) {
            return true;
        }
        return arrayTask == null && hetOffset == null && step == null && ownJobId != null && ownJobId == id;
    }

    /**
     * Tells whether this is a plain job id ({@code 17}: no array task, het offset or step) that
     * names the array a row belongs to: an element {@code 17_3} or a pending remainder
     * {@code 17_[4-6]} of array 17, as {@code scancel 17} and {@code squeue -j 17} take it. The
     * watcher's rule for "every element of the array I asked for"; {@link #matchesRow} is the rule
     * for "this very job".
     *
     * @param printed the id the row shows; may be {@code null}
     * @return whether {@code printed} is an element or remainder of the array this id names
     */
    public boolean namesArrayOf(JobId printed) {
        return arrayTask == null && hetOffset == null && step == null
                && printed != null && printed.isArray() && printed.id == id;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(id);
        if (arrayTask != null) {
            sb.append('_').append(arrayTask);
        }
        if (hetOffset != null) {
            sb.append('+').append(hetOffset);
        }
        if (step != null) {
            sb.append('.').append(step);
        }
        return sb.toString();
    }
}
