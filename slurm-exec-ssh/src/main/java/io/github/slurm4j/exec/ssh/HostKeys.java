package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.internal.Logs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;

/**
 * Host key checks: OpenSSH fingerprints, known_hosts lookups, and the host key algorithms to offer
 * so that the server presents a key we can verify. Package-private.
 */
final class HostKeys {
    private static final Logger LOG = Logs.logger(RemoteShell.class);

    /** Host key algorithm (as negotiated) to the key type it signs with (as written in known_hosts). */
    private static final Map<String, String> ALGORITHM_KEY_TYPE = Map.of(
            "ssh-ed25519", "ssh-ed25519",
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "ssh-rsa",
            "rsa-sha2-256", "ssh-rsa",
            "ssh-rsa", "ssh-rsa",
            "ssh-dss", "ssh-dss");

    private HostKeys() {
    }

    /** The key's fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} + unpadded base64. */
    static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return fingerprint(blob);
    }

    /** The fingerprint of an SSH public key blob (the base64 field of a known_hosts line, decoded). */
    static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** The key type name as in known_hosts ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}). */
    static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** How OpenSSH names {@code host:port} in known_hosts: {@code host} for 22, else {@code [host]:port}. */
    static String knownHostsName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /**
     * The host key algorithms (of {@code offered}, in its order) whose key type is in
     * {@code knownTypes}; certificate algorithms never (they are checked against
     * {@code @cert-authority} lines, which slurm4j does not support). With no known type, all the
     * plain algorithms. sshj puts the algorithms a verifier names first in its proposal, and an
     * OpenSSH server picks the first one of the client's it supports: this is what makes a
     * known_hosts holding only the {@code ssh-rsa} line work against OpenSSH 9 — the server is
     * asked for its RSA key ({@code rsa-sha2-512}), not the ed25519 key it would present first.
     * (Restricting the client's whole algorithm list instead would also restrict the algorithms
     * of the user's own key in public-key authentication.)
     */
    static List<String> algorithms(List<String> offered, Collection<String> knownTypes) {
        List<String> out = new ArrayList<>();
        for (String alg : offered) {
            String type = ALGORITHM_KEY_TYPE.get(alg);
            if (type != null && (knownTypes.isEmpty() || knownTypes.contains(type))) {
                out.add(alg);
            }
        }
        return out;
    }

    /** Loads a known_hosts file, with a typed error when it cannot be read. */
    static KnownHosts loadKnownHosts(Path file, String target) {
        if (!Files.isReadable(file)) {
            throw new ShellException("", "known_hosts file " + file + " for " + target + " does not exist or is not readable", null);
        }
        try {
            return new KnownHosts(file.toFile());
        } catch (IOException e) {
            throw new ShellException("", "cannot read known_hosts file " + file + " for " + target + ": " + e.getMessage(), e);
        }
    }

    /** sshj's known_hosts reader, plus the key types recorded for a host and the reason of a refusal. */
    static final class KnownHosts extends OpenSSHKnownHosts {
        KnownHosts(File file) throws IOException {
            super(file);
        }

        /** The key types recorded for {@code host:port} (plain or hashed entries). */
        Set<String> keyTypes(String host, int port) {
            Set<String> types = new LinkedHashSet<>();
            String name = knownHostsName(host, port);
            for (KnownHostEntry e : entries()) {
                try {
                    if (e.getType() != KeyType.UNKNOWN && e.appliesTo(name) && !e.getLine().startsWith("@")) {
                        types.add(e.getType().toString());
                    }
                } catch (IOException ex) {
                    LOG.debug("cannot match known_hosts entry {}", e.getLine(), ex);
                }
            }
            return types;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            return false; // reported as a typed exception by the verifier
        }
    }

    /**
     * The verifier given to sshj: checks the key by the configured policy and remembers why it
     * refused one, so the connect error can be turned into a {@link HostKeyVerificationException}.
     */
    static final class Verifier implements HostKeyVerifier {
        private final SshConfig config;
        private final KnownHosts knownHosts;
        private final List<String> offered;
        private volatile HostKeyVerificationException refusal;

        /** @param offered the host key algorithms the client supports, in its order of preference */
        Verifier(SshConfig config, KnownHosts knownHosts, List<String> offered) {
            this.config = config;
            this.knownHosts = knownHosts;
            this.offered = List.copyOf(offered);
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            String type = keyType(key);
            String fp = fingerprint(key);
            if (config.acceptsAnyHostKey()) {
                LOG.warn("INSECURE: accepting the host key of {}:{} ({} {}) without verification "
                        + "(insecureAcceptAnyHostKey)", hostname, port, type, fp);
                return true;
            }
            if (knownHosts == null) {
                if (config.hostKeyFingerprints().contains(fp)) {
                    return true;
                }
                refusal = new HostKeyVerificationException(hostname, port, type, fp,
                        HostKeyVerificationException.Reason.NOT_PINNED, "pinned: " + config.hostKeyFingerprints());
                return false;
            }
            if (knownHosts.verify(hostname, port, key)) {
                return true;
            }
            Set<String> known = knownHosts.keyTypes(hostname, port);
            String where = "known_hosts " + config.knownHosts() + " (as " + knownHostsName(hostname, port) + ")";
            refusal = known.contains(type)
                    ? new HostKeyVerificationException(hostname, port, type, fp, HostKeyVerificationException.Reason.CHANGED,
                            "a different " + type + " key is recorded in " + where)
                    : new HostKeyVerificationException(hostname, port, type, fp, HostKeyVerificationException.Reason.UNKNOWN,
                            known.isEmpty() ? "no entry in " + where : "only " + known + " keys in " + where);
            return false;
        }

        /**
         * The algorithms of the key types known_hosts records for the host, which sshj then
         * proposes first (see {@link HostKeys#algorithms}); empty without known_hosts or entry.
         */
        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            if (knownHosts == null) {
                return List.of();
            }
            Set<String> types = knownHosts.keyTypes(hostname, port);
            return types.isEmpty() ? List.of() : algorithms(offered, types);
        }

        /** Why the last key was refused, or {@code null}. */
        HostKeyVerificationException refusal() {
            return refusal;
        }
    }
}
