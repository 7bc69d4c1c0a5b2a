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
        /** Waiting for resources or for a reason (dependency, hold, limits). */
        PENDING("PD"),
        /** Has an allocation and runs. */
        RUNNING("R"),
        /** Has an allocation, but runs no longer: suspended, its CPUs given to other jobs. */
        SUSPENDED("S"),
        /** Ended: every process on every node exited with code zero. */
        COMPLETED("CD"),
        /** Cancelled by its user or an administrator, before or after it started. */
        CANCELLED("CA"),
        /** Ended with a non-zero exit code or another failure. */
        FAILED("F"),
        /** Ended by reaching its time limit. */
        TIMEOUT("TO"),
        /** Ended because one of its nodes failed. */
        NODE_FAIL("NF"),
        /** Ended by preemption. */
        PREEMPTED("PR"),
        /** Ended because it could not be launched, typically a node that did not boot. */
        BOOT_FAIL("BF"),
        /** Ended by reaching its deadline ({@code --deadline}). */
        DEADLINE("DL"),
        /** Ended by running out of memory. */
        OUT_OF_MEMORY("OOM"),
        /** Ending: some processes on some nodes may still be active (a flag with newer versions). */
        COMPLETING("CG"),
        /** Has an allocation whose nodes are not ready yet (booting). */
        CONFIGURING("CF"),
        /** About to change size. */
        RESIZING("RS"),
        /** A completing job being requeued. */
        REQUEUED("RQ"),
        /** Being requeued by a federation. */
        REQUEUE_FED("RF"),
        /** A held job being requeued. */
        REQUEUE_HOLD("RH"),
        /** Requeued in a special held state, typically by an epilog for a particular exit value. */
        SPECIAL_EXIT("SE"),
        /** Has an allocation, but its processes were stopped with SIGSTOP; it keeps its CPUs. */
        STOPPED("ST"),
        /** Being signalled. */
        SIGNALING("SI"),
        /** Staging out files (burst buffer). */
        STAGE_OUT("SO"),
        /** A federation sibling removed because another cluster started the job. */
        REVOKED("RV"),
        /** Held because the reservation it asked for was deleted. */
        RESV_DEL_HOLD("RD"),
        /** A flag: the launch failed and the job is being requeued. */
        LAUNCH_FAILED(null),
        /** A flag: the job's start is sent to the accounting database again. */
        UPDATE_DB(null),
        /** A flag: the job was given powered-down nodes and waits for them to boot. */
        POWER_UP_NODE(null),
        /** A flag: configuring a node for the job failed; the job is requeued. */
        RECONFIG_FAIL(null),
        /** A name this version of slurm4j does not know; see {@link JobState#raw()}. */
        UNKNOWN(null);

        private final String code;

        Name(String code) {
            this.code = code;
        }

        /** {@return squeue's compact code ({@code %t}, {@code PD} for PENDING), or {@code null} for a name squeue has no code for} */
        public String code() {
            return code;
        }

        /** {@return whether the job has ended for good: no further state change except a requeue} */
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

        /** {@return whether the job is in the queue (pending, running, suspended, or on its way in or out); false for {@link #UNKNOWN}} */
        public boolean isActive() {
            return !isFinished() && this != UNKNOWN;
        }

        /**
         * Finds a state by its full name, case-insensitively ({@code running}, {@code CANCELLED}).
         *
         * @param text the name; may be null
         * @return the state, or {@link #UNKNOWN} for null, a compact code or any other text
         */
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

        /**
         * Finds a state by squeue's compact code, case-insensitively.
         *
         * @param code a code such as {@code PD}, {@code R}, {@code CG}; may be null
         * @return the state, or {@link #UNKNOWN} for null or any other text
         */
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

    /**
     * Checks the state and text and copies the flags; {@link #parse} and {@link #of} are the usual ways to get one.
     *
     * @param state the printed state; a flag such as {@code COMPLETING} when Slurm printed that
     * @param flags further state names printed with it (JSON arrays), never containing {@code state}; {@code null}
     *     is taken as none; copied
     * @param cancelledBy the uid in {@code CANCELLED by N}, or {@code null}
     * @param raw the text as printed
     * @throws NullPointerException if {@code state} or {@code raw} is {@code null}
     */
    public JobState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raw, "raw");
        flags = flags == null || flags.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /**
     * A state without flags, as if Slurm had printed its name.
     *
     * @param state the state; not null
     * @return the state with {@link #raw()} its name ({@code RUNNING})
     */
    public static JobState of(Name state) {
        return new JobState(state, null, null, state.name());
    }

    /**
     * Parses a printed state: {@code RUNNING}, {@code CANCELLED by 0}, a compact code ({@code PD}),
     * or flag names joined by {@code +} or {@code ,}. An unknown name gives {@link Name#UNKNOWN}
     * with the text kept in {@link #raw()}; this never throws for non-empty text.
     *
     * @param text the state as squeue, scontrol, sacct or JSON printed it
     * @return the state; {@link #raw()} is the trimmed text
     * @throws IllegalArgumentException for null or empty text
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

    /**
     * Whether the job is in this state, as its base state or as one of its flags.
     *
     * @param name the state to test for
     * @return true when {@link #state()} is {@code name} or {@link #flags()} holds it
     */
    public boolean is(Name name) {
        return state == name || flags.contains(name);
    }

    /** {@return whether the base state has ended for good ({@link Name#isFinished()})} */
    public boolean isFinished() {
        return state.isFinished();
    }

    /** {@return whether the base state is in the queue ({@link Name#isActive()}); false for an unknown state} */
    public boolean isActive() {
        return state.isActive();
    }

    /** The printed text. */
    @Override
    public String toString() {
        return raw;
    }
}
