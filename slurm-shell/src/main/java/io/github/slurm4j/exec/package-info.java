/**
 * The {@link io.github.slurm4j.exec.Shell} SPI: run an argument list somewhere (this machine,
 * a login node over SSH, a fake in tests) and get back an {@link io.github.slurm4j.exec.ExecResult},
 * where a non-zero exit is a result and a command that could not run is a
 * {@link io.github.slurm4j.exec.ShellException}. Implementations: {@code LocalShell} in
 * {@code io.github.slurm4j.exec.local} (artifact {@code slurm-exec}), {@code RemoteShell} in
 * {@code io.github.slurm4j.exec.ssh} (artifact {@code slurm-exec-ssh}), {@code FakeShell} and
 * {@code FakeSlurm} in {@code io.github.slurm4j.testkit}; the typed Slurm command layer over any of
 * them is {@code io.github.slurm4j.exec.slurm.SlurmClient}.
 */
package io.github.slurm4j.exec;
