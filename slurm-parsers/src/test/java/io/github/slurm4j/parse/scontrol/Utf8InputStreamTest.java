package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8InputStreamTest {

    /** At most {@code chunk} characters per read, so that a surrogate pair can be split between reads. */
    private static Reader chunked(String text, int chunk) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (at >= text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), text.length() - at);
                text.getChars(at, at + n, cbuf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Reads everything with reads of at most {@code size} bytes. */
    private static byte[] drain(InputStream in, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[size];
        for (int n; (n = in.read(buf, 0, size)) >= 0;) {
            assertThat(n).isPositive();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void encodesLikeStringGetBytesWhateverTheReadSizes() throws IOException {
        Random random = new Random(11);
        String[] alphabet = {"a", " ", "=", "\n", "é", "中", "😀", "\ud800", "\udc00", "\u07ff", "\u0800", "\uffff"};
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(120); i > 0; i--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            int chunk = 1 + random.nextInt(9);
            int size = 1 + random.nextInt(9);
            assertThat(drain(new Utf8InputStream(chunked(text, chunk)), size)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void singleByteReadsAndEndOfStream() throws IOException {
        try (InputStream in = new Utf8InputStream(new StringReader("é"))) {
            assertThat(in.read()).isEqualTo(0xc3);
            assertThat(in.read()).isEqualTo(0xa9);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 0)).isZero();
        }
    }
}
