package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.internal.Logs;
import java.security.SecureRandom;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.random.Random;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * How sshj's own logging reaches the application: under sshj's logger names (so
 * {@code net.schmizz} / {@code com.hierynomus} at DEBUG still shows everything), but quieter than
 * sshj logs by itself. Its INFO lines (identity strings, "Disconnected - BY_APPLICATION" on every
 * connect and close) become DEBUG, and so do its ERROR lines: each of them describes a failure that
 * {@link RemoteShell} receives as an exception and reports typed (a refused host key as one
 * {@link HostKeyVerificationException} and one WARN line, not three ERROR lines and a stack trace).
 * sshj's WARN lines stay WARN. Package-private; set on every connection's sshj config.
 */
final class SshjLogging implements LoggerFactory {
    static final SshjLogging INSTANCE = new SshjLogging();

    private SshjLogging() {
    }

    @Override
    public Logger getLogger(String name) {
        return new Demoted(Logs.logger(name));
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return getLogger(clazz.getName());
    }

    /** The level sshj's {@code level} is logged at. */
    static Level demote(Level level) {
        return switch (level) {
            case ERROR, INFO -> Level.DEBUG;
            default -> level;
        };
    }

    /**
     * sshj's default configuration with this logging and {@link SecureRandomFactory} (sshj's
     * constructor creates its random source, so it is replaced there, not after).
     */
    static final class QuietConfig extends DefaultConfig {
        QuietConfig() {
            setLoggerFactory(INSTANCE);
        }

        @Override
        protected void initRandomFactory() {
            setRandomFactory(new SecureRandomFactory());
        }
    }

    /**
     * sshj's default random source ({@code JCERandom}) logs "Creating new SecureRandom." at INFO on
     * every connect through a static logger this factory cannot reach; this is the same source
     * (a {@link SecureRandom} of the platform's default algorithm) without the line.
     */
    static final class SecureRandomFactory implements Factory<Random> {
        @Override
        public Random create() {
            SecureRandom random = new SecureRandom();
            return new Random() {
                @Override
                public void fill(byte[] bytes) {
                    random.nextBytes(bytes);
                }

                @Override
                public void fill(byte[] bytes, int start, int len) {
                    if (start == 0 && len == bytes.length) {
                        random.nextBytes(bytes);
                    } else {
                        byte[] part = new byte[len];
                        random.nextBytes(part);
                        System.arraycopy(part, 0, bytes, start, len);
                    }
                }
            };
        }
    }

    /** One of sshj's loggers, every call forwarded to the same-named logger at the demoted level. */
    private static final class Demoted extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient Logger target;

        Demoted(Logger target) {
            this.target = target;
            this.name = target.getName();
        }

        @Override
        public boolean isTraceEnabled() {
            return target.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return target.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return target.isEnabledForLevel(demote(Level.INFO));
        }

        @Override
        public boolean isWarnEnabled() {
            return target.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return target.isEnabledForLevel(demote(Level.ERROR));
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, org.slf4j.Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            LoggingEventBuilder event = target.atLevel(demote(level)).setMessage(messagePattern);
            if (arguments != null) {
                for (Object argument : arguments) {
                    event = event.addArgument(argument);
                }
            }
            if (throwable != null) {
                event = event.setCause(throwable);
            }
            event.log();
        }
    }
}
