package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ShellException;

/**
 * The SSH server presented a host key that is not trusted: unknown to the {@code known_hosts}
 * file, different from the key recorded there for the host (possibly a man-in-the-middle), or not
 * one of the pinned fingerprints. The connection was closed before authentication; no command ran.
 */
public class HostKeyVerificationException extends ShellException {
    private static final long serialVersionUID = 1L;

    /** Why the key was refused. */
    public enum Reason {
        /** No key is recorded for the host (for this key type). */
        UNKNOWN,
        /** A different key of the same type is recorded for the host. */
        CHANGED,
        /** The key's fingerprint is not one of the pinned fingerprints. */
        NOT_PINNED
    }

    /** The host connected to. */
    private final String host;
    /** The port connected to. */
    private final int port;
    /** The presented key's type. */
    private final String keyType;
    /** The presented key's SHA256 fingerprint. */
    private final String fingerprint;
    /** Why the key was refused. */
    private final Reason reason;

    /**
     * An exception whose message says which key was refused and why, and that no command ran.
     *
     * @param host the host connected to
     * @param port the port connected to
     * @param keyType the key type the server presented, e.g. {@code ssh-ed25519}
     * @param fingerprint the presented key's fingerprint, {@code SHA256:…}
     * @param reason why the key was refused
     * @param detail more for the message (the known_hosts file, the pinned fingerprints), or {@code ""}; not null
     */
    public HostKeyVerificationException(String host, int port, String keyType, String fingerprint, Reason reason,
            String detail) {
        super("", message(host, port, keyType, fingerprint, reason, detail), null);
        this.host = host;
        this.port = port;
        this.keyType = keyType;
        this.fingerprint = fingerprint;
        this.reason = reason;
    }

    private static String message(String host, int port, String keyType, String fingerprint, Reason reason,
            String detail) {
        String what = switch (reason) {
            case UNKNOWN -> "host key of " + host + ":" + port + " is UNKNOWN";
            case CHANGED -> "host key of " + host + ":" + port
                    + " has CHANGED (someone may be intercepting the connection, or the host was reinstalled)";
            case NOT_PINNED -> "host key of " + host + ":" + port + " does not match the pinned fingerprints";
        };
        return what + ": server presented " + keyType + " " + fingerprint + (detail.isEmpty() ? "" : "; " + detail)
                + "; connection refused, no command ran";
    }

    /** {@return the host the connection went to, as configured} */
    public String host() {
        return host;
    }

    /** {@return the port the connection went to} */
    public int port() {
        return port;
    }

    /** {@return the key type the server presented, e.g. {@code ssh-ed25519}} */
    public String keyType() {
        return keyType;
    }

    /** {@return the SHA256 fingerprint of the presented key, as OpenSSH prints it ({@code SHA256:…})} */
    public String fingerprint() {
        return fingerprint;
    }

    /** {@return why the key was refused: unknown, changed, or not pinned} */
    public Reason reason() {
        return reason;
    }
}
