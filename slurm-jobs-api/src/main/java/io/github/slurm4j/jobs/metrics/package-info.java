/**
 * Per-process metrics of running jobs: {@link io.github.slurm4j.jobs.metrics.MetricsSampler}
 * samples each node of a job in one shell call ({@code scontrol listpids}, {@code ps}, and
 * {@code nvidia-smi} where it exists, read with the parsers of {@code slurm-parsers}), and
 * {@link io.github.slurm4j.jobs.metrics.MetricsRecorder} keeps a bounded series per job that fills
 * the console JSON's {@code runData}. A GPU allocated to a job with no process on it is reported
 * as an {@link io.github.slurm4j.jobs.metrics.IdleGpu}.
 */
package io.github.slurm4j.jobs.metrics;
