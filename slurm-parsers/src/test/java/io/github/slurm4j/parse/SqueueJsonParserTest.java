package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.TimeLimit;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.model.job.JobView;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code squeue --json} of Slurm 22.05.8 (openapi v0.0.38), compared with scontrol's view of the same jobs. */
class SqueueJsonParserTest {
    /** The lab cluster runs in UTC: scontrol printed these jobs' times in UTC. */
    private static final ZoneId LAB = ZoneOffset.UTC;

    private static Job job(List<Job> jobs, long id) {
        return jobs.stream().filter(j -> j.jobId() == id).findFirst().orElseThrow();
    }

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s);
    }

    @Test
    void readsEveryJobOfTheQueue() {
        var c = Fixtures.load("squeue-json");
        JsonResult<Job> r = SqueueJsonParser.parse(c.stdoutBytes(), LAB);
        assertThat(r.errors()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.slurmVersion()).isEqualTo("22.05.8");
        assertThat(r.openapiVersion()).isEqualTo("openapi/v0.0.38");
        assertThat(r.items()).hasSize(61);
        assertThat(r.items()).extracting(Job::jobId).doesNotHaveDuplicates();
        assertThat(r.items()).allSatisfy(j -> {
            assertThat(j.state()).isNotNull();
            assertThat(j.identity().user()).isNotNull();
            assertThat(j.timing().submitTime().isSet()).isTrue();
        });
        // the String entry point reads the same
        assertThat(SqueueJsonParser.parse(c.stdout(), LAB).items()).isEqualTo(r.items());
    }

    @Test
    void failedJobWithSignalExitAndComment() {
        List<Job> jobs = SqueueJsonParser.parse(Fixtures.load("squeue-json").stdoutBytes(), LAB).items();
        Job j = job(jobs, 14);
        assertThat(j.name()).isEqualTo("renamed-steps-long");
        assertThat(j.state().state()).isEqualTo(JobState.Name.FAILED);
        assertThat(j.status().reason()).isEqualTo("NonZeroExitCode");
        // raw wait statuses 35328 and 10, as scontrol prints them
        assertThat(j.status().exitCode()).isEqualTo(new ExitCode(138, 0));
        assertThat(j.status().derivedExitCode()).isEqualTo(new ExitCode(0, 10));
        assertThat(j.status().priority()).isZero();
        assertThat(j.identity().user()).isEqualTo(new UserRef("root", 0L));
        assertThat(j.identity().group()).isEqualTo(new UserRef("root", 0L));
        assertThat(j.identity().comment()).isEqualTo("key=value spaces = signs; owner=ops team");
        assertThat(j.resources().licenses()).isEqualTo("matlab:1");
        assertThat(j.timing().timeLimit()).isEqualTo(TimeLimit.ofMinutes(1564));
        assertThat(j.timing().timeMin()).isEqualTo(TimeLimit.NOT_SET);
        assertThat(j.timing().submitTime()).isEqualTo(SlurmTime.of(t("2026-11-20T22:28:11")));
        assertThat(j.timing().eligibleTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(j.timing().deadline()).isEqualTo(SlurmTime.NOT_APPLICABLE);
        assertThat(j.timing().preemptTime()).isEqualTo(SlurmTime.NONE);
        assertThat(j.timing().suspendTime()).isEqualTo(SlurmTime.NONE);
        assertThat(j.resources().minMemory()).isEqualTo(MemoryRequest.perNode(300 * MemorySize.MIB));
        assertThat(j.resources().reqTres().memoryBytes()).hasValue(300 * MemorySize.MIB);
        assertThat(j.resources().allocTres().cpus()).hasValue(1);
        assertThat(j.placement().nodeList()).isEqualTo("localhost");
        assertThat(j.io().command()).isEqualTo("/srv/lab/jobs/steps.sh 1800");
        assertThat(j.io().workDir()).isEqualTo("/srv/lab/out");
        // v0.0.38 prints the requested path, empty for the default: not supplied
        assertThat(j.io().stdOut()).isNull();
        assertThat(j.extras()).containsKeys("cluster", "flags").doesNotContainKeys("job_resources", "show_flags");
    }

    @Test
    void sentinelsAndLimits() {
        List<Job> jobs = SqueueJsonParser.parse(Fixtures.load("squeue-json").stdoutBytes(), LAB).items();
        // null time_limit is UNLIMITED (scontrol: TimeLimit=UNLIMITED for jobs 1, 16, 40)
        assertThat(job(jobs, 1).timing().timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(job(jobs, 1).status().exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(job(jobs, 1).resources().minMemory()).isEqualTo(MemoryRequest.perCpu(256 * MemorySize.MIB));
        assertThat(job(jobs, 1).resources().tresPerNode()).isEqualTo("gres:gpu:1");
        assertThat(job(jobs, 1).io().stdIn()).isEqualTo("/dev/null");
        // exit 3 (768), signal 15 (15), signal 1 (1)
        assertThat(job(jobs, 3).status().exitCode()).isEqualTo(new ExitCode(3, 0));
        assertThat(job(jobs, 15).status().exitCode()).isEqualTo(new ExitCode(0, 15));
        assertThat(job(jobs, 15).state().state()).isEqualTo(JobState.Name.PREEMPTED);
        assertThat(job(jobs, 15).name()).isEqualTo("训练任务 中文名");
        assertThat(job(jobs, 15).timing().preemptTime().isSet()).isTrue();
        Job deadline = job(jobs, 47);
        assertThat(deadline.status().exitCode()).isEqualTo(new ExitCode(0, 1));
        assertThat(deadline.state().state()).isEqualTo(JobState.Name.DEADLINE);
        assertThat(deadline.timing().deadline()).isEqualTo(SlurmTime.of(t("2026-11-20T22:31:22")));
        assertThat(deadline.timing().timeLimit()).isEqualTo(TimeLimit.ofMinutes(1));
        // a pending job: start and end are Unknown
        Job pending = job(jobs, 34);
        assertThat(pending.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(pending.timing().startTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(pending.timing().endTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(pending.extras().get("state_description")).startsWith("Nodes required for job are DOWN");
        assertThat(pending.timing().timeLimit()).isEqualTo(TimeLimit.ofMinutes(2880));
        // nice 100 is supplied; v0.0.38's null nice is not guessed
        assertThat(job(jobs, 41).status().nice()).isEqualTo(100);
        assertThat(job(jobs, 41).identity().comment()).isEqualTo("updated: a=b c=d");
        assertThat(job(jobs, 1).status().nice()).isNull();
        assertThat(job(jobs, 29).status().dependency()).isEqualTo("afterany:16(unfulfilled),afternotok:18(unfulfilled)");
        assertThat(job(jobs, 48).identity().reservation()).isEqualTo("cpu_future");
        assertThat(job(jobs, 20).status().reason()).isEqualTo("JobHeldUser");
        assertThat(job(jobs, 20).timing().accrueTime()).isEqualTo(SlurmTime.UNKNOWN);
    }

    @Test
    void arraysAndHetJobs() {
        List<Job> jobs = SqueueJsonParser.parse(Fixtures.load("squeue-json").stdoutBytes(), LAB).items();
        Job element = job(jobs, 20);
        assertThat(element.identity().arrayJobId()).isEqualTo(17L);
        assertThat(element.identity().arrayTaskId().tasks()).containsExactly(2);
        assertThat(element.identity().arrayTaskThrottle()).isEqualTo(2);
        assertThat(element.displayId().toString()).isEqualTo("17_2");
        Job remainder = job(jobs, 40);
        assertThat(remainder.identity().arrayJobId()).isEqualTo(40L);
        assertThat(remainder.identity().arrayTaskId().raw()).isEqualTo("1-5%2");
        assertThat(remainder.displayId().toString()).isEqualTo("40_[1-5%2]");
        assertThat(remainder.status().reason()).isEqualTo("JobHeldAdmin");
        Job plain = job(jobs, 1);
        assertThat(plain.identity().arrayJobId()).isNull();
        assertThat(plain.identity().arrayTaskId()).isNull();
        assertThat(plain.identity().hetJobId()).isNull();
        Job het = job(jobs, 22);
        assertThat(het.identity().hetJobId()).isEqualTo(21L);
        assertThat(het.identity().hetJobOffset()).isEqualTo(1);
        assertThat(het.identity().hetJobIdSet()).isEqualTo("21-22");
        assertThat(het.displayId().toString()).isEqualTo("21+1");
        assertThat(het.identity().partition()).isEqualTo("gpu");
    }

    @Test
    void printsThroughJobView() {
        List<Job> jobs = SqueueJsonParser.parse(Fixtures.load("squeue-json").stdoutBytes(), LAB).items();
        Map<String, Object> m = JobView.toSuppliedMap(job(jobs, 14), LAB);
        assertThat(m).containsEntry("job_id", 14L).containsEntry("exit_code", "138:0").containsEntry("name", "renamed-steps-long")
                .containsEntry("time_limit", 1564L).containsEntry("submit_time", 1795213691L);
    }

    @Test
    void laterShapesWithSetInfiniteNumberObjects() {
        String json = """
                {"meta": {"plugin": {"type": "openapi/slurmctld", "data_parser": "data_parser/v0.0.42"},
                          "slurm": {"version": {"major": "24"}, "release": "24.11.5"}},
                 "errors": [], "warnings": [{"description": "old client", "source": "x"}],
                 "jobs": [{"job_id": 7, "name": "wrap", "user_id": 1000, "user_name": "ann", "group_id": 1000,
                   "group_name": "", "job_state": ["PENDING", "REQUEUED"], "state_reason": "BeginTime",
                   "array_job_id": {"set": true, "infinite": false, "number": 5},
                   "array_task_id": {"set": true, "infinite": false, "number": 3},
                   "array_max_tasks": {"set": true, "infinite": false, "number": 0},
                   "het_job_id": {"set": true, "infinite": false, "number": 0},
                   "time_limit": {"set": false, "infinite": true, "number": 0},
                   "time_minimum": {"set": true, "infinite": false, "number": 30},
                   "submit_time": {"set": true, "infinite": false, "number": 1762788782},
                   "start_time": {"set": false, "infinite": false, "number": 0},
                   "priority": {"set": true, "infinite": false, "number": 545}, "nice": 0,
                   "cpus": {"set": true, "infinite": false, "number": 4},
                   "cpus_per_task": {"set": false, "infinite": false, "number": 0},
                   "memory_per_node": {"set": true, "infinite": false, "number": 2048},
                   "max_nodes": {"set": true, "infinite": false, "number": 2},
                   "exit_code": {"status": ["SIGNALED"], "return_code": {"set": false, "infinite": false, "number": 0},
                                 "signal": {"id": {"set": true, "infinite": false, "number": 9}, "name": "KILL"}},
                   "derived_exit_code": {"status": ["ERROR"], "return_code": {"set": true, "infinite": false, "number": 2},
                                 "signal": {"id": {"set": false, "infinite": false, "number": 0}, "name": ""}},
                   "mail_type": ["BEGIN", "END"], "reboot": true, "delay_boot": {"set": true, "infinite": false, "number": 60},
                   "billable_tres": {"set": true, "infinite": false, "number": 4.5}, "core_spec": 0,
                   "tres_req_str": "cpu=4,mem=2G", "tres_alloc_str": "", "power": {"flags": []},
                   "minimum_tmp_disk_per_node": 1, "standard_output": "/home/ann/o.txt"}]}
                """;
        JsonResult<Job> r = SqueueJsonParser.parse(json, ZoneId.of("Europe/Berlin"));
        assertThat(r.slurmVersion()).isEqualTo("24.11.5");
        assertThat(r.openapiVersion()).isEqualTo("data_parser/v0.0.42");
        assertThat(r.warnings()).containsExactly("old client");
        Job j = r.items().get(0);
        assertThat(j.state().state()).isEqualTo(JobState.Name.PENDING);
        assertThat(j.state().is(JobState.Name.REQUEUED)).isTrue();
        assertThat(j.identity().user()).isEqualTo(new UserRef("ann", 1000L));
        assertThat(j.identity().group()).isEqualTo(new UserRef(null, 1000L));
        assertThat(j.displayId().toString()).isEqualTo("5_3");
        assertThat(j.identity().arrayTaskThrottle()).isZero();
        assertThat(j.identity().hetJobId()).isNull();
        assertThat(j.timing().timeLimit()).isEqualTo(TimeLimit.UNLIMITED);
        assertThat(j.timing().timeMin()).isEqualTo(TimeLimit.ofMinutes(30));
        // 1762788782 is 2025-11-10T15:33:02Z, 16:33:02 in Berlin
        assertThat(j.timing().submitTime()).isEqualTo(SlurmTime.of(t("2025-11-10T16:33:02")));
        assertThat(j.timing().startTime()).isNull();
        assertThat(j.status().priority()).isEqualTo(545L);
        assertThat(j.status().nice()).isZero();
        assertThat(j.status().exitCode()).isEqualTo(new ExitCode(0, 9));
        assertThat(j.status().derivedExitCode()).isEqualTo(new ExitCode(2, 0));
        assertThat(j.status().reboot()).isEqualTo(1);
        assertThat(j.resources().numCpus()).isEqualTo(4);
        assertThat(j.resources().cpusPerTask()).isNull();
        assertThat(j.resources().maxNodes()).isEqualTo(2);
        assertThat(j.resources().minMemory()).isEqualTo(MemoryRequest.perNode(2048 * MemorySize.MIB));
        assertThat(j.resources().minTmpDiskNode()).isEqualTo(MemorySize.MIB);
        assertThat(j.resources().allocTres().isEmpty()).isTrue();
        assertThat(j.identity().mailType()).isEqualTo("BEGIN,END");
        assertThat(j.timing().delayBoot()).hasSeconds(60);
        assertThat(j.io().stdOut()).isEqualTo("/home/ann/o.txt");
        assertThat(j.extras()).containsEntry("billable_tres", "4.5").containsEntry("core_spec", "0")
                .containsEntry("power", "{\"flags\":[]}");
    }

    @Test
    void errorsAreAnOutputNotAnException() {
        String json = """
                {"meta": {"plugin": {"type": "openapi/v0.0.38"}, "Slurm": {"release": "22.05.8"}},
                 "errors": [{"error": "Invalid job id specified", "errno": 2017},
                            {"description": "Unable to query JobId=6354", "error_number": 2017,
                             "error": "Invalid job id specified", "source": "_handle_job_get"},
                            {"description": "Failure to query node x", "error_number": 0, "error": "No error"},
                            "plain text", {"source": "only"}],
                 "jobs": []}
                """;
        JsonResult<Job> r = SqueueJsonParser.parse(json, LAB);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.items()).isEmpty();
        assertThat(r.errors()).containsExactly("Invalid job id specified",
                "Unable to query JobId=6354 (Invalid job id specified)", "Failure to query node x", "plain text",
                "{\"source\":\"only\"}");
        assertThat(SqueueJsonParser.parse("{\"errors\": [{\"error\": \"down\"}]}", LAB).errors()).containsExactly("down");
    }

    @Test
    void oddValuesOutsideIdentityAreKept() {
        String json = """
                {"jobs": [{"job_id": 9, "priority": "high", "cpus": 1.5, "nice": 5000000000, "requeue": "yes",
                  "exit_code": "0:0", "tres_req_str": "=bad", "features": 3, "mail_type": [1],
                  "time_limit": "x", "submit_time": -5, "job_state": "RUNNING"}]}
                """;
        Job j = SqueueJsonParser.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), LAB).items().get(0);
        assertThat(j.status().priority()).isNull();
        assertThat(j.resources().numCpus()).isNull();
        assertThat(j.status().nice()).isNull();
        assertThat(j.status().requeue()).isNull();
        assertThat(j.status().exitCode()).isNull();
        assertThat(j.timing().timeLimit()).isNull();
        assertThat(j.timing().submitTime()).isEqualTo(SlurmTime.UNKNOWN);
        assertThat(j.extras()).containsEntry("priority", "high").containsEntry("cpus", "1.5")
                .containsEntry("nice", "5000000000").containsEntry("requeue", "yes").containsEntry("exit_code", "0:0")
                .containsEntry("features", "3").containsEntry("mail_type", "[1]").containsEntry("time_limit", "x");
    }

    @Test
    void wrongIdentityTypesNameTheJsonPath() {
        assertThatThrownBy(() -> SqueueJsonParser.parse("{\"jobs\": [{\"job_id\": 1}, {\"job_id\": \"2\"}]}", LAB))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.field()).isEqualTo("jobs[1].job_id");
                    assertThat(e.excerpt()).isEqualTo("\"2\"");
                    assertThat(e.command()).isEqualTo("squeue --json");
                });
        assertThat(field("{\"jobs\": [{\"name\": \"x\"}]}")).isEqualTo("jobs[0].job_id");
        assertThat(field("{\"jobs\": [{\"job_id\": 1.5}]}")).isEqualTo("jobs[0].job_id");
        assertThat(field("{\"jobs\": [{\"job_id\": -1}]}")).isEqualTo("jobs[0].job_id");
        assertThat(field("{\"jobs\": [{\"job_id\": {\"set\": false, \"number\": 0}}]}")).isEqualTo("jobs[0].job_id");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"name\": 5}]}")).isEqualTo("jobs[0].name");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"user_id\": \"0\"}]}")).isEqualTo("jobs[0].user_id");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"array_job_id\": [1]}]}")).isEqualTo("jobs[0].array_job_id");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"array_job_id\": 4, \"array_task_string\": \"a-b\"}]}"))
                .isEqualTo("jobs[0].array_task_string");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"job_state\": 3}]}")).isEqualTo("jobs[0].job_state");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"job_state\": [3]}]}")).isEqualTo("jobs[0].job_state");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"job_state\": \" \"}]}")).isEqualTo("jobs[0].job_state");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"het_job_offset\": \"1\"}]}")).isEqualTo("jobs[0].het_job_offset");
        assertThat(field("{\"jobs\": [{\"job_id\": 1, \"partition\": []}]}")).isEqualTo("jobs[0].partition");
        assertThat(field("{\"jobs\": [3]}")).isEqualTo("jobs[0]");
        assertThat(field("{\"jobs\": {}}")).isEqualTo("jobs");
    }

    @Test
    void notJsonGivesTheLine() {
        assertThatThrownBy(() -> SqueueJsonParser.parse("{\"jobs\": [\n{\"job_id\": 1,,}]}", LAB))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> SqueueJsonParser.parse("", LAB)).isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> SqueueJsonParser.parse("[1]", LAB)).isInstanceOf(SlurmParseException.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> SqueueJsonParser.parse(new java.io.Reader() {
            @Override
            public int read(char[] b, int o, int l) throws java.io.IOException {
                throw new java.io.IOException("boom");
            }

            @Override
            public void close() {
            }
        }, LAB)).isInstanceOf(SlurmParseException.class).hasMessageContaining("boom");
    }

    private static String field(String json) {
        try {
            SqueueJsonParser.parse(json, LAB);
        } catch (SlurmParseException e) {
            return e.field();
        }
        return null;
    }
}
