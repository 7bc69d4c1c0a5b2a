package io.github.slurm4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobConfTest {
    @Test
    void theConsoleKeysAreMapped() {
        JobConf c = JobConf.fromMap(Map.of("job_wdir", "/home/alice/run", "job_name", "train", "time_limit", "30",
                "partition", "gpu", "scale_cores", 4, "scale_memGB", "2.5", "scale_Nodes", 1,
                "jobfile_args", "--epochs 3", "script", "#!/bin/bash\necho hi\n"));
        assertThat(c.workDir()).isEqualTo("/home/alice/run");
        assertThat(c.name()).isEqualTo("train");
        assertThat(c.timeLimitMinutes()).isEqualTo(30L);
        assertThat(c.partition()).isEqualTo("gpu");
        assertThat(c.cores()).isEqualTo(4);
        assertThat(c.memoryGb()).isEqualTo(2.5);
        assertThat(c.nodes()).isEqualTo(1);
        assertThat(c.args()).containsExactly("--epochs", "3");
        assertThat(c.validate(List.of("debug", "gpu"))).isEmpty();
        assertThat(JobConf.fromMap(Map.of("jobfile_args", List.of("a b", "c"), "jobfile", "/x.sh")).args())
                .containsExactly("a b", "c");
    }

    @Test
    void aMessagePerField() {
        JobConf c = JobConf.builder().script("echo no shebang").cores(0).memoryGb(-1).timeLimitMinutes(0).nodes(-2)
                .gpus(-1).partition("nope").build();
        Map<String, String> e = c.validate(List.of("debug", "gpu"));
        assertThat(e).containsOnlyKeys("script", "cores", "memoryGb", "timeLimitMinutes", "nodes", "gpus", "partition");
        assertThat(e.get("script")).contains("#!");
        assertThat(e.get("partition")).contains("nope").contains("debug");
        // an unknown partition list checks nothing
        assertThat(c.validate(List.of())).doesNotContainKey("partition");
        assertThat(JobConf.builder().build().validate(List.of())).containsKey("script");
        assertThat(JobConf.fromMap(Map.of("scale_cores", "many", "time_limit", "1.5", "script", "#!/bin/sh\n"))
                .validate(List.of())).containsOnlyKeys("scale_cores", "time_limit");
    }
}
