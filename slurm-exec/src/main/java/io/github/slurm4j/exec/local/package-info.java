/**
 * {@link io.github.slurm4j.exec.local.LocalShell}: the {@link io.github.slurm4j.exec.Shell} that
 * runs commands on this machine (a login node the host application lives on).
 */
package io.github.slurm4j.exec.local;
