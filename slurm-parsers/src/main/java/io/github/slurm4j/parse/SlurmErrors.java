package io.github.slurm4j.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place where Slurm's error messages are turned into {@link SlurmErrorType}s.
 *
 * <p>Exit codes lie, so classification reads the text, line by line: {@code squeue -u nosuchuser},
 * {@code sstat} and {@code scancel -v 999999} report errors with exit code 0, {@code scontrol show
 * node nosuchnode} writes its error to stdout, {@code seff} prints perl warnings on stderr when it
 * works. The steps:
 *
 * <ol>
 *   <li>Noise is dropped: perl warnings ({@code Use of uninitialized value $FindBin::Bin ... at
 *       /usr/local/bin/seff line 11.}, every {@code seff-*} case) and empty lines.
 *   <li>Informational lines are set aside, never errors: {@code scancel: Terminating job 32}
 *       ({@code scancel-verbose}), {@code <tool>: warning: ...}.
 *   <li>The error lines are collected: every other stderr line when the exit code is not 0; when it
 *       is 0, only stderr lines that match a rule below or contain the word {@code error}. From
 *       stdout only lines that are errors by themselves are taken, for the commands known to print
 *       them there ({@code Node nosuchnode not found} of scontrol, {@code Job not found.} of seff,
 *       the {@code RESTORE SLURMCTLD DAEMON TO SERVICE} banner of {@code scontrol ping}), plus the
 *       {@code errors} array of a {@code --json} document. {@code sbatch} output that holds a job id
 *       is a success, whatever else it says (the job exists).
 *   <li>The first rule, in the order of the table below, that matches any error line gives the
 *       type: an outage wins over what it caused, access over existence, and so on. Error lines
 *       that match no rule are {@link SlurmErrorType#UNKNOWN} ({@link SlurmErrorType#SUBMIT_REJECTED}
 *       for sbatch, which does nothing else). A non-zero exit code with no error text at all is
 *       {@code UNKNOWN} too.
 * </ol>
 *
 * <p>The message kept is all error lines, trimmed, joined with {@code \n}, prefixes such as
 * {@code sbatch: error: } included.
 *
 * <table>
 * <caption>Rules, in precedence order, with the fixture each comes from</caption>
 * <tr><th>type</th><th>text</th><th>fixture</th></tr>
 * <tr><td>controller_unavailable</td><td>{@code Unable to contact slurm controller}</td>
 *     <td>{@code ctld-down-sbatch}, {@code ctld-down-sbatch-parsable}, {@code ctld-down-scancel},
 *     {@code ctld-down-scancel-verbose}, {@code ctld-down-scontrol-show-job}, {@code ctld-down-squeue},
 *     {@code ctld-down-sdiag}, {@code ctld-down-sprio}, {@code ctld-down-sshare}</td></tr>
 * <tr><td>controller_unavailable</td><td>{@code ** RESTORE SLURMCTLD DAEMON TO SERVICE **} (stdout),
 *     with the {@code Slurmctld(primary) at vm is DOWN} line</td><td>{@code ctld-down-scontrol-ping}</td></tr>
 * <tr><td>controller_unavailable</td><td>{@code Socket timed out on send/recv operation},
 *     {@code Zero Bytes were transmitted or received} (not sacct/sacctmgr/sreport)</td>
 *     <td>no fixture: Slurm's texts for a controller too busy to answer</td></tr>
 * <tr><td>accounting_unavailable</td><td>{@code failed to open persistent connection},
 *     {@code Sending PersistInit msg}, {@code Problem talking to the database},
 *     {@code DBD_GET_JOBS_COND failure}</td><td>{@code dbd-down-sacct-json}, {@code dbd-down-seff}
 *     (which also says {@code Job not found.}: the outage wins)</td></tr>
 * <tr><td>accounting_unavailable</td><td>the two socket texts above, for sacct/sacctmgr/sreport</td>
 *     <td>no fixture</td></tr>
 * <tr><td>access_denied</td><td>{@code Access/permission denied}</td>
 *     <td>{@code runuser-alice-scontrol-suspend-permission}, {@code runuser-alice-update-negative-nice},
 *     {@code runuser-alice-update-priority-denied}</td></tr>
 * <tr><td>access_denied</td><td>{@code Changes to job priority are not persistent, change nice
 *     instead}: 22.05's answer to a user who sets a priority on their own job (only operators may)</td>
 *     <td>no fixture; seen by {@code AbstractSlurmClientIT} against the lab's 22.05</td></tr>
 * <tr><td>access_denied</td><td>{@code Invalid user id} (before job_not_found: {@code Invalid user id
 *     for job 25} is about the caller, not the job)</td><td>{@code runuser-alice-release-others-job}</td></tr>
 * <tr><td>job_not_found</td><td>{@code Invalid job id specified}</td>
 *     <td>{@code squeue-error-invalid-job}, {@code scontrol-hold-error-invalid-id},
 *     {@code scontrol-update-error-invalid-id}, {@code scancel-verbose-error-invalid-id} (exit 0)</td></tr>
 * <tr><td>job_not_found</td><td>{@code Job not found.} (seff, stdout or stderr)</td>
 *     <td>{@code seff-error-invalid}; also {@code ctld-down-seff}, where it is really the controller
 *     outage, which seff's text does not tell</td></tr>
 * <tr><td>submit_rejected</td><td>{@code Batch job submission failed:}</td>
 *     <td>{@code sbatch-enforcepartlimits-error-time-limit}, {@code sbatch-enforcepartlimits-error-too-many-cpus},
 *     {@code sbatch-error-array-too-big}, {@code sbatch-error-gres-unavailable},
 *     {@code sbatch-error-gres-unknown-type}, {@code sbatch-error-inactive-license},
 *     {@code sbatch-error-invalid-account}, {@code sbatch-error-invalid-partition},
 *     {@code sbatch-error-too-much-memory}, {@code runuser-bob-sbatch-error-maxsubmit},
 *     {@code runuser-nobody-sbatch-error-no-association}</td></tr>
 * <tr><td>submit_rejected</td><td>{@code This does not look like a batch script},
 *     {@code Batch script is empty}, {@code Unable to open file}</td>
 *     <td>{@code sbatch-error-no-shebang}, {@code sbatch-error-stdin-empty}, {@code sbatch-error-missing-script}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Invalid --time specification} (any option)</td>
 *     <td>{@code sbatch-error-bad-time-format}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code unrecognized option}, {@code invalid option}</td>
 *     <td>{@code scancel-error-bad-option}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code No job identification provided}</td><td>{@code scancel-error-no-args}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Invalid job state specified}</td><td>{@code squeue-error-bad-state}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Invalid user: nosuchuser} (exit 0)</td><td>{@code squeue-error-invalid-user}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Node nosuchnode not found} (stdout; also Partition,
 *     Reservation)</td><td>{@code scontrol-node-error-unknown}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Invalid node name specified}</td><td>{@code scontrol-update-node-invalid-name}</td></tr>
 * <tr><td>invalid_argument</td><td>the job is not in a state the action applies to:
 *     {@code Job is pending execution}, {@code Job/step already completing or completed} (exit 0),
 *     {@code No steps running for job} (exit 0). The job exists, so this is not job_not_found.</td>
 *     <td>{@code scontrol-requeue-error-pending}, {@code scontrol-suspend-error-pending},
 *     {@code scancel-verbose-error-already-finished}, {@code sstat-error-pending-job}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code Job is in held state, pending scheduler release}: a
 *     priority change of a held job, even by an operator</td>
 *     <td>no fixture; seen by {@code AbstractSlurmClientIT} against the lab's 22.05</td></tr>
 * <tr><td>unknown</td><td>{@code Unexpected message received}: the same text for an unknown job
 *     and for a controller that is down, so no guess is made</td>
 *     <td>{@code scontrol-suspend-error-invalid-id}, {@code ctld-down-scontrol-hold}</td></tr>
 * <tr><td>unknown</td><td>{@code couldn't get steps for job} (exit 0; it was a controller outage,
 *     which the text does not say)</td><td>{@code ctld-down-sstat}</td></tr>
 * </table>
 */
