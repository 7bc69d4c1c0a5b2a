package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ShellException;

/**
 * The SSH server refused the credentials (wrong password, key not authorized, wrong passphrase
 * or unreadable key). No command ran. Retrying with the same configuration will not help.
 */
public class SshAuthenticationException extends ShellException {
    private static final long serialVersionUID = 1L;

    public SshAuthenticationException(String message, Throwable cause) {
        super("", message, cause);
    }
}
