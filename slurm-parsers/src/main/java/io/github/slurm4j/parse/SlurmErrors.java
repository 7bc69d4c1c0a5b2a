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
 *       them there ({@code Node nosuchnode not found}, {@code Job 12_3 not found} of scontrol,
 *       {@code Job not found.} of seff,
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
 * {@code sbatch: error: } included: Slurm's text, never the command line (a
 * {@link io.github.slurm4j.model.SlurmCommandException} adds a short form of that).
 *
 * <p>The texts are Slurm's own, read from its sources for 22.05 to 26.05: the error table
 * ({@code slurm_errno.c}, what {@code slurm_strerror} prints after {@code slurm_load_jobs error:},
 * {@code for job 24} or {@code Batch job submission failed:}) as far as squeue, sinfo, scontrol,
 * sacct, sbatch, scancel and sstat can meet it, and those tools' own error prints (with the common
 * option and time parsing). A rule matches a text anywhere in a line, case-sensitively.
 * {@code SlurmErrorsTest} lists every text with its type; the table below gives the order and the
 * captured cases behind each group.
 *
 * <table>
 * <caption>Rules, in precedence order</caption>
 * <tr><th>type</th><th>texts</th><th>captured cases</th></tr>
 * <tr><td>controller_unavailable</td><td>{@code Unable to contact slurm controller (connect failure)}
 *     and its send/receive/shutdown forms; the {@code ** RESTORE SLURMCTLD DAEMON TO SERVICE **}
 *     banner of {@code scontrol ping} (stdout, with the {@code is DOWN} line); standby controllers;
 *     {@code Rate limit exceeded}; {@code Failed while looking for jobs}, the only text 22.05's
 *     {@code squeue --json} has for it (in the {@code errors} array, exit code 0, errno {@code -1})</td>
 *     <td>{@code ctld-down-*}; lab-22.05 {@code ctld-down-squeue-json}, {@code ctld-down-sinfo},
 *     {@code ctld-down-squeue-format-O}</td></tr>
 * <tr><td>controller_unavailable, or accounting_unavailable for sacct, sacctmgr, sreport and seff</td>
 *     <td>a broken connection or authentication: {@code Socket timed out on send/recv operation},
 *     {@code Zero Bytes were transmitted or received}, {@code Protocol authentication error},
 *     {@code Incompatible versions of client and server code}, the system's {@code Connection reset by
 *     peer} (squeue while slurmctld shuts down, seen on the lab's 24.11), …</td><td>none</td></tr>
 * <tr><td>accounting_unavailable</td><td>{@code failed to open persistent connection},
 *     {@code Sending PersistInit msg}, {@code Problem talking to the database}, {@code DBD_* failure},
 *     {@code Unable to connect to database}, {@code Slurm accounting storage is disabled}</td>
 *     <td>{@code dbd-down-sacct-json}, {@code dbd-down-seff} (which also says {@code Job not found.}:
 *     the outage wins)</td></tr>
 * <tr><td>submit_rejected</td><td>{@code Batch job submission failed:} followed by any reason (also
 *     salloc's and srun's forms)</td><td>{@code sbatch-error-*}, {@code runuser-bob-sbatch-error-maxsubmit},
 *     {@code runuser-nobody-sbatch-error-no-association}</td></tr>
 * <tr><td>access_denied</td><td>{@code Access/permission denied}, {@code Invalid user id} (before
 *     job_not_found: {@code Invalid user id for job 25} is about the caller),
 *     {@code Changes to job priority are not persistent, change nice instead} (22.05's answer to a
 *     user who sets a priority), reservation, partition-group and burst-buffer refusals</td>
 *     <td>{@code runuser-alice-*}; lab-22.05 {@code runuser-alice-scancel-others-job},
 *     {@code runuser-alice-update-others-job}</td></tr>
 * <tr><td>job_not_found</td><td>{@code Invalid job id specified}; scontrol's {@code Job 12_3 not found},
 *     {@code Job 21+1 not found}, {@code Job step 14.0 not found} (stdout); seff's {@code Job not found.};
 *     {@code No jobs with name}; sstat's {@code StepId=14.0 not found running.}</td>
 *     <td>{@code squeue-error-invalid-job}, {@code scontrol-*-error-invalid-id}, {@code seff-error-invalid};
 *     lab-22.05 {@code scontrol-job-error-array-task-not-found}, {@code scontrol-job-error-het-component-not-found},
 *     {@code scontrol-step-error-not-found}</td></tr>
 * <tr><td>submit_rejected</td><td>the script: {@code This does not look like a batch script},
 *     {@code Batch script is empty}, {@code Unable to open file}, DOS line breaks, NUL characters, size</td>
 *     <td>{@code sbatch-error-no-shebang}, {@code sbatch-error-stdin-empty}, {@code sbatch-error-missing-script}</td></tr>
 * <tr><td>invalid_argument</td><td>{@code -M} with a cluster the database does not know:
 *     {@code No cluster 'x' known by database.}, {@code 'x' can't be reached now, or it is an invalid
 *     entry for --cluster.} (the same for a listing and for sbatch; an unreachable database says so
 *     and is accounting_unavailable)</td><td>lab-22.05 {@code *-error-unknown-cluster}</td></tr>
 * <tr><td>invalid_argument</td><td>the job exists but is in a state the request does not apply to:
 *     {@code Job is pending execution}, {@code Job/step already completing or completed} (exit 0),
 *     {@code No steps running for job} (exit 0), {@code Job is in held state}, …</td>
 *     <td>{@code scontrol-requeue-error-pending}, {@code scontrol-suspend-error-pending},
 *     {@code scancel-verbose-error-already-finished}, {@code sstat-error-pending-job}</td></tr>
 * <tr><td>invalid_argument</td><td>what the controller refuses outside a submission (an update, an
 *     action): {@code Invalid partition name specified}, {@code Requested node configuration is not
 *     available}, {@code Invalid qos specification}, …</td><td>{@code scontrol-update-node-invalid-name};
 *     lab-22.05 {@code scontrol-update-error-invalid-partition}</td></tr>
 * <tr><td>invalid_argument</td><td>the command line: options ({@code unrecognized option},
 *     {@code Invalid --time specification}), fields and formats ({@code Invalid field requested},
 *     {@code Invalid job format specification}, exit 0), states, users, ids, times
 *     ({@code Invalid time specification (pos=0)}), scontrol keywords and values ({@code Update of this
 *     parameter is not supported}, {@code Invalid TimeLimit value}), {@code Node x not found} (stdout)</td>
 *     <td>{@code scancel-error-*}, {@code squeue-error-bad-state}, {@code squeue-error-invalid-user},
 *     {@code scontrol-node-error-unknown}; lab-22.05 {@code sacct-error-*}, {@code sstat-error-invalid-field},
 *     {@code squeue-error-invalid-format-field}, {@code sinfo-error-invalid-format-field},
 *     {@code scontrol-update-error-invalid-keyword}, {@code scontrol-update-error-invalid-timelimit}</td></tr>
 * <tr><td>unknown</td><td>{@code Unexpected message received}: the same text for an unknown job
 *     and for a controller that is down; {@code couldn't get steps for job} (exit 0): the same for a job
 *     that does not exist and for a controller that is down; {@code Unspecified error}</td>
 *     <td>{@code scontrol-suspend-error-invalid-id}, {@code ctld-down-scontrol-hold}, {@code ctld-down-sstat};
 *     lab-22.05 {@code ctld-down-scontrol-update}, {@code sstat-error-invalid-job}</td></tr>
 * </table>
 *
 * <p>Texts no rule knows are {@code unknown} ({@code submit_rejected} for sbatch). Outputs Slurm
 * gives no error for are successes here too: {@code scancel 5_7} for a task that does not exist
 * (exit 0, silent), {@code squeue -j 5_7} (header only), {@code sacct -M nosuchcluster} (header only).
 */
public final class SlurmErrors {
    private SlurmErrors() {
    }

    /** Tools that talk to slurmdbd: a broken connection there is an accounting outage. */
    private static final Set<String> ACCOUNTING_TOOLS = Set.of("sacct", "sacctmgr", "sreport", "seff");

    private static final Set<String> KNOWN_TOOLS = Set.of(
            "sbatch", "salloc", "srun", "squeue", "scancel", "scontrol", "sacct", "sacctmgr", "sinfo",
            "sstat", "seff", "sprio", "sshare", "sdiag", "sreport", "strigger", "sattach", "sbcast", "scrontab");

    /**
     * A rule: lines in which {@code pattern} is found mean {@code type}; {@code type} is
     * {@code null} for a broken connection, whose meaning depends on the tool (see
     * {@link #typeFor}).
     */
    private record Rule(SlurmErrorType type, Pattern pattern, Set<String> onlyTools) {
        boolean appliesTo(String tool) {
            return onlyTools.isEmpty() || onlyTools.contains(tool);
        }

        SlurmErrorType typeFor(String tool) {
            if (type != null) {
                return type;
            }
            return ACCOUNTING_TOOLS.contains(tool) ? SlurmErrorType.ACCOUNTING_UNAVAILABLE : SlurmErrorType.CONTROLLER_UNAVAILABLE;
        }
    }

    /** A rule matching any of these texts, verbatim (case-sensitive, anywhere in the line). */
    private static Rule texts(SlurmErrorType type, String... texts) {
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            sb.append(sb.length() == 0 ? "" : "|").append(Pattern.quote(t));
        }
        return new Rule(type, Pattern.compile(sb.toString()), Set.of());
    }

    private static Rule regex(SlurmErrorType type, String regex) {
        return new Rule(type, Pattern.compile(regex), Set.of());
    }

    private static final SlurmErrorType CONTROLLER = SlurmErrorType.CONTROLLER_UNAVAILABLE;
    private static final SlurmErrorType ACCOUNTING = SlurmErrorType.ACCOUNTING_UNAVAILABLE;
    private static final SlurmErrorType ACCESS = SlurmErrorType.ACCESS_DENIED;
    private static final SlurmErrorType NOT_FOUND = SlurmErrorType.JOB_NOT_FOUND;
    private static final SlurmErrorType REJECTED = SlurmErrorType.SUBMIT_REJECTED;
    private static final SlurmErrorType INVALID = SlurmErrorType.INVALID_ARGUMENT;
    private static final SlurmErrorType UNKNOWN = SlurmErrorType.UNKNOWN;

    /**
     * Slurm's texts, in precedence order: Slurm's error table ({@code src/common/slurm_errno.c},
     * 22.05 to 26.05) as far as squeue, sinfo, scontrol, sacct, sbatch, scancel and sstat can print
     * it, and those tools' own error prints. Daemon-internal texts (slurmd launch, SPANK, the REST
     * server's HTTP and URL parsing, Lua, plugin loading) are left out: they stay unknown.
     * {@code SlurmErrorsTest.SLURM_TEXTS} lists every text with its type.
     */
    private static final List<Rule> RULES = List.of(
            // the controller cannot be reached or will not answer now
            texts(CONTROLLER, "Unable to contact slurm controller", "RESTORE SLURMCTLD DAEMON TO SERVICE",
                    "Slurm backup controller in standby mode", "Controller is in standby mode, try a different controller",
                    "Rate limit exceeded, please retry",
                    // 22.05's squeue --json: slurm_load_jobs failed and its errno was lost (-1);
                    // an unfiltered job load fails only when the controller cannot be used
                    "Failed while looking for jobs"),
            // a broken connection or authentication: slurmdbd for the accounting tools, else slurmctld
            texts(null, "Socket timed out on send/recv operation", "Zero Bytes were transmitted or received",
                    "Communication connection failure", "Message send failure", "Message receive failure",
                    "Communication shutdown failure", "Unexpected missing socket error",
                    "Incompatible versions of client and server code", "I/O stream version number error",
                    "Protocol authentication error", "Insane message length", "Received zero length message",
                    "Received message length < 0", "Failed to send entire message",
                    "Header lengths are longer than data received", "Invalid authentication credential",
                    "Authentication credential invalid", "Authentication credential expired", "Cannot unpack credential",
                    "Failed to connect to authentication agent", "Connection timed out establishing",
                    "Connection timed out writing", "Connection timed out reading", "Connection rejected by handler",
                    "Connection forced closed by quiesce timeout", "TLS missing but required for connection",
                    "Unable to process incoming file descriptor", "Unable to process outgoing file descriptor",
                    "Unable to process incoming and outgoing file descriptors",
                    // not Slurm's table: the system's text for ECONNRESET, which slurm_strerror passes on;
                    // 'slurm_load_jobs error: Connection reset by peer' from squeue while slurmctld is
                    // being stopped (seen on the lab, 24.11, by the job watcher's outage test)
                    "Connection reset by peer"),
            // slurmdbd
            texts(ACCOUNTING, "failed to open persistent connection", "Sending PersistInit msg",
                    "Problem talking to the database", "problem talking to the database", "Unable to connect to database",
                    "Database connection reference is invalid", "Slurm accounting storage is disabled",
                    "Slurm job completion is disabled", "Slurm unable to initialize storage plugin",
                    "Slurm unable to initialize jobcomp plugin"),
            regex(ACCOUNTING, "\\bDBD_[A-Z_]+ failure"),
            // whatever the controller answered a submission with (an outage above wins)
            // ("allocation failure:" is how sbatch --test-only reports the same refusals)
            texts(REJECTED, "Batch job submission failed:", "Job submit/allocate failed:", "Unable to allocate resources:",
                    "allocation failure:"),
            // the caller may not
            texts(ACCESS, "Access/permission denied", "Changes to job priority are not persistent",
                    "Access denied to requested reservation", "User's group not permitted to use this partition",
                    "Burst Buffer permission denied", "Rejecting authentication of user nobody or group nobody",
                    "--uid only permitted by root user", "--gid only permitted by root user"),
            // before job_not_found: "Invalid user id for job 25" is about the caller, not the job
            regex(ACCESS, "\\bInvalid (user|group) id\\b"),
            // the job, array task, het component or step does not exist
            texts(NOT_FOUND, "Invalid job id specified", "No jobs with name '", "No jobs with user ID ",
                    "Could not find job ", "not found running.", "no longer found and exit code not found",
                    "No active jobs match ALL job filters", "Unable to find JobId="),
            // seff; scontrol show job/step (stdout); scontrol update JobName=
            regex(NOT_FOUND, "^Job not found\\.$|^Job (step )?\\S+ not found$|\\bJob ID \\S+ not found$"
                    + "|\\bJobName .* not found$"),
            // the batch script itself
            texts(REJECTED, "This does not look like a batch script", "Batch script is empty",
                    "Batch script contains only whitespace", "Batch script contains DOS line breaks",
                    "Unable to open file", "The Slurm controller does not allow scripts that", "contain a NULL character",
                    "Invalid directive found in batch script", "Change from #SLURM to #SBATCH",
                    "cli_filter plugin terminated with error", "Script from STDIN is too big"),
            regex(REJECTED, "^Script( file)? \\S+ is too (big|large)|: line \\d+: (Unexpected `:`|Unmatched `)"),
            new Rule(REJECTED, Pattern.compile("\\bCannot stat "), Set.of("sbatch")),
            // -M with a cluster the database does not know (an unreachable database is above)
            texts(INVALID, "No cluster '", "can't be reached now, or it is an invalid entry for",
                    "No clusters can be reached now", "Could not get cluster information"),
            // the job exists but is in a state the request does not apply to
            texts(INVALID, "Job is pending execution", "Job/step already completing or completed", "No steps running for",
                    "Job is in held state, pending scheduler release", "Job can not be altered now, try again later",
                    "Job is no longer pending execution", "Job is current suspended, requested operation disabled",
                    "Job has already started", "Job has already finished", "Job is not running",
                    "Job is not pending nor running", "Job is not suspended", "Job is not finished", "Job step not running",
                    "Job step is suspended", "Job step is not currently suspended",
                    "Operation not permitted on individual component of heterogeneous job", "Job not heterogeneous job",
                    "Job resizing not supported for job arrays", "TimeLimit increment/decrement not supported for job arrays",
                    "Cannot increment/decrement TimeLimit when set to UNLIMITED",
                    "TimeLimit decrement larger than current time limit", "Cannot modify scrontab jobs through scontrol",
                    "Cannot cancel scrontab jobs without --cron flag", "the DB index is being set",
                    "PrologSlurmctld is still running", "Cannot signal job", "Requested operation requires extern step",
                    "No running or pending steps in the job", "Not a valid federated job", "Job locked by another sibling",
                    "Reservation already started", "Requested reservation is in use", "Partition is in use",
                    "Job(s) active, cancel job(s) before remove", "Reboot already in progress"),
            // the controller refused what was asked (sbatch's refusals are above: submit_rejected)
            texts(INVALID, "Requested node configuration is not available",
                    "Requested partition configuration not available now", "More processors requested than permitted",
                    "Node count specification invalid", "Job size specification needs to be provided",
                    "Job script not specified", "Duplicate job id", "Pathname of a file, directory or other parameter too long",
                    "Immediate execution impossible", "Requested nodes are busy", "Requested nodes not in this partition",
                    "No partition specified or system default partition", "Invalid partition name specified",
                    "invalid partition specified", "Invalid node name", "Task distribution specification invalid",
                    "Task count specification invalid", "Invalid node state specified", "Invalid feature specification",
                    "Active features not subset of available features", "Requested operation not supported on this system",
                    "Requested operation is presently disabled", "Job dependency problem", "Circular job dependency",
                    "Only batch jobs are accepted or processed", "does not permit arbitrary task distribution",
                    "Requested more tasks than available processors", "Memory required by task is not available",
                    "Memory specification can not be satisfied",
                    "Invalid account or account/partition combination specified", "Invalid parent account specified",
                    "Account already child of parent account specified", "Invalid qos specification",
                    "Invalid wckey specification", "Invalid license specification", "Job violates accounting/QOS policy",
                    "Requested time limit is invalid", "Requested reservation is invalid", "Invalid time specified",
                    "Requested reservation not usable now", "Requested reservation overlaps with another reservation",
                    "Required ports are in use", "Requires more ports than can be reserved", "QOS Preemption loop detected",
                    "Required node not available (down, drained or reserved)", "CPU count specification invalid",
                    "Required partition not available (inactive or drain)", "Invalid generic resource (gres) specification",
                    "Requested account has breached requested QOS usage threshold", "Step limit reached for this job",
                    "Job can not start immediately", "Switch resources currently not available",
                    "Reservation request lacks users, groups or accounts", "Invalid job array specification",
                    "Duplicate reservation name", "Duplicate event trigger", "Burst Buffer resource limit exceeded",
                    "Burst Buffer request invalid", "Invalid mcs_label specified", "Partition in DOWN state",
                    "Duplicate generic resource (gres) specification", "System submissions disabled",
                    "Core-based reservation can not be updated", "X11 forwarding not available",
                    "Job --batch option is invalid or not a subset of --constraint",
                    "Invalid Trackable RESource (TRES) specification", "Invalid TRESBillingWeights specification",
                    "Invalid JobDefaults specification", "Job can not start due to maintenance reservation",
                    "Invalid GRES specification (with and without type identification)",
                    "constraints require use of a heterogeneous job",
                    "Requested GRES option unsupported by configured SelectType plugin", "Invalid --nice value",
                    "Invalid time-min specification", "Core count for reservation node list is not consistent",
                    "Reservation given is not skipable", "Reservations can't have users and groups specified",
                    "Multiple partition job request not supported when a partition is set in the association",
                    "Cannot request more threads per core than the job allocation", "Invalid preferred feature specification",
                    "Insufficient GRES available in allocation", "Licenses currently unavailable",
                    "Invalid container id specified", "must not be an empty string", "can not be zero",
                    "can not be a negative number", "larger than acceptable range", "includes unexpected non-numeric characters",
                    "HetJob can not Het step id", "Job cannot be submitted without the current working directory specified",
                    "Invalid or unknown association", "Invalid QOS specification, relative QOS",
                    "Invalid extra constraints specification", "Invalid signal jobs request",
                    "Requested topology configuration is not available", "Preemption is required but is disabled on this system",
                    "MaxJobCount limit reached", "Unable to create job record, try again",
                    "Time limit specification required, but not provided", "Invalid cluster name",
                    "Invalid cluster feature specification", "No eligible clusters for federated job",
                    "Invalid KNL configuration", "Invalid group ID", "Invalid user ID", "Unable to resolve group ID to group name",
                    "Unable to resolve user ID to user name", "Invalid node state transition", "Invalid power action",
                    "SLUID is invalid", "Environment is missing in job", "Required nodes lack available resources",
                    "Required nodes do not fit topology", "No suitable topology unit found",
                    "Insufficient resources in topology unit", "could not satisfy request within topology unit",
                    "Exceeded maximum node limit during topology allocation", "No available nodes in topology",
                    "Invalid configuration for external job", "Unable to load file for reading",
                    "Invalid value for Allowed field when SharedPool enabled", "Too wide of a date range in query",
                    "Query result exceeds size limit"),
            // the command line: options, formats, fields, states, ids, values (the tools' own prints)
            texts(INVALID, "unrecognized option", "Unrecognized option", "invalid option", "requires an argument",
                    "doesn't allow an argument", "Unknown arguments:", "Unknown argument ", "Unknown parameter ",
                    "mutually exclusive", "is incompatible with", "Incompatible options", "Conflicting options",
                    "No job identification provided", "You didn't give me any jobs to stat.", "No job ID specified",
                    "missing JobId", "Invalid job id", "Invalid job ID ", "Invalid job_id ", "Invalid job_step id:",
                    "Invalid job state", "Valid job states include:", "Valid job states are PENDING, RUNNING, and SUSPENDED",
                    "Invalid user:", "Invalid user name:", "Invalid UserID:", "Invalid field requested:",
                    "Invalid job format specification", "Invalid job step format specification",
                    "Invalid node format specification", "Invalid sort specification", "lacks specification",
                    "Invalid time specification", "invalid SLURM_TIME_FORMAT", "Invalid time limit specification",
                    "requested is after end time", "Invalid unit type", "invalid cpu range", "invalid node range",
                    "has been removed, please use", "you must also request specific jobs with the '-j' option",
                    "is not supported / accounted", "unrecognized job reason value", "unrecognized job state value",
                    "is not a valid file", "problem processing qos list", "Already asked for nodes",
                    "invalid entry for --", "Bad state string:", "valid states:", "will return 0 jobs",
                    "only works alone", "Unknown job signal:", "Unrecognized SCANCEL_", "Invalid SLUID",
                    "Update of this parameter is not supported:", "Request aborted", "Misformatted parameter",
                    "Invalid input", "Invalid syntax", "Invalid option:", "Invalid state:", "Invalid MailType:",
                    "Invalid StepID parameter:", "Invalid hostlist:", "Invalid deletion entity", "Invalid creation entity",
                    "does not accept [+|-]= syntax", "notation is not supported when updating", "No changes specified",
                    "No parameters specified", "JobId must precede TimeLimit increment or decrement",
                    "value out of range", "invalid keyword:", "invalid entity", "missing argument for keyword",
                    "too few arguments", "too many arguments", "required for keyword:", "does not look like a jobid",
                    "does not look like a stepid", "No valid entity in update command", "No value given for",
                    "Weight value (", "You must specify a reason when DOWNING or DRAINING",
                    "You can only specify a resume time when DOWNING or DRAINING",
                    "Only one cluster can be used at a time with scontrol", "unable to parse node list",
                    "too many nodes in supplied range", "Missing node list", "is not a valid node count",
                    "Invalid duration", "Invalid end time", "Invalid start time", "invalid debug level",
                    "invalid debug flag", "Invalid reboot value", "Invalid wait-for-switch value", "Invalid address family",
                    "Topology information contains no switch or node named", "PartitionName must be given",
                    "PartitionName cannot be", "Reservation must be given", "No reservation created",
                    "Using a comma separated array for", "Valid states are:", "Valid states:",
                    "Not all states are valid given a node's prior state", "Proper format is 'delete",
                    "matched zero licenses", "matched more than one result", "Invalid numeric value",
                    "Numeric argument (", "is less than minimum node count", "Invalid plane size",
                    "unrecognized --hint argument", "invalid --profile=", "Priority must be", "Inconsistent values set",
                    "With Arbitrary distribution you need to specify a nodelist", "Error parsing flags",
                    "Script arguments not permitted with", "option not permitted with --external option", "Invalid argument:",
                    "Incompatible begin and deadline time specification", "Cannot specify both --burst-buffer and --bbf",
                    "Invalid --nodefile node file", "invalid number of", "don't specify both --verbose (-v) and --quiet (-Q)",
                    "Too few processes for the requested", "Unrecognized command line parameter",
                    "can not be bigger than --threads-per-core", "Invalid node list specified", "format not correct given"),
            regex(INVALID, "\\bInvalid --?[\\w-]+(?:[ =]\\S*)? (?:specification|argument|value)"
                    + "|\\bInvalid \\w+ value|\\bInvalid value \\S+ for |\\bAcceptable \\w+ values are"
                    + "|\\bParameter \\S+ specified (?:more than once|a plus or minus)|--\\w+=\\S* is not valid|--uid=\".*\" invalid"
                    + "|Try \"\\S+ --help\" for more information"
                    // scontrol show node/partition/reservation (stdout)
                    + "|^(?:Node|Partition|Reservation) \\S+ not found$"),
            // the same text for a job that does not exist and for a controller that is down: no guess
            texts(UNKNOWN, "Unexpected message received", "couldn't get steps for", "Unspecified error",
                    "Slurm internal error, contact system administrator"));

    /** A perl warning: {@code <text> at /usr/local/bin/seff line 11, <DATA> line 604.} */
    private static final Pattern PERL_WARNING = Pattern.compile(" at \\S+ line \\d+(, <\\w+> (line|chunk) \\d+)?\\.$");
    private static final Pattern INFO = Pattern.compile(
            "^scancel: (Terminating|Signal \\d+ to) (job|step) \\S+$|^\\S+: warning: ");
    private static final Pattern WORD_ERROR = Pattern.compile("(?i)\\berror\\b");
    /** Lines that are errors when printed to stdout by the tool in question. */
    private static final Pattern SCONTROL_STDOUT_ERROR = Pattern.compile(
            "^(Node|Partition|Reservation|Job|Job step) \\S+ not found$|^Could not find job \\S+$"
                    + "|^Slurmctld\\(\\w+\\) at \\S+ is DOWN$");
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
     * @param command the command line that was run ({@code null} is taken as {@code ""} in the exception)
     * @param stdout what the command wrote to stdout ({@code null} = nothing)
     * @param stderr what it wrote to stderr ({@code null} = nothing)
     * @param exitCode its exit code
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
        SlurmErrorType type = rule != null ? rule.typeFor(tool)
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

    private static final String[] STDOUT_ERROR_STARTS = {"Node ", "Partition ", "Reservation ", "Job ", "Could not find job ",
        "Slurmctld(", "** "};

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
