/**
 * {@link io.github.slurm4j.exec.ssh.RemoteShell}: the {@link io.github.slurm4j.exec.Shell} that
 * runs commands on a login node over SSH (sshj), configured by
 * {@link io.github.slurm4j.exec.ssh.SshConfig}: one verified, reused connection, host keys checked
 * against {@code known_hosts} or pinned fingerprints, key or password auth, a jump host. This is
 * the artifact {@code slurm-exec-ssh}, kept apart from {@code slurm-exec} so that applications that
 * only run commands locally do not carry sshj and BouncyCastle.
 */
package io.github.slurm4j.exec.ssh;
