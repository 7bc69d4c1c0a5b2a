package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCacheTest {
    @Test
    void sameHashSameLengthDifferentTextIsAMiss() {
        // "Aa" and "BB" have the same String hash, so they fall into the same slot with the same stored hash
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        ValueCache<String> cache = new ValueCache<>(16, s -> s);
        assertThat(get(cache, "Aa")).isEqualTo("Aa");
        assertThat(get(cache, "BB")).isEqualTo("BB");
        assertThat(get(cache, "Aa")).isEqualTo("Aa");
    }

    @Test
    void sameLengthTimesNeverShareAValue() {
        ValueCache<String> cache = new ValueCache<>(2, s -> s);
        for (int i = 0; i < 60; i++) {
            String t = String.format("2026-11-20T22:%02d:%02d", i % 60, (i * 7) % 60);
            assertThat(get(cache, t)).isEqualTo(t);
        }
    }

    @Test
    void rangeFactoryGetsTheCharactersAndHitsShareTheValue() {
        List<String> made = new ArrayList<>();
        ValueCache<String> cache = ValueCache.ofRange(16, (s, start, end) -> {
            String v = new String(s, start, end - start, StandardCharsets.UTF_8);
            made.add(v);
            return v;
        });
        byte[] line = "A=normal B=normal".getBytes(StandardCharsets.UTF_8);
        String first = cache.get(line, 2, 8);
        assertThat(first).isEqualTo("normal");
        assertThat(cache.get(line, 11, 17)).isSameAs(first);
        String longText = "z".repeat(ValueCache.MAX_KEY + 1);
        assertThat(get(cache, longText)).isEqualTo(longText);
        assertThat(made).containsExactly("normal", longText);
    }

    private static <T> T get(ValueCache<T> cache, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return cache.get(b, 0, b.length);
    }
}
