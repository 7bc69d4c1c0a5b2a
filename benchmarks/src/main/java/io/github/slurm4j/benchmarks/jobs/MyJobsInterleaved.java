package io.github.slurm4j.benchmarks.jobs;

import io.github.slurm4j.benchmarks.RoundRobin;
import io.github.slurm4j.exec.local.LocalShell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link MyJobsBenchmark}'s three workloads ({@code rawSqueueAndSacct}, {@code myJobs},
 * {@code parseAndMerge}) run round-robin in one JVM after one {@link MyJobsLab#ensure}, the order
 * rotated every round; ratios to the raw commands are taken per round (wall time), so a
 * disturbance of the shared machine hits both sides of a ratio. Also prints the process CPU time
 * of each (the commands' own CPU is in other processes). Leaves the lab state for the next run
 * unless {@code --cleanup} is given. Before the rounds, {@code parseAndMerge} runs {@code jit} times
 * (100) so that the JIT has compiled the façade's code: a round calls each workload once.
 *
 * <p>{@code java -cp benchmarks.jar io.github.slurm4j.benchmarks.jobs.MyJobsInterleaved [rounds] [warmup] [jit] [--cleanup]}
 */
public final class MyJobsInterleaved {
    static volatile Object sink;

    private MyJobsInterleaved() {
    }

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean cleanup = a.remove("--cleanup");
        int rounds = a.size() > 0 ? Integer.parseInt(a.get(0)) : 10;
        int warmup = a.size() > 1 ? Integer.parseInt(a.get(1)) : 3;
        int jit = a.size() > 2 ? Integer.parseInt(a.get(2)) : 100;
        MyJobsBenchmark b = new MyJobsBenchmark();
        b.user = MyJobsLab.USER;
        b.queued = MyJobsLab.DEFAULT_QUEUED;
        b.finished = MyJobsLab.DEFAULT_FINISHED;
        b.setUp();
        // the JIT first: one round is one call of each, too few to compile the façade's code
        for (int i = 0; i < jit; i++) {
            sink = b.parseAndMerge();
        }
        RoundRobin result;
        try {
            result = RoundRobin.run(List.of(new RoundRobin.Workload("rawSqueueAndSacct", b::rawSqueueAndSacct),
                    new RoundRobin.Workload("myJobs", b::myJobs), new RoundRobin.Workload("parseAndMerge", b::parseAndMerge)),
                    rounds, warmup, false, System.out);
        } finally {
            b.tearDown();
            if (cleanup) {
                try (LocalShell shell = LocalShell.create()) {
                    MyJobsLab.cleanup(shell, MyJobsLab.USER);
                }
            }
        }
        // the raw commands' CPU is in other processes: no CPU ratio to them
        System.out.print(result.summary("", false));
    }
}
