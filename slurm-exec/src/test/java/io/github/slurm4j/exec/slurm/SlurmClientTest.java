package io.github.slurm4j.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ShellTimeoutException;
import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmErrorType;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.ActionResult;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.model.metrics.JobPid;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.parse.SeffParser;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.testkit.FakeReply;
import io.github.slurm4j.testkit.FakeShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Slurm command layer over a {@link FakeShell}: argument lists, parsing of real outputs, error mapping. */
class SlurmClientTest {
    static final Path FIXTURES = Fixtures.corpus(Fixtures.SLURM_22_05);
    static final String US = "\u001f";

    final FakeShell shell = new FakeShell();
    final SlurmClient slurm = new SlurmClient(shell);

    static FakeReply fixture(String name) {
        return FakeShell.readCase(FIXTURES.resolve(name));
    }

    static String fixtureText(String name, String file) {
        try {
            return Files.readString(FIXTURES.resolve(name).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One squeue line in the client's -O format. */
    static String squeueLine(Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String f : SlurmCommands.ListJobs.FIELDS) {
            cells.add(values.getOrDefault(f, defaults(f)));
        }
        return String.join(US, cells) + US + "\n";
    }

    private static String defaults(String field) {
        switch (field) {
            case "TimeUsed": return "0:00";
            case "TimeLimit": return "1:00:00";
            case "NumNodes": case "NumCPUs": return "1";
            case "SubmitTime": return "2026-11-20T22:25:33";
            case "StartTime": case "EndTime": return "N/A";
            case "Reason": return "None";
            case "ArrayJobID": case "ArrayTaskID": return "N/A";
            default: return "";
        }
    }

    static String runningJob(long id, String name) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("JobArrayID", Long.toString(id));
        v.put("JobID", Long.toString(id));
        v.put("Name", name);
        v.put("UserName", "alice");
        v.put("State", "RUNNING");
        v.put("NodeList", "localhost");
        v.put("Partition", "debug");
        return squeueLine(v);
    }

    /**
     * Rows of fixture {@code sacct-parsable2-many-fields-all} (sacct -P with a header) re-printed
     * in the client's form: the given fields, U+001F between them, a field the capture lacks empty
     * ({@code Cluster}: {@code localcluster}). Rows whose JobName holds '|' are skipped.
     */
    static String sacctRows(List<String> fields, Predicate<String> jobId) {
        String[] lines = fixtureText("sacct-parsable2-many-fields-all", "stdout").split("\n");
        List<String> header = Arrays.asList(lines[0].split("\\|", -1));
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\\|", -1);
            if (cells.length != header.size() || !jobId.test(cells[0])) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (String f : fields) {
                int at = header.indexOf(f);
                out.add(at >= 0 ? cells[at] : f.equals("Cluster") ? "localcluster" : "");
            }
            sb.append(String.join(US, out)).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ squeue

    @Test
    void listJobsRunsOneSqueueWithAnUnambiguousFormatAndFilters() {
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(runningJob(14, "a|b,c=d \"q\" 's'") + runningJob(15, "训练任务 中文名")));
        List<SqueueRow> rows = slurm.jobs(JobQuery.builder().user("alice").user("bob").state(JobState.Name.RUNNING)
                .state(JobState.Name.PENDING).partition("debug").build());
        assertThat(shell.commands()).containsExactly(List.of("squeue", "--noheader", "--array", "-O",
                SlurmCommands.ListJobs.FORMAT, "--user=alice,bob", "--states=PENDING,RUNNING", "--partition=debug"));
        assertThat(SlurmCommands.ListJobs.FORMAT).startsWith("JobArrayID:" + US + ",JobID:" + US + ",").endsWith(",EndTime:" + US + ",tres-alloc:" + US);
        assertThat(shell.lastRequest().environment()).containsEntry("SLURM_TIME_FORMAT", "standard");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(14));
        assertThat(rows.get(0).name()).isEqualTo("a|b,c=d \"q\" 's'");
        assertThat(rows.get(0).truncated()).isEmpty();
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(rows.get(0).nodeList()).isEqualTo("localhost");
        assertThat(rows.get(1).name()).isEqualTo("训练任务 中文名");
        Job job = rows.get(1).toJob();
        assertThat(job.jobId()).isEqualTo(15);
    }

