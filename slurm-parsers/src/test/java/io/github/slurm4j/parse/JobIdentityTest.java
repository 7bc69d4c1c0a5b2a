package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every job, accounting, stat, step, submit, seff and pid item the parse tool prints keeps its
 * identity: {@code job_id_text} as Slurm's listings write the id, {@code job_id} the own id as a
 * number when the output tells it, and the typed parts (het job id and offset, array job id and
 * task, step). Heterogeneous jobs are read from the lab's het job 3 (components 3 and 4).
 */
class JobIdentityTest {

    private static final Set<String> KINDS_WITH_IDS = Set.of("job", "accounting", "stat", "step", "submit", "submit_test", "seff",
            "pids");

    private static List<Map<String, Object>> items(String corpus, String name) {
        Fixtures.Case c = Fixtures.load(corpus, name);
        ParsedOutput out = CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
        assertThat(out.error()).as(name).isNull();
        return out.items();
    }

    private static List<Map<String, Object>> lab(String name) {
        return items("lab-22.05", name);
    }

    @Test
    void hetJobInSqueuesDefaultTable() {
        // 3+1 is printed first; its own id (4) is not in the table
        List<Map<String, Object>> items = lab("squeue-hetjob-default");
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).containsEntry("job_id_text", "3+1").containsEntry("het_job_id", 3L)
                .containsEntry("het_job_offset", 1).doesNotContainKey("job_id");
        assertThat(items.get(1)).containsEntry("job_id", 3L).containsEntry("job_id_text", "3+0")
                .containsEntry("het_job_id", 3L).containsEntry("het_job_offset", 0);
        assertThat(items.get(1).keySet()).startsWith("job_id", "job_id_text", "het_job_id", "het_job_offset");
    }

    @Test
    void hetJobInSqueueFormatO() {
        // -O JobID prints each component's own id, HetJobID/HetJobOffset its place
        List<Map<String, Object>> items = lab("squeue-hetjob-format-O");
        assertThat(items.get(0)).containsEntry("job_id", 4L).containsEntry("job_id_text", "3+1")
                .containsEntry("het_job_id", 3L).containsEntry("het_job_offset", 1).containsEntry("het_job_id_set", "3-4")
                .containsEntry("name", "e9-het").containsEntry("job_state", "PENDING");
        assertThat(items.get(1)).containsEntry("job_id", 3L).containsEntry("job_id_text", "3+0")
                .containsEntry("het_job_offset", 0);
        assertThat(items.get(0)).doesNotContainKeys("array_job_id", "array_task_id");
    }

    @Test
    void hetJobInScontrolAndSqueueJson() {
        for (String name : List.of("scontrol-job-hetjob", "squeue-hetjob-json")) {
            List<Map<String, Object>> items = lab(name);
            Map<String, Object> leader = items.stream().filter(m -> Long.valueOf(3).equals(m.get("job_id"))).findFirst().orElseThrow();
            Map<String, Object> second = items.stream().filter(m -> Long.valueOf(4).equals(m.get("job_id"))).findFirst().orElseThrow();
            assertThat(leader).as(name).containsEntry("job_id_text", "3+0").containsEntry("het_job_id", 3L)
                    .containsEntry("het_job_offset", 0).containsEntry("het_job_id_set", "3-4");
            assertThat(second).as(name).containsEntry("job_id_text", "3+1").containsEntry("het_job_id", 3L)
                    .containsEntry("het_job_offset", 1).containsEntry("name", "e9-het");
        }
    }

    @Test
    void hetJobInAccounting() {
        for (String name : List.of("sacct-hetjob", "sacct-hetjob-cancelled")) {
            List<Map<String, Object>> items = lab(name);
            assertThat(items).as(name).hasSize(2);
            assertThat(items.get(0)).containsEntry("job_id", 3L).containsEntry("job_id_text", "3+0")
                    .containsEntry("het_job_id", 3L).containsEntry("het_job_offset", 0).containsEntry("job_id_raw", "3");
            assertThat(items.get(1)).containsEntry("job_id", 4L).containsEntry("job_id_text", "3+1")
                    .containsEntry("het_job_offset", 1).containsEntry("job_id_raw", "4");
        }
        assertThat(lab("sacct-hetjob-cancelled").get(1)).containsEntry("state", "CANCELLED by 0");
        // the older capture: 21+0 / 21+1 against JobIDRaw 21 / 22
        List<Map<String, Object>> older = items(Fixtures.SLURM_22_05, "sacct-hetjob-pending");
        assertThat(older.get(1)).containsEntry("job_id", 22L).containsEntry("job_id_text", "21+1").containsEntry("het_job_id", 21L);
    }

    @Test
    void arraysAndStepsInAccounting() {
        List<Map<String, Object>> items = items(Fixtures.SLURM_22_05, "sacct-array-job");
        Map<String, Object> remainder = byText(items, "17_[3-6%2]");
        assertThat(remainder).containsEntry("job_id", 17L).containsEntry("array_job_id", 17L).containsEntry("array_task_str", "3-6%2")
                .doesNotContainKey("array_task_id");
        assertThat(byText(items, "17_1")).containsEntry("job_id", 19L).containsEntry("array_job_id", 17L).containsEntry("array_task_id", 1);
        assertThat(byText(items, "10_1.batch")).containsEntry("job_id", 11L).containsEntry("array_task_id", 1)
                .containsEntry("step_id", "batch").containsEntry("job_id_raw", "11.batch");
        // the last element keeps the array's own id
        assertThat(byText(items, "10_4")).containsEntry("job_id", 10L);
    }

    @Test
    void arraysAndStepsInSqueue() {
        List<Map<String, Object>> items = items(Fixtures.SLURM_22_05, "squeue-default-mixed-running-array-pending-resources");
        for (Map<String, Object> m : items) {
            String text = (String) m.get("job_id_text");
            assertThat(text).isNotBlank();
            if (text.contains("_")) {
                assertThat(m).containsKey("array_job_id");
                assertThat(m.containsKey("array_task_id") || m.containsKey("array_task_str")).as(text).isTrue();
            }
        }
        List<Map<String, Object>> steps = items(Fixtures.SLURM_22_05, "squeue-steps");
        assertThat(steps).allSatisfy(m -> assertThat(m).containsKeys("job_id_text", "step_id"));
        Map<String, Object> batch = steps.stream().filter(m -> "batch".equals(m.get("step_id"))).findFirst().orElseThrow();
        assertThat((String) batch.get("job_id_text")).endsWith(".batch");
    }

    @Test
    void aCutIdIsPrintedAsCutWithTheNumberItKept() {
        // %.8i cut 17_[2,4-6] and 40_[1-5%1]
        List<Map<String, Object>> items = items(Fixtures.SLURM_22_05, "squeue-pending-reasons-after-transitions");
        Map<String, Object> cut = byText(items, "17_[2,4-");
        assertThat(cut).containsEntry("array_job_id", 17L).doesNotContainKeys("job_id", "array_task_id", "array_task_str");
        assertThat(cut.get("truncated")).isEqualTo(List.of("JobArrayID"));
        assertThat(byText(items, "40_[1-5%")).containsEntry("array_job_id", 40L);
    }

    /** One JSON type for job_id: a number in every kind of item, never a string (the text is job_id_text). */
    @Test
    void everyItemHasItsIdentityAndJobIdIsANumber() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String corpus : List.of(Fixtures.SLURM_22_05, "lab-22.05")) {
            for (String name : Fixtures.names(corpus)) {
                if (CommandOutputParserTest.REFUSED.contains(name)) {
                    continue;
                }
                Fixtures.Case c = Fixtures.load(corpus, name);
                ParsedOutput out;
                try {
                    out = CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    continue; // refused outputs are CommandOutputParserTest's
                }
                if (!KINDS_WITH_IDS.contains(out.kind())) {
                    continue;
                }
                for (Map<String, Object> item : out.items()) {
                    checked++;
                    if (!(item.get("job_id_text") instanceof String)) {
                        problems.add(corpus + "/" + name + ": no job_id_text in " + item.keySet());
                    }
                    if (item.containsKey("job_id") && !(item.get("job_id") instanceof Long)) {
                        problems.add(corpus + "/" + name + ": job_id " + item.get("job_id") + " is not a number");
                    }
                    for (String key : List.of("het_job_id", "array_job_id")) {
                        if (item.containsKey(key) && !(item.get(key) instanceof Long)) {
                            problems.add(corpus + "/" + name + ": " + key + " is not a number");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(500);
    }

    private static Map<String, Object> byText(List<Map<String, Object>> items, String text) {
        return items.stream().filter(m -> text.equals(m.get("job_id_text"))).findFirst().orElseThrow(() -> new AssertionError(text));
    }
}
