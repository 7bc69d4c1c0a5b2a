/**
 * What every shell of slurm4j shares: the environment every command gets
 * ({@code SlurmEnvironment}), the daemon threads of the output pumps and the loggers. Not API: it
 * may change in any release, is left out of the published Javadoc, and only the
 * {@code io.github.slurm4j.exec} packages of {@code slurm-exec} and {@code slurm-exec-ssh} use it
 * ({@code InternalPackagesTest} checks that).
 */
package io.github.slurm4j.exec.internal;