    @Test
    void emptyQueueIsAnEmptyListOnlyWhenSqueueSucceeded() {
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(""));
        assertThat(slurm.jobs(JobQuery.all())).isEmpty();
        assertThat(shell.lastRequest().command()).containsExactly("squeue", "--noheader", "--array", "-O", SlurmCommands.ListJobs.FORMAT);
    }

    @Test
    void controllerDownIsATypedErrorNeverAnEmptyList() {
        shell.enqueuePrefix(List.of("squeue"), fixture("ctld-down-squeue"));
        assertThatThrownBy(() -> slurm.jobs(JobQuery.all()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE);
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.command()).startsWith("squeue --noheader").contains("(on fake)");
                });
    }

    @Test
    void squeueErrorWithExitZeroAndAHeaderOnStdoutIsStillAnError() {
        // squeue -u nosuchuser: header on stdout, error on stderr, exit 0
        shell.enqueuePrefix(List.of("squeue"), fixture("squeue-error-invalid-user"));
        assertThatThrownBy(() -> slurm.jobs(JobQuery.builder().user("nosuchuser").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT);
                    assertThat(e.exitCode()).isZero();
                    assertThat(e.getMessage()).contains("Invalid user: nosuchuser");
                });
    }

    @Test
    void unknownJobIdInAListIsJobNotFound() {
        shell.enqueuePrefix(List.of("squeue"), fixture("squeue-error-invalid-job"));
        assertThatThrownBy(() -> slurm.jobs(JobQuery.builder().jobId(JobId.of(999999)).build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
        assertThat(shell.lastRequest().command()).contains("--jobs=999999");
    }

    @Test
    void truncatedOutputIsNotParsedPartially() {
        SlurmClient c = new SlurmClient(new TruncatingShell(runningJob(1, "x")));
        assertThatThrownBy(c::jobs).isInstanceOf(io.github.slurm4j.exec.ShellException.class)
                .hasMessageContaining("output limit");
    }

    @Test
    void clusterOptionGoesToEveryCommandAndSqueueClusterLinesAreDropped() {
        SlurmClient c = SlurmClient.builder(shell).cluster("c2").timeout(Duration.ofSeconds(5)).build();
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok("CLUSTER: c2\n" + runningJob(7, "x")));
        shell.enqueuePrefix(List.of("scontrol"), FakeReply.ok("").repeating());
        shell.enqueuePrefix(List.of("scancel"), FakeReply.of(0, "", "scancel: Terminating job 7\n"));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(""));
        assertThat(c.jobs(JobQuery.all())).extracting(SqueueRow::jobId).containsExactly(JobId.of(7));
        c.hold(JobId.of(7));
        c.cancel(JobId.of(7));
        c.accounting(AccountingQuery.builder().build());
        assertThat(shell.commands()).allSatisfy(argv -> assertThat(argv.subList(1, 3)).containsExactly("-M", "c2"));
        assertThat(shell.requests()).allSatisfy(r -> assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> c.stepStats(JobId.of(7))).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ status of N jobs

    @Test
    void statusOfAThousandJobsCostsTwoCommands() {
        List<JobId> ids = new ArrayList<>();
        StringBuilder queue = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            ids.add(JobId.of(100000 + i));
            if (i <= 600) {
                queue.append(runningJob(100000 + i, "job" + i));
            }
        }
        StringBuilder acct = new StringBuilder();
        for (int i = 601; i <= 999; i++) {
            List<String> cells = new ArrayList<>();
            for (String f : SlurmCommands.Accounting.STATUS_FIELDS) {
                cells.add(switch (f) {
                    case "JobID", "JobIDRaw" -> Integer.toString(100000 + i);
                    case "State" -> i % 2 == 0 ? "COMPLETED" : "FAILED";
                    case "ExitCode" -> i % 2 == 0 ? "0:0" : "3:0";
                    default -> "";
                });
            }
            acct.append(String.join(US, cells)).append('\n');
        }
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(queue.toString()));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(acct.toString()));

        Map<JobId, JobStatus> st = slurm.statusOf(ids);

        assertThat(shell.count()).isEqualTo(2);
        assertThat(shell.count("squeue")).isEqualTo(1);
        assertThat(shell.count("sacct")).isEqualTo(1);
        List<String> sacct = shell.commands().get(1);
        assertThat(sacct).contains("--allocations", "--allusers");
        String jobsArg = sacct.stream().filter(a -> a.startsWith("--jobs=")).findFirst().orElseThrow();
        assertThat(jobsArg.substring(7).split(",")).hasSize(400).startsWith("100601");
        assertThat(st).hasSize(999);
        assertThat(st.get(JobId.of(100001)).source()).isEqualTo(JobStatus.Source.QUEUE);
        assertThat(st.get(JobId.of(100001)).state().state()).isEqualTo(JobState.Name.RUNNING);
        assertThat(st.get(JobId.of(100601)).source()).isEqualTo(JobStatus.Source.ACCOUNTING);
        assertThat(st.get(JobId.of(100601)).state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(st.get(JobId.of(100601)).exitCode()).isEqualTo(new ExitCode(3, 0));
        assertThat(st).doesNotContainKey(JobId.of(101000));
    }

    @Test
    void statusOfOneUnknownIdAsksSacctInsteadOfFailing() {
        shell.enqueuePrefix(List.of("squeue"), fixture("squeue-error-invalid-job"));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(sacctRows(SlurmCommands.Accounting.STATUS_FIELDS, "5"::equals)));
        Map<JobId, JobStatus> st = slurm.statusOf(List.of(JobId.of(5)));
        assertThat(st.get(JobId.of(5)).state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(st.get(JobId.of(5)).source()).isEqualTo(JobStatus.Source.ACCOUNTING);
        assertThat(shell.count()).isEqualTo(2);
    }

    /** slurmdbd's placeholder row (PENDING for a job that has started) is no status of the job. */
    @Test
    void statusOfTakesNoStateFromSlurmdbdsPlaceholderRow() {
        StringBuilder acct = new StringBuilder();
        for (String[] row : new String[][] {{"7", "PENDING", "allocation", "root", "Unknown"}, {"8", "COMPLETED", "train", "alice", "normal"}}) {
            List<String> cells = new ArrayList<>();
            for (String f : SlurmCommands.Accounting.STATUS_FIELDS) {
                cells.add(switch (f) {
                    case "JobID", "JobIDRaw" -> row[0];
                    case "State" -> row[1];
                    case "JobName" -> row[2];
                    case "Group" -> row[3];
                    case "QOS" -> row[4];
                    case "ExitCode" -> "0:0";
                    default -> "";
                });
            }
            acct.append(String.join(US, cells)).append('\n');
        }
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(""));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(acct.toString()));
        Map<JobId, JobStatus> st = slurm.statusOf(List.of(JobId.of(7), JobId.of(8)));
        assertThat(st).containsOnlyKeys(JobId.of(8));
        assertThat(st.get(JobId.of(8)).state().state()).isEqualTo(JobState.Name.COMPLETED);
    }

    @Test
    void statusOfNeverReportsAFailureAsJobGone() {
        shell.enqueuePrefix(List.of("squeue"), fixture("ctld-down-squeue"));
        assertThatThrownBy(() -> slurm.statusOf(List.of(JobId.of(5), JobId.of(6))))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(""));
        shell.enqueuePrefix(List.of("sacct"), fixture("dbd-down-sacct-json"));
        assertThatThrownBy(() -> slurm.statusOf(List.of(JobId.of(5))))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCOUNTING_UNAVAILABLE));
    }

    @Test
    void longIdListsAreChunked() {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            ids.add(JobId.of(1_000_000_000L + i));
        }
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok("").repeating());
        assertThat(slurm.jobs(JobQuery.builder().jobIds(ids).build())).isEmpty();
        // 6000 ids of 10 digits and a comma: 66,000 characters, 3 arguments of at most 32 KiB
        assertThat(shell.count("squeue")).isEqualTo(3);
        for (List<String> argv : shell.commands()) {
            String jobs = argv.stream().filter(a -> a.startsWith("--jobs=")).findFirst().orElseThrow();
            assertThat(jobs.length()).isLessThanOrEqualTo(SlurmCommands.MAX_ID_LIST_CHARS + 7);
        }
    }

    // ------------------------------------------------------------------ scontrol show

    @Test
    void jobDetailParsesScontrolOutputAndMapsNotFound() {
        shell.enqueue(List.of("scontrol", "-o", "-d", "show", "job", "14"), fixture("scontrol-job-oneliner-running"));
        List<Job> jobs = slurm.jobRecords(JobId.of(14));
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).jobId()).isEqualTo(14);
        assertThat(jobs.get(0).status().state().state()).isEqualTo(JobState.Name.RUNNING);

        shell.enqueue(List.of("scontrol", "-o", "-d", "show", "job", "18"), fixture("ctld-down-scontrol-show-job"));
        assertThatThrownBy(() -> slurm.job(JobId.of(18)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
    }

    @Test
    void streamJobsDeliversEveryRecordAndTheCommandErrorWins() {
        shell.enqueue(List.of("scontrol", "-o", "-d", "show", "job"), fixture("scontrol-job-all-oneliner"));
        List<Job> seen = new ArrayList<>();
        slurm.streamJobs(seen::add);
        assertThat(seen).hasSize(61);

        // a failed command whose stdout does not parse: the Slurm error is shown, not the parse error
        shell.enqueue(List.of("scontrol", "-o", "-d", "show", "job"),
                FakeReply.of(1, "garbage that is no record\n", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n"));
        assertThatThrownBy(() -> slurm.streamJobs(j -> { }))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));

        shell.enqueue(List.of("scontrol", "-o", "-d", "show", "job"), FakeReply.ok("garbage that is no record\n"));
        assertThatThrownBy(() -> slurm.streamJobs(j -> { })).isInstanceOf(SlurmParseException.class);
    }

    @Test
    void nodesPartitionsReservationsSteps() {
        shell.enqueue(List.of("scontrol", "-o", "show", "node", "gpu01"), fixture("scontrol-node-oneliner-unknown-not-responding"));
        shell.enqueue(List.of("scontrol", "-o", "show", "node"), fixture("scontrol-node-all-multiline"));
        shell.enqueue(List.of("scontrol", "-o", "show", "partition"), fixture("scontrol-partition-all-oneliner"));
        shell.enqueue(List.of("scontrol", "-o", "show", "reservation"), fixture("scontrol-reservation-all"));
        shell.enqueue(List.of("scontrol", "-o", "show", "step", "14.1"), fixture("scontrol-show-step-running"));
        shell.enqueue(List.of("scontrol", "-o", "show", "node", "nosuchnode"), fixture("scontrol-node-error-unknown"));

        Node gpu01 = slurm.node("gpu01");
        assertThat(gpu01.name()).isEqualTo("gpu01");
        assertThat(slurm.nodes()).hasSize(6);
        assertThat(slurm.partitions()).extracting(Partition::name).hasSize(6).contains("debug", "gpu");
        assertThat(slurm.reservations()).hasSize(2);
        assertThat(slurm.steps(JobId.parse("14.1"))).hasSize(1);
        assertThatThrownBy(() -> slurm.node("nosuchnode"))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT));
    }

    // ------------------------------------------------------------------ sacct / sstat

    @Test
    void accountingRunsSacctWithAFixedFieldListAndAnUnambiguousDelimiter() {
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(sacctRows(SlurmCommands.Accounting.FIELDS, id -> id.equals("5") || id.startsWith("5."))));
        List<AccountingRecord> rows = slurm.accounting(AccountingQuery.builder().user("alice").jobId(JobId.of(5))
                .start(LocalDateTime.of(2026, 11, 20, 0, 0)).end(LocalDateTime.of(2026, 11, 21, 12, 30, 5)).duplicates().build());
        assertThat(shell.lastRequest().command()).containsExactly("sacct", "--parsable2", "--noheader", "--delimiter=" + US,
                "--format=" + String.join(",", SlurmCommands.Accounting.FIELDS), "--user=alice", "--jobs=5", "--duplicates",
                "--starttime=2026-11-20T00:00:00", "--endtime=2026-11-21T12:30:05");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).jobName()).isEqualTo("will-timeout");
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(rows.get(1).jobId()).isEqualTo(JobId.parse("5.batch"));
        assertThat(rows.get(1).maxRss()).isEqualTo(69460L * 1024);
    }

    @Test
    void accountingStateFilterAddsAnEndTimeAndAllUsers() {
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(""));
        assertThat(slurm.accounting(AccountingQuery.builder().allUsers().state(JobState.Name.PENDING).build())).isEmpty();
        assertThat(shell.lastRequest().command()).contains("--allusers", "--state=PENDING", "--endtime=now");
    }

    @Test
    void accountingUnavailableIsTyped() {
        shell.enqueuePrefix(List.of("sacct"), fixture("dbd-down-sacct-json"));
        assertThatThrownBy(() -> slurm.accounting(AccountingQuery.builder().build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCOUNTING_UNAVAILABLE));
    }

    @Test
    void stepStatsReadErrorsReportedWithExitZero() {
        String fields = String.join(",", SlurmCommands.STEP_STAT_FIELDS);
        List<String> argv = List.of("sstat", "--parsable2", "--noheader", "--allsteps", "--jobs=24", "--format=" + fields);
        // sstat of a pending job: exit 0, header on stdout, "No steps running" on stderr
        shell.enqueue(argv, fixture("sstat-error-pending-job"));
        assertThatThrownBy(() -> slurm.stepStats(JobId.of(24)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.INVALID_ARGUMENT);
                    assertThat(e.exitCode()).isZero();
                });
        shell.enqueuePrefix(List.of("sstat"), fixture("ctld-down-sstat"));
        assertThatThrownBy(() -> slurm.stepStats(JobId.of(18)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.UNKNOWN));

        List<String> values = new ArrayList<>();
        for (String f : SlurmCommands.STEP_STAT_FIELDS) {
            values.add(switch (f) {
                case "JobID" -> "14.batch";
                case "MaxRSS" -> "2048K";
                case "NTasks" -> "1";
                case "TRESUsageInTot" -> "cpu=00:00:10,energy=0,fs/disk=2000,mem=2M,pages=0,vmem=4M";
                default -> "";
            });
        }
        shell.enqueuePrefix(List.of("sstat"), FakeReply.ok(String.join("|", values) + "\n"));
        List<StepStatRecord> stats = slurm.stepStats(JobId.of(14));
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).jobId()).isEqualTo(JobId.parse("14.batch"));
        assertThat(stats.get(0).maxRss()).isEqualTo(2048L * 1024);
    }

    // ------------------------------------------------------------------ efficiency

    @Test
    void efficiencyRunsSeffWhenInstalledAndProbesOnce() {
        shell.enqueue(List.of("sh", "-c", "command -v seff"), FakeReply.ok("/usr/local/bin/seff\n"));
        shell.enqueue(List.of("seff", "5"), fixture("seff-timeout"));
        shell.enqueue(List.of("seff", "999999"), fixture("seff-error-invalid"));
        SeffReport r = slurm.efficiency(JobId.of(5));
        assertThat(r.jobId()).isEqualTo(JobId.of(5));
        assertThat(r.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        // seff does not know it, and neither does sacct
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(""));
        assertThatThrownBy(() -> slurm.efficiency(JobId.of(999999)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
        assertThat(shell.count("sh")).isEqualTo(1);
        assertThat(shell.count("sacct")).isEqualTo(1);
    }

    /** seff of 24.11/26.05 says "Job not found" while slurmctld is down (lab); sacct still knows the job. */
    @Test
    void efficiencyAsksSacctWhenSeffDoesNotFindTheJob() {
        shell.enqueue(List.of("sh", "-c", "command -v seff"), FakeReply.ok("/usr/local/bin/seff\n"));
        shell.enqueue(List.of("seff", "5"), fixture("seff-error-invalid"));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(sacctRows(io.github.slurm4j.model.seff.SeffCalculator.SACCT_FIELDS,
                id -> id.equals("5") || id.startsWith("5."))));
        SeffReport computed = slurm.efficiency(JobId.of(5));
        assertThat(computed.jobId()).isEqualTo(JobId.of(5));
        assertThat(computed.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(shell.count("seff")).isEqualTo(1);
        assertThat(shell.count("sacct")).isEqualTo(1);
    }

    @Test
    void efficiencyWithoutSeffIsComputedFromSacctLikeSeff() {
        shell.enqueue(List.of("sh", "-c", "command -v seff"), FakeReply.of(1, "", ""));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(sacctRows(io.github.slurm4j.model.seff.SeffCalculator.SACCT_FIELDS,
                id -> id.equals("5") || id.startsWith("5."))));
        SeffReport computed = slurm.efficiency(JobId.of(5));
        SeffReport printed = SeffParser.parse(fixtureText("seff-timeout", "stdout"));
        assertThat(computed.jobId()).isEqualTo(printed.jobId());
        assertThat(computed.state().state()).isEqualTo(printed.state().state());
        assertThat(computed.cores()).isEqualTo(printed.cores());
        assertThat(computed.usage()).isEqualTo(printed.usage());
        assertThat(shell.lastRequest().command()).contains("--format=" + String.join(",",
                io.github.slurm4j.model.seff.SeffCalculator.SACCT_FIELDS), "--jobs=5");
        assertThat(shell.count("seff")).isZero();

        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(""));
        assertThatThrownBy(() -> slurm.efficiency(JobId.of(424242)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND));
        assertThat(shell.count("sh")).isEqualTo(1);
    }

    /** What sacct 22.05 prints for a job in its first seconds (seen on the lab): slurmdbd's placeholder row. */
    static String placeholderRows(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String step : new String[] {"20", "20.batch", "20.extern"}) {
            List<String> cells = new ArrayList<>();
            boolean job = step.equals("20");
            for (String f : fields) {
                cells.add(switch (f) {
                    case "JobID" -> step;
                    case "JobIDRaw" -> step;
                    case "JobName" -> job ? "allocation" : step.substring(3);
                    case "State" -> job ? "PENDING" : "RUNNING";
                    case "ReqMem" -> job ? "16?" : "";
                    case "ExitCode" -> "0:0";
                    case "Elapsed" -> "00:00:01";
                    case "Cluster" -> "localcluster";
                    case "User", "Group" -> job ? "root" : "";
                    case "AllocCPUS", "NNodes" -> "1";
                    default -> "";
                });
            }
            sb.append(String.join(US, cells)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void accountingReadsTheSlurmdbdPlaceholderRowAndEfficiencySaysItIsNotStoredYet() {
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(placeholderRows(SlurmCommands.Accounting.FIELDS)));
        List<AccountingRecord> rows = slurm.accounting(AccountingQuery.builder().build());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).jobName()).isEqualTo("allocation");
        assertThat(rows.get(0).reqMem()).isNull();
        assertThat(rows.get(0).raw("ReqMem")).isEqualTo("16?");

        shell.enqueue(List.of("sh", "-c", "command -v seff"), FakeReply.of(1, "", ""));
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(placeholderRows(io.github.slurm4j.model.seff.SeffCalculator.SACCT_FIELDS)));
        assertThatThrownBy(() -> slurm.efficiency(JobId.of(20)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.ACCOUNTING_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("placeholder").contains("ReqMem=16?").contains("job 20");
                });
    }

    @Test
    void efficiencyWhenAccountingIsDownIsTyped() {
        shell.enqueue(List.of("sh", "-c", "command -v seff"), FakeReply.ok("/usr/bin/seff\n"));
        shell.enqueue(List.of("seff", "3"), fixture("dbd-down-seff"));
        assertThatThrownBy(() -> slurm.efficiency(JobId.of(3)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.ACCOUNTING_UNAVAILABLE));
    }

    // ------------------------------------------------------------------ sbatch

    @Test
    void submitPassesEveryOptionAsItsOwnArgumentAndTheScriptOnStdin() {
        shell.enqueuePrefix(List.of("sbatch"), fixture("sbatch-parsable-success"));
        String hostile = "$(touch /tmp/slurm4j-canary) `id`; rm -rf x 'q' \"d\"";
        SubmitRequest req = SubmitRequest.script("#!/bin/sh\nsleep 1\n").name(hostile).partition("debug").account("physics")
                .qos("normal").timeLimit(Duration.ofMinutes(90)).nodes(1).ntasks(2).cpusPerTask(4).memoryPerNodeMb(512)
                .gres("gpu:1").workingDirectory("/srv/lab/a dir").output("/srv/lab/out/%j.out").error("/srv/lab/out/%j.err")
                .comment(hostile).array("1-4%2").dependency("afterok:3").hold().nice(10).reservation("r1")
                .constraint("intel&ib").exclusive().env("MY_VAR", "a,b=c d").exportAll(false).build();
        SubmitResult r = slurm.submit(req);
        assertThat(r.jobId()).isEqualTo(JobId.of(3));
        ExecRequest sent = shell.lastRequest();
        assertThat(sent.command()).containsExactly("sbatch", "--parsable", "--job-name=" + hostile, "--partition=debug",
                "--account=physics", "--qos=normal", "--time=0-01:30:00", "--nodes=1", "--ntasks=2", "--cpus-per-task=4",
                "--mem=512M", "--gres=gpu:1", "--chdir=/srv/lab/a dir", "--output=/srv/lab/out/%j.out",
                "--error=/srv/lab/out/%j.err", "--comment=" + hostile, "--array=1-4%2", "--dependency=afterok:3", "--hold",
                "--nice=10", "--reservation=r1", "--constraint=intel&ib", "--exclusive", "--export=MY_VAR");
        assertThat(new String(sent.stdinBytes(), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\nsleep 1\n");
        assertThat(sent.environment()).containsEntry("MY_VAR", "a,b=c d").containsEntry("SLURM_TIME_FORMAT", "standard");
    }

    @Test
    void optionsTheBuilderDoesNotModelPassVerbatimAndOnlyRealSbatchOptionsAreTaken() {
        shell.enqueuePrefix(List.of("sbatch"), FakeReply.ok("59\n").repeating());
        slurm.submit(SubmitRequest.wrap("true").option("--mail-type", "END,FAIL").option("ntasks-per-node", "4")
                .option("--requeue").option("--begin", "now+1hour; rm -rf ~").build());
        assertThat(shell.lastRequest().command()).containsExactly("sbatch", "--parsable", "--mail-type=END,FAIL",
                "--ntasks-per-node=4", "--requeue", "--begin=now+1hour; rm -rf ~", "--wrap=true");
        // a later call for the same option replaces the earlier one, the typed methods' too
        slurm.submit(SubmitRequest.wrap("true").partition("debug").option("--partition", "gpu").build());
        assertThat(shell.lastRequest().command()).containsExactly("sbatch", "--parsable", "--partition=gpu", "--wrap=true");

        SubmitRequest.Builder b = SubmitRequest.wrap("true");
        assertThatThrownBy(() -> b.option("--mail-typo", "END")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an sbatch option");
        assertThatThrownBy(() -> b.option("--x; rm -rf ~", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.option("--parsable")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set by the client");
        assertThatThrownBy(() -> b.option("--export", "ALL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.option("--clusters", "c2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.option("--mail-user", "a@b\nc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void queueFiltersBecomeSqueueOptions() {
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok("").repeating());
        slurm.jobs(JobQuery.builder().me().account("physics").name("train").qos("high").build());
        assertThat(shell.lastRequest().command()).contains("--me", "--account=physics", "--name=train", "--qos=high");
        assertThatThrownBy(() -> JobQuery.builder().name("a,b").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submitWithScriptPathArgsAndWrap() {
        shell.enqueuePrefix(List.of("sbatch"), FakeReply.ok("57\n").repeating());
        slurm.submit(SubmitRequest.scriptPath("/srv/lab/jobs/burn.sh").scriptArgs(List.of("3", "-x", "a b")).build());
        assertThat(shell.lastRequest().command()).containsExactly("sbatch", "--parsable", "/srv/lab/jobs/burn.sh", "3", "-x", "a b");
        assertThat(shell.lastRequest().hasStdin()).isFalse();
        slurm.submit(SubmitRequest.script("#!/bin/sh\necho $1\n").scriptArgs(List.of("hello")).build());
        assertThat(shell.lastRequest().command()).containsExactly("sbatch", "--parsable", "/dev/stdin", "hello");
        slurm.submit(SubmitRequest.wrap("echo hi; exit 3").memoryPerCpuMb(100).build());
        assertThat(shell.lastRequest().command()).containsExactly("sbatch", "--parsable", "--mem-per-cpu=100M", "--wrap=echo hi; exit 3");
    }

    @Test
    void valuesThatWouldBreakSlurmOutputsAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> SubmitRequest.wrap("true").name("two\tcolumns"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0009").hasMessageContaining("job name");
        assertThatThrownBy(() -> SubmitRequest.wrap("true").account("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitRequest.wrap("true").comment("a\u001fb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitRequest.wrap("true").workingDirectory("/tmp/x\r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitRequest.wrap("true").env("SBATCH_PARTITION", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitRequest.scriptPath("-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitRequest.wrap("true").scriptArgs(List.of("a")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobUpdate.builder().name("x\ry")).isInstanceOf(IllegalArgumentException.class);
        assertThat(shell.count()).isZero();
    }

    @Test
    void aNewlineInNameCommentAndDirectoryIsSubmittedAndListedVerbatim() {
        shell.enqueuePrefix(List.of("sbatch"), FakeReply.ok("58\n"));
        slurm.submit(SubmitRequest.wrap("true").name("evil\nname").comment("c1\nc2 x=y").workingDirectory("/tmp/a\nb").build());
        assertThat(shell.lastRequest().command()).contains("--job-name=evil\nname", "--comment=c1\nc2 x=y", "--chdir=/tmp/a\nb");
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(squeueLine(Map.of("JobArrayID", "58", "JobID", "58",
                "Name", "evil\nname", "Comment", "c1\nc2 x=y", "WorkDir", "/tmp/a\nb"))
                + squeueLine(Map.of("JobArrayID", "59", "JobID", "59", "Name", "plain"))));
        List<SqueueRow> rows = slurm.jobs(JobQuery.all());
        assertThat(rows).extracting(SqueueRow::name).containsExactly("evil\nname", "plain");
        assertThat(rows.get(0).toJob().identity().comment()).isEqualTo("c1\nc2 x=y");
        assertThat(rows.get(0).workDir()).isEqualTo("/tmp/a\nb");
    }

    @Test
    void submitRejectionsAreTyped() {
        for (String c : List.of("sbatch-error-invalid-partition", "sbatch-error-too-much-memory", "runuser-bob-sbatch-error-maxsubmit")) {
            FakeShell s = new FakeShell();
            s.enqueuePrefix(List.of("sbatch"), fixture(c));
            assertThatThrownBy(() -> new SlurmClient(s).submit(SubmitRequest.wrap("true").build()))
                    .as(c)
                    .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                        assertThat(e.type()).isEqualTo(SlurmErrorType.SUBMIT_REJECTED);
                        assertThat(e.command()).startsWith("sbatch --parsable");
                    });
        }
        FakeShell s = new FakeShell();
        s.enqueuePrefix(List.of("sbatch"), fixture("ctld-down-sbatch-parsable"));
        assertThatThrownBy(() -> new SlurmClient(s).submit(SubmitRequest.wrap("true").build()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
    }

    // ------------------------------------------------------------------ actions

    @Test
    void actionsRunTheirExactArgumentLists() {
        shell.enqueuePrefix(List.of("scontrol"), FakeReply.ok("").repeating());
        shell.enqueuePrefix(List.of("scancel"), FakeReply.of(0, "", "scancel: Terminating job 41\n").repeating());
        JobId id = JobId.of(41);
        ActionResult cancel = slurm.cancel(id);
        assertThat(cancel.messages()).containsExactly("scancel: Terminating job 41");
        slurm.signal(id, "USR1");
        slurm.suspend(id);
        slurm.resume(id);
        slurm.hold(id);
        slurm.userHold(id);
        slurm.release(id);
        slurm.requeue(id);
        slurm.requeueHold(id);
        slurm.update(id, JobUpdate.builder().priority(30000).nice(100).timeLimit(Duration.parse("PT26H3M4S"))
                .name("new name").comment("c = d").partition("gpu").qos("high").build());
        assertThat(shell.commands()).containsExactly(
                List.of("scancel", "--verbose", "41"),
                List.of("scancel", "--verbose", "--signal=USR1", "41"),
                List.of("scontrol", "suspend", "41"),
                List.of("scontrol", "resume", "41"),
                List.of("scontrol", "hold", "41"),
                List.of("scontrol", "uhold", "41"),
                List.of("scontrol", "release", "41"),
                List.of("scontrol", "requeue", "41"),
                List.of("scontrol", "requeuehold", "41"),
                List.of("scontrol", "update", "JobId=41", "Priority=30000", "Nice=100", "TimeLimit=1-02:03:04",
                        "JobName=new name", "Comment=c = d", "Partition=gpu", "QOS=high"));
        assertThatThrownBy(() -> slurm.signal(id, "KILL; rm")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionErrorsAreTypedEvenWithExitZero() {
        Map<String, SlurmErrorType> cases = new LinkedHashMap<>();
        cases.put("scancel-verbose-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND); // exit 0
        cases.put("scancel-verbose-error-already-finished", SlurmErrorType.INVALID_ARGUMENT); // exit 0
        cases.put("ctld-down-scancel-verbose", SlurmErrorType.CONTROLLER_UNAVAILABLE);
        cases.put("scontrol-hold-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND);
        cases.put("runuser-alice-scontrol-suspend-permission", SlurmErrorType.ACCESS_DENIED);
        cases.put("runuser-alice-release-others-job", SlurmErrorType.ACCESS_DENIED);
        cases.put("runuser-alice-update-priority-denied", SlurmErrorType.ACCESS_DENIED);
        cases.put("scontrol-requeue-error-pending", SlurmErrorType.INVALID_ARGUMENT);
        cases.put("scontrol-update-error-invalid-id", SlurmErrorType.JOB_NOT_FOUND);
        cases.forEach((c, type) -> {
            FakeShell s = new FakeShell();
            s.enqueuePrefix(List.of("scancel"), fixture(c));
            s.enqueuePrefix(List.of("scontrol"), fixture(c));
            SlurmClient client = new SlurmClient(s);
            JobId id = JobId.of(999999);
            Runnable call = c.contains("scancel") ? () -> client.cancel(id)
                    : c.contains("update") ? () -> client.update(id, JobUpdate.builder().priority(1).build())
                    : c.contains("release") ? () -> client.release(id)
                    : c.contains("requeue") ? () -> client.requeue(id)
                    : c.contains("suspend") ? () -> client.suspend(id) : () -> client.hold(id);
            assertThatThrownBy(call::run).as(c)
                    .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).as(c).isEqualTo(type));
        });
    }

    @Test
    void listPidsAndPing() {
        shell.enqueue(List.of("scontrol", "listpids", "14"), fixture("scontrol-listpids-running"));
        List<JobPid> pids = slurm.listPids(JobId.of(14));
        assertThat(pids).isNotEmpty();
        assertThat(pids.get(0).pid()).isEqualTo(15452L);

        shell.enqueue(List.of("scontrol", "ping"), FakeReply.ok("Slurmctld(primary) at vm is UP\n"));
        assertThat(slurm.ping()).containsExactly(new ControllerStatus("primary", "vm", true));
        shell.enqueue(List.of("scontrol", "ping"), fixture("ctld-down-scontrol-ping"));
        assertThat(slurm.ping()).containsExactly(new ControllerStatus("primary", "vm", false));
        shell.enqueue(List.of("scontrol", "ping"), FakeReply.of(1, "", "scontrol: error: something else\n"));
        assertThatThrownBy(slurm::ping).isInstanceOf(SlurmCommandException.class);
    }

    @Test
    void shellFailuresPassThroughUnchanged() {
        // a timeout while the controller answers ping is the shell's timeout, unchanged
        shell.enqueuePrefix(List.of("squeue"), FakeReply.timeout());
        shell.enqueue(List.of("scontrol", "ping"), FakeReply.ok("Slurmctld(primary) at vm is UP\n"));
        assertThatThrownBy(() -> slurm.jobs(JobQuery.all())).isInstanceOf(ShellTimeoutException.class);
        // sacct talks to slurmdbd: its timeout is never blamed on the controller, no ping is run
        shell.clearRecorded();
        shell.enqueuePrefix(List.of("sacct"), FakeReply.timeout());
        assertThatThrownBy(() -> slurm.accounting(AccountingQuery.builder().build())).isInstanceOf(ShellTimeoutException.class);
        assertThat(shell.count("scontrol")).isZero();
    }

    @Test
    void aTimeoutWhileEveryControllerIsDownIsControllerUnavailable() {
        // squeue retries for 9 s when slurmctld is down (seen on the lab); a shorter timeout kills it
        shell.enqueuePrefix(List.of("squeue"), FakeReply.timeout());
        shell.enqueue(List.of("scontrol", "ping"), fixture("ctld-down-scontrol-ping"));
        assertThatThrownBy(() -> slurm.jobs(JobQuery.all()))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("squeue").contains("Slurmctld(primary) at vm is DOWN");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOf(ShellTimeoutException.class);
                });
        // a ping that fails too tells nothing: the timeout is thrown
        shell.enqueuePrefix(List.of("sbatch"), FakeReply.timeout());
        shell.enqueue(List.of("scontrol", "ping"), FakeReply.timeout());
        assertThatThrownBy(() -> slurm.submit(SubmitRequest.wrap("true").build())).isInstanceOf(ShellTimeoutException.class);
    }

    @Test
    void unexpectedMessageOfAnActionIsTypedByAskingWhy() {
        // scontrol suspend of an unknown id says "Unexpected message received" (exit 1), like any
        // scontrol action when the controller is down: ping, then show job, tell which
        shell.enqueue(List.of("scontrol", "suspend", "999999"), fixture("scontrol-suspend-error-invalid-id"));
        shell.enqueue(List.of("scontrol", "ping"), FakeReply.ok("Slurmctld(primary) at vm is UP\n"));
        shell.enqueuePrefix(List.of("scontrol", "-o", "-d", "show", "job"), FakeReply.of(1, "", "slurm_load_jobs error: Invalid job id specified\n"));
        assertThatThrownBy(() -> slurm.suspend(JobId.of(999999)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.JOB_NOT_FOUND);
                    assertThat(e.getMessage()).contains("scontrol suspend 999999").contains("Unexpected message received")
                            .contains("Invalid job id specified");
                });
        shell.enqueue(List.of("scontrol", "hold", "5"), fixture("ctld-down-scontrol-hold"));
        shell.enqueue(List.of("scontrol", "ping"), fixture("ctld-down-scontrol-ping"));
        assertThatThrownBy(() -> slurm.hold(JobId.of(5)))
                .isInstanceOfSatisfying(SlurmCommandException.class,
                        e -> assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE));
        // the job exists: nothing more is known, the error stays unknown
        shell.enqueue(List.of("scontrol", "resume", "5"), fixture("scontrol-suspend-error-invalid-id"));
        shell.enqueue(List.of("scontrol", "ping"), FakeReply.ok("Slurmctld(primary) at vm is UP\n"));
        shell.enqueuePrefix(List.of("scontrol", "-o", "-d", "show", "job"), FakeReply.ok(
                fixtureText("scontrol-job-completed", "stdout")));
        assertThatThrownBy(() -> slurm.resume(JobId.of(5)))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> assertThat(e.type()).isEqualTo(SlurmErrorType.UNKNOWN));
    }

    @Test
    void statusReasonNoneIsNullFromTheQueueAndFromAccounting() {
        // one rule for "no reason" (Job.Status.reasonOf), whichever command answered
        String running = squeueLine(Map.of("JobArrayID", "80", "JobID", "80", "State", "RUNNING", "Reason", "None"));
        String held = squeueLine(Map.of("JobArrayID", "81", "JobID", "81", "State", "PENDING", "Reason", "JobHeldUser"));
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(running + held));
        List<String> cells = new ArrayList<>();
        for (String f : SlurmCommands.Accounting.STATUS_FIELDS) {
            cells.add(switch (f) {
                case "JobID", "JobIDRaw" -> "82";
                case "State" -> "COMPLETED";
                case "ExitCode" -> "0:0";
                case "Reason" -> "None";
                default -> "";
            });
        }
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(String.join(US, cells) + "\n"));
        Map<JobId, JobStatus> st = slurm.statusOf(List.of(JobId.of(80), JobId.of(81), JobId.of(82)));
        assertThat(st.get(JobId.of(80)).source()).isEqualTo(JobStatus.Source.QUEUE);
        assertThat(st.get(JobId.of(80)).reason()).isNull();
        assertThat(st.get(JobId.of(81)).reason()).isEqualTo("JobHeldUser");
        assertThat(st.get(JobId.of(82)).source()).isEqualTo(JobStatus.Source.ACCOUNTING);
        assertThat(st.get(JobId.of(82)).reason()).isNull();
        assertThat(new JobStatus(JobId.of(1), st.get(JobId.of(82)).state(), "None", null, JobStatus.Source.ACCOUNTING).reason()).isNull();
    }

    @Test
    void aControllerOutageWithALongFormatHasAShortMessage() {
        shell.enqueuePrefix(List.of("squeue"), FakeReply.of(1, "",
                "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n"));
        assertThatThrownBy(() -> slurm.statusOf(List.of(JobId.of(5))))
                .isInstanceOfSatisfying(SlurmCommandException.class, e -> {
                    assertThat(e.type()).isEqualTo(SlurmErrorType.CONTROLLER_UNAVAILABLE);
                    // the command keeps the -O format; the message names it by its start
                    assertThat(e.command()).contains("JobArrayID", "PriorityLong");
                    assertThat(e.getMessage()).doesNotContain("PriorityLong")
                            .contains("squeue", "Unable to contact slurm controller (connect failure)");
                    assertThat(e.getMessage().length()).isLessThan(300);
                });
    }

    @Test
    void statusOfAFinishedJobStillInTheQueueTakesTheExitCodeFromSacctOrKeepsTheQueueAnswer() {
        String done = squeueLine(Map.of("JobArrayID", "77", "JobID", "77", "State", "FAILED", "Reason", "NonZeroExitCode"));
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(done));
        List<String> cells = new ArrayList<>();
        for (String f : SlurmCommands.Accounting.STATUS_FIELDS) {
            cells.add(switch (f) {
                case "JobID", "JobIDRaw" -> "77";
                case "State" -> "FAILED";
                case "ExitCode" -> "3:0";
                default -> "";
            });
        }
        shell.enqueuePrefix(List.of("sacct"), FakeReply.ok(String.join(US, cells) + "\n"));
        Map<JobId, JobStatus> st = slurm.statusOf(List.of(JobId.of(77)));
        assertThat(shell.commands().get(0)).contains("--jobs=77", "--states=all");
        assertThat(st.get(JobId.of(77)).source()).isEqualTo(JobStatus.Source.ACCOUNTING);
        assertThat(st.get(JobId.of(77)).exitCode()).isEqualTo(new ExitCode(3, 0));

        // slurmdbd down: the queue's finished state is still the truth, without exit code
        shell.enqueuePrefix(List.of("squeue"), FakeReply.ok(done));
        shell.enqueuePrefix(List.of("sacct"), fixture("dbd-down-sacct-json"));
        st = slurm.statusOf(List.of(JobId.of(77)));
        assertThat(st.get(JobId.of(77)).source()).isEqualTo(JobStatus.Source.QUEUE);
        assertThat(st.get(JobId.of(77)).state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(st.get(JobId.of(77)).exitCode()).isNull();
    }

    /** A shell whose output went past its limit. */
    static final class TruncatingShell implements io.github.slurm4j.exec.Shell {
        private final String stdout;

        TruncatingShell(String stdout) {
            this.stdout = stdout;
        }

        @Override
        public io.github.slurm4j.exec.ExecResult run(ExecRequest request) {
            return new io.github.slurm4j.exec.ExecResult(request.command(), 0, stdout.getBytes(StandardCharsets.UTF_8),
                    new byte[0], Duration.ZERO, true);
        }

        @Override
        public <T> io.github.slurm4j.exec.StreamResult<T> stream(ExecRequest request, io.github.slurm4j.exec.StdoutReader<T> reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeFile(String path, byte[] content, int permissions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String target() {
            return "truncating";
        }

        @Override
        public void close() {
        }
    }
}
