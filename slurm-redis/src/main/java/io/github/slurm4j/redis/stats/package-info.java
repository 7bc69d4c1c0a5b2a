/**
 * The statistics of one cluster snapshot, computed purely from model types: node classes, CPU and
 * GPU-card counts, job and user counts, top-5 waits, PUE and the brief ratios.
 */
package io.github.slurm4j.redis.stats;
