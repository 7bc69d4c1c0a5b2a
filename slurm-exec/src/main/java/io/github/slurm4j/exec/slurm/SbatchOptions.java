package io.github.slurm4j.exec.slurm;

import java.util.Set;

/**
 * The long options of {@code sbatch} (Slurm 22.05 to 26.05) that {@link SubmitRequest.Builder#option}
 * accepts, and those it refuses because the client sets them itself or they change what sbatch
 * prints. One list, so an option name can never carry shell syntax or a second option.
 */
final class SbatchOptions {
    private SbatchOptions() {
    }

    /** sbatch's long options, without the leading {@code --}. */
    static final Set<String> KNOWN = Set.of("account", "acctg-freq", "array", "batch", "bb", "bbf", "begin", "chdir",
            "cluster-constraint", "clusters", "comment", "constraint", "container", "container-id", "contiguous",
            "core-spec", "cores-per-socket", "cpu-freq", "cpus-per-gpu", "cpus-per-task", "deadline", "delay-boot",
            "dependency", "distribution", "error", "exclude", "exclusive", "export", "export-file", "extra",
            "extra-node-info", "get-user-env", "gid", "gpu-bind", "gpu-freq", "gpus", "gpus-per-node", "gpus-per-socket",
            "gpus-per-task", "gres", "gres-flags", "help", "hint", "hold", "ignore-pbs", "input", "job-name",
            "kill-on-invalid-dep", "licenses", "mail-type", "mail-user", "mcs-label", "mem", "mem-bind", "mem-per-cpu",
            "mem-per-gpu", "mincpus", "network", "nice", "no-kill", "no-requeue", "nodefile", "nodelist", "nodes",
            "ntasks", "ntasks-per-core", "ntasks-per-gpu", "ntasks-per-node", "ntasks-per-socket", "open-mode", "output",
            "overcommit", "oversubscribe", "parsable", "partition", "power", "prefer", "priority", "profile",
            "propagate", "qos", "quiet", "reboot", "requeue", "reservation", "signal", "sockets-per-node", "spread-job",
            "switches", "test-only", "thread-spec", "threads-per-core", "time", "time-min", "tmp", "tres-bind",
            "tres-per-task", "uid", "usage", "use-min-nodes", "verbose", "version", "wait", "wait-all-nodes", "wckey",
            "wrap");

    /** Options the client sets itself, or that change what sbatch prints or how long it runs. */
    static final Set<String> REFUSED = Set.of("parsable", "wrap", "export", "export-file", "clusters", "test-only",
            "help", "usage", "version", "wait", "verbose", "quiet");

    /**
     * @param name {@code --mail-type} or {@code mail-type}
     * @return the name without dashes
     * @throws IllegalArgumentException for a name sbatch does not have, or one the client refuses
     */
    static String check(String name, boolean withValue) {
        if (name == null) {
            throw new IllegalArgumentException("option name is null");
        }
        String n = name.startsWith("--") ? name.substring(2) : name;
        if (!KNOWN.contains(n)) {
            throw new IllegalArgumentException("not an sbatch option: " + name);
        }
        if (REFUSED.contains(n)) {
            throw new IllegalArgumentException("--" + n + " is set by the client or changes sbatch's output; "
                    + "use the builder's own method (wrap, env, the client's cluster) instead");
        }
        return n;
    }
}
