package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.testkit.CountingShell;
import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.local.LocalShell;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.jobs.watch.JobListener;
import io.github.slurm4j.jobs.watch.JobWatcher;
import io.github.slurm4j.jobs.watch.WatchCycle;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.cluster.RpcStat;
import io.github.slurm4j.model.cluster.SchedulerDiagnostics;
import io.github.slurm4j.parse.SdiagParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What watching thousands of jobs costs slurmctld: submits {@code --jobs} held array tasks (arrays
 * of at most 1000: the lab's {@code MaxArraySize} is 1001) as {@code --user}, watches them with a
 * {@link JobWatcher} — once registered by their arrays' ids, once by every element's id (an id list
 * longer than one argument: the watcher asks for the whole queue) — for {@code --cycles} cycles
 * each, cancels them and runs the cycle that sees every end. For each cycle: the Slurm commands it
 * ran (counted at the shell) and slurmctld's RPCs from {@code sdiag} before and after
 * (all message types but {@code sdiag}'s own {@code REQUEST_STATS_INFO}; the lab is shared, so
 * other clients' RPCs can only add to it: the report gives the minimum and the median). The
 * baseline is what a per-job poller costs: {@code squeue --jobs=<one id>} for {@code --sample}
 * of the tasks, RPCs per call from sdiag the same way, times the number of jobs.
 *
 * <p>Needs the lab and root ({@code runuser}, {@code sdiag}). Writes
 * {@code benchmarks/target/watch-results/report.md} and prints it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.slurm4j.benchmarks.jobs.WatchLoad [--jobs 5000] [--cycles 5]
 *      [--user alice] [--sample 100] [--out DIR]
 * </pre>
 */
public final class WatchLoad {
    private final Shell shell;

    private WatchLoad(Shell shell) {
        this.shell = shell;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("jobs", "5000", "cycles", "5", "user", "alice", "sample", "100",
                "out", "benchmarks/target/watch-results"));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--") || !a.containsKey(argv[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + argv[i]);
            }
            a.put(argv[i].substring(2), argv[i + 1]);
        }
        int jobs = Integer.parseInt(a.get("jobs"));
        int cycles = Integer.parseInt(a.get("cycles"));
        int sample = Integer.parseInt(a.get("sample"));
        String user = a.get("user");
        try (LocalShell local = LocalShell.create()) {
            String report = new WatchLoad(local).run(jobs, cycles, user, sample);
            Path out = Path.of(a.get("out"));
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);
        }
    }

    /** One measured cycle. */
    private record Cycle(String phase, int squeue, int sacct, int shellCommands, long rpcs, long jobInfoRpcs, long millis,
            int events, int watched) {
    }

    private String run(int jobs, int cycles, String user, int sample) throws IOException {
        List<String> arrays = new ArrayList<>();
        List<Cycle> rows = new ArrayList<>();
        long baselinePerCall = -1;
        long baselineMin = -1;
        int baselineCalls = 0;
        try {
            for (int left = jobs; left > 0; left -= 1000) {
                int n = Math.min(1000, left);
                ExecResult r = shell.run(ExecRequest.builder("runuser", "-u", user, "--", "sbatch", "--parsable", "--hold",
                        "--job-name=w12-watchload", "--output=/dev/null", "--chdir=/tmp", "--time=1", "--array=0-" + (n - 1),
                        "--wrap=true").timeout(Duration.ofMinutes(2)).build());
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("sbatch: " + r.stderr());
                }
                arrays.add(r.stdout().strip());
            }
            List<JobId> arrayIds = arrays.stream().map(JobId::parse).toList();
            List<JobId> elements = new ArrayList<>();
            for (int i = 0; i < arrays.size(); i++) {
                int n = Math.min(1000, jobs - 1000 * i);
                for (int t = 0; t < n; t++) {
                    elements.add(JobId.parse(arrays.get(i) + "_" + t));
                }
            }
            CountingShell counting = new CountingShell(shell);
            SlurmClient client = SlurmClient.builder(counting).timeout(Duration.ofMinutes(2)).build();
            AtomicInteger ends = new AtomicInteger();
            JobListener count = e -> {
                if (e.isTerminal()) {
                    ends.incrementAndGet();
                }
            };
            JobWatcher byArray = JobWatcher.builder(client).interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(2))
                    .listener(count).build();
            byArray.watch(arrayIds);
            JobWatcher byElement = JobWatcher.builder(client).interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(2))
                    .listener(count).build();
            byElement.watch(elements);
            for (int c = 0; c < cycles; c++) {
                rows.add(cycle("held, by " + arrayIds.size() + " array ids", byArray, counting));
                sleep(2000);
            }
            for (int c = 0; c < cycles; c++) {
                rows.add(cycle("held, by " + elements.size() + " element ids", byElement, counting));
                sleep(2000);
            }

            // a per-job poller: one squeue per job
            List<Long> perCall = new ArrayList<>();
            for (int i = 0; i < Math.min(sample, elements.size()); i++) {
                JobId one = elements.get(i * (elements.size() / Math.min(sample, elements.size())));
                long before = rpcs(false);
                ExecResult r = shell.run(ExecRequest.of("squeue", "--noheader", "--states=all", "--jobs=" + one, "-o", "%i %T"));
                long after = rpcs(false);
                if (r.exitCode() != 0 || !r.stdout().contains(one.toString())) {
                    throw new IllegalStateException("squeue --jobs=" + one + ": " + r.stderr() + r.stdout());
                }
                perCall.add(after - before);
            }
            Collections.sort(perCall);
            baselineCalls = perCall.size();
            baselinePerCall = perCall.get(perCall.size() / 2);
            baselineMin = perCall.get(0);

            // every task ends at once
            List<String> cancel = new ArrayList<>(List.of("scancel"));
            cancel.addAll(arrays);
            shell.run(ExecRequest.of(cancel));
            sleep(3000);
            ends.set(0);
            rows.add(cycle("after scancel, by array ids", byArray, counting));
            int endsByArray = ends.getAndSet(0);
            rows.add(cycle("after scancel, by element ids", byElement, counting));
            int endsByElement = ends.get();
            rows.add(cycle("afterwards, by array ids", byArray, counting));
            return report(jobs, rows, baselinePerCall, baselineMin, baselineCalls, endsByArray, endsByElement);
        } finally {
            if (!arrays.isEmpty()) {
                List<String> cancel = new ArrayList<>(List.of("scancel"));
                cancel.addAll(arrays);
                shell.run(ExecRequest.of(cancel));
            }
        }
    }

    private Cycle cycle(String phase, JobWatcher w, CountingShell counting) {
        int c0 = counting.count();
        int sq0 = counting.count("squeue");
        int sa0 = counting.count("sacct");
        long[] before = rpcCounts();
        long t0 = System.nanoTime();
        WatchCycle c = w.poll();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long[] after = rpcCounts();
        int seen = counting.count() - c0;
        if (c.commands() != seen) {
            throw new IllegalStateException("the cycle says " + c.commands() + " commands, the shell saw " + seen);
        }
        return new Cycle(phase, counting.count("squeue") - sq0, counting.count("sacct") - sa0, seen, after[0] - before[0],
                after[1] - before[1], millis, c.events().size(), c.watched());
    }

    private long rpcs(boolean jobInfoOnly) {
        return rpcCounts()[jobInfoOnly ? 1 : 0];
    }

    /** [every RPC but sdiag's own, REQUEST_JOB_INFO] from sdiag (run outside the counting shell). */
    private long[] rpcCounts() {
        ExecResult r = shell.run(ExecRequest.of("sdiag"));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("sdiag: " + r.stderr());
        }
        SchedulerDiagnostics d = SdiagParser.parse(r.stdout());
        long all = 0;
        long jobInfo = 0;
        for (RpcStat s : d.rpcsByMessageType()) {
            if (!s.name().equals("REQUEST_STATS_INFO")) {
                all += s.count();
            }
            if (s.name().equals("REQUEST_JOB_INFO")) {
                jobInfo += s.count();
            }
        }
        return new long[] {all, jobInfo};
    }

    private static String report(int jobs, List<Cycle> rows, long perCall, long perCallMin, int calls, int endsByArray,
            int endsByElement) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Watching ").append(jobs).append(" jobs\n\n");
        sb.append("| cycle | squeue | sacct | commands | slurmctld RPCs (sdiag) | of which REQUEST_JOB_INFO | ms | events | watched |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Cycle c : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %,d | %d | %d |%n", c.phase(), c.squeue(),
                    c.sacct(), c.shellCommands(), c.rpcs(), c.jobInfoRpcs(), c.millis(), c.events(), c.watched()));
        }
        List<Long> held = rows.stream().filter(c -> c.phase().startsWith("held")).map(Cycle::rpcs).sorted().toList();
        int maxCommands = rows.stream().mapToInt(Cycle::shellCommands).max().orElse(0);
        sb.append("\n");
        sb.append(String.format(Locale.ROOT, "- Slurm commands per cycle: at most %d, whatever the number of jobs.%n", maxCommands));
        sb.append(String.format(Locale.ROOT, "- slurmctld RPCs per watch cycle of %d held jobs: min %d, median %d "
                + "(sdiag before/after; other clients of the shared lab can only add).%n", jobs, held.get(0), held.get(held.size() / 2)));
        sb.append(String.format(Locale.ROOT, "- Polling each job instead (`squeue --jobs=<one id>`, measured on %d jobs): "
                + "median %d RPC(s) per job (min %d), so %,d per round for %d jobs.%n", calls, perCall, perCallMin,
                perCall * jobs, jobs));
        sb.append(String.format(Locale.ROOT, "- Ends delivered in the cycle after `scancel`: %d by array ids, %d by element ids "
                + "(each watcher once per job).%n", endsByArray, endsByElement));
        return sb.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
