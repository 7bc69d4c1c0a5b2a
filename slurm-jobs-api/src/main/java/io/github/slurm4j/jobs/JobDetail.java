package io.github.slurm4j.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobNodeAllocation;
import io.github.slurm4j.model.job.JobView;
import io.github.slurm4j.model.seff.SeffReport;
import io.github.slurm4j.model.seff.SeffView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job's detail page: the {@link Job} ({@code scontrol -o -d show job}, or made from {@code sacct}
 * once slurmctld has forgotten it), its steps with exit codes ({@code sacct}), its efficiency
 * ({@code seff} or computed like it), status and timestamps.
 *
 * @param job the job; its comment is the user's (submission token removed)
 * @param fromAccounting whether {@code job} was made from sacct (then many keys of the console
 *     environment are {@code null}: see the README)
 * @param steps the sacct rows of its steps ({@code batch}, {@code extern}, {@code 0}, ...), with
 *     exit codes; empty when accounting is not reachable
 * @param efficiency the seff report, or {@code null} (pending, or accounting not reachable)
 * @param status the status in both vocabularies
 * @param created when Slurm accepted it (its submit time; Slurm has no other creation time), or
 *     {@code null} when Slurm gives none
 * @param submitted the submit time, or {@code null} when Slurm gives none
 * @param started the start time, or {@code null}
 * @param finished the end time, or {@code null} while it has not ended
 * @param duration run time so far, or in all; {@code null} when Slurm gives none and the job has not started
 * @param restarts how often it was requeued, or {@code null} when not known
 * @param allocation per node: CPU ids, memory, GRES ({@code scontrol -d}); empty from sacct
 * @param jobKey {@code <id>-<cluster host>}
 * @param zone the cluster's time zone
 * @param runData the console's per-process series ({@code runData} of {@link #toConsoleMap()}):
 *     what the façade's {@link io.github.slurm4j.jobs.metrics.MetricsRecorder} holds of the job,
 *     empty without a recorder or samples
 */
