/**
 * Pure functions from a Slurm command's output to the model: one final class per command
 * ({@link io.github.slurm4j.parse.SqueueParser}, {@link io.github.slurm4j.parse.SacctParser},
 * {@link io.github.slurm4j.parse.SeffParser}, …; {@code scontrol show} in the {@code scontrol}
 * subpackage) and {@link io.github.slurm4j.parse.SlurmErrors}, which classifies error outputs into
 * {@link io.github.slurm4j.model.SlurmErrorType}s. Parsers do no I/O and never log: bad input throws
 * {@link io.github.slurm4j.parse.SlurmParseException} with the command, line, field and an excerpt.
 */
package io.github.slurm4j.parse;
