package io.github.slurm4j.exec.slurm;

import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobStep;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.parse.ActionOutputParser;
import io.github.slurm4j.parse.ListPidsParser;
import io.github.slurm4j.parse.SacctParser;
import io.github.slurm4j.parse.SbatchParser;
import io.github.slurm4j.parse.SeffParser;
import io.github.slurm4j.parse.SlurmErrors;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.SqueueParser;
import io.github.slurm4j.parse.SstatParser;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of {@link SlurmClient}, each with its argument list and its reading side by
 * side: a class when the reading is its own, else a factory of {@link Parsed} (errors checked,
 * then one parser over stdout). Package-private.
 */
final class SlurmCommands {
    private SlurmCommands() {
    }

    /**
     * The delimiter of squeue {@code -O} and sacct {@code -P} output: U+001F (ASCII unit
     * separator). Job names, comments and paths submitted through slurm4j cannot hold it (control
     * characters are refused), and it is vanishingly rare in anything else; a value that holds it
     * anyway makes the row fail to parse, never silently shift.
     */
    static final String DELIMITER = "\u001f";

    /** Longest comma-joined id list passed in one argument (Linux allows 128 KiB per argument). */
    static final int MAX_ID_LIST_CHARS = 32 * 1024;

    private static final DateTimeFormatter SLURM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** {@code [tool, -M, cluster]} or {@code [tool]}. */
    static List<String> tool(String tool, String cluster) {
        List<String> argv = new ArrayList<>();
        argv.add(tool);
        if (cluster != null) {
            argv.add("-M");
            argv.add(cluster);
        }
        return argv;
    }

    // ---------------------------------------------------------------- squeue

    /**
     * {@code squeue --noheader --array -O <fields with U+001F>}: one row per job (and per array
     * element), every value whole (width 0 = no padding, no cut), filters as asked. With job ids
     * and no state filter, {@code --states=all}: without it squeue 22.05 leaves out the jobs that
     * have finished but that slurmctld still holds (exit 0, no row).
     */
    static final class ListJobs extends SlurmCommand<List<SqueueRow>> {
        /** The {@code -O} fields, in order, each followed by U+001F. */
        static final List<String> FIELDS = List.of("JobArrayID", "JobID", "ArrayJobID", "ArrayTaskID", "Name",
                "UserName", "Account", "Partition", "QOS", "State", "Reason", "NodeList", "TimeUsed", "TimeLimit",
                "NumNodes", "NumCPUs", "PriorityLong", "Comment", "WorkDir", "SubmitTime", "StartTime", "EndTime",
                SqueueRow.TRES_ALLOC);
        static final String FORMAT;

        static {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < FIELDS.size(); i++) {
                // the delimiter after the last field too: a row is complete only with all of them,
                // so a newline inside a value (a job name may hold one) continues the row
                sb.append(i == 0 ? "" : ",").append(FIELDS.get(i)).append(':').append(DELIMITER);
            }
            FORMAT = sb.toString();
        }

        static final SqueueParser PARSER = SqueueParser.forFormatLong(FORMAT).withoutHeader();

        private final List<String> argv;
        private final boolean multiCluster;

