package io.github.slurm4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Test;

class UsesLabClassOrderTest {

    @UsesLab({"24.11", "22.05"})
    static class Both {
    }

    @UsesLab("22.05")
    static class A1 {
    }

    @UsesLab("22.05")
    static class A2 {
    }

    @UsesLab("22.05")
    static class A3 {
    }

    @UsesLab("24.11")
    static class B1 {
    }

    @UsesLab("24.11")
    static class B2 {
    }

    @UsesLab("26.05")
    static class C1 {
    }

    /** Inherits its parent's cluster. */
    static class A4 extends A1 {
    }

    static class NoLab {
    }

    @UsesLab({})
    static class RedisOnly {
    }

    @Test
    void multiClusterClassesFirstThenOneOfEachClusterInTurnTheBusiestFirstThenTheRest() {
        List<Class<?>> classes = List.of(NoLab.class, C1.class, B2.class, A3.class, RedisOnly.class, B1.class, A2.class,
                Both.class, A4.class, A1.class);
        List<ClassDescriptor> descriptors = new ArrayList<>();
        classes.forEach(c -> descriptors.add(descriptor(c)));
        new UsesLab.ClassOrder().orderClasses(new ClassOrdererContext() {
            @Override
            public List<? extends ClassDescriptor> getClassDescriptors() {
                return descriptors;
            }

            @Override
            public Optional<String> getConfigurationParameter(String key) {
                return Optional.empty();
            }
        });
        // 22.05 has four classes (A4 by inheritance), 24.11 two, 26.05 one
        assertThat(descriptors).extracting(d -> d.getTestClass().getSimpleName())
                .containsExactly("Both", "A1", "B1", "C1", "A2", "B2", "A3", "A4", "NoLab", "RedisOnly");
    }

    private static ClassDescriptor descriptor(Class<?> c) {
        return new ClassDescriptor() {
            @Override
            public Class<?> getTestClass() {
                return c;
            }

            @Override
            public String getDisplayName() {
                return c.getSimpleName();
            }

            @Override
            public boolean isAnnotated(Class<? extends Annotation> type) {
                return c.isAnnotationPresent(type);
            }

            @Override
            public <A extends Annotation> Optional<A> findAnnotation(Class<A> type) {
                return Optional.ofNullable(c.getAnnotation(type));
            }

            @Override
            public <A extends Annotation> List<A> findRepeatableAnnotations(Class<A> type) {
                return List.of(c.getAnnotationsByType(type));
            }
        };
    }
}
