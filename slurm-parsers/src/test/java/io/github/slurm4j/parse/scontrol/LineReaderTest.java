package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /**
     * The text's UTF-8 bytes, at most {@code chunk} per read, like a slow pipe (a multi-byte
     * character can be split between reads).
     */
    private static InputStream chunked(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(InputStream bytes, int size) throws IOException {
        LineReader in = new LineReader(bytes, size);
        List<String> out = new ArrayList<>();
        while (in.next()) {
            out.add(in.line());
            assertThat(new String(in.bytes(), in.lineStart(), in.lineEnd() - in.lineStart(), StandardCharsets.UTF_8))
                    .isEqualTo(in.line());
        }
        assertThat(in.next()).isFalse();
        return out;
    }

    private static List<String> readLines(String text) throws IOException {
        BufferedReader br = new BufferedReader(new StringReader(text));
        List<String> out = new ArrayList<>();
        String l;
        while ((l = br.readLine()) != null) {
            out.add(l);
        }
        return out;
    }

    @Test
    void splitsLikeReadLine() throws IOException {
        for (String text : List.of("", "a", "a\n", "a\n\n", "\n", "a\r\nb\rc\n\rd", "a\r", "a\r\r\n", "JobId=1 \nJobId=2 ")) {
            assertThat(lines(utf8(text), 16)).as(text).isEqualTo(readLines(text));
            assertThat(lines(chunked(text, 1), 16)).as(text).isEqualTo(readLines(text));
        }
    }

    @Test
    void crlfSplitAcrossReadsIsOneTerminator() throws IOException {
        // the \r is the last character of the first read, the \n the first of the next
        assertThat(lines(chunked("abc\r\ndef\r\n", 4), 16)).containsExactly("abc", "def");
    }

    @Test
    void randomTextsSplitLikeReadLineWithTinyBuffersAndReads() throws IOException {
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', ' ', '=', '\n', '\r', 'é', '中'};
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            int chunk = 1 + random.nextInt(40);
            assertThat(lines(chunked(text, chunk), 16)).as(text).isEqualTo(readLines(text));
        }
    }

    @Test
    void longLineGrowsTheBuffer() throws IOException {
        String longLine = "x".repeat(1000);
        assertThat(lines(chunked("a\n" + longLine + "\nb", 7), 16)).containsExactly("a", longLine, "b");
    }

    @Test
    void markedRecordLinesSurviveCompactionAndGrowth() throws IOException {
        // a record of three lines longer than the buffer, read in small pieces
        String text = "JobId=1 Name=aaaaaaaaaa\n   Nodes=n1 CPU_IDs=0-3\n   Mem=100\nJobId=2\n";
        LineReader in = new LineReader(chunked(text, 5), 16);
        RecordLines rec = RecordLines.over(in);
        int lineNo = 0;
        List<List<String>> records = new ArrayList<>();
        while (in.next()) {
            lineNo++;
            if (in.bytes()[in.lineStart()] != ' ' && !rec.isEmpty()) {
                records.add(linesOf(rec));
                rec.clear();
                in.unmark();
            }
            if (rec.isEmpty()) {
                in.mark();
            }
            rec.addCurrent(lineNo);
        }
        assertThat(rec.firstLine()).isEqualTo(4);
        records.add(linesOf(rec));
        assertThat(records).containsExactly(
                List.of("JobId=1 Name=aaaaaaaaaa", "   Nodes=n1 CPU_IDs=0-3", "   Mem=100"),
                List.of("JobId=2"));
    }

    private static List<String> linesOf(RecordLines rec) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rec.size(); i++) {
            out.add(rec.line(i));
        }
        return out;
    }

    @Test
    void recordOfStringsKeepsLineNumbersAndText() {
        RecordLines rec = RecordLines.of(List.of("JobId=5 A=b", "   C=d"), 12);
        assertThat(rec.size()).isEqualTo(2);
        assertThat(rec.firstLine()).isEqualTo(12);
        assertThat(rec.line(1)).isEqualTo("   C=d");
        assertThat(new String(rec.bytes(), rec.start(0), rec.end(0) - rec.start(0), StandardCharsets.UTF_8))
                .isEqualTo("JobId=5 A=b");
        RecordLines wide = RecordLines.of(List.of("JobId=7 JobName=训练 é", "   C=d"), 1);
        assertThat(wide.line(0)).isEqualTo("JobId=7 JobName=训练 é");
        assertThat(wide.start(1)).isEqualTo("JobId=7 JobName=训练 é".getBytes(StandardCharsets.UTF_8).length);
        assertThat(RecordLines.of(List.of(), 3).isEmpty()).isTrue();
    }

    @Test
    void notUtf8BytesSplitLinesLikeTheDecodedTextAndAreReplaced() throws IOException {
        // a Chinese name cut mid-character (squeue does this), a lone continuation byte, a bare \r
        byte[] bytes = {'a', (byte) 0xe8, (byte) 0xae, '\n', (byte) 0x80, 'b', '\r', 'c', '\n'};
        List<String> expected = new ArrayList<>();
        BufferedReader br = new BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8));
        for (String l; (l = br.readLine()) != null;) {
            expected.add(l);
        }
        assertThat(lines(new ByteArrayInputStream(bytes), 16)).isEqualTo(expected).hasSize(3);
        assertThat(expected.get(0)).isEqualTo("a\ufffd");
    }
}