public final class SlurmErrors {
    private SlurmErrors() {
    }

    private static final Set<String> ACCOUNTING_TOOLS = Set.of("sacct", "sacctmgr", "sreport");

    private static final Set<String> KNOWN_TOOLS = Set.of(
            "sbatch", "salloc", "srun", "squeue", "scancel", "scontrol", "sacct", "sacctmgr", "sinfo",
            "sstat", "seff", "sprio", "sshare", "sdiag", "sreport", "strigger", "sattach", "sbcast", "scrontab");

    /** A rule: lines matching {@code pattern} (find) mean {@code type}, for the tools it applies to. */
    private record Rule(SlurmErrorType type, Pattern pattern, Set<String> onlyTools, Set<String> exceptTools) {
        boolean appliesTo(String tool) {
            return (onlyTools.isEmpty() || onlyTools.contains(tool)) && !exceptTools.contains(tool);
        }
    }

    private static Rule rule(SlurmErrorType type, String regex) {
        return new Rule(type, Pattern.compile(regex), Set.of(), Set.of());
    }

    private static final String SOCKET_TROUBLE = "Socket timed out on send/recv operation|Zero Bytes were transmitted or received";

    /** In precedence order; see the class comment for the fixture behind each. */
    private static final List<Rule> RULES = List.of(
            rule(SlurmErrorType.CONTROLLER_UNAVAILABLE, "Unable to contact slurm controller"),
            rule(SlurmErrorType.CONTROLLER_UNAVAILABLE, "RESTORE SLURMCTLD DAEMON TO SERVICE"),
            new Rule(SlurmErrorType.CONTROLLER_UNAVAILABLE, Pattern.compile(SOCKET_TROUBLE), Set.of(), ACCOUNTING_TOOLS),
            rule(SlurmErrorType.ACCOUNTING_UNAVAILABLE, "failed to open persistent connection"
                    + "|Sending PersistInit msg|Problem talking to the database|\\bDBD_[A-Z_]+ failure"),
            new Rule(SlurmErrorType.ACCOUNTING_UNAVAILABLE, Pattern.compile(SOCKET_TROUBLE), ACCOUNTING_TOOLS, Set.of()),
            rule(SlurmErrorType.ACCESS_DENIED, "Access/permission denied|\\bInvalid user id\\b"
                    + "|Changes to job priority are not persistent"),
            rule(SlurmErrorType.JOB_NOT_FOUND, "Invalid job id specified|^Job not found\\.$"),
            rule(SlurmErrorType.SUBMIT_REJECTED, "Batch job submission failed:"
                    + "|This does not look like a batch script|Batch script is empty|Unable to open file"),
            rule(SlurmErrorType.INVALID_ARGUMENT, "Invalid --[\\w-]+ specification|unrecognized option|invalid option"
                    + "|No job identification provided|Invalid job state specified|Invalid user: "
                    + "|^(Node|Partition|Reservation) \\S+ not found$|Invalid node name specified"
                    + "|Job is pending execution|Job/step already completing or completed|No steps running for job"
                    + "|Job is in held state"),
            rule(SlurmErrorType.UNKNOWN, "Unexpected message received|couldn't get steps for job"));

