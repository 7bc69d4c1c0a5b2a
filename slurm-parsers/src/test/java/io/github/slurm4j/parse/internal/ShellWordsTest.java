package io.github.slurm4j.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<String> words(String line) {
        List<ShellWords.SimpleCommand> all = ShellWords.split(line);
        assertThat(all).hasSize(1);
        return all.get(0).words();
    }

    @Test
    void quotesAndEscapes() {
        assertThat(words("sinfo --noheader -N -o \"%N %T %C\"")).containsExactly("sinfo", "--noheader", "-N", "-o", "%N %T %C");
        assertThat(words("sinfo -N -o '%N %P %T %C'")).containsExactly("sinfo", "-N", "-o", "%N %P %T %C");
        assertThat(words("sbatch -J self-kill9 --wrap \"sleep 6; kill -9 \\$\\$\"")).containsExactly("sbatch", "-J", "self-kill9", "--wrap", "sleep 6; kill -9 $$");
        assertThat(words("scontrol update nodename=cpu01 reason=\"disk replaced: wait\"")).containsExactly("scontrol", "update", "nodename=cpu01", "reason=disk replaced: wait");
        assertThat(words("echo a\\ b 'it''s' \"q\\\"x\\\\\"")).containsExactly("echo", "a b", "its", "q\"x\\");
        assertThat(words("echo \"$(touch x)\" `id`")).containsExactly("echo", "$(touch x)", "`id`");
        assertThat(words("echo \"a\\zb\"")).containsExactly("echo", "a\\zb");
    }

    @Test
    void redirectionsAreDropped() {
        assertThat(words("sbatch < /dev/null")).containsExactly("sbatch");
        assertThat(words("squeue 2>&1")).containsExactly("squeue");
        assertThat(words("squeue 2>/dev/null -t R")).containsExactly("squeue", "-t", "R");
        assertThat(words("squeue >> out.txt")).containsExactly("squeue");
        assertThat(words("echo 2 > f")).containsExactly("echo", "2");
    }

    @Test
    void severalCommands() {
        List<ShellWords.SimpleCommand> all = ShellWords.split("sinfo -d; echo ===; sinfo -r");
        assertThat(all).extracting(ShellWords.SimpleCommand::words)
                .containsExactly(List.of("sinfo", "-d"), List.of("echo", "==="), List.of("sinfo", "-r"));
        assertThat(ShellWords.split("a && b || c | d")).hasSize(4);
        assertThat(ShellWords.split("  ")).isEmpty();
    }

    @Test
    void ansiCQuotesAndComments() {
        assertThat(words("sacct -P --delimiter=$'\\x1f' -j 95   # job: sbatch -J $'done\\nname'"))
                .containsExactly("sacct", "-P", "--delimiter=\u001f", "-j", "95");
        assertThat(words("echo $'a\\tb\\'c\\\\d\\101\\u00e9\\cA\\q'")).containsExactly("echo", "a\tb'c\\dA\u00e9\u0001\\q");
        assertThat(words("echo x#y '#'")).containsExactly("echo", "x#y", "#");
        assertThat(ShellWords.split("a # b; c\nd")).extracting(ShellWords.SimpleCommand::words)
                .containsExactly(List.of("a"), List.of("d"));
        assertThatThrownBy(() -> ShellWords.split("echo $'x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$'");
    }

    @Test
    void commentsRunToTheLineEndButAHashInsideAWordIsText() {
        List<ShellWords.SimpleCommand> all = ShellWords.split("squeue -h -o '%i|%j' -n p9-run   # jobs: sbatch -c 1 --wrap 'x'\nsinfo");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).words()).containsExactly("squeue", "-h", "-o", "%i|%j", "-n", "p9-run");
        assertThat(all.get(1).words()).containsExactly("sinfo");
        assertThat(ShellWords.split("echo a#b '#c'").get(0).words()).containsExactly("echo", "a#b", "#c");
    }

    @Test
    void badQuotingIsRefused() {
        assertThatThrownBy(() -> ShellWords.split("echo 'x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single quote");
        assertThatThrownBy(() -> ShellWords.split("echo \"x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double quote");
        assertThatThrownBy(() -> ShellWords.split("echo x\\")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash");
    }
}
