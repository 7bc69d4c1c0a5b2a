/**
 * The {@link io.github.slurm4j.exec.Shell} SPI: run an argument list somewhere (this machine,
 * a login node over SSH, a fake in tests) and get back an {@link io.github.slurm4j.exec.ExecResult}.
 * Implementations: {@code io.github.slurm4j.exec.local.LocalShell},
 * {@code io.github.slurm4j.exec.ssh.RemoteShell}, {@code io.github.slurm4j.testkit.FakeShell}.
 * The typed Slurm command layer over a shell lives in {@code io.github.slurm4j.exec.slurm}.
 */
package io.github.slurm4j.exec;
