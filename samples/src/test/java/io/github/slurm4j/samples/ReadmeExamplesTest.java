package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your application" example is {@code com.example.console.TrainingJobsTest},
 * which this module compiles and runs: the README shows it verbatim (without its package line and
 * the comment that points here), so the example cannot go stale.
 */
class ReadmeExamplesTest {
    @Test
    void theTestingExampleIsTheCompiledTest() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Testing your application");
        assertThat(section).as("README section").isPositive();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        String shown = readme.substring(start, end);

        List<String> source = Files.readAllLines(Path.of("src/test/java/com/example/console/TrainingJobsTest.java"));
        String compiled = source.stream()
                .filter(l -> !l.startsWith("package ") && !l.startsWith("// "))
                .collect(Collectors.joining("\n")).strip() + "\n";
        assertThat(shown.strip() + "\n").isEqualTo(compiled);
    }

    @Test
    void theConsoleBackendExampleIsTheCompiledClass() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### A console back-end");
        assertThat(section).as("README section").isPositive();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        String shown = readme.substring(start, end);

        String source = Files.readString(Path.of("src/test/java/com/example/console/ConsoleBackend.java"));
        String compiled = source.substring(source.indexOf("public final class ConsoleBackend")).strip() + "\n";
        assertThat(shown.strip() + "\n").isEqualTo(compiled);
        assertThat(shown.strip().lines().count()).isLessThanOrEqualTo(24);
    }
}
