package io.github.slurm4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for "does this output row belong to the id that was asked for". */
class JobIdMatchTest {
    @Test
    void theIdSlurmPrintedForTheRowMatches() {
        assertThat(JobId.parse("17_3").matchesRow(JobId.parse("17_3"), 20L)).isTrue();
        assertThat(JobId.parse("21+1").matchesRow(JobId.parse("21+1"), 22L)).isTrue();
        assertThat(JobId.of(42).matchesRow(JobId.of(42), null)).isTrue();
    }

    @Test
    void aPlainIdMatchesTheRowWhoseOwnJobIdItIs() {
        // array element 17_3 has its own job id 20; asking for 20 finds it
        assertThat(JobId.of(20).matchesRow(JobId.parse("17_3"), 20L)).isTrue();
        // het component 21+1 has its own job id 22
        assertThat(JobId.of(22).matchesRow(JobId.parse("21+1"), 22L)).isTrue();
    }

    @Test
    void nothingElseMatches() {
        assertThat(JobId.of(20).matchesRow(JobId.parse("17_3"), 19L)).isFalse();
        assertThat(JobId.of(20).matchesRow(JobId.parse("17_3"), null)).isFalse();
        assertThat(JobId.of(17).matchesRow(JobId.parse("17_3"), 20L)).as("the array job id is not the element").isFalse();
        assertThat(JobId.parse("17_3").matchesRow(JobId.parse("17_4"), 20L)).as("an element asked for by its array name").isFalse();
        assertThat(JobId.parse("20.batch").matchesRow(JobId.parse("17_3.batch"), 20L)).as("a step matches only itself").isFalse();
        assertThat(JobId.of(42).matchesRow(null, null)).isFalse();
    }

    @Test
    void aPlainIdNamesTheElementsAndRemainderOfItsArray() {
        JobId array = JobId.of(17);
        assertThat(array.namesArrayOf(JobId.parse("17_3"))).isTrue();
        assertThat(array.namesArrayOf(JobId.parse("17_[4-6%2]"))).isTrue();
        // not the array's own plain row (that is matchesRow's), another array, or a het component
        assertThat(array.namesArrayOf(JobId.parse("17"))).isFalse();
        assertThat(array.namesArrayOf(JobId.parse("18_3"))).isFalse();
        assertThat(array.namesArrayOf(JobId.parse("17+1"))).isFalse();
        assertThat(array.namesArrayOf(null)).isFalse();
        // only a plain id names an array
        assertThat(JobId.parse("17_3").namesArrayOf(JobId.parse("17_3"))).isFalse();
        assertThat(JobId.parse("17.batch").namesArrayOf(JobId.parse("17_3"))).isFalse();
    }
}
