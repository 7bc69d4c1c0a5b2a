package com.example.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.exec.slurm.SubmitRequest;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.job.JobState;
import io.github.slurm4j.testkit.FakeSlurm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// README.md, "Testing your application", shows this class verbatim (ReadmeExamplesTest checks it):
// a host application's test with FakeSlurm, in a package of its own, using only public API.
class TrainingJobsTest {
    @Test
    void aSubmittedTrainingJobRunsAndFinishes() {
        FakeSlurm slurm = FakeSlurm.builder().build();             // one node, partition debug, acting as alice
        SlurmClient client = new SlurmClient(slurm);               // your code gets this Shell instead of a LocalShell

        JobId id = client.submit(SubmitRequest.script("#!/bin/sh\nsleep 600\n")
                .name("train-resnet").timeLimit(Duration.ofHours(1)).build()).jobId();
        assertThat(client.statusOf(List.of(id)).get(id).state().state()).isEqualTo(JobState.Name.RUNNING);

        slurm.advance(Duration.ofMinutes(10));                     // the fake clock: no waiting
        assertThat(client.statusOf(List.of(id)).get(id).state().state()).isEqualTo(JobState.Name.COMPLETED);
        assertThat(slurm.count("squeue")).isEqualTo(2);            // and what your code ran
    }
}
