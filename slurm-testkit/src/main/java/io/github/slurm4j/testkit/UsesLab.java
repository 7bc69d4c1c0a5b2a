package io.github.slurm4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Marks a test class that uses lab clusters, by version: it may submit jobs to them, fill their
 * queues and stop and start their services. With JUnit's parallel execution enabled (the build
 * enables it for the ITs), classes that use different clusters run at the same time and classes
 * that share a cluster never do: each version is one exclusive resource lock, and a class's tests
 * run one after another in their declared order.
 *
 * <p>The nearest declaration in the class hierarchy wins, so a subclass that runs its parent's
 * tests on another cluster says so with its own {@code @UsesLab}:
 * <pre>{@code
 * @UsesLab("22.05")
 * class LocalSlurmClientIT { ... }
 *
 * @UsesLab("24.11")
 * class LocalSlurmClient2411IT extends LocalSlurmClientIT { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = UsesLab.Locks.class)
public @interface UsesLab {

    /**
     * The versions of the clusters the class uses, as {@link LabCluster#version()} writes them
     * ({@code "22.05"}, {@code "24.11"}, {@code "26.05"}).
     *
     * @return the cluster versions; none ({@code @UsesLab({})}) for an IT that uses no lab cluster
     *     (one that talks to Redis only), which then runs alongside any other
     */
    String[] value();

    /** The resource locks of a class marked with {@link UsesLab}: one per cluster it names. */
    final class Locks implements ResourceLocksProvider {

        /** Called by JUnit. */
        public Locks() {
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException when the annotation names a version the lab does not have
         */
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
                UsesLab uses = c.getDeclaredAnnotation(UsesLab.class);
                if (uses != null) {
                    Set<Lock> locks = new LinkedHashSet<>();
                    for (String version : uses.value()) {
                        locks.add(new Lock(lockName(Lab.cluster(version))));
                    }
                    return locks;
                }
            }
            return Set.of();
        }

        static String lockName(LabCluster cluster) {
            return "slurm4j-lab-" + cluster.version();
        }
    }

    /**
     * Finds IT classes that do not say which clusters they use: a module that runs its ITs in
     * parallel checks with this, in a unit test, that none of them can run alongside a test that
     * stops the daemons it talks to.
     */
    final class Audit {
        private Audit() {
        }

        /**
         * The concrete classes named {@code *IT} in the class-path root (a folder, such as
         * {@code target/test-classes}) that holds {@code anchor}, without {@link UsesLab}.
         *
         * @param anchor any class of the test classes to look through
         * @return the names of the unmarked IT classes, sorted; empty when every one is marked
         * @throws IllegalStateException when the root holds no IT class at all (the check would
         *     prove nothing) or is not a folder
         */
        public static List<String> unmarkedItClasses(Class<?> anchor) {
            Path root;
            try {
                root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("no class-path root for " + anchor, e);
            }
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException(anchor + " is not loaded from a folder but from " + root);
            }
            List<String> its;
            try (Stream<Path> files = Files.walk(root)) {
                its = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> p.endsWith("IT.class"))
                        .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (its.isEmpty()) {
                throw new IllegalStateException("no *IT class under " + root);
            }
            return its.stream().filter(name -> {
                Class<?> c;
                try {
                    c = Class.forName(name, false, anchor.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                return !Modifier.isAbstract(c.getModifiers()) && !c.isAnnotationPresent(UsesLab.class);
            }).toList();
        }
    }
}
