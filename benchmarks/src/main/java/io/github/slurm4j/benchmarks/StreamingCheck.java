package io.github.slurm4j.benchmarks;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Streams a generated {@code scontrol -o show job} file through {@code ScontrolParser} one job at a
 * time, as a child JVM with a small heap ({@code -Xmx64m}) runs it, and compares every parsed job
 * with what the {@link Generator} wrote (id, name, user, account, state, reason, partition, nodes,
 * comment, work dir, no extras): a fast parser that reads a wrong value is a failure here.
 *
 * <pre>java -Xmx64m -cp benchmarks.jar io.github.slurm4j.benchmarks.StreamingCheck &lt;file&gt; [count] [seed]</pre>
 *
 * Prints {@code streaming.count}, {@code streaming.mismatches}, {@code streaming.status},
 * {@code streaming.maxHeapMb} as {@code key=value}; exits 1 when anything differs or fails.
 */
public final class StreamingCheck {
    private static final int MAX_REPORTED = 10;

    private StreamingCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StreamingCheck <scontrol -o file> [count] [seed]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : Generator.DEFAULT_JOBS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : Generator.DEFAULT_SEED;
        Iterator<Generator.GeneratedJob> expected = new Generator().jobs(count, seed);
        List<String> problems = new ArrayList<>();
        long[] mismatches = new long[1];
        long parsed;
        String status = "passed";
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parsed = JobsFromText.forEach(in, job -> {
                if (!expected.hasNext()) {
                    mismatches[0]++;
                    note(problems, "extra job " + job.jobId());
                    return;
                }
                List<String> diff = compare(expected.next(), job);
                if (!diff.isEmpty()) {
                    mismatches[0]++;
                    note(problems, "job " + job.jobId() + ": " + diff);
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            parsed = -1;
            status = "FAILED (" + e + ")";
        }
        if (parsed >= 0 && (parsed != count || mismatches[0] > 0)) {
            status = "FAILED";
        }
        System.out.println("streaming.count=" + parsed);
        System.out.println("streaming.mismatches=" + mismatches[0]);
        System.out.println("streaming.maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("streaming.peakUsedMb=" + peakHeapUsed() / (1024 * 1024));
        System.out.println("streaming.status=" + status);
        for (String p : problems) {
            System.err.println(p);
        }
        System.exit("passed".equals(status) ? 0 : 1);
    }

    /** Field-by-field differences between what was generated and what was parsed. */
    static List<String> compare(Generator.GeneratedJob want, Job got) {
        List<String> diff = new ArrayList<>();
        same(diff, "JobId", want.jobId(), got.jobId());
        same(diff, "JobName", want.name(), got.name());
        same(diff, "UserId.name", want.userName(), got.identity().user() == null ? null : got.identity().user().name());
        same(diff, "UserId.id", want.userId(), got.identity().user() == null ? null : got.identity().user().id());
        same(diff, "Account", want.account(), got.identity().account());
        JobState state = got.state();
        same(diff, "JobState", want.state(), state == null ? null : state.raw());
        if (state != null && state.state() == JobState.Name.UNKNOWN) {
            diff.add("JobState: UNKNOWN for " + state.raw());
        }
        // Slurm's None is the model's null (Job.Status.reasonOf)
        same(diff, "Reason", Job.Status.reasonOf(want.reason()), got.status().reason());
        same(diff, "Partition", want.partition(), got.identity().partition());
        same(diff, "NodeList", want.nodeList(), got.placement().nodeList());
        same(diff, "Comment", want.comment(), got.identity().comment());
        same(diff, "WorkDir", want.workDir(), got.io().workDir());
        if (!got.extras().isEmpty()) {
            diff.add("extras: " + got.extras().keySet());
        }
        return diff;
    }

    private static void same(List<String> diff, String field, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            diff.add(field + ": want [" + want + "] got [" + got + "]");
        }
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < MAX_REPORTED) {
            problems.add(problem);
        }
    }

    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
