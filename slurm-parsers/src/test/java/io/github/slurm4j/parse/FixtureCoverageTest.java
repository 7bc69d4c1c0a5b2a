package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture case of every corpus (captured and hand-made) is named, as a string literal, by at least one test of this module
 * (and those tests assert on its parsed content): a case nobody reads is a case nobody checks.
 */
class FixtureCoverageTest {

    @Test
    void everyFixtureCaseIsReadByATest() throws IOException {
        Path testSources = Paths.get("src", "test", "java");
        String allTests;
        try (Stream<Path> files = Files.walk(testSources)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("FixtureCoverageTest.java"))
                    .collect(Collectors.toList());
            StringBuilder sb = new StringBuilder();
            for (Path p : sources) {
                sb.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
            allTests = sb.toString();
        }
        List<String> unread = new ArrayList<>();
        for (String corpus : Fixtures.corpora()) {
            for (String name : Fixtures.names(corpus)) {
                if (!allTests.contains("\"" + name + "\"")) {
                    unread.add(corpus + "/" + name);
                }
            }
        }
        assertThat(Fixtures.names()).hasSizeGreaterThan(200);
        assertThat(unread).as("fixture cases no test names").isEmpty();
    }
}
