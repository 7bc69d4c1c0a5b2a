package io.github.slurm4j.exec.internal;

import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The shells' loggers. With an slf4j binding on the class path they are ordinary slf4j loggers;
 * without one they are silent, instead of slf4j printing its three-line "No SLF4J providers were
 * found" warning the first time a library class asks for a logger (an application that chose no
 * binding chose no logging). Not for users.
 */
public final class Logs {
    private static final boolean BOUND = bound();

    private Logs() {
    }

    /** The logger for {@code type}: slf4j's when a provider is present, else a no-op one. */
    public static Logger logger(Class<?> type) {
        return logger(type.getName());
    }

    /** The logger named {@code name}: slf4j's when a provider is present, else a no-op one. */
    public static Logger logger(String name) {
        return BOUND ? LoggerFactory.getLogger(name) : NOPLogger.NOP_LOGGER;
    }

    /** Whether slf4j will find a provider: named explicitly, or one its service loader finds. */
    private static boolean bound() {
        if (System.getProperty("slf4j.provider") != null) {
            return true;
        }
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                    .stream().findAny().isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            return true; // let slf4j report the broken provider itself
        }
    }
}
