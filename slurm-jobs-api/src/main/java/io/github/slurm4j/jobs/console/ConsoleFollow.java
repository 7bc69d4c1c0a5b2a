package io.github.slurm4j.jobs.console;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@link JobConsole#follow}: its lines go to the consumer on the follow's own thread
 * until the job ends (after a last read) or {@link #close()} is called.
 */
public final class ConsoleFollow implements AutoCloseable {
    private final CompletableFuture<FollowResult> result = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    ConsoleFollow() {
    }

    /**
     * How the follow ended, once it has.
     *
     * @return the follow's result: completes with how it ended; exceptionally with the failure that
     *     ended it (the file could not be read {@link FollowOptions#maxFailures} times in a row, the
     *     consumer threw). Each call gives a copy: completing or cancelling it changes neither the
     *     follow nor {@link #isDone()} ({@link #close()} stops the follow)
     */
    public CompletableFuture<FollowResult> result() {
        return result.copy();
    }

    /** {@return whether it has ended, for whatever reason} */
    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the end, at most {@code max}.
     *
     * @param max the longest wait (millisecond precision)
     * @return how it ended, or {@code null} when it is still running after {@code max}
     * @throws InterruptedException when the waiting thread is interrupted (the follow goes on)
     * @throws java.util.concurrent.CompletionException with the failure that ended it
     */
    public FollowResult await(Duration max) throws InterruptedException {
        try {
            return result.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new java.util.concurrent.CompletionException(e.getCause());
        }
    }

    /**
     * Stops following: no line is delivered after the read under way (if any) ends, and
     * {@link #result()} completes with {@code closedEarly}. Idempotent; does not wait.
     */
    @Override
    public void close() {
        closed.countDown();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Sleeps {@code d}, or less when closed; true when closed. */
    boolean pause(Duration d) {
        try {
            return closed.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    CompletableFuture<FollowResult> future() {
        return result;
    }
}
