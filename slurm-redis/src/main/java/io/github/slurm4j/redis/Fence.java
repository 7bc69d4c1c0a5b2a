package io.github.slurm4j.redis;

/**
 * The right to write a cluster's snapshot: the lock token this collector holds and the fencing
 * epoch it got when it took the lock. A swap runs only while the lock holds this token and no
 * later epoch has written the key.
 *
 * @param token the lock's value ({@code collectorId:epoch})
 * @param epoch the fencing epoch, increasing with every new holder
 */
public record Fence(String token, long epoch) {
}
