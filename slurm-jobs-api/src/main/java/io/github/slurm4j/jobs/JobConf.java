package io.github.slurm4j.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job as a console form describes it. Build one with {@link #builder()} or from the map a console
 * sends ({@link #fromMap}); {@link SlurmJobs#submit} validates it ({@link #validate}) before Slurm is
 * called. Immutable.
 *
 * <p>The script is one of: its text (sent to sbatch on stdin, or first written to
 * {@link #writeScriptTo()} on the cluster and submitted from there) or a path of an existing script
 * on the cluster ({@link #scriptPath()}).
 */
public final class JobConf {
    private final String script;
    private final String scriptPath;
    private final String writeScriptTo;
    private final List<String> args;
    private final String name;
    private final String workDir;
    private final Long timeLimitMinutes;
    private final String partition;
    private final Integer cores;
    private final Double memoryGb;
    private final Integer nodes;
    private final Integer gpus;
    private final String account;
    private final String qos;
    private final Map<String, String> env;
    private final String dependency;
    private final String array;
    private final String output;
    private final String error;
    private final String begin;
    private final boolean hold;
    private final String comment;
    private final boolean exclusive;

    private JobConf(Builder b) {
        script = b.script;
        scriptPath = b.scriptPath;
        writeScriptTo = b.writeScriptTo;
        args = List.copyOf(b.args);
        name = b.name;
        workDir = b.workDir;
        timeLimitMinutes = b.timeLimitMinutes;
        partition = b.partition;
        cores = b.cores;
        memoryGb = b.memoryGb;
        nodes = b.nodes;
        gpus = b.gpus;
        account = b.account;
        qos = b.qos;
        env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        dependency = b.dependency;
        array = b.array;
        output = b.output;
        error = b.error;
        begin = b.begin;
        hold = b.hold;
        comment = b.comment;
        exclusive = b.exclusive;
    }

    /** {@return a builder of an empty form; {@link #validate} then asks for a script} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A job from the keys existing consoles send: {@code job_wdir} (working directory),
     * {@code job_name}, {@code time_limit} (minutes), {@code partition}, {@code scale_cores},
     * {@code scale_memGB}, {@code scale_Nodes}, {@code jobfile_args} (a list, or one string split
     * at white space); and {@code script} (text) or {@code jobfile} (a path on the cluster). Numbers
     * may come as numbers or as text. Other keys are ignored. A value that is not a number where
     * one is expected is reported by {@link #validate} under its key, not thrown here.
     *
     * @param form the console's key → value map
     * @return the job; call {@link #validate} before using it
     */
    public static JobConf fromMap(Map<String, ?> form) {
        Builder b = new Builder();
        Object v;
        if ((v = form.get("script")) != null) {
            b.script(v.toString());
        }
        if ((v = form.get("jobfile")) != null) {
            b.scriptPath(v.toString());
        }
        if ((v = form.get("job_wdir")) != null) {
            b.workDir(v.toString());
        }
        if ((v = form.get("job_name")) != null) {
            b.name(v.toString());
        }
        if ((v = form.get("partition")) != null && !v.toString().isBlank()) {
            b.partition(v.toString().strip());
        }
        b.timeLimitMinutes = number(b, "time_limit", form.get("time_limit"), Long.class);
        b.cores = number(b, "scale_cores", form.get("scale_cores"), Integer.class);
        b.memoryGb = number(b, "scale_memGB", form.get("scale_memGB"), Double.class);
        b.nodes = number(b, "scale_Nodes", form.get("scale_Nodes"), Integer.class);
        v = form.get("jobfile_args");
        if (v instanceof List<?> list) {
            list.forEach(a -> b.args.add(String.valueOf(a)));
        } else if (v != null && !v.toString().isBlank()) {
            b.args.addAll(List.of(v.toString().strip().split("\\s+")));
        }
        return b.build();
    }

    private static <T extends Number> T number(Builder b, String key, Object v, Class<T> type) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
            if (type == Double.class) {
                return type.cast(d);
            }
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                b.formErrors.put(key, "not a whole number: " + v);
                return null;
            }
            return type == Long.class ? type.cast((long) d) : type.cast((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d)));
        } catch (NumberFormatException e) {
            b.formErrors.put(key, "not a number: " + v);
            return null;
        }
    }

    private final Map<String, String> formErrors = new LinkedHashMap<>();

    /**
     * What is wrong with this job, field by field (empty when nothing is): no script, or both a
     * text and a path; a script text without {@code #!} on its first line; zero or negative
     * cores, memory, time limit, nodes; negative GPUs; a partition not in {@code knownPartitions}
     * (when that list is not empty). Keys are the field names of {@link Builder} (or the form's
     * key for a value that was not a number).
     *
     * @param knownPartitions the partitions a submission may name; empty for no check
     * @return field → message, in the order found; unmodifiable, empty when the job is valid
     */
    public Map<String, String> validate(List<String> knownPartitions) {
        Map<String, String> e = new LinkedHashMap<>(formErrors);
        if (script == null && scriptPath == null) {
            e.put("script", "a script text or a script path is needed");
        } else if (script != null && scriptPath != null) {
            e.put("script", "either a script text or a script path, not both");
        } else if (script != null && !script.startsWith("#!")) {
            e.put("script", "the script must start with #! (e.g. #!/bin/bash)");
        }
        if (writeScriptTo != null && script == null) {
            e.put("writeScriptTo", "only a script text can be written to a path");
        }
        if (timeLimitMinutes != null && timeLimitMinutes <= 0) {
            e.put("timeLimitMinutes", "the time limit must be a positive number of minutes: " + timeLimitMinutes);
        }
        if (cores != null && cores <= 0) {
            e.put("cores", "the number of cores must be positive: " + cores);
        }
        if (memoryGb != null && !(memoryGb > 0)) {
            e.put("memoryGb", "the memory must be positive: " + memoryGb);
        }
        if (nodes != null && nodes <= 0) {
            e.put("nodes", "the number of nodes must be positive: " + nodes);
        }
        if (gpus != null && gpus < 0) {
            e.put("gpus", "the number of GPUs cannot be negative: " + gpus);
        }
        if (partition != null && !knownPartitions.isEmpty() && !knownPartitions.contains(partition)) {
            e.put("partition", "unknown partition " + partition + "; known: " + String.join(", ", knownPartitions));
        }
        if (name != null && name.isBlank()) {
            e.put("name", "the job name is blank");
        }
        return Collections.unmodifiableMap(e);
    }

    /** {@return the script's text, or {@code null} when the script is a path} */
    public String script() { return script; }
    /** {@return the path of an existing script on the cluster, or {@code null}} */
    public String scriptPath() { return scriptPath; }
    /** {@return the path on the cluster the script text is written to (mode 0700) before it is submitted from there, or {@code null} to send it on stdin} */
    public String writeScriptTo() { return writeScriptTo; }
    /** {@return the arguments passed to the script; unmodifiable, empty when none} */
    public List<String> args() { return args; }
    /** {@return the job name ({@code --job-name}), or {@code null} for Slurm's default (the script file's name, {@code sbatch} for a script sent on stdin)} */
    public String name() { return name; }
    /** {@return the job's working directory on the cluster ({@code --chdir}), or {@code null} for the directory sbatch runs in} */
    public String workDir() { return workDir; }
    /** {@return the time limit in minutes ({@code --time}), or {@code null} for the partition's default} */
    public Long timeLimitMinutes() { return timeLimitMinutes; }
    /** {@return the partition ({@code --partition}), or {@code null} for the default partition} */
    public String partition() { return partition; }
    /** {@return the CPUs per task ({@code --cpus-per-task}), or {@code null}} */
    public Integer cores() { return cores; }
    /** {@return the memory per node in GiB ({@code --mem}, sent in MiB, at least 1), or {@code null}} */
    public Double memoryGb() { return memoryGb; }
    /** {@return the number of nodes ({@code --nodes}), or {@code null}} */
    public Integer nodes() { return nodes; }
    /** {@return the GPUs of the job ({@code --gpus}; 0 asks for none), or {@code null}} */
    public Integer gpus() { return gpus; }
    /** {@return the account charged ({@code --account}), or {@code null} for the user's default} */
    public String account() { return account; }
    /** {@return the QOS ({@code --qos}), or {@code null}} */
    public String qos() { return qos; }
    /** {@return the variables exported to the job by name; unmodifiable, empty when none} */
    public Map<String, String> env() { return env; }
    /** {@return the dependency in Slurm's syntax ({@code afterok:12}), or {@code null}} */
    public String dependency() { return dependency; }
    /** {@return the array specification ({@code 0-9%2}), or {@code null} for a single job} */
    public String array() { return array; }
    /** {@return the stdout file on the cluster ({@code --output}, Slurm's {@code %j} patterns apply), or {@code null}} */
    public String output() { return output; }
    /** {@return the stderr file on the cluster ({@code --error}), or {@code null} for the output file} */
    public String error() { return error; }
    /** {@return the earliest start in Slurm's syntax ({@code --begin}), or {@code null}} */
    public String begin() { return begin; }
    /** {@return whether the job is submitted held ({@code --hold})} */
    public boolean hold() { return hold; }
    /** {@return the user's comment, as it reads back (without the façade's submission token), or {@code null}} */
    public String comment() { return comment; }
    /** {@return whether the job takes whole nodes ({@code --exclusive})} */
    public boolean exclusive() { return exclusive; }

    /** Builds a {@link JobConf}; values are checked by {@link JobConf#validate}, not here. */
    public static final class Builder {
        private String script;
        private String scriptPath;
        private String writeScriptTo;
        private final List<String> args = new ArrayList<>();
        private String name;
        private String workDir;
        private Long timeLimitMinutes;
        private String partition;
        private Integer cores;
        private Double memoryGb;
        private Integer nodes;
        private Integer gpus;
        private String account;
        private String qos;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String dependency;
        private String array;
        private String output;
        private String error;
        private String begin;
        private boolean hold;
        private String comment;
        private boolean exclusive;
        private final Map<String, String> formErrors = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The script's text, sent on stdin or written to {@link #writeScriptTo}; it must start with {@code #!}.
         *
         * @param text the whole script
         * @return this builder
         */
        public Builder script(String text) { this.script = text; return this; }
        /**
         * An existing script on the cluster, instead of a text.
         *
         * @param path the script's path on the cluster
         * @return this builder
         */
        public Builder scriptPath(String path) { this.scriptPath = path; return this; }
        /**
         * Write the script text to this path on the cluster first (mode 0700, replacing a file there)
         * and submit it from there.
         *
         * @param path a path on the cluster, in a writable directory
         * @return this builder
         */
        public Builder writeScriptTo(String path) { this.writeScriptTo = path; return this; }
        /**
         * Adds arguments passed to the script, after those added before.
         *
         * @param args the arguments, each passed verbatim
         * @return this builder
         */
        public Builder args(List<String> args) { this.args.addAll(args); return this; }
        /**
         * {@code --job-name}.
         *
         * @param name the job name; not blank
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }
        /**
         * {@code --chdir}: the job's working directory.
         *
         * @param dir a path on the cluster
         * @return this builder
         */
        public Builder workDir(String dir) { this.workDir = dir; return this; }
        /**
         * {@code --time} in minutes.
         *
         * @param minutes the limit; positive
         * @return this builder
         */
        public Builder timeLimitMinutes(long minutes) { this.timeLimitMinutes = minutes; return this; }
        /**
         * {@code --partition}; checked against the cluster's known partitions, when it has a list.
         *
         * @param partition the partition name
         * @return this builder
         */
        public Builder partition(String partition) { this.partition = partition; return this; }
        /**
         * {@code --cpus-per-task}: CPUs for the job's task.
         *
         * @param cores the CPUs; positive
         * @return this builder
         */
        public Builder cores(int cores) { this.cores = cores; return this; }
        /**
         * {@code --mem}: memory per node in GiB (sent in whole MiB, at least 1).
         *
         * @param gb the memory; positive
         * @return this builder
         */
        public Builder memoryGb(double gb) { this.memoryGb = gb; return this; }
        /**
         * {@code --nodes}.
         *
         * @param nodes the number of nodes; positive
         * @return this builder
         */
        public Builder nodes(int nodes) { this.nodes = nodes; return this; }
        /**
         * {@code --gpus}: GPUs for the whole job; 0 asks for none.
         *
         * @param gpus the number of GPUs; not negative
         * @return this builder
         */
        public Builder gpus(int gpus) { this.gpus = gpus; return this; }
        /**
         * {@code --account}: the account charged.
         *
         * @param account the account name
         * @return this builder
         */
        public Builder account(String account) { this.account = account; return this; }
        /**
         * {@code --qos}.
         *
         * @param qos the QOS name
         * @return this builder
         */
        public Builder qos(String qos) { this.qos = qos; return this; }
        /**
         * Exports a variable to the job (names starting with {@code SBATCH_} or {@code SLURM_} are
         * refused at submission).
         *
         * @param name a POSIX variable name; not null
         * @param value its value; not null
         * @return this builder
         */
        public Builder env(String name, String value) { this.env.put(Objects.requireNonNull(name), Objects.requireNonNull(value)); return this; }
        /**
         * {@code --dependency} in Slurm's syntax, e.g. {@code afterok:12}.
         *
         * @param dependency the expression
         * @return this builder
         */
        public Builder dependency(String dependency) { this.dependency = dependency; return this; }
        /**
         * {@code --array} in Slurm's syntax, e.g. {@code 0-9%2}.
         *
         * @param spec the task indexes, optionally with a {@code %N} throttle
         * @return this builder
         */
        public Builder array(String spec) { this.array = spec; return this; }
        /**
         * {@code --output}: the stdout file on the cluster; Slurm's {@code %j} patterns apply.
         *
         * @param path the file path
         * @return this builder
         */
        public Builder output(String path) { this.output = path; return this; }
        /**
         * {@code --error}: the stderr file on the cluster; without it stderr goes to the output file.
         *
         * @param path the file path
         * @return this builder
         */
        public Builder error(String path) { this.error = path; return this; }
        /**
         * {@code --begin} in Slurm's begin-time syntax ({@code now+1hour}, {@code 2026-12-24T18:00:00}).
         *
         * @param time the earliest start
         * @return this builder
         */
        public Builder begin(String time) { this.begin = time; return this; }
        /**
         * {@code --hold}: submit the job held, pending until released.
         *
         * @param hold whether to hold it
         * @return this builder
         */
        public Builder hold(boolean hold) { this.hold = hold; return this; }
        /**
         * The comment; it reads back exactly as given (the façade's submission token is removed).
         *
         * @param comment the comment
         * @return this builder
         */
        public Builder comment(String comment) { this.comment = comment; return this; }
        /**
         * {@code --exclusive}: whole nodes.
         *
         * @param exclusive whether to take whole nodes
         * @return this builder
         */
        public Builder exclusive(boolean exclusive) { this.exclusive = exclusive; return this; }

        /** {@return the immutable form; its values are checked by {@link JobConf#validate}, not here} */
        public JobConf build() {
            JobConf c = new JobConf(this);
            c.formErrors.putAll(formErrors);
            return c;
        }
    }
}
