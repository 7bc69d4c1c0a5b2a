package io.github.slurm4j.model.node;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A node's state in any of the forms Slurm prints: scontrol's {@code MIXED+DRAIN},
 * {@code DOWN+NOT_RESPONDING}, sinfo's long {@code drained*} and short {@code drain*},
 * {@code mix}, {@code unk*}, {@code idle~}, {@code down$}.
 *
 * <p>sinfo's suffix characters are mapped to flags: {@code *} NOT_RESPONDING, {@code ~}
 * POWERED_DOWN, {@code #} POWERING_UP, {@code !} POWER_DOWN (pending), {@code %} POWERING_DOWN,
 * {@code $} MAINT, {@code @} REBOOT_REQUESTED, {@code ^} REBOOT_ISSUED, {@code -} PLANNED,
 * {@code +} COMPLETING ({@code ALLOCATED+}, {@code alloc+}).
 *
 * <p>The names are those Slurm 22.05 to 26.05 print (checked against the source of 22.05.11,
 * 23.02.8, 23.11.11, 24.05.8, 24.11.7, 25.05.8, 25.11.7 and 26.05.3): the base and flag names of
 * {@code scontrol show node} ({@code node_state_string_complete}), sinfo's long ({@code %T},
 * {@code node_state_string}) and compact ({@code %t}, {@code node_state_string_compact}) names,
 * and the {@code state} arrays of the JSON output ({@code data_parser} v0.0.39 to v0.0.45).
 *
 * @param base the base state; {@link Base#OTHER} for one this version does not know
 * @param flags the flags, from {@code +FLAG} parts, sinfo's suffixes and compact names
 *     ({@code drng} is ALLOCATED with DRAIN); unmodifiable, empty when none
 * @param raw the text as printed, trimmed
 */
public record NodeState(Base base, Set<Flag> flags, String raw) {

    /** Base node states. */
    public enum Base {
        /** No job on it; available ({@code idle}). */
        IDLE,
        /** All its CPUs are allocated ({@code alloc}). */
        ALLOCATED,
        /** Some CPUs are allocated, others idle ({@code mix}). */
        MIXED,
        /** Unavailable: failed or set down by an administrator ({@code down}). */
        DOWN,
        /** In an error state; slurmctld's log says why ({@code err}). */
        ERROR,
        /** Configured for future use, not yet in service ({@code futr}). */
        FUTURE,
        /** Not yet known, as right after slurmctld started ({@code unk}). */
        UNKNOWN,
        /**
         * A base state this version of slurm4j does not know; see {@link NodeState#raw()}. Also
         * Slurm's own {@code INVALID} (JSON, {@code node_state_base_string}) and {@code ?}, which
         * it prints for a state it cannot name.
         */
        OTHER
    }

    /** Node state flags (scontrol's {@code +FLAG} parts and sinfo's suffixes and compact names). */
    public enum Flag {
        /** Drained or draining: takes no new jobs; running jobs finish ({@code drain}, {@code drng}). */
        DRAIN,
        /** slurmctld cannot reach the node's slurmd (sinfo's {@code *} suffix). */
        NOT_RESPONDING,
        /** Jobs on it are ending ({@code comp}). */
        COMPLETING,
        /** In a maintenance reservation ({@code maint}, the {@code $} suffix). */
        MAINT,
        /** In an advance reservation ({@code resv}). */
        RESERVED,
        /** A cloud node ({@code CLOUD}; sinfo prints {@code cloud} for a state that is this flag alone). */
        CLOUD,
        /** Expected to fail: takes no new jobs ({@code fail}, {@code failg}). */
        FAIL,
        /** The backfill scheduler plans a job on it ({@code plnd}, the {@code -} suffix). */
        PLANNED,
        /**
         * sinfo's name ({@code inval}) for {@link #INVALID_REG}; {@link #parse} sets both for it.
         */
        INVAL,
        /**
         * Blocked by a job with exclusive topology: takes no other job for now ({@code BLOCKED},
         * sinfo's {@code blocked}/{@code block}; 24.05 on; in JSON from v0.0.44, 25.11).
         */
        BLOCKED,
        /** Powered off by power saving; resumed when work comes (the {@code ~} suffix). */
        POWERED_DOWN,
        /** Being powered off (the {@code %} suffix). */
        POWERING_DOWN,
        /** To be powered off (the {@code !} suffix; sinfo's long {@code power_down} for this flag alone). */
        POWER_DOWN,
        /** Being powered on or booting (the {@code #} suffix). */
        POWERING_UP,
        /** To be powered on (sinfo's long {@code power_up} for this flag alone). */
        POWER_UP,
        /**
         * A reboot was requested (the {@code @} suffix; sinfo's {@code reboot}/{@code boot} on a node
         * that is not allocated or mixed, which hides its other flags).
         */
        REBOOT_REQUESTED,
        /** A reboot was issued (the {@code ^} suffix). */
        REBOOT_ISSUED,
        /** A dynamic node that registered itself ({@code slurmd -Z}; sinfo's long name alone from 25.11). */
        DYNAMIC_NORM,
        /** A dynamic future node. */
        DYNAMIC_FUTURE,
        /** The name {@code NO_RESPOND} some outputs give a node that does not respond; see {@link #NOT_RESPONDING}. */
        NO_RESPOND,
        /**
         * An idle node collecting network performance counters (Cray; {@code PERFCTRS}, sinfo's
         * {@code perfctrs}/{@code npc}); printed by 22.05 to 23.11 only.
         */
        PERFCTRS,
        /** To be resumed (an administrator's {@code State=RESUME}; sinfo's {@code resume}/{@code resm}). */
        RESUME,
        /**
         * To be undrained (an administrator's {@code State=UNDRAIN}, or after a reboot ASAP; JSON
         * {@code UNDRAIN}; sinfo's long {@code undrain} from 24.05.3).
         */
        UNDRAIN,
        /**
         * Registered with fewer resources than slurm.conf gives it (or another invalid registration):
         * slurmctld will not use it until slurmd registers again ({@code +INVALID_REG} and JSON
         * {@code INVALID_REG} from 22.05; sinfo prints {@code inval}).
         */
        INVALID_REG,
        /**
         * An external node: runs no slurmd and takes only external jobs; slurmctld does not ping it
         * ({@code +EXTERNAL} and sinfo's {@code external}/{@code ext} from 25.05; JSON from v0.0.44, 25.11).
         */
        EXTERNAL,
        /**
         * A pending reboot is being cancelled ({@code scontrol cancel_reboot}; JSON
         * {@code REBOOT_CANCELED}, sinfo's {@code cancel_reboot}/{@code canc_r}).
         */
        REBOOT_CANCEL,
        /**
         * Power down as soon as the jobs end: slurmctld drains the node first (JSON
         * {@code POWER_DRAIN}, and {@code POWER_DOWN_ASAP} = POWER_DOWN with POWER_DRAIN in v0.0.45, 26.05).
         */
        POWER_DRAIN,
        /** A flag this version of slurm4j does not know; see {@link NodeState#raw()}. */
        OTHER
    }

    /**
     * Checks the base state and text and copies the flags; {@link #parse} is the usual way to get one.
     *
     * @param base the base state; {@link Base#OTHER} for one this version does not know
     * @param flags the flags; {@code null} is taken as none; copied
     * @param raw the text as printed
     * @throws NullPointerException if {@code base} or {@code raw} is {@code null}
     */
    public NodeState {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(raw, "raw");
        flags = flags == null || flags.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /**
     * Parses any printed node state. Unknown names give {@link Base#OTHER} / {@link Flag#OTHER}
     * with the text kept; this never throws for non-empty text.
     *
     * @param text the state as scontrol, sinfo (long or short form, with suffixes) or JSON printed it
     * @return the state; {@link #raw()} is the trimmed text
     * @throws IllegalArgumentException for null or empty text
     */
    public static NodeState parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty node state");
        }
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        String body = s;
        while (!body.isEmpty()) {
            Flag suffix = suffixFlag(body.charAt(body.length() - 1));
            if (suffix == null) {
                break;
            }
            flags.add(suffix);
            body = body.substring(0, body.length() - 1);
        }
        String[] parts = body.split("\\+");
        Base base = Base.OTHER;
        String first = parts[0].toLowerCase(Locale.ROOT);
        switch (first) {
            case "idle":
                base = Base.IDLE;
                break;
            case "alloc":
            case "allocated":
                base = Base.ALLOCATED;
                break;
            case "mix":
            case "mixed":
                base = Base.MIXED;
                break;
            case "down":
                base = Base.DOWN;
                break;
            case "err":
            case "error":
                base = Base.ERROR;
                break;
            case "futr":
            case "future":
                base = Base.FUTURE;
                break;
            case "unk":
            case "unknown":
                base = Base.UNKNOWN;
                break;
            // sinfo's compact names for a base state plus a flag
            case "drain":
            case "drained":
                base = Base.IDLE;
                flags.add(Flag.DRAIN);
                break;
            case "drng":
            case "draining":
                base = Base.ALLOCATED;
                flags.add(Flag.DRAIN);
                break;
            case "comp":
            case "completing":
                base = Base.ALLOCATED;
                flags.add(Flag.COMPLETING);
                break;
            case "maint":
                base = Base.IDLE;
                flags.add(Flag.MAINT);
                break;
            case "resv":
            case "reserved":
                base = Base.IDLE;
                flags.add(Flag.RESERVED);
                break;
            case "plnd":
            case "planned":
                base = Base.IDLE;
                flags.add(Flag.PLANNED);
                break;
            case "fail":
                base = Base.DOWN;
                flags.add(Flag.FAIL);
                break;
            case "failg":
            case "failing":
                base = Base.ALLOCATED;
                flags.add(Flag.FAIL);
                break;
            case "inval":
                // INVALID_REG, whatever the base
                base = Base.OTHER;
                flags.add(Flag.INVAL);
                flags.add(Flag.INVALID_REG);
                break;
            case "blocked":
            case "block":
                base = Base.IDLE;
                flags.add(Flag.BLOCKED);
                break;
            case "reboot":
            case "boot":
                // a reboot requested (or issued: the ^ suffix) on a node that is not allocated or mixed
                base = Base.IDLE;
                if (!flags.contains(Flag.REBOOT_ISSUED)) {
                    flags.add(Flag.REBOOT_REQUESTED);
                }
                break;
            case "pow_up":
            case "powering_up":
                base = Base.IDLE;
                flags.add(Flag.POWERING_UP);
                break;
            case "pow_dn":
            case "powered_down":
            case "powered_dn":
                base = Base.IDLE;
                flags.add(Flag.POWERED_DOWN);
                break;
            case "powering_down":
            case "powring_dn":
                base = Base.IDLE;
                flags.add(Flag.POWERING_DOWN);
                break;
            case "power_down":
                base = Base.IDLE;
                flags.add(Flag.POWER_DOWN);
                break;
            case "power_up":
                base = Base.IDLE;
                flags.add(Flag.POWER_UP);
                break;
            case "npc":
            case "perfctrs":
                // printed for an IDLE node only (22.05 to 23.11)
                base = Base.IDLE;
                flags.add(Flag.PERFCTRS);
                break;
            // names sinfo's long form prints for a state that is one flag alone, base UNKNOWN
            case "cloud":
            case "external":
            case "ext":
            case "undrain":
            case "resume":
            case "resm":
            case "cancel_reboot":
            case "canc_r":
            case "dynamic_norm":
            case "dynamic_future":
            case "reboot_issued":
                base = Base.UNKNOWN;
                addFlags(first, flags);
                break;
            case "invalid":
                // Slurm's name for no valid base state (JSON, node_state_base_string)
            default:
                base = Base.OTHER;
        }
        for (int i = 1; i < parts.length; i++) {
            addFlags(parts[i], flags);
        }
        return new NodeState(base, flags, s);
    }

    private static Flag suffixFlag(char c) {
        switch (c) {
            case '*':
                return Flag.NOT_RESPONDING;
            case '~':
                return Flag.POWERED_DOWN;
            case '#':
                return Flag.POWERING_UP;
            case '!':
                return Flag.POWER_DOWN;
            case '%':
                return Flag.POWERING_DOWN;
            case '$':
                return Flag.MAINT;
            case '@':
                return Flag.REBOOT_REQUESTED;
            case '^':
                return Flag.REBOOT_ISSUED;
            case '-':
                return Flag.PLANNED;
            case '+':
                // ALLOCATED+: allocated, and some of its jobs are completing
                return Flag.COMPLETING;
            default:
                return null;
        }
    }

    private static void addFlags(String name, Set<Flag> flags) {
        String n = name.toUpperCase(Locale.ROOT);
        switch (n) {
            case "DRAINED":
            case "DRAINING":
                flags.add(Flag.DRAIN);
                return;
            case "POWERED_OFF":
                flags.add(Flag.POWERED_DOWN);
                return;
            case "MAINTENANCE":
                // scontrol show node prints the long name (UNKNOWN+MAINTENANCE+RESERVED)
                flags.add(Flag.MAINT);
                return;
            case "INVAL":
                flags.add(Flag.INVAL);
                flags.add(Flag.INVALID_REG);
                return;
            case "INVALID_REG":
                flags.add(Flag.INVALID_REG);
                return;
            case "EXT":
                flags.add(Flag.EXTERNAL);
                return;
            case "RESM":
                flags.add(Flag.RESUME);
                return;
            case "REBOOT_CANCELED":
            case "CANCEL_REBOOT":
            case "CANC_R":
                flags.add(Flag.REBOOT_CANCEL);
                return;
            case "POWER_DOWN_ASAP":
                // JSON v0.0.45 (26.05): POWER_DOWN with POWER_DRAIN
                flags.add(Flag.POWER_DOWN);
                flags.add(Flag.POWER_DRAIN);
                return;
            case "POWER_DOWN_FORCE":
                // JSON v0.0.45 (26.05): POWER_DOWN with POWERED_DOWN
                flags.add(Flag.POWER_DOWN);
                flags.add(Flag.POWERED_DOWN);
                return;
            default:
                for (Flag f : Flag.values()) {
                    if (f.name().equals(n) && f != Flag.OTHER) {
                        flags.add(f);
                        return;
                    }
                }
                flags.add(Flag.OTHER);
        }
    }

    /**
     * Whether the state carries a flag, from a {@code +FLAG} part, a suffix or a compact name
     * ({@code drng} carries {@link Flag#DRAIN}).
     *
     * @param flag the flag
     * @return true when {@link #flags()} holds it
     */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** {@return whether the node is drained or draining: it takes no new jobs} */
    public boolean isDrain() {
        return flags.contains(Flag.DRAIN);
    }

    /**
     * {@return whether the node should not be counted as usable capacity: down, not responding,
     * failing, drained or draining, or powered down}
     */
    public boolean isUnavailable() {
        return base == Base.DOWN || flags.contains(Flag.NOT_RESPONDING) || flags.contains(Flag.FAIL)
                || flags.contains(Flag.DRAIN) || flags.contains(Flag.POWERED_DOWN);
    }

    @Override
    public String toString() {
        return raw;
    }
}
