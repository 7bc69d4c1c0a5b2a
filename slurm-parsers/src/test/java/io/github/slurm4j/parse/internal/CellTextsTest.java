package io.github.slurm4j.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.parse.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CellTexts#cell} is exactly the cell the layouts made before: the decoded, stripped text of
 * the bytes, truncated when filled or holding U+FFFD; with a cache or without. Checked on random
 * byte ranges from an alphabet of every kind of byte the decoding and the stripping treat apart.
 */
class CellTextsTest {
    private static final byte[][] PIECES = {"a".getBytes(), "Z9".getBytes(), " ".getBytes(), "\t".getBytes(), "\n".getBytes(),
            "\r".getBytes(), {0x0b}, {0x0c}, {0x1c}, {0x1d}, {0x1e}, {0x1f}, {0x00}, {0x7f}, {0x08}, {0x0e}, {0x1b},
            "\u00a0".getBytes(StandardCharsets.UTF_8), "\u2003".getBytes(StandardCharsets.UTF_8),
            "\u3000".getBytes(StandardCharsets.UTF_8), "\u2007".getBytes(StandardCharsets.UTF_8), "中".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xe4, (byte) 0xb8}, {(byte) 0xff}, {(byte) 0x80}, {(byte) 0xc3},
            "(null)".getBytes(), "PENDING".getBytes(), "2026-12-02T18:33:08".getBytes()};

    @Test
    void cellsAreTheDecodedStrippedBytes() {
        Random r = new Random(7);
        CellTexts cache = new CellTexts();
        for (int i = 0; i < 100_000; i++) {
            byte[] line = new byte[0];
            for (int n = r.nextInt(8); n > 0; n--) {
                byte[] p = PIECES[r.nextInt(i % 3 == 0 ? 3 : PIECES.length)];
                line = Arrays.copyOf(line, line.length + p.length);
                System.arraycopy(p, 0, line, line.length - p.length, p.length);
            }
            int from = line.length == 0 ? 0 : r.nextInt(line.length + 1);
            int to = from + (line.length == from ? 0 : r.nextInt(line.length - from + 1));
            boolean filled = r.nextInt(4) == 0;
            String text = Texts.decode(Arrays.copyOfRange(line, from, to)).strip();
            Cell expected = new Cell(text, filled || text.indexOf('\uFFFD') >= 0);
            assertThat(CellTexts.cell(line, from, to, filled, null)).as("%s [%d, %d)", Arrays.toString(line), from, to)
                    .isEqualTo(expected);
            assertThat(CellTexts.cell(line, from, to, filled, cache)).isEqualTo(expected);
        }
    }

    @Test
    void repeatedValuesShareOneText() {
        CellTexts cache = new CellTexts();
        byte[] a = "x|PENDING|y".getBytes();
        byte[] b = "PENDING".getBytes();
        assertThat(CellTexts.cell(a, 2, 9, false, cache).text()).isSameAs(CellTexts.cell(b, 0, 7, false, cache).text());
        assertThat(CellTexts.cell(b, 0, 7, true, cache)).isEqualTo(new Cell("PENDING", true));
    }

    @Test
    void absentIsWhatTheLowerCaseSpellingSays() {
        String[] samples = {"", "n/a", "N/A", "N/a", "(null)", "(NULL)", "(Null)", "na", "n/a ", " n/a", "(null", "null", "\u0130/a",
                "n/\u0130", "\u017f", "(nuLl)", "n\u0131a", "N/\u212a", "(nu\u0131l)", "ǅ", "x", "(null))"};
        for (String s : samples) {
            String low = s.toLowerCase(Locale.ROOT);
            assertThat(TableValues.isAbsent(s)).as("'%s'", s).isEqualTo(low.isEmpty() || low.equals("n/a") || low.equals("(null)"));
        }
        assertThat(TableValues.isAbsent(null)).isTrue();
    }
}
