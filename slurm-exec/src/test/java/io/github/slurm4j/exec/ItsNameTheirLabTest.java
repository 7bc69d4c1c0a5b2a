package io.github.slurm4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.UsesLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module runs its ITs in parallel (see its pom), which is safe only because every IT class
 * names the lab clusters it uses: one that did not would run alongside the faults ITs that stop
 * slurmctld and slurmdbd.
 */
class ItsNameTheirLabTest {

    @Test
    void everyItClassOfThisModuleSaysWhichLabClustersItUses() throws Exception {
        Path root = Path.of(ItsNameTheirLabTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith("IT.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(classes).as("IT classes found under %s", root).contains(
                "io.github.slurm4j.exec.slurm.SlurmFaultsIT", "io.github.slurm4j.exec.slurm.LocalSlurmClientIT");
        List<String> unmarked = classes.stream().filter(name -> {
            Class<?> c = load(name);
            return !Modifier.isAbstract(c.getModifiers()) && !c.isAnnotationPresent(UsesLab.class);
        }).toList();
        assertThat(unmarked).as("IT classes without @UsesLab").isEmpty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ItsNameTheirLabTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
