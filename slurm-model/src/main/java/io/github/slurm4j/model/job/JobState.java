package io.github.slurm4j.model.job;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A job's state as Slurm prints it: a base state ({@code RUNNING}), the flags newer Slurm versions
 * list next to it in JSON ({@code ["PENDING","REQUEUED"]}), and sacct's {@code CANCELLED by 1001}.
 *
 * @param state the printed state; a flag such as {@code COMPLETING} when Slurm printed that
 * @param flags further state names printed with it (JSON arrays), never containing {@code state}
 * @param cancelledBy the uid in {@code CANCELLED by N}, or {@code null}
 * @param raw the text as printed
 */
public record JobState(Name state, Set<Name> flags, Long cancelledBy, String raw) {

    /** Every job state and state flag name Slurm prints, with squeue's compact code. */
    public enum Name {
        PENDING("PD"),
        RUNNING("R"),
        SUSPENDED("S"),
        COMPLETED("CD"),
        CANCELLED("CA"),
        FAILED("F"),
        TIMEOUT("TO"),
        NODE_FAIL("NF"),
        PREEMPTED("PR"),
        BOOT_FAIL("BF"),
        DEADLINE("DL"),
        OUT_OF_MEMORY("OOM"),
        COMPLETING("CG"),
        CONFIGURING("CF"),
        RESIZING("RS"),
        REQUEUED("RQ"),
        REQUEUE_FED("RF"),
        REQUEUE_HOLD("RH"),
        SPECIAL_EXIT("SE"),
        STOPPED("ST"),
        SIGNALING("SI"),
        STAGE_OUT("SO"),
        REVOKED("RV"),
        RESV_DEL_HOLD("RD"),
        LAUNCH_FAILED(null),
        UPDATE_DB(null),
        POWER_UP_NODE(null),
        RECONFIG_FAIL(null),
        /** A name this version of slurm4j does not know; see {@link JobState#raw()}. */
        UNKNOWN(null);

        private final String code;

        Name(String code) {
            this.code = code;
        }

        /** squeue's compact code ({@code %t}), or {@code null}. */
        public String code() {
            return code;
        }

        /** The job has ended for good: no further state change except a requeue. */
        public boolean isFinished() {
            switch (this) {
                case COMPLETED:
                case CANCELLED:
                case FAILED:
                case TIMEOUT:
                case NODE_FAIL:
                case PREEMPTED:
                case BOOT_FAIL:
                case DEADLINE:
                case OUT_OF_MEMORY:
                case REVOKED:
                case SPECIAL_EXIT:
                    return true;
                default:
                    return false;
            }
        }

        /** The job is in the queue (pending, running, suspended, or on its way in or out). */
        public boolean isActive() {
            return !isFinished() && this != UNKNOWN;
        }

        /** A state name, case-insensitively; {@link #UNKNOWN} for anything else. */
        public static Name of(String text) {
            if (text == null) {
                return UNKNOWN;
            }
            String s = text.trim().toUpperCase(Locale.ROOT);
            for (Name n : values()) {
                if (n.name().equals(s) && n != UNKNOWN) {
                    return n;
                }
            }
            return UNKNOWN;
        }

        /** A compact code ({@code PD}, {@code R}, {@code CG}); {@link #UNKNOWN} for anything else. */
        public static Name ofCode(String code) {
            if (code == null) {
                return UNKNOWN;
            }
            String s = code.trim().toUpperCase(Locale.ROOT);
            for (Name n : values()) {
                if (s.equals(n.code)) {
                    return n;
                }
            }
            return UNKNOWN;
        }
    }

    public JobState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raw, "raw");
        flags = flags == null || flags.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    public static JobState of(Name state) {
        return new JobState(state, null, null, state.name());
    }

    /**
     * Parses a printed state: {@code RUNNING}, {@code CANCELLED by 0}, a compact code ({@code PD}),
     * or flag names joined by {@code +} or {@code ,}. An unknown name gives {@link Name#UNKNOWN}
     * with the text kept in {@link #raw()}; this never throws for non-empty text.
     *
     * @throws IllegalArgumentException for empty text
     */
    public static JobState parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty job state");
        }
        Long by = null;
        String names = s;
        int byAt = s.indexOf(" by ");
        if (byAt > 0) {
            String who = s.substring(byAt + 4).trim();
            names = s.substring(0, byAt);
            try {
                by = Long.parseLong(who);
            } catch (NumberFormatException e) {
                by = null;
            }
        }
        String[] parts = names.split("[+,]");
        Name first = Name.of(parts[0]);
        if (first == Name.UNKNOWN && parts.length == 1) {
            first = Name.ofCode(parts[0]);
        }
        EnumSet<Name> flags = EnumSet.noneOf(Name.class);
        for (int i = 1; i < parts.length; i++) {
            Name f = Name.of(parts[i]);
            if (f != first) {
                flags.add(f);
            }
        }
        return new JobState(first, flags, by, s);
    }

    public boolean is(Name name) {
        return state == name || flags.contains(name);
    }

    public boolean isFinished() {
        return state.isFinished();
    }

    public boolean isActive() {
        return state.isActive();
    }

    /** The printed text. */
    @Override
    public String toString() {
        return raw;
    }
}
