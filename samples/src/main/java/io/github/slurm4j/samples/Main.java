package io.github.slurm4j.samples;

import java.util.Arrays;

/**
 * Entry point of {@code slurm4j-samples.jar}: {@code java -jar slurm4j-samples.jar <sample> [args]}.
 * Each sample is a short program of its own; see {@link ParseTool}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: java -jar slurm4j-samples.jar <sample> [args]");
            System.out.println("samples:");
            System.out.println("  parse --cmd '<command line>' --stdout FILE [--stderr FILE] [--rc N] [--tz ZONE]");
            System.out.println("        parse a Slurm command's captured output and print it as JSON");
            System.out.println("  cluster-stats [--demo] [--cluster NAME] [--redis URI] [--interval N | --once]  (-h for more)");
            System.out.println("                                       dashboard statistics of one snapshot, to Redis or as JSON");
            System.out.println("  jobs [--user U] [--all]              the queue as a JSON array of job views");
            System.out.println("  submit [--name N] [--partition P] [--time MIN] [--cores N] [--mem-gb N] [--nodes N]");
            System.out.println("         [--comment C] [--chdir DIR] (--script FILE | --wrap CMD) [-- script args]");
            System.out.println("                                       sbatch; prints only the new job id");
            System.out.println("  submit-and-watch [--demo] [submit's options] [--lines N] [--interval S]  (-h for more)");
            System.out.println("                                       submits, prints each state change, tails the output");
            System.out.println("  cancel ID                            scancel -v ID");
            System.out.println("  job ID                               the console JSON of a job's detail page");
            System.out.println("  my-jobs [--user U]                   my jobs of the last 7 days (queue + accounting), newest first");
            System.out.println("  active-jobs                          every user's queued, scheduling and paused jobs");
            System.out.println("  pause ID | resume ID | kill ID       suspend or hold / resume or release / cancel");
            System.out.println("  priority ID P                        P in 1..1000 (100 = default; above 100 needs an operator)");
            System.out.println("  gateway --port P (--machine NAME=local|ssh://user@host[:port] ... | --demo)  (-h for more)");
            System.out.println("                                       the REST gateway and its console page");
            System.out.println("  every Slurm sample runs locally, or on a login node with");
            System.out.println("  --ssh user@host[:port] --identity FILE --known-hosts FILE");
            return args.length == 0 ? 1 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "parse":
                return ParseTool.run(rest, System.out, System.err);
            case "cluster-stats":
                return ClusterStatsSample.run(rest, System.out, System.err);
            case "jobs":
                return SlurmSamples.jobs(rest, System.out, System.err);
            case "submit":
                return SlurmSamples.submit(rest, System.out, System.err);
            case "submit-and-watch":
                return SubmitAndWatchSample.run(rest, System.out, System.err);
            case "cancel":
                return SlurmSamples.cancel(rest, System.out, System.err);
            case "job":
                return JobsSamples.job(rest, System.out, System.err);
            case "my-jobs":
                return JobsSamples.myJobs(rest, System.out, System.err);
            case "active-jobs":
                return JobsSamples.activeJobs(rest, System.out, System.err);
            case "pause":
            case "resume":
            case "kill":
                return JobsSamples.control(args[0], rest, System.out, System.err);
            case "priority":
                return JobsSamples.priority(rest, System.out, System.err);
            case "gateway":
                return io.github.slurm4j.samples.gateway.GatewaySample.run(rest, System.out, System.err);
            default:
                System.err.println("unknown sample: " + args[0] + " (try --help)");
                return 1;
        }
    }
}
