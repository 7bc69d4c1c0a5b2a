package io.github.slurm4j.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.parse.internal.RestJson;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the jobs of {@code squeue --json} and {@code scontrol show job --json} (openapi v0.0.38 of
 * Slurm 22.05) and of slurmrestd's {@code /slurm/v0.0.4x/jobs} (v0.0.41, v0.0.42 of 24.05/24.11)
 * into {@link Job}s, with the document's {@code errors} and {@code warnings}.
 *
 * <p>Only what the JSON carries is set; other components stay {@code null}. Rules, checked
 * against the same jobs printed by {@code scontrol show job} on 22.05.8:
 * <ul>
 * <li>Times are epoch seconds, turned into the cluster's wall-clock time in the given zone. A
 *     time of {@code 0} is the sentinel scontrol prints for that field: {@code Unknown} for
 *     submit, eligible, accrue, start, end times and the last evaluation; {@code N/A} for the
 *     deadline; {@code None} for preempt, suspend and resize times.</li>
 * <li>{@code time_limit} is in minutes; v0.0.38 prints an unlimited limit as {@code null} (a job
 *     without {@code --time} gets its partition's limit at submission, so Slurm's "not set" does
 *     not occur in a job record), later versions as {@code "infinite": true}. A
 *     {@code time_minimum} of 0 is {@code N/A} ({@link TimeLimit#NOT_SET}).</li>
 * <li>v0.0.38's {@code exit_code}/{@code derived_exit_code} are raw wait statuses
 *     ({@code 35328} is {@code 138:0}, {@code 15} is {@code 0:15}); later versions give
 *     {@code return_code} and {@code signal} separately.</li>
 * <li>{@code job_state} is a string (v0.0.38) or a list of state and flags (later), read as
 *     {@code PENDING+REQUEUED}.</li>
 * <li>Ids of {@code 0} mean "none" ({@code array_job_id}, {@code het_job_id}); memory is in MiB,
 *     per node from {@code memory_per_node}, else per CPU from {@code memory_per_cpu}.</li>
 * <li>{@code nice} of v0.0.38 is {@code null} for a job whose nice is 0 in scontrol, and is left
 *     {@code null} (not supplied), not guessed. An empty {@code standard_output}/{@code _error}/
 *     {@code _input} (v0.0.38 prints the requested path, empty for the default) is {@code null}.</li>
 * <li>Other keys are kept in {@link Job#extras()} as text (lists joined by commas, objects as
 *     JSON); {@code job_resources}, {@code gres_detail} and {@code show_flags} are dropped.</li>
 * </ul>
 * A value of the wrong type in an identity field ({@code job_id}, {@code name}, {@code user_id},
 * {@code user_name}, {@code array_*}, {@code het_job_*}, {@code job_state}, {@code partition},
 * {@code account}) is a {@link SlurmParseException} whose field is the JSON path
 * ({@code jobs[3].job_id}); any other odd value is kept in the extras.
 */
public final class SqueueJsonParser {
    static final String COMMAND = "squeue --json";

    private static final Set<String> DROP = Set.of("job_resources", "gres_detail", "show_flags");

    private SqueueJsonParser() {
    }

    /**
     * Parses the JSON text; see {@link #parse(Reader, ZoneId)}.
     *
     * @param json the document; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time)
     * @return the jobs, with the document's errors and warnings
     * @throws SlurmParseException as {@link #parse(Reader, ZoneId)}
     */
    public static JsonResult<Job> parse(String json, ZoneId zone) {
        return parse(new StringReader(json), zone);
    }

    /**
     * Parses the JSON bytes; see {@link #parse(Reader, ZoneId)}.
     *
     * @param json the document in UTF-8; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time)
     * @return the jobs, with the document's errors and warnings
     * @throws SlurmParseException as {@link #parse(Reader, ZoneId)}
     */
    public static JsonResult<Job> parse(byte[] json, ZoneId zone) {
        return parse(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8), zone);
    }

    /**
     * Parses a JSON document with a {@code jobs} array. A document with {@code errors} and no
     * {@code jobs} gives no items and those errors.
     *
     * @param json the document; not null
     * @param zone the cluster's time zone (epoch seconds become its wall-clock time); not null
     * @return the jobs in document order, with the document's errors and warnings
     * @throws SlurmParseException for text that is not JSON, a {@code jobs} that is not an array,
     *     or an identity field of the wrong type
     */
    public static JsonResult<Job> parse(Reader json, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return JsonDocuments.read(COMMAND, json, "jobs", f -> job(f, zone));
    }

    private static Job job(JsonFields f, ZoneId zone) {
        RestJson.Num id = f.strictNum("job_id");
        if (id == null || !id.set() || id.infinite()) {
            throw f.error("job_id", "a job needs a job_id");
        }
        if (id.asLong() < 0) {
            throw f.error("job_id", "negative job id");
        }
        Job.Builder b = Job.builder(id.asLong());
        identity(f, b);
        b.state(state(f));
        b.reason(f.str("state_reason"));
        String description = f.str("state_description");
        if (description != null && !description.isEmpty()) {
            b.extra("state_description", description);
        }
        b.dependency(f.str("dependency"));
        b.priority(f.lng("priority"));
        b.nice(f.integer("nice"));
        b.requeue(f.bool("requeue"));
        b.restarts(f.integer("restart_cnt"));
        b.batchFlag(f.bool("batch_flag"));
        Boolean reboot = f.bool("reboot");
        b.reboot(reboot == null ? null : reboot ? 1 : 0);
        b.exitCode(exit(f, "exit_code"));
        b.derivedExitCode(exit(f, "derived_exit_code"));
        timing(f, b, zone);
        resources(f, b);
        b.allocNode(f.str("allocating_node"));
        b.reqNodeList(f.str("required_nodes"));
        b.excNodeList(f.str("excluded_nodes"));
        b.nodeList(f.str("nodes"));
        b.schedNodeList(f.str("scheduled_nodes"));
        b.batchHost(f.str("batch_host"));
        b.command(f.str("command"));
        b.workDir(f.str("current_working_directory"));
        b.stdOut(path(f.str("standard_output")));
        b.stdErr(path(f.str("standard_error")));
        b.stdIn(path(f.str("standard_input")));
        f.rest(DROP, b::extra);
        return b.build();
    }

    private static void identity(JsonFields f, Job.Builder b) {
        Long arrayJob = f.strictPositive("array_job_id");
        RestJson.Num task = f.strictNum("array_task_id");
        String taskString = f.strictStr("array_task_string");
        if (arrayJob != null) {
            b.arrayJobId(arrayJob);
            if (task != null && task.set() && !task.infinite()) {
                b.arrayTaskId(ArrayTaskSpec.parse(Long.toString(task.asLong())));
            } else if (taskString != null && !taskString.isEmpty()) {
                try {
                    b.arrayTaskId(ArrayTaskSpec.parse(taskString));
                } catch (IllegalArgumentException e) {
                    throw f.error("array_task_string", "not an array task spec");
                }
            }
        }
        Long throttle = f.lng("array_max_tasks");
        if (arrayJob != null && throttle != null) {
            b.arrayTaskThrottle(throttle.intValue());
        }
        Long het = f.strictPositive("het_job_id");
        RestJson.Num offset = f.strictNum("het_job_offset");
        String hetSet = f.str("het_job_id_set");
        if (het != null) {
            b.hetJobId(het);
            if (offset != null && offset.set() && !offset.infinite()) {
                b.hetJobOffset((int) offset.asLong());
            }
            b.hetJobIdSet(hetSet);
        }
        b.name(f.strictStr("name"));
        b.user(user(f, "user_name", "user_id"));
        b.group(user(f, "group_name", "group_id"));
        b.account(f.strictStr("account"));
        b.partition(f.strictStr("partition"));
        b.qos(f.str("qos"));
        b.wckey(f.str("wckey"));
        b.reservation(f.str("resv_name"));
        b.mcsLabel(f.str("mcs_label"));
        b.comment(f.str("comment"));
        b.adminComment(f.str("admin_comment"));
        b.systemComment(f.str("system_comment"));
        b.extra(f.str("extra"));
        b.mailUser(f.str("mail_user"));
        List<String> mailType = f.strings("mail_type");
        b.mailType(mailType == null ? null : String.join(",", mailType));
        b.container(f.str("container"));
        b.containerId(f.str("container_id"));
        b.selinuxContext(f.str("selinux_context"));
    }

    private static UserRef user(JsonFields f, String nameKey, String idKey) {
        String name = f.strictStr(nameKey);
        RestJson.Num id = f.strictNum(idKey);
        Long uid = id == null || !id.set() || id.infinite() ? null : id.asLong();
        if ((name == null || name.isEmpty()) && uid == null) {
            return null;
        }
        return new UserRef(name == null || name.isEmpty() ? null : name, uid);
    }

    private static JobState state(JsonFields f) {
        JsonNode n = f.node("job_state");
        if (n == null) {
            return null;
        }
        String text;
        if (n.isTextual()) {
            text = n.textValue();
        } else if (n.isArray() && n.size() > 0) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw f.error("job_state", "expected state names");
                }
                parts.add(e.textValue());
            }
            text = String.join("+", parts);
        } else {
            throw f.error("job_state", "expected a state name or a list of them");
        }
        if (text.isBlank()) {
            throw f.error("job_state", "empty job state");
        }
        return JobState.parse(text);
    }

    /** v0.0.38: a wait status; later: {@code {return_code, signal: {id}}}. */
    private static ExitCode exit(JsonFields f, String key) {
        JsonNode n = f.node(key);
        if (n == null) {
            return null;
        }
        if (n.isIntegralNumber()) {
            int status = n.intValue();
            return new ExitCode((status >> 8) & 0xff, status & 0x7f);
        }
        if (n.isObject()) {
            try {
                RestJson.Num rc = RestJson.num(n.get("return_code"));
                RestJson.Num sig = RestJson.num(n.path("signal").get("id"));
                boolean hasRc = rc != null && rc.isIntegral();
                boolean hasSig = sig != null && sig.isIntegral();
                if (hasRc || hasSig) {
                    return new ExitCode(hasRc ? (int) rc.asLong() : 0, hasSig ? (int) sig.asLong() : 0);
                }
                return null;
            } catch (IllegalArgumentException e) {
                // kept below
            }
        }
        f.keep(key);
        return null;
    }

    private static void timing(JsonFields f, Job.Builder b, ZoneId zone) {
        b.submitTime(time(f, "submit_time", SlurmTime.UNKNOWN, zone));
        b.eligibleTime(time(f, "eligible_time", SlurmTime.UNKNOWN, zone));
        b.accrueTime(time(f, "accrue_time", SlurmTime.UNKNOWN, zone));
        b.startTime(time(f, "start_time", SlurmTime.UNKNOWN, zone));
        b.endTime(time(f, "end_time", SlurmTime.UNKNOWN, zone));
        b.deadline(time(f, "deadline", SlurmTime.NOT_APPLICABLE, zone));
        b.preemptTime(time(f, "preempt_time", SlurmTime.NONE, zone));
        b.preemptEligibleTime(time(f, "preemptable_time", SlurmTime.NONE, zone));
        b.suspendTime(time(f, "suspend_time", SlurmTime.NONE, zone));
        b.resizeTime(time(f, "resize_time", SlurmTime.NONE, zone));
        b.lastSchedEval(time(f, "last_sched_evaluation", SlurmTime.UNKNOWN, zone));
        Long preSus = f.lng("pre_sus_time");
        b.secsPreSuspend(preSus == null ? null : Duration.ofSeconds(preSus));
        Long delay = f.lng("delay_boot");
        b.delayBoot(delay == null ? null : Duration.ofSeconds(delay));
        if (f.isNull("time_limit")) {
            f.node("time_limit");
            b.timeLimit(TimeLimit.UNLIMITED);
        } else {
            RestJson.Num limit = f.num("time_limit");
            if (limit != null && limit.infinite()) {
                b.timeLimit(TimeLimit.UNLIMITED);
            } else if (limit != null && limit.isIntegral()) {
                b.timeLimit(TimeLimit.ofMinutes(limit.asLong()));
            }
        }
        RestJson.Num min = f.num("time_minimum");
        if (min != null && min.isIntegral()) {
            b.timeMin(min.asLong() == 0 ? TimeLimit.NOT_SET : TimeLimit.ofMinutes(min.asLong()));
        }
    }

    private static SlurmTime time(JsonFields f, String key, SlurmTime zero, ZoneId zone) {
        RestJson.Num n = f.num(key);
        if (n == null || !n.set() || n.infinite() || !n.isIntegral()) {
            return null;
        }
        long s = n.asLong();
        if (s <= 0) {
            return zero;
        }
        return SlurmTime.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(s), zone));
    }

    private static void resources(JsonFields f, Job.Builder b) {
        b.numCpus(f.integer("cpus"));
        b.numNodes(f.integer("node_count"));
        b.numTasks(f.integer("tasks"));
        b.cpusPerTask(f.integer("cpus_per_task"));
        Long maxCpus = f.positive("max_cpus");
        b.maxCpus(maxCpus == null ? null : maxCpus.intValue());
        Long maxNodes = f.positive("max_nodes");
        b.maxNodes(maxNodes == null ? null : maxNodes.intValue());
        b.minCpusNode(f.integer("minimum_cpus_per_node"));
        Long tmp = f.lng("minimum_tmp_disk_per_node");
        b.minTmpDiskNode(tmp == null ? null : tmp * MemorySize.MIB);
        Long perNode = f.lng("memory_per_node");
        Long perCpu = f.lng("memory_per_cpu");
        if (perNode != null) {
            b.minMemory(MemoryRequest.perNode(perNode * MemorySize.MIB));
        } else if (perCpu != null) {
            b.minMemory(MemoryRequest.perCpu(perCpu * MemorySize.MIB));
        }
        b.reqTres(tres(f, "tres_req_str"));
        b.allocTres(tres(f, "tres_alloc_str"));
        b.features(f.str("features"));
        b.prefer(f.str("prefer"));
        b.clusterFeatures(f.str("cluster_features"));
        b.batchFeatures(f.str("batch_features"));
        b.contiguous(f.bool("contiguous"));
        b.licenses(f.str("licenses"));
        b.network(f.str("network"));
        b.cpusPerTres(f.str("cpus_per_tres"));
        b.memPerTres(f.str("memory_per_tres"));
        b.tresBind(f.str("tres_bind"));
        b.tresFreq(f.str("tres_freq"));
        b.tresPerJob(f.str("tres_per_job"));
        b.tresPerNode(f.str("tres_per_node"));
        b.tresPerSocket(f.str("tres_per_socket"));
        b.tresPerTask(f.str("tres_per_task"));
        b.burstBuffer(f.str("burst_buffer"));
        b.burstBufferState(f.str("burst_buffer_state"));
    }

    private static Tres tres(JsonFields f, String key) {
        String s = f.str(key);
        if (s == null) {
            return null;
        }
        try {
            return s.isEmpty() ? Tres.EMPTY : Tres.parse(s);
        } catch (IllegalArgumentException e) {
            f.keep(key);
            return null;
        }
    }

    private static String path(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
