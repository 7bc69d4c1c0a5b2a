package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** sshj's lines reach the application demoted: INFO and ERROR at DEBUG, WARN unchanged, same logger name. */
class SshjLoggingTest {
    @Test
    void infoAndErrorBecomeDebugWarnStays() throws Exception {
        Logger sshj = SshjLogging.INSTANCE.getLogger("net.schmizz.sshj.transport.TransportImpl");
        assertThat(sshj.getName()).isEqualTo("net.schmizz.sshj.transport.TransportImpl");
        List<String> lines = StderrCapture.linesOf(() -> {
            sshj.info("Client identity string: {}", "SSH-2.0-SSHJ");
            sshj.error("Dying because - {}", "host key", new IOException("refused"));
            sshj.warn("a warning {} {}", 1, 2);
        });
        assertThat(lines).containsExactly("[main] WARN net.schmizz.sshj.transport.TransportImpl - a warning 1 2");
        // the binding is at INFO: sshj asks before building a message, and learns the demoted answer
        assertThat(sshj.isInfoEnabled()).isFalse();
        assertThat(sshj.isErrorEnabled()).isFalse();
        assertThat(sshj.isWarnEnabled()).isTrue();
    }

    @Test
    void levels() {
        assertThat(SshjLogging.demote(Level.ERROR)).isEqualTo(Level.DEBUG);
        assertThat(SshjLogging.demote(Level.INFO)).isEqualTo(Level.DEBUG);
        assertThat(SshjLogging.demote(Level.WARN)).isEqualTo(Level.WARN);
        assertThat(SshjLogging.demote(Level.DEBUG)).isEqualTo(Level.DEBUG);
        assertThat(SshjLogging.demote(Level.TRACE)).isEqualTo(Level.TRACE);
    }
}
