package io.github.slurm4j.samples;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.exec.slurm.JobQuery;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The samples that talk to Slurm, each the Java equivalent of one thing a user does at the shell,
 * locally or with {@code --ssh user@host[:port] --identity FILE --known-hosts FILE}:
 * <pre>
 * jobs   [--user U] [--all]                      squeue, printed as a JSON array of job views (+ user_name)
 * submit [--name N] [--partition P] [--time MIN] [--cores N] [--mem-gb N] [--nodes N]
 *        [--comment C] [--chdir DIR] (--script FILE | --wrap CMD) [-- script args]
 *                                                sbatch; prints only the new job id
 * cancel ID                                      scancel -v
 * </pre>
 * Errors: one line on stderr naming the typed error ({@code error: job_not_found: ...}) and exit
 * code 1 (2 for a wrong command line).
 */
final class SlurmSamples {
    private SlurmSamples() {
    }

    /** {@code jobs [--user U] [--all]}: my jobs (the local or SSH user), a user's, or everyone's. */
    static int jobs(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, Set.of("user"), Set.of("all"), err, (args, client) -> {
            if (!args.positional().isEmpty() || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("jobs takes no arguments, only --user U or --all");
            }
            if (args.has("all") && args.has("user")) {
                throw new IllegalArgumentException("--all and --user exclude each other");
            }
            JobQuery query = args.has("all") ? JobQuery.all()
                    : JobQuery.builder().user(args.has("user") ? args.value("user") : SampleShells.user(args)).build();
            List<Map<String, Object>> views = new ArrayList<>();
            for (SqueueRow row : client.jobs(query)) {
                // the 109 keys of the job view, plus the user's name (the view itself has only user_id)
                Map<String, Object> view = new LinkedHashMap<>(JobView.toMap(row.toJob(), client.zone()));
                view.put("user_name", row.user());
                views.add(view);
            }
            out.println(JsonOut.write(views));
            return 0;
        });
    }

    /** {@code submit ... (--script FILE | --wrap CMD) [-- args]}: prints only the job id. */
    static int submit(String[] argv, PrintStream out, PrintStream err) {
        Set<String> valued = Set.of("name", "partition", "time", "cores", "mem-gb", "nodes", "comment", "chdir",
                "script", "wrap");
        return run(argv, valued, Set.of(), err, (args, client) -> {
            if (!args.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument '" + args.positional().get(0)
                        + "' (script arguments go after --)");
            }
            SubmitRequest.Builder b;
            if (args.has("script") == args.has("wrap")) {
                throw new IllegalArgumentException("give exactly one of --script FILE and --wrap CMD");
            } else if (args.has("script")) {
                b = SubmitRequest.script(readScript(args.value("script")));
            } else {
                if (!args.rest().isEmpty()) {
                    throw new IllegalArgumentException("script arguments (after --) need --script, not --wrap");
                }
                b = SubmitRequest.wrap(args.value("wrap"));
            }
            if (args.has("name")) {
                b.name(args.value("name"));
            }
            if (args.has("partition")) {
                b.partition(args.value("partition"));
            }
            if (args.has("time")) {
                b.timeLimit(Duration.ofMinutes(args.intValue("time")));
            }
            if (args.has("cores")) {
                b.cpusPerTask(args.intValue("cores"));
            }
            if (args.has("mem-gb")) {
                b.memoryPerNodeMb(args.intValue("mem-gb") * 1024L);
            }
            if (args.has("nodes")) {
                b.nodes(args.intValue("nodes"));
            }
            if (args.has("comment")) {
                b.comment(args.value("comment"));
            }
            if (args.has("chdir")) {
                b.workingDirectory(args.value("chdir"));
            }
            if (!args.rest().isEmpty()) {
                b.scriptArgs(args.rest());
            }
            SubmitResult result = client.submit(b.build());
            for (String warning : result.warnings()) {
                err.println("warning: " + warning);
            }
            out.println(result.jobId());
            return 0;
        });
    }

    /** {@code cancel ID}: {@code scancel -v ID}; an unknown id is an error, not silence. */
    static int cancel(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, Set.of(), Set.of(), err, (args, client) -> {
            if (args.positional().size() != 1 || !args.rest().isEmpty()) {
                throw new IllegalArgumentException("cancel takes exactly one job id");
            }
            JobId id = JobId.parse(args.positional().get(0));
            client.cancel(id);   // a refusal is thrown, typed
            out.println("cancelled " + id);
            return 0;
        });
    }

    private static String readScript(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --script " + file + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Body {
        int run(SampleArgs args, SlurmClient client);
    }

    private static int run(String[] argv, Set<String> valued, Set<String> flags, PrintStream err, Body body) {
        return withShell(argv, valued, flags, err, (args, shell) -> body.run(args, new SlurmClient(shell)));
    }

    /** A sample's body given the parsed arguments and the shell they chose. */
    @FunctionalInterface
    interface ShellBody {
        int run(SampleArgs args, Shell shell) throws InterruptedException;
    }

    /**
     * Parses the arguments (plus the SSH options), opens the shell they ask for, runs the body,
     * and turns errors into one line on stderr: exit code 2 for a wrong command line, 1 for a
     * typed Slurm or shell error.
     */
    static int withShell(String[] argv, Set<String> valued, Set<String> flags, PrintStream err, ShellBody body) {
        return withShell(argv, valued, flags, err, args -> { }, SampleShells::open, body);
    }

    /**
     * {@link #withShell(String[], Set, Set, PrintStream, ShellBody)} for a sample with its own
     * checks and its own shell: {@code check} sees the arguments before any shell is opened (a
     * wrong command line never connects), {@code open} opens the shell (usually
     * {@link SampleShells#open}).
     */
    static int withShell(String[] argv, Set<String> valued, Set<String> flags, PrintStream err, Consumer<SampleArgs> check,
            Function<SampleArgs, Shell> open, ShellBody body) {
        Set<String> allValued = new HashSet<>(valued);
        allValued.addAll(SampleShells.SSH_OPTIONS);
        SampleArgs args;
        try {
            args = SampleArgs.parse(argv, allValued, flags);
            check.accept(args);
        } catch (IllegalArgumentException e) {
            err.println("error: usage: " + e.getMessage());
            return 2;
        }
        try (Shell shell = open.apply(args)) {
            return body.run(args, shell);
        } catch (IllegalArgumentException e) {
            err.println("error: usage: " + oneLine(e.getMessage()));
            return 2;
        } catch (SlurmException e) {
            err.println("error: " + errorName(e) + ": " + oneLine(e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    /** The typed error's name: Slurm's classification, or what kind of failure it was. */
    static String errorName(SlurmException e) {
        Function<SlurmException, String> name = x -> {
            if (x instanceof SlurmCommandException c) {
                return c.type().wireName();
            }
            if (x instanceof ShellTimeoutException) {
                return "shell_timeout";
            }
            if (x instanceof ShellException) {
                String simple = x.getClass().getSimpleName();
                return simple.equals("HostKeyVerificationException") ? "host_key_rejected"
                        : simple.equals("SshAuthenticationException") ? "ssh_auth_failed" : "shell_failed";
            }
            if (x instanceof SlurmParseException) {
                return "parse_error";
            }
            return "slurm_error";
        };
        return name.apply(e);
    }

    private static String oneLine(String message) {
        String m = message == null ? "" : message.replace("\r", "").replace('\n', ' ').strip();
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }
}