public record JobDetail(Job job, boolean fromAccounting, List<AccountingRecord> steps, SeffReport efficiency,
        JobStatus status, Instant created, Instant submitted, Instant started, Instant finished, Duration duration,
        Integer restarts, List<JobNodeAllocation> allocation, String jobKey, ZoneId zone,
        List<Map<String, Object>> runData) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /**
     * Checks the required parts and copies the lists; a {@code null} {@code runData} is empty.
     *
     * @param job the job; its comment is the user's (submission token removed)
     * @param fromAccounting whether {@code job} was made from sacct
     * @param steps the sacct rows of its steps; copied
     * @param efficiency the seff report, or {@code null}
     * @param status the status in both vocabularies
     * @param created when Slurm accepted it (its submit time), or {@code null}
     * @param submitted the submit time, or {@code null}
     * @param started the start time, or {@code null}
     * @param finished the end time, or {@code null} while it has not ended
     * @param duration run time so far, or in all; or {@code null}
     * @param restarts how often it was requeued, or {@code null} when not known
     * @param allocation per node: CPU ids, memory, GRES; copied
     * @param jobKey {@code <id>-<cluster host>}
     * @param zone the cluster's time zone
     * @param runData the console's per-process series; copied, {@code null} for none
     * @throws NullPointerException if {@code job}, {@code status}, {@code jobKey}, {@code zone},
     *     {@code steps} or {@code allocation} is {@code null}, or a list holds a {@code null}
     */
    public JobDetail {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(jobKey, "jobKey");
        Objects.requireNonNull(zone, "zone");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        allocation = List.copyOf(Objects.requireNonNull(allocation, "allocation"));
        runData = runData == null ? List.of() : List.copyOf(runData);
    }

    /**
     * A detail without {@code runData}.
     *
     * @param job the job; its comment is the user's (submission token removed)
     * @param fromAccounting whether {@code job} was made from sacct
     * @param steps the sacct rows of its steps; copied
     * @param efficiency the seff report, or {@code null}
     * @param status the status in both vocabularies
     * @param created when Slurm accepted it (its submit time), or {@code null}
     * @param submitted the submit time, or {@code null}
     * @param started the start time, or {@code null}
     * @param finished the end time, or {@code null} while it has not ended
     * @param duration run time so far, or in all; or {@code null}
     * @param restarts how often it was requeued, or {@code null} when not known
     * @param allocation per node: CPU ids, memory, GRES; copied
     * @param jobKey {@code <id>-<cluster host>}
     * @param zone the cluster's time zone
     * @throws NullPointerException if {@code job}, {@code status}, {@code jobKey}, {@code zone},
     *     {@code steps} or {@code allocation} is {@code null}, or a list holds a {@code null}
     */
    public JobDetail(Job job, boolean fromAccounting, List<AccountingRecord> steps, SeffReport efficiency,
            JobStatus status, Instant created, Instant submitted, Instant started, Instant finished, Duration duration,
            Integer restarts, List<JobNodeAllocation> allocation, String jobKey, ZoneId zone) {
        this(job, fromAccounting, steps, efficiency, status, created, submitted, started, finished, duration, restarts,
                allocation, jobKey, zone, List.of());
    }

    /**
     * This detail with other {@code runData}.
     *
     * @param runData the series, as {@link io.github.slurm4j.jobs.metrics.MetricsRecorder#runData} gives
     *     them; copied, {@code null} for none
     * @return a new detail, equal to this one but for {@code runData}
     */
    public JobDetail withRunData(List<Map<String, Object>> runData) {
        return new JobDetail(job, fromAccounting, steps, efficiency, status, created, submitted, started, finished, duration,
                restarts, allocation, jobKey, zone, runData);
    }

    /**
     * The shape the known console reads:
     * <pre>{@code
     * {"showData": {"id", "createTime", "updateTime", "environment": {109 keys}, "jobStatus",
     *   "jobKey", "name", "checkPoints": [], "downloadStatus": null, "description": ""},
     *  "stopData": {seff map, empty until the job has ended}, "runData": [...], "isLogFile": false}
     * }</pre>
     * {@code createTime} is the submit time, {@code updateTime} the latest of submit, start and
     * end time, both in epoch seconds; {@code jobStatus} is the {@link JobPhase} name.
     *
     * <p>{@code runData} ({@link #runData()}; {@code []} until the job has been sampled) is, per
     * sample time in ascending order, one entry per metric:
     * <pre>{@code
     * {"x": {"data": "2026-12-02 17:50:03"},                 // sample time, cluster zone
     *  "y": [{"data": "98.5", "name": "PID-4242"}, ...],     // one per process, value with one decimal
     *  "title": "cpu"}
     * }</pre>
     * with the titles, in this order, {@code gpu} (pmon {@code sm} %, summed over the process's
     * GPUs), {@code mem} (ps {@code %MEM}), {@code cpu} (ps {@code %CPU}), {@code ram} (RSS, MiB),
     * {@code gpu_memory_usage} (MiB). {@code mem}, {@code cpu} and {@code ram} list every process
     * of the job at that time; {@code gpu} and {@code gpu_memory_usage} list only the processes
     * with a GPU value, and are absent at a time when none has one: a job without GPUs has no GPU
     * entries at all (not zeros, not nulls).
     *
     * @return a new map in the order above, of JSON values (maps, lists, strings, numbers,
     *     booleans, {@code null}s)
     */
    public Map<String, Object> toConsoleMap() {
        Map<String, Object> show = new LinkedHashMap<>();
        show.put("id", job.identity().jobId());
        show.put("createTime", epoch(created));
        Instant update = submitted;
        for (Instant t : new Instant[] {started, finished}) {
            if (t != null && (update == null || t.isAfter(update))) {
                update = t;
            }
        }
        show.put("updateTime", epoch(update));
        show.put("environment", JobView.toMap(job, zone));
        show.put("jobStatus", status.phase().name());
        show.put("jobKey", jobKey);
        show.put("name", job.identity().name());
        show.put("checkPoints", List.of());
        show.put("downloadStatus", null);
        show.put("description", "");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("showData", show);
        root.put("stopData", efficiency != null && status.phase().isFinal() ? SeffView.stopData(efficiency) : Map.of());
        root.put("runData", runData);
        root.put("isLogFile", false);
        return root;
    }

    /** {@return {@link #toConsoleMap()} as JSON text, on one line} */
    public String toConsoleJson() {
        try {
            return JSON.writeValueAsString(toConsoleMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the console map holds only JSON values", e);
        }
    }

    private static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
