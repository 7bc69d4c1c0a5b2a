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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
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
     * The order in which classes marked {@link UsesLab} are handed to JUnit's parallel executor,
     * so that the three clusters stay busy and the cluster with the most classes starts first: the
     * classes that lock several clusters first (they run only while every one of their clusters is
     * free: at the start, before anything holds them), then one class of each cluster in turn,
     * the cluster with the most classes first, then classes that use no cluster. Without it the
     * order was the class path's, and a run where the longest cluster's classes came last took
     * half as long again. A build enables it with {@code junit.jupiter.testclass.order.default}.
     */
    public static final class ClassOrder implements ClassOrderer {

        /** Called by JUnit. */
        public ClassOrder() {
        }

        @Override
        public void orderClasses(ClassOrdererContext context) {
            List<? extends ClassDescriptor> classes = context.getClassDescriptors();
            Map<String, List<ClassDescriptor>> byCluster = new TreeMap<>();
            for (ClassDescriptor d : classes) {
                byCluster.computeIfAbsent(key(d.getTestClass()), k -> new ArrayList<>()).add(d);
            }
            Map<ClassDescriptor, Long> rank = new HashMap<>();
            List<Map.Entry<String, List<ClassDescriptor>>> single = new ArrayList<>();
            for (Map.Entry<String, List<ClassDescriptor>> e : byCluster.entrySet()) {
                if (e.getKey().contains(",")) {
                    e.getValue().forEach(d -> rank.put(d, (long) rank.size()));
                } else if (!e.getKey().isEmpty()) {
                    single.add(e);
                }
            }
            single.sort(Comparator.comparingInt((Map.Entry<String, List<ClassDescriptor>> e) -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey));
            long base = classes.size();
            for (int g = 0; g < single.size(); g++) {
                List<ClassDescriptor> group = single.get(g).getValue();
                group.sort(Comparator.comparing(d -> d.getTestClass().getName()));
                for (int i = 0; i < group.size(); i++) {
                    rank.put(group.get(i), base + (long) i * single.size() + g);
                }
            }
            long last = base * (classes.size() + 1);
            classes.sort(Comparator.comparingLong((ClassDescriptor d) -> rank.getOrDefault(d, last))
                    .thenComparing(d -> d.getTestClass().getName()));
        }

        /** The clusters a class locks, sorted and joined with commas; empty for none. */
        static String key(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
                UsesLab uses = c.getDeclaredAnnotation(UsesLab.class);
                if (uses != null) {
                    return String.join(",", new TreeSet<>(List.of(uses.value())));
                }
            }
            return "";
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
