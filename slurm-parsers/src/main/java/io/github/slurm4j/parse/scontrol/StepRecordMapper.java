package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps {@code scontrol show step} records. {@code Name} is free text. */
final class StepRecordMapper extends RecordMapper<StepRecordMapper.Draft, JobStep> {
    static final List<String> KEYS = List.of("StepId", "UserId", "StartTime", "TimeLimit", "State", "Partition",
            "NodeList", "Nodes", "CPUs", "Tasks", "Name", "Network", "TRES", "ResvPorts", "CPUFreqReq", "Dist",
            "SrunHost:Pid");

    static final KeySet KEY_SET = new KeySet(KEYS, Set.of("Name"), Set.of());

    StepRecordMapper() {
        super("scontrol show step", KEY_SET, false, true, Checks.NONE);
    }

    /** The values of a step being read. */
    static final class Draft {
        JobId stepId;
        UserRef user;
        SlurmTime startTime;
        TimeLimit timeLimit;
        JobState state;
        String partition;
        String nodeList;
        Integer nodes;
        Integer cpus;
        Integer tasks;
        String name;
        String network;
        Tres tres;
        String resvPorts;
        String cpuFreqReq;
        String dist;
        String srunHost;
        Long srunPid;
        Map<String, String> extras;
    }

    @Override
    Draft start() {
        Draft d = new Draft();
        d.stepId = JobId.parse(tok.value());
        return d;
    }

    @Override
    JobStep finish(Draft d) {
        return new JobStep(d.stepId, d.user, d.startTime, d.timeLimit, d.state, d.partition, d.nodeList, d.nodes,
                d.cpus, d.tasks, d.name, d.network, d.tres, d.resvPorts, d.cpuFreqReq, d.dist, d.srunHost, d.srunPid,
                d.extras);
    }

    @Override
    void apply(Draft d, String key) {
        switch (key) {
            case "UserId" -> d.user = UserRef.parse(value());
            case "StartTime" -> d.startTime = JobRecordMapper.time(value());
            case "TimeLimit" -> d.timeLimit = TimeLimit.parse(value());
            case "State" -> d.state = JobState.parse(value());
            case "Partition" -> d.partition = text();
            case "NodeList" -> d.nodeList = text();
            case "Nodes" -> d.nodes = integer();
            case "CPUs" -> d.cpus = integer();
            case "Tasks" -> d.tasks = integer();
            case "Name" -> d.name = value();
            case "Network" -> d.network = text();
            case "TRES" -> d.tres = Tres.parse(value());
            case "ResvPorts" -> d.resvPorts = text();
            case "CPUFreqReq" -> d.cpuFreqReq = value();
            case "Dist" -> d.dist = value();
            case "SrunHost:Pid" -> {
                String v = value();
                int colon = v.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("expected host:pid, got '" + v + "'");
                }
                d.srunHost = v.substring(0, colon);
                d.srunPid = Values.parseLong(v, colon + 1, v.length());
            }
            default -> {
                if (d.extras == null) {
                    d.extras = new LinkedHashMap<>();
                }
                d.extras.put(key, value());
            }
        }
    }
}