    /** A perl warning: {@code <text> at /usr/local/bin/seff line 11, <DATA> line 604.} */
    private static final Pattern PERL_WARNING = Pattern.compile(" at \\S+ line \\d+(, <\\w+> (line|chunk) \\d+)?\\.$");
    private static final Pattern INFO = Pattern.compile(
            "^scancel: (Terminating|Signal \\d+ to) (job|step) \\S+$|^\\S+: warning: ");
    private static final Pattern WORD_ERROR = Pattern.compile("(?i)\\berror\\b");
    /** Lines that are errors when printed to stdout by the tool in question. */
    private static final Pattern SCONTROL_STDOUT_ERROR = Pattern.compile(
            "^(Node|Partition|Reservation) \\S+ not found$|^Slurmctld\\(\\w+\\) at \\S+ is DOWN$");
    private static final Pattern PING_BANNER = Pattern.compile("^\\*\\* RESTORE SLURMCTLD DAEMON TO SERVICE \\*\\*$");
    private static final Pattern SEFF_STDOUT_ERROR = Pattern.compile("^Job not found\\.$");
    private static final String BANNER_TEXT = "RESTORE SLURMCTLD DAEMON TO SERVICE";
    private static final Pattern STARS = Pattern.compile("^\\*+$");
    private static final int MAX_STDOUT_FALLBACK_LINES = 5;
    private static final int MAX_STDOUT_FALLBACK_CHARS = 2000;

