package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmTable;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.model.node.SinfoRow;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every format-driven parser is fed the lab's output of one format with and without its header,
 * both ways round: the right parser reads every row; the wrong one refuses at line 1 and says what
 * it expected, instead of taking the first row for the header (one job fewer, no error) or the
 * header for a row.
 */
class HeaderBothWaysTest {

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    /** The refusal: a parse error at the first line that quotes it and says what was expected. */
    private static SlurmParseException refused(Executable parse, Fixtures.Case c, String expected) {
        SlurmParseException e = catchThrowableOfType(() -> {
            try {
                parse.execute();
            } catch (Throwable t) {
                throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
            }
        }, SlurmParseException.class);
        assertThat(e).as(c.name() + " must be refused").isNotNull();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).as("field of the refusal of %s", c.name()).isNotNull();
        assertThat(c.stdout()).startsWith(e.excerpt().endsWith("…") ? e.excerpt().substring(0, e.excerpt().length() - 1)
                : e.excerpt());
        assertThat(e.reason()).contains(expected);
        return e;
    }

    private static ParsedOutput dispatch(Fixtures.Case c) {
        return CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
    }

    @Test
    void squeuePipeFormat() {
        Fixtures.Case with = lab("squeue-pipe-format-header");
        Fixtures.Case without = lab("squeue-pipe-format-noheader");
        SqueueParser p = SqueueParser.forFormat("%i|%j|%u|%T|%M|%R");
        for (List<SqueueRow> rows : List.of(p.parse(with.stdoutBytes()), p.withoutHeader().parse(without.stdoutBytes()))) {
            assertThat(rows).extracting(SqueueRow::jobId).containsExactly(JobId.of(20), JobId.of(6));
            assertThat(rows.get(0).name()).isEqualTo("p9-held");
            assertThat(rows.get(0).reason()).isEqualTo("JobHeldUser");
            assertThat(rows.get(1).state().state()).isEqualTo(JobState.Name.RUNNING);
            assertThat(rows.get(1).nodeList()).isEqualTo("localhost");
        }
        SlurmParseException e = refused(() -> p.parse(without.stdoutBytes()), without, "expected the header line of squeue format '%i|%j|%u|%T|%M|%R'");
        assertThat(e.field()).isEqualTo("JobArrayID");
        assertThat(e.reason()).contains("'20'").contains("'JOBID'").contains("withoutHeader");
        refused(() -> p.withoutHeader().parse(with.stdoutBytes()), with, "starts with its header");
        assertThat(dispatch(with).items()).hasSize(2);
        assertThat(dispatch(without).items()).hasSize(2).first().satisfies(m -> assertThat(m).containsEntry("job_id", 20L));
    }

    @Test
    void squeueLongNamesFormat() {
        // squeue -O with widths (held job 28830, running job 28831), printed with and without -h
        Fixtures.Case with = lab("squeue-format-O-header");
        Fixtures.Case without = lab("squeue-format-O-noheader");
        SqueueParser p = SqueueParser.forFormatLong("JobID:12,Name:20,UserName:10,State:12,Reason:20");
        for (List<SqueueRow> rows : List.of(p.parse(with.stdoutBytes()), p.withoutHeader().parse(without.stdoutBytes()))) {
            assertThat(rows).extracting(r -> r.extras().get("JobID") == null ? r.jobId() : r.extras().get("JobID"))
                    .hasSize(2);
            assertThat(rows).extracting(SqueueRow::name).containsExactly("O-held", "O-run");
            assertThat(rows).extracting(SqueueRow::user).containsExactly("alice", "alice");
            assertThat(rows.get(0).reason()).isEqualTo("JobHeldUser");
            assertThat(rows.get(1).state().state()).isEqualTo(JobState.Name.RUNNING);
            assertThat(rows.get(1).reason()).isNull();
        }
        refused(() -> p.parse(without.stdoutBytes()), without, "expected the header line");
        refused(() -> p.withoutHeader().parse(with.stdoutBytes()), with, "starts with its header");
    }

    @Test
    void sinfoLongNamesFormat() {
        // sinfo -N -O with widths, printed with and without -h
        Fixtures.Case with = lab("sinfo-format-O-header");
        Fixtures.Case without = lab("sinfo-format-O-noheader");
        SinfoParser p = SinfoParser.forFormatLong("NodeList:20,Partition:12,StateLong:12,CPUs:6");
        for (List<SinfoRow> rows : List.of(p.parse(with.stdoutBytes()), p.withoutHeader().parse(without.stdoutBytes()))) {
            assertThat(rows).hasSize(10);
            assertThat(rows.get(0).nodeList()).isEqualTo("cpu01");
            assertThat(rows.get(0).partition()).isEqualTo("cpu");
            assertThat(rows.get(0).cpusPerNode()).isEqualTo(16);
            assertThat(rows.get(5).nodeList()).isEqualTo("localhost");
            assertThat(rows.get(5).partition()).isEqualTo("debug");
            assertThat(rows.get(5).defaultPartition()).isTrue();
        }
        refused(() -> p.parse(without.stdoutBytes()), without, "expected the header line");
        refused(() -> p.withoutHeader().parse(with.stdoutBytes()), with, "starts with its header");
    }

    @Test
    void squeueDefaultAndLongFormats() {
        Fixtures.Case with = lab("squeue-default-header");
        Fixtures.Case without = lab("squeue-default-noheader");
        SqueueParser p = SqueueParser.defaultFormat();
        for (List<SqueueRow> rows : List.of(p.parse(with.stdoutBytes()), p.withoutHeader().parse(without.stdoutBytes()))) {
            assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("20", "6");
            assertThat(rows.get(1).name()).isEqualTo("p9-run");
            assertThat(rows.get(1).user()).isEqualTo("root");
        }
        refused(() -> p.parse(without.stdoutBytes()), without, "but column %.18i reads '20' where 'JOBID' or 'STEPID' belongs");
        refused(() -> p.withoutHeader().parse(with.stdoutBytes()), with, "starts with its header");

        // squeue -l -h prints neither the date line nor the header
        Fixtures.Case longNoHeader = lab("squeue-long-format-noheader");
        List<SqueueRow> rows = SqueueParser.longFormat().withoutHeader().parse(longNoHeader.stdoutBytes());
        assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("20", "6");
        assertThat(rows.get(1).timeLimit()).isEqualTo(TimeLimit.of(Duration.ofMinutes(1)));
        refused(() -> SqueueParser.longFormat().parse(longNoHeader.stdoutBytes()), longNoHeader, "expected the header line");
        assertThat(dispatch(longNoHeader).items()).hasSize(2);
        // and the -l output with its date line and header is refused by the headerless parser
        Fixtures.Case longWith = Fixtures.load("squeue-long");
        refused(() -> SqueueParser.longFormat().withoutHeader().parse(longWith.stdoutBytes()), longWith, "-l date line");
    }

    @Test
    void sinfoPipeAndDefaultFormats() {
        Fixtures.Case with = lab("sinfo-pipe-format-header");
        Fixtures.Case without = lab("sinfo-pipe-format-noheader");
        SinfoParser p = SinfoParser.forFormat("%P|%a|%l|%D|%t|%N");
        for (List<SinfoRow> rows : List.of(p.parse(with.stdoutBytes()), p.withoutHeader().parse(without.stdoutBytes()))) {
            assertThat(rows).hasSize(9);
            assertThat(rows.get(0).partition()).isEqualTo("debug");
            assertThat(rows.get(0).defaultPartition()).isTrue();
            assertThat(rows.get(1).nodeList()).isEqualTo("gpu[01-02]");
        }
        refused(() -> p.parse(without.stdoutBytes()), without, "column %P reads 'debug*' where 'PARTITION' belongs");
        refused(() -> p.withoutHeader().parse(with.stdoutBytes()), with, "starts with its header");

        Fixtures.Case dWith = lab("sinfo-default-header");
        Fixtures.Case dWithout = lab("sinfo-default-noheader");
        SinfoParser d = SinfoParser.defaultFormat();
        for (List<SinfoRow> rows : List.of(d.parse(dWith.stdoutBytes()), d.withoutHeader().parse(dWithout.stdoutBytes()))) {
            assertThat(rows).extracting(SinfoRow::partition).containsExactly("debug", "gpu", "gpu", "cpu", "cpu", "cpu",
                    "short", "maint", "urgent");
            assertThat(rows.get(7).available()).isEqualTo("down");
        }
        refused(() -> d.parse(dWithout.stdoutBytes()), dWithout, "expected the header line of sinfo format");
        refused(() -> d.withoutHeader().parse(dWith.stdoutBytes()), dWith, "starts with its header");
        assertThat(dispatch(dWithout).items()).hasSize(9);
        assertThat(dispatch(without).items()).hasSize(9);
    }

    @Test
    void sacctParsableAndFixedWidth() {
        List<String> fields = List.of("JobID", "JobName", "State", "ExitCode");
        Fixtures.Case with = lab("sacct-parsable-format-header");
        Fixtures.Case without = lab("sacct-parsable-format-noheader");
        Fixtures.Case fixedWith = lab("sacct-fixed-format-header");
        Fixtures.Case fixedWithout = lab("sacct-fixed-format-noheader");
        for (List<AccountingRecord> rows : List.of(SacctParser.fromHeader().parse(with.stdout()),
                SacctParser.parsable(fields).parse(without.stdout()), SacctParser.fromHeader().parse(fixedWith.stdoutBytes()),
                SacctParser.fixedWidth(String.join(",", fields)).parse(fixedWithout.stdoutBytes()))) {
            assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("6", "6.batch", "6.extern", "6.0", "20");
            assertThat(rows.get(0).jobName()).isEqualTo("p9-run");
            // "CANCELLED by 0" when parsable, cut to "CANCELLED+" (no typed state) in fixed width
            assertThat(rows.get(4).values().raw("State")).startsWith("CANCELLED");
        }
        refused(() -> SacctParser.fromHeader().parse(without.stdout()), without, "'6' is not a field name");
        refused(() -> SacctParser.parsable(fields).parse(with.stdout()), with, "starts with its header line");
        // without ruler the output is not recognised as fixed-width, and its first row is no header
        refused(() -> SacctParser.fromHeader().parse(fixedWithout.stdoutBytes()), fixedWithout, "is not a field name");
        refused(() -> SacctParser.fixedWidth(String.join(",", fields)).parse(fixedWith.stdoutBytes()), fixedWith,
                "starts with its header line");
        assertThat(dispatch(without).items()).hasSize(5);
        assertThat(dispatch(fixedWithout).items()).hasSize(5);
    }

    @Test
    void sstatParsable() {
        List<String> fields = List.of("JobID", "MaxRSS", "AveCPU", "NTasks");
        Fixtures.Case with = lab("sstat-parsable-format-header");
        Fixtures.Case without = lab("sstat-parsable-format-noheader");
        for (List<StepStatRecord> rows : List.of(SstatParser.fromHeader().parse(with.stdout()),
                SstatParser.parsable(fields).parse(without.stdout()))) {
            assertThat(rows).extracting(r -> r.jobId().toString()).containsExactly("6.extern", "6.batch", "6.0");
            assertThat(rows.get(1).maxRss()).isEqualTo(10712 * 1024L);
            assertThat(rows.get(2).ntasks()).isEqualTo(1L);
        }
        refused(() -> SstatParser.fromHeader().parse(without.stdout()), without, "'6.extern' is not a field name");
        refused(() -> SstatParser.parsable(fields).parse(with.stdout()), with, "starts with its header line");
        assertThat(dispatch(without).items()).hasSize(3);
    }

    @Test
    void reportTablesWithTheirFieldList() {
        Fixtures.Case with = lab("sacctmgr-list-users-parsable-header");
        Fixtures.Case without = lab("sacctmgr-list-users-parsable-noheader");
        List<String> fields = List.of("User", "DefaultAccount", "Admin");
        SlurmTableParser p = SlurmTableParser.parsable("sacctmgr").withColumns(fields);
        SlurmTable t = p.parse(with.stdout());
        assertThat(t.columns()).containsExactly("User", "Def Acct", "Admin");
        SlurmTable u = p.withoutHeader(false).parse(without.stdout());
        assertThat(u.columns()).containsExactly("User", "DefaultAccount", "Admin");
        for (SlurmTable table : List.of(t, u)) {
            assertThat(table.rows()).hasSize(3);
            assertThat(table.rows().get(0).values()).containsExactly("alice", "physics", "None");
            assertThat(table.rows().get(2).values()).containsExactly("root", "root", "Administrator");
        }
        refused(() -> p.parse(without.stdout()), without, "naming User,DefaultAccount,Admin");
        refused(() -> p.withoutHeader(false).parse(with.stdout()), with, "starts with their header line");
        assertThat(dispatch(without).items()).hasSize(3).first().satisfies(m -> assertThat(m).containsEntry("user", "alice"));

        Fixtures.Case share = lab("sshare-parsable-format-header");
        Fixtures.Case shareWithout = lab("sshare-parsable-format-noheader");
        // without the field list the header is still checked: sshare's first row has empty cells
        refused(() -> SlurmTableParser.parsable("sshare").parse(shareWithout.stdout()), shareWithout, "'' is no column title");
        List<String> shareFields = List.of("Account", "User", "RawShares", "NormShares", "FairShare");
        refused(() -> SlurmTableParser.parsable("sshare").withColumns(shareFields).withoutHeader(false).parse(share.stdout()), share,
                "starts with their header line");
        assertThat(SlurmTableParser.parsable("sshare").withColumns(shareFields).withoutHeader(false).parse(shareWithout.stdout())
                .rows()).hasSize(9);
        SlurmTable s = SlurmTableParser.parsable("sshare").parse(share.stdout());
        assertThat(s.rows()).hasSize(9);
        assertThat(s.get(8, "User")).isEqualTo("alice");
        assertThat(s.get(8, "FairShare")).isEqualTo("0.200000");
        assertThat(dispatch(shareWithout).items()).hasSize(9);
        assertThat(dispatch(share).items()).hasSize(9);
    }
}
