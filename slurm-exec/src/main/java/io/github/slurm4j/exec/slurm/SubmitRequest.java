package io.github.slurm4j.exec.slurm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch job to submit with {@code sbatch --parsable}: the script (text sent on stdin, a path on
 * the cluster, or a {@code --wrap} command) and the options. Each option becomes one argument
 * {@code --option=value}; nothing is ever joined into a shell string, so a name such as
 * {@code $(rm -rf x); `id`} reaches Slurm verbatim.
 *
 * <p>Control characters that would break Slurm's line-oriented outputs beyond repair (carriage
 * return, tab, U+001F, ...) are refused when set, with an {@link IllegalArgumentException}. A
 * newline is accepted in the job name, comment and working directory: Slurm prints it raw and
 * the parsers read it back verbatim; elsewhere it is refused.
 *
 * <p>Environment variables given with {@link Builder#env} are set for sbatch itself and exported
 * by name ({@code --export=ALL} or {@code --export=A,B}), so their values may hold commas and
 * anything else but NUL. Names starting with {@code SBATCH_} or {@code SLURM_} are refused: they
 * would change sbatch's own options.
 */
public final class SubmitRequest {
    private final List<String> options;
    private final byte[] scriptText;
    private final String scriptPath;
    private final String wrap;
    private final List<String> scriptArgs;
    private final Map<String, String> env;

    private SubmitRequest(Builder b) {
        this.options = List.copyOf(b.options.values());
        this.scriptText = b.scriptText;
        this.scriptPath = b.scriptPath;
        this.wrap = b.wrap;
        this.scriptArgs = List.copyOf(b.scriptArgs);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    }

    /** A job whose script is {@code script} (sent to sbatch on stdin). */
    public static Builder script(String script) {
        return new Builder().scriptText(script);
    }

    /** A job whose script is the file at {@code path} on the machine sbatch runs on. */
    public static Builder scriptPath(String path) {
        return new Builder().scriptPath(path);
    }

    /** A job that runs {@code command} with {@code sh} ({@code sbatch --wrap}). */
    public static Builder wrap(String command) {
        return new Builder().wrap(command);
    }

    /** The option arguments, in the order they were set ({@code --job-name=x}, ...). */
    public List<String> options() {
        return options;
    }

    /** The script sent on stdin, or {@code null}. */
    public byte[] scriptText() {
        return scriptText == null ? null : scriptText.clone();
    }

    byte[] scriptBytes() {
        return scriptText;
    }

    /** The script path, or {@code null}. */
    public String scriptPath() {
        return scriptPath;
    }

    /** The {@code --wrap} command, or {@code null}. */
    public String wrapCommand() {
        return wrap;
    }

    public List<String> scriptArgs() {
        return scriptArgs;
    }

    /** Variables set for sbatch and exported to the job. */
    public Map<String, String> env() {
        return env;
    }

    /** Builds a {@link SubmitRequest}; every setter validates its value at once. */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private byte[] scriptText;
        private String scriptPath;
        private String wrap;
        private final List<String> scriptArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Boolean exportAll;

        private Builder() {
        }

        private Builder scriptText(String script) {
            Objects.requireNonNull(script, "script");
            if (script.isEmpty()) {
                throw new IllegalArgumentException("empty script");
            }
            this.scriptText = script.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        private Builder scriptPath(String path) {
            Args.word("script path", path);
            if (path.startsWith("-")) {
                throw new IllegalArgumentException("a script path starting with '-' would be read as an option: " + path);
            }
            this.scriptPath = path;
            return this;
        }

        private Builder wrap(String command) {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new IllegalArgumentException("empty --wrap command");
            }
            if (command.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in the --wrap command");
            }
            this.wrap = command;
            return this;
        }

        /**
         * An sbatch option this builder does not model, e.g. {@code option("--mail-type", "END")},
         * {@code option("--ntasks-per-node", "4")}. The name must be one of sbatch's long options
         * ({@link SbatchOptions}); the value is one argument, passed verbatim (no shell ever reads
         * it) and may not hold control characters. Options the client sets itself or that change
         * what sbatch prints ({@code --parsable}, {@code --wrap}, {@code --export}, {@code --clusters},
         * {@code --test-only}, …) are refused: use {@link #wrap}, {@link #env}, the client's cluster.
         * A later call for the same option replaces the earlier one (typed methods included).
         */
        public Builder option(String name, String value) {
            String n = SbatchOptions.check(name, true);
            return opt(n, Args.text(name, Objects.requireNonNull(value, "value")));
        }

        /** An sbatch flag this builder does not model, e.g. {@code option("--requeue")} (see {@link #option(String, String)}). */
        public Builder option(String name) {
            return flag(SbatchOptions.check(name, false));
        }

        private Builder opt(String name, String value) {
            options.put(name, "--" + name + "=" + value);
            return this;
        }

        private Builder flag(String name) {
            options.put(name, "--" + name);
            return this;
        }

        /** {@code --job-name}. */
        public Builder name(String name) {
            return opt("job-name", Args.freeWord("job name", name));
        }

        public Builder partition(String partition) {
            return opt("partition", Args.word("partition", partition));
        }

        public Builder account(String account) {
            return opt("account", Args.word("account", account));
        }

        public Builder qos(String qos) {
            return opt("qos", Args.word("qos", qos));
        }

        /** {@code --time}, as {@code D-HH:MM:SS}; Slurm rounds it up to whole minutes. */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive: " + limit);
            }
            long s = limit.toSeconds() + (limit.toNanosPart() > 0 ? 1 : 0);
            return opt("time", String.format("%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60));
        }

        /** {@code --time=UNLIMITED} (the partition's MaxTime still applies). */
        public Builder unlimitedTime() {
            return opt("time", "UNLIMITED");
        }

        public Builder nodes(int nodes) {
            return opt("nodes", Integer.toString(Args.positive("nodes", nodes)));
        }

        public Builder ntasks(int ntasks) {
            return opt("ntasks", Integer.toString(Args.positive("ntasks", ntasks)));
        }

        public Builder cpusPerTask(int cpus) {
            return opt("cpus-per-task", Integer.toString(Args.positive("cpus per task", cpus)));
        }

        /** {@code --mem} in MiB per node ({@code 0}: all the memory of the node). */
        public Builder memoryPerNodeMb(long mb) {
            if (mb < 0) {
                throw new IllegalArgumentException("negative memory: " + mb);
            }
            options.remove("mem-per-cpu");
            return opt("mem", mb + "M");
        }

        /** {@code --mem-per-cpu} in MiB. */
        public Builder memoryPerCpuMb(long mb) {
            if (mb <= 0) {
                throw new IllegalArgumentException("memory per CPU must be positive: " + mb);
            }
            options.remove("mem");
            return opt("mem-per-cpu", mb + "M");
        }

        /** {@code --gres}, e.g. {@code gpu:1}, {@code gpu:a100:2}. */
        public Builder gres(String gres) {
            return opt("gres", Args.word("gres", gres));
        }

        /** {@code --gpus}, e.g. {@code 2}, {@code a100:2}. */
        public Builder gpus(String gpus) {
            return opt("gpus", Args.word("gpus", gpus));
        }

        /** {@code --chdir}: the job's working directory on the cluster. */
        public Builder workingDirectory(String dir) {
            return opt("chdir", Args.freeWord("working directory", dir));
        }

        /** {@code --output} (Slurm's filename patterns such as {@code %j} apply). */
        public Builder output(String path) {
            return opt("output", Args.word("output path", path));
        }

        /** {@code --error}. */
        public Builder error(String path) {
            return opt("error", Args.word("error path", path));
        }

        public Builder comment(String comment) {
            return opt("comment", Args.freeText("comment", comment));
        }

        /** {@code --array}, e.g. {@code 1-10}, {@code 1,3,5}, {@code 0-99%10}. */
        public Builder array(String spec) {
            return opt("array", Args.word("array spec", spec));
        }

        /** {@code --dependency}, e.g. {@code afterok:12:13}. */
        public Builder dependency(String dependency) {
            return opt("dependency", Args.word("dependency", dependency));
        }

        /** {@code --hold}: submitted held (pending with reason JobHeldUser) until released. */
        public Builder hold() {
            return flag("hold");
        }

        /** {@code --nice}; negative values need privileges. */
        public Builder nice(int nice) {
            return opt("nice", Integer.toString(nice));
        }

        /** {@code --priority} (privileged). */
        public Builder priority(long priority) {
            if (priority < 0) {
                throw new IllegalArgumentException("negative priority: " + priority);
            }
            return opt("priority", Long.toString(priority));
        }

        public Builder reservation(String reservation) {
            return opt("reservation", Args.word("reservation", reservation));
        }

        /** {@code --constraint}, node features such as {@code intel&ib}. */
        public Builder constraint(String constraint) {
            return opt("constraint", Args.word("constraint", constraint));
        }

        /** {@code --exclusive}: whole nodes. */
        public Builder exclusive() {
            return flag("exclusive");
        }

        /** Arguments passed to the script (not with {@code --wrap}). */
        public Builder scriptArgs(List<String> args) {
            for (String a : args) {
                if (a.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("NUL in a script argument");
                }
                scriptArgs.add(a);
            }
            return this;
        }

        /** Sets {@code name=value} in the job's environment (see the class comment). */
        public Builder env(String name, String value) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: " + name);
            }
            if (name.startsWith("SBATCH_") || name.startsWith("SLURM_")) {
                throw new IllegalArgumentException(name + " would change sbatch's own options; set the option instead");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in the value of " + name);
            }
            env.put(name, value);
            return this;
        }

        /**
         * Whether the job gets the whole environment sbatch runs with ({@code --export=ALL}, Slurm's
         * default) or only the variables set with {@link #env} ({@code --export=A,B}, or
         * {@code --export=NONE} without any).
         */
        public Builder exportAll(boolean all) {
            this.exportAll = all;
            return this;
        }

        public SubmitRequest build() {
            if (wrap != null && !scriptArgs.isEmpty()) {
                throw new IllegalArgumentException("script arguments cannot be passed with --wrap");
            }
            if (exportAll != null || !env.isEmpty()) {
                boolean all = exportAll == null || exportAll;
                String value = all ? "ALL" : env.isEmpty() ? "NONE" : String.join(",", env.keySet());
                options.put("export", "--export=" + value);
            }
            return new SubmitRequest(this);
        }
    }
}
