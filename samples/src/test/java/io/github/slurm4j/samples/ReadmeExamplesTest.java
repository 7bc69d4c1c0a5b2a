package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.testkit.FakeSlurm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java code is compiled and run here, so the first code a user copies works: every
 * {@code java} block is a whole compilation unit with its imports, compiled against this module's
 * test class path; the examples that can run without a real cluster run against captured outputs
 * and {@link FakeSlurm}. The "Testing your application" block is
 * {@code com.example.console.TrainingJobsTest}, which the build runs as a test.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public |final )*class (\\w+)");

    @TempDir
    static Path classes;
    private static URLClassLoader loader;
    private static List<String> blocks;

    @BeforeAll
    static void compileEveryBlock() throws IOException {
        blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(README));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(3);
        Path src = Files.createDirectories(classes.resolve("src"));
        List<String> files = new ArrayList<>();
        for (String block : blocks) {
            Matcher c = CLASS_NAME.matcher(block);
            assertThat(c.find()).as("every README java block declares a class, with its imports:%n%s", block).isTrue();
            Path f = src.resolve(c.group(1) + ".java");
            if (block.startsWith("package ")) {
                continue;
            }
            Files.writeString(f, block);
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "-Xlint:all", "-Werror",
                "-Xlint:-processing", "-Xlint:-classfile", "-Xlint:-path"));
        args.addAll(files);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertThat(rc).as("javac of the README's java blocks:%n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader());
    }

    private static String run(String className, String method, Class<?>[] types, Object... args) throws Exception {
        Method m = loader.loadClass(className).getDeclaredMethod(method, types);
        m.setAccessible(true);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theParsingExamplesRunOnCapturedOutputs(@TempDir Path dir) throws Exception {
        Path scontrol = dir.resolve("jobs.txt");
        Files.writeString(scontrol, Fixtures.load("slurm-22.05", "scontrol-job-all-oneliner").stdout());
        String jobs = run("ReadSlurmOutputs", "jobs", new Class<?>[] {Path.class}, scontrol);
        assertThat(jobs.lines()).hasSizeGreaterThan(40).contains("3 FAILED fail-exit3");

        String queue = run("ReadSlurmOutputs", "queue", new Class<?>[] {byte[].class},
                (Object) "12\u001ftrain | eval\u001fRUNNING\u001f\n13\u001fprep\u001fPENDING\u001f\n".getBytes(StandardCharsets.UTF_8));
        assertThat(queue).isEqualTo("12 train | eval RUNNING\n13 prep PENDING\n");

        String acct = run("ReadSlurmOutputs", "accounting", new Class<?>[] {String.class},
                Fixtures.load("slurm-22.05", "sacct-running-with-steps").stdout());
        assertThat(acct).startsWith("14 RUNNING MaxRSS=");

        String error = run("ReadSlurmOutputs", "error", new Class<?>[] {String.class, String.class, String.class, int.class},
                "squeue", "", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n", 1);
        assertThat(error).startsWith("controller_unavailable: ");
    }

    @Test
    void theClientExampleRunsAgainstFakeSlurm() throws Exception {
        FakeSlurm slurm = FakeSlurm.builder().build();
        String out = run("TrainingJobs", "lifeOfAJob", new Class<?>[] {io.github.slurm4j.exec.Shell.class}, slurm);
        assertThat(out).startsWith("train resnet on localhost: CANCELLED by 1001, 1 of mine in the queue, CPU efficiency ");
        assertThat(slurm.count("sbatch")).isEqualTo(1);
        assertThat(slurm.count("scancel")).isEqualTo(1);
    }

    @Test
    void theTestingExampleIsTheCompiledTest() throws IOException {
        String readme = Files.readString(README);
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
}
