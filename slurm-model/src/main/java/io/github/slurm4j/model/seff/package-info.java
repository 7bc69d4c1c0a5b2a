/** What {@code seff} reports about a job's CPU and memory efficiency. */
package io.github.slurm4j.model.seff;
