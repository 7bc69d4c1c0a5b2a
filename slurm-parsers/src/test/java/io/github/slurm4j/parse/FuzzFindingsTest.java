package io.github.slurm4j.parse;

import io.github.slurm4j.parse.scontrol.ScontrolParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.slurm4j.fixtures.Fixtures;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link ParserFuzzTest} found, each kept as a regression named after what broke. */
class FuzzFindingsTest {

    private static final String US = "\u001f";

    @Test
    void aPipeDelimitedRowWithoutItsDelimitersIsRefusedNotReadAsAnEmptyJob() {
        // squeue --json fed to the squeue -o %all parser: every JSON line became a "job" with all
        // 52 fields empty but the first, 7787 of them, and no error
        Fixtures.Case json = Fixtures.load("squeue-json");
        SlurmParseException e = catchThrowableOfType(() -> SqueueParser.forFormat("%all").withoutHeader().parse(json.stdoutBytes()),
                SlurmParseException.class);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("row has 0 '|', the format 51: values are missing");
        assertThatThrownBy(() -> SinfoParser.forFormat("%P|%a|%D").withoutHeader().parse("debug|up\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, x -> assertThat(x.field()).isEqualTo("Nodes"));
    }

    @Test
    void aRowThatNeverGetsItsDelimitersTakesLinearTime() {
        // joining the lines of a row that holds a line break copied the row once per line:
        // quadratic, 10 to 15 seconds for 200 KB (squeue --json fed to a U+001F format)
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            big.append("line ").append(i).append(" without the delimiter\n");
        }
        String text = big.toString();
        SqueueParser squeue = SqueueParser.forFormatLong("JobID:" + US + ",Name:" + US + ",WorkDir:").withoutHeader();
        SlurmParseException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(() -> squeue.parse(text), SlurmParseException.class));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("fewer delimiters");
        SacctParser sacct = SacctParser.parsable(List.of("JobID", "JobName", "State")).withDelimiter(US);
        SlurmParseException s = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(() -> sacct.parse(text), SlurmParseException.class));
        assertThat(s.line()).isEqualTo(1);
    }

    @Test
    void aKibCountTooLargeForBytesIsAParseErrorNotAnArithmeticException() {
        // ps -o rss with 17 digits: Math.multiplyExact threw ArithmeticException
        SlurmParseException e = catchThrowableOfType(() -> PsParser.parse("1 0 root 0.0 0.0 99999999999999999 1 1 x\n"),
                SlurmParseException.class);
        assertThat(e.field()).isEqualTo("rss");
    }

    @Test
    void aStructuredValueContinuedOnTheNextLineIsRefusedByTheParser() {
        // one blank turned into ']' at the start of a line after "NodeList=": the line is neither a
        // key line nor a record start, so it would continue NodeList's value; only free text may
        // hold a line break, so the record is refused (it was read as NodeList="\n  ]NumNodes=1"
        // with NumNodes missing, and JobView's hostlist expansion then threw)
        Fixtures.Case c = Fixtures.load("scontrol-job-array-all-pending");
        String broken = c.stdout().replace("\n   NumNodes=1 ", "\n  ]NumNodes=1 ");
        assertThat(broken).isNotEqualTo(c.stdout());
        SlurmParseException direct = catchThrowableOfType(() -> ScontrolParser.parseJobs(broken), SlurmParseException.class);
        assertThat(direct.field()).isEqualTo("NodeList");
        assertThat(direct.reason()).contains("a line break inside NodeList=");
        SlurmParseException e = catchThrowableOfType(() -> CommandOutputParser.parse(
                new CommandOutput(c.cmd(), broken, "", 0), ZoneOffset.UTC), SlurmParseException.class);
        assertThat(e.reason()).contains("a line break inside NodeList=");
        // a job name may still hold one (ScontrolNewlineTest)
    }

    @Test
    void anOutputThatLacksAMarkerLineIsAParseErrorNotABadCommandLine() {
        // the command line is fine; the output lost its "===" line
        String cmd = "sinfo -d; echo ===; sinfo -r";
        SlurmParseException e = catchThrowableOfType(() -> CommandOutputParser.parse(
                new CommandOutput(cmd, "PARTITION AVAIL  TIMELIMIT  NODES  STATE NODELIST\n", "", 0), ZoneOffset.UTC),
                SlurmParseException.class);
        assertThat(e.reason()).contains("1 parts between its marker lines [===], the command line 2 commands");
    }

    @Test
    void aCpuTimeTooLongForMillisecondsIsShownInSeconds() {
        // found by ParserFuzzTest (seed -3379660611932136551): one flipped bit in sstat's output gave
        // an AveCPU of billions of days, and AccountingRecordView's Duration.toMillis overflowed
        Fixtures.Case c = Fixtures.load("slurm-22.05", "sstat-parsable-running-allsteps");
        String huge = c.stdout().replaceFirst("\\|00:00:00\\|", "|99999999999999-00:00:00|");
        assertThat(huge).isNotEqualTo(c.stdout());
        ParsedOutput out = CommandOutputParser.parse(new CommandOutput(c.cmd(), huge, "", 0), ZoneOffset.UTC);
        assertThat(out.items()).isNotEmpty();
        assertThat(out.items()).anySatisfy(item -> assertThat(item.values()).contains(99999999999999L * 86400.0));
    }
}
