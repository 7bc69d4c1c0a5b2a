package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The output cap and the stderr pid line. */
class StreamsTest {
    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void capStopsAtTheLimitAndSaysTruncated() throws IOException {
        CappedInputStream in = new CappedInputStream(bytes("0123456789"), 4);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123");
        in.drain();
        assertThat(in.truncated()).isTrue();

        CappedInputStream exact = new CappedInputStream(bytes("0123"), 4);
        assertThat(exact.readAllBytes()).hasSize(4);
        exact.drain();
        assertThat(exact.truncated()).isFalse();
    }

    @Test
    void whatTheReaderLeavesIsDrainedButNotTruncated() throws IOException {
        CappedInputStream in = new CappedInputStream(bytes("0123456789"), 100);
        assertThat(in.read()).isEqualTo('0');
        in.drain();
        assertThat(in.truncated()).isFalse();
    }

    @Test
    void aChannelFailureIsRemembered() {
        IOException boom = new IOException("connection lost");
        CappedInputStream in = new CappedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                throw boom;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw boom;
            }
        }, 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes).isSameAs(boom);
        assertThat(in.channelFailure()).isSameAs(boom);
    }

    @Test
    void stderrPumpTakesOutThePidLineAndKeepsWhatCameBefore() throws Exception {
        StderrPump p = new StderrPump(bytes("motd noise\n" + RemoteCommandLine.PID_MARKER + "4242\nreal error\n"), 1000);
        p.call();
        assertThat(p.pid().get()).isEqualTo(4242L);
        assertThat(new String(p.bytes(), StandardCharsets.UTF_8)).isEqualTo("motd noise\nreal error\n");
        assertThat(p.truncated()).isFalse();
    }

    @Test
    void stderrPumpWithoutPidLineKeepsEverythingAndCaps() throws Exception {
        StderrPump p = new StderrPump(bytes("no marker here, long text"), 5);
        p.call();
        assertThat(p.pid().get()).isNull();
        assertThat(new String(p.bytes(), StandardCharsets.UTF_8)).isEqualTo("no ma");
        assertThat(p.truncated()).isTrue();
    }
}
