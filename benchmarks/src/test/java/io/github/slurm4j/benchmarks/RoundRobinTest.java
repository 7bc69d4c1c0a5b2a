package io.github.slurm4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void theOrderRotatesEveryRoundAndWarmUpRoundsAreNotKept() {
        List<String> calls = new ArrayList<>();
        List<RoundRobin.Workload> w = List.of(new RoundRobin.Workload("a", () -> calls.add("a")),
                new RoundRobin.Workload("b", () -> calls.add("b")), new RoundRobin.Workload("c", () -> calls.add("c")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RoundRobin r = RoundRobin.run(w, 2, 1, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(calls).containsExactly("a", "b", "c", "b", "c", "a", "c", "a", "b");
        assertThat(r.names()).containsExactly("a", "b", "c");
        assertThat(r.wall()).hasSize(2);
        assertThat(r.cpu()).hasSize(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(3).first().asString().startsWith("(warm-up) round 0: wall ");
    }

    @Test
    void mediansAndRatiosArePerRound() {
        List<double[]> rows = List.of(new double[] {10, 20}, new double[] {10, 40}, new double[] {20, 20}, new double[] {10, 30});
        assertThat(RoundRobin.median(rows, 0, -1)).isEqualTo(10.0);
        assertThat(RoundRobin.median(rows, 1, -1)).isEqualTo(25.0);
        // ratios 2, 4, 1, 3: median 2.5
        assertThat(RoundRobin.ratio(rows, 1, 0)).isEqualTo("2.50x [1.00-4.00]");
        // the other way round: 0.5, 0.25, 1, 0.333: median (0.333 + 0.5) / 2
        assertThat(RoundRobin.ratio(rows, 0, 1)).isEqualTo("0.42x [0.25-1.00]");
        assertThat(RoundRobin.median(List.of(), 0, -1)).isNaN();
        assertThat(RoundRobin.columns(new double[] {1.25, 1234.5})).isEqualTo("     1.3   1234.5");
    }

    @Test
    void theSummaryNamesTheBaselineAndPrintsCpuRatiosOnlyWhenAsked() {
        RoundRobin r = new RoundRobin(List.of("rawSqueueAndSacct", "myJobs"), List.of(new double[] {10, 20}),
                List.of(new double[] {1, 8}));
        String wallOnly = r.summary("", false);
        assertThat(wallOnly).startsWith(System.lineSeparator() + "1 rounds, ");
        assertThat(wallOnly).contains("rawSqueueAndSacct  wall median    10.0 ms  process cpu median     1.0 ms")
                .contains("myJobs             / rawSqueueAndSacct: wall 2.00x [2.00-2.00] (per-round median [min-max])");
        assertThat(r.summary(" (no System.gc)", true)).contains("1 rounds (no System.gc), ")
                .contains("/ rawSqueueAndSacct: wall 2.00x [2.00-2.00]  cpu 8.00x [8.00-8.00] (per-round");
    }

    @Test
    void aRatioLineDividesByTheWorkloadNamedNotTheBaseline() {
        RoundRobin r = new RoundRobin(List.of("floorPerRow", "floorBatched", "computeAndWrite"),
                List.of(new double[] {80, 30, 60}, new double[] {90, 40, 100}), List.of(new double[] {4, 2, 8}, new double[] {4, 2, 6}));
        // per round 60/30 = 2 and 100/40 = 2.5: median 2.25
        assertThat(r.ratioLine("computeAndWrite", "floorBatched", true))
                .isEqualTo("computeAndWrite  / floorBatched: wall 2.25x [2.00-2.50]  cpu 3.50x [3.00-4.00] (per-round median [min-max])"
                        + System.lineSeparator());
        assertThat(r.ratioLine("computeAndWrite", "floorBatched", false)).doesNotContain("cpu");
        assertThatIllegalArgumentException().isThrownBy(() -> r.ratioLine("x", "floorBatched", false))
                .withMessage("no workload x in [floorPerRow, floorBatched, computeAndWrite]");
    }
}
