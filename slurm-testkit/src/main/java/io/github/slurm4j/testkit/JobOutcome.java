package io.github.slurm4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job submitted to {@link FakeSlurm} ends once it runs: after how long, and with what
 * result. Without a rule of its own a job follows its script: the seconds of its {@code sleep N}
 * lines are its run time and an {@code exit N} line its exit code (see {@link FakeSlurm}).
 *
 * <pre>{@code
 * FakeSlurm slurm = FakeSlurm.builder()
 *         .outcome(job -> job.name().startsWith("train"), JobOutcome.completes(Duration.ofMinutes(30)))
 *         .outcome(job -> job.name().equals("leaky"), JobOutcome.outOfMemory(Duration.ofSeconds(20)))
 *         .build();
 * }</pre>
 *
 * @param runTime how long the job runs before it ends by itself (a time limit may end it sooner)
 * @param kind    how it ends
 * @param exitCode the exit code of its batch script ({@link Kind#EXITS})
 */
public record JobOutcome(Duration runTime, Kind kind, int exitCode) {

    /** How a job ends when its run time is over. */
    public enum Kind {
        /** The script exits with {@link #exitCode()}: COMPLETED for 0, FAILED otherwise. */
        EXITS,
        /** The job exceeds its memory and is killed: OUT_OF_MEMORY, exit code 0:125. */
        OUT_OF_MEMORY,
        /** The job runs until its time limit: TIMEOUT (the run time is ignored). */
        RUNS_FOREVER
    }

    /**
     * Checks the parts; the factories are the usual way to get one.
     *
     * @param runTime how long the job runs before it ends by itself (a time limit may end it sooner)
     * @param kind    how it ends
     * @param exitCode the exit code of its batch script ({@link Kind#EXITS})
     * @throws NullPointerException if {@code runTime} or {@code kind} is {@code null}
     * @throws IllegalArgumentException for a negative run time or an exit code outside 0..255
     */
    public JobOutcome {
        Objects.requireNonNull(runTime, "runTime");
        Objects.requireNonNull(kind, "kind");
        if (runTime.isNegative()) {
            throw new IllegalArgumentException("negative run time: " + runTime);
        }
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code out of 0..255: " + exitCode);
        }
    }

    /**
     * Runs for {@code runTime}, then exits 0: COMPLETED.
     *
     * @param runTime how long it runs; not negative
     * @return the outcome
     */
    public static JobOutcome completes(Duration runTime) {
        return new JobOutcome(runTime, Kind.EXITS, 0);
    }

    /**
     * Runs for {@code runTime}, then exits with {@code exitCode} (1..255): FAILED.
     *
     * @param runTime how long it runs; not negative
     * @param exitCode the script's exit code, 1..255
     * @return the outcome
     * @throws IllegalArgumentException for exit code 0 or one outside 1..255
     */
    public static JobOutcome fails(Duration runTime, int exitCode) {
        if (exitCode == 0) {
            throw new IllegalArgumentException("a failing job exits non-zero");
        }
        return new JobOutcome(runTime, Kind.EXITS, exitCode);
    }

    /** {@return an outcome that runs until its time limit: TIMEOUT (a job without a limit runs until cancelled)} */
    public static JobOutcome runsForever() {
        return new JobOutcome(Duration.ZERO, Kind.RUNS_FOREVER, 0);
    }

    /**
     * Runs for {@code runTime}, then is killed for its memory: OUT_OF_MEMORY.
     *
     * @param runTime how long it runs before the kill; not negative
     * @return the outcome
     */
    public static JobOutcome outOfMemory(Duration runTime) {
        return new JobOutcome(runTime, Kind.OUT_OF_MEMORY, 0);
    }
}
