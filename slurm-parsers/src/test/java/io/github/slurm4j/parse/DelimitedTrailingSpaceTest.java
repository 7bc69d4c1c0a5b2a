package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.SqueueRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values printed whole between delimiters keep their own white space: squeue {@code -O name:<delimiter>}
 * and {@code -o %i|%j}, sacct {@code -P} print a job name {@code "trailing name "} and a comment
 * {@code "owner=ops team "} with their last space (the 22.05 lab, job submitted by alice with
 * {@code -J 'trailing name ' --comment='owner=ops team '}). Padded output (widths, sinfo's
 * {@code %all}) cannot tell a value's spaces from the padding and is stripped.
 */
class DelimitedTrailingSpaceTest {
    private static final String US = "\u001f";

    private static Fixtures.Case lab(String name) {
        return Fixtures.load("lab-22.05", name);
    }

    @Test
    void squeueLongFormatWithADelimiterKeepsTheValuesSpaces() {
        Fixtures.Case c = lab("squeue-format-O-delimited-trailing-space");
        List<SqueueRow> rows = SqueueParser.forFormatLong("JobID:" + US + ",Name:" + US + ",Comment:" + US + ",UserName:" + US)
                .withoutHeader().parse(c.stdoutBytes());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).name()).isEqualTo("trailing name ");
        assertThat(rows.get(0).extras().get("Comment")).isEqualTo("owner=ops team ");
        assertThat(rows.get(0).user()).isEqualTo("alice");
    }

    @Test
    void squeueDelimitedPercentFormatKeepsTheValuesSpaces() {
        Fixtures.Case c = lab("squeue-pipe-format-trailing-space");
        List<SqueueRow> rows = SqueueParser.forFormat("%i|%j|%k|%u").withoutHeader().parse(c.stdoutBytes());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).name()).isEqualTo("trailing name ");
        assertThat(rows.get(0).extras().get("Comment")).isEqualTo("owner=ops team ");
        assertThat(rows.get(0).user()).isEqualTo("alice");
    }

    @Test
    void sacctParsableKeepsTheValuesSpaces() {
        Fixtures.Case c = lab("sacct-parsable-trailing-space");
        List<AccountingRecord> rows = SacctParser.parsable(List.of("JobID", "JobName", "Comment", "User")).parse(c.stdout());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).jobName()).isEqualTo("trailing name ");
        assertThat(rows.get(0).comment()).isEqualTo("owner=ops team ");
        assertThat(rows.get(0).user()).isEqualTo("alice");
    }

    @Test
    void paddedValuesAreStillStripped() {
        // the same job in a fixed-width squeue format: the padding is not the name's
        String text = String.format("%-10s%-20s%n", "28829", "trailing name ");
        List<SqueueRow> rows = SqueueParser.forFormatLong("JobID:10,Name:20").withoutHeader().parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rows.get(0).name()).isEqualTo("trailing name");
    }
}
