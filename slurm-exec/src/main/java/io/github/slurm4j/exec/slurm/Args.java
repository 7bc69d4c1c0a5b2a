package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.model.JobId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks of values that go into Slurm argument lists. Package-private. */
final class Args {
    private Args() {
    }

    /**
     * Refuses a value holding a control character (carriage return, tab, U+001F, ...). Such a
     * character would break the record boundaries of Slurm's line-oriented outputs in a way the
     * parsers cannot undo (U+001F is the listings' delimiter). A newline is refused here too; see
     * {@link #freeText} for the values where slurm4j reads it back.
     */
    static String text(String what, String value) {
        return checked(what, value, false);
    }

    /**
     * Like {@link #text}, but a newline is allowed: for a job name, comment and working
     * directory, which Slurm 22.05 accepts with newlines and prints raw, and which the parsers
     * read back verbatim (a line that cannot start a record continues the value; squeue and
     * sacct rows are delimited by U+001F and continue until complete).
     */
    static String freeText(String what, String value) {
        return checked(what, value, true);
    }

    private static String checked(String what, String value, boolean newlineAllowed) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(newlineAllowed && c == '\n')) {
                throw new IllegalArgumentException(what + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at index " + i
                        + ": Slurm's line-oriented outputs (squeue, sacct -P, scontrol -o) could not show this job"
                        + " correctly, so slurm4j refuses it: " + io.github.slurm4j.exec.ExecRequest.display(List.of(value)));
            }
        }
        return value;
    }

    /** Like {@link #text} and not empty. */
    static String word(String what, String value) {
        text(what, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    /** Like {@link #freeText} and not empty. */
    static String freeWord(String what, String value) {
        freeText(what, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    /** Job ids as Slurm's {@code -j} lists them. */
    static List<String> ids(Collection<JobId> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (JobId id : ids) {
            out.add(id.toString());
        }
        return out;
    }

    /**
     * Splits {@code items} into comma-joined chunks of at most {@code maxChars} characters each
     * (Linux limits one argument to 128 KiB; SSH servers and shells can be stricter).
     */
    static List<String> chunks(List<String> items, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (sb.length() > 0 && sb.length() + 1 + item.length() > maxChars) {
                out.add(sb.toString());
                sb.setLength(0);
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(item);
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }
}
