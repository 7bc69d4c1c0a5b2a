package io.github.slurm4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.UsesLab;
import org.junit.jupiter.api.Test;

/**
 * This module runs its ITs in parallel (see its pom), which is safe only because every IT class
 * names the lab clusters it uses: one that did not could run alongside the faults ITs that stop
 * slurmctld and slurmdbd.
 */
class ItsNameTheirLabTest {

    @Test
    void everyItClassOfThisModuleSaysWhichLabClustersItUses() {
        assertThat(UsesLab.Audit.unmarkedItClasses(ItsNameTheirLabTest.class)).as("IT classes without @UsesLab").isEmpty();
    }
}
