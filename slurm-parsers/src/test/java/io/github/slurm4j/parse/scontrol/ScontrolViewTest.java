package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.PartitionView;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.ReservationView;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.NodeView;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScontrolViewTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static long epoch(String iso) {
        return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    }

    private static Job job(String caseName) {
        List<Job> jobs = ScontrolParser.parseJobs(Fixtures.load(caseName).stdout());
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Test
    void jobViewHasThe109KeysWithTheExampleTypes() {
        Map<String, Object> m = JobView.toMap(job("scontrol-job-running-unicode-name-gres-detail"), UTC);
        assertThat(JobView.KEYS).hasSize(109).doesNotHaveDuplicates();
        assertThat(m.keySet()).containsExactlyElementsOf(JobView.KEYS);
        assertThat(m).contains(
                entry("job_id", 15L),
                entry("name", "训练任务 中文名"),
                entry("job_state", "RUNNING"),
                entry("user_id", 1001L),
                entry("group_id", 1001L),
                entry("partition", "gpu"),
                entry("num_cpus", 1),
                entry("num_nodes", 1),
                entry("nodes", "localhost"),
                entry("batch_host", "localhost"),
                entry("exit_code", "0:0"),
                entry("derived_ec", "0:0"),
                entry("tres_per_node", "gpu:1"),
                entry("mem_per_node", true),
                entry("mem_per_cpu", false),
                entry("min_memory_node", 200L),
                entry("pn_min_memory", 200L),
                entry("min_memory_cpu", null),
                entry("shared", "OK"),
                entry("requeue", true),
                entry("contiguous", false),
                entry("state_reason", "None"),
                entry("exc_nodes", List.of()),
                entry("req_nodes", List.of()),
                entry("features", List.of()),
                entry("licenses", Map.of()),
                entry("cpus_allocated", Map.of("localhost", 1)),
                entry("cpus_alloc_layout", Map.of("localhost", List.of(2))),
                entry("time_limit", 23L * 60 + 59),
                entry("time_limit_str", "23:59:00"),
                entry("batch_flag", 1),
                entry("type", "showJob"),
                entry("tres_req_str", null),
                entry("assoc_id", null),
                entry("bitflags", null),
                entry("profile", null),
                entry("show_flags", null),
                entry("array_job_id", null),
                entry("dependency", null),
                entry("suspend_time", null),
                entry("boards_per_node", 0),
                entry("cores_per_socket", null),
                entry("ntasks_per_core_str", "*"),
                entry("ntasks_per_core", null),
                entry("ntasks_per_node", 0));
        assertThat(m.get("tres_alloc_str")).isEqualTo("cpu=1,mem=200M,node=1,billing=1,gres/gpu=1");
        assertThat(m.get("billable_tres")).isEqualTo(1.0);
        assertThat(m.get("submit_time")).isInstanceOf(Long.class);
        assertThat(m.get("start_time")).isInstanceOf(Long.class);
        assertThat(m.get("end_time")).isInstanceOf(Long.class);
        assertThat(m.get("eligible_time")).isInstanceOf(Long.class);
        assertThat(m.get("accrue_time")).isInstanceOf(String.class);
        assertThat((String) m.get("accrue_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat((String) m.get("last_sched_eval")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(m.get("run_time")).isInstanceOf(Long.class);
        assertThat((String) m.get("run_time_str")).matches("\\d\\d:\\d\\d:\\d\\d");
        for (Object v : m.values()) {
            if (v != null) {
                assertThat(v).isInstanceOfAny(String.class, Long.class, Integer.class, Double.class, Boolean.class,
                        List.class, Map.class);
            }
        }
        assertThat(JobView.NEVER_SUPPLIED).allSatisfy(k -> assertThat(m.get(k)).isNull());
    }

    @Test
    void jobViewEpochSecondsUseTheGivenZone() {
        Job j = job("scontrol-job-running-detail");
        Map<String, Object> utc = JobView.toMap(j, UTC);
        assertThat(utc.get("submit_time")).isEqualTo(epoch("2026-11-20T22:28:11"));
        assertThat(utc.get("start_time")).isEqualTo(epoch("2026-11-20T22:28:12"));
        assertThat(utc.get("accrue_time")).isEqualTo("2026-11-20T22:28:11");
        Map<String, Object> plus2 = JobView.toMap(j, ZoneOffset.ofHours(2));
        assertThat(plus2.get("submit_time")).isEqualTo(epoch("2026-11-20T22:28:11") - 7200);
        assertThat(utc.get("run_time")).isEqualTo(164L);
        assertThat(utc.get("run_time_str")).isEqualTo("00:02:44");
        assertThat(utc.get("time_limit")).isEqualTo(26L * 60 + 4);
        assertThat(utc.get("time_limit_str")).isEqualTo("1-02:04:00");
        assertThat(utc.get("licenses")).isEqualTo(Map.of("matlab", 1L));
        assertThat(utc.get("comment")).isEqualTo("key=value spaces = signs; owner=ops team");
        assertThat(utc.get("cpus_alloc_layout")).isEqualTo(Map.of("localhost", List.of(5)));
    }

    @Test
    void pendingJobTresIsTheRequest() {
        Job pending = job("scontrol-job-pending-licenses");
        Map<String, Object> m = JobView.toMap(pending, UTC);
        assertThat(m.get("job_state")).isEqualTo("PENDING");
        assertThat(m.get("tres_req_str")).isEqualTo(pending.resources().tres().toString());
        assertThat(m.get("tres_alloc_str")).isNull();
        assertThat(m.get("nodes")).isNull();
        assertThat(m.get("cpus_allocated")).isEqualTo(Map.of());
        assertThat(m.get("start_time")).as("StartTime=Unknown").isNull();
        assertThat(m.get("time_limit")).isEqualTo("UNLIMITED");
        assertThat(m.get("time_limit_str")).isEqualTo("UNLIMITED");
        assertThat(m.get("mem_per_cpu")).isEqualTo(true);
        assertThat(m.get("min_memory_cpu")).isEqualTo(256L);
        assertThat(m.get("licenses")).isEqualTo(Map.of("matlab", 2L));
    }

    @Test
    void arrayAndSuppliedMap() {
        List<Job> jobs = ScontrolParser.parseJobs(Fixtures.load("scontrol-job-array-running-and-pending").stdout());
        Map<String, Object> meta = JobView.toMap(jobs.get(0), UTC);
        assertThat(meta.get("array_job_id")).isEqualTo(17L);
        assertThat(meta.get("array_task_id")).isNull();
        assertThat(meta.get("array_task_str")).isEqualTo("3-6%2");
        assertThat(meta.get("array_max_tasks")).isEqualTo(2);
        Map<String, Object> element = JobView.toMap(jobs.get(1), UTC);
        assertThat(element.get("array_task_id")).isEqualTo(2);
        assertThat(element.get("array_task_str")).isNull();
        Map<String, Object> supplied = JobView.toSuppliedMap(jobs.get(1), UTC);
        assertThat(supplied).doesNotContainValue(null)
                .contains(entry("user_name", "alice"), entry("group_name", "alice"), entry("job_id", 20L))
                .doesNotContainKey("assoc_id").doesNotContainKey("extras");
        Job withExtras = ScontrolParser.parseJobs("JobId=5 JobName=x\n   Priority=1 NewKey=v\n").get(0);
        assertThat(JobView.toSuppliedMap(withExtras, UTC)).containsEntry("extras", Map.of("NewKey", "v"))
                .containsEntry("job_id", 5L).containsEntry("name", "x");
    }

    @Test
    void nodeView() {
        Node n = ScontrolParser.parseNodes(Fixtures.load("scontrol-node-localhost-mixed-detail").stdout()).get(0);
        Map<String, Object> m = NodeView.toMap(n, UTC);
        assertThat(m).contains(entry("name", "localhost"), entry("state", "MIXED"), entry("state_flags", List.of()),
                entry("cpus_total", 8), entry("cpus_alloc", 6), entry("cpu_load", 0.98),
                entry("real_memory_mb", 8000L), entry("alloc_memory_mb", 1668L), entry("free_memory_mb", 23060L),
                entry("partitions", List.of("debug", "gpu", "short", "maint", "urgent")),
                entry("features", List.of("lab", "x86_64")), entry("reason", null));
        assertThat(m.get("gres")).isEqualTo(List.of(Map.of("name", "gpu", "count", 2L)).stream()
                .map(x -> {
                    Map<String, Object> g = new java.util.LinkedHashMap<>();
                    g.put("name", "gpu");
                    g.put("type", null);
                    g.put("count", 2L);
                    g.put("idx", null);
                    return g;
                }).toList());
        assertThat(m.get("gres_used")).asList().hasSize(1);
        Node drained = ScontrolParser.parseNodes(Fixtures.load("scontrol-node-drained-reason-spaces").stdout()).get(0);
        Map<String, Object> d = NodeView.toMap(drained, UTC);
        assertThat(d.get("state")).isEqualTo("UNKNOWN");
        assertThat(d.get("state_flags")).isEqualTo(List.of("DRAIN", "NOT_RESPONDING"));
        assertThat(d.get("reason")).isEqualTo("disk replaced: wait for fsck");
        assertThat(d.get("reason_user")).isEqualTo("root");
        assertThat(d.get("reason_time")).isEqualTo(epoch("2026-11-20T22:26:08"));
        assertThat(d.get("free_memory_mb")).isNull();
    }

    @Test
    void partitionAndReservationViews() {
        Partition gpu = ScontrolParser.parsePartitions(Fixtures.load("scontrol-partition-gpu").stdout()).get(0);
        Map<String, Object> p = PartitionView.toMap(gpu);
        assertThat(p).contains(entry("name", "gpu"), entry("default", false), entry("max_time", 1440L),
                entry("default_time", 60L), entry("max_nodes", "UNLIMITED"), entry("min_nodes", 0L),
                entry("total_cpus", 24));
        Reservation r = ScontrolParser.parseReservations(Fixtures.load("scontrol-reservation-all").stdout()).get(1);
        Map<String, Object> v = ReservationView.toMap(r, UTC);
        assertThat(v).contains(entry("name", "gpu02_maint"), entry("state", "ACTIVE"),
                entry("start_time", epoch("2026-11-20T22:30:23")), entry("duration", 365L * 86400),
                entry("flags", List.of("MAINT", "IGNORE_JOBS", "SPEC_NODES")), entry("users", List.of("root")));
    }
}
