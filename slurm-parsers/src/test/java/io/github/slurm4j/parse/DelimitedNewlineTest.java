package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.SqueueRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * squeue {@code -O} and sacct {@code -P} rows whose values hold line breaks, with the command
 * layer's U+001F delimiter: a row with too few delimiters goes on over the line break.
 */
class DelimitedNewlineTest {
    private static final String US = "\u001f";
    private static final SqueueParser SQUEUE =
            SqueueParser.forFormatLong("JobID:" + US + ",Name:" + US + ",Comment:" + US + ",WorkDir:").withoutHeader();

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    @Test
    void labSqueueLineBreakInTheLastColumnIsRefused() {
        // no delimiter after the last column: its line break cannot be seen, the rest reads as a short row
        Fixtures.Case c = lab("squeue-newlines-us-delimited");
        SlurmParseException e = catchThrowableOfType(() -> SQUEUE.parse(c.stdoutBytes()), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.excerpt()).isEqualTo("dir");
    }

    @Test
    void labSqueueRowGoesOnOverLineBreaks() {
        Fixtures.Case c = lab("squeue-newlines-us-delimited-trailing");
        SqueueParser trailing = SqueueParser.forFormatLong(
                "JobID:" + US + ",Name:" + US + ",Comment:" + US + ",WorkDir:" + US).withoutHeader();
        List<SqueueRow> rows = trailing.parse(c.stdoutBytes());
        assertThat(rows).hasSize(1);
        SqueueRow r = rows.get(0);
        assertThat(r.jobId().toString()).isEqualTo("96");
        assertThat(r.name()).isEqualTo("evil\nname");
        assertThat(r.extras()).containsEntry("Comment", "c1\nc2 x=y");
        assertThat(r.workDir()).isEqualTo("/tmp/nl\ndir");
    }

    @Test
    void squeueRowsAroundAndTwoLineBreaks() {
        String text = "1" + US + "a" + US + "c" + US + "/w\n"
                + "2" + US + "x\n\ny" + US + "" + US + "/w\n"
                + "3" + US + "b" + US + "c" + US + "/w\n";
        List<SqueueRow> rows = SQUEUE.parse(text);
        assertThat(rows).extracting(SqueueRow::name).containsExactly("a", "x\n\ny", "b");
    }

    @Test
    void squeueRowCutShortOrWithSurplusIsRefused() {
        SlurmParseException cut = catchThrowableOfType(
                () -> SQUEUE.parse("1" + US + "a\nb" + US + "c\n"), SlurmParseException.class);
        assertThat(cut.line()).isEqualTo(1);
        assertThat(cut.reason()).contains("fewer delimiters");
        // a name holding the delimiter and a line break: one line too many delimiters -> the existing error
        SlurmParseException surplus = catchThrowableOfType(
                () -> SQUEUE.parse("1" + US + "x" + US + "y\n2" + US + "n" + US + "c" + US + "/w\n"), SlurmParseException.class);
        assertThat(surplus.line()).isEqualTo(1);
        assertThat(surplus.reason()).contains("ambiguous");
    }

    @Test
    void squeueWithPipeDelimiterDoesNotJoin() {
        SqueueParser pipe = SqueueParser.forFormatLong("JobID:|,Name:|,WorkDir:").withoutHeader();
        SlurmParseException e = catchThrowableOfType(() -> pipe.parse("1|a\nb|/w\n"), SlurmParseException.class);
        // the first half is refused at once (it used to pass as a job without WorkDir)
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("WorkDir");
        assertThat(e.reason()).contains("row has 1 '|', the format 2: values are missing");
    }

    @Test
    void labSacctRowGoesOnOverLineBreaks() {
        Fixtures.Case c = lab("sacct-newlines-us-delimited");
        List<AccountingRecord> rows = SacctParser.fromHeader().withDelimiter(US).parse(c.stdout());
        assertThat(rows).hasSize(3);
        AccountingRecord job = rows.get(0);
        assertThat(job.jobName()).isEqualTo("done\nname");
        assertThat(job.comment()).isEqualTo("d1\n\nd2 ");
        assertThat(rows.get(1).jobName()).isEqualTo("batch");
        assertThat(rows.get(2).jobName()).isEqualTo("extern");
    }

    @Test
    void sacctRowCutShortIsRefusedAndPipeDoesNotJoin() {
        SacctParser p = SacctParser.parsable(List.of("JobID", "JobName", "State")).withDelimiter(US);
        SlurmParseException cut = catchThrowableOfType(
                () -> p.parse("5" + US + "a\nb\n"), SlurmParseException.class);
        assertThat(cut.line()).isEqualTo(1);
        assertThat(cut.reason()).contains("fewer");
        assertThat(p.parse("5" + US + "a\r\nb" + US + "COMPLETED\n").get(0).jobName()).isEqualTo("a\nb");
        SlurmParseException pipe = catchThrowableOfType(
                () -> SacctParser.parsable(List.of("JobID", "JobName", "State")).parse("5|a\nb|COMPLETED\n"),
                SlurmParseException.class);
        assertThat(pipe.line()).isEqualTo(1);
        SlurmParseException surplus = catchThrowableOfType(
                () -> p.parse("5" + US + "a\nb" + US + "c" + US + "COMPLETED\n"), SlurmParseException.class);
        assertThat(surplus.reason()).contains("ambiguous");
        SacctParser trailing = SacctParser.parsableWithTrailingDelimiter(List.of("JobID", "JobName")).withDelimiter(US);
        assertThat(trailing.parse("5" + US + "a\nb" + US + "\n").get(0).jobName()).isEqualTo("a\nb");
    }
}
