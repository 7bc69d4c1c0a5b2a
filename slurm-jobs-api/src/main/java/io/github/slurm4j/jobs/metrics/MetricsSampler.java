package io.github.slurm4j.jobs.metrics;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.model.Hostlist;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobNodeAllocation;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.metrics.GpuProcess;
import io.github.slurm4j.model.metrics.GpuProcessUtilization;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.ProcessInfo;
import io.github.slurm4j.parse.ListPidsParser;
import io.github.slurm4j.parse.NvidiaSmiParser;
import io.github.slurm4j.parse.PidMetrics;
import io.github.slurm4j.parse.PsParser;
import io.github.slurm4j.parse.SlurmErrors;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the processes of a running job, node by node, in <b>one shell call per node</b>.
 *
 * <h2>The call</h2>
 * Each node runs the fixed script {@link #SCRIPT} as {@code sh -c SCRIPT sh JOBID}: the job id is
 * a positional argument, never part of the script text. It runs {@code scontrol listpids JOBID},
 * then {@code ps -o }{@value #PS_FORMAT}{@code  -p <those pids>}, and, when {@code nvidia-smi} is on
 * the node's PATH, {@code nvidia-smi --query-compute-apps=pid,used_memory
 * --format=csv,noheader,nounits} and {@code nvidia-smi pmon -c 1 -s um}. Each output is a
 * section opened by a {@code @@slurm4j <name>} line and closed by {@code @@slurm4j end <exit code>};
 * each is read by the existing parser ({@link ListPidsParser}, {@link PsParser},
 * {@link NvidiaSmiParser}) and joined by {@link PidMetrics#combine}.
 *
 * <h2>Reaching the node</h2>
 * <ul>
 *   <li>By default through the cluster's shell: {@code srun --jobid=ID --overlap
 *       --nodelist=NODE -N1 -n1 --quiet --job-name=slurm4j-metrics sh -c SCRIPT sh ID}, a step
 *       of the job sharing its resources (the step's own processes are left out of the sample).
 *       Slurm lets only the job's owner (and SlurmUser) do this: a façade acting as the user
 *       works, an operator account such as root is refused ({@code access_denied}, seen on the
 *       lab).</li>
 *   <li>With {@link Builder#nodeShell}, the script runs directly on a shell per node (SSH to the
 *       node with the same credentials, or a {@code LocalShell} where the node is this machine):
 *       no step is made, and the account needs only to run {@code scontrol listpids} and
 *       {@code ps} there (root, or the job's owner).</li>
 * </ul>
 *
 * <h2>Idle GPUs</h2>
 * The GPUs allocated on each node come from {@code scontrol -d show job}
 * ({@code GRES=gpu:2(IDX:0-1)}); a GPU without a process is one that {@code pmon} lists with no
 * pid. Slurm's IDX is taken as nvidia-smi's index (gres.conf listing {@code /dev/nvidia0..N} in
 * order, or AutoDetect); when nvidia-smi sees exactly as many GPUs as the job has there (a step
 * confined to the job's devices, which nvidia-smi numbers from 0), they are matched in order.
 *
 * <p>{@code %CPU} is ps's: CPU time over the process's lifetime, not the last interval. Thread-safe.
 */
public final class MetricsSampler {
    /** The ps columns read. */
    public static final String PS_FORMAT = "pid,ppid,user,pcpu,pmem,rss,vsz,etimes,comm";

    /** The marker that opens and closes each section of the node script's output. */
    static final String MARK = "@@slurm4j ";

    /** The script run once per node; {@code $1} is the job id. */
    public static final String SCRIPT = "echo \"@@slurm4j step ${SLURM_STEP_ID:-}\"\n"
            + "echo \"@@slurm4j listpids\"\n"
            + "lp=$(scontrol listpids \"$1\" 2>&1); rc=$?\n"
            + "printf '%s\\n' \"$lp\"\n"
            + "echo \"@@slurm4j end $rc\"\n"
            + "pids=$(printf '%s\\n' \"$lp\" | awk 'NR > 1 && $1 ~ /^[0-9]+$/ { printf \"%s%s\", s, $1; s = \",\" }')\n"
            + "echo \"@@slurm4j ps\"\n"
            + "if [ -n \"$pids\" ]; then ps -o " + PS_FORMAT + " -p \"$pids\"; echo \"@@slurm4j end $?\"; "
            + "else echo \"@@slurm4j end 0\"; fi\n"
            + "if command -v nvidia-smi >/dev/null 2>&1; then\n"
            + "  echo \"@@slurm4j compute-apps\"\n"
            + "  nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits 2>&1; echo \"@@slurm4j end $?\"\n"
            + "  echo \"@@slurm4j pmon\"\n"
            + "  nvidia-smi pmon -c 1 -s um 2>&1; echo \"@@slurm4j end $?\"\n"
            + "fi\n";

    private static final PsParser PS = PsParser.forFormat(PS_FORMAT);
    private static final Pattern GPU_IDX = Pattern.compile("gpu(?::[^,(]*)?\\(IDX:([^)]*)\\)");

    private final SlurmClient client;
    private final Shell shell;
    private final Function<String, Shell> nodeShell;
    private final Clock clock;
    private final Duration timeout;

    private MetricsSampler(Builder b) {
        this.client = b.client;
        this.shell = b.client.shell();
        this.nodeShell = b.nodeShell;
        this.clock = b.clock;
        this.timeout = b.timeout;
    }

    /**
     * A sampler running its commands through {@code client}'s shell.
     *
     * @param client the cluster's command layer: the job's record comes from it, and {@code srun} runs on its shell
     * @return the builder
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static Builder builder(SlurmClient client) {
        return new Builder(client);
    }

    /**
     * Samples the job: its record ({@code scontrol -o -d show job}), then one call per node, all
     * nodes at once. A job that is not running gives a sample without nodes. A node that could
     * not be sampled has its {@link NodeSample#error()}; when every node failed, the first
     * failure thrown by a node's call is thrown (or, when none threw, an {@code unknown} error with
     * the first node's message).
     *
     * @param id the job, or an array element
     * @return the sample, its nodes in node-list order
     * @throws SlurmCommandException {@code job_not_found} for an unknown job; the nodes' failure
     *     ({@code access_denied} when srun may not make a step in the job, ...) when all failed
     * @throws io.github.slurm4j.exec.ShellException when a command could not run: the job's look-up, or
     *     the nodes' calls when all failed
     * @throws NullPointerException if {@code id} is {@code null}
     */
    public JobSample sample(JobId id) {
        Objects.requireNonNull(id, "id");
        Job job = client.job(id);
        Instant time = clock.instant();
        JobState state = job.status().state();
        String nodeList = job.placement() == null ? null : job.placement().nodeList();
        if (state.state() != JobState.Name.RUNNING || nodeList == null || nodeList.isEmpty()) {
            return new JobSample(id, time, state, List.of());
        }
        List<String> nodes = Hostlist.expand(nodeList);
        Map<String, List<Integer>> gpus = allocatedGpus(job);
        String own = Long.toString(job.identity().jobId());
        List<CompletableFuture<NodeSample>> calls = new ArrayList<>();
        for (String node : nodes) {
            List<Integer> allocated = gpus.getOrDefault(node, List.of());
            calls.add(run(node, own, allocated, time));
        }
        List<NodeSample> out = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<NodeSample> c : calls) {
            try {
                out.add(c.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (first == null) {
                    first = cause;
                }
                out.add(NodeSample.failed(nodes.get(out.size()), gpus.getOrDefault(nodes.get(out.size()), List.of()),
                        String.valueOf(cause.getMessage())));
            }
        }
        if (!out.isEmpty() && out.stream().allMatch(n -> n.error() != null)) {
            if (first != null) {
                throw first;
            }
            throw new SlurmCommandException(new SlurmError(SlurmErrorType.UNKNOWN, out.get(0).error()),
                    "metrics of " + id + " on " + out.get(0).node(), 1);
        }
        return new JobSample(id, time, state, out);
    }

    private CompletableFuture<NodeSample> run(String node, String jobId, List<Integer> allocated, Instant time) {
        boolean srun = nodeShell == null;
        List<String> argv = new ArrayList<>();
        if (srun) {
            argv.addAll(List.of("srun", "--jobid=" + jobId, "--overlap", "--nodelist=" + node, "-N1", "-n1", "--quiet",
                    "--job-name=slurm4j-metrics"));
        }
        argv.addAll(List.of("sh", "-c", SCRIPT, "sh", jobId));
        Shell on;
        try {
            on = srun ? shell : nodeShell.apply(node);
        } catch (RuntimeException e) {
            // the node's error, as a failed call is: the other nodes are still sampled
            return CompletableFuture.failedFuture(e);
        }
        if (on == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no shell for node " + node));
        }
        ExecRequest req = ExecRequest.builder(argv).timeout(timeout).build();
        return on.runAsync(req).thenApply(r -> read(node, r, srun, allocated, time, argv));
    }

    /** Reads one node's output. */
    static NodeSample read(String node, ExecResult r, boolean srun, List<Integer> allocated, Instant time, List<String> argv) {
        Map<String, Section> sections = sections(Texts.decode(r.stdoutBytes()));
        Section lp = sections.get("listpids");
        if (lp == null) {
            String where = srun ? "srun" : "sh";
            SlurmError e = SlurmErrors.classify(where, r.stdout(), r.stderr(), r.exitCode())
                    .orElse(new SlurmError(SlurmErrorType.UNKNOWN, r.stderr().isBlank() ? "exit " + r.exitCode() : r.stderr().strip()));
            throw new SlurmCommandException(e, ExecRequest.display(argv.subList(0, srun ? 4 : 2)) + " (" + node + ")", r.exitCode());
        }
        if (lp.exitCode != 0) {
            SlurmError e = SlurmErrors.classify("scontrol", lp.text, "", lp.exitCode)
                    .orElse(new SlurmError(SlurmErrorType.UNKNOWN, lp.text.strip()));
            return NodeSample.failed(node, allocated, "scontrol listpids: " + e.message());
        }
        String step = sections.containsKey("step") ? sections.get("step").header : "";
        List<JobPid> pids = new ArrayList<>();
        for (JobPid p : ListPidsParser.parse(lp.text)) {
            // the sampling step's own processes (srun made it) are not the job's work
            if (!(srun && !step.isEmpty() && p.stepId().equals(step))) {
                pids.add(p);
            }
        }
        Section ps = sections.get("ps");
        List<ProcessInfo> processes = ps == null ? List.of() : PS.read(ps.text);
        Section apps = sections.get("compute-apps");
        Section pmonSection = sections.get("pmon");
        boolean gpu = apps != null && pmonSection != null && apps.exitCode == 0 && pmonSection.exitCode == 0;
        List<GpuProcess> computeApps = gpu ? NvidiaSmiParser.parseComputeApps(apps.text) : List.of();
        List<GpuProcessUtilization> pmon = gpu ? NvidiaSmiParser.parsePmon(pmonSection.text) : List.of();
        List<PidMetric> metrics = PidMetrics.combine(pids, processes, computeApps, pmon, time);
        List<Integer> idle = gpu ? idle(allocated, pmon) : List.of();
        return new NodeSample(node, pids, processes, gpu, computeApps, pmon, metrics, allocated, idle, null);
    }

    /** The allocated GPUs on which pmon lists no process (see the class comment for the matching of indexes). */
    static List<Integer> idle(List<Integer> allocated, List<GpuProcessUtilization> pmon) {
        if (allocated.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> seen = new TreeSet<>();
        Set<Integer> busy = new LinkedHashSet<>();
        for (GpuProcessUtilization u : pmon) {
            seen.add(u.gpu());
            if (u.pid() != null) {
                busy.add(u.gpu());
            }
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(allocated));
        Map<Integer, Integer> toSlurm = new LinkedHashMap<>();
        if (seen.size() == sorted.size() && !seen.equals(new TreeSet<>(sorted))) {
            // nvidia-smi sees only the job's GPUs and numbers them from 0: match them in order
            int k = 0;
            for (Integer g : seen) {
                toSlurm.put(g, sorted.get(k++));
            }
        } else {
            seen.forEach(g -> toSlurm.put(g, g));
        }
        Set<Integer> busySlurm = new LinkedHashSet<>();
        busy.forEach(g -> busySlurm.add(toSlurm.get(g)));
        List<Integer> out = new ArrayList<>();
        for (Integer g : sorted) {
            if (!busySlurm.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Node → GPU indexes from {@code scontrol -d show job}'s {@code GRES=gpu:2(IDX:0-1)}. */
    static Map<String, List<Integer>> allocatedGpus(Job job) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (JobNodeAllocation a : job.nodeAllocations()) {
            if (a.gres() == null || a.gres().isEmpty()) {
                continue;
            }
            List<Integer> idx = gpuIndexes(a.gres());
            if (idx.isEmpty()) {
                continue;
            }
            for (String node : Hostlist.expand(a.nodes())) {
                out.put(node, idx);
            }
        }
        return out;
    }

    /** The indexes of {@code gpu:a100:2(IDX:0-1),gpu:1(IDX:3)}; {@code N/A} and what does not read are left out. */
    static List<Integer> gpuIndexes(String gres) {
        TreeSet<Integer> out = new TreeSet<>();
        Matcher m = GPU_IDX.matcher(gres);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String p = part.strip();
                if (p.matches("\\d{1,6}")) {
                    out.add(Integer.parseInt(p));
                } else if (p.matches("\\d{1,6}-\\d{1,6}")) {
                    int dash = p.indexOf('-');
                    int from = Integer.parseInt(p.substring(0, dash));
                    int to = Integer.parseInt(p.substring(dash + 1));
                    for (int i = from; i <= to && i - from < 4096; i++) {
                        out.add(i);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private record Section(String header, String text, int exitCode) {
    }

    /** The sections of the script's output by name; a section cut off (no end line) is left out. */
    private static Map<String, Section> sections(String out) {
        Map<String, Section> map = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                String rest = line.substring(MARK.length());
                if (rest.startsWith("step")) {
                    map.put("step", new Section(rest.substring(4).strip(), "", 0));
                } else if (rest.startsWith("end ") && name != null) {
                    int rc;
                    try {
                        rc = Integer.parseInt(rest.substring(4).strip());
                    } catch (NumberFormatException e) {
                        throw new SlurmParseException("metrics script", 0, "end", line, "not an exit code");
                    }
                    map.put(name, new Section(name, text.toString(), rc));
                    name = null;
                } else if (name == null) {
                    name = rest.strip();
                    text.setLength(0);
                }
                continue;
            }
            if (name != null) {
                text.append(line).append('\n');
            }
        }
        return map;
    }

    /** Builds a {@link MetricsSampler}. */
    public static final class Builder {
        private final SlurmClient client;
        private Function<String, Shell> nodeShell;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(SlurmClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Runs the script directly on a shell per node (SSH to the node with the same
         * credentials, say) instead of through {@code srun --overlap}. The shells are not closed
         * by the sampler.
         *
         * @param shellOfNode the shell of a node name (as Slurm's node list gives it), called for each
         *     node at each sample; {@code null} for srun (the default)
         * @return this builder
         */
        public Builder nodeShell(Function<String, Shell> shellOfNode) {
            this.nodeShell = shellOfNode;
            return this;
        }

        /**
         * The clock of the sample times (default: the system's, UTC).
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The timeout of each node's call (default 60 s; {@code pmon} alone takes about a second).
         *
         * @param timeout the timeout
         * @return this builder
         * @throws NullPointerException if {@code timeout} is {@code null}
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** {@return the sampler; thread-safe} */
        public MetricsSampler build() {
            return new MetricsSampler(this);
        }
    }
}
