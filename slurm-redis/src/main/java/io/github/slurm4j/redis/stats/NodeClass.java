package io.github.slurm4j.redis.stats;

import io.github.slurm4j.model.node.NodeState;
import io.github.slurm4j.model.node.NodeState.Base;
import io.github.slurm4j.model.node.NodeState.Flag;

/**
 * The one class of a node on the dashboard: every node is in exactly one. A base state gives the
 * class ({@link #ofBase}); a flag either leaves it ({@link FlagEffect#NONE}) or makes the node an
 * error ({@link FlagEffect#ERROR}); {@link #of} combines them. Both switches are exhaustive, so
 * a state or flag added to {@code NodeState} does not compile until it is classified here.
 */
public enum NodeClass {
    /** ALLOCATED, MIXED, or COMPLETING, with no error flag. */
    RUNNING,
    /** IDLE (powered down or powering up included: it can take work), with no error flag. */
    AVAILABLE,
    /** DOWN, any DRAIN (POWER_DRAIN too), FAIL, INVAL/INVALID_REG, NOT_RESPONDING, UNKNOWN, REBOOT_ISSUED, MAINT, … */
    ERROR;

    /** What a flag does to the class of its base state. */
    public enum FlagEffect {
        /** The class of the base state stands. */
        NONE,
        /** The node is an error, whatever its base. */
        ERROR,
        /** The node runs something (COMPLETING on an IDLE node): running unless an error flag is set. */
        RUNNING
    }

    /**
     * Classifies a base state alone.
     *
     * @param base the base state, as {@code scontrol show node} prints it before any {@code +} flag
     * @return {@link #RUNNING} for ALLOCATED and MIXED, {@link #AVAILABLE} for IDLE, {@link #ERROR}
     *     for any other
     */
    public static NodeClass ofBase(Base base) {
        return switch (base) {
            case ALLOCATED, MIXED -> RUNNING;
            case IDLE -> AVAILABLE;
            // FUTURE: configured but not yet in service; OTHER: a state this version does not know
            case DOWN, ERROR, FUTURE, UNKNOWN, OTHER -> ERROR;
        };
    }

    /**
     * Classifies a state flag.
     *
     * @param flag the flag, one of the {@code +}-joined suffixes of the node's state
     * @return {@link FlagEffect#ERROR} for DRAIN, POWER_DRAIN, NOT_RESPONDING, NO_RESPOND, FAIL, INVAL,
     *     INVALID_REG, MAINT, REBOOT_ISSUED and unknown flags; {@link FlagEffect#RUNNING} for
     *     COMPLETING; {@link FlagEffect#NONE} otherwise (EXTERNAL and REBOOT_CANCEL included)
     */
    public static FlagEffect effectOf(Flag flag) {
        return switch (flag) {
            case DRAIN, NOT_RESPONDING, NO_RESPOND, FAIL, INVAL, MAINT, REBOOT_ISSUED -> FlagEffect.ERROR;
            // registered with less than slurm.conf gives it: slurmctld does not use it (sinfo's INVAL)
            case INVALID_REG -> FlagEffect.ERROR;
            // power down ASAP: slurmctld drains the node, it takes no new work
            case POWER_DRAIN -> FlagEffect.ERROR;
            // a flag this version does not know: the dashboard cannot vouch for the node
            case OTHER -> FlagEffect.ERROR;
            case COMPLETING -> FlagEffect.RUNNING;
            // power saving (the node is resumed when work comes), planned/blocked by the scheduler,
            // reservations other than maintenance, cloud, dynamic and external nodes (a kind of node,
            // not a fault: an external one has no slurmd and runs external jobs; its base state says
            // whether it works), pending admin actions (a reboot request or its cancellation)
            case RESERVED, CLOUD, PLANNED, BLOCKED, POWERED_DOWN, POWERING_DOWN, POWER_DOWN, POWERING_UP, POWER_UP,
                    REBOOT_REQUESTED, REBOOT_CANCEL, DYNAMIC_NORM, DYNAMIC_FUTURE, EXTERNAL, PERFCTRS, RESUME,
                    UNDRAIN -> FlagEffect.NONE;
        };
    }

    /**
     * Classifies a node: an error flag makes it {@link #ERROR}; otherwise its base state's class,
     * except that an IDLE node with COMPLETING is {@link #RUNNING}.
     *
     * @param state the node's state, or {@code null} when none was printed
     * @return the node's class; {@link #ERROR} for a {@code null} state
     */
    public static NodeClass of(NodeState state) {
        if (state == null) {
            return ERROR;
        }
        boolean running = false;
        for (Flag f : state.flags()) {
            FlagEffect e = effectOf(f);
            if (e == FlagEffect.ERROR) {
                return ERROR;
            }
            running |= e == FlagEffect.RUNNING;
        }
        NodeClass base = ofBase(state.base());
        if (base == AVAILABLE && running) {
            return RUNNING;
        }
        return base;
    }
}
