package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ShellException;

/**
 * The SSH server refused the credentials (wrong password, key not authorized, wrong passphrase
 * or unreadable key). No command ran. Retrying with the same configuration will not help.
 */
public class SshAuthenticationException extends ShellException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal of the credentials, before any command.
     *
     * @param message what was refused, for people (never the secret itself)
     * @param cause the SSH library's exception; may be null
     */
    public SshAuthenticationException(String message, Throwable cause) {
        super("", message, cause);
    }
}