    /** What {@link #analyze} found: the error (or {@code null}) and the informational lines. */
    record Analysis(SlurmError error, List<String> info) {
    }

    /**
     * Classifies the output of one command run.
     *
     * @param command the tool name ({@code squeue}) or the command line
     *     ({@code runuser -u alice -- scontrol release 25}); the tool decides which stdout lines
     *     can be errors
     * @param stdout what the command wrote to stdout ({@code null} = nothing)
     * @param stderr what it wrote to stderr ({@code null} = nothing)
     * @param exitCode its exit code
     * @return the error, or empty when the output reports none
     */
    public static Optional<SlurmError> classify(String command, String stdout, String stderr, int exitCode) {
        return Optional.ofNullable(analyze(command, stdout, stderr, exitCode, false).error());
    }

    /**
     * Throws when {@link #classify} finds an error.
     *
     * @throws SlurmCommandException with the error, {@code command} and {@code exitCode}
     */
    public static void check(String command, String stdout, String stderr, int exitCode) {
        Optional<SlurmError> error = classify(command, stdout, stderr, exitCode);
        if (error.isPresent()) {
            throw new SlurmCommandException(error.get(), command == null ? "" : command, exitCode);
        }
    }

    /**
     * The tool a command line runs: the first word that is a known Slurm command (so
     * {@code runuser -u alice -- /usr/bin/scontrol hold 3} is {@code scontrol}), else the first
     * word, without its directory.
     */
    static String tool(String command) {
        if (command == null || command.isBlank()) {
            return "";
        }
        String[] words = command.trim().split("\\s+");
        for (String w : words) {
            String base = w.substring(w.lastIndexOf('/') + 1);
            if (KNOWN_TOOLS.contains(base)) {
                return base;
            }
        }
        return words[0].substring(words[0].lastIndexOf('/') + 1);
    }

    /**
     * Classifies, and with {@code collectInfo} also keeps the informational lines (action outputs,
     * which are small). Without it stdout is only scanned for the few lines that can be errors, so a
     * large {@code squeue} or {@code scontrol show job} output costs one pass and no copies.
     */
    static Analysis analyze(String command, String stdout, String stderr, int exitCode, boolean collectInfo) {
        String tool = tool(command);
        String out = stdout == null ? "" : stdout;
        String err = stderr == null ? "" : stderr;
        if (tool.equals("sbatch") && SbatchParser.hasSubmission(out)) {
            return new Analysis(null, List.of());
        }
        List<String> errors = new ArrayList<>();
        List<String> info = new ArrayList<>();
        if (firstNonBlank(out) == '{') {
            errors.addAll(jsonErrors(out));
        } else {
            scanStdout(tool, out, collectInfo, errors, info);
        }
        for (String line : lines(err)) {
            if (isNoise(line)) {
                continue;
            }
            if (INFO.matcher(line).find()) {
                info.add(line);
            } else if (exitCode != 0 || WORD_ERROR.matcher(line).find() || firstRule(tool, List.of(line)) != null) {
                errors.add(line);
            } else {
                info.add(line);
            }
        }
        if (errors.isEmpty()) {
            if (exitCode == 0) {
                return new Analysis(null, info);
            }
            List<String> outLines = out.length() <= MAX_STDOUT_FALLBACK_CHARS ? lines(out) : List.of();
            String message = !outLines.isEmpty() && outLines.size() <= MAX_STDOUT_FALLBACK_LINES
                    ? String.join("\n", outLines)
                    : "exit code " + exitCode + " without an error message";
            return new Analysis(new SlurmError(SlurmErrorType.UNKNOWN, message), info);
        }
        Rule rule = firstRule(tool, errors);
        SlurmErrorType type = rule != null ? rule.type()
                : tool.equals("sbatch") ? SlurmErrorType.SUBMIT_REJECTED : SlurmErrorType.UNKNOWN;
        return new Analysis(new SlurmError(type, String.join("\n", errors)), info);
    }

