package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmCommandLineTest {

    @Test
    void skipsRunuserAndReadsOptions() {
        SlurmCommandLine c = SlurmCommandLine.parse("runuser -u alice -- scontrol update JobId=24 Nice=-100");
        assertThat(c.tool()).isEqualTo("scontrol");
        assertThat(c.args()).containsExactly("update", "JobId=24", "Nice=-100");
        assertThat(c.positionals()).containsExactly("update", "JobId=24", "Nice=-100");
        assertThat(SlurmCommandLine.parse("sudo -u bob /usr/bin/squeue -h").tool()).isEqualTo("squeue");
        assertThat(SlurmCommandLine.parse("env LANG=C SQUEUE_FORMAT=x squeue").tool()).isEqualTo("squeue");
        assertThat(SlurmCommandLine.parse("SLURM_TIME_FORMAT=standard sacct -P").tool()).isEqualTo("sacct");
    }

    @Test
    void optionSpellings() {
        SlurmCommandLine c = SlurmCommandLine.parse("squeue -t PD -o '%.8i %.14j' --noheader");
        assertThat(c.value("-o", "--format")).hasValue("%.8i %.14j");
        assertThat(c.has("-h", "--noheader")).isTrue();
        assertThat(SlurmCommandLine.parse("squeue '--format=%i|%j'").value("-o", "--format")).hasValue("%i|%j");
        assertThat(SlurmCommandLine.parse("squeue -o%i").value("-o", "--format")).hasValue("%i");
        assertThat(SlurmCommandLine.parse("squeue -o a -o b").value("-o", "--format")).hasValue("b");
        assertThat(SlurmCommandLine.parse("squeue").value("-o", "--format")).isEmpty();
        assertThat(SlurmCommandLine.parse("sinfo -Nel").has("-N")).isTrue();
        assertThat(SlurmCommandLine.parse("sinfo -Nel").has("-l")).isTrue();
        assertThat(SlurmCommandLine.parse("sinfo -Nel").has("-o")).isFalse();
        assertThat(SlurmCommandLine.parse("sacct --parsable2").has("-P", "--parsable2")).isTrue();
        assertThat(SlurmCommandLine.parse("sacct --units=M").has("--units")).isTrue();
        assertThat(SlurmCommandLine.parse("x -- -o y").has("-o")).isFalse();
        assertThat(SlurmCommandLine.parse("x -- -o y").value("-o", null)).isEmpty();
    }

    @Test
    void compoundLinesAndArgv() {
        List<SlurmCommandLine> all = SlurmCommandLine.parseAll("sinfo -d; echo ===; sinfo -r");
        assertThat(all).extracting(SlurmCommandLine::tool).containsExactly("sinfo", "echo", "sinfo");
        assertThatThrownBy(() -> SlurmCommandLine.parse("sinfo -d; sinfo -r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlurmCommandLine.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlurmCommandLine.parse("runuser -u alice --")).isInstanceOf(IllegalArgumentException.class);
        SlurmCommandLine argv = SlurmCommandLine.of(List.of("squeue", "-j", "1,2"));
        assertThat(argv).isEqualTo(SlurmCommandLine.parse("squeue -j 1,2")).hasSameHashCodeAs(SlurmCommandLine.parse("squeue -j 1,2"));
        assertThat(argv.toString()).isEqualTo("squeue -j 1,2");
        assertThat(argv.line()).isEqualTo("squeue -j 1,2");
        assertThatThrownBy(() -> SlurmCommandLine.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFixtureCommandLineReads() {
        for (String name : Fixtures.names()) {
            Fixtures.Case c = Fixtures.load(name);
            List<SlurmCommandLine> all = SlurmCommandLine.parseAll(c.cmd());
            assertThat(all.get(0).tool()).as(name).matches("s[a-z]+");
        }
    }
}
