package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.Test;

/**
 * This module runs its ITs in parallel (see its pom), which is safe only because every IT class
 * names the lab clusters it uses: an unmarked one could run alongside an IT that stops the
 * slurmctld it talks to.
 */
class ItsNameTheirLabTest {

    @Test
    void everyItClassOfThisModuleSaysWhichLabClustersItUses() {
        assertThat(UsesLab.Audit.unmarkedItClasses(ItsNameTheirLabTest.class)).as("IT classes without @UsesLab").isEmpty();
    }
}
