package io.github.slurm4j.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.testkit.Lab;
import io.github.slurm4j.testkit.LabCluster;
import io.github.slurm4j.testkit.UsesLab;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The client while a Slurm daemon is stopped (as root, on this machine or in the cluster's chroot): slurmctld down gives
 * {@code controller_unavailable} within a bounded time (never a parse error, never an empty list)
 * while accounting keeps working; slurmdbd down gives {@code accounting_unavailable} while the
 * queue keeps working. The daemons are always started again.
 *
 * <p>Measured on the lab (22.05): with slurmctld stopped, squeue, scontrol show node and sbatch
 * retry for about 9 s and scontrol show job for about 18 s before printing {@code Unable to
 * contact slurm controller}; scontrol ping answers DOWN at once. A client timeout shorter than
 * that ends the command, and the client then asks ping, which turns the timeout into
 * {@code controller_unavailable}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("SlurmClient with a daemon stopped on Slurm 22.05")
@UsesLab("22.05")
class SlurmFaultsIT {
    static final Duration SHORT = Duration.ofSeconds(4);
    /** The timeout plus the ping that explains it, plus slack for a loaded 2-core machine. */
    static final Duration BOUND = SHORT.plusSeconds(6);

    Shell shell;
    /** A client with a short timeout, shorter than Slurm's own retries. */
    SlurmClient quick;
    /** A client whose timeout outlasts Slurm's retries: the error comes from Slurm's own text. */
    SlurmClient patient;
    JobId finished;

    /** The lab cluster: 22.05 here, a newer version in the subclasses. */
    protected LabCluster cluster() {
        return Lab.SLURM_22_05;
    }

    @BeforeAll
    void setUp() {
        cluster().requireSlurm();
        shell = LabShells.root(cluster());
        quick = SlurmClient.builder(shell).timeout(SHORT).build();
        patient = SlurmClient.builder(shell).timeout(Duration.ofSeconds(60)).build();
        finished = patient.submit(SubmitRequest.wrap("true").name("it-faults").output("/dev/null")
                .workingDirectory("/tmp").build()).jobId();
        // finished and stored by slurmdbd (not its placeholder row)
        AbstractSlurmClientIT.await("job " + finished + " stored in sacct", Duration.ofSeconds(40),
                () -> patient.accounting(AccountingQuery.builder().jobId(finished).allocationsOnly().build()),
                r -> AbstractSlurmClientIT.stored(r) && r.get(0).state().isFinished());
    }

    @AfterAll
    void tearDown() {
        try {
            // only when needed: lab.sh takes a lock that other users of the lab may hold
            if (!controllerUp()) {
                cluster().control("start", "slurmctld");
            }
            if (!accountingUp()) {
                cluster().control("start", "slurmdbd");
            }
        } finally {
            if (shell != null) {
                shell.close();
            }
        }
    }

    boolean controllerUp() {
        try {
            return quick.ping().stream().anyMatch(ControllerStatus::up);
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean accountingUp() {
        try {
            patient.accounting(AccountingQuery.builder().jobId(finished).build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code call}, which must fail with {@code type} within {@code bound}. */
    static SlurmCommandException fails(String what, SlurmErrorType type, Duration bound, Runnable call) {
        long t0 = System.nanoTime();
        SlurmCommandException error = null;
        try {
            call.run();
        } catch (SlurmCommandException e) {
            error = e;
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": expected " + type + ", got " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (error == null) {
            fail(what + ": expected " + type + ", but it succeeded");
        }
        assertThat(error.type()).as("%s: %s", what, error.getMessage()).isEqualTo(type);
        assertThat(took).as("%s took %s", what, took).isLessThan(bound);
        return error;
    }

    @Test
    @Order(1)
    void controllerStopped() {
        try {
            cluster().control("stop", "slurmctld");
            SlurmCommandException e = fails("jobs", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND, () -> quick.jobs(JobQuery.all()));
            assertThat(e.getMessage()).contains("squeue").contains("DOWN");
            fails("job", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND, () -> quick.job(finished));
            fails("nodes", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND, () -> quick.nodes());
            fails("submit", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND,
                    () -> quick.submit(SubmitRequest.wrap("true").output("/dev/null").workingDirectory("/tmp").build()));
            fails("statusOf", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND, () -> quick.statusOf(List.of(finished)));
            fails("hold", SlurmErrorType.CONTROLLER_UNAVAILABLE, BOUND, () -> quick.hold(finished));
            // ping is the health check: every controller DOWN is its answer, not an error
            long t0 = System.nanoTime();
            assertThat(quick.ping()).extracting(ControllerStatus::up).containsExactly(false);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(SHORT);
            // with a timeout longer than Slurm's retries, Slurm's own text says it (about 9 s)
            SlurmCommandException own = fails("jobs (patient)", SlurmErrorType.CONTROLLER_UNAVAILABLE, Duration.ofSeconds(40),
                    () -> patient.jobs(JobQuery.all()));
            assertThat(own.getMessage()).contains("Unable to contact slurm controller");
            // accounting does not need slurmctld (asked patiently: seff is a Perl script that took over
            // 4 s on a loaded machine; what is checked here is that it answers, not how fast)
            List<AccountingRecord> acct = patient.accounting(AccountingQuery.builder().jobId(finished).allocationsOnly().build());
            assertThat(acct).singleElement().satisfies(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.COMPLETED));
            assertThat(patient.efficiency(finished).state().state()).isEqualTo(JobState.Name.COMPLETED);
        } finally {
            cluster().control("start", "slurmctld");
        }
        assertThat(quick.ping()).extracting(ControllerStatus::up).containsExactly(true);
        assertThat(patient.jobRecords(finished)).singleElement()
                .satisfies(j -> assertThat(j.state().state()).isEqualTo(JobState.Name.COMPLETED));
        assertThat(patient.node("localhost").hardware().cpuTotal()).isEqualTo(8);
        assertThat(patient.jobs(JobQuery.all())).isNotNull();
        assertThat(patient.statusOf(List.of(finished)).get(finished).state().state()).isEqualTo(JobState.Name.COMPLETED);
    }

    @Test
    @Order(2)
    void accountingStopped() {
        try {
            cluster().control("stop", "slurmdbd");
            fails("accounting", SlurmErrorType.ACCOUNTING_UNAVAILABLE, Duration.ofSeconds(30),
                    () -> patient.accounting(AccountingQuery.builder().jobId(finished).build()));
            fails("efficiency", SlurmErrorType.ACCOUNTING_UNAVAILABLE, Duration.ofSeconds(30),
                    () -> patient.efficiency(finished));
            // the queue does not need slurmdbd
            assertThat(patient.nodes()).isNotEmpty();
            assertThat(patient.jobRecords(finished)).singleElement()
                    .satisfies(j -> assertThat(j.state().state()).isEqualTo(JobState.Name.COMPLETED));
            assertThat(patient.jobs(JobQuery.all())).isNotNull();
            // a job slurmctld still holds: the queue's (final) state, without the exit code sacct would add
            JobStatus st = patient.statusOf(List.of(finished)).get(finished);
            assertThat(st.state().state()).isEqualTo(JobState.Name.COMPLETED);
            assertThat(st.source()).isEqualTo(JobStatus.Source.QUEUE);
            // a job neither knows: never reported as gone while accounting is down
            fails("statusOf unknown", SlurmErrorType.ACCOUNTING_UNAVAILABLE, Duration.ofSeconds(30),
                    () -> patient.statusOf(List.of(JobId.of(999_999))));
        } finally {
            cluster().control("start", "slurmdbd");
        }
        Supplier<List<AccountingRecord>> acct = () -> patient.accounting(AccountingQuery.builder().jobId(finished).allocationsOnly().build());
        assertThat(acct.get()).singleElement().satisfies(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.COMPLETED));
        assertThat(patient.efficiency(finished).state().state()).isEqualTo(JobState.Name.COMPLETED);
    }
}
