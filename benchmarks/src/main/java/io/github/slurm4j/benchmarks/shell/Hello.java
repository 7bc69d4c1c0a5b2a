package io.github.slurm4j.benchmarks.shell;

/**
 * The JDK-only baseline of the cold-start measurement: prints {@code hello}. {@link ColdStart}
 * copies this one class file into a folder of its own and starts it with plain {@code java -cp},
 * so the baseline opens no jar.
 */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
