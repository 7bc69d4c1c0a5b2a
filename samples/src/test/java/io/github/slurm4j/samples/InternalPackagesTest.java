package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * An {@code internal} package is not API: {@code io.github.slurm4j.X.internal} may be used only by
 * classes in {@code io.github.slurm4j.X} and its subpackages — the family that owns it, such as
 * {@code exec.local} (slurm-exec) and {@code exec.ssh} (slurm-exec-ssh) using slurm-shell's
 * {@code exec.internal} — never by another family (the testkit, the samples, a future module).
 * Checked on the compiled classes of every slurm4j module on this module's class path (samples
 * depends on all of them): a class file names every class it uses in its constant pool, so a
 * reference to {@code io/github/slurm4j/X/internal/} in its bytes is a use. No ArchUnit needed for
 * this one rule.
 */
class InternalPackagesTest {
    private static final Pattern INTERNAL = Pattern.compile("io/github/slurm4j/([a-z0-9_/]+?)/internal/");
    private static final String ROOT = "io/github/slurm4j/";

    @Test
    void noFamilyUsesAnotherFamilysInternalPackages() {
        List<String> violations = new ArrayList<>();
        Set<String> allowedUses = new TreeSet<>();
        Set<String> scannedPackages = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            forEachClass(Path.of(entry), (name, bytes) -> {
                String pkg = name.substring(0, name.lastIndexOf('/'));
                scannedPackages.add(pkg);
                Matcher m = INTERNAL.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String owner = ROOT + m.group(1);
                    if (pkg.equals(owner) || pkg.startsWith(owner + "/")) {
                        allowedUses.add(pkg + " -> " + owner + "/internal");
                    } else {
                        violations.add(name + " uses " + owner + "/internal");
                    }
                }
            });
        }
        assertThat(scannedPackages).as("the modules' classes were found").contains(ROOT + "model", ROOT + "parse",
                ROOT + "exec", ROOT + "exec/local", ROOT + "exec/ssh", ROOT + "exec/slurm", ROOT + "testkit");
        assertThat(allowedUses).as("the check sees real uses").contains(ROOT + "parse -> " + ROOT + "parse/internal",
                ROOT + "exec/local -> " + ROOT + "exec/internal", ROOT + "exec/ssh -> " + ROOT + "exec/internal");
        assertThat(violations).isEmpty();
    }

    private interface ClassVisitor {
        void visit(String name, byte[] bytes);
    }

    /** Every {@code io/github/slurm4j/**.class} of a class-path entry (a folder or a jar). */
    private static void forEachClass(Path entry, ClassVisitor visitor) {
        try {
            if (Files.isDirectory(entry)) {
                Path root = entry.resolve(ROOT);
                if (!Files.isDirectory(root)) {
                    return;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        visitor.visit(entry.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
                    }
                }
            } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    for (ZipEntry e : zip.stream().filter(e -> e.getName().startsWith(ROOT)
                            && e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = zip.getInputStream(e)) {
                            visitor.visit(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
