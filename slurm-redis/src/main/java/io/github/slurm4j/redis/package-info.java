/**
 * Cluster statistics in Redis: the key schema ({@link io.github.slurm4j.redis.RedisKeys}), the
 * atomic, fenced {@link io.github.slurm4j.redis.RedisStore} and its in-memory twin, and the typed
 * read-back web servers use ({@link io.github.slurm4j.redis.StoredStats}).
 */
package io.github.slurm4j.redis;
