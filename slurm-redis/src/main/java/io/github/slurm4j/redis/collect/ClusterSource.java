package io.github.slurm4j.redis.collect;

/**
 * Where a collector reads the cluster from: {@link SlurmClusterSource} runs the Slurm commands;
 * tests and host applications may supply their own.
 */
@FunctionalInterface
public interface ClusterSource {
    /**
     * Reads the cluster once.
     *
     * @return one node listing and one job listing, taken together, with the power readings
     *
     * @throws RuntimeException (a {@code SlurmException} from Slurm) when it cannot: the collector
     *     then keeps the last snapshot and records the error
     */
    ClusterReading read();
}
