package io.github.slurm4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ShellException;
import io.github.slurm4j.testkit.FakeReply;
import io.github.slurm4j.testkit.FakeShell;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingShellTest {

    private static FakeShell fake() {
        FakeShell fake = new FakeShell();
        for (int i = 0; i < 3; i++) {
            fake.enqueuePrefix(List.of("squeue"), FakeReply.ok("1 R\n"));
        }
        return fake.enqueuePrefix(List.of("sacct"), FakeReply.ok("2|COMPLETED\n"))
                .enqueuePrefix(List.of("sdiag"), FakeReply.failure(new ShellException(List.of("sdiag"), "gone", null)));
    }

    @Test
    void countsEveryRequestByToolAndKeepsNoResultsUnlessAsked() {
        FakeShell inner = fake();
        CountingShell counting = new CountingShell(inner);
        counting.run(ExecRequest.of("squeue", "-h"));
        counting.run(ExecRequest.of("sacct", "-X"));
        assertThat(counting.stream(ExecRequest.of("squeue", "-t", "PD"), in -> in.readAllBytes().length).value()).isEqualTo(4);
        assertThatThrownBy(() -> counting.run(ExecRequest.of("sdiag"))).isInstanceOf(ShellException.class);
        assertThat(counting.count()).isEqualTo(4);
        assertThat(counting.count("squeue")).isEqualTo(2);
        assertThat(counting.count("sacct")).isEqualTo(1);
        assertThat(counting.count("scontrol")).isZero();
        assertThat(counting.requests()).extracting(ExecRequest::command).containsExactly(List.of("squeue", "-h"),
                List.of("sacct", "-X"), List.of("squeue", "-t", "PD"), List.of("sdiag"));
        assertThat(counting.results()).isEmpty();
        counting.clear();
        assertThat(counting.count()).isZero();
        counting.close();
        assertThat(inner.isClosed()).isFalse();
    }

    @Test
    void keepingResultsPairsEachRunWithItsResult() {
        CountingShell counting = CountingShell.keepingResults(fake());
        counting.run(ExecRequest.of("squeue", "-h"));
        counting.run(ExecRequest.of("sacct", "-X"));
        assertThatThrownBy(() -> counting.run(ExecRequest.of("sdiag"))).isInstanceOf(ShellException.class);
        assertThat(counting.stream(ExecRequest.of("squeue", "-t", "PD"), in -> in.readAllBytes().length).value()).isEqualTo(4);
        assertThat(counting.results()).hasSize(4);
        assertThat(counting.results().get(0).stdout()).isEqualTo("1 R\n");
        assertThat(counting.results().get(1).stdout()).isEqualTo("2|COMPLETED\n");
        assertThat(counting.results().get(2)).as("a run that failed has no result").isNull();
        assertThat(counting.results().get(3)).as("nor has a streamed request").isNull();
    }
}
