package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmErrorType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Slurm error text slurm4j knows, with the type {@link SlurmErrors} gives it: the whole error
 * table of Slurm 22.05 to 26.05 ({@code src/common/slurm_errno.c}: each text as
 * {@code slurm_strerror} prints it, read by scontrol; the rows typed {@code unknown} are the
 * daemon-internal ones no host command prints, kept to show no rule takes them), then the error
 * prints of sacct, squeue, sinfo, scancel, sstat, scontrol and sbatch (with the option and time
 * parsing they share), as the tool prints them, with made-up values.
 *
 * <p>Columns: type | tool | the stderr line (exit code 1).
 */
class SlurmErrorTextsTest {

    static final String SLURM_TEXTS = """
            unknown                | scontrol | Unspecified error
            unknown                | scontrol | Operation now in progress
            unknown                | scontrol | Unexpected message received
            controller_unavailable | scontrol | Communication connection failure
            controller_unavailable | scontrol | Message send failure
            controller_unavailable | scontrol | Message receive failure
            controller_unavailable | scontrol | Communication shutdown failure
            controller_unavailable | scontrol | Incompatible versions of client and server code
            controller_unavailable | scontrol | I/O stream version number error
            controller_unavailable | scontrol | Protocol authentication error
            controller_unavailable | scontrol | Insane message length
            unknown                | scontrol | Invalid MPI plugin name
            unknown                | scontrol | MPI plugin's pre-launch setup failed
            unknown                | scontrol | Plugin initialization failed
            unknown                | scontrol | Can't find an address, check slurm.conf
            controller_unavailable | scontrol | Unexpected missing socket error
            controller_unavailable | scontrol | Unable to contact slurm controller (connect failure)
            controller_unavailable | scontrol | Unable to contact slurm controller (send failure)
            controller_unavailable | scontrol | Unable to contact slurm controller (receive failure)
            controller_unavailable | scontrol | Unable to contact slurm controller (shutdown failure)
            unknown                | scontrol | Data has not changed since time specified
            invalid_argument       | scontrol | Invalid partition name specified
            invalid_argument       | scontrol | No partition specified or system default partition
            access_denied          | scontrol | Access/permission denied
            access_denied          | scontrol | User's group not permitted to use this partition
            invalid_argument       | scontrol | Requested nodes not in this partition
            invalid_argument       | scontrol | More processors requested than permitted
            invalid_argument       | scontrol | Node count specification invalid
            invalid_argument       | scontrol | Unable to create job record, try again
            invalid_argument       | scontrol | Job size specification needs to be provided
            invalid_argument       | scontrol | Job script not specified
            access_denied          | scontrol | Invalid user id
            invalid_argument       | scontrol | Duplicate job id
            invalid_argument       | scontrol | Pathname of a file, directory or other parameter too long
            invalid_argument       | scontrol | Immediate execution impossible, insufficient priority
            invalid_argument       | scontrol | Requested node configuration is not available
            invalid_argument       | scontrol | Requested partition configuration not available now
            invalid_argument       | scontrol | Requested nodes are busy
            job_not_found          | scontrol | Invalid job id specified
            invalid_argument       | scontrol | Invalid node name specified
            invalid_argument       | scontrol | Core count for reservation node list is not consistent!
            unknown                | scontrol | I/O error writing script/environment to file
            invalid_argument       | scontrol | Job can not be altered now, try again later
            invalid_argument       | scontrol | Job/step already completing or completed
            unknown                | scontrol | Error configuring interconnect
            invalid_argument       | scontrol | Task distribution specification invalid
            invalid_argument       | scontrol | Job is pending execution
            invalid_argument       | scontrol | Task count specification invalid
            unknown                | scontrol | Error generating job credential
            controller_unavailable | scontrol | Slurm backup controller in standby mode
            invalid_argument       | scontrol | Invalid node state specified
            invalid_argument       | scontrol | Invalid feature specification
            unknown                | scontrol | AuthType change requires restart of all Slurm daemons and commands to take effect
            invalid_argument       | scontrol | Active features not subset of available features
            unknown                | scontrol | CredType change requires restart of all Slurm daemons to take effect
            unknown                | scontrol | SchedulerType change requires restart of the slurmctld daemon to take effect
            unknown                | scontrol | SelectType change requires restart of the slurmctld daemon to take effect
            unknown                | scontrol | SwitchType change requires restart of all Slurm daemons and jobs to take effect
            invalid_argument       | scontrol | Immediate execution impossible, resources too fragmented for allocation
            invalid_argument       | scontrol | Requested operation not supported on this system
            invalid_argument       | scontrol | Requested operation is presently disabled
            invalid_argument       | scontrol | Job dependency problem
            invalid_argument       | scontrol | Only batch jobs are accepted or processed
            invalid_argument       | scontrol | Current SwitchType does not permit arbitrary task distribution
            invalid_argument       | scontrol | Requested more tasks than available processors
            invalid_argument       | scontrol | Job is in held state, pending scheduler release
            invalid_argument       | scontrol | Memory required by task is not available
            invalid_argument       | scontrol | Invalid account or account/partition combination specified
            invalid_argument       | scontrol | Invalid parent account specified
            invalid_argument       | scontrol | Account already child of parent account specified
            invalid_argument       | scontrol | Invalid qos specification
            invalid_argument       | scontrol | Invalid wckey specification
            invalid_argument       | scontrol | Invalid license specification
            unknown                | scontrol | The node configuration changes that were made require restart of the slurmctld daemon to take effect
            invalid_argument       | scontrol | Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)
            invalid_argument       | scontrol | Requested time limit is invalid (missing or exceeds some limit)
            access_denied          | scontrol | Access denied to requested reservation
            invalid_argument       | scontrol | Requested reservation is invalid
            invalid_argument       | scontrol | Invalid time specified
            invalid_argument       | scontrol | Requested reservation is in use
            invalid_argument       | scontrol | Requested reservation not usable now
            invalid_argument       | scontrol | Requested reservation overlaps with another reservation
            invalid_argument       | scontrol | Required ports are in use
            invalid_argument       | scontrol | Requires more ports than can be reserved
            invalid_argument       | scontrol | PrologSlurmctld is still running
            unknown                | scontrol | Job steps can not be run on this cluster
            unknown                | scontrol | Invalid block state specified
            unknown                | scontrol | Functionality not available with current block layout mode
            unknown                | scontrol | Invalid block name specified
            invalid_argument       | scontrol | QOS Preemption loop detected
            invalid_argument       | scontrol | Required node not available (down, drained or reserved)
            invalid_argument       | scontrol | CPU count specification invalid
            invalid_argument       | scontrol | Required partition not available (inactive or drain)
            invalid_argument       | scontrol | Circular job dependency
            invalid_argument       | scontrol | Invalid generic resource (gres) specification
            invalid_argument       | scontrol | Job is no longer pending execution
            invalid_argument       | scontrol | Requested account has breached requested QOS usage threshold
            invalid_argument       | scontrol | Partition is in use
            invalid_argument       | scontrol | Step limit reached for this job
            invalid_argument       | scontrol | Job is current suspended, requested operation disabled
            invalid_argument       | scontrol | Job can not start immediately
            invalid_argument       | scontrol | Switch resources currently not available
            invalid_argument       | scontrol | Reservation request lacks users, groups or accounts
            invalid_argument       | scontrol | Invalid job array specification
            invalid_argument       | scontrol | Duplicate reservation name
            invalid_argument       | scontrol | Job has already started
            invalid_argument       | scontrol | Job has already finished
            invalid_argument       | scontrol | Job is not running
            invalid_argument       | scontrol | Job is not pending nor running
            invalid_argument       | scontrol | Job is not suspended
            invalid_argument       | scontrol | Job is not finished
            invalid_argument       | scontrol | Duplicate event trigger
            unknown                | scontrol | Slurm internal error, contact system administrator
            unknown                | scontrol | BurstBufferType change requires restart of slurmctld daemon to take effect
            access_denied          | scontrol | Burst Buffer permission denied
            invalid_argument       | scontrol | Burst Buffer resource limit exceeded
            invalid_argument       | scontrol | Burst Buffer request invalid
            access_denied          | scontrol | Changes to job priority are not persistent, change nice instead
            invalid_argument       | scontrol | Cannot modify scrontab jobs through scontrol
            invalid_argument       | scontrol | Invalid mcs_label specified
            unknown                | scontrol | Waiting for burst buffer
            invalid_argument       | scontrol | Partition in DOWN state
            invalid_argument       | scontrol | Duplicate generic resource (gres) specification
            invalid_argument       | scontrol | Job update not available right now, the DB index is being set, try again in a bit
            invalid_argument       | scontrol | Reservation already started
            invalid_argument       | scontrol | System submissions disabled
            invalid_argument       | scontrol | Job not heterogeneous job
            invalid_argument       | scontrol | Job not heterogeneous job leader
            invalid_argument       | scontrol | Operation not permitted on individual component of heterogeneous job
            invalid_argument       | scontrol | Core-based reservation can not be updated
            unknown                | scontrol | Duplicate job step id
            invalid_argument       | scontrol | X11 forwarding not available
            access_denied          | scontrol | Invalid group id
            invalid_argument       | scontrol | Job --batch option is invalid or not a subset of --constraints
            invalid_argument       | scontrol | Job --batch option is invalid or not a subset of --constraint
            invalid_argument       | scontrol | Invalid Trackable RESource (TRES) specification
            invalid_argument       | scontrol | Invalid TRESBillingWeights specification
            invalid_argument       | scontrol | Invalid JobDefaults specification
            invalid_argument       | scontrol | Job can not start due to maintenance reservation.
            invalid_argument       | scontrol | Invalid GRES specification (with and without type identification)
            invalid_argument       | scontrol | Reboot already in progress
            invalid_argument       | scontrol | Multiple KNL NUMA and/or MCDRAM constraints require use of a heterogeneous job
            invalid_argument       | scontrol | Requested GRES option unsupported by configured SelectType plugin
            invalid_argument       | scontrol | Invalid --nice value
            invalid_argument       | scontrol | Invalid time-min specification (exceeds job's time or other limits)
            invalid_argument       | scontrol | Immediate execution impossible. Individual job submission scheduling attempts deferred
            unknown                | scontrol | ConfigLess mode is disabled in slurm configuration.
            invalid_argument       | scontrol | Environment is missing in job
            invalid_argument       | scontrol | Reservation given is not skipable, try deleting instead
            invalid_argument       | scontrol | Reservations can't have users and groups specified, only one or the other
            invalid_argument       | scontrol | Multiple partition job request not supported when a partition is set in the association
            controller_unavailable | scontrol | Controller is in standby mode, try a different controller
            invalid_argument       | scontrol | Cannot request more threads per core than the job allocation
            invalid_argument       | scontrol | Invalid preferred feature specification
            invalid_argument       | scontrol | Insufficient GRES available in allocation
            unknown                | scontrol | Generic error
            unknown                | scontrol | Bad argument
            unknown                | scontrol | Not in task context
            unknown                | scontrol | Environment variable exists
            unknown                | scontrol | No such environment variable
            unknown                | scontrol | Buffer too small
            unknown                | scontrol | Valid only in remote context
            unknown                | scontrol | Id/PID does not exist on this node
            unknown                | scontrol | Lookup by PID requested, but no tasks running
            unknown                | scontrol | Item not available from this callback
            unknown                | scontrol | Valid only in local or allocator context
            unknown                | scontrol | Pipe error on task spawn
            unknown                | scontrol | Kill task failed
            unknown                | scontrol | User not found on host
            unknown                | scontrol | Group ID not found on host
            unknown                | scontrol | Invalid accounting frequency requested
            unknown                | scontrol | Invalid job credential
            unknown                | scontrol | Job credential revoked
            unknown                | scontrol | Job credential expired
            unknown                | scontrol | Job credential replayed
            unknown                | scontrol | Slurmd could not create a batch directory or file
            unknown                | scontrol | Slurmd could not chown or chmod a batch directory
            unknown                | scontrol | Slurmd could not create a batch script
            unknown                | scontrol | Slurmd could not chown or chmod a batch script
            unknown                | scontrol | Slurmd could not set up environment for batch job
            unknown                | scontrol | Slurmd shared memory error
            unknown                | scontrol | Slurmd could not set UID or GID
            unknown                | scontrol | Slurmd could not set session ID
            unknown                | scontrol | Slurmd could not spawn I/O thread
            unknown                | scontrol | Slurmd could not fork job
            unknown                | scontrol | Slurmd could not execve job
            unknown                | scontrol | Slurmd could not connect IO
            unknown                | scontrol | Job prolog failed
            unknown                | scontrol | Job epilog failed
            unknown                | scontrol | Session manager killed
            unknown                | scontrol | Too many job steps on node
            unknown                | scontrol | Job step already exists
            invalid_argument       | scontrol | Job step not running
            invalid_argument       | scontrol | Job step is suspended
            invalid_argument       | scontrol | Job step is not currently suspended
            unknown                | scontrol | Unix socket name exceeded maximum length
            unknown                | scontrol | Container runtime not configured or invalid
            unknown                | scontrol | Unable to satisfy cpu bind request
            unknown                | scontrol | Unable to layout tasks on given cpus
            unknown                | scontrol | unable to change directory to work directory
            unknown                | scontrol | could not open output file
            unknown                | scontrol | Script terminated with non-zero exit code
            controller_unavailable | scontrol | Received zero length message
            controller_unavailable | scontrol | Received message length < 0
            controller_unavailable | scontrol | Failed to send entire message
            controller_unavailable | scontrol | Header lengths are longer than data received
            controller_unavailable | scontrol | Socket timed out on send/recv operation
            controller_unavailable | scontrol | Zero Bytes were transmitted or received
            controller_unavailable | scontrol | Invalid authentication credential
            unknown                | scontrol | Failed to open authentication public key
            controller_unavailable | scontrol | Failed to connect to authentication agent
            unknown                | scontrol | Bad argument to plugin function
            unknown                | scontrol | Memory management error
            controller_unavailable | scontrol | Authentication credential invalid
            controller_unavailable | scontrol | Cannot unpack credential
            unknown                | scontrol | Authentication does not apply to request
            accounting_unavailable | scontrol | Unable to connect to database
            invalid_argument       | scontrol | Job(s) active, cancel job(s) before remove
            unknown                | scontrol | Cluster deleted, commit/rollback immediately
            unknown                | scontrol | Can only change one at a time
            unknown                | scontrol | Unacceptable name given. (No '.' in name allowed)
            unknown                | scontrol | You can not allocate more than 100% of a resource
            invalid_argument       | scontrol | Query result exceeds size limit
            invalid_argument       | scontrol | Too wide of a date range in query
            accounting_unavailable | scontrol | Database connection reference is invalid
            unknown                | scontrol | You can not remove the default account of a user
            unknown                | scontrol | Too many clusters in federation
            unknown                | scontrol | Clusters can only be assigned to one federation
            invalid_argument       | scontrol | Invalid cluster feature specification
            invalid_argument       | scontrol | Not a valid federated job
            invalid_argument       | scontrol | Invalid cluster name
            invalid_argument       | scontrol | Job locked by another sibling
            invalid_argument       | scontrol | No eligible clusters for federated job
            invalid_argument       | scontrol | Time limit specification required, but not provided
            invalid_argument       | scontrol | Invalid KNL configuration (MCDRAM or NUMA option)
            unknown                | scontrol | Plugin has invalid format or unable to be loaded
            unknown                | scontrol | Plugin missing required symbol or function
            unknown                | scontrol | Query empty or not RFC7320 compliant
            unknown                | scontrol | Failure during parsing
            unknown                | scontrol | Jobs description entry not found, empty or not dictionary or list
            unknown                | scontrol | Nothing found with query
            unknown                | scontrol | Unable to resolve path
            unknown                | scontrol | Data pointer is NULL
            unknown                | scontrol | Unable to convert Data type
            unknown                | scontrol | Unable to compile regex
            unknown                | scontrol | MIME type is unknown to any loaded plugins
            unknown                | scontrol | DATA too large to handle
            unknown                | scontrol | Data too large to handle
            unknown                | scontrol | Container support is not configured
            controller_unavailable | scontrol | Rate limit exceeded, please retry momentarily
            invalid_argument       | scontrol | Licenses currently unavailable
            unknown                | scontrol | JobContainerType change requires restart of all Slurm daemons and commands to take effect
            invalid_argument       | scontrol | Cannot cancel scrontab jobs without --cron flag.
            invalid_argument       | scontrol | Invalid container id specified
            invalid_argument       | scontrol | JobID must not be an empty string
            invalid_argument       | scontrol | JobID can not be zero
            invalid_argument       | scontrol | JobID can not be a negative number
            invalid_argument       | scontrol | JobID larger than acceptable range
            invalid_argument       | scontrol | JobID includes unexpected non-numeric characters
            invalid_argument       | scontrol | Job Array ID must not be an empty string
            invalid_argument       | scontrol | Job Array ID can not be a negative number
            invalid_argument       | scontrol | Job Array ID larger than acceptable range
            invalid_argument       | scontrol | HetJob component includes unexpected non-numeric characters
            invalid_argument       | scontrol | Job Array ID includes unexpected non-numeric characters
            invalid_argument       | scontrol | HetJob component must not be an empty string
            invalid_argument       | scontrol | HetJob component can not be a negative number
            invalid_argument       | scontrol | HetJob component larger than acceptable range
            invalid_argument       | scontrol | StepID must not be an empty string
            invalid_argument       | scontrol | StepID can not be a negative number
            invalid_argument       | scontrol | StepID larger than acceptable range
            invalid_argument       | scontrol | StepID includes unexpected non-numeric characters
            invalid_argument       | scontrol | HetStep component must not be an empty string
            invalid_argument       | scontrol | HetStep component can not be zero
            invalid_argument       | scontrol | HetStep component can not be a negative number
            invalid_argument       | scontrol | HetStep component larger than acceptable range
            invalid_argument       | scontrol | HetStep component includes unexpected non-numeric characters
            invalid_argument       | scontrol | HetJob can not Het step id
            unknown                | scontrol | Job killed due hitting max wall clock limit
            unknown                | scontrol | Job killed due node failure
            unknown                | scontrol | Token Generation failed.
            unknown                | scontrol | Required plugin type not loaded or initalized
            unknown                | scontrol | Required plugin type not loaded or initialized
            unknown                | scontrol | Missing UNIX user in the system
            unknown                | scontrol | Missing UNIX group in the system
            unknown                | scontrol | Data parser expects flags to be a list
            unknown                | scontrol | Data parser unable to parse invalid flag
            unknown                | scontrol | Data parser expected a list
            unknown                | scontrol | Data parser expected a dictionary or object
            unknown                | scontrol | Request matched more than one object to modify. Modifications must only apply to a single object. Try adding more properties to make update match a unique object.
            unknown                | scontrol | Request matched more than one object to query. Request is limited to query of a single matching object.
            unknown                | scontrol | Request to parse empty string rejected
            unknown                | scontrol | Unable to takeover, heartbeat file is missing
            invalid_argument       | scontrol | Job cannot be submitted without the current working directory specified.
            unknown                | scontrol | Empty list
            invalid_argument       | scontrol | Invalid group ID
            invalid_argument       | scontrol | Unable to resolve group ID to group name
            invalid_argument       | scontrol | Invalid user ID
            invalid_argument       | scontrol | Unable to resolve user ID to user name
            invalid_argument       | scontrol | Invalid or unknown association
            unknown                | scontrol | Node already exists in the node table
            unknown                | scontrol | Unable to add node, node table is full
            invalid_argument       | scontrol | Invalid QOS specification, relative QOS can only be used in a single partition per cluster.
            invalid_argument       | scontrol | Invalid extra constraints specification
            invalid_argument       | scontrol | Cannot signal job
            invalid_argument       | scontrol | Invalid signal jobs request, at least one job id or filter is required.
            unknown                | scontrol | There is something internally wrong with the SQL needed for this. Please consult the slurmdbd log for more info.
            unknown                | scontrol | This request would make it so some associations would not have access to their default qos.
            unknown                | scontrol | Plugin file not found
            unknown                | scontrol | Plugin access denied
            unknown                | scontrol | Dlopen of plugin file failed
            unknown                | scontrol | Plugin init() callback failed
            unknown                | scontrol | Plugin name/type/version symbol missing
            unknown                | scontrol | Incompatible plugin version
            unknown                | scontrol | Invalid parser requested
            controller_unavailable | scontrol | Rate limit exceeded, please retry later
            unknown                | scontrol | RestrictedCoresPerGPU: Not enough unique cores per GPU
            unknown                | scontrol | RestrictedCoresPerGPU: Missing core topology for GPUs
            unknown                | scontrol | RestrictedCoresPerGPU: No GPUs configured on node
            unknown                | scontrol | Max powered up nodes reached
            unknown                | scontrol | Coordinators can not increase job limits beyond the parent ones
            unknown                | scontrol | Parsing tree too deep. Possible cyclic parsing detected
            unknown                | scontrol | Parser went into an invalid state. Possible library issue.
            controller_unavailable | scontrol | Unable to process incoming file descriptor
            controller_unavailable | scontrol | Unable to process outgoing file descriptor
            controller_unavailable | scontrol | Unable to process incoming and outgoing file descriptors
            invalid_argument       | scontrol | Requested topology configuration is not available
            invalid_argument       | scontrol | Preemption is required but is disabled on this system
            controller_unavailable | scontrol | Authentication credential expired
            unknown                | scontrol | Spank plugin failure, node failed
            unknown                | scontrol | Spank plugin failure, job failed
            unknown                | scontrol | Unable to proxy slurmstepd message
            unknown                | scontrol | No RPC stats are available
            unknown                | scontrol | Unknown URL scheme
            unknown                | scontrol | URL string is empty
            unknown                | scontrol | NamespaceType change requires restart of all Slurm daemons and commands to take effect
            invalid_argument       | scontrol | Invalid node state transition
            invalid_argument       | scontrol | Invalid job state
            unknown                | scontrol | Break common_topo_choose_nodes
            unknown                | scontrol | Remove nodes and retry eval_nodes
            unknown                | scontrol | Remove one node and retry eval_nodes
            invalid_argument       | scontrol | SLUID is invalid
            access_denied          | scontrol | Rejecting authentication of user nobody or group nobody
            unknown                | scontrol | Unable to query kernel for socket peer credential
            unknown                | scontrol | Invalid or NULL Lua state pointer
            unknown                | scontrol | Lua script loading failed due to invalid syntax
            unknown                | scontrol | Requested Lua function not found
            unknown                | scontrol | Lua function returned nil or table instead of numeric result
            unknown                | scontrol | Lua function execution failed for unknown reasons
            unknown                | scontrol | Lua function execution failed due to runtime error
            unknown                | scontrol | Lua function execution failed due to memory allocation failure. Either not enough memory for Lua script's variables or memory allocation request for a variable was way too large.
            unknown                | scontrol | Lua function execution failed due to unknown failure in Lua's garbage collector
            unknown                | scontrol | Unknown or unparsable Lua type found at top of Lua stack
            unknown                | scontrol | Unable to find requested URL endpoint. Please query the '/openapi/v3' endpoint or visit 'https://slurm.schedmd.com/rest_api.html' for the OpenAPI specification which includes a list of all possible slurmrestd endpoints.
            unknown                | scontrol | Requested HTTP query method is not supported at URL endpoint. Please query the '/openapi/v3' endpoint or visit 'https://slurm.schedmd.com/rest_api.html' for the OpenAPI specification which includes a list of all possible slurmrestd endpoints.
            unknown                | scontrol | Authentication failure
            unknown                | scontrol | Request to parse invalid data
            unknown                | scontrol | Invalid non-NULL terminated URL
            unknown                | scontrol | Invalid format for URL format
            unknown                | scontrol | Invalid or unknown URL scheme
            unknown                | scontrol | URL scheme not supported
            unknown                | scontrol | Invalid or unknown URL host
            unknown                | scontrol | Invalid or unknown URL port
            unknown                | scontrol | Invalid or unknown URL path
            unknown                | scontrol | Invalid or unknown URL query
            unknown                | scontrol | Invalid or unknown URL fragment
            unknown                | scontrol | URL format not supported
            unknown                | scontrol | Invalid empty HTTP header
            unknown                | scontrol | Unspecified error during HTTP parsing
            unknown                | scontrol | Unexpected duplicate URL
            unknown                | scontrol | Invalid HTTP status code
            unknown                | scontrol | Invalid HTTP method
            unknown                | scontrol | Expected LF character but not found
            unknown                | scontrol | Missing an expected LF character
            unknown                | scontrol | Unexpected character added or missing in HTTP
            unknown                | scontrol | Unexpected character or unparsable number in HTTP Content-Length header
            unknown                | scontrol | Invalid HTTP Tranfser-Encoding header
            unknown                | scontrol | HTTP Chunked Transfer-Encoding not supported
            unknown                | scontrol | Received unexpected HTTP Request
            unknown                | scontrol | Only HTTP version 1.1 requests are supported
            unknown                | scontrol | HTTP protocol upgrading is not supported.
            unknown                | scontrol | Invalid or unsupported HTTP Content-Encoding header
            unknown                | scontrol | Invalid or unsupported HTTP Keep-Alive header
            unknown                | scontrol | HTTP Content-Length header too large to process
            unknown                | scontrol | HTTP Content-Length header required for POST method requests
            unknown                | scontrol | Unexpected HTTP body provided when URL Query provided
            unknown                | scontrol | HTTP Accept header content type is unknown or unsupported
            controller_unavailable | scontrol | TLS missing but required for connection
            unknown                | scontrol | Read would block
            unknown                | scontrol | Write would block
            controller_unavailable | scontrol | Connection rejected by handler
            controller_unavailable | scontrol | Connection forced closed by quiesce timeout
            controller_unavailable | scontrol | Connection timed out establishing
            controller_unavailable | scontrol | Connection timed out writing
            controller_unavailable | scontrol | Connection timed out reading
            invalid_argument       | scontrol | MaxJobCount limit reached
            invalid_argument       | scontrol | Requested operation requires extern step
            invalid_argument       | scontrol | No running or pending steps in the job
            invalid_argument       | scontrol | Invalid power action
            unknown                | scontrol | Step queued as pending
            invalid_argument       | scontrol | Invalid configuration for external job
            invalid_argument       | scontrol | Unable to load file for reading
            invalid_argument       | scontrol | Required nodes lack available resources
            invalid_argument       | scontrol | Required nodes do not fit topology
            invalid_argument       | scontrol | No suitable topology unit found
            invalid_argument       | scontrol | No suitable topology unit found for segment
            invalid_argument       | scontrol | Insufficient resources in topology unit
            invalid_argument       | scontrol | Weight-based selection could not satisfy request within topology unit
            invalid_argument       | scontrol | Exceeded maximum node limit during topology allocation
            invalid_argument       | scontrol | No available nodes in topology
            invalid_argument       | scontrol | Invalid value for Allowed field when SharedPool enabled, must be 0 or 100% (without Absolute) or Count (with Absolute).
            unknown                | scontrol | Query requirements not met
            unknown                | scontrol | Missing an expected CR character
            accounting_unavailable | sacct    | sacct: error: slurmdbd: Socket timed out on send/recv operation
            accounting_unavailable | sacct    | sacct: error: Zero Bytes were transmitted or received
            accounting_unavailable | sacct    | sacct: error: Protocol authentication error
            accounting_unavailable | seff     | perl: error: Connection timed out reading
            invalid_argument       | sacct    | sacct: error: Invalid --whole-hetjob value "maybe". Valid values: [yes|no].
            invalid_argument       | sacct    | sacct: error: Invalid field requested: "NoSuchField"
            invalid_argument       | sacct    | sacct: error: Start time (2026-12-02T10:00:00) requested is after end time (2026-12-01T10:00:00).
            invalid_argument       | sacct    | sacct: error: Unknown arguments:
            invalid_argument       | sacct    | sacct: error: invalid cpu range -i 'x'
            invalid_argument       | sacct    | sacct: error: invalid node range -i 'x'
            invalid_argument       | sacct    | sacct: fatal: AllocGRES has been removed, please use AllocTRES
            invalid_argument       | sacct    | sacct: fatal: ReqGRES has been removed, please use ReqTRES
            invalid_argument       | sacct    | sacct: fatal: Invalid time limit specification
            invalid_argument       | sacct    | sacct: fatal: Invalid unit type
            invalid_argument       | sacct    | sacct: fatal: Options --batch-script and --env-vars are mutually exclusive
            invalid_argument       | sacct    | sacct: fatal: Options -o(--format) and -l(--long) are mutually exclusive. Please remove one and retry.
            invalid_argument       | sacct    | sacct: fatal: When requesting --batch-script you must also request specific jobs with the '-j' option.
            invalid_argument       | sacct    | sacct: fatal: job state FOO is not supported / accounted
            invalid_argument       | sacct    | sacct: fatal: unrecognized job state value 'FOO'
            invalid_argument       | sacct    | sacct: fatal: unrecognized job reason value 'FOO'
            invalid_argument       | sacct    | sacct: fatal: problem processing qos list
            invalid_argument       | sacct    | /tmp/x is not a valid file
            accounting_unavailable | sacct    | Slurm accounting storage is disabled
            accounting_unavailable | sacct    | Slurm job completion is disabled
            accounting_unavailable | sacct    | Slurm unable to initialize storage plugin
            accounting_unavailable | sacct    | Slurm unable to initialize jobcomp plugin
            accounting_unavailable | sacct    | sacct: error: Problem talking to the database: Connection refused
            invalid_argument       | sacct    | Invalid time specification (pos=0): nonsense
            invalid_argument       | sacct    | sacct: error: invalid SLURM_TIME_FORMAT = '%Q'
            invalid_argument       | sacct    | sacct: error: Already asked for nodes 'n1'
            invalid_argument       | squeue   | squeue: error: 'n[1' invalid entry for --nodelist
            invalid_argument       | squeue   | squeue: error: -O (--Format) is incompatible with -o (--format)
            invalid_argument       | squeue   | squeue: error: -o (--format) is incompatible with -O (--Format)
            invalid_argument       | squeue   | squeue: error: Format long option lacks specification
            invalid_argument       | squeue   | squeue: error: Format option lacks specification.
            invalid_argument       | squeue   | squeue: error: Incompatible options --jobs and --steps
            invalid_argument       | squeue   | squeue: error: Invalid job format specification: NoSuchField
            invalid_argument       | squeue   | squeue: error: Invalid job format specification: Q
            invalid_argument       | squeue   | squeue: error: Invalid job id: abc
            invalid_argument       | squeue   | squeue: error: Invalid job state specified: FOO
            invalid_argument       | squeue   | squeue: error: Valid job states include: PENDING,RUNNING
            invalid_argument       | squeue   | squeue: error: Invalid job step format specification: Q
            invalid_argument       | squeue   | squeue: error: Invalid job_step id: 3.x
            invalid_argument       | squeue   | squeue: error: Invalid node name n[1
            invalid_argument       | squeue   | squeue: error: Invalid sort specification: Q
            invalid_argument       | squeue   | squeue: error: Invalid user: nosuchuser
            invalid_argument       | squeue   | squeue: error: Unrecognized option: --bogus
            invalid_argument       | squeue   | squeue: fatal: Options -o(--format) and -l(--long) are mutually exclusive. Please remove one and retry.
            invalid_argument       | squeue   | Try "squeue --help" for more information
            invalid_argument       | squeue   | squeue: error: Invalid time limit specification
            invalid_argument       | squeue   | squeue: error: --running-over=10 and --running-under=5 will return 0 jobs.
            invalid_argument       | squeue   | squeue: fatal: Option --only-job-state only works alone, with -j (--jobs) and/or -t (--states) parameters, parameters for cluster/federation selection, and the printing options
            invalid_argument       | squeue   | squeue: error: No cluster 'nosuchcluster' known by database.
            invalid_argument       | squeue   | squeue: error: 'nosuchcluster' can't be reached now, or it is an invalid entry for --cluster.  Use 'sacctmgr list clusters' to see available clusters.
            invalid_argument       | squeue   | squeue: fatal: Could not get cluster information
            invalid_argument       | squeue   | squeue: error: No clusters can be reached now. Contact your admin to resolve the problem.
            accounting_unavailable | squeue   | squeue: error: There is a problem talking to the database: Connection refused.  Only local cluster communication is available, remove --cluster from your command line or contact your admin to resolve the problem.
            controller_unavailable | squeue   | slurm_load_jobs error: Unable to contact slurm controller (connect failure)
            invalid_argument       | squeue   | squeue: unrecognized option '--bogus'
            invalid_argument       | squeue   | squeue: invalid option -- 'Q'
            invalid_argument       | squeue   | squeue: option requires an argument -- 'j'
            invalid_argument       | squeue   | squeue: option '--jobs' requires an argument
            invalid_argument       | squeue   | squeue: option '--noheader' doesn't allow an argument
            invalid_argument       | sinfo    | sinfo: error: 'n[1' invalid entry for --nodes
            invalid_argument       | sinfo    | sinfo: error: Bad state string: "FOO"
            invalid_argument       | sinfo    | sinfo: error: valid states: ALLOC,ALLOCATED
            invalid_argument       | sinfo    | sinfo: error: Conflicting options, -a and -p, specified. Please choose one or the other.
            invalid_argument       | sinfo    | sinfo: error: Conflicting options, SINFO_ALL and SINFO_PARTITION, specified. Please choose one or the other.
            invalid_argument       | sinfo    | sinfo: error: Error: invalid entry for --iterate=x
            invalid_argument       | sinfo    | sinfo: error: Format long option lacks specification
            invalid_argument       | sinfo    | sinfo: error: Invalid job format specification: NoSuchField
            invalid_argument       | sinfo    | Format option lacks specification
            invalid_argument       | sinfo    | Invalid node format specification: Q
            invalid_argument       | sinfo    | Try "sinfo --help" for more information
            controller_unavailable | sinfo    | slurm_load_partitions: Unable to contact slurm controller (connect failure)
            invalid_argument       | scancel  | scancel: error: Invalid job id abc
            invalid_argument       | scancel  | scancel: error: Invalid user name: nosuchuser
            access_denied          | scancel  | scancel: error: Kill job error on job id 3: Access/permission denied
            invalid_argument       | scancel  | scancel: error: Kill job error on job step id 3.0: Job/step already completing or completed
            job_not_found          | scancel  | scancel: error: No active jobs match ALL job filters, including: job name = x
            invalid_argument       | scancel  | scancel: error: No job identification provided
            invalid_argument       | scancel  | scancel: error: Unrecognized SCANCEL_BATCH value: x
            invalid_argument       | scancel  | Invalid job state specified: FOO
            invalid_argument       | scancel  | Valid job states are PENDING, RUNNING, and SUSPENDED
            invalid_argument       | scancel  | Unknown job signal: FOO
            invalid_argument       | scancel  | scancel: error: Invalid SLUID x
            invalid_argument       | scancel  | scancel: error: Kill job error on job id 12: Cannot cancel scrontab jobs without --cron flag.
            job_not_found          | sstat    | sstat: error: StepId=14.0 not found running.
            invalid_argument       | sstat    | sstat: error: Invalid field requested: "NoSuchField"
            invalid_argument       | sstat    | sstat: error: No steps running for job 24
            invalid_argument       | sstat    | sstat: error: No steps running for JobId=24
            invalid_argument       | sstat    | sstat: error: You didn't give me any jobs to stat.
            unknown                | sstat    | sstat: error: couldn't get steps for job 18
            unknown                | sstat    | sstat: error: couldn't get steps for JobId=18
            job_not_found          | scontrol | Job 12_3 not found
            job_not_found          | scontrol | Job 21+1 not found
            job_not_found          | scontrol | Job 12 not found
            job_not_found          | scontrol | Job step 12.0 not found
            job_not_found          | scontrol | Job step 12_3.0 not found
            job_not_found          | scontrol | Could not find job 12
            job_not_found          | scontrol | scontrol: error: Job ID 12 not found
            job_not_found          | scontrol | scontrol: error: JobName my job not found
            job_not_found          | scontrol | scontrol: error: No jobs with name 'x'
            job_not_found          | scontrol | scontrol: error: No jobs with user ID 1001 and name 'x'
            invalid_argument       | scontrol | Node nosuchnode not found
            invalid_argument       | scontrol | Partition nosuchpart not found
            invalid_argument       | scontrol | Reservation nosuchresv not found
            invalid_argument       | scontrol | Update of this parameter is not supported: NoSuchKey=1
            invalid_argument       | scontrol | Request aborted
            invalid_argument       | scontrol | scontrol: error: Invalid TimeLimit value
            invalid_argument       | scontrol | scontrol: error: Invalid TimeMin value
            invalid_argument       | scontrol | scontrol: error: Invalid CPUsPerTask value: x
            invalid_argument       | scontrol | scontrol: error: Invalid ArrayTaskThrottle value
            invalid_argument       | scontrol | scontrol: error: Invalid value x for Weight
            invalid_argument       | scontrol | scontrol: error: Acceptable OverSubscribe values are NO, EXCLUSIVE, YES:#, and FORCE:#
            invalid_argument       | scontrol | scontrol: error: Invalid input: x  Request aborted
            invalid_argument       | scontrol | Invalid input: x
            invalid_argument       | scontrol | scontrol: error: Invalid job ID abc
            invalid_argument       | scontrol | scontrol: error: Invalid job id: abc
            invalid_argument       | scontrol | Invalid job_id abc
            invalid_argument       | scontrol | Invalid StepID parameter: x
            invalid_argument       | scontrol | Invalid UserID: x
            invalid_argument       | scontrol | Invalid hostlist: n[1
            invalid_argument       | scontrol | Invalid option: `x`
            invalid_argument       | scontrol | Invalid state: FOO
            invalid_argument       | scontrol | Invalid MailType: FOO
            invalid_argument       | scontrol | scontrol: error: Invalid syntax, variations of +=- are not accepted.
            invalid_argument       | scontrol | scontrol: error: Misformatted parameter 'x', most options have a parameter after '='.  Request aborted
            invalid_argument       | scontrol | scontrol: error: Unknown parameter x.  Request aborted
            invalid_argument       | scontrol | Unknown argument x
            invalid_argument       | scontrol | scontrol: error: Parameter Nice specified more than once
            invalid_argument       | scontrol | scontrol: error: Parameter Nice specified a plus or minus.  This is not allowed.
            invalid_argument       | scontrol | scontrol: error: Option Nice does not accept [+|-]= syntax
            invalid_argument       | scontrol | scontrol: error: The +=/-= notation is not supported when updating Features.  Request aborted
            invalid_argument       | scontrol | scontrol: error: No changes specified
            invalid_argument       | scontrol | scontrol: error: No parameters specified
            invalid_argument       | scontrol | scontrol: error: No job ID specified
            invalid_argument       | scontrol | scontrol: error: missing JobId
            invalid_argument       | scontrol | scontrol: error: JobId must precede TimeLimit increment or decrement
            invalid_argument       | scontrol | scontrol: error: TimeLimit decrement larger than current time limit (10 > 5)
            invalid_argument       | scontrol | scontrol: error: TimeLimit increment/decrement not supported for job arrays
            invalid_argument       | scontrol | scontrol: error: Cannot increment/decrement TimeLimit when set to UNLIMITED.
            invalid_argument       | scontrol | scontrol: error: Nice value out of range (+/- 2147483645). Value ignored
            invalid_argument       | scontrol | scontrol: error: Job resizing not supported for job arrays
            invalid_argument       | scontrol | invalid keyword: bogus
            invalid_argument       | scontrol | invalid entity:x for keyword:show
            invalid_argument       | scontrol | missing argument for keyword:hold
            invalid_argument       | scontrol | too few arguments for keyword:update
            invalid_argument       | scontrol | too many arguments for keyword:ping
            invalid_argument       | scontrol | one argument required for keyword:hold
            invalid_argument       | scontrol | "abc" does not look like a jobid
            invalid_argument       | scontrol | "abc" does not look like a stepid
            invalid_argument       | scontrol | No valid entity in update command
            invalid_argument       | scontrol | No value given for option Nice
            invalid_argument       | scontrol | Invalid deletion entity: x
            invalid_argument       | scontrol | scontrol: error: Weight value (x) is not a valid number
            invalid_argument       | scontrol | You must specify a reason when DOWNING or DRAINING a node. Request denied
            invalid_argument       | scontrol | scontrol: fatal: Only one cluster can be used at a time with scontrol
            invalid_argument       | scontrol | unable to parse node list n[1
            invalid_argument       | scontrol | too many nodes in supplied range n[1-100000]
            invalid_argument       | scontrol | scontrol: error: --uid="x" invalid
            invalid_argument       | scontrol | Missing node list. Specify ALL|<NodeList>
            invalid_argument       | scontrol | "x" is not a valid node count
            invalid_argument       | scontrol | scontrol: error: Invalid start time x.  Request aborted
            invalid_argument       | scontrol | Try "scontrol --help" for more information
            unknown                | scontrol | Unexpected message received for job 41
            access_denied          | scontrol | slurm_suspend error: Invalid user id
            access_denied          | scontrol | Invalid user id for job 25
            job_not_found          | scontrol | 5_7: Invalid job id specified
            job_not_found          | scontrol | Invalid job id specified for job 999999
            invalid_argument       | scontrol | Invalid partition name specified for job 29
            invalid_argument       | scontrol | Job is pending execution for job 24
            access_denied          | scontrol | Changes to job priority are not persistent, change nice instead for job 7
            invalid_argument       | scontrol | Job is in held state, pending scheduler release for job 7
            invalid_argument       | scontrol | slurm_update error: Invalid node name specified
            invalid_argument       | scontrol | scontrol: error: No cluster 'nosuchcluster' known by database.
            submit_rejected        | sbatch   | sbatch: error: Batch job submission failed: Requested node configuration is not available
            submit_rejected        | sbatch   | sbatch: error: Batch job submission failed: Access/permission denied
            submit_rejected        | sbatch   | sbatch: error: Batch job submission failed: Invalid job id specified
            controller_unavailable | sbatch   | sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)
            controller_unavailable | sbatch   | sbatch: error: Batch job submission failed: Socket timed out on send/recv operation
            invalid_argument       | sbatch   | sbatch: error: invalid partition specified: nosuchpart
            invalid_argument       | sbatch   | sbatch: error: Memory specification can not be satisfied
            submit_rejected        | sbatch   | sbatch: error: This does not look like a batch script.  The first
            submit_rejected        | sbatch   | sbatch: error: Batch script is empty!
            submit_rejected        | sbatch   | sbatch: error: Batch script contains only whitespace!
            submit_rejected        | sbatch   | sbatch: error: Batch script contains DOS line breaks (\\r\\n)
            submit_rejected        | sbatch   | sbatch: error: The Slurm controller does not allow scripts that
            submit_rejected        | sbatch   | sbatch: error: Unable to open file /srv/lab/jobs/does-not-exist.sh
            submit_rejected        | sbatch   | sbatch: error: Script file job.sh is too large
            submit_rejected        | sbatch   | sbatch: error: Script job.sh is too big, read 4194305 > 4194304 bytes.
            submit_rejected        | sbatch   | sbatch: error: Script from STDIN is too big, read 4194305 > 4194304 bytes.
            submit_rejected        | sbatch   | sbatch: error: Cannot stat job.sh: Permission denied
            submit_rejected        | sbatch   | sbatch: error: Invalid directive found in batch script: #SBATCH --bogus
            submit_rejected        | sbatch   | sbatch: fatal: job.sh: line 3: Unexpected `:` in [a:b]
            submit_rejected        | sbatch   | sbatch: fatal: job.sh: line 3: Unmatched `"` in ["x]
            submit_rejected        | sbatch   | sbatch: error: Change from #SLURM to #SBATCH in your script and verify the options are valid in sbatch
            submit_rejected        | sbatch   | sbatch: error: cli_filter plugin terminated with error
            invalid_argument       | sbatch   | sbatch: error: Script arguments not permitted with --wrap option
            invalid_argument       | sbatch   | sbatch: error: --wrap option not permitted with --external option
            invalid_argument       | sbatch   | sbatch: error: Invalid argument: x
            invalid_argument       | sbatch   | sbatch: error: No value given for walltime
            invalid_argument       | sbatch   | sbatch: error: Incompatible begin and deadline time specification
            invalid_argument       | sbatch   | sbatch: error: Cannot specify both --burst-buffer and --bbf
            invalid_argument       | sbatch   | sbatch: error: Invalid --bbf specification
            invalid_argument       | sbatch   | sbatch: error: Invalid --nodefile node file
            invalid_argument       | sbatch   | sbatch: error: invalid number of tasks (-n 0)
            invalid_argument       | sbatch   | sbatch: error: don't specify both --verbose (-v) and --quiet (-Q)
            invalid_argument       | sbatch   | sbatch: error: Too few processes for the requested {plane,node} distribution
            invalid_argument       | sbatch   | sbatch: error: Unrecognized command line parameter x
            invalid_argument       | sbatch   | sbatch: error: --ntasks-per-core (4) can not be bigger than --threads-per-core (2)
            invalid_argument       | sbatch   | sbatch: error: Invalid node list specified
            invalid_argument       | sbatch   | sbatch: error: #BSUB -n format not correct given: 'x'
            invalid_argument       | sbatch   | sbatch: error: --propagate=FOO is not valid.
            invalid_argument       | sbatch   | sbatch: error: Invalid --time specification
            invalid_argument       | sbatch   | sbatch: error: Invalid --mem specification
            invalid_argument       | sbatch   | sbatch: error: Invalid --nice value, out of range (+/- 2147483645)
            invalid_argument       | sbatch   | sbatch: error: Invalid --gpu-bind argument: x
            invalid_argument       | sbatch   | sbatch: error: Invalid -W umask= specification
            invalid_argument       | sbatch   | sbatch: error: Invalid --acctg-freq specification: x
            invalid_argument       | sbatch   | sbatch: error: invalid --profile=x option
            invalid_argument       | sbatch   | sbatch: error: --mem, --mem-per-cpu, and --mem-per-gpu are mutually exclusive.
            access_denied          | sbatch   | sbatch: error: --uid only permitted by root user
            access_denied          | sbatch   | sbatch: error: --gid only permitted by root user
            invalid_argument       | sbatch   | sbatch: error: Priority must be >= 0
            invalid_argument       | sbatch   | sbatch: error: Inconsistent values set to --ntasks-per-gpu=1 and --ntasks-per-tres=2
            invalid_argument       | sbatch   | sbatch: error: With Arbitrary distribution you need to specify a nodelist or hostfile with the -w option
            invalid_argument       | sbatch   | sbatch: error: Invalid numeric value "x" for --nodes.
            invalid_argument       | sbatch   | sbatch: error: Numeric argument (99999999999) to big for --nodes.
            invalid_argument       | sbatch   | sbatch: error: Maximum node count 1 is less than minimum node count 2
            invalid_argument       | sbatch   | sbatch: error: Invalid plane size or size not specified
            invalid_argument       | sbatch   | sbatch: error: unrecognized --hint argument "x", see --hint=help
            invalid_argument       | sbatch   | sbatch: error: Error parsing flags x.  x
            invalid_argument       | sbatch   | sbatch: unrecognized option '--bogus'
            invalid_argument       | sbatch   | Try "sbatch --help" for more information
            submit_rejected        | sbatch   | sbatch: error: Failed to initialize plugin stack
            """;

