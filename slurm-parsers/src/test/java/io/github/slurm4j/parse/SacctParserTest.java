package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.AccountingRecordView;
import io.github.slurm4j.model.job.JobState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SacctParserTest {

    private static List<AccountingRecord> header(String fixture) {
        Fixtures.Case c = Fixtures.load(fixture);
        return SacctParser.fromHeader().parse(c.stdoutBytes());
    }

    /** A time on a whole minute keeps its seconds in the view, as sacct printed it (LocalDateTime.toString drops them). */
    @Test
    void theViewWritesTimesWithSeconds() {
        List<AccountingRecord> rows = SacctParser.parsable(List.of("JobID", "Submit", "Start"))
                .parse("7|2026-12-02T18:22:00|2026-12-02T18:22:05\n");
        assertThat(AccountingRecordView.toMap(rows.get(0)))
                .containsEntry("submit", "2026-12-02T18:22:00").containsEntry("start", "2026-12-02T18:22:05");
    }

    /**
     * slurmdbd's placeholder row of a job whose start it has not stored yet, as sacct showed it on
     * the lab (22.05) for a running job of alice: told apart from the job's real row.
     */
    @Test
    void slurmdbdsPlaceholderRowIsToldApartFromTheJobsRow() {
        List<String> fields = List.of("JobID", "JobIDRaw", "JobName", "Group", "QOS", "State", "Partition");
        List<AccountingRecord> rows = SacctParser.parsable(fields).parse(
                "644|644|allocation|root|Unknown|PENDING|\n"
                        + "645|645|fid-acct|alice|normal|RUNNING|debug\n"
                        + "646|646|allocation|alice|normal|RUNNING|debug\n");
        assertThat(rows).extracting(AccountingRecord::isPlaceholder).containsExactly(true, false, false);
        // without the fields that tell it, no row is taken for the placeholder
        assertThat(SacctParser.parsable(List.of("JobID", "State")).parse("644|PENDING\n"))
                .extracting(AccountingRecord::isPlaceholder).containsExactly(false);
    }

    @Test
    void ctldDownSacctStillWorks() {
        List<AccountingRecord> rows = header("ctld-down-sacct-still-works");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(18));
        assertThat(rows.get(0).jobName()).isEqualTo("to-suspend");
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.RUNNING);
    }

    @Test
    void arrayJobIdRawDiffersFromJobId() {
        List<AccountingRecord> rows = header("sacct-array-job");
        assertThat(rows).hasSize(19);
        AccountingRecord first = rows.get(0);
        assertThat(first.jobId().toString()).isEqualTo("10_1");
        assertThat(first.jobIdRaw()).isEqualTo(JobId.of(11));
        assertThat(first.exitCode()).isEqualTo(new ExitCode(1, 0));
        AccountingRecord last = rows.get(9);
        assertThat(last.jobId().toString()).isEqualTo("10_4");
        assertThat(last.jobIdRaw()).isEqualTo(JobId.of(10));
        AccountingRecord pending = rows.get(18);
        assertThat(pending.jobId().isArrayRange()).isTrue();
        assertThat(pending.jobId().arrayTask()).isEqualTo("[3-6%2]");
        assertThat(pending.jobIdRaw()).isEqualTo(JobId.of(17));
        assertThat(pending.start()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(rows.get(12).end()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(rows.get(0).start()).isEqualTo(SlurmTime.of(LocalDateTime.of(2026, 11, 20, 22, 26, 38)));
        assertThat(rows.get(0).elapsed()).isEqualTo(Duration.ofSeconds(8));

        List<AccountingJob> jobs = AccountingJob.group(rows);
        assertThat(jobs).hasSize(7);
        assertThat(jobs.get(0).steps()).extracting(r -> r.jobId().step()).containsExactly("batch", "extern");
        assertThat(jobs.get(0).step("batch").jobIdRaw().toString()).isEqualTo("11.batch");
        assertThat(jobs.get(6).steps()).isEmpty();
        assertThat(jobs.get(6).jobId().toString()).isEqualTo("17_[3-6%2]");
    }

    @Test
    void briefFixedWidthFlagsTruncatedCancelledState() {
        Fixtures.Case c = Fixtures.load("sacct-brief");
        List<AccountingRecord> rows = SacctParser.fromHeader().parse(c.stdout());
        assertThat(rows.get(0).values().names()).containsExactlyElementsOf(SacctParser.BRIEF_FIELDS);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(1));
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.COMPLETED);
        AccountingRecord cut = rows.stream().filter(r -> r.jobId().toString().equals("7.batch")).findFirst().orElseThrow();
        assertThat(cut.isTruncated("State")).isTrue();
        assertThat(cut.state()).isNull();
        assertThat(cut.raw("State")).isEqualTo("CANCELLED+");
        assertThat(cut.exitCode()).isEqualTo(new ExitCode(0, 9));
        assertThat(rows.stream().filter(r -> r.isTruncated("State")).allMatch(r -> r.raw("State").equals("CANCELLED+"))).isTrue();
        AccountingRecord timeout = rows.stream().filter(r -> r.jobId().equals(JobId.of(5))).findFirst().orElseThrow();
        assertThat(timeout.state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(timeout.exitCode()).isEqualTo(new ExitCode(0, 15));
        Map<String, Object> view = AccountingRecordView.toMap(cut);
        assertThat(view).containsEntry("state", null).containsEntry("truncated_fields", List.of("state"));
    }

    @Test
    void commentFixedWidthKeepsPipeAndEquals() {
        List<AccountingRecord> rows = header("sacct-comment-fixed-width");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(63));
        assertThat(rows.get(0).comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(rows.get(0).values().truncated()).isEmpty();
        assertThat(rows.get(1).comment()).isNull();
    }

    @Test
    void commentWithPipeIsAmbiguousAmongThreeCommentColumnsUnlessNarrowed() {
        Fixtures.Case c = Fixtures.load("sacct-comment-with-pipe-and-equals");
        assertThatThrownBy(() -> SacctParser.fromHeader().parse(c.stdout()))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("Comment,AdminComment,SystemComment");
                });
        List<AccountingRecord> rows = SacctParser.fromHeader().withAbsorbingColumns("Comment").parse(c.stdout());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(rows.get(0).adminComment()).isNull();
        assertThat(rows.get(0).systemComment()).isNull();
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(rows.get(2).jobId().step()).isEqualTo("extern");
    }

    @Test
    void truncationPlusIsFlaggedNeverPresentedAsValue() {
        List<AccountingRecord> rows = header("sacct-format-truncation-plus");
        assertThat(rows).extracting(r -> r.jobId().id()).containsExactly(5L, 9L, 14L);
        assertThat(rows.get(0).isTruncated("JobName")).isTrue();
        assertThat(rows.get(0).jobName()).isNull();
        assertThat(rows.get(0).raw("JobName")).isEqualTo("will-time+");
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.TIMEOUT);
        assertThat(rows.get(1).isTruncated("JobName")).isTrue();
        assertThat(rows.get(1).raw("JobName")).isEqualTo("a|b,c=d `+");
        assertThat(rows.get(2).isTruncated("JobName")).isFalse();
        assertThat(rows.get(2).jobName()).isEqualTo("steps-long");
        assertThat(rows.get(2).comment()).isNull();
    }

    @Test
    void hetJobComponents() {
        List<AccountingRecord> rows = header("sacct-hetjob-pending");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).jobId().toString()).isEqualTo("21+0");
        assertThat(rows.get(0).jobId().hetOffset()).isZero();
        assertThat(rows.get(1).jobId().hetOffset()).isEqualTo(1);
        assertThat(rows.get(1).jobIdRaw()).isEqualTo(JobId.of(22));
        assertThat(rows.get(1).partition()).isEqualTo("gpu");
        assertThat(rows.get(1).allocTres()).isNull();
        assertThat(rows.get(1).reqTres().gpus()).hasValue(1);
        assertThat(rows.get(0).reqTres().memoryBytes()).hasValue(200 * MemorySize.MIB);
        assertThat(AccountingJob.group(rows)).hasSize(2);
    }

    @Test
    void longFixedWidthTable() {
        List<AccountingRecord> rows = header("sacct-long");
        assertThat(rows.size()).isEqualTo(11);
        assertThat(rows.get(0).values().names()).containsExactlyElementsOf(SacctParser.LONG_FIELDS);
        assertThat(rows.get(0).isTruncated("AllocTRES")).isTrue();
        assertThat(rows.get(0).allocTres()).isNull();
        assertThat(rows.get(0).raw("AllocTRES")).isEqualTo("billing=1+");
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(2));
        assertThat(rows.get(0).isTruncated("JobName")).isTrue();
        assertThat(rows.get(0).reqMem()).isEqualTo(new MemoryRequest(300 * MemorySize.MIB, MemoryRequest.Per.UNSPECIFIED));
        AccountingRecord batch = rows.get(1);
        assertThat(batch.jobId().toString()).isEqualTo("2.batch");
        assertThat(batch.maxVmSize()).isEqualTo(135136 * MemorySize.KIB);
        assertThat(batch.maxRss()).isEqualTo(130924 * MemorySize.KIB);
        assertThat(batch.<String>get(AccountingField.MAX_RSS_NODE)).isEqualTo("localhost");
        assertThat(batch.<Duration>get(AccountingField.AVE_CPU)).isEqualTo(Duration.ofSeconds(1));
        assertThat(batch.state().state()).isEqualTo(JobState.Name.COMPLETED);
        AccountingRecord failed = rows.get(3);
        assertThat(failed.jobName()).isEqualTo("fail-exit3");
        assertThat(failed.exitCode()).isEqualTo(new ExitCode(3, 0));
        assertThat(rows.get(10).jobId().toString()).isEqualTo("14.1");
        assertThat(rows.get(10).state().state()).isEqualTo(JobState.Name.RUNNING);
    }

    @Test
    void noMatchAndPendingFilterGiveNoRows() {
        assertThat(header("sacct-no-match")).isEmpty();
        assertThat(header("sacct-pending-states")).isEmpty();
    }

    @Test
    void noheaderFixedWidthWithGivenWidths() {
        Fixtures.Case c = Fixtures.load("sacct-noheader-fixed-width");
        SacctParser p = SacctParser.fixedWidth("JobID%-15,JobName%30,State%20,ExitCode,Elapsed,NodeList%25");
        List<AccountingRecord> rows = p.parse(c.stdoutBytes());
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(1));
        assertThat(rows.get(0).jobName()).isEqualTo("test1");
        assertThat(rows.get(0).nodeList()).containsExactly("localhost");
        AccountingRecord unicode = rows.stream().filter(r -> r.jobId().equals(JobId.of(15))).findFirst().orElseThrow();
        assertThat(unicode.jobName()).isEqualTo("训练任务 中文名");
        assertThat(unicode.state().state()).isEqualTo(JobState.Name.PREEMPTED);
        AccountingRecord cancelled = rows.stream().filter(r -> r.jobId().equals(JobId.of(18))).findFirst().orElseThrow();
        assertThat(cancelled.state().cancelledBy()).isZero();
        AccountingRecord het = rows.stream().filter(r -> r.jobId().toString().equals("21+1")).findFirst().orElseThrow();
        assertThat(het.nodeList()).isEmpty();
        AccountingRecord longName = rows.stream().filter(r -> r.jobId().equals(JobId.of(42))).findFirst().orElseThrow();
        assertThat(longName.isTruncated("JobName")).isTrue();
        assertThat(longName.jobName()).isNull();
        assertThat(rows.stream().filter(r -> r.jobName() != null && r.jobName().contains("|")).findFirst().orElseThrow().jobName())
                .isEqualTo("a|b,c=d `q` 's'");
        // the same output as a String (no broken UTF-8) cuts identically
        assertThat(p.parse(c.stdout())).hasSameSizeAs(rows);
    }

    @Test
    void manyFieldsAllRefusesTheAmbiguousCommentRowByDefault() {
        Fixtures.Case c = Fixtures.load("sacct-parsable2-many-fields-all");
        assertThatThrownBy(() -> SacctParser.fromHeader().parse(c.stdout()))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(118);
                    assertThat(e.field()).isEqualTo("WorkDir,Comment,Constraints");
                    assertThat(e.command()).isEqualTo("sacct");
                });
    }

    @Test
    void manyFieldsAll() {
        Fixtures.Case c = Fixtures.load("sacct-parsable2-many-fields-all");
        List<AccountingRecord> rows = SacctParser.fromHeader().withAbsorbingColumns("JobName", "Comment").parse(c.stdout());
        assertThat(rows).hasSize(125);
        assertThat(rows).allSatisfy(r -> assertThat(r.values().names()).hasSize(43));
        AccountingRecord first = rows.get(0);
        assertThat(first.jobId()).isEqualTo(JobId.of(1));
        assertThat(first.user()).isEqualTo("root");
        assertThat(first.qos()).isEqualTo("normal");
        assertThat(first.timelimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(first.totalCpu()).isEqualTo(Duration.ofSeconds(3).plusMillis(929));
        assertThat(first.userCpu()).isEqualTo(Duration.ofSeconds(3).plusMillis(817));
        assertThat(first.systemCpu()).isEqualTo(Duration.ofMillis(111));
        assertThat(first.cpuTime()).isEqualTo(Duration.ofSeconds(16));
        assertThat(first.<Long>get(AccountingField.CPU_TIME_RAW)).isEqualTo(16L);
        assertThat(first.allocCpus()).isEqualTo(1L);
        assertThat(first.ncpus()).isEqualTo(1L);
        assertThat(first.nnodes()).isEqualTo(1L);
        assertThat(first.ntasks()).isNull();
        assertThat(first.priority()).isEqualTo(11090L);
        assertThat(first.workDir()).isEqualTo("/srv/lab/out");
        assertThat(first.flags()).containsExactly("SchedMain", "StartRecieved");
        assertThat(first.reason()).isNull(); // None
        assertThat(first.derivedExitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.eligible()).isEqualTo(SlurmTime.of(LocalDateTime.of(2026, 11, 20, 22, 25, 33)));
        assertThat(first.allocTres().gpus()).hasValue(1);

        AccountingRecord batch = rows.get(1);
        assertThat(batch.user()).isNull();
        assertThat(batch.maxRss()).isEqualTo(171816 * MemorySize.KIB);
        assertThat(batch.<Long>get(AccountingField.AVE_RSS)).isEqualTo(171816 * MemorySize.KIB);

        AccountingRecord named = rows.stream().filter(r -> r.jobId().equals(JobId.of(9))).findFirst().orElseThrow();
        assertThat(named.jobName()).isEqualTo("a|b,c=d `q` 's'");
        assertThat(named.user()).isEqualTo("alice");
        assertThat(named.account()).isEqualTo("physics");

        AccountingRecord cancelledBy = rows.stream().filter(r -> r.jobId().toString().equals("7.batch")).findFirst().orElseThrow();
        assertThat(cancelledBy.state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(cancelledBy.state().cancelledBy()).isZero();

        AccountingRecord commented = rows.stream().filter(r -> r.jobId().equals(JobId.of(63))).findFirst().orElseThrow();
        assertThat(commented.comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(commented.workDir()).isEqualTo("/srv/lab/out");
        assertThat(commented.constraints()).isNull();
        assertThat(commented.flags()).containsExactly("SchedMain", "StartRecieved");

        AccountingRecord spaces = rows.stream().filter(r -> r.jobId().equals(JobId.of(18))).findFirst().orElseThrow();
        assertThat(spaces.workDir()).isEqualTo("/srv/lab/work dir with spaces");
        assertThat(spaces.<Duration>get(AccountingField.SUSPENDED)).isEqualTo(Duration.ofSeconds(222));

        AccountingRecord pending = rows.stream().filter(r -> r.jobId().equals(JobId.of(23))).findFirst().orElseThrow();
        assertThat(pending.timelimit()).isEqualTo(TimeLimit.PARTITION_LIMIT);
        assertThat(pending.nodeList()).isEmpty();
        assertThat(pending.start()).isEqualTo(SlurmTime.UNKNOWN);

        AccountingRecord deadline = rows.stream().filter(r -> r.jobId().equals(JobId.of(47))).findFirst().orElseThrow();
        assertThat(deadline.start()).isEqualTo(SlurmTime.NONE);
        assertThat(deadline.state().state()).isEqualTo(JobState.Name.DEADLINE);

        AccountingRecord units = rows.stream().filter(r -> r.jobId().toString().equals("10_1.batch")).findFirst().orElseThrow();
        assertThat(units.maxVmSize()).isEqualTo(Math.round(54.5 * MemorySize.MIB));
        assertThat(units.jobIdRaw().toString()).isEqualTo("11.batch");

        AccountingRecord year = rows.stream().filter(r -> r.jobId().equals(JobId.of(29))).findFirst().orElseThrow();
        assertThat(year.timelimit().duration()).isEqualTo(Duration.ofDays(365));

        Map<String, Object> view = AccountingRecordView.toMap(first);
        // 43 printed fields; JobID gives job_id (the own id, a number) and job_id_text
        assertThat(view).hasSize(44);
        assertThat(view.keySet()).startsWith("job_id", "job_id_text", "job_id_raw", "job_name", "user");
        assertThat(view).containsEntry("job_id", 1L).containsEntry("job_id_text", "1").containsEntry("job_id_raw", "1");
        assertThat(view).containsEntry("alloc_cpus", 1L)
                .containsEntry("elapsed", 16L)
                .containsEntry("total_cpu", 3.929)
                .containsEntry("timelimit", "UNLIMITED")
                .containsEntry("submit", "2026-11-20T22:25:33")
                .containsEntry("exit_code", Map.of("status", 0, "signal", 0))
                .containsEntry("max_rss", null)
                .containsEntry("state", "COMPLETED")
                .containsEntry("node_list", List.of("localhost"))
                .containsEntry("req_mem", Map.of("bytes", 256 * MemorySize.MIB, "per", "UNSPECIFIED"));
        assertThat(AccountingRecordView.toMap(batch)).containsEntry("max_rss", 171816 * MemorySize.KIB);
        assertThat(AccountingRecordView.toMap(year)).containsEntry("timelimit", 365L * 86400);

        List<AccountingJob> jobs = AccountingJob.group(rows);
        AccountingJob four = jobs.stream().filter(j -> JobId.of(4).equals(j.jobId())).findFirst().orElseThrow();
        assertThat(four.steps()).extracting(r -> r.jobId().step()).containsExactly("batch", "extern", "0", "1");
        assertThat(four.step("0").state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(four.step("nope")).isNull();
    }

    @Test
    void requeuedDuplicatesKeepEachIncarnation() {
        List<AccountingRecord> rows = header("sacct-requeued-then-cancelled-duplicates");
        assertThat(rows).hasSize(8);
        List<AccountingJob> jobs = AccountingJob.group(rows);
        assertThat(jobs).extracting(j -> j.jobId().id()).containsExactly(2L, 16L, 16L, 2L);
        assertThat(jobs.get(0).job().state().state()).isEqualTo(JobState.Name.REQUEUED);
        assertThat(jobs.get(0).steps()).hasSize(2);
        assertThat(jobs.get(1).step("batch").exitCode()).isEqualTo(new ExitCode(0, 15));
        assertThat(jobs.get(2).job().state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(jobs.get(2).steps()).isEmpty();
        assertThat(jobs.get(3).job().state().cancelledBy()).isZero();
        assertThat(jobs.get(3).job().submit()).isEqualTo(SlurmTime.of(LocalDateTime.of(2026, 11, 20, 22, 32, 7)));
    }

    @Test
    void runningWithStepsAndTresUsage() {
        List<AccountingRecord> rows = header("sacct-running-with-steps");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).jobId()).isEqualTo(JobId.of(14));
        assertThat(rows.get(0).tresUsageInMax()).isNull();
        assertThat(rows.get(0).totalCpu()).isEqualTo(Duration.ofMillis(1964));
        AccountingRecord step0 = rows.get(3);
        assertThat(step0.jobId().toString()).isEqualTo("14.0");
        assertThat(step0.maxRss()).isEqualTo(89988 * MemorySize.KIB);
        assertThat(step0.ntasks()).isEqualTo(1L);
        assertThat(step0.tresUsageInMax().asMap()).containsEntry("fs/disk", "39523").containsEntry("vmem", "94176K");
        assertThat(step0.tresUsageInMax().duration("cpu")).hasValue(Duration.ofSeconds(1));
        assertThat(AccountingRecordView.toMap(step0).get("tres_usage_in_max")).isInstanceOf(Map.class);
        List<AccountingJob> jobs = AccountingJob.group(rows);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).steps()).hasSize(4);
    }

    @Test
    void stateFilterPreempted() {
        List<AccountingRecord> rows = header("sacct-state-filter-preempted");
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.state().state()).isEqualTo(JobState.Name.PREEMPTED));
        assertThat(rows.get(0).jobName()).isEqualTo("训练任务 中文名");
        assertThat(rows.get(1).jobId().toString()).isEqualTo("17_1");
        assertThat(rows.get(1).user()).isEqualTo("alice");
    }

    @Test
    void userAliceSpecialNameAbsorbsPipeIntoJobName() {
        List<AccountingRecord> rows = header("sacct-user-alice-name-special");
        assertThat(rows).hasSize(14);
        assertThat(rows.get(0).jobName()).isEqualTo("a|b,c=d `q` 's'");
        assertThat(rows.get(0).state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(rows.get(0).account()).isEqualTo("physics");
        assertThat(rows.get(3).jobName()).isEqualTo("训练任务 中文名");
        assertThat(rows.get(13).jobId()).isEqualTo(JobId.of(36));
    }

    @Test
    void jsonV0038() {
        Fixtures.Case c = Fixtures.load("sacct-json");
        List<AccountingRecord> rows = SacctParser.json(ZoneOffset.UTC).parse(c.stdout());
        List<AccountingJob> jobs = AccountingJob.group(rows);
        assertThat(jobs).hasSize(58);
        AccountingJob first = jobs.get(0);
        assertThat(first.job().jobId().toString()).isEqualTo("17_2");
        assertThat(first.job().jobIdRaw()).isEqualTo(JobId.of(20));
        assertThat(first.job().state().state()).isEqualTo(JobState.Name.REQUEUED);
        assertThat(first.job().timelimit().duration()).isEqualTo(Duration.ofMinutes(120));
        assertThat(first.job().elapsed()).isEqualTo(Duration.ofSeconds(234));
        assertThat(first.job().start()).isEqualTo(SlurmTime.ofEpochSecond(1795213692L, ZoneOffset.UTC));
        assertThat(first.job().allocTres().memoryBytes()).hasValue(256 * MemorySize.MIB);
        assertThat(first.step("batch").exitCode()).isEqualTo(new ExitCode(0, 15));
        assertThat(first.step("batch").state().state()).isEqualTo(JobState.Name.CANCELLED);
        assertThat(first.step("batch").totalCpu()).isEqualTo(Duration.ofMillis(916));
        AccountingRecord het = rows.stream().filter(r -> JobId.of(22).equals(r.jobIdRaw())).findFirst().orElseThrow();
        assertThat(het.jobId().toString()).isEqualTo("21+1");
        AccountingRecord comment = rows.stream().filter(r -> JobId.of(63).equals(r.jobIdRaw())).findFirst().orElseThrow();
        assertThat(comment.comment()).isEqualTo("key=value spaces = signs; owner=ops team|x");
        assertThat(comment.timelimit()).isNull();
        AccountingRecord four = rows.stream().filter(r -> "4.0".equals(r.jobId().toString())).findFirst().orElseThrow();
        assertThat(four.jobIdRaw().toString()).isEqualTo("4.0");
        assertThat(AccountingRecordView.toMap(first.job())).containsEntry("job_id_text", "17_2").containsEntry("timelimit", 7200L);
    }

    @Test
    void jsonErrors() {
        assertThatThrownBy(() -> SacctParser.json().parse("{\"jobs\": 3}"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("jobs");
        assertThatThrownBy(() -> SacctParser.json().parse("{\n\"jobs\": [\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.reason()).startsWith("not JSON"));
        assertThatThrownBy(() -> SacctParser.json().parse("{\"jobs\": [{\"name\": \"x\"}]}"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("job_id"));
        assertThatThrownBy(() -> SacctParser.json().parse("{\"jobs\": [{\"job_id\": 5, \"state\": {\"current\": \"BOGUS\"}}]}"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("State"));
        assertThatThrownBy(() -> SacctParser.json().parse("{\"jobs\": [{\"job_id\": 5, \"steps\": [{\"step\": {}}]}]}"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("steps.step.id"));
    }

    @Test
    void jsonLaterVersionShapes() {
        String json = "{\"jobs\":[{\"job_id\":6362,\"name\":\"wrap\",\"array\":{\"job_id\":0,\"task_id\":{\"set\":false,\"infinite\":false,\"number\":0},\"task\":\"\"},"
                + "\"het\":{\"job_id\":0,\"job_offset\":{\"set\":false,\"infinite\":false,\"number\":0}},"
                + "\"state\":{\"current\":[\"PENDING\",\"REQUEUED\"],\"reason\":\"None\"},"
                + "\"exit_code\":{\"status\":[\"SIGNALED\"],\"return_code\":{\"set\":true,\"infinite\":false,\"number\":0},\"signal\":{\"id\":{\"set\":true,\"infinite\":false,\"number\":9},\"name\":\"KILL\"}},"
                + "\"time\":{\"elapsed\":61,\"start\":0,\"limit\":{\"set\":true,\"infinite\":true,\"number\":0},\"total\":{\"seconds\":1,\"microseconds\":500000}},"
                + "\"priority\":{\"set\":true,\"infinite\":false,\"number\":545},\"restart_cnt\":2,"
                + "\"tres\":{\"allocated\":[{\"type\":\"cpu\",\"name\":\"\",\"count\":32},{\"type\":\"energy\",\"name\":\"\",\"count\":-2},{\"type\":\"gres\",\"name\":\"gpu\",\"count\":2}]},"
                + "\"steps\":[{\"step\":{\"id\":\"6362.batch\",\"name\":\"batch\"},\"state\":[\"COMPLETED\"],\"time\":{\"end\":{\"set\":true,\"infinite\":false,\"number\":1762788837}},\"tasks\":{\"count\":1}}]},"
                + "{\"job_id\":\"40\",\"array\":{\"job_id\":40,\"task\":\"1-5%2\"}}]}";
        List<AccountingRecord> rows = SacctParser.json(ZoneOffset.UTC).parse(json);
        assertThat(rows).hasSize(3);
        AccountingRecord job = rows.get(0);
        assertThat(job.jobId()).isEqualTo(JobId.of(6362));
        assertThat(job.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(job.state().flags()).containsExactly(JobState.Name.REQUEUED);
        assertThat(job.exitCode()).isEqualTo(new ExitCode(0, 9));
        assertThat(job.timelimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(job.start()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(job.totalCpu()).isEqualTo(Duration.ofMillis(1500));
        assertThat(job.priority()).isEqualTo(545L);
        assertThat(job.restarts()).isEqualTo(2L);
        assertThat(job.allocTres().asMap()).containsOnlyKeys("cpu", "gres/gpu");
        assertThat(rows.get(1).jobId().toString()).isEqualTo("6362.batch");
        assertThat(rows.get(1).end()).isEqualTo(SlurmTime.of(LocalDateTime.of(2025, 11, 10, 15, 33, 57)));
        // a whole minute is written with its seconds, as sacct's text prints it
        List<AccountingRecord> minute = SacctParser.json(ZoneOffset.UTC).parse(
                "{\"jobs\":[{\"job_id\":7,\"time\":{\"submission\":1762788780}}]}");
        assertThat(minute.get(0).values().raw("Submit")).isEqualTo("2025-11-10T15:33:00");
        assertThat(rows.get(1).ntasks()).isEqualTo(1L);
        assertThat(rows.get(2).jobId().toString()).isEqualTo("40_[1-5%2]");
    }

    @Test
    void parsableWithoutHeaderTrailingDelimiterAndCustomDelimiter() {
        SacctParser p = SacctParser.parsableWithTrailingDelimiter(List.of("JobID", "JobName", "State"));
        List<AccountingRecord> rows = p.parse("5|a|b|TIMEOUT|\n5.batch|batch|CANCELLED by 1001|\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).jobName()).isEqualTo("a|b");
        assertThat(rows.get(1).state().cancelledBy()).isEqualTo(1001L);
        List<AccountingRecord> custom = SacctParser.parsable(List.of("JobID", "Comment", "State")).withDelimiter("\u001f")
                .parse("7\u001fx|y\u001fCOMPLETED\n");
        assertThat(custom.get(0).comment()).isEqualTo("x|y");
        List<AccountingRecord> header = SacctParser.fromHeader().withDelimiter(";").parse("JobID;State;Foo\n3;FAILED;bar\n");
        assertThat(header.get(0).values().extras()).containsEntry("Foo", "bar");
        assertThat(AccountingRecordView.toMap(header.get(0))).containsEntry("foo", "bar").containsEntry("job_id", 3L).containsEntry("job_id_text", "3");
        assertThat(SacctParser.fromHeader().parse("")).isEmpty();
        assertThat(SacctParser.parsable(List.of("JobID", "Comment")).parse("5|\n").get(0).comment()).isNull();
        assertThat(SacctParser.fromHeader().parse("JobID|State|\n1|RUNNING|\n").get(0).state().state()).isEqualTo(JobState.Name.RUNNING);
    }

    @Test
    void badRowsAreRefusedWithLineAndField() {
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|State\n1|RUNNING\n2|NOT_A_STATE\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("State");
                    assertThat(e.excerpt()).isEqualTo("2|NOT_A_STATE");
                });
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|State|ExitCode\n1|RUNNING\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("ExitCode"));
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID|State|\n1|RUNNING\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("does not end");
        assertThatThrownBy(() -> SacctParser.fromHeader().parse("JobID||State\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("empty field name");
        assertThatThrownBy(() -> SacctParser.fixedWidth().parse("JobID State\n1 RUNNING\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("----");
        assertThatThrownBy(() -> SacctParser.fixedWidth().parse("JobID      State\n---------- ----------\n1234567890123 RUNNING\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> SacctParser.fixedWidth("JobID,Bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SacctParser.json().withDelimiter(";")).isInstanceOf(IllegalStateException.class);
        assertThat(SacctParser.fixedWidth().parse("\n")).isEmpty();
    }

    @Test
    void cutHeaderNameResolvesToTheFieldItStarts() {
        String out = "JobID      MaxVMSizeN+\n---------- -----------\n3            localhost\n";
        List<AccountingRecord> rows = SacctParser.fromHeader().parse(out);
        assertThat(rows.get(0).values().names()).containsExactly("JobID", "MaxVMSizeNode");
        String ambiguous = "JobID      MaxVMSize+\n---------- ----------\n3             73696K\n";
        List<AccountingRecord> cut = SacctParser.fromHeader().parse(ambiguous);
        assertThat(cut.get(0).values().names()).containsExactly("JobID", "MaxVMSize+");
        assertThat(cut.get(0).values().extras()).containsEntry("MaxVMSize+", "73696K");
    }
}
