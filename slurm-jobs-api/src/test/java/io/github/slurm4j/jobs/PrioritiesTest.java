package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrioritiesTest {
    @Test
    void defaultIsNiceZeroAndTheMappingsAreMonotonic() {
        assertThat(Priorities.toNice(100, 10)).isZero();
        assertThat(Priorities.toNice(1, 10)).isEqualTo(990);
        for (int p = 1; p < 100; p++) {
            assertThat(Priorities.toNice(p, 10)).isGreaterThan(Priorities.toNice(p + 1, 10));
            assertThat(Priorities.fromNice(Priorities.toNice(p, 10), 10)).isEqualTo(p);
        }
        for (int p = 1; p < 1000; p++) {
            assertThat(Priorities.toSlurmPriority(p, 10)).isLessThan(Priorities.toSlurmPriority(p + 1, 10));
            assertThat(Priorities.fromSlurmPriority(Priorities.toSlurmPriority(p, 10), 10)).isEqualTo(p);
        }
        assertThat(Priorities.fromSlurmPriority(0, 10)).isEqualTo(1);
        assertThat(Priorities.fromSlurmPriority(4_294_901_000L, 10)).isEqualTo(1000);
    }

    @Test
    void outOfRangeAndAbove100ForUsersAreRefused() {
        assertThatThrownBy(() -> Priorities.toSlurmPriority(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Priorities.toSlurmPriority(1001, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Priorities.toNice(101, 10)).hasMessageContaining("operator");
    }
}
