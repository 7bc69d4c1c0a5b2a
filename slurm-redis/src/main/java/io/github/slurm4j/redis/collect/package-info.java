/**
 * The collector: reads a cluster once per cycle (at most 3 Slurm commands), computes its
 * statistics and writes them to a store, surviving Slurm and Redis failures and failing over
 * between application instances.
 */
package io.github.slurm4j.redis.collect;
