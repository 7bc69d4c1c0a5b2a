package io.github.slurm4j.exec.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads for the shells' blocking work (output pumps, async runs). Not for users. */
public final class ShellThreads {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "slurm4j-shell-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
    private static final ExecutorService POOL = Executors.newCachedThreadPool(FACTORY);

    private ShellThreads() {
    }

    /** A cached pool of daemon threads shared by all shells. */
    public static ExecutorService pool() {
        return POOL;
    }

    /** The factory behind {@link #pool()}, for shells that keep their own executor. */
    public static ThreadFactory factory() {
        return FACTORY;
    }
}
