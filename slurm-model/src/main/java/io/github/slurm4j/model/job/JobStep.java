package io.github.slurm4j.model.job;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job step as {@code scontrol show step} describes it. Nullable components are {@code null}
 * when not supplied; {@code (null)} values become the empty string.
 *
 * @param stepId {@code StepId=14.1}; never null
 * @param user {@code UserId=} (scontrol prints the bare uid)
 * @param startTime {@code StartTime=}
 * @param timeLimit {@code TimeLimit=}
 * @param state {@code State=} (a job state name)
 * @param partition {@code Partition=}
 * @param nodeList {@code NodeList=} (hostlist expression)
 * @param nodes {@code Nodes=} node count
 * @param cpus {@code CPUs=}
 * @param tasks {@code Tasks=}
 * @param name {@code Name=}, verbatim
 * @param network {@code Network=}
 * @param tres {@code TRES=}
 * @param resvPorts {@code ResvPorts=}
 * @param cpuFreqReq {@code CPUFreqReq=}
 * @param dist {@code Dist=} task distribution
 * @param srunHost {@code SrunHost:Pid=} host part
 * @param srunPid {@code SrunHost:Pid=} pid part
 * @param extras unknown keys in order, unmodifiable
 */
public record JobStep(JobId stepId, UserRef user, SlurmTime startTime, TimeLimit timeLimit, JobState state,
        String partition, String nodeList, Integer nodes, Integer cpus, Integer tasks, String name, String network,
        Tres tres, String resvPorts, String cpuFreqReq, String dist, String srunHost, Long srunPid,
        Map<String, String> extras) {
    /**
     * Checks the step id and copies the extras.
     *
     * @param stepId {@code StepId=14.1}; never null
     * @param user {@code UserId=} (scontrol prints the bare uid)
     * @param startTime {@code StartTime=}
     * @param timeLimit {@code TimeLimit=}
     * @param state {@code State=} (a job state name)
     * @param partition {@code Partition=}
     * @param nodeList {@code NodeList=} (hostlist expression)
     * @param nodes {@code Nodes=} node count
     * @param cpus {@code CPUs=}
     * @param tasks {@code Tasks=}
     * @param name {@code Name=}, verbatim
     * @param network {@code Network=}
     * @param tres {@code TRES=}
     * @param resvPorts {@code ResvPorts=}
     * @param cpuFreqReq {@code CPUFreqReq=}
     * @param dist {@code Dist=} task distribution
     * @param srunHost {@code SrunHost:Pid=} host part
     * @param srunPid {@code SrunHost:Pid=} pid part
     * @param extras unknown keys in order; {@code null} is taken as none; copied into an unmodifiable map
     * @throws NullPointerException if {@code stepId} is {@code null}
     */
    public JobStep {
        Objects.requireNonNull(stepId, "stepId");
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
