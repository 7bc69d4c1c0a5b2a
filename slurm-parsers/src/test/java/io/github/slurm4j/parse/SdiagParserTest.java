package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.cluster.RpcStat;
import io.github.slurm4j.model.cluster.SchedulerDiagnostics;
import io.github.slurm4j.model.cluster.SchedulerDiagnosticsView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdiagParserTest {

    private static final String MAIN = "Main schedule statistics (microseconds)";

    @Test
    void sdiag() {
        SchedulerDiagnostics d = SdiagParser.parse(Fixtures.load("sdiag").stdout());
        assertThat(d.generatedAt()).isEqualTo(Instant.ofEpochSecond(1795213858L));
        assertThat(d.dataSince()).isEqualTo(Instant.ofEpochSecond(1795213583L));
        assertThat(d.general()).containsEntry("Server thread count", 3L)
                .containsEntry("DBD Agent queue size", 0L)
                .containsEntry("Jobs submitted", 54L)
                .containsEntry("Jobs pending", 34L)
                .containsEntry("Jobs running", 5L)
                .containsEntry("Job states ts", Instant.ofEpochSecond(1795213853L))
                .containsEntry("Latency for 1000 calls to gettimeofday()", "19 microseconds");
        assertThat(d.sections()).containsOnlyKeys(MAIN, "Backfilling stats");
        assertThat(d.sections().get(MAIN)).containsEntry("Last cycle", 217L).containsEntry("Max cycle", 4872L)
                .containsEntry("Mean depth cycle", 5L).containsEntry("Last queue length", 14L).hasSize(7);
        assertThat(d.sections().get("Backfilling stats"))
                .containsEntry("Total backfilled jobs (since last slurm start)", 1L)
                .containsEntry("Last cycle when", Instant.ofEpochSecond(1795213852L))
                .containsEntry("Last depth cycle (try sched)", 4L)
                .containsEntry("Mean table size", 4L);
        assertThat(d.number(MAIN, "Max cycle")).hasValue(4872L);
        assertThat(d.number(null, "Jobs completed")).hasValue(10L);
        assertThat(d.number(null, "Job states ts")).isEmpty();
        assertThat(d.number("No such section", "x")).isEmpty();
        assertThat(d.rpcsByMessageType()).hasSize(28);
        assertThat(d.rpcsByMessageType().get(0)).isEqualTo(new RpcStat("REQUEST_PARTITION_INFO", 2009, 64, 208L, 13344L));
        assertThat(d.rpcsByUser()).containsExactly(
                new RpcStat("root", 0, 370, 341L, 126457L),
                new RpcStat("alice", 1001, 9, 552L, 4974L),
                new RpcStat("bob", 1002, 4, 645L, 2583L));
        assertThat(d.pendingRpcs()).isEmpty();
    }

    @Test
    void sdiagWhileAccountingIsDown() {
        // the controller answers; the sign of the outage is the DBD agent queue
        Fixtures.Case c = Fixtures.load("dbd-down-sdiag");
        assertThat(SlurmErrors.classify(c.cmd(), c.stdout(), c.stderr(), c.rc())).isEmpty();
        SchedulerDiagnostics d = SdiagParser.parse(c.stdout());
        assertThat(d.general()).containsEntry("DBD Agent queue size", 9L).containsEntry("Jobs pending", 33L);
        assertThat(d.sections().get("Backfilling stats")).containsEntry("Total cycles", 0L);
    }

    @Test
    void newerSectionsPendingRpcsAndSentinels() {
        String text = "*****\nsdiag output at Fri Jul 31 04:00:28 2026 (1785470428)\n"
                + "RPC queue enabled:    0\n\n"
                + "Main scheduler exit:\n\tEnd of job queue: 5\n\n"
                + "Backfilling stats\n\tLast cycle when: N/A\n\n"
                + "Pending RPC statistics\n\tREQUEST_TERMINATE_JOB                   ( 6011) count:2\n";
        SchedulerDiagnostics d = SdiagParser.parse(text);
        assertThat(d.dataSince()).isNull();
        assertThat(d.general()).containsExactly(Map.entry("RPC queue enabled", 0L));
        assertThat(d.sections().get("Main scheduler exit")).containsExactly(Map.entry("End of job queue", 5L));
        assertThat(d.sections().get("Backfilling stats")).containsKey("Last cycle when");
        assertThat(d.sections().get("Backfilling stats").get("Last cycle when")).isNull();
        assertThat(d.pendingRpcs()).containsExactly(new RpcStat("REQUEST_TERMINATE_JOB", 6011, 2, null, null));

        Map<String, Object> view = SchedulerDiagnosticsView.toMap(d);
        assertThat(view).containsEntry("generated_at", "2026-07-31T04:00:28Z").containsEntry("data_since", null);
        assertThat(list(view.get("pending_rpcs"))).hasSize(1);
        Map<?, ?> rpc = map(list(view.get("pending_rpcs")).get(0));
        assertThat(rpc.get("name")).isEqualTo("REQUEST_TERMINATE_JOB");
        assertThat(rpc.get("ave_time_us")).isNull();
    }

    @Test
    void viewOfTheFixture() {
        Map<String, Object> view = SchedulerDiagnosticsView.toMap(SdiagParser.parse(Fixtures.load("sdiag").stdout()));
        assertThat(map(view.get("general"))).containsEntry("Job states ts", "2026-11-20T22:30:53Z")
                .containsEntry("Jobs pending", 34L);
        assertThat(map(view.get("sections"))).containsKey("Backfilling stats");
        Map<?, ?> first = map(list(view.get("rpcs_by_user")).get(0));
        assertThat(first.get("name")).isEqualTo("root");
        assertThat(first.get("count")).isEqualTo(370L);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> SdiagParser.parse("\tLast cycle: 1\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.command()).isEqualTo("sdiag");
                });
        assertThatThrownBy(() -> SdiagParser.parse("S\n\tno colon here\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> SdiagParser.parse("Jobs: 1\nJobs: 2\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> SdiagParser.parse("S\n\nS\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("section repeated");
        assertThatThrownBy(() -> SdiagParser.parse("sdiag output at yesterday\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("sdiag output at"));
        assertThatThrownBy(() -> SdiagParser.parse(""))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("empty output");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        return (List<?>) o;
    }
}
