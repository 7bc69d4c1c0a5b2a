package io.github.slurm4j.samples;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ssh.RemoteShell;
import io.github.slurm4j.exec.ssh.SshConfig;
import java.nio.file.Path;

/** Builds the RemoteShell of {@code --ssh}; a class of its own so sshj loads only when SSH is used. */
final class SshShells {
    private SshShells() {
    }

    /** @param target {@code user@host[:port]} */
    static Shell open(String target, String identity, String knownHosts) {
        int at = target.indexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new IllegalArgumentException("--ssh wants user@host[:port], not '" + target + "'");
        }
        String user = target.substring(0, at);
        String host = target.substring(at + 1);
        int port = 22;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ssh: not a port number in '" + target + "'");
            }
            host = host.substring(0, colon);
        }
        return new RemoteShell(SshConfig.builder(host, user)
                .port(port)
                .privateKey(Path.of(identity))
                .knownHosts(Path.of(knownHosts))
                .build());
    }
}
