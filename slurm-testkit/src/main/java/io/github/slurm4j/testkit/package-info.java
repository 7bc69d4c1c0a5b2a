/**
 * Test support for applications built on slurm4j: {@link io.github.slurm4j.testkit.FakeShell}
 * (queued replies, recorded commands, injected failures, replay of captured cases), the abstract
 * {@link io.github.slurm4j.testkit.ShellContractTest} that every {@code Shell} implementation
 * extends, and {@link io.github.slurm4j.testkit.Lab}, the client of the project's test lab.
 * Add the artifact with {@code <scope>test</scope>}; no production module depends on it.
 */
package io.github.slurm4j.testkit;
