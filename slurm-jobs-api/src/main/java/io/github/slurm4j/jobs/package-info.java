/**
 * The jobs façade a console back-end calls ({@link io.github.slurm4j.jobs.SlurmJobs}): submit from
 * a form, "my jobs" and "all active jobs", one status model, job detail with the console JSON, and
 * control with a 1..1000 priority scale, on one or more named clusters.
 */
package io.github.slurm4j.jobs;
