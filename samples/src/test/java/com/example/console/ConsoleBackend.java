package com.example.console;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.jobs.Cluster;
import io.github.slurm4j.jobs.JobConf;
import io.github.slurm4j.jobs.JobRow;
import io.github.slurm4j.jobs.SlurmJobs;
import io.github.slurm4j.model.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

// README: "A console back-end" shows this class from its declaration on (ReadmeExamplesTest)
public final class ConsoleBackend {
    private final SlurmJobs jobs;

    public ConsoleBackend(Shell hpc) {                            // a LocalShell or a RemoteShell
        jobs = SlurmJobs.builder().cluster(Cluster.builder("hpc", hpc).host("hpc.example.org").build()).build();
    }

    public String submit(Map<String, Object> form) {              // POST /jobs, the console's form keys
        return jobs.submit("hpc", JobConf.fromMap(form)).jobId().toString();
    }

    public List<JobRow> myJobs(String user) {                     // GET /jobs?mine: 2 commands, newest first
        return jobs.myJobs("hpc", user, Instant.now().minus(Duration.ofDays(30)));
    }

    public String detail(String id) {                             // GET /jobs/{id}: the console JSON
        return jobs.detail("hpc", JobId.parse(id)).toConsoleJson();
    }

    public void pause(String id) {                                // POST /jobs/{id}/pause
        jobs.pause("hpc", JobId.parse(id));
    }
}
