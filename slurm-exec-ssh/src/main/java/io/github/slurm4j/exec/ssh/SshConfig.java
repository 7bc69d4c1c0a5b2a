package io.github.slurm4j.exec.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a {@link RemoteShell} reaches its host: address, user, authentication, host key
 * verification, timeouts, channel limit, reconnect backoff and an optional jump host. Immutable;
 * build with {@link #builder(String, String)}. Secrets (password, passphrase, key text) are copied
 * in and never printed by {@link #toString()}.
 *
 * <p>Exactly one host key policy must be chosen: {@link Builder#knownHosts(Path)}, one or more
 * {@link Builder#hostKeyFingerprint(String)}, or (for throw-away test setups only)
 * {@link Builder#insecureAcceptAnyHostKey()}. Exactly one authentication: a private key (file or
 * text, with an optional passphrase) or a password.
 */
public final class SshConfig {
    /** The most channels a shell may open at once; OpenSSH's default {@code MaxSessions} is 10. */
    public static final int MAX_CHANNELS_LIMIT = 9;

    private static final Pattern SHA256_FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private final String host;
    private final int port;
    private final String user;
    private final Path privateKeyFile;
    private final String privateKeyText;
    private final char[] passphrase;
    private final char[] password;
    private final Path knownHosts;
    private final Set<String> fingerprints;
    private final boolean acceptAnyHostKey;
    private final Duration connectTimeout;
    private final Duration authTimeout;
    private final Duration commandTimeout;
    private final Duration keepAliveInterval;
    private final int maxChannels;
    private final Duration reconnectBackoff;
    private final Duration maxReconnectBackoff;
    private final SshConfig jumpHost;

    private SshConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.user = b.user;
        this.privateKeyFile = b.privateKeyFile;
        this.privateKeyText = b.privateKeyText;
        this.passphrase = b.passphrase == null ? null : b.passphrase.clone();
        this.password = b.password == null ? null : b.password.clone();
        this.knownHosts = b.knownHosts;
        this.fingerprints = Set.copyOf(new LinkedHashSet<>(b.fingerprints));
        this.acceptAnyHostKey = b.acceptAnyHostKey;
        this.connectTimeout = b.connectTimeout;
        this.authTimeout = b.authTimeout;
        this.commandTimeout = b.commandTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.maxChannels = b.maxChannels;
        this.reconnectBackoff = b.reconnectBackoff;
        this.maxReconnectBackoff = b.maxReconnectBackoff;
        this.jumpHost = b.jumpHost;
    }

    /**
     * A builder for {@code user@host}, port 22, with the default timeouts, 8 channels and no jump
     * host; authentication and host key policy must still be chosen.
     *
     * @param host the host name or address; not blank
     * @param user the remote user name; not blank
     * @return the builder
     * @throws NullPointerException if {@code host} or {@code user} is null
     * @throws IllegalArgumentException if {@code host} or {@code user} is blank
     */
    public static Builder builder(String host, String user) {
        return new Builder(host, user);
    }

    /** {@return the host name or address to connect to} */
    public String host() {
        return host;
    }

    /** {@return the SSH port; 22 unless set} */
    public int port() {
        return port;
    }

    /** {@return the remote user name; commands run as this user} */
    public String user() {
        return user;
    }

    /** {@return the private key file, or {@code null} (key given as text, or password authentication)} */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** {@return whether authentication is by private key (file or text); otherwise by password} */
    public boolean usesKey() {
        return privateKeyFile != null || privateKeyText != null;
    }

    /** {@return the known_hosts file, or {@code null} when fingerprints are pinned or any key is accepted} */
    public Path knownHosts() {
        return knownHosts;
    }

    /** {@return the pinned host key fingerprints ({@code SHA256:…}, without {@code =} padding); empty unless pinned} */
    public Set<String> hostKeyFingerprints() {
        return fingerprints;
    }

    /** {@return whether any host key is accepted (the insecure opt-in)} */
    public boolean acceptsAnyHostKey() {
        return acceptAnyHostKey;
    }

    /** {@return the time allowed to open the TCP connection; 10 s unless set} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the time allowed for key exchange and authentication, and for opening a channel; 15 s unless set} */
    public Duration authTimeout() {
        return authTimeout;
    }

    /** {@return the timeout of a request that keeps {@link io.github.slurm4j.exec.ExecRequest#DEFAULT_TIMEOUT}} */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** {@return the keepalive interval; zero when keepalives are off; 15 s unless set} */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** {@return how many commands may be in flight at once on the connection (channels); 8 unless set} */
    public int maxChannels() {
        return maxChannels;
    }

    /** {@return the wait before the first reconnect attempt after a failed one; doubled per failure; 500 ms unless set} */
    public Duration reconnectBackoff() {
        return reconnectBackoff;
    }

    /** {@return the longest wait between reconnect attempts; 30 s unless set} */
    public Duration maxReconnectBackoff() {
        return maxReconnectBackoff;
    }

    /** {@return the bastion the connection goes through, or {@code null} for a direct connection} */
    public SshConfig jumpHost() {
        return jumpHost;
    }

    /** {@return {@code user@host:port}, for messages} */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    String privateKeyText() {
        return privateKeyText;
    }

    /** A fresh copy of the passphrase (the SSH library wipes what it is given), or {@code null}. */
    char[] passphrase() {
        return passphrase == null ? null : passphrase.clone();
    }

    /** A fresh copy of the password, or {@code null}. */
    char[] password() {
        return password == null ? null : password.clone();
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SshConfig[").append(address());
        if (privateKeyFile != null) {
            sb.append(", key file ").append(privateKeyFile);
        } else if (privateKeyText != null) {
            sb.append(", in-memory key");
        } else {
            sb.append(", password");
        }
        if (passphrase != null) {
            sb.append(" (with passphrase)");
        }
        if (knownHosts != null) {
            sb.append(", known_hosts ").append(knownHosts);
        } else if (!fingerprints.isEmpty()) {
            sb.append(", pinned ").append(fingerprints);
        } else {
            sb.append(", INSECURE: any host key accepted");
        }
        sb.append(", connect ").append(connectTimeout.toMillis()).append(" ms, auth ").append(authTimeout.toMillis())
                .append(" ms, command ").append(commandTimeout.toMillis()).append(" ms, keepalive ")
                .append(keepAliveInterval.toSeconds()).append(" s, channels ").append(maxChannels);
        if (jumpHost != null) {
            sb.append(", via ").append(jumpHost);
        }
        return sb.append(']').toString();
    }

    /** Builds an {@link SshConfig}; {@link #build()} checks that the choices are complete and consistent. */
    public static final class Builder {
        private final String host;
        private final String user;
        private int port = 22;
        private Path privateKeyFile;
        private String privateKeyText;
        private char[] passphrase;
        private char[] password;
        private Path knownHosts;
        private final Set<String> fingerprints = new LinkedHashSet<>();
        private boolean acceptAnyHostKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration authTimeout = Duration.ofSeconds(15);
        private Duration commandTimeout = io.github.slurm4j.exec.ExecRequest.DEFAULT_TIMEOUT;
        private Duration keepAliveInterval = Duration.ofSeconds(15);
        private int maxChannels = 8;
        private Duration reconnectBackoff = Duration.ofMillis(500);
        private Duration maxReconnectBackoff = Duration.ofSeconds(30);
        private SshConfig jumpHost;

        private Builder(String host, String user) {
            this.host = requireText(host, "host");
            this.user = requireText(user, "user");
        }

        /**
         * The SSH port; default 22.
         *
         * @param port 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is out of range
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Authenticates with the private key in {@code file} (OpenSSH, PEM or PKCS#8 format); replaces
         * a key text set before.
         *
         * @param file the key file, read when connecting; not null
         * @return this builder
         */
        public Builder privateKey(Path file) {
            this.privateKeyFile = Objects.requireNonNull(file, "file");
            this.privateKeyText = null;
            return this;
        }

        /**
         * Authenticates with the private key in {@code keyText} (the text of an OpenSSH or PEM key
         * file); replaces a key file set before.
         *
         * @param keyText the key file's whole text; not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code keyText} is blank
         */
        public Builder privateKeyText(String keyText) {
            this.privateKeyText = requireText(keyText, "keyText");
            this.privateKeyFile = null;
            return this;
        }

        /**
         * The passphrase of the private key (copied; wipe your array afterwards if you like).
         *
         * @param passphrase the passphrase; not null
         * @return this builder
         */
        public Builder passphrase(char[] passphrase) {
            this.passphrase = Objects.requireNonNull(passphrase, "passphrase").clone();
            return this;
        }

        /**
         * Authenticates with a password (copied; wipe your array afterwards if you like).
         *
         * @param password the password; not null
         * @return this builder
         */
        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Verifies the host key against an OpenSSH {@code known_hosts} file (plain or hashed entries).
         *
         * @param file the file, read when connecting; not null
         * @return this builder
         */
        public Builder knownHosts(Path file) {
            this.knownHosts = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Accepts a host key whose fingerprint is {@code fingerprint}, as {@code ssh-keygen -lf}
         * prints it ({@code SHA256:} and 43 base64 characters). May be called several times (one
         * per key type, or during a key rotation).
         *
         * @param fingerprint the fingerprint; surrounding spaces and trailing {@code =} padding are ignored
         * @return this builder
         * @throws IllegalArgumentException if it is not an OpenSSH SHA256 fingerprint
         */
        public Builder hostKeyFingerprint(String fingerprint) {
            String f = Objects.requireNonNull(fingerprint, "fingerprint").strip();
            while (f.endsWith("=")) {
                f = f.substring(0, f.length() - 1);
            }
            if (!SHA256_FINGERPRINT.matcher(f).matches()) {
                throw new IllegalArgumentException("not an OpenSSH SHA256 fingerprint (SHA256: and 43 base64 characters): "
                        + fingerprint);
            }
            fingerprints.add(f);
            return this;
        }

        /**
         * INSECURE: accepts whatever host key the server presents, so anyone between this program
         * and the host can read and change everything, including passwords. A warning is logged
         * on every connect. For throw-away test machines only.
         *
         * @return this builder
         */
        public Builder insecureAcceptAnyHostKey() {
            this.acceptAnyHostKey = true;
            return this;
        }

        /**
         * Time allowed to open the TCP connection; default 10 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Time allowed for key exchange and authentication, and for opening a channel; default 15 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
         */
        public Builder authTimeout(Duration timeout) {
            this.authTimeout = positive(timeout, "authTimeout");
            return this;
        }

        /**
         * The timeout of requests that keep {@code ExecRequest}'s default timeout (60 s, also the
         * default here).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * Keepalive interval (whole seconds); {@link Duration#ZERO} turns keepalives off; default 15 s.
         *
         * @param interval the interval; zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative keepAliveInterval: " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /**
         * Commands in flight at once on the connection (1 to {@value #MAX_CHANNELS_LIMIT}; default 8).
         * Further commands wait for a free channel.
         *
         * @param channels the limit
         * @return this builder
         * @throws IllegalArgumentException if {@code channels} is out of range
         */
        public Builder maxChannels(int channels) {
            if (channels < 1 || channels > MAX_CHANNELS_LIMIT) {
                throw new IllegalArgumentException("maxChannels must be 1.." + MAX_CHANNELS_LIMIT
                        + " (below OpenSSH's MaxSessions 10): " + channels);
            }
            this.maxChannels = channels;
            return this;
        }

        /**
         * After a failed connect, the next waits {@code initial}, doubled per failure up to {@code max}.
         * Defaults 500 ms and 30 s.
         *
         * @param initial the first wait; positive
         * @param max the longest wait; positive, not below {@code initial}
         * @return this builder
         * @throws IllegalArgumentException if a duration is null, not positive, or {@code max < initial}
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            positive(initial, "reconnectBackoff");
            positive(max, "maxReconnectBackoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("maxReconnectBackoff " + max + " < reconnectBackoff " + initial);
            }
            this.reconnectBackoff = initial;
            this.maxReconnectBackoff = max;
            return this;
        }

        /**
         * Connects through {@code bastion} (as OpenSSH's {@code ProxyJump}): a direct-tcpip channel
         * from the bastion to this host carries the SSH session, which has its own authentication
         * and host key check. The bastion's timeouts and host key policy are its own.
         *
         * @param bastion the jump host's configuration; it must not have a jump host of its own
         * @return this builder
         * @throws IllegalArgumentException if {@code bastion} has a jump host
         */
        public Builder jumpHost(SshConfig bastion) {
            Objects.requireNonNull(bastion, "bastion");
            if (bastion.jumpHost != null) {
                throw new IllegalArgumentException("a jump host with a jump host of its own is not supported: " + bastion);
            }
            this.jumpHost = bastion;
            return this;
        }

        /**
         * Checks the choices and makes the immutable configuration.
         *
         * @return the configuration; secrets are copied into it
         * @throws IllegalStateException if the authentication or host key policy is missing or ambiguous,
         *     or a passphrase is set without a private key
         */
        public SshConfig build() {
            boolean key = privateKeyFile != null || privateKeyText != null;
            if (key == (password != null)) {
                throw new IllegalStateException(key
                        ? "choose one authentication for " + user + "@" + host + ": a private key or a password, not both"
                        : "no authentication for " + user + "@" + host + ": set privateKey(...), privateKeyText(...) or password(...)");
            }
            if (passphrase != null && !key) {
                throw new IllegalStateException("a passphrase without a private key for " + user + "@" + host);
            }
            int policies = (knownHosts != null ? 1 : 0) + (fingerprints.isEmpty() ? 0 : 1) + (acceptAnyHostKey ? 1 : 0);
            if (policies != 1) {
                throw new IllegalStateException((policies == 0 ? "no" : "more than one")
                        + " host key policy for " + host + ":" + port
                        + ": choose knownHosts(...), hostKeyFingerprint(...) or insecureAcceptAnyHostKey()");
            }
            return new SshConfig(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static String requireText(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isBlank()) {
                throw new IllegalArgumentException("blank " + what);
            }
            return s;
        }
    }
}
