package io.github.slurm4j.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.jobs.console.StdioPaths.JobValues;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every pattern, with the file names slurmstepd 22.05 wrote on the lab for the same patterns. */
class StdioPathsTest {
    static final JobValues JOB = new JobValues(459, null, null, "alice", "c12pat", "vm", "/tmp/c12probe");
    static final JobValues ELEMENT = new JobValues(462, 462L, 3L, "alice", "c12arr2", "localhost", "/tmp/c12probe");
    static final JobValues ELEMENT_OWN_ID = new JobValues(464, 461L, 1L, "alice", "c12arr", "localhost", "/work");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the lab: --output='/tmp/c12probe/%x-%j-%u-%N-%%-%A-%a-%J-%s-%t-%n-%3j.out' made this file
        "/tmp/c12probe/%x-%j-%u-%N-%%-%A-%a-%J-%s-%t-%n-%3j.out|/tmp/c12probe/c12pat-459-alice-vm-%-459-4294967294-459-batch-0-0-459.out",
        // --error='e-%x-%5j.err' (relative: the working directory)
        "e-%x-%5j.err|/tmp/c12probe/e-c12pat-00459.err",
        "%%x-%%%j-a.out|/tmp/c12probe/%x-%459-a.out",
        "%5%-%0j-%12j.out|/tmp/c12probe/5%-459-0000000459.out",
        "p%-%q-%-x.out|/tmp/c12probe/p%-%q-%-x.out",
        "%Z%|/tmp/c12probe/%Z%",
        "tr%|/tmp/c12probe/tr%",
        "end%3|/tmp/c12probe/end3",
        "esc\\%j-%x.out|/tmp/c12probe/esc%j-%x.out",
        "/abs/\\%j\\\\%x|/abs/%j%x",
        "%2t-%3n-%4N-%3u-%3x-%3s|/tmp/c12probe/00-000-vm-alice-c12pat-batch",
        "%10A_%a|/tmp/c12probe/0000000459_4294967294",
        "slurm-%j.out|/tmp/c12probe/slurm-459.out",
        // man sbatch: a number between % and the letter zero-pads a numeric value...
        "%5j|/tmp/c12probe/00459",
        "%4J|/tmp/c12probe/0459",
        "%6A-%3a|/tmp/c12probe/000459-4294967294",
        "%2n-%4t|/tmp/c12probe/00-0000",
        "%2j|/tmp/c12probe/459",
        "%10j|/tmp/c12probe/0000000459",
        "%99j|/tmp/c12probe/0000000459",
        // ...and is ignored for non-numeric data (%N for example)
        "%5N|/tmp/c12probe/vm",
        "%12u-%3x-%7s|/tmp/c12probe/alice-c12pat-batch",
        "%1N.%0N|/tmp/c12probe/vm.vm",
    })
    void aJob(String pattern, String file) {
        assertThat(StdioPaths.expand(pattern, JOB)).isEqualTo(file);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the lab: --array=3 --output='arr-%A-%4a-%j-%x.out' made arr-462-0003-462-c12arr2.out
        "arr-%A-%4a-%j-%x.out|/tmp/c12probe/arr-462-0003-462-c12arr2.out",
        "slurm-%A_%a.out|/tmp/c12probe/slurm-462_3.out",
    })
    void anArrayElement(String pattern, String file) {
        assertThat(StdioPaths.expand(pattern, ELEMENT)).isEqualTo(file);
    }

    @Test
    void anArrayElementWithItsOwnIdAndTheDefaults() {
        // the lab: --array=1-2, element 1 ran as job 464 and wrote slurm-461_1.out
        assertThat(StdioPaths.expand(StdioPaths.defaultPattern(ELEMENT_OWN_ID), ELEMENT_OWN_ID)).isEqualTo("/work/slurm-461_1.out");
        assertThat(StdioPaths.expand("%j-%A-%a", ELEMENT_OWN_ID)).isEqualTo("/work/464-461-1");
        assertThat(StdioPaths.expand(StdioPaths.defaultPattern(JOB), JOB)).isEqualTo("/tmp/c12probe/slurm-459.out");
    }

    @Test
    void aWidthPadsAnArrayElementsNumbers() {
        assertThat(StdioPaths.expand("%7A_%3a-%5j-%4N", ELEMENT)).isEqualTo("/tmp/c12probe/0000462_003-00462-localhost");
        assertThat(StdioPaths.expand("%4A_%4a.%4j", ELEMENT_OWN_ID)).isEqualTo("/work/0461_0001.0464");
    }

    @Test
    void anUnknownValueStaysAsWrittenWidthIncluded() {
        JobValues pending = new JobValues(7, null, null, null, null, null, null);
        String path = StdioPaths.expand("o-%5N-%3u-%2x-%4j-%3s", pending);
        assertThat(path).isEqualTo("o-%5N-%3u-%2x-0007-batch");
        assertThat(StdioPaths.hasPattern(path)).isTrue();
        // the same pattern once the job runs: the widths of %N %u %x are ignored
        JobValues running = new JobValues(7, null, null, "bob", "train", "node01", null);
        assertThat(StdioPaths.expand("o-%5N-%3u-%2x-%4j-%3s", running)).isEqualTo("o-node01-bob-train-0007-batch");
    }

    @Test
    void lettersOfNewerSlurmAreNotPatternsOf2205() {
        // %b (24.11) and %r, %S (26.05): slurmstepd 22.05 treats them as any unknown letter
        assertThat(StdioPaths.expand("%b-%r-%S-%2b", JOB)).isEqualTo("/tmp/c12probe/%b-%r-%S-2b");
    }

    @Test
    void unknownValuesStayPatterns() {
        JobValues pending = new JobValues(7, null, null, null, null, null, null);
        assertThat(StdioPaths.expand("o-%N-%u-%x-%j", pending)).isEqualTo("o-%N-%u-%x-7");
        assertThat(StdioPaths.hasPattern("/a/b.out")).isFalse();
        assertThat(StdioPaths.hasPattern("/a/%N.out")).isTrue();
        assertThat(StdioPaths.hasPattern("/a/\\b.out")).isTrue();
    }

    @Test
    void valuesOfAScontrolRecord() {
        Job job = ScontrolParser.parseJobs("JobId=464 ArrayJobId=461 ArrayTaskId=1 JobName=c12arr UserId=alice(1001) "
                + "GroupId=alice(1001) JobState=RUNNING Reason=None NodeList=localhost BatchHost=localhost "
                + "WorkDir=/tmp/c12probe StdErr=/tmp/c12probe/slurm-461_1.out StdIn=/dev/null StdOut=/tmp/c12probe/slurm-461_1.out\n")
                .get(0);
        assertThat(JobValues.of(job)).isEqualTo(new JobValues(464, 461L, 1L, "alice", "c12arr", "localhost", "/tmp/c12probe"));
    }
}
