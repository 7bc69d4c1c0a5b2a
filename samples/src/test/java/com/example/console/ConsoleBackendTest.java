package com.example.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.jobs.JobPhase;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleBackendTest {
    @Test
    void submitListDetailPause() {
        FakeSlurm slurm = FakeSlurm.builder().startAt(Instant.now()).build();
        ConsoleBackend console = new ConsoleBackend(slurm);
        String id = console.submit(Map.of("job_name", "train", "time_limit", 60, "scale_cores", 2,
                "script", "#!/bin/bash\nsleep 600\n"));
        assertThat(console.myJobs("alice")).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.phase()).isEqualTo(JobPhase.RUNNING);
            assertThat(r.devices()).isEqualTo(2);
        });
        assertThat(console.detail(id)).contains("\"jobKey\":\"" + id + "-hpc.example.org\"").contains("\"jobStatus\":\"RUNNING\"");
        String queued = console.submit(Map.of("scale_cores", 8, "script", "#!/bin/bash\nsleep 600\n"));
        console.pause(queued);                                        // pending: held
        assertThat(console.detail(queued)).contains("\"jobStatus\":\"PAUSED\"");
    }
}
