package io.github.slurm4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The comparison point for the text parser: a plain record of the fields an application reads from
 * a {@code squeue --json} (openapi v0.0.38) job, bound by Jackson databind. Other fields (nested
 * {@code job_resources}, federation, burst buffer…) are skipped, as an application would.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JsonJob(
        @JsonProperty("job_id") long jobId,
        @JsonProperty("array_job_id") Long arrayJobId,
        @JsonProperty("array_task_id") Integer arrayTaskId,
        @JsonProperty("array_task_string") String arrayTaskString,
        @JsonProperty("het_job_id") Long hetJobId,
        @JsonProperty("het_job_offset") Integer hetJobOffset,
        @JsonProperty("het_job_id_set") String hetJobIdSet,
        @JsonProperty("name") String name,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("user_name") String userName,
        @JsonProperty("group_id") Long groupId,
        @JsonProperty("group_name") String groupName,
        @JsonProperty("account") String account,
        @JsonProperty("partition") String partition,
        @JsonProperty("qos") String qos,
        @JsonProperty("priority") Long priority,
        @JsonProperty("nice") Integer nice,
        @JsonProperty("job_state") String jobState,
        @JsonProperty("state_reason") String stateReason,
        @JsonProperty("dependency") String dependency,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("derived_exit_code") Integer derivedExitCode,
        @JsonProperty("restart_cnt") Integer restartCount,
        @JsonProperty("requeue") Boolean requeue,
        @JsonProperty("batch_flag") Boolean batchFlag,
        @JsonProperty("flags") List<String> flags,
        @JsonProperty("submit_time") Long submitTime,
        @JsonProperty("eligible_time") Long eligibleTime,
        @JsonProperty("accrue_time") Long accrueTime,
        @JsonProperty("start_time") Long startTime,
        @JsonProperty("end_time") Long endTime,
        @JsonProperty("suspend_time") Long suspendTime,
        @JsonProperty("preempt_time") Long preemptTime,
        @JsonProperty("last_sched_evaluation") Long lastSchedEvaluation,
        @JsonProperty("time_limit") Integer timeLimit,
        @JsonProperty("nodes") String nodes,
        @JsonProperty("batch_host") String batchHost,
        @JsonProperty("node_count") Integer nodeCount,
        @JsonProperty("cpus") Integer cpus,
        @JsonProperty("tasks") Integer tasks,
        @JsonProperty("memory_per_cpu") Long memoryPerCpu,
        @JsonProperty("memory_per_node") Long memoryPerNode,
        @JsonProperty("tres_req_str") String tresReq,
        @JsonProperty("tres_alloc_str") String tresAlloc,
        @JsonProperty("tres_per_node") String tresPerNode,
        @JsonProperty("licenses") String licenses,
        @JsonProperty("command") String command,
        @JsonProperty("comment") String comment,
        @JsonProperty("current_working_directory") String workDir,
        @JsonProperty("standard_input") String standardInput,
        @JsonProperty("standard_output") String standardOutput,
        @JsonProperty("standard_error") String standardError) {
}
