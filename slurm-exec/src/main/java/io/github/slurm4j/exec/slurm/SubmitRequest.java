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

    /**
     * A job whose script is {@code script} (sent to sbatch on stdin).
     *
     * @param script the whole script, {@code #!} line and {@code #SBATCH} lines included; not empty
     * @return a builder
     * @throws IllegalArgumentException for an empty script
     */
    public static Builder script(String script) {
        return new Builder().scriptText(script);
    }

    /**
     * A job whose script is the file at {@code path} on the machine sbatch runs on.
     *
     * @param path the script's path; not empty, no control character, not starting with {@code -}
     * @return a builder
     * @throws IllegalArgumentException for a path sbatch could not take as a script
     */
    public static Builder scriptPath(String path) {
        return new Builder().scriptPath(path);
    }

    /**
     * A job that runs {@code command} with {@code sh} ({@code sbatch --wrap}): here a shell does
     * read the text, as the job's own command.
     *
     * @param command the command line; not blank, no NUL
     * @return a builder
     * @throws IllegalArgumentException for a blank command or a NUL
     */
    public static Builder wrap(String command) {
        return new Builder().wrap(command);
    }

    /** {@return the option arguments, in the order they were first set ({@code --job-name=x}, ...); unmodifiable} */
    public List<String> options() {
        return options;
    }

    /** {@return a copy of the script sent on stdin (UTF-8), or {@code null} for a path or {@code --wrap}} */
    public byte[] scriptText() {
        return scriptText == null ? null : scriptText.clone();
    }

    byte[] scriptBytes() {
        return scriptText;
    }

    /** {@return the script path, or {@code null} for a script text or {@code --wrap}} */
    public String scriptPath() {
        return scriptPath;
    }

    /** {@return the {@code --wrap} command, or {@code null}} */
    public String wrapCommand() {
        return wrap;
    }

    /** {@return the arguments passed to the script, in order; unmodifiable} */
    public List<String> scriptArgs() {
        return scriptArgs;
    }

    /** {@return the variables set for sbatch and exported to the job, in the order set; unmodifiable} */
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
         *
         * @param name the long option, with or without {@code --}
         * @param value its value, one argument; no control character
         * @return this builder
         * @throws IllegalArgumentException for a name sbatch does not have or the client refuses, or a
         *     control character in the value
         */
        public Builder option(String name, String value) {
            String n = SbatchOptions.check(name, true);
            return opt(n, Args.text(name, Objects.requireNonNull(value, "value")));
        }

        /**
         * An sbatch flag this builder does not model, e.g. {@code option("--requeue")} (see
         * {@link #option(String, String)}).
         *
         * @param name the long option, with or without {@code --}
         * @return this builder
         * @throws IllegalArgumentException for a name sbatch does not have or the client refuses
         */
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

        /**
         * {@code --job-name}.
         *
         * @param name the job name; not empty; newlines allowed (Slurm prints them raw), other control characters not
         * @return this builder
         * @throws IllegalArgumentException for an empty name or a control character other than newline
         */
        public Builder name(String name) {
            return opt("job-name", Args.freeWord("job name", name));
        }

        /**
         * {@code --partition}; a comma list asks for the first partition that can start the job.
         *
         * @param partition the partition name(s); not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder partition(String partition) {
            return opt("partition", Args.word("partition", partition));
        }

        /**
         * {@code --account}: the account the job is charged to.
         *
         * @param account the account name; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder account(String account) {
            return opt("account", Args.word("account", account));
        }

        /**
         * {@code --qos}. Slurm accepts an unknown QOS and leaves the job with an empty one
         * (see {@link io.github.slurm4j.model.job.SubmitResult}).
         *
         * @param qos the QOS name; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder qos(String qos) {
            return opt("qos", Args.word("qos", qos));
        }

        /**
         * {@code --time}, as {@code D-HH:MM:SS}; Slurm rounds it up to whole minutes.
         *
         * @param limit the limit; positive (a fraction of a second counts as a whole second)
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is zero or negative
         */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive: " + limit);
            }
            long s = limit.toSeconds() + (limit.toNanosPart() > 0 ? 1 : 0);
            return opt("time", String.format("%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60));
        }

        /**
         * {@code --time=UNLIMITED} (the partition's MaxTime still applies).
         *
         * @return this builder
         */
        public Builder unlimitedTime() {
            return opt("time", "UNLIMITED");
        }

        /**
         * {@code --nodes}: the number of nodes.
         *
         * @param nodes a positive count
         * @return this builder
         * @throws IllegalArgumentException if {@code nodes} is not positive
         */
        public Builder nodes(int nodes) {
            return opt("nodes", Integer.toString(Args.positive("nodes", nodes)));
        }

        /**
         * {@code --ntasks}: the number of tasks (processes) the job runs at most.
         *
         * @param ntasks a positive count
         * @return this builder
         * @throws IllegalArgumentException if {@code ntasks} is not positive
         */
        public Builder ntasks(int ntasks) {
            return opt("ntasks", Integer.toString(Args.positive("ntasks", ntasks)));
        }

        /**
         * {@code --cpus-per-task}.
         *
         * @param cpus a positive count
         * @return this builder
         * @throws IllegalArgumentException if {@code cpus} is not positive
         */
        public Builder cpusPerTask(int cpus) {
            return opt("cpus-per-task", Integer.toString(Args.positive("cpus per task", cpus)));
        }

        /**
         * {@code --mem} in MiB per node ({@code 0}: all the memory of the node); replaces {@link #memoryPerCpuMb}.
         *
         * @param mb MiB per node; 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code mb} is negative
         */
        public Builder memoryPerNodeMb(long mb) {
            if (mb < 0) {
                throw new IllegalArgumentException("negative memory: " + mb);
            }
            options.remove("mem-per-cpu");
            return opt("mem", mb + "M");
        }

        /**
         * {@code --mem-per-cpu} in MiB; replaces {@link #memoryPerNodeMb}.
         *
         * @param mb MiB per allocated CPU; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code mb} is not positive
         */
        public Builder memoryPerCpuMb(long mb) {
            if (mb <= 0) {
                throw new IllegalArgumentException("memory per CPU must be positive: " + mb);
            }
            options.remove("mem");
            return opt("mem-per-cpu", mb + "M");
        }

        /**
         * {@code --gres}, e.g. {@code gpu:1}, {@code gpu:a100:2}.
         *
         * @param gres the generic resources per node; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder gres(String gres) {
            return opt("gres", Args.word("gres", gres));
        }

        /**
         * {@code --gpus}, e.g. {@code 2}, {@code a100:2}.
         *
         * @param gpus the GPUs for the whole job; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder gpus(String gpus) {
            return opt("gpus", Args.word("gpus", gpus));
        }

        /**
         * {@code --chdir}: the job's working directory on the cluster.
         *
         * @param dir a path on the cluster; not empty; newlines allowed, other control characters not
         * @return this builder
         * @throws IllegalArgumentException for an empty path or a control character other than newline
         */
        public Builder workingDirectory(String dir) {
            return opt("chdir", Args.freeWord("working directory", dir));
        }

        /**
         * {@code --output} (Slurm's filename patterns such as {@code %j} apply).
         *
         * @param path the stdout file on the cluster; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty path or a control character
         */
        public Builder output(String path) {
            return opt("output", Args.word("output path", path));
        }

        /**
         * {@code --error}; without it stderr goes to the output file.
         *
         * @param path the stderr file on the cluster; patterns as for {@link #output}; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty path or a control character
         */
        public Builder error(String path) {
            return opt("error", Args.word("error path", path));
        }

        /**
         * {@code --comment}.
         *
         * @param comment the comment; may be empty; newlines allowed, other control characters not
         * @return this builder
         * @throws IllegalArgumentException for a control character other than newline
         */
        public Builder comment(String comment) {
            return opt("comment", Args.freeText("comment", comment));
        }

        /**
         * {@code --array}, e.g. {@code 1-10}, {@code 1,3,5}, {@code 0-99%10}.
         *
         * @param spec the task indexes, optionally with a {@code %N} throttle; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder array(String spec) {
            return opt("array", Args.word("array spec", spec));
        }

        /**
         * {@code --dependency}, e.g. {@code afterok:12:13}. Slurm drops a dependency on an unknown job
         * without an error.
         *
         * @param dependency the dependency expression; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder dependency(String dependency) {
            return opt("dependency", Args.word("dependency", dependency));
        }

        /**
         * {@code --begin}: the job is not started before this time ({@code 2026-12-24T18:00:00},
         * {@code now+1hour}, {@code 16:00}; Slurm's own syntax, in the cluster's local time).
         *
         * @param time the time in Slurm's syntax; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder begin(String time) {
            return opt("begin", Args.word("begin time", time));
        }

        /**
         * {@code --hold}: submitted held (pending with reason JobHeldUser) until released.
         *
         * @return this builder
         */
        public Builder hold() {
            return flag("hold");
        }

        /**
         * {@code --nice}; negative values need privileges.
         *
         * @param nice the adjustment; higher means lower priority
         * @return this builder
         */
        public Builder nice(int nice) {
            return opt("nice", Integer.toString(nice));
        }

        /**
         * {@code --priority} (privileged).
         *
         * @param priority the priority; not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code priority} is negative
         */
        public Builder priority(long priority) {
            if (priority < 0) {
                throw new IllegalArgumentException("negative priority: " + priority);
            }
            return opt("priority", Long.toString(priority));
        }

        /**
         * {@code --reservation}: run in this reservation.
         *
         * @param reservation the reservation name; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder reservation(String reservation) {
            return opt("reservation", Args.word("reservation", reservation));
        }

        /**
         * {@code --constraint}, node features such as {@code intel&ib}.
         *
         * @param constraint the feature expression; not empty, no control character
         * @return this builder
         * @throws IllegalArgumentException for an empty value or a control character
         */
        public Builder constraint(String constraint) {
            return opt("constraint", Args.word("constraint", constraint));
        }

        /**
         * {@code --exclusive}: whole nodes.
         *
         * @return this builder
         */
        public Builder exclusive() {
            return flag("exclusive");
        }

        /**
         * Arguments passed to the script (not with {@code --wrap}), after those added before.
         *
         * @param args the arguments, each passed verbatim; no NUL
         * @return this builder
         * @throws IllegalArgumentException for a NUL in an argument
         */
        public Builder scriptArgs(List<String> args) {
            for (String a : args) {
                if (a.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("NUL in a script argument");
                }
                scriptArgs.add(a);
            }
            return this;
        }

        /**
         * Sets {@code name=value} in the job's environment (see the class comment).
         *
         * @param name a POSIX variable name, not starting with {@code SBATCH_} or {@code SLURM_}
         * @param value the value; anything but NUL
         * @return this builder
         * @throws IllegalArgumentException for an invalid or refused name, or a NUL in the value
         */
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
         *
         * @param all true for {@code --export=ALL}, false for only the variables set with {@link #env}
         * @return this builder
         */
        public Builder exportAll(boolean all) {
            this.exportAll = all;
            return this;
        }

        /**
         * Makes the immutable request, adding {@code --export} when {@link #env} or
         * {@link #exportAll} was used.
         *
         * @return the request
         * @throws IllegalArgumentException for script arguments with {@code --wrap}
         */
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
