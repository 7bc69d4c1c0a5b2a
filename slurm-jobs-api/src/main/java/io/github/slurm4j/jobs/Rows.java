package io.github.slurm4j.jobs;

import io.github.slurm4j.model.ArrayTaskSpec;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import java.time.Instant;
import java.util.OptionalLong;

/** Rows and jobs made from what squeue and sacct print; package-private. */
final class Rows {
    private Rows() {
    }

    static Instant instant(SlurmTime t, Cluster c) {
        return t == null ? null : t.toInstant(c.zone()).orElse(null);
    }

    static JobRow fromQueue(SqueueRow r, Cluster c) {
        JobState state = r.state() == null ? JobState.parse("UNKNOWN") : r.state();
        Long prio = longOrNull(r.extras().get("PriorityLong"));
        Instant started = state.is(JobState.Name.PENDING) ? null : instant(r.startTime(), c);
        Instant finished = state.isFinished() ? instant(r.endTime(), c) : null;
        String id = r.jobId() == null ? r.extras().get("JobID") : r.jobId().toString();
        // devices: the job's GPUs (allocated, or requested while pending: squeue's tres-alloc), else its CPUs
        Long gpus = gpus(r.tresAlloc());
        boolean onGpus = gpus != null && gpus > 0;
        Integer devices = onGpus ? Integer.valueOf(gpus.intValue()) : r.cpus();
        return new JobRow(id, id + "-" + c.host(), r.name(), r.user(), r.partition(), JobStatuses.of(state, r.reason()),
                devices, onGpus, preemptible(c, r.partition(), r.qos()),
                prio == null ? null : Priorities.fromSlurmPriority(prio, c.priorityUnit()),
                instant(r.submitTime(), c), started, finished, PendingReasons.code(r.reason()),
                SubmitTokens.strip(r.extras().get("Comment")), true);
    }

    static JobRow fromAccounting(AccountingRecord r, Cluster c) {
        JobState state = r.state() == null ? JobState.parse("UNKNOWN") : r.state();
        Long gpus = gpus(r.allocTres());
        if (gpus == null) {
            gpus = gpus(r.reqTres());
        }
        Long cpus = r.allocCpus() != null && r.allocCpus() > 0 ? r.allocCpus() : r.ncpus();
        Integer devices = gpus != null && gpus > 0 ? Integer.valueOf(gpus.intValue()) : cpus == null ? null : Integer.valueOf(cpus.intValue());
        String id = r.jobId() == null ? null : r.jobId().toString();
        return new JobRow(id, id + "-" + c.host(), r.jobName(), r.user(), r.partition(), JobStatuses.of(state, r.reason()),
                devices, gpus != null && gpus > 0, preemptible(c, r.partition(), r.qos()),
                r.priority() == null ? null : Priorities.fromSlurmPriority(r.priority(), c.priorityUnit()),
                instant(r.submit(), c), instant(r.start(), c), state.isFinished() ? instant(r.end(), c) : null,
                PendingReasons.code(r.reason()), SubmitTokens.strip(r.comment()), false);
    }

    private static Long gpus(Tres t) {
        if (t == null) {
            return null;
        }
        OptionalLong g = t.gpus();
        return g.isPresent() ? g.getAsLong() : null;
    }

    static boolean preemptible(Cluster c, String partition, String qos) {
        return (partition != null && c.preemptible().contains(partition)) || (qos != null && c.preemptible().contains(qos));
    }

    private static Long longOrNull(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A job that slurmctld has forgotten, from its accounting row: what sacct prints, and
     * {@code null} for the rest (see the README for the environment keys that are then null).
     */
    static Job jobFromAccounting(AccountingRecord r) {
        JobId id = r.jobId();
        JobId raw = r.jobIdRaw();
        long own = raw != null ? raw.id() : id == null ? 0 : id.id();
        Job.Builder b = Job.builder(own);
        if (id != null && id.arrayTask() != null) {
            b.arrayJobId(id.id());
            try {
                b.arrayTaskId(ArrayTaskSpec.parse(id.arrayTask()));
            } catch (IllegalArgumentException e) {
                // a task spec sacct prints that ArrayTaskSpec does not read stays out
            }
        }
        b.name(r.jobName()).account(r.account()).qos(r.qos()).partition(r.partition()).comment(SubmitTokens.strip(r.comment()));
        if (r.user() != null) {
            b.user(new UserRef(r.user(), null));
        }
        if (r.group() != null) {
            b.group(new UserRef(r.group(), null));
        }
        b.state(r.state()).reason(r.reason()).priority(r.priority()).exitCode(r.exitCode()).derivedExitCode(r.derivedExitCode());
        if (r.restarts() != null) {
            b.restarts(r.restarts().intValue());
        }
        b.runTime(r.elapsed()).timeLimit(r.timelimit()).submitTime(r.submit()).eligibleTime(r.eligible())
                .startTime(r.start()).endTime(r.end());
        if (r.nnodes() != null) {
            b.numNodes(r.nnodes().intValue());
        }
        Long cpus = r.allocCpus() != null && r.allocCpus() > 0 ? r.allocCpus() : r.ncpus();
        if (cpus != null) {
            b.numCpus(cpus.intValue());
        }
        b.reqTres(r.reqTres()).allocTres(r.allocTres()).minMemory(r.reqMem()).features(r.constraints());
        if (r.nodeList() != null && !r.nodeList().isEmpty()) {
            b.nodeList(String.join(",", r.nodeList()));
        }
        b.workDir(r.workDir());
        return b.build();
    }

    /** The job with its comment as the user gave it (the submission token removed). */
    static Job withUserComment(Job j) {
        Job.Identity i = j.identity();
        String stripped = SubmitTokens.strip(i.comment());
        if (java.util.Objects.equals(stripped, i.comment())) {
            return j;
        }
        Job.Identity n = new Job.Identity(i.jobId(), i.arrayJobId(), i.arrayTaskId(), i.arrayTaskThrottle(), i.hetJobId(),
                i.hetJobOffset(), i.hetJobIdSet(), i.name(), i.user(), i.group(), i.mcsLabel(), i.account(), i.qos(),
                i.wckey(), i.partition(), i.reservation(), stripped == null ? "" : stripped, i.adminComment(),
                i.systemComment(), i.extra(), i.mailUser(), i.mailType(), i.container(), i.containerId(), i.selinuxContext());
        return new Job(n, j.status(), j.timing(), j.resources(), j.placement(), j.io(), j.nodeAllocations(), j.extras());
    }
}
