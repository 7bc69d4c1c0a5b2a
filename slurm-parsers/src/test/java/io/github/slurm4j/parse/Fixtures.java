package io.github.slurm4j.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads the captured fixture cases of {@code src/test/resources/fixtures}. */
public final class Fixtures {
    private Fixtures() {
    }

    /** One captured command: its command line, output bytes decoded, and exit code. */
    public record Case(String name, String cmd, String stdout, String stderr, int rc, byte[] stdoutBytes) {
    }

    /** The root folder of the Slurm 22.05 cases. */
    public static Path root22() {
        return root().resolve("slurm-22.05");
    }

    static Path root() {
        URL url = Fixtures.class.getResource("/fixtures/README.md");
        if (url == null) {
            throw new IllegalStateException("fixtures not on the test class path");
        }
        try {
            return Paths.get(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Slurm 22.05 case by folder name. */
    public static Case load(String name) {
        return load(root22().resolve(name));
    }

    /** A case from any folder with {@code cmd}, {@code stdout}, {@code stderr}, {@code rc}. */
    public static Case load(Path dir) {
        try {
            byte[] out = Files.readAllBytes(dir.resolve("stdout"));
            String err = Files.exists(dir.resolve("stderr")) ? Texts.decode(Files.readAllBytes(dir.resolve("stderr"))) : "";
            String cmd = Files.readString(dir.resolve("cmd"), StandardCharsets.UTF_8).strip();
            int rc = Integer.parseInt(Files.readString(dir.resolve("rc"), StandardCharsets.UTF_8).strip());
            return new Case(dir.getFileName().toString(), cmd, Texts.decode(out), err, rc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of all Slurm 22.05 cases. */
    public static List<String> names22() {
        try (Stream<Path> s = Files.list(root22())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
