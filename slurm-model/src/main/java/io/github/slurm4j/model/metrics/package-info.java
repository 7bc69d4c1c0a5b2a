/**
 * Per-process metrics of a running job: the processes {@code scontrol listpids} names, what
 * {@code ps} and {@code nvidia-smi} say about them, and samples joined from both.
 */
package io.github.slurm4j.model.metrics;
