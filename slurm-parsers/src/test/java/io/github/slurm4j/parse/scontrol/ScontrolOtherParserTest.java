package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobStep;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScontrolOtherParserTest {

    @Test
    void allPartitionsMultilineEqualsOneLiner() {
        Fixtures.Case multiCase = Fixtures.load("scontrol-partition-all");
        List<Partition> multi = ScontrolParser.parsePartitions(multiCase.stdout());
        List<Partition> oneLiner = ScontrolParser.parsePartitions(Fixtures.load("scontrol-partition-all-oneliner").stdout());
        assertThat(multi).extracting(Partition::name).containsExactly("debug", "gpu", "cpu", "short", "maint", "urgent");
        assertThat(oneLiner).isEqualTo(multi);
        Partition debug = multi.get(0);
        assertThat(debug.isDefault()).isTrue();
        assertThat(debug.state()).isEqualTo("UP");
        assertThat(debug.limits().maxTime()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(debug.limits().defaultTime()).as("DefaultTime=NONE").isEqualTo(TimeLimit.NOT_SET);
        assertThat(debug.limits().maxNodes()).isEqualTo(Partition.UNLIMITED);
        assertThat(debug.limits().minNodes()).isZero();
        assertThat(debug.limits().defMem()).isEqualTo(MemoryRequest.perNode(Partition.UNLIMITED));
        assertThat(debug.limits().graceTime()).isEqualTo(Duration.ZERO);
        assertThat(debug.access().hidden()).isFalse();
        assertThat(debug.access().allowGroups()).isEqualTo("ALL");
        assertThat(debug.scheduling().preemptMode()).isEqualTo("CANCEL");
        assertThat(debug.totalCpus()).isEqualTo(8);
        assertThat(debug.extras()).isEmpty();
        assertThat(multi.get(4).state()).isEqualTo("DOWN");
        assertThat(multi.get(2).nodes()).isEqualTo("cpu[01-03]");
    }

    @Test
    void gpuPartition() {
        List<Partition> parts = ScontrolParser.parsePartitions(Fixtures.load("scontrol-partition-gpu").stdout());
        assertThat(parts).hasSize(1);
        Partition gpu = parts.get(0);
        assertThat(gpu.name()).isEqualTo("gpu");
        assertThat(gpu.isDefault()).isFalse();
        assertThat(gpu.limits().defaultTime()).isEqualTo(TimeLimit.ofMinutes(60));
        assertThat(gpu.limits().maxTime()).isEqualTo(TimeLimit.of(Duration.ofDays(1)));
        assertThat(gpu.nodes()).isEqualTo("gpu[01-02],localhost");
        assertThat(gpu.totalNodes()).isEqualTo(3);
        assertThat(gpu.tres().gpus()).hasValue(10);
        assertThat(gpu.limits().jobDefaults()).isEmpty();
    }

    @Test
    void reservations() {
        List<Reservation> res = ScontrolParser.parseReservations(Fixtures.load("scontrol-reservation-all").stdout());
        assertThat(res).extracting(Reservation::name).containsExactly("cpu_future", "gpu02_maint");
        Reservation future = res.get(0);
        assertThat(future.startTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-21T22:30:23")));
        assertThat(future.duration()).isEqualTo(Duration.ofDays(1));
        assertThat(future.nodes()).isEqualTo("cpu02");
        assertThat(future.nodeCount()).isEqualTo(1);
        assertThat(future.coreCount()).isEqualTo(16);
        assertThat(future.flags()).containsExactly("MAINT", "SPEC_NODES");
        assertThat(future.users()).containsExactly("alice", "root");
        assertThat(future.groups()).isEmpty();
        assertThat(future.partition()).isEmpty();
        assertThat(future.state()).isEqualTo("INACTIVE");
        assertThat(future.tres().cpus()).hasValue(16);
        assertThat(future.watts()).isEqualTo("n/a");
        assertThat(future.maxStartDelay()).isEmpty();
        Reservation maint = res.get(1);
        assertThat(maint.flags()).containsExactly("MAINT", "IGNORE_JOBS", "SPEC_NODES");
        assertThat(maint.duration()).isEqualTo(Duration.ofDays(365));
        assertThat(maint.state()).isEqualTo("ACTIVE");
        assertThat(ScontrolParser.parseReservations("No reservations in the system\n")).isEmpty();
    }

    @Test
    void runningStep() {
        List<JobStep> steps = ScontrolParser.parseSteps(Fixtures.load("scontrol-show-step-running").stdout());
        assertThat(steps).hasSize(1);
        JobStep s = steps.get(0);
        assertThat(s.stepId()).isEqualTo(new JobId(14, null, null, "1"));
        assertThat(s.user()).isEqualTo(new UserRef(null, 0L));
        assertThat(s.startTime()).isEqualTo(SlurmTime.of(LocalDateTime.parse("2026-11-20T22:28:37")));
        assertThat(s.timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(s.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(s.partition()).isEqualTo("debug");
        assertThat(s.nodeList()).isEqualTo("localhost");
        assertThat(s.nodes()).isEqualTo(1);
        assertThat(s.cpus()).isEqualTo(1);
        assertThat(s.tasks()).isEqualTo(1);
        assertThat(s.name()).isEqualTo("burn.sh");
        assertThat(s.network()).isEmpty();
        assertThat(s.tres().memoryBytes()).hasValue(300L * 1024 * 1024);
        assertThat(s.resvPorts()).isEmpty();
        assertThat(s.cpuFreqReq()).isEqualTo("Default");
        assertThat(s.dist()).isEqualTo("Cyclic");
        assertThat(s.srunHost()).isEqualTo("vm");
        assertThat(s.srunPid()).isEqualTo(29703L);
        assertThat(s.extras()).isEmpty();
    }

    @Test
    void stepOneLinerWithSpacedNameAndNewKey() {
        String text = "StepId=7.0 UserId=1001 StartTime=2026-11-20T22:28:37 TimeLimit=UNLIMITED State=RUNNING "
                + "Partition=debug NodeList=n1 Nodes=1 CPUs=2 Tasks=2 Name=my step name Network=(null) TRES=cpu=2 "
                + "ResvPorts=(null) CPUFreqReq=Default Dist=Block SrunHost:Pid=login1:42 Container=(null) \n";
        JobStep s = ScontrolParser.parseSteps(text).get(0);
        assertThat(s.name()).isEqualTo("my step name");
        assertThat(s.cpus()).isEqualTo(2);
        assertThat(s.extras()).containsEntry("Container", "(null)");
    }
}
