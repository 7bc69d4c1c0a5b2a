/**
 * The job watcher ({@link io.github.slurm4j.jobs.watch.JobWatcher}): tells listeners when watched
 * jobs change phase, with one {@code squeue} call per cycle for all of them (plus one {@code sacct}
 * call for those that left the queue), each end delivered exactly once, Slurm outages reported
 * once instead of as job events, and a polling interval that backs off while nothing changes.
 */
package io.github.slurm4j.jobs.watch;
