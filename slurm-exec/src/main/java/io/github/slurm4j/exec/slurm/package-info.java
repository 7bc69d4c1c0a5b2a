/**
 * The typed Slurm command layer: {@link io.github.slurm4j.exec.slurm.SlurmClient} runs squeue,
 * sacct, sbatch, scancel, scontrol, sstat and seff through any {@link io.github.slurm4j.exec.Shell}
 * and returns the model, with requests built by {@link io.github.slurm4j.exec.slurm.JobQuery},
 * {@link io.github.slurm4j.exec.slurm.AccountingQuery}, {@link io.github.slurm4j.exec.slurm.SubmitRequest}
 * and {@link io.github.slurm4j.exec.slurm.JobUpdate}. Each operation owns its argument list and
 * the parser of its output, and a refusal by Slurm is a typed
 * {@link io.github.slurm4j.model.SlurmCommandException}, never an empty list.
 */
package io.github.slurm4j.exec.slurm;
