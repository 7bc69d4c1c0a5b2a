package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Job names, comments and work dirs that hold line breaks (scontrol prints them raw): honest
 * values come out verbatim, hostile ones end in a located {@link SlurmParseException}.
 */
class ScontrolNewlineTest {
    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    /** The captured {@code -o} record, with the line breaks of its values replaced by {@code |}. */
    private static String plainOneLiner() {
        return lab("scontrol-job-oneliner-newlines").stdout()
                .replace("evil\nname", "N").replace("c1\nc2 x=y", "C").replace("/tmp/nl\ndir", "/w");
    }

    private static String plainMultiLine() {
        return lab("scontrol-job-multiline-newlines").stdout()
                .replace("evil\nname", "N").replace("c1\nc2 x=y", "C").replace("/tmp/nl\ndir", "/w");
    }

    private static void assertLabJob(Job j) {
        assertThat(j.jobId()).isEqualTo(94L);
        assertThat(j.identity().name()).isEqualTo("evil\nname");
        assertThat(j.identity().comment()).isEqualTo("c1\nc2 x=y");
        assertThat(j.io().workDir()).isEqualTo("/tmp/nl\ndir");
        assertThat(j.io().stdOut()).isEqualTo("/tmp/nl\ndir/slurm-94.out");
        assertThat(j.io().stdErr()).isEqualTo("/tmp/nl\ndir/slurm-94.out");
        assertThat(j.io().stdIn()).isEqualTo("/dev/null");
        assertThat(j.identity().user().name()).isEqualTo("root");
        assertThat(j.state()).isEqualTo(JobState.parse("PENDING"));
        assertThat(j.status().reason()).isEqualTo("JobHeldUser");
        assertThat(j.identity().partition()).isEqualTo("debug");
        assertThat(j.resources().power()).isEmpty();
        assertThat(j.extras()).isEmpty();
    }

    @Test
    void labOneLinerReadsNameCommentAndWorkDirVerbatim() {
        Fixtures.Case c = lab("scontrol-job-oneliner-newlines");
        assertThat(c.rc()).isZero();
        List<Job> jobs = ScontrolParser.parseJobs(c.stdout());
        assertThat(jobs).hasSize(1);
        assertLabJob(jobs.get(0));
    }

    @Test
    void labMultiLineReadsTheSameJob() {
        Fixtures.Case c = lab("scontrol-job-multiline-newlines");
        List<Job> jobs = ScontrolParser.parseJobs(c.stdout());
        assertThat(jobs).hasSize(1);
        assertLabJob(jobs.get(0));
        assertThat(jobs.get(0)).isEqualTo(ScontrolParser.parseJobs(lab("scontrol-job-oneliner-newlines").stdout()).get(0));
    }

    @Test
    void severalRecordsWithLineBreaksStream() {
        String one = lab("scontrol-job-oneliner-newlines").stdout();
        String text = one + one.replace("JobId=94 ", "JobId=95 ") + plainOneLiner().replace("JobId=94 ", "JobId=96 ");
        List<Job> seen = new ArrayList<>();
        ScontrolParser.parseJobs(new StringReader(text), seen::add);
        assertThat(seen).extracting(Job::jobId).containsExactly(94L, 95L, 96L);
        assertThat(seen).extracting(j -> j.identity().name()).containsExactly("evil\nname", "evil\nname", "N");
        String multi = lab("scontrol-job-multiline-newlines").stdout();
        List<Job> jobs = ScontrolParser.parseJobs(multi + multi.replace("JobId=94 ", "JobId=95 "));
        assertThat(jobs).extracting(j -> j.io().workDir()).containsExactly("/tmp/nl\ndir", "/tmp/nl\ndir");
    }

    @Test
    void valueEndingInALineBreak() {
        Job o = ScontrolParser.parseJobs(plainOneLiner().replace("JobName=N ", "JobName=x\n ")).get(0);
        assertThat(o.identity().name()).isEqualTo("x\n");
        assertThat(o.identity().user().name()).isEqualTo("root");
        Job o2 = ScontrolParser.parseJobs(plainOneLiner().replace("JobName=N ", "JobName=x\n  ")).get(0);
        assertThat(o2.identity().name()).isEqualTo("x\n ");
        Job m = ScontrolParser.parseJobs(plainMultiLine().replace("JobName=N\n", "JobName=x\n\n")).get(0);
        assertThat(m.identity().name()).isEqualTo("x\n");
        assertThat(m.identity().user().name()).isEqualTo("root");
        Job c = ScontrolParser.parseJobs(plainMultiLine().replace("Comment=C ", "Comment=c\n ")).get(0);
        assertThat(c.identity().comment()).isEqualTo("c\n");
        // an -o record's last value ending in line breaks cannot be told from blank lines after it
        Job last = ScontrolParser.parseJobs(plainOneLiner().replace("Power= ", "Power=\n\n ")).get(0);
        assertThat(last.resources().power()).isEmpty();
    }

    @Test
    void twoConsecutiveLineBreaks() {
        Job o = ScontrolParser.parseJobs(plainOneLiner().replace("JobName=N ", "JobName=a\n\nb ")).get(0);
        assertThat(o.identity().name()).isEqualTo("a\n\nb");
        Job m = ScontrolParser.parseJobs(plainMultiLine().replace("Comment=C ", "Comment=a\n\n\nb ")).get(0);
        assertThat(m.identity().comment()).isEqualTo("a\n\n\nb");
        Job blank = ScontrolParser.parseJobs(plainMultiLine().replace("WorkDir=/w\n", "WorkDir=/w\n   \n")).get(0);
        assertThat(blank.io().workDir()).isEqualTo("/w\n   ");
    }

