package io.github.slurm4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashSet;
import java.util.Set;
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
     * @return the cluster versions, at least one
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
}