    /** A line that says nothing about the command: a perl warning (seff). */
    static boolean isNoise(String line) {
        return PERL_WARNING.matcher(line).find();
    }

    private static char firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    private static void scanStdout(String tool, String out, boolean collectInfo, List<String> errors, List<String> info) {
        boolean anyTool = !KNOWN_TOOLS.contains(tool);
        boolean scontrol = tool.equals("scontrol") || anyTool;
        boolean seff = tool.equals("seff") || anyTool;
        if (!collectInfo && !scontrol && !seff) {
            return;
        }
        boolean banner = scontrol && out.contains(BANNER_TEXT);
        int n = out.length();
        int start = 0;
        while (start < n) {
            int end = out.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (collectInfo || mayBeStdoutError(out, start)) {
                String line = out.substring(start, end).strip();
                if (line.isEmpty()) {
                    // skip
                } else if ((scontrol && stdoutScontrolError(line, banner)) || (seff && SEFF_STDOUT_ERROR.matcher(line).matches())) {
                    errors.add(line);
                } else if (collectInfo && !(banner && STARS.matcher(line).matches())) {
                    info.add(line);
                }
            }
            start = end + 1;
        }
    }

    private static final String[] STDOUT_ERROR_STARTS = {"Node ", "Partition ", "Reservation ", "Slurmctld(", "** ", "Job not found."};

    private static boolean mayBeStdoutError(String out, int at) {
        for (String s : STDOUT_ERROR_STARTS) {
            if (out.startsWith(s, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stdoutScontrolError(String line, boolean banner) {
        if (banner && PING_BANNER.matcher(line).matches()) {
            return true;
        }
        if (SCONTROL_STDOUT_ERROR.matcher(line).matches()) {
            // a DOWN controller line is an error only with the banner: show config lists a backup
            // controller that is down while the primary works
            return !line.startsWith("Slurmctld") || banner;
        }
        return false;
    }

    private static Rule firstRule(String tool, List<String> lines) {
        for (Rule r : RULES) {
            if (!r.appliesTo(tool)) {
                continue;
            }
            for (String line : lines) {
                if (r.pattern().matcher(line).find()) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Non-empty lines, trimmed. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                out.add(line);
            }
            start = end + 1;
        }
        return out;
    }

    /** Jackson's streaming factory, made for the first {@code --json} output only: checking a plain command's output loads no Jackson class. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /**
     * The entries of the top-level {@code errors} array of a {@code --json} document, as
     * {@code description: error} lines. Other members are skipped without building them. A document
     * that is not valid JSON yields what was read before the damage: reporting it is the JSON
     * parser's job.
     */
    static List<String> jsonErrors(String json) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (name.equals("errors") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        out.add(jsonError(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // broken JSON: keep what was read (see above)
        }
        return out;
    }

    private static String jsonError(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String text = p.getValueAsString();
            p.skipChildren();
            return text == null ? "" : text.strip();
        }
        String error = null;
        String description = null;
        String number = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName().toLowerCase(Locale.ROOT);
            p.nextToken();
            switch (name) {
                case "error" -> error = p.getValueAsString();
                case "description" -> description = p.getValueAsString();
                case "error_number", "errno", "error_code" -> number = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        StringBuilder sb = new StringBuilder();
        if (description != null && !description.isBlank()) {
            sb.append(description.strip());
        }
        if (error != null && !error.isBlank()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(error.strip());
        }
        if (sb.length() == 0) {
            sb.append("error ").append(number == null ? "(no text)" : number);
        }
        return sb.toString();
    }
}
