package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void wordsAreSplitLikeAShellWithoutExpandingAnything() {
        assertThat(CommandLine.split("squeue  -u alice")).containsExactly("squeue", "-u", "alice");
        assertThat(CommandLine.split("sacct --format='JobID,State' -S \"now-1hour\"")).containsExactly("sacct",
                "--format=JobID,State", "-S", "now-1hour");
        assertThat(CommandLine.split("echo \"a \\\"b\\\" $HOME\" 'c d' e\\ f")).containsExactly("echo", "a \"b\" $HOME", "c d", "e f");
        assertThat(CommandLine.split("echo '' x")).containsExactly("echo", "", "x");
        assertThat(CommandLine.split("ls; rm -rf /")).containsExactly("ls;", "rm", "-rf", "/");
        assertThat(CommandLine.split("a|b >c $(d)")).containsExactly("a|b", ">c", "$(d)");
    }

    @Test
    void anUnterminatedQuoteOrNothingIs400() {
        assertThatThrownBy(() -> CommandLine.split("echo 'x")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> CommandLine.split("echo \"x")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> CommandLine.split("   ")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.type()).isEqualTo("missing_field"));
    }
}
