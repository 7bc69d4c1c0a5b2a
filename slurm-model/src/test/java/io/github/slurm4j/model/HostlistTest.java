package io.github.slurm4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HostlistTest {

    @Test
    void expandsRangesAndLists() {
        assertThat(Hostlist.expand("gpu[01-04,07]")).containsExactly("gpu01", "gpu02", "gpu03", "gpu04", "gpu07");
        assertThat(Hostlist.expand("localhost")).containsExactly("localhost");
        assertThat(Hostlist.expand("a,b[1-2]")).containsExactly("a", "b1", "b2");
    }

    @Test
    void expandsSuffixAndZeroPadding() {
        assertThat(Hostlist.expand("node[0001-0003]-int")).containsExactly("node0001-int", "node0002-int", "node0003-int");
        assertThat(Hostlist.expand("n[8-11]")).containsExactly("n8", "n9", "n10", "n11");
    }

    @Test
    void expandsSeveralBracketsAsCartesianProduct() {
        assertThat(Hostlist.expand("rack[1-2]-n[01-02]")).containsExactly("rack1-n01", "rack1-n02", "rack2-n01", "rack2-n02");
    }

    @Test
    void emptyAndNullSentinelsExpandToNothing() {
        assertThat(Hostlist.expand(null)).isEmpty();
        assertThat(Hostlist.expand("")).isEmpty();
        assertThat(Hostlist.expand("(null)")).isEmpty();
    }

    @Test
    void malformedExpressionsAreRefused() {
        assertThatThrownBy(() -> Hostlist.expand("gpu[01-04")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> Hostlist.expand("gpu01-04]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> Hostlist.expand("gpu[04-01]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descending");
        assertThatThrownBy(() -> Hostlist.expand("gpu[a-b]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad range");
        assertThatThrownBy(() -> Hostlist.expand("gpu[]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty range");
        assertThatThrownBy(() -> Hostlist.expand("a,,b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty host");
        assertThatThrownBy(() -> Hostlist.expand("n[[1-2]]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> Hostlist.expand("n[0-99999999]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    }

    @Test
    void compressesToCanonicalForm() {
        assertThat(Hostlist.compress(List.of("gpu01", "gpu02", "gpu03", "gpu04", "gpu07"))).isEqualTo("gpu[01-04,07]");
        assertThat(Hostlist.compress(List.of("gpu07"))).isEqualTo("gpu07");
        assertThat(Hostlist.compress(List.of("n10", "n9", "n8", "n11"))).isEqualTo("n[8-11]");
        assertThat(Hostlist.compress(List.of("gpu09", "gpu10"))).isEqualTo("gpu[09-10]");
        assertThat(Hostlist.compress(List.of("node0001-int", "node0002-int"))).isEqualTo("node[0001-0002]-int");
        assertThat(Hostlist.compress(List.of("localhost", "cpu01", "cpu02", "localhost"))).isEqualTo("localhost,cpu[01-02]");
        assertThat(Hostlist.compress(List.of())).isEmpty();
    }

    @Test
    void differentPaddingIsNotJoinedIntoOneRange() {
        // n1 and n01 are different hosts; n01-n02 is padded, n3 is not
        assertThat(Hostlist.compress(List.of("n01", "n02", "n3"))).isEqualTo("n[01-02,3]");
        assertThat(Hostlist.expand("n[01-02,3]")).containsExactly("n01", "n02", "n3");
    }

    @Test
    void canonicalExpressionsRoundTrip() {
        for (String x : List.of("gpu[01-04,07]", "node[0001-0010]-int", "n[1-3,5,7-9]", "localhost", "a[1-2],b[10-11]", "cpu[01-03],gpu[01-02]")) {
            assertThat(Hostlist.compress(Hostlist.expand(x))).as(x).isEqualTo(x);
        }
    }

    /** Property: for random host sets, expand(compress(hosts)) gives the same set. */
    @Test
    void compressThenExpandKeepsEveryHostProperty() {
        Random random = new Random(42);
        String[] prefixes = {"gpu", "node", "n", "rack1-n", "c"};
        String[] suffixes = {"", "-int", ".ib"};
        for (int round = 0; round < 500; round++) {
            Set<String> hosts = new LinkedHashSet<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                String prefix = prefixes[random.nextInt(prefixes.length)];
                String suffix = suffixes[random.nextInt(suffixes.length)];
                int width = random.nextInt(4);
                int n = random.nextInt(120);
                String digits = width == 0 ? Integer.toString(n) : String.format("%0" + (width + 1) + "d", n);
                hosts.add(prefix + digits + suffix);
            }
            if (random.nextInt(5) == 0) {
                hosts.add("login");
            }
            List<String> shuffled = new ArrayList<>(hosts);
            Collections.shuffle(shuffled, random);
            String compressed = Hostlist.compress(shuffled);
            assertThat(new TreeSet<>(Hostlist.expand(compressed))).as(compressed).isEqualTo(new TreeSet<>(hosts));
            // and compressing again is stable (canonical form)
            assertThat(Hostlist.compress(Hostlist.expand(compressed))).isEqualTo(compressed);
        }
    }
}
