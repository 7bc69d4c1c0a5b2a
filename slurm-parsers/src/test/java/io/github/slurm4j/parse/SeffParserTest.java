package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.model.seff.SeffView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeffParserTest {

    private static SeffReport load(String name) {
        Fixtures.Case c = Fixtures.load(name);
        assertThat(c.rc()).isZero();
        return SeffParser.parse(c.stdout());
    }

    private static long mib(String value) {
        return new java.math.BigDecimal(value).multiply(java.math.BigDecimal.valueOf(MemorySize.MIB))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    @Test
    void completed() {
        SeffReport r = load("seff-completed");
        assertThat(r.jobId()).isEqualTo(JobId.of(2));
        assertThat(r.arrayJobId()).isNull();
        assertThat(r.cluster()).isEqualTo("localcluster");
        assertThat(r.user().name()).isEqualTo("root");
        assertThat(r.group().name()).isEqualTo("root");
        assertThat(r.state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.cores()).isEqualTo(1);
        assertThat(r.nodes()).isNull();
        assertThat(r.coresPerNode()).isNull();
        assertThat(r.efficiencyAvailable()).isTrue();
        assertThat(r.runningWarning()).isFalse();
        SeffReport.Usage u = r.usage();
        assertThat(u.cpuUtilized()).isEqualTo(Duration.ofSeconds(2));
        assertThat(u.cpuEfficiencyPercent()).isEqualTo(10.00);
        assertThat(u.coreWalltime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(u.wallclock()).isEqualTo(Duration.ofSeconds(20));
        assertThat(u.memoryUtilizedBytes()).isEqualTo(mib("127.86"));
        assertThat(u.memoryEstimated()).isFalse();
        assertThat(u.memoryEfficiencyPercent()).isEqualTo(42.62);
        assertThat(u.memoryRequestedBytes()).isEqualTo(300 * MemorySize.MIB);
        assertThat(u.memoryRequestedPerUnitBytes()).isNull();
        assertThat(u.memoryRequestedPer()).isNull();
        assertThat(r.extras()).isEmpty();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void viewHasEveryKeyWithTypedValues() {
        Map<String, Object> m = SeffView.toMap(load("seff-completed"));
        assertThat(m).containsOnlyKeys("job_id", "job_id_text", "cluster", "user", "group", "state", "exit_code",
                "nodes", "cores", "cores_per_node", "cpu_utilized_seconds", "cpu_efficiency_percent",
                "core_walltime_seconds", "wallclock_seconds", "memory_utilized_bytes", "memory_efficiency_percent",
                "memory_requested_bytes", "memory_estimated", "stop_data");
        assertThat(m).containsEntry("job_id", 2L).containsEntry("job_id_text", "2").containsEntry("state", "COMPLETED").containsEntry("exit_code", 0)
                .containsEntry("cores", 1).containsEntry("cpu_utilized_seconds", 2L)
                .containsEntry("cpu_efficiency_percent", 10.0).containsEntry("core_walltime_seconds", 20L)
                .containsEntry("wallclock_seconds", 20L).containsEntry("memory_utilized_bytes", mib("127.86"))
                .containsEntry("memory_requested_bytes", 314572800L).containsEntry("memory_estimated", false)
                .containsEntry("memory_efficiency_percent", 42.62).containsEntry("user", "root");
    }

    @Test
    void stopDataHoldsFullValuesAfterFirstColonSpace() {
        SeffReport r = load("seff-sigkill-failed");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("JobID", "8");
        expected.put("Cluster", "localcluster");
        expected.put("UserGroup", "root/root");
        expected.put("State", "FAILED (exit code 0)");
        expected.put("Nodes", "1");
        expected.put("Corespernode", "1");
        expected.put("CPUUtilized", "00:00:00");
        expected.put("CPUEfficiency", "0.00% of 00:00:06 core-walltime");
        expected.put("JobWallclocktime", "00:00:06");
        expected.put("MemoryUtilized", "3.09 MB");
        expected.put("MemoryEfficiency", "1.21% of 256.00 MB");
        assertThat(SeffView.stopData(r)).containsExactlyEntriesOf(expected);
        assertThat(r.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("3.09"));
    }

    @Test
    void failedBySignalKeepsExitCode138() {
        SeffReport r = load("seff-failed-by-signal");
        assertThat(r.jobId().id()).isEqualTo(14);
        assertThat(r.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(r.exitCode()).isEqualTo(138);
        assertThat(r.usage().cpuUtilized()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.usage().cpuEfficiencyPercent()).isEqualTo(2.98);
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofMinutes(3).plusSeconds(55));
        assertThat(SeffView.stopData(r)).containsEntry("State", "FAILED (exit code 138)");
    }

    @Test
    void arrayElementHasArrayJobId() {
        SeffReport r = load("seff-array-element");
        assertThat(r.jobId()).isEqualTo(JobId.of(12));
        assertThat(r.arrayJobId()).isEqualTo(new JobId(10, "2", null, null));
        assertThat(r.isArrayElement()).isTrue();
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("49.11"));
        assertThat(SeffView.toMap(r)).containsEntry("job_id", 12L).containsEntry("job_id_text", "10_2")
                .containsEntry("array_job_id", 10L).containsEntry("array_task_id", 2);
    }

    @Test
    void finishedArrayReportsItsLastElement() {
        SeffReport r = load("seff-array-finished");
        assertThat(r.jobId()).isEqualTo(JobId.of(10));
        assertThat(r.arrayJobId().toString()).isEqualTo("10_4");
        assertThat(r.usage().memoryEfficiencyPercent()).isEqualTo(19.16);
    }

    @Test
    void specialNameJobOfAlice() {
        SeffReport r = load("seff-alice-special-name");
        assertThat(r.jobId().id()).isEqualTo(9);
        assertThat(r.user().name()).isEqualTo("alice");
        assertThat(r.group().name()).isEqualTo("alice");
        assertThat(r.usage().cpuEfficiencyPercent()).isEqualTo(7.14);
        assertThat(r.usage().coreWalltime()).isEqualTo(Duration.ofSeconds(14));
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("87.74"));
        assertThat(r.usage().memoryRequestedBytes()).isEqualTo(256 * MemorySize.MIB);
    }

    @Test
    void cancelledAfterStartPrintsNodesAndCoresPerNode() {
        SeffReport r = load("seff-cancelled-after-start");
        assertThat(r.jobId().id()).isEqualTo(46);
        assertThat(r.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(r.cores()).isNull();
        assertThat(r.nodes()).isEqualTo(1);
        assertThat(r.coresPerNode()).isEqualTo(2);
        assertThat(r.usage().coreWalltime()).isEqualTo(Duration.ofSeconds(16));
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofSeconds(8));
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("47.68"));
        assertThat(r.usage().memoryRequestedBytes()).isEqualTo(512 * MemorySize.MIB);
        assertThat(SeffView.stopData(r)).containsEntry("Nodes", "1").containsEntry("Corespernode", "2")
                .containsEntry("CPUEfficiency", "18.75% of 00:00:16 core-walltime");
        assertThat(SeffView.toMap(r)).containsEntry("cores", null).containsEntry("nodes", 1).containsEntry("cores_per_node", 2);
    }

    @Test
    void deadlineNeverRanAndMemoryIsEstimatedPerCore() {
        SeffReport r = load("seff-deadline");
        assertThat(r.jobId().id()).isEqualTo(47);
        assertThat(r.state().state()).isEqualTo(JobState.Name.DEADLINE);
        assertThat(r.exitCode()).isEqualTo(1);
        SeffReport.Usage u = r.usage();
        assertThat(u.cpuUtilized()).isZero();
        assertThat(u.wallclock()).isZero();
        assertThat(u.memoryUtilizedBytes()).isZero();
        assertThat(u.memoryEstimated()).isTrue();
        assertThat(u.memoryRequestedBytes()).isEqualTo(256 * MemorySize.MIB);
        assertThat(u.memoryRequestedPerUnitBytes()).isEqualTo(256 * MemorySize.MIB);
        assertThat(u.memoryRequestedPer()).isEqualTo("core");
        assertThat(SeffView.stopData(r)).containsEntry("MemoryUtilized", "0.00 MB (estimated maximum)")
                .containsEntry("MemoryEfficiency", "0.00% of 256.00 MB (256.00 MB/core)");
    }

    @Test
    void pendingHetjobHasNoEfficiency() {
        SeffReport r = load("seff-hetjob-pending");
        assertThat(r.jobId().id()).isEqualTo(21);
        assertThat(r.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(r.exitCode()).isNull();
        assertThat(r.efficiencyAvailable()).isFalse();
        assertThat(r.usage()).isNull();
        Map<String, Object> m = SeffView.toMap(r);
        assertThat(m).containsEntry("cpu_utilized_seconds", null).containsEntry("memory_estimated", null)
                .containsEntry("exit_code", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> stop = (Map<String, Object>) m.get("stop_data");
        assertThat(stop).containsEntry("State", "PENDING").containsEntry("CPUUtilized", null)
                .containsEntry("MemoryEfficiency", null).containsEntry("Nodes", "1");
    }

    @Test
    void nodeFailHasEstimatedMemory() {
        SeffReport r = load("seff-node-fail");
        assertThat(r.jobId().id()).isEqualTo(64);
        assertThat(r.state().state()).isEqualTo(JobState.Name.NODE_FAIL);
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofSeconds(98));
        assertThat(r.usage().memoryEstimated()).isTrue();
        assertThat(r.usage().cpuEfficiencyPercent()).isZero();
    }

    @Test
    void outOfMemoryCgroupHasTinyMemory() {
        SeffReport r = load("seff-out-of-memory-cgroup");
        assertThat(r.jobId().id()).isEqualTo(66);
        assertThat(r.state().state()).isEqualTo(JobState.Name.OUT_OF_MEMORY);
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("3.50"));
        assertThat(r.usage().memoryRequestedBytes()).isEqualTo(100 * MemorySize.MIB);
        assertThat(r.usage().cpuEfficiencyPercent()).isEqualTo(66.67);
    }

    @Test
    void preemptedArrayElementOfAlice() {
        SeffReport r = load("seff-preempted");
        assertThat(r.jobId().id()).isEqualTo(19);
        assertThat(r.arrayJobId().toString()).isEqualTo("17_1");
        assertThat(r.user().name()).isEqualTo("alice");
        assertThat(r.state().state()).isEqualTo(JobState.Name.PREEMPTED);
        assertThat(r.usage().coreWalltime()).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void runningHasTrailingWarning() {
        SeffReport r = load("seff-running");
        assertThat(r.jobId().id()).isEqualTo(14);
        assertThat(r.state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(r.exitCode()).isNull();
        assertThat(r.runningWarning()).isTrue();
        assertThat(r.notes()).isEmpty();
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("87.88"));
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofSeconds(176));
        assertThat(SeffView.stopData(r)).containsEntry("State", "RUNNING");
    }

    @Test
    void runningArrayElementWithEstimatedMemory() {
        SeffReport r = load("seff-running-array-element");
        assertThat(r.jobId().id()).isEqualTo(19);
        assertThat(r.arrayJobId()).isEqualTo(new JobId(17, "1", null, null));
        assertThat(r.runningWarning()).isTrue();
        assertThat(r.usage().memoryEstimated()).isTrue();
        assertThat(r.usage().memoryRequestedPer()).isEqualTo("core");
    }

    @Test
    void suspended() {
        SeffReport r = load("seff-suspended");
        assertThat(r.jobId().id()).isEqualTo(18);
        assertThat(r.state().state()).isEqualTo(JobState.Name.SUSPENDED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void timeout() {
        SeffReport r = load("seff-timeout");
        assertThat(r.jobId().id()).isEqualTo(5);
        assertThat(r.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(r.usage().wallclock()).isEqualTo(Duration.ofSeconds(79));
        assertThat(r.usage().cpuEfficiencyPercent()).isEqualTo(1.27);
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(mib("67.83"));
    }

    @Test
    void unknownJobIsRefused() {
        Fixtures.Case c = Fixtures.load("seff-error-invalid");
        assertThat(c.rc()).isEqualTo(2);
        assertThat(c.stderr()).contains("Job not found.");
        SlurmParseException e = catchThrowableOfType(() -> SeffParser.parse(c.stdout()), SlurmParseException.class);
        assertThat(e.command()).isEqualTo("seff");
        assertThat(e.reason()).contains("empty output").contains("Job not found.");
        // stdout and stderr merged: the message itself is refused, at its line
        SlurmParseException merged = catchThrowableOfType(() -> SeffParser.parse(c.stderr()), SlurmParseException.class);
        assertThat(merged.line()).isEqualTo(3);
        assertThat(merged.reason()).contains("no such job");
    }

    @Test
    void controllerAndDatabaseDownAreRefused() {
        for (String name : new String[] {"ctld-down-seff", "dbd-down-seff"}) {
            Fixtures.Case c = Fixtures.load(name);
            assertThat(c.rc()).isEqualTo(2);
            assertThatThrownBy(() -> SeffParser.parse(c.stdout())).isInstanceOf(SlurmParseException.class);
        }
    }

    @Test
    void garbageIsRefusedWithLineAndField() {
        SlurmParseException e = catchThrowableOfType(() -> SeffParser.parse("hello world\nfoo"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("Job ID");
        assertThat(e.excerpt()).isEqualTo("hello world");
        assertThatThrownBy(() -> SeffParser.parse(null)).isInstanceOf(SlurmParseException.class);
    }

    private static final String BASE = "Job ID: 7\nCluster: c\nUser/Group: u/g\nState: COMPLETED (exit code 0)\nCores: 1\n";
    private static final String USAGE = "CPU Utilized: 00:00:01\nCPU Efficiency: 50.00% of 00:00:02 core-walltime\n"
            + "Job Wall-clock time: 00:00:02\nMemory Utilized: 1.00 MB\nMemory Efficiency: 1.00% of 100.00 MB\n";

    @Test
    void badValuesNameTheirLineAndField() {
        SlurmParseException e = catchThrowableOfType(
                () -> SeffParser.parse(BASE.replace("Cores: 1", "Cores: many") + USAGE), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("Cores");
        assertThat(e.excerpt()).isEqualTo("Cores: many");

        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE.replace("1.00 MB\n", "1.00 XB\n")), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Memory Utilized");
        assertThat(e.line()).isEqualTo(9);

        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE.replace("50.00% of", "nan% of")), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("CPU Efficiency");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE.replace("Job Wall-clock time: 00:00:02", "Job Wall-clock time: soon")),
                SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Job Wall-clock time");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE.replace("1.00% of 100.00 MB", "1.00% of lots")), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Memory Efficiency");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("u/g", "nobody") + USAGE), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("User/Group");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("Job ID: 7", "Job ID: x") + USAGE), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Job ID");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("State: COMPLETED (exit code 0)", "State:") + USAGE),
                SlurmParseException.class);
        assertThat(e.field()).isEqualTo("State");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE.replace("1.00 MB\n", "99999999999999999.00 EB\n")),
                SlurmParseException.class);
        assertThat(e.reason()).contains("too large");
    }

    @Test
    void cutOrMixedOutputIsRefused() {
        // usage cut after the CPU lines
        SlurmParseException e = catchThrowableOfType(
                () -> SeffParser.parse(BASE + "CPU Utilized: 00:00:01\n"), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("CPU Efficiency");
        // no usage and no "not available" message
        e = catchThrowableOfType(() -> SeffParser.parse(BASE), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("CPU Utilized");
        // no resource lines
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("Cores: 1\n", "") + USAGE), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Cores");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("Cores: 1\n", "Nodes: 2\n") + USAGE), SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Cores per node");
        e = catchThrowableOfType(() -> SeffParser.parse(BASE.replace("Cores: 1\n", "Cores per node: 2\n") + USAGE),
                SlurmParseException.class);
        assertThat(e.field()).isEqualTo("Nodes");
        // two reports concatenated
        e = catchThrowableOfType(() -> SeffParser.parse(BASE + USAGE + BASE + USAGE), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("Job ID");
        // usage next to "not available"
        e = catchThrowableOfType(() -> SeffParser.parse(BASE + "Efficiency not available for jobs in the PENDING state.\n" + USAGE),
                SlurmParseException.class);
        assertThat(e.field()).isEqualTo("CPU Utilized");
    }

    @Test
    void siteAdditionsAreKeptAndUnresolvedUserIsNull() {
        String text = "Use of uninitialized value $user in concatenation (.) or string at /usr/bin/seff line 154.\r\n"
                + BASE.replace("u/g", "/tutln01").replace("Cores: 1\n", "Nodes: 2\nCores per node: 40\n")
                + USAGE.replace("1.00 MB\n", "5.55 GB (estimated maximum)\n")
                        .replace("1.00% of 100.00 MB", "71.04% of 7.81 GB (200.00 MB/node)")
                + "Job consumed 4.27 billing units based on following used resources\n"
                + "Billed project: project_1\nEmpty key:\n";
        SeffReport r = SeffParser.parse(text);
        assertThat(r.user()).isNull();
        assertThat(r.group().name()).isEqualTo("tutln01");
        assertThat(r.nodes()).isEqualTo(2);
        assertThat(r.coresPerNode()).isEqualTo(40);
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(5_959_267_123L); // 5.55 GiB
        assertThat(r.usage().memoryRequestedPerUnitBytes()).isEqualTo(200 * MemorySize.MIB);
        assertThat(r.usage().memoryRequestedPer()).isEqualTo("node");
        assertThat(r.extras()).containsExactly(Map.entry("Billed project", "project_1"), Map.entry("Empty key", ""));
        assertThat(r.notes()).hasSize(2);
        assertThat(r.notes().get(1)).startsWith("Job consumed");
        assertThat(SeffView.toMap(r)).containsEntry("user", null).containsEntry("group", "tutln01");
        assertThat(SeffView.stopData(r)).containsEntry("UserGroup", "/tutln01").containsEntry("Nodes", "2");
    }

    @Test
    void coresAboveOneLeavesNodeCountUnknownInStopData() {
        SeffReport r = SeffParser.parse(BASE.replace("Cores: 1", "Cores: 4") + USAGE);
        assertThat(r.cores()).isEqualTo(4);
        assertThat(SeffView.stopData(r)).containsEntry("Nodes", null).containsEntry("Corespernode", null);
    }

    @Test
    void daysInDurationsAndOtherUnits() {
        SeffReport r = SeffParser.parse(BASE + USAGE.replace("CPU Utilized: 00:00:01", "CPU Utilized: 1-02:03:04")
                .replace("1.00 MB\n", "512.00 KB\n").replace("100.00 MB", "1.50 TB"));
        assertThat(r.usage().cpuUtilized()).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
        assertThat(r.usage().memoryUtilizedBytes()).isEqualTo(512 * MemorySize.KIB);
        assertThat(r.usage().memoryRequestedBytes()).isEqualTo(MemorySize.TIB * 3 / 2);
        assertThat(SeffParser.bytes("1.00", "EB")).isEqualTo(MemorySize.PIB * 1024);
        assertThat(SeffParser.bytes("1.00", "PB")).isEqualTo(MemorySize.PIB);
        assertThat(SeffParser.bytes("2.00", "GB")).isEqualTo(2 * MemorySize.GIB);
    }
}
