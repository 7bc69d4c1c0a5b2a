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
 * {@code $} MAINT, {@code @} REBOOT_REQUESTED, {@code ^} REBOOT_ISSUED, {@code -} PLANNED.
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
        /** A base state this version of slurm4j does not know; see {@link NodeState#raw()}. */
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
        /** A cloud node. */
        CLOUD,
        /** Expected to fail: takes no new jobs ({@code fail}, {@code failg}). */
        FAIL,
        /** The backfill scheduler plans a job on it ({@code plnd}, the {@code -} suffix). */
        PLANNED,
        /** Registered with a configuration that does not match slurm.conf ({@code inval}). */
        INVAL,
        /** The scheduler keeps new jobs off it for now (newer releases). */
        BLOCKED,
        /** Powered off by power saving; resumed when work comes (the {@code ~} suffix). */
        POWERED_DOWN,
        /** Being powered off (the {@code %} suffix). */
        POWERING_DOWN,
        /** To be powered off (the {@code !} suffix). */
        POWER_DOWN,
        /** Being powered on or booting (the {@code #} suffix). */
        POWERING_UP,
        /** To be powered on. */
        POWER_UP,
        /** A reboot was requested (the {@code @} suffix). */
        REBOOT_REQUESTED,
        /** A reboot was issued (the {@code ^} suffix). */
        REBOOT_ISSUED,
        /** A dynamic node that registered itself ({@code slurmd -Z}). */
        DYNAMIC_NORM,
        /** A dynamic future node. */
        DYNAMIC_FUTURE,
        /** The name {@code NO_RESPOND} some outputs give a node that does not respond; see {@link #NOT_RESPONDING}. */
        NO_RESPOND,
        /** Running network performance counters ({@code npc}). */
        PERFCTRS,
        /** To be resumed (an administrator's {@code State=RESUME}). */
        RESUME,
        /** To be undrained (an administrator's {@code State=UNDRAIN}). */
        UNDRAIN,
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
                base = Base.OTHER;
                flags.add(Flag.INVAL);
                break;
            case "blocked":
                base = Base.IDLE;
                flags.add(Flag.BLOCKED);
                break;
            case "boot":
            case "pow_up":
            case "powering_up":
                base = Base.IDLE;
                flags.add(Flag.POWERING_UP);
                break;
            case "pow_dn":
            case "powered_down":
            case "powering_down":
                base = Base.IDLE;
                flags.add(first.equals("powering_down") ? Flag.POWERING_DOWN : Flag.POWERED_DOWN);
                break;
            case "npc":
                base = Base.ALLOCATED;
                flags.add(Flag.PERFCTRS);
                break;
            default:
                base = Base.OTHER;
        }
        for (int i = 1; i < parts.length; i++) {
            flags.add(flag(parts[i]));
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
            default:
                return null;
        }
    }

    private static Flag flag(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        switch (n) {
            case "DRAINED":
            case "DRAINING":
                return Flag.DRAIN;
            case "POWERED_OFF":
                return Flag.POWERED_DOWN;
            case "MAINTENANCE":
                // scontrol show node prints the long name (UNKNOWN+MAINTENANCE+RESERVED)
                return Flag.MAINT;
            default:
                for (Flag f : Flag.values()) {
                    if (f.name().equals(n) && f != Flag.OTHER) {
                        return f;
                    }
                }
                return Flag.OTHER;
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
