package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobNodeAllocation;
import io.github.slurm4j.model.job.JobState;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScontrolJobParserTest {

    private static List<Job> jobs(String caseName) {
        Fixtures.Case c = Fixtures.load(caseName);
        assertThat(c.rc()).isZero();
        return ScontrolParser.parseJobs(c.stdout());
    }

    private static Job one(String caseName) {
        List<Job> jobs = jobs(caseName);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void runningDetailJobHasEveryGroupTyped() {
        Job j = one("scontrol-job-running-detail");
        assertThat(j.jobId()).isEqualTo(14);
        assertThat(j.displayId()).isEqualTo(JobId.of(14));
        assertThat(j.name()).isEqualTo("steps-long");
        assertThat(j.identity().user()).isEqualTo(new UserRef("root", 0L));
        assertThat(j.identity().group()).isEqualTo(new UserRef("root", 0L));
        assertThat(j.identity().mcsLabel()).isEqualTo("N/A");
        assertThat(j.identity().account()).isEqualTo("root");
        assertThat(j.identity().qos()).isEqualTo("normal");
        assertThat(j.identity().comment()).isEqualTo("key=value spaces = signs; owner=ops team"); // scontrol's own trailing space dropped
        assertThat(j.status().state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(j.status().reason()).isNull(); // Reason=None
        assertThat(j.status().dependency()).isEmpty();
        assertThat(j.status().priority()).isEqualTo(3090L);
        assertThat(j.status().nice()).isZero();
        assertThat(j.status().requeue()).isTrue();
        assertThat(j.status().restarts()).isZero();
        assertThat(j.status().batchFlag()).isTrue();
        assertThat(j.status().reboot()).isZero();
        assertThat(j.status().exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(j.status().derivedExitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(j.status().scheduler()).isEqualTo("Main");
        assertThat(j.timing().runTime()).isEqualTo(Duration.ofSeconds(2 * 60 + 44));
        assertThat(j.timing().timeLimit()).isEqualTo(TimeLimit.of(Duration.ofHours(26).plusMinutes(4)));
        assertThat(j.timing().timeMin()).isEqualTo(TimeLimit.NOT_SET);
        assertThat(j.timing().submitTime()).isEqualTo(SlurmTime.of(t("2026-11-20T22:28:11")));
        assertThat(j.timing().startTime()).isEqualTo(SlurmTime.of(t("2026-11-20T22:28:12")));
        assertThat(j.timing().endTime()).isEqualTo(SlurmTime.of(t("2026-11-22T00:32:12")));
        assertThat(j.timing().deadline()).isEqualTo(SlurmTime.NOT_APPLICABLE);
        assertThat(j.timing().preemptTime()).isEqualTo(SlurmTime.NONE);
        assertThat(j.timing().suspendTime()).isEqualTo(SlurmTime.NONE);
        assertThat(j.timing().secsPreSuspend()).isEqualTo(Duration.ZERO);
        assertThat(j.timing().delayBoot()).isEqualTo(Duration.ZERO);
        assertThat(j.placement().allocNode()).isEqualTo("localhost");
        assertThat(j.placement().allocSid()).isEqualTo(3252L);
        assertThat(j.placement().reqNodeList()).isEmpty();
        assertThat(j.placement().excNodeList()).isEmpty();
        assertThat(j.placement().nodeList()).isEqualTo("localhost");
        assertThat(j.placement().batchHost()).isEqualTo("localhost");
        assertThat(j.resources().numNodes()).isEqualTo(1);
        assertThat(j.resources().maxNodes()).isNull();
        assertThat(j.resources().numCpus()).isEqualTo(1);
        assertThat(j.resources().numTasks()).isEqualTo(1);
        assertThat(j.resources().cpusPerTask()).isEqualTo(1);
        assertThat(j.resources().reqBSCT()).isEqualTo("0:0:*:*");
        assertThat(j.resources().socksPerNode()).isEqualTo("*");
        assertThat(j.resources().ntasksPerNBSC()).isEqualTo("0:0:*:*");
        assertThat(j.resources().coreSpec()).isEqualTo("*");
        assertThat(j.resources().tres().asMap()).containsExactly(Map.entry("cpu", "1"), Map.entry("mem", "300M"),
                Map.entry("node", "1"), Map.entry("billing", "1"));
        assertThat(j.resources().jobGres()).isEmpty();
        assertThat(j.resources().minCpusNode()).isEqualTo(1);
        assertThat(j.resources().minMemory()).isEqualTo(MemoryRequest.perNode(300 * MemorySize.MIB));
        assertThat(j.resources().minTmpDiskNode()).isZero();
        assertThat(j.resources().features()).isEmpty();
        assertThat(j.resources().overSubscribe()).isEqualTo("OK");
        assertThat(j.resources().contiguous()).isFalse();
        assertThat(j.resources().licenses()).isEqualTo("matlab:1");
        assertThat(j.resources().network()).isEmpty();
        assertThat(j.resources().power()).isEmpty();
        assertThat(j.io().command()).isEqualTo("/srv/lab/jobs/steps.sh 1800");
        assertThat(j.io().workDir()).isEqualTo("/srv/lab/out");
        assertThat(j.io().stdErr()).isEqualTo("/srv/lab/out/slurm-14.out");
        assertThat(j.io().stdIn()).isEqualTo("/dev/null");
        assertThat(j.io().stdOut()).isEqualTo("/srv/lab/out/slurm-14.out");
        assertThat(j.nodeAllocations()).containsExactly(
                new JobNodeAllocation("localhost", "5", 300 * MemorySize.MIB, ""));
        assertThat(j.extras()).isEmpty();
        // a key 22.05 does not print stays "not supplied"
        assertThat(j.resources().reqTres()).isNull();
        assertThat(j.identity().arrayJobId()).isNull();
    }

    @Test
    void oneLinerRunningDropsTheSpaceScontrolPrintsAfterTheComment() {
        Job j = one("scontrol-job-oneliner-running");
        assertThat(j.jobId()).isEqualTo(14);
        assertThat(j.identity().comment()).isEqualTo("key=value spaces = signs; owner=ops team"); // scontrol's own trailing space dropped
        assertThat(j.io().command()).isEqualTo("/srv/lab/jobs/steps.sh 1800");
        assertThat(j.io().stdErr()).isEqualTo("/srv/lab/out/slurm-14.out");
        assertThat(j.resources().power()).isEmpty();
        assertThat(j.extras()).isEmpty();
        Job multi = one("scontrol-job-running-detail");
        // the -d form adds DerivedExitCode and the detail line; everything else is the same job
        assertThat(j.identity()).isEqualTo(multi.identity());
        assertThat(j.timing()).isEqualTo(multi.timing());
        assertThat(j.resources()).usingRecursiveComparison().ignoringFields("jobGres").isEqualTo(multi.resources());
        assertThat(j.io()).isEqualTo(multi.io());
        assertThat(j.status().derivedExitCode()).isNull();
        assertThat(j.resources().jobGres()).as("JOB_GRES is a -d key").isNull();
    }

    @Test
    void commentWithPipeAndEqualsStaysWhole() {
        Job j = one("scontrol-job-comment-with-pipe");
        assertThat(j.jobId()).isEqualTo(63);
        assertThat(j.name()).isEqualTo("commented");
        assertThat(j.identity().comment()).isEqualTo("key=value spaces = signs; owner=ops team|x"); // as sacct-comment-with-pipe-and-equals: scontrol's own trailing space is dropped
        assertThat(j.io().stdErr()).isEqualTo("/srv/lab/out/slurm-63.out");
        assertThat(j.state().state()).isEqualTo(JobState.Name.COMPLETED);
    }

    @Test
    void specialCharactersInNameStayWhole() {
        Job j = one("scontrol-job-special-chars-name-alice");
        assertThat(j.jobId()).isEqualTo(9);
        assertThat(j.name()).isEqualTo("a|b,c=d \"q\" 's'");
        assertThat(j.identity().user()).isEqualTo(new UserRef("alice", 1001L));
        assertThat(j.identity().account()).isEqualTo("physics");
        assertThat(j.extras()).isEmpty();
    }

    @Test
    void unicodeNameWithGres() {
        Job j = one("scontrol-job-running-unicode-name-gres");
        assertThat(j.jobId()).isEqualTo(15);
        assertThat(j.name()).isEqualTo("训练任务 中文名");
        assertThat(j.resources().tresPerNode()).isEqualTo("gres:gpu:1");
        assertThat(j.resources().tres().gpus()).hasValue(1);
        assertThat(j.timing().timeLimit()).isEqualTo(TimeLimit.of(Duration.ofMinutes(23 * 60 + 59)));
        assertThat(j.nodeAllocations()).isEmpty();
    }

    @Test
    void unicodeNameWithGresDetailLine() {
        Job j = one("scontrol-job-running-unicode-name-gres-detail");
        assertThat(j.name()).isEqualTo("训练任务 中文名");
        assertThat(j.resources().jobGres()).isEqualTo("gpu:1");
        assertThat(j.nodeAllocations()).containsExactly(
                new JobNodeAllocation("localhost", "2", 200 * MemorySize.MIB, "gpu:1(IDX:0)"));
    }

    @Test
    void arrayElementRunning() {
        Job j = one("scontrol-job-array-element-running");
        assertThat(j.jobId()).isEqualTo(19);
        assertThat(j.identity().arrayJobId()).isEqualTo(17L);
        assertThat(j.identity().arrayTaskId().tasks()).containsExactly(1);
        assertThat(j.identity().arrayTaskThrottle()).isEqualTo(2);
        assertThat(j.displayId()).hasToString("17_1");
        assertThat(j.resources().minMemory()).isEqualTo(MemoryRequest.perCpu(256 * MemorySize.MIB));
        assertThat(j.state().state()).isEqualTo(JobState.Name.RUNNING);
    }

    @Test
    void arrayRunningAndPendingRemainder() {
        List<Job> jobs = jobs("scontrol-job-array-running-and-pending");
        assertThat(jobs).extracting(Job::jobId).containsExactly(17L, 20L, 19L);
        Job meta = jobs.get(0);
        assertThat(meta.identity().arrayTaskId().raw()).isEqualTo("3-6%2");
        assertThat(meta.identity().arrayTaskId().tasks()).containsExactly(3, 4, 5, 6);
        assertThat(meta.identity().arrayTaskId().throttle()).isEqualTo(2);
        assertThat(meta.displayId()).hasToString("17_[3-6%2]");
        assertThat(meta.status().reason()).isEqualTo("JobArrayTaskLimit");
        assertThat(meta.timing().eligibleTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(meta.timing().startTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(meta.placement().nodeList()).isEmpty();
        assertThat(meta.placement().batchHost()).isNull();
        assertThat(meta.timing().preemptEligibleTime()).isNull();
        assertThat(meta.io().stdOut()).isEqualTo("/home/alice/slurm-17_4294967294.out");
        assertThat(jobs.get(1).displayId()).hasToString("17_2");
        assertThat(jobs.get(2).displayId()).hasToString("17_1");
    }

    @Test
    void arrayAllPendingAndHeld() {
        Job pending = one("scontrol-job-array-all-pending");
        assertThat(pending.jobId()).isEqualTo(40);
        assertThat(pending.identity().arrayTaskId().raw()).isEqualTo("1-5%2");
        assertThat(pending.status().reason()).isEqualTo("BeginTime");
        Job held = one("scontrol-job-array-held");
        assertThat(held.jobId()).isEqualTo(40);
        assertThat(held.status().reason()).isEqualTo("JobHeldAdmin");
        assertThat(held.status().priority()).isZero();
    }

    /**
     * Each task of a held array cancelled one by one (scancel 17_1, then 17_2): the array's own
     * record stays, CANCELLED, with Slurm's NO_VAL as ArrayTaskId. It has no task left: read as none,
     * so its id is the plain job id, as squeue prints it ("N/A" task), not a parse error that would
     * stop every listing of the cluster until slurmctld forgets the job.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"slurm-22.05", "slurm-24.11", "slurm-26.05"})
    void arrayWhoseTasksWereAllCancelledHasNoTaskLeft(String corpus) {
        Fixtures.Case c = Fixtures.load(corpus, "scontrol-job-array-tasks-all-cancelled");
        assertThat(c.stdout()).contains("ArrayTaskId=4294967294 ");
        List<Job> parsed = ScontrolParser.parseJobs(c.stdout());
        assertThat(parsed).hasSize(1);
        Job meta = parsed.get(0);
        long id = Long.parseLong(c.cmd().replaceAll("\\D+", " ").trim());
        assertThat(meta.jobId()).isEqualTo(id);
        assertThat(meta.identity().arrayJobId()).isEqualTo(id);
        assertThat(meta.identity().arrayTaskId()).isNull();
        assertThat(meta.displayId()).isEqualTo(JobId.of(id));
        assertThat(meta.name()).isEqualTo("cap-array-tasks-cancelled");
        assertThat(meta.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(meta.status().reason()).isEqualTo("JobHeldUser");
    }

    @Test
    void arrayFinishedMixed() {
        List<Job> jobs = jobs("scontrol-job-array-finished-mixed");
        assertThat(jobs).hasSize(4);
        assertThat(jobs).extracting(j -> j.displayId().toString()).containsExactly("10_4", "10_3", "10_2", "10_1");
        Map<String, ExitCode> codes = jobs.stream()
                .collect(Collectors.toMap(j -> j.displayId().toString(), j -> j.status().exitCode()));
        assertThat(codes.get("10_3")).isEqualTo(new ExitCode(1, 0));
        assertThat(codes.get("10_4")).isEqualTo(ExitCode.SUCCESS);
        assertThat(jobs.get(1).state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(jobs.get(1).status().reason()).isEqualTo("NonZeroExitCode");
    }

    @Test
    void hetJobPendingHasBothComponents() {
        List<Job> jobs = jobs("scontrol-job-hetjob-pending");
        assertThat(jobs).extracting(Job::jobId).containsExactly(21L, 22L);
        assertThat(jobs).extracting(j -> j.displayId().toString()).containsExactly("21+0", "21+1");
        assertThat(jobs.get(1).identity().hetJobIdSet()).isEqualTo("21-22");
        assertThat(jobs.get(1).identity().partition()).isEqualTo("gpu");
        assertThat(jobs.get(0).placement().nodeList()).isEmpty();
        assertThat(jobs.get(0).placement().schedNodeList()).isEqualTo("localhost");
        assertThat(jobs.get(0).status().scheduler()).isEqualTo("Backfill:*");
        assertThat(jobs.get(1).resources().tresPerNode()).isEqualTo("gres:gpu:1");
        List<Job> oneLiners = jobs("scontrol-job-oneliner-hetjob-pending");
        assertThat(oneLiners).isEqualTo(jobs);
    }

    @Test
    void cancelledStates() {
        Job after = one("scontrol-job-cancelled-after-start");
        assertThat(after.jobId()).isEqualTo(46);
        assertThat(after.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(after.status().exitCode()).isEqualTo(new ExitCode(0, 15));
        assertThat(after.resources().numCpus()).isEqualTo(2);
        Job before = one("scontrol-job-cancelled-before-start");
        assertThat(before.jobId()).isEqualTo(31);
        assertThat(before.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(before.status().reason()).isEqualTo("BeginTime");
        assertThat(before.timing().startTime()).isEqualTo(before.timing().endTime());
        assertThat(before.timing().runTime()).isEqualTo(Duration.ZERO);
        assertThat(before.resources().numTasks()).as("NumTasks=N/A").isNull();
    }

    @Test
    void completedAndCompleting() {
        Job done = one("scontrol-job-completed");
        assertThat(done.jobId()).isEqualTo(2);
        assertThat(done.name()).isEqualTo("complete-ok");
        assertThat(done.state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(done.timing().timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        Job completing = one("scontrol-job-completing");
        assertThat(completing.jobId()).isEqualTo(49);
        assertThat(completing.state().state()).isEqualTo(JobState.Name.COMPLETING);
        assertThat(completing.timing().timeLimit().asDuration()).hasValue(Duration.ofDays(365));
        Job oneLiner = one("scontrol-job-oneliner-completing");
        assertThat(oneLiner.identity()).isEqualTo(completing.identity());
        assertThat(oneLiner.state()).isEqualTo(completing.state());
    }

    @Test
    void deadlineState() {
        Job j = one("scontrol-job-deadline-state");
        assertThat(j.jobId()).isEqualTo(47);
        assertThat(j.state().state()).isEqualTo(JobState.Name.DEADLINE);
        assertThat(j.status().reason()).isEqualTo("DeadLine");
        assertThat(j.status().exitCode()).isEqualTo(new ExitCode(0, 1));
        assertThat(j.placement().nodeList()).isEmpty();
        assertThat(j.timing().deadline().isSet()).isTrue();
        assertThat(j.timing().startTime()).isEqualTo(j.timing().endTime());
    }

    @Test
    void failedExitCodes() {
        Job signal = one("scontrol-job-failed-by-signal-exit138");
        assertThat(signal.jobId()).isEqualTo(14);
        assertThat(signal.name()).isEqualTo("renamed-steps-long");
        assertThat(signal.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(signal.status().exitCode()).isEqualTo(new ExitCode(138, 0));
        Job exit3 = one("scontrol-job-failed-exit3");
        assertThat(exit3.jobId()).isEqualTo(3);
        assertThat(exit3.status().exitCode()).isEqualTo(new ExitCode(3, 0));
        assertThat(exit3.status().reason()).isEqualTo("NonZeroExitCode");
        Job memkill = one("scontrol-job-memkill-failed");
        assertThat(memkill.jobId()).isEqualTo(7);
        assertThat(memkill.status().exitCode()).isEqualTo(new ExitCode(0, 9));
        assertThat(memkill.status().reason()).isEqualTo("JobLaunchFailure");
        Job sigkill = one("scontrol-job-sigkill-failed");
        assertThat(sigkill.jobId()).isEqualTo(8);
        assertThat(sigkill.status().exitCode()).isEqualTo(new ExitCode(0, 9));
        assertThat(sigkill.state().state()).isEqualTo(JobState.Name.FAILED);
        Job oom = one("scontrol-job-out-of-memory-cgroup");
        assertThat(oom.jobId()).isEqualTo(66);
        assertThat(oom.state().state()).isEqualTo(JobState.Name.OUT_OF_MEMORY);
        assertThat(oom.status().exitCode()).isEqualTo(new ExitCode(0, 125));
        Job timeout = one("scontrol-job-timeout");
        assertThat(timeout.jobId()).isEqualTo(5);
        assertThat(timeout.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(timeout.status().reason()).isEqualTo("TimeLimit");
        assertThat(timeout.timing().timeLimit()).isEqualTo(TimeLimit.ofMinutes(1));
    }

    @Test
    void nodeFailAndRequeue() {
        Job nf = one("scontrol-job-node-fail");
        assertThat(nf.jobId()).isEqualTo(64);
        assertThat(nf.state().state()).isEqualTo(JobState.Name.NODE_FAIL);
        assertThat(nf.status().reason()).isEqualTo("NodeDown");
        Job requeued = one("scontrol-job-requeued-after-node-fail");
        assertThat(requeued.jobId()).isEqualTo(65);
        assertThat(requeued.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(requeued.status().restarts()).isEqualTo(1);
        Job rq = one("scontrol-job-requeued-pending");
        assertThat(rq.jobId()).isEqualTo(16);
        assertThat(rq.status().reason()).isEqualTo("BeginTime");
        assertThat(rq.status().restarts()).isEqualTo(1);
        Job hold = one("scontrol-job-requeue-hold");
        assertThat(hold.displayId()).hasToString("17_2");
        assertThat(hold.status().reason()).isEqualTo("job_requeued_in_held_state");
        Job preempted = one("scontrol-job-preempted");
        assertThat(preempted.displayId()).hasToString("17_1");
        assertThat(preempted.state().state()).isEqualTo(JobState.Name.PREEMPTED);
        assertThat(preempted.status().exitCode()).isEqualTo(new ExitCode(0, 15));
    }

    @Test
    void pendingReasons() {
        Job assoc = one("scontrol-job-pending-assoc-max-jobs");
        assertThat(assoc.jobId()).isEqualTo(38);
        assertThat(assoc.identity().user()).isEqualTo(new UserRef("bob", 1002L));
        assertThat(assoc.status().reason()).isEqualTo("AssocMaxJobsLimit");
        Job dep = one("scontrol-job-pending-dependency");
        assertThat(dep.jobId()).isEqualTo(27);
        assertThat(dep.status().dependency()).isEqualTo("afterok:14(unfulfilled)");
        Job never = one("scontrol-job-pending-dependency-never-satisfied");
        assertThat(never.jobId()).isEqualTo(28);
        assertThat(never.status().reason()).isEqualTo("DependencyNeverSatisfied");
        assertThat(never.status().dependency()).isEqualTo("afterok:3(failed)");
        Job heldUser = one("scontrol-job-pending-held-user");
        assertThat(heldUser.jobId()).isEqualTo(26);
        assertThat(heldUser.status().reason()).isEqualTo("JobHeldUser");
        Job uhold = one("scontrol-job-pending-held-user-by-uhold");
        assertThat(uhold.jobId()).isEqualTo(45);
        assertThat(uhold.status().reason()).isEqualTo("JobHeldUser");
        Job lic = one("scontrol-job-pending-licenses");
        assertThat(lic.jobId()).isEqualTo(37);
        assertThat(lic.resources().licenses()).isEqualTo("matlab:2");
        assertThat(lic.status().reason()).isEqualTo("Licenses");
        Job cpt = one("scontrol-job-pending-multi-partition-cpus-per-task");
        assertThat(cpt.jobId()).isEqualTo(23);
        assertThat(cpt.resources().numCpus()).isEqualTo(8);
        assertThat(cpt.resources().numTasks()).isEqualTo(4);
        assertThat(cpt.resources().cpusPerTask()).isEqualTo(2);
        assertThat(cpt.resources().minMemory()).isEqualTo(MemoryRequest.perCpu(100 * MemorySize.MIB));
        Job down = one("scontrol-job-pending-nodes-down-reason-with-commas");
        assertThat(down.jobId()).isEqualTo(34);
        assertThat(down.status().reason()).isEqualTo(
                "Nodes_required_for_job_are_DOWN,_DRAINED_or_reserved_for_jobs_in_higher_priority_partitions");
        assertThat(down.resources().numNodes()).isEqualTo(2);
        assertThat(down.resources().maxNodes()).isEqualTo(2);
        assertThat(down.timing().timeLimit()).isEqualTo(TimeLimit.of(Duration.ofDays(2)));
        Job limit = one("scontrol-job-pending-partition-node-limit");
        assertThat(limit.jobId()).isEqualTo(57);
        assertThat(limit.status().reason()).isEqualTo("PartitionNodeLimit");
        Job res = one("scontrol-job-pending-resources");
        assertThat(res.jobId()).isEqualTo(24);
        assertThat(res.status().reason()).isEqualTo("Resources");
        assertThat(res.timing().startTime().isSet()).isTrue();
        Job bob = one("scontrol-job-running-cpus-per-task-bob");
        assertThat(bob.jobId()).isEqualTo(16);
        assertThat(bob.resources().cpusPerTask()).isEqualTo(2);
        assertThat(bob.timing().timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
    }

    @Test
    void oneLinerLongNameAndSlurmdDown() {
        Job j = one("scontrol-job-oneliner-pending-priority-long-name");
        assertThat(j.jobId()).isEqualTo(42);
        assertThat(j.name()).hasSize(19 + 14 * 10 + 4).startsWith("very-long-job-name-").endsWith("-end");
        assertThat(j.status().reason()).isEqualTo("Priority");
        Job down = one("scontrol-job-oneliner-completed-while-slurmd-down");
        assertThat(down.jobId()).isEqualTo(38);
        assertThat(down.identity().user()).isEqualTo(new UserRef("bob", 1002L));
        assertThat(down.state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(down.timing().runTime()).isEqualTo(Duration.ofSeconds(63));
    }

    @Test
    void allJobsMultilineEqualsOneLinerAndDetail() {
        List<Job> multi = jobs("scontrol-job-all-multiline");
        List<Job> oneLiner = jobs("scontrol-job-all-oneliner");
        List<Job> detail = jobs("scontrol-job-all-detail");
        assertThat(multi).hasSize(61);
        assertThat(oneLiner).hasSize(61);
        assertThat(detail).hasSize(61);
        Map<JobState.Name, Long> byState = multi.stream()
                .collect(Collectors.groupingBy(j -> j.state().state(), Collectors.counting()));
        assertThat(byState).containsEntry(JobState.Name.PENDING, 28L).containsEntry(JobState.Name.RUNNING, 5L)
                .containsEntry(JobState.Name.CANCELLED, 5L).containsEntry(JobState.Name.DEADLINE, 1L);
        // -o drops DerivedExitCode; otherwise the same jobs
        for (int i = 0; i < multi.size(); i++) {
            Job m = multi.get(i);
            Job o = oneLiner.get(i);
            assertThat(o.identity()).as("job %s", m.jobId()).isEqualTo(m.identity());
            assertThat(o.timing()).isEqualTo(m.timing());
            assertThat(o.resources()).isEqualTo(m.resources());
            assertThat(o.placement()).isEqualTo(m.placement());
            assertThat(o.io()).isEqualTo(m.io());
            assertThat(o.extras()).isEqualTo(m.extras()).isEmpty();
        }
        Map<Long, Job> byId = multi.stream().collect(Collectors.toMap(Job::jobId, Function.identity()));
        Job suspended = byId.get(18L);
        assertThat(suspended.io().workDir()).isEqualTo("/srv/lab/work dir with spaces");
        assertThat(byId.get(55L).identity().qos()).as("QOS= (empty)").isEmpty();
        assertThat(multi.stream().filter(j -> "cpu_future".equals(j.identity().reservation()))).hasSize(1);
        long withDetail = detail.stream().filter(j -> !j.nodeAllocations().isEmpty()).count();
        assertThat(withDetail).isEqualTo(25);
        assertThat(detail.stream().mapToInt(j -> j.nodeAllocations().size()).sum()).isEqualTo(25);
        assertThat(detail).extracting(Job::identity).isEqualTo(multi.stream().map(Job::identity).toList());
    }

    @Test
    void streamingGivesTheSameJobs() {
        String text = Fixtures.load("scontrol-job-all-oneliner").stdout();
        List<Job> streamed = new ArrayList<>();
        ScontrolParser.parseJobs(new StringReader(text), streamed::add);
        assertThat(streamed).isEqualTo(ScontrolParser.parseJobs(text));
    }

    @Test
    void noJobsIsEmpty() {
        assertThat(ScontrolParser.parseJobs("No jobs in the system\n")).isEmpty();
        assertThat(ScontrolParser.parseJobs("")).isEmpty();
        assertThat(ScontrolParser.parseJobs("\n\n")).isEmpty();
    }
}
