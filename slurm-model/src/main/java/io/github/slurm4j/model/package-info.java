/**
 * The value types every part of slurm4j shares — {@link io.github.slurm4j.model.JobId},
 * {@link io.github.slurm4j.model.Hostlist}, {@link io.github.slurm4j.model.SlurmDuration},
 * {@link io.github.slurm4j.model.TimeLimit}, {@link io.github.slurm4j.model.MemorySize},
 * {@link io.github.slurm4j.model.Tres}, partitions, reservations — and the exceptions
 * ({@link io.github.slurm4j.model.SlurmException} and its children, with their
 * {@link io.github.slurm4j.model.SlurmErrorType}). Each is an immutable record or final class that
 * parses Slurm's text once and keeps Slurm's sentinels ({@code UNLIMITED}, {@code N/A},
 * {@code None}) as typed values or {@code null}; jobs, nodes, efficiency and metrics are in the
 * subpackages.
 */
package io.github.slurm4j.model;
