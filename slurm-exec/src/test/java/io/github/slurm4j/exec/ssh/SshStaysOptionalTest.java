package io.github.slurm4j.exec.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A program that uses only LocalShell must never load sshj or BouncyCastle (signed BC jars alone
 * cost ~150 ms of start-up): no class outside {@code exec.ssh} may refer to them.
 */
class SshStaysOptionalTest {
    @Test
    void onlyTheSshPackageRefersToSshjOrBouncyCastle() throws IOException {
        Path main = Path.of("src/main/java/io/github/slurm4j/exec");
        assertThat(main).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(main.resolve("ssh")))
                    .filter(p -> {
                        try {
                            String src = Files.readString(p);
                            return src.contains("net.schmizz") || src.contains("com.hierynomus")
                                    || src.contains("org.bouncycastle");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
