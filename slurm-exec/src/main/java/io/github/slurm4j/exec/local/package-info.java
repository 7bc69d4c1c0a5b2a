/**
 * {@link io.github.slurm4j.exec.local.LocalShell}: the {@link io.github.slurm4j.exec.Shell} that
 * runs commands on this machine, for a host application that lives on a login node. It starts
 * processes directly (no shell in between), with slurm4j's fixed environment, timeouts that kill
 * the whole process tree, and bounded output.
 */
package io.github.slurm4j.exec.local;
