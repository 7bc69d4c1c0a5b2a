package io.github.slurm4j.redis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmDuration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonRows} writes exactly the bytes the former row writer made: a {@code String} built with
 * {@link Json#string} and encoded with {@code getBytes(UTF_8)}. Checked on random strings drawn
 * from every character class that the escaping and the encoding treat apart.
 */
class JsonRowsTest {
    private static final byte[] K = JsonRows.Builder.key("k");
    /** Plain ASCII, the escaped ones, controls, DEL, 2- and 3-byte UTF-8, line/paragraph separators, surrogates. */
    private static final char[] ALPHABET = ("aZ09 -_=|;:/.,{}[]'\"\\\n\r\t\u0000\u0001\u001f\u007f\u0080\u00e9\u07ff\u0800"
            + "\u4e2d\u2028\u2029\ufffd\uffff\ud83d\ude00\ud800\udbff\udc00\udfff").toCharArray();

    private static String reference(String value) {
        StringBuilder sb = new StringBuilder("{\"k\":");
        Json.string(sb, value);
        return sb.append('}').toString();
    }

    @Test
    void randomStringsAreTheBytesOfTheEscapedString() {
        Random r = new Random(20261202);
        List<String> values = new ArrayList<>();
        JsonRows.Builder b = new JsonRows.Builder(10);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder v = new StringBuilder();
            for (int n = r.nextInt(i % 100 == 0 ? 3000 : 60); n > 0; n--) {
                v.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            values.add(v.toString());
            b.begin().str(K, v.toString()).end();
        }
        JsonRows rows = b.build();
        assertThat(rows).hasSize(values.size());
        long total = 0;
        for (int i = 0; i < values.size(); i++) {
            byte[] expected = reference(values.get(i)).getBytes(StandardCharsets.UTF_8);
            assertThat(rows.utf8(i)).as("row %d: %s", i, values.get(i)).isEqualTo(expected);
            assertThat(rows.get(i)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            total += expected.length;
        }
        assertThat(rows.utf8Size()).isEqualTo(total);
    }

    @Test
    void numbersNullsJobIdsAndDurationsAsTheirStrings() {
        JsonRows.Builder b = new JsonRows.Builder(1);
        long[] longs = {0, 7, 9, 10, 99, 100, -1, -10, 123_456_789, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE - 1L, Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L, 10L * Integer.MAX_VALUE, 1_000_000_000L, 999_999_999L, 1_000_000_001L};
        for (long v : longs) {
            b.begin().num(K, v).num(K, Long.valueOf(v)).end();
            assertThat(b.lastRow()).isEqualTo("{\"k\":" + v + ",\"k\":" + v + "}");
        }
        // digits are written two at a time below 2^31: every length, both sides of that bound
        Random d = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long v = d.nextLong() >> d.nextInt(64);
            b.begin().num(K, v).end();
            assertThat(b.lastRow()).isEqualTo("{\"k\":" + v + "}");
        }
        b.begin().num(K, (Number) null).num(K, 1.5).num(K, Double.valueOf(0.1 + 0.2)).num(K, Integer.valueOf(-3))
                .str(K, null).end();
        assertThat(b.lastRow()).isEqualTo("{\"k\":null,\"k\":1.5,\"k\":" + (0.1 + 0.2) + ",\"k\":-3,\"k\":null}");
        for (JobId id : new JobId[] {JobId.of(17), new JobId(17, "3", null, null), new JobId(17, "[1-3%2]", null, null),
                new JobId(18, null, 2, null), new JobId(19, "4", 1, "batch"), new JobId(20, null, null, "0")}) {
            b.begin().jobId(K, id).end();
            assertThat(b.lastRow()).isEqualTo(reference(id.toString()));
        }
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            long s = i < 100 ? i * 3599L : Math.abs(r.nextLong() % 100_000_000_000L);
            b.begin().duration(K, s).end();
            assertThat(b.lastRow()).isEqualTo(reference(SlurmDuration.format(Duration.ofSeconds(s))));
        }
    }

    @Test
    void rowsLargerThanAChunkAndManyChunks() {
        JsonRows.Builder b = new JsonRows.Builder(2);
        String big = "x".repeat(3 << 20);
        b.begin().str(K, "small").end();
        b.begin().str(K, big).end();
        for (int i = 0; i < 50_000; i++) {
            b.begin().num(K, i).end();
        }
        JsonRows rows = b.build();
        assertThat(rows).hasSize(50_002);
        assertThat(rows.get(0)).isEqualTo("{\"k\":\"small\"}");
        assertThat(rows.get(1)).isEqualTo("{\"k\":\"" + big + "\"}");
        assertThat(rows.get(50_001)).isEqualTo("{\"k\":49999}");
        assertThat(rows.subList(2, 5)).containsExactly("{\"k\":0}", "{\"k\":1}", "{\"k\":2}");
        assertThatThrownBy(() -> rows.get(50_002)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> rows.utf8(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new JsonRows.Builder(0).build()).isSameAs(JsonRows.empty()).isEmpty();
    }

    @Test
    void aListLikeAnyOther() {
        JsonRows.Builder b = new JsonRows.Builder(3);
        for (String s : List.of("a", "b", "c")) {
            b.begin().str(K, s).end();
        }
        JsonRows rows = b.build();
        List<String> same = List.of("{\"k\":\"a\"}", "{\"k\":\"b\"}", "{\"k\":\"c\"}");
        assertThat(rows).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(rows.utf8(0)).isNotSameAs(rows.utf8(0));
        assertThatThrownBy(() -> rows.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