        ListJobs(String cluster, JobQuery q, String idList) {
            List<String> a = tool("squeue", cluster);
            a.add("--noheader");
            a.add("--array");
            a.add("-O");
            a.add(FORMAT);
            if (!q.users().isEmpty()) {
                a.add("--user=" + String.join(",", q.users()));
            }
            if (idList != null) {
                a.add("--jobs=" + idList);
            }
            if (!q.states().isEmpty()) {
                a.add("--states=" + String.join(",", q.states().stream().map(Enum::name).sorted().toList()));
            } else if (idList != null) {
                // squeue 22.05 -j prints nothing for a job that has finished but is still held by
                // slurmctld (MinJobAge) unless asked for every state: seen on the lab, exit 0
                a.add("--states=all");
            }
            if (!q.partitions().isEmpty()) {
                a.add("--partition=" + String.join(",", q.partitions()));
            }
            if (q.me()) {
                a.add("--me");
            }
            if (!q.accounts().isEmpty()) {
                a.add("--account=" + String.join(",", q.accounts()));
            }
            if (!q.names().isEmpty()) {
                a.add("--name=" + String.join(",", q.names()));
            }
            if (!q.qos().isEmpty()) {
                a.add("--qos=" + String.join(",", q.qos()));
            }
            this.argv = List.copyOf(a);
            this.multiCluster = cluster != null;
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        List<SqueueRow> read(ExecResult r, String where) {
            check(r, where);
            byte[] out = r.stdoutBytes();
            if (multiCluster) {
                out = dropClusterLines(out);
            }
            return PARSER.parse(out);
        }

        /** squeue {@code -M} prints {@code CLUSTER: name} before each cluster's rows. */
        static byte[] dropClusterLines(byte[] out) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(out.length);
            int start = 0;
            while (start < out.length) {
                int end = start;
                while (end < out.length && out[end] != '\n') {
                    end++;
                }
                int next = Math.min(end + 1, out.length);
                String head = new String(out, start, Math.min(9, end - start), java.nio.charset.StandardCharsets.US_ASCII);
                if (!head.equals("CLUSTER: ")) {
                    b.write(out, start, next - start);
                }
                start = next;
            }
            return b.toByteArray();
        }
    }

    // ---------------------------------------------------------------- scontrol show

    /**
     * A command whose result is checked for errors ({@link #check}), then read whole from stdout
     * by one parser: the scontrol show commands, sstat, listpids, seff. Made by the factories
     * below, each of which names its argument list and its parser together.
     */
    static final class Parsed<T> extends SlurmCommand<T> {
        private final List<String> argv;
        private final Function<String, T> parser;
        private final boolean needsController;

        Parsed(List<String> argv, Function<String, T> parser, boolean needsController) {
            this.argv = List.copyOf(argv);
            this.parser = parser;
            this.needsController = needsController;
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        boolean needsController() {
            return needsController;
        }

        @Override
        T read(ExecResult r, String where) {
            check(r, where);
            return parser.apply(r.stdout());
        }
    }

    /** {@code [tool, -M, cluster, words...]}. */
    private static List<String> argv(String tool, String cluster, String... words) {
        List<String> a = tool(tool, cluster);
        a.addAll(List.of(words));
        return a;
    }

    /** {@code scontrol -o -d show job [ID]}: every record of the job (array elements, het components). */
    static Parsed<List<Job>> showJob(String cluster, JobId id) {
        List<String> a = argv("scontrol", cluster, "-o", "-d", "show", "job");
        if (id != null) {
            a.add(id.toString());
        }
        return new Parsed<>(a, ScontrolParser::parseJobs, true);
    }

    /** {@code scontrol -o show node [NAME]}. */
    static Parsed<List<Node>> showNodes(String cluster, String name) {
        List<String> a = argv("scontrol", cluster, "-o", "show", "node");
        if (name != null) {
            a.add(Args.word("node name", name));
        }
        return new Parsed<>(a, ScontrolParser::parseNodes, true);
    }

    /** {@code scontrol -o show partition}. */
    static Parsed<List<Partition>> showPartitions(String cluster) {
        return new Parsed<>(argv("scontrol", cluster, "-o", "show", "partition"), ScontrolParser::parsePartitions, true);
    }

    /** {@code scontrol -o show reservation}. */
    static Parsed<List<Reservation>> showReservations(String cluster) {
        return new Parsed<>(argv("scontrol", cluster, "-o", "show", "reservation"), ScontrolParser::parseReservations, true);
    }

    /** {@code scontrol -o show step ID}: the running steps of a job. */
    static Parsed<List<JobStep>> showSteps(String cluster, JobId id) {
        return new Parsed<>(argv("scontrol", cluster, "-o", "show", "step", id.toString()), ScontrolParser::parseSteps, true);
    }

    // ---------------------------------------------------------------- sacct / sstat

    /**
     * {@code sacct -P --noheader --delimiter=U+001F -o <FIELDS>} with the query's filters.
     */
    static final class Accounting extends SlurmCommand<List<AccountingRecord>> {
        @Override
        boolean needsController() {
            return false;
        }

        /** The {@code -o} fields: the 43 of fixture {@code sacct-parsable2-many-fields-all} plus TRES usage and Cluster. */
        static final List<String> FIELDS = List.of("JobID", "JobIDRaw", "JobName", "User", "Group", "Account",
                "Partition", "QOS", "State", "ExitCode", "DerivedExitCode", "Reason", "Elapsed", "ElapsedRaw",
                "Timelimit", "TotalCPU", "UserCPU", "SystemCPU", "CPUTime", "CPUTimeRAW", "AllocCPUS", "NCPUS",
                "ReqCPUS", "NNodes", "NTasks", "ReqMem", "MaxRSS", "MaxRSSNode", "AveRSS", "MaxVMSize", "ReqTRES",
                "AllocTRES", "NodeList", "Submit", "Eligible", "Start", "End", "Suspended", "Priority", "WorkDir",
                "Comment", "Constraints", "Flags", "TRESUsageInMax", "TRESUsageInTot", "Cluster");

        /**
         * The fields {@link SlurmClient#statusOf} needs: few, and none that a placeholder row of
         * slurmdbd (a job whose start it has not stored yet) prints oddly.
         */
        /** What {@code statusOf} asks: the state, and what tells slurmdbd's placeholder row apart ({@code AccountingRecord.isPlaceholder}). */
        static final List<String> STATUS_FIELDS = List.of("JobID", "JobIDRaw", "State", "ExitCode", "Reason", "JobName", "Group", "QOS");

        private final List<String> argv;
        private final SacctParser parser;

        Accounting(String cluster, AccountingQuery q, String idList, List<String> fields) {
            List<String> a = tool("sacct", cluster);
            a.addAll(List.of("--parsable2", "--noheader", "--delimiter=" + DELIMITER, "--format=" + String.join(",", fields)));
            if (q.allUsers()) {
                a.add("--allusers");
            } else if (!q.users().isEmpty()) {
                a.add("--user=" + String.join(",", q.users()));
            }
            if (idList != null) {
                a.add("--jobs=" + idList);
            }
            if (q.duplicates()) {
                a.add("--duplicates");
            }
            if (q.allocationsOnly()) {
                a.add("--allocations");
            }
            if (!q.states().isEmpty()) {
                a.add("--state=" + String.join(",", q.states().stream().map(Enum::name).sorted().toList()));
            }
            if (q.start() != null) {
                a.add("--starttime=" + SLURM_TIME.format(q.start()));
            }
            if (q.end() != null) {
                a.add("--endtime=" + SLURM_TIME.format(q.end()));
            } else if (!q.states().isEmpty()) {
                a.add("--endtime=now");
            }
            this.argv = List.copyOf(a);
            this.parser = SacctParser.parsable(fields).withDelimiter(DELIMITER);
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        List<AccountingRecord> read(ExecResult r, String where) {
            check(r, where);
            return parser.parse(r.stdoutBytes());
        }
    }

    /** The {@code sstat} fields: none with free text (sstat has no {@code --delimiter}; none of these can hold {@code |}). */
    static final List<String> STEP_STAT_FIELDS = List.of("JobID", "MaxVMSize", "MaxVMSizeNode", "MaxVMSizeTask",
            "AveVMSize", "MaxRSS", "MaxRSSNode", "MaxRSSTask", "AveRSS", "MaxPages", "AvePages", "MinCPU",
            "MinCPUNode", "MinCPUTask", "AveCPU", "NTasks", "AveCPUFreq", "ConsumedEnergy", "MaxDiskRead",
            "AveDiskRead", "MaxDiskWrite", "AveDiskWrite", "TRESUsageInAve", "TRESUsageInMax", "TRESUsageInTot",
            "TRESUsageOutTot");
    private static final SstatParser STEP_STAT_PARSER = SstatParser.parsable(STEP_STAT_FIELDS);

    /**
     * {@code sstat -P --noheader -a -j ID -o <FIELDS>}: live usage of the running steps. sstat
     * reports its errors with exit code 0 ({@code sstat: error: ...}): {@link #check} reads the text.
     */
    static Parsed<List<StepStatRecord>> stepStats(JobId id) {
        return new Parsed<>(List.of("sstat", "--parsable2", "--noheader", "--allsteps", "--jobs=" + id,
                "--format=" + String.join(",", STEP_STAT_FIELDS)), STEP_STAT_PARSER::parse, true);
    }

    // ---------------------------------------------------------------- sbatch

    /** {@code sbatch --parsable [-M c] <options> [script|/dev/stdin] [args]}; the script text on stdin. */
    static final class Submit extends SlurmCommand<SubmitResult> {
        private final List<String> argv;
        private final byte[] stdin;
        private final Map<String, String> env;

        Submit(String cluster, SubmitRequest req) {
            List<String> a = tool("sbatch", cluster);
            a.add("--parsable");
            a.addAll(req.options());
            if (req.wrapCommand() != null) {
                a.add("--wrap=" + req.wrapCommand());
            } else if (req.scriptPath() != null) {
                a.add(req.scriptPath());
                a.addAll(req.scriptArgs());
            } else if (!req.scriptArgs().isEmpty()) {
                // sbatch reads the script from stdin only when no file is named; with arguments
                // the script must be named: /dev/stdin is
                a.add("/dev/stdin");
                a.addAll(req.scriptArgs());
            }
            this.argv = List.copyOf(a);
            this.stdin = req.scriptBytes();
            Map<String, String> e = new LinkedHashMap<>(ENV);
            e.putAll(req.env());
            this.env = Map.copyOf(e);
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        byte[] stdin() {
            return stdin;
        }

        @Override
        Map<String, String> environment() {
            return env;
        }

        /** A job id on stdout means the job exists, whatever else sbatch said ({@link SbatchParser}). */
        @Override
        SubmitResult read(ExecResult r, String where) {
            if (r.truncated()) {
                check(r, where);
            }
            try {
                return SbatchParser.parse(r.stdout(), r.stderr(), r.exitCode());
            } catch (SlurmCommandException e) {
                throw new SlurmCommandException(e.error(), where, e.exitCode());
            }
        }
    }

    // ---------------------------------------------------------------- actions

    /**
     * An action that prints little: {@code scancel -v}, {@code scontrol hold|...|update}. An
     * error in the text fails it even with exit code 0 ({@code scancel -v 999999}).
     */
    static final class Action extends SlurmCommand<ActionResult> {
        private final List<String> argv;

        Action(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        static Action cancel(String cluster, JobId id, String signal) {
            List<String> a = tool("scancel", cluster);
            a.add("--verbose");
            if (signal != null) {
                if (!signal.matches("[A-Za-z0-9]{1,16}")) {
                    throw new IllegalArgumentException("not a signal name or number: " + signal);
                }
                a.add("--signal=" + signal);
            }
            a.add(id.toString());
            return new Action(a);
        }

        /** {@code scontrol <verb> ID} for suspend, resume, hold, uhold, release, requeue, requeuehold. */
        static Action scontrol(String cluster, String verb, JobId id) {
            List<String> a = tool("scontrol", cluster);
            a.add(verb);
            a.add(id.toString());
            return new Action(a);
        }

        static Action update(String cluster, JobId id, JobUpdate update) {
            List<String> a = tool("scontrol", cluster);
            a.add("update");
            a.add("JobId=" + id);
            update.values().forEach((k, v) -> a.add(k + "=" + v));
            return new Action(a);
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        ActionResult read(ExecResult r, String where) {
            if (r.truncated()) {
                check(r, where);
            }
            return ActionOutputParser.parse(where, r.stdout(), r.stderr(), r.exitCode());
        }
    }

    /** {@code scontrol listpids ID}: the processes of the job's steps on the node it runs on. */
    static Parsed<List<JobPid>> listPids(JobId id) {
        return new Parsed<>(List.of("scontrol", "listpids", id.toString()), ListPidsParser::parse, true);
    }

    /**
     * {@code scontrol ping}: the state of each controller. A controller that is DOWN is an answer,
     * not an error: the lines are returned (exit code 1 and the RESTORE banner when all are down).
     * Only output without any controller line is classified as an error.
     */
    static final class Ping extends SlurmCommand<List<ControllerStatus>> {
        private static final Pattern LINE = Pattern.compile("^Slurmctld\\(([^)]+)\\) at (\\S+) is (UP|DOWN)$");
        private final List<String> argv;

        Ping(String cluster) {
            List<String> a = tool("scontrol", cluster);
            a.add("ping");
            this.argv = List.copyOf(a);
        }

        @Override
        List<String> arguments() {
            return argv;
        }

        @Override
        List<ControllerStatus> read(ExecResult r, String where) {
            if (r.truncated()) {
                check(r, where);
            }
            List<ControllerStatus> out = new ArrayList<>();
            for (String line : r.stdout().split("\n")) {
                Matcher m = LINE.matcher(line.strip());
                if (m.matches()) {
                    out.add(new ControllerStatus(m.group(1), m.group(2), m.group(3).equals("UP")));
                }
            }
            if (!out.isEmpty()) {
                boolean anyUp = out.stream().anyMatch(ControllerStatus::up);
                // an exit code 0 with every controller down, or 1 with one up, is not what scontrol does
                if ((r.exitCode() == 0) == anyUp) {
                    return List.copyOf(out);
                }
            }
            SlurmErrors.check(where, r.stdout(), r.stderr(), r.exitCode());
            throw new SlurmParseException("scontrol ping", 1, null, r.stdout(),
                    out.isEmpty() ? "no 'Slurmctld(role) at host is UP|DOWN' line"
                            : "exit code " + r.exitCode() + " does not agree with the controller lines");
        }
    }

    /** {@code seff ID} (talks to slurmdbd, not slurmctld). */
    static Parsed<SeffReport> seff(JobId id) {
        return new Parsed<>(List.of("seff", id.toString()), SeffParser::parse, false);
    }

    /** {@code sh -c 'command -v seff'}: whether seff is installed where commands run. */
    static final class ProbeSeff extends SlurmCommand<Boolean> {
        @Override
        boolean needsController() {
            return false;
        }

        @Override
        List<String> arguments() {
            return List.of("sh", "-c", "command -v seff");
        }

        @Override
        Boolean read(ExecResult r, String where) {
            return r.exitCode() == 0 && !r.stdout().isBlank();
        }
    }

    /** For messages: a time as Slurm reads it. */
    static String time(LocalDateTime t) {
        return SLURM_TIME.format(t);
    }

    /** Whether {@code state} names a job that Slurm still holds in the queue. */
    static boolean isQueued(JobState s) {
        return s != null && s.isActive();
    }
}