    @Test
    void carriageReturnsStayAsRead() {
        Job crlf = ScontrolParser.parseJobs(plainOneLiner().replace("JobName=N ", "JobName=a\r\nb ")).get(0);
        assertThat(crlf.identity().name()).isEqualTo("a\r\nb");
        Job cr = ScontrolParser.parseJobs(plainMultiLine().replace("JobName=N\n", "JobName=a\rb\n")).get(0);
        assertThat(cr.identity().name()).isEqualTo("a\rb");
        Job key = ScontrolParser.parseJobs(plainOneLiner().replace("JobName=N ", "JobName=a\nUserId=x ")).get(0);
        assertThat(key.identity().name()).isEqualTo("a\nUserId=x");
        assertThat(key.identity().user().name()).isEqualTo("root");
    }

    @Test
    void recordsWithoutLineBreaksAreUnchanged() {
        assertThat(ScontrolParser.parseJobs(plainOneLiner()).get(0).identity().comment()).isEqualTo("C");
        assertThat(ScontrolParser.parseJobs(plainMultiLine()).get(0).identity().name()).isEqualTo("N");
    }

    private static SlurmParseException refused(String text) {
        List<Job> seen = new ArrayList<>();
        SlurmParseException e = catchThrowableOfType(
                () -> ScontrolParser.parseJobs(new StringReader(text), seen::add), SlurmParseException.class);
        assertThat(e).as("refused: %s", text).isNotNull();
        assertThat(seen).as("nothing delivered").isEmpty();
        assertThat(e.command()).isEqualTo("scontrol show job");
        return e;
    }

    @Test
    void hostileNameWithARecordStartIsRefused() {
        // the injected keys come before the real ones: the real UserId= then appears twice
        SlurmParseException e = refused(plainOneLiner().replace("JobName=N ", "JobName=x\nJobId=5 JobName=y UserId=evil(6) "));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("lacks one of UserId=");
        SlurmParseException m = refused(plainMultiLine().replace("JobName=N\n", "JobName=x\nJobId=5 JobName=y\n"));
        assertThat(m.line()).isEqualTo(2);
        // a blank line before the fake start does not make the cut record complete
        SlurmParseException b = refused(plainOneLiner().replace("JobName=N ", "JobName=x\n\nJobId=5 JobName=y "));
        assertThat(b.line()).isEqualTo(3);
        assertThat(b.excerpt()).startsWith("JobId=5 JobName=y");
    }

    @Test
    void hostileCommentWithARecordStartIsRefused() {
        // the record before the fake start is complete; the fake record lacks the keys before Comment=
        SlurmParseException e = refused(plainOneLiner().replace("Comment=C ", "Comment=x\nJobId=5 JobName=y "));
        assertThat(e.reason()).contains("lacks one of");
        assertThat(e.line()).isEqualTo(2);
        // an honest record before the hostile one is delivered, with its own values; 95 never is
        List<Job> seen = new ArrayList<>();
        String text = plainOneLiner() + plainOneLiner()
                .replace("JobId=94", "JobId=95").replace("Comment=C ", "Comment=x\nJobId=5 JobName=y ");
        SlurmParseException twice = catchThrowableOfType(
                () -> ScontrolParser.parseJobs(new StringReader(text), seen::add), SlurmParseException.class);
        assertThat(twice.line()).isEqualTo(3);
        assertThat(seen).extracting(Job::jobId).containsExactly(94L);
        assertThat(seen.get(0).identity().comment()).isEqualTo("C");
    }

    @Test
    void repeatedKeyIsRefused() {
        SlurmParseException e = refused(plainOneLiner().replace("JobName=N ", "JobName=x UserId=evil(6) "));
        assertThat(e.field()).isEqualTo("UserId");
        assertThat(e.reason()).contains("twice");
        assertThat(e.excerpt()).startsWith("UserId=root(0)");
        SlurmParseException m = refused(plainMultiLine().replace("JobName=N\n", "JobName=x\n   UserId=evil(6)\n"));
        assertThat(m.field()).isEqualTo("UserId");
        assertThat(m.line()).isEqualTo(3);
    }

    @Test
    void oneLinerValueEndingInALineBreakAndSpacesIsRefusedAsAmbiguous() {
        // "x\n  " then the separator reads like a multi-line key line
        SlurmParseException e = refused(plainOneLiner().replace("JobName=N ", "JobName=x\n   "));
        assertThat(e.reason()).contains("ambiguous");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void singleRecordCutShortByAContinuationIsRefused() {
        SlurmParseException e = refused("JobId=7 JobName=a\nb\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("lacks one of UserId=", "WorkDir=");
    }

    @Test
    void secondRecordMustBeCompleteEvenWithoutLineBreaks() {
        SlurmParseException e = refused(plainOneLiner() + "JobId=8 JobName=fake\n");
        assertThat(e.line()).isEqualTo(2);
        // a single short record (hand-written, or an older tool) is still read
        assertThat(ScontrolParser.parseJobs("JobId=8 JobName=short\n").get(0).identity().name()).isEqualTo("short");
    }

    @Test
    void nodeRecordsDoNotTakeContinuations() {
        SlurmParseException e = catchThrowableOfType(
                () -> ScontrolParser.parseNodes("NodeName=n1 State=IDLE Reason=a\nb\n"), SlurmParseException.class);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("NodeName=");
    }
}