    record Row(SlurmErrorType type, String tool, String text) {
        @Override
        public String toString() {
            return tool + ": " + text;
        }
    }

    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String line : SLURM_TEXTS.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split(" \\| ", 3);
            out.add(new Row(SlurmErrorType.valueOf(cols[0].strip().toUpperCase(Locale.ROOT)), cols[1].strip(), cols[2].strip()));
        }
        return out;
    }

    static Stream<Arguments> texts() {
        return rows().stream().map(r -> Arguments.of(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void eachTextHasItsType(Row row) {
        assertThat(SlurmErrors.classify(row.tool() + " x", "", row.text() + "\n", 1))
                .contains(new SlurmError(row.type(), row.text()));
    }

    @Test
    void theTableIsWhole() {
        List<Row> rows = rows();
        Map<SlurmErrorType, Integer> counts = new EnumMap<>(SlurmErrorType.class);
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            counts.merge(r.type(), 1, Integer::sum);
            assertThat(seen.add(r.tool() + "|" + r.text())).as("listed twice: " + r).isTrue();
        }
        assertThat(rows).hasSize(648);
        // every type but unknown is given to some text
        assertThat(counts.keySet()).containsExactlyInAnyOrder(SlurmErrorType.values());
        assertThat(rows.size() - counts.get(SlurmErrorType.UNKNOWN)).isEqualTo(456);
    }
}
