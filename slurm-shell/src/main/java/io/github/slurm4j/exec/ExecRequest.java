package io.github.slurm4j.exec;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One command to run: the argument list (program first; never a shell string), extra environment
 * variables, a working directory, stdin, a timeout and an output limit. Immutable; build with
 * {@link #of(String...)} or {@link #builder(List)}.
 *
 * <p>A request whose stdin is an {@link InputStream} can be run once only (the stream is consumed).
 */
public final class ExecRequest {
    /** Default timeout: 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default limit per output stream (stdout, stderr) of a buffered run: 256 MiB. */
    public static final long DEFAULT_OUTPUT_LIMIT = 256L * 1024 * 1024;

    private static final int DISPLAY_LIMIT = 300;

    private final List<String> command;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final byte[] stdinBytes;
    private final InputStream stdinStream;
    private final Duration timeout;
    private final long outputLimit;

    private ExecRequest(Builder b) {
        this.command = List.copyOf(b.command);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.workingDirectory = b.workingDirectory;
        this.stdinBytes = b.stdinBytes;
        this.stdinStream = b.stdinStream;
        this.timeout = b.timeout;
        this.outputLimit = b.outputLimit;
    }

    /**
     * A request for {@code command} with the defaults: no extra env, no stdin, 60 s, 256 MiB.
     *
     * @param command the program and its arguments, passed verbatim
     * @return the request
     * @throws IllegalArgumentException for no words, an empty program name, or a NUL in an argument
     * @throws NullPointerException if an argument is null
     */
    public static ExecRequest of(String... command) {
        return builder(List.of(command)).build();
    }

    /**
     * A request for {@code command} with the defaults.
     *
     * @param command the program and its arguments, passed verbatim; copied
     * @return the request
     * @throws IllegalArgumentException for an empty list, an empty program name, or a NUL in an argument
     * @throws NullPointerException if the list or an argument is null
     */
    public static ExecRequest of(List<String> command) {
        return builder(command).build();
    }

    /**
     * A builder for {@code command}, starting from the defaults.
     *
     * @param command the program and its arguments, passed verbatim; copied
     * @return the builder
     * @throws IllegalArgumentException for an empty list, an empty program name, or a NUL in an argument
     * @throws NullPointerException if the list or an argument is null
     */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /**
     * A builder for {@code command}, starting from the defaults.
     *
     * @param command the program and its arguments, passed verbatim
     * @return the builder
     * @throws IllegalArgumentException for no words, an empty program name, or a NUL in an argument
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(String... command) {
        return new Builder(List.of(command));
    }

    /** {@return a builder holding this request's settings (the stdin stream, if any, is shared)} */
    public Builder toBuilder() {
        Builder b = new Builder(command);
        b.environment.putAll(environment);
        b.workingDirectory = workingDirectory;
        b.stdinBytes = stdinBytes;
        b.stdinStream = stdinStream;
        b.timeout = timeout;
        b.outputLimit = outputLimit;
        return b;
    }

    /** {@return the argument list; the program is the first element; unmodifiable} */
    public List<String> command() {
        return command;
    }

    /** {@return the variables set for the command, in addition to (or replacing) the shell's own; unmodifiable} */
    public Map<String, String> environment() {
        return environment;
    }

    /** {@return the directory to run in; empty for the shell's default (home directory over SSH)} */
    public Optional<String> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** {@return the bytes to write to stdin (not a copy), or {@code null}; see also {@link #stdinStream()}} */
    public byte[] stdinBytes() {
        return stdinBytes;
    }

    /** {@return the stream to copy to stdin, or {@code null}} */
    public InputStream stdinStream() {
        return stdinStream;
    }

    /** {@return whether the command gets a stdin; without one it reads end-of-file at once} */
    public boolean hasStdin() {
        return stdinBytes != null || stdinStream != null;
    }

    /** {@return how long the command may run before it is killed and the run throws {@link ShellTimeoutException}} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return the bytes kept per output stream (stdout, stderr); the rest is read and dropped} */
    public long outputLimit() {
        return outputLimit;
    }

    /** {@return the command for messages, as {@link #display(List)} writes it} */
    public String display() {
        return display(command);
    }

    /**
     * An argument list as a human reads it in a message: words that need it single-quoted
     * (control characters escaped), bounded to 300 characters. Never used to run anything.
     *
     * @param command the argument list
     * @return the words joined by spaces, cut with {@code …} after 300 characters
     */
    public static String display(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!arg.isEmpty() && arg.chars().allMatch(ExecRequest::isPlain)) {
                sb.append(arg);
            } else {
                sb.append('\'');
                for (int i = 0; i < arg.length(); i++) {
                    char c = arg.charAt(i);
                    if (c == '\n') {
                        sb.append("\\n");
                    } else if (c == '\t') {
                        sb.append("\\t");
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if (c == '\'') {
                        sb.append("'\\''");
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('\'');
            }
            if (sb.length() > DISPLAY_LIMIT) {
                return sb.substring(0, DISPLAY_LIMIT) + "…";
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./=:,+@%".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return "ExecRequest[" + display() + "]";
    }

    /** Builds an {@link ExecRequest}. */
    public static final class Builder {
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String workingDirectory;
        private byte[] stdinBytes;
        private InputStream stdinStream;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long outputLimit = DEFAULT_OUTPUT_LIMIT;

        private Builder(List<String> command) {
            Objects.requireNonNull(command, "command");
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command");
            }
            List<String> copy = new ArrayList<>(command.size());
            for (String arg : command) {
                // a NUL cannot reach a program (argv strings end at NUL): refuse it rather than
                // let a shell cut the argument silently
                if (Objects.requireNonNull(arg, "command argument").indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("NUL in argument " + copy.size() + " of " + display(command));
                }
                copy.add(arg);
            }
            if (copy.get(0).isEmpty()) {
                throw new IllegalArgumentException("empty program name");
            }
            this.command = copy;
        }

        /**
         * Sets a variable for the command. Names must be valid POSIX names ({@code [A-Za-z_][A-Za-z0-9_]*}).
         *
         * @param name the variable's name
         * @param value its value, verbatim; may be empty
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a NUL in the value
         * @throws NullPointerException if {@code name} or {@code value} is null
         */
        public Builder env(String name, String value) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: " + name);
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in the value of " + name);
            }
            environment.put(name, value);
            return this;
        }

        /**
         * Sets several variables, as {@link #env(String, String)} each.
         *
         * @param variables name → value
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a NUL in a value (the variables
         *     before it are set)
         */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Runs the command in {@code dir}.
         *
         * @param dir a path on the machine the shell runs commands on; not null
         * @return this builder
         */
        public Builder workingDirectory(String dir) {
            this.workingDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Writes these bytes to the command's stdin, then closes it; replaces a stream set before.
         *
         * @param bytes the input; not copied; not null
         * @return this builder
         */
        public Builder stdin(byte[] bytes) {
            this.stdinBytes = Objects.requireNonNull(bytes, "bytes");
            this.stdinStream = null;
            return this;
        }

        /**
         * Writes this text, encoded as UTF-8, to the command's stdin.
         *
         * @param text the input; not null
         * @return this builder
         */
        public Builder stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Copies {@code stream} to stdin; the request can then be run once only. Not closed by the
         * shell. Replaces bytes set before.
         *
         * @param stream the input; not null
         * @return this builder
         */
        public Builder stdin(InputStream stream) {
            this.stdinStream = Objects.requireNonNull(stream, "stream");
            this.stdinBytes = null;
            return this;
        }

        /**
         * How long the command may run; then it is killed (with what it started) and the run throws
         * {@link ShellTimeoutException}. Default {@link #DEFAULT_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The bytes kept per output stream; the rest is read and dropped and the result says
         * {@code truncated}. Default {@link #DEFAULT_OUTPUT_LIMIT}.
         *
         * @param bytes the limit; 0 keeps nothing
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder outputLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative output limit: " + bytes);
            }
            this.outputLimit = bytes;
            return this;
        }

        /** {@return the immutable request; the builder can be used further} */
        public ExecRequest build() {
            return new ExecRequest(this);
        }
    }
}
