package io.github.slurm4j.samples;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import java.util.Set;

/**
 * Where a sample runs its Slurm commands: on this machine, or on a login node over SSH with
 * {@code --ssh user@host[:port] --identity FILE --known-hosts FILE}. The SSH classes (sshj,
 * BouncyCastle) are only loaded in the second case, by {@link SshShells}.
 */
final class SampleShells {
    /** The options every Slurm sample takes for SSH. */
    static final Set<String> SSH_OPTIONS = Set.of("ssh", "identity", "known-hosts");

    private SampleShells() {
    }

    static Shell open(SampleArgs args) {
        String ssh = args.value("ssh");
        if (ssh == null) {
            if (args.has("identity") || args.has("known-hosts")) {
                throw new IllegalArgumentException("--identity and --known-hosts need --ssh user@host[:port]");
            }
            return LocalShell.create();
        }
        if (args.value("identity") == null || args.value("known-hosts") == null) {
            throw new IllegalArgumentException("--ssh needs --identity FILE and --known-hosts FILE");
        }
        return SshShells.open(ssh, args.value("identity"), args.value("known-hosts"));
    }

    /** The user whose jobs are "mine": the SSH user, or the local one. */
    static String user(SampleArgs args) {
        String ssh = args.value("ssh");
        if (ssh != null) {
            return ssh.substring(0, ssh.indexOf('@'));
        }
        return System.getProperty("user.name");
    }
}
