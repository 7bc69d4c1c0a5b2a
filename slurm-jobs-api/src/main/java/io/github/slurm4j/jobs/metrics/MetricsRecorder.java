package io.github.slurm4j.jobs.metrics;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.metrics.PidMetric;
import io.github.slurm4j.model.metrics.PidMetricSeries;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded time series of {@link JobSample}s per job, in memory: the last
 * {@code samplesPerJob} samples of each job (a ring: the oldest goes when a new one comes), of
 * at most {@code maxJobs} jobs (the job recorded or read least recently goes first). It fills the
 * console JSON's {@code runData} ({@link #runData}). Thread-safe.
 */
public final class MetricsRecorder {
    /** Samples kept per job by default: an hour at one sample every 10 s. */
    public static final int DEFAULT_SAMPLES_PER_JOB = 360;
    /** Jobs kept by default. */
    public static final int DEFAULT_MAX_JOBS = 1000;

    private record Key(String cluster, JobId job) {
    }

    private final int samplesPerJob;
    private final int maxJobs;
    /** In access order: the eldest is the job recorded or read least recently. */
    private final LinkedHashMap<Key, ArrayDeque<JobSample>> series;

    /** {@value #DEFAULT_SAMPLES_PER_JOB} samples per job, {@value #DEFAULT_MAX_JOBS} jobs. */
    public MetricsRecorder() {
        this(DEFAULT_SAMPLES_PER_JOB, DEFAULT_MAX_JOBS);
    }

    /**
     * A recorder with its bounds.
     *
     * @param samplesPerJob how many samples of one job are kept (at least 1)
     * @param maxJobs how many jobs are kept (at least 1)
     * @throws IllegalArgumentException if a bound is below 1
     */
    public MetricsRecorder(int samplesPerJob, int maxJobs) {
        if (samplesPerJob < 1 || maxJobs < 1) {
            throw new IllegalArgumentException("samplesPerJob and maxJobs must be positive: " + samplesPerJob + ", " + maxJobs);
        }
        this.samplesPerJob = samplesPerJob;
        this.maxJobs = maxJobs;
        this.series = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * Adds a sample of a job of {@code cluster}. A sample without nodes (the job was not running)
     * is not kept. When the job has {@code samplesPerJob} samples, its oldest goes; when a new job
     * makes {@code maxJobs} + 1, the job recorded or read least recently goes.
     *
     * @param cluster the cluster's name (any name when there is one cluster); part of the job's key
     * @param sample the sample; kept in the order recorded, which should be the order taken
     * @throws NullPointerException if an argument is {@code null}
     */
    public synchronized void record(String cluster, JobSample sample) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(sample, "sample");
        if (sample.nodes().isEmpty()) {
            return;
        }
        ArrayDeque<JobSample> ring = series.computeIfAbsent(new Key(cluster, sample.job()), k -> new ArrayDeque<>());
        while (ring.size() >= samplesPerJob) {
            ring.removeFirst();
        }
        ring.addLast(sample);
        Iterator<Map.Entry<Key, ArrayDeque<JobSample>>> eldest = series.entrySet().iterator();
        while (series.size() > maxJobs && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * The samples kept of a job.
     *
     * @param cluster the cluster's name, as given to {@link #record}
     * @param job the job, as the samples name it
     * @return the samples, oldest first, unmodifiable; empty when none
     */
    public synchronized List<JobSample> samples(String cluster, JobId job) {
        ArrayDeque<JobSample> ring = series.get(new Key(cluster, job));
        return ring == null ? List.of() : List.copyOf(ring);
    }

    /**
     * The kept samples' per-process metrics as one series.
     *
     * @param cluster the cluster's name, as given to {@link #record}
     * @param job the job
     * @return the series of every process of every kept sample; empty when none
     */
    public PidMetricSeries series(String cluster, JobId job) {
        List<PidMetric> all = new ArrayList<>();
        samples(cluster, job).forEach(s -> all.addAll(s.metrics()));
        return new PidMetricSeries(all);
    }

    /**
     * Drops a job's samples (when it has ended and been shown).
     *
     * @param cluster the cluster's name, as given to {@link #record}
     * @param job the job
     */
    public synchronized void forget(String cluster, JobId job) {
        series.remove(new Key(cluster, job));
    }

    /** {@return how many jobs have samples} */
    public synchronized int size() {
        return series.size();
    }

    /**
     * The console's {@code runData} of a job: {@link PidMetricSeries#runData} of the kept samples,
     * without the GPU values a process does not have. Per sample time (ascending) one entry per
     * metric, each {@code {"x": {"data": "yyyy-MM-dd HH:mm:ss"}, "y": [{"data": "12.5", "name":
     * "PID-4242"}, ...], "title": T}}, with one {@code y} element per process (PID) sampled then:
     * <ul>
     *   <li>{@code cpu} (ps {@code %CPU}), {@code mem} (ps {@code %MEM}), {@code ram} (RSS in
     *       MiB): always, for every process;</li>
     *   <li>{@code gpu} (pmon {@code sm} %) and {@code gpu_memory_usage} (MiB): only the processes
     *       with a GPU value, and the entry only when at least one has one — without GPUs these
     *       entries are absent, never zeros or nulls.</li>
     * </ul>
     * Empty when nothing was recorded.
     *
     * @param cluster the cluster's name, as given to {@link #record}
     * @param job the job
     * @param zone the zone of the {@code x} times (the cluster's)
     * @return the entries, in the order above within each time
     */
    public List<Map<String, Object>> runData(String cluster, JobId job, ZoneId zone) {
        return withoutAbsentGpu(series(cluster, job).runData(zone));
    }

    /** {@code runData} with the GPU entries' null values left out, and GPU entries without values dropped. */
    static List<Map<String, Object>> withoutAbsentGpu(List<Map<String, Object>> runData) {
        List<Map<String, Object>> out = new ArrayList<>(runData.size());
        for (Map<String, Object> entry : runData) {
            Object title = entry.get("title");
            if (!"gpu".equals(title) && !"gpu_memory_usage".equals(title)) {
                out.add(entry);
                continue;
            }
            List<Object> ys = new ArrayList<>();
            for (Object y : (List<?>) entry.get("y")) {
                if (y instanceof Map<?, ?> m && m.get("data") != null) {
                    ys.add(y);
                }
            }
            if (!ys.isEmpty()) {
                Map<String, Object> copy = new LinkedHashMap<>(entry);
                copy.put("y", ys);
                out.add(copy);
            }
        }
        return out;
    }
}
