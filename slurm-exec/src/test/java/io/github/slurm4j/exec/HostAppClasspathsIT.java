package io.github.slurm4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.UsesLab;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two host applications, compiled with {@code javac} and run with {@code java} in fresh JVMs the
 * way a user's build would: one with only {@code slurm-exec} (the class path Maven gives its users:
 * the built jar plus its runtime dependencies, written by the dependency plugin at package time),
 * which has no SSH class at all and runs a command with {@code LocalShell}; and one that adds
 * {@code slurm-exec-ssh} (its jar, sshj, BouncyCastle — taken from this module's test class path)
 * and an slf4j binding at INFO, which runs a command over SSH on the lab and hands the shell to a
 * {@code SlurmClient}. Both print only their own output: the first has no slf4j binding and gets no
 * "No SLF4J providers" warning, the second none of sshj's INFO lines.
 */
@UsesLab("22.05")
class HostAppClasspathsIT {
    private static final List<String> SSH_PACKAGES = List.of("io/github/slurm4j/exec/ssh/", "net/schmizz/",
            "com/hierynomus/", "org/bouncycastle/", "net/i2p/crypto/");

    private static final String LOCAL_APP = """
            import io.github.slurm4j.exec.ExecResult;
            import io.github.slurm4j.exec.local.LocalShell;
            import io.github.slurm4j.exec.slurm.SlurmClient;

            public class LocalApp {
                public static void main(String[] args) {
                    try (LocalShell shell = LocalShell.create()) {
                        SlurmClient slurm = new SlurmClient(shell);
                        ExecResult r = shell.run("echo", "local ok");
                        System.out.print(r.stdout());
                        System.out.println(slurm.getClass().getSimpleName());
                    }
                }
            }
            """;

    private static final String SSH_APP = """
            import io.github.slurm4j.exec.ExecResult;
            import io.github.slurm4j.exec.slurm.SlurmClient;
            import io.github.slurm4j.exec.ssh.RemoteShell;
            import io.github.slurm4j.exec.ssh.SshConfig;
            import java.nio.file.Path;

            public class SshApp {
                public static void main(String[] args) {
                    try (RemoteShell shell = new RemoteShell(SshConfig.builder(args[0], args[1])
                            .port(Integer.parseInt(args[2])).privateKey(Path.of(args[3]))
                            .knownHosts(Path.of(args[4])).build())) {
                        SlurmClient slurm = new SlurmClient(shell);
                        ExecResult r = shell.run("echo", "ssh ok");
                        System.out.print(r.stdout());
                        System.out.println(slurm.getClass().getSimpleName());
                    }
                }
            }
            """;

    @Test
    void onlySlurmExecBuildsAndRunsWithoutAnySshClass(@TempDir Path tmp) throws Exception {
        List<Path> classpath = slurmExecUserClasspath();
        assertThat(classpath.stream().filter(HostAppClasspathsIT::hasSshClasses).toList())
                .as("jars with SSH classes on slurm-exec's runtime class path").isEmpty();

        Path app = write(tmp.resolve("local"), "LocalApp", LOCAL_APP);
        assertThat(run(tmp, javac(classpath, app))).startsWith("rc=0");
        assertThat(run(tmp, java(classpath, app.getParent(), "LocalApp"))).isEqualTo("rc=0\nlocal ok\nSlurmClient\n");

        // what a user who reaches for RemoteShell without slurm-exec-ssh sees: a compile error
        Path ssh = write(tmp.resolve("nossh"), "SshApp", SSH_APP);
        assertThat(run(tmp, javac(classpath, ssh))).startsWith("rc=1")
                .contains("package io.github.slurm4j.exec.ssh does not exist");
    }

    @Test
    void withSlurmExecSshBuildsAndRunsOverSsh(@TempDir Path tmp) throws Exception {
        Lab.requireSshd();
        List<Path> classpath = new ArrayList<>(slurmExecUserClasspath());
        List<Path> ssh = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath()).filter(HostAppClasspathsIT::hasSshClasses).toList();
        assertThat(ssh).anyMatch(p -> p.toString().contains("slurm-exec-ssh"));
        classpath.addAll(ssh);
        // sshj asks slf4j for loggers itself, so an SSH application brings a binding (README,
        // Logging); this one has slf4j-simple at its default level, INFO: nothing may show
        classpath.addAll(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("slf4j-simple")).map(p -> Path.of(p).toAbsolutePath()).toList());

        Path app = write(tmp.resolve("ssh"), "SshApp", SSH_APP);
        assertThat(run(tmp, javac(classpath, app))).startsWith("rc=0");
        assertThat(run(tmp, java(classpath, app.getParent(), "SshApp", Lab.SSH_HOST, Lab.SSH_USER,
                String.valueOf(Lab.SSH_PORT), Lab.userKey().toString(), Lab.knownHosts().toString())))
                .isEqualTo("rc=0\nssh ok\nSlurmClient\n");
    }

    /** target/slurm-exec-*.jar plus the runtime dependencies Maven resolved for it. */
    private static List<Path> slurmExecUserClasspath() throws IOException {
        Path file = Path.of("target", "host-app", "runtime.classpath");
        assertThat(file).as("written by the dependency plugin at package time").isRegularFile();
        List<Path> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of("target").toAbsolutePath())) {
            jars.filter(p -> p.getFileName().toString().matches("slurm-exec-[^-]+(-SNAPSHOT)?\\.jar"))
                    .forEach(classpath::add);
        }
        assertThat(classpath).as("the built slurm-exec jar").hasSize(1);
        for (String entry : Files.readString(file).strip().split(File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        return classpath;
    }

    private static boolean hasSshClasses(Path entry) {
        if (!entry.toString().endsWith(".jar")) {
            return SSH_PACKAGES.stream().anyMatch(p -> Files.isDirectory(entry.resolve(p)));
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.stream().anyMatch(e -> SSH_PACKAGES.stream().anyMatch(e.getName()::startsWith));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path write(Path dir, String name, String source) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".java"), source);
    }

    private static List<String> javac(List<Path> classpath, Path source) {
        return List.of(tool("javac"), "-cp", join(classpath), "-d", source.getParent().toString(), source.toString());
    }

    private static List<String> java(List<Path> classpath, Path classes, String main, String... args) {
        List<Path> all = new ArrayList<>(classpath);
        all.add(classes);
        List<String> command = new ArrayList<>(List.of(tool("java"), "-cp", join(all), main));
        command.addAll(List.of(args));
        return command;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String join(List<Path> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    /** {@code rc=N}, a newline, then stdout and stderr together. */
    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return "rc=" + p.exitValue() + "\n" + out;
    }
}
