package io.github.slurm4j.model;

import java.util.Objects;

/**
 * Requested memory and what it is counted per: {@code MinMemoryNode=300M} (per node),
 * {@code MinMemoryCPU=256M} (per CPU), sacct's {@code ReqMem} {@code 4000Mn} / {@code 4Gc}.
 *
 * @param bytes the amount in bytes
 * @param per what the amount is counted per
 */
public record MemoryRequest(long bytes, Per per) {
    /** What a memory amount is counted per. */
    public enum Per {
        /** Per node: {@code MinMemoryNode}, {@code --mem}, sacct's {@code n} suffix. */
        NODE,
        /** Per allocated CPU: {@code MinMemoryCPU}, {@code --mem-per-cpu}, sacct's {@code c} suffix. */
        CPU,
        /** Slurm did not say (sacct of 22.05+ prints ReqMem without n/c for per-node totals). */
        UNSPECIFIED
    }

    /**
     * Checks the amount and unit.
     *
     * @param bytes the amount in bytes
     * @param per what the amount is counted per
     * @throws NullPointerException if {@code per} is {@code null}
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public MemoryRequest {
        Objects.requireNonNull(per, "per");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative memory: " + bytes);
        }
    }

    /**
     * Parses sacct's {@code ReqMem}: an amount with an optional trailing {@code n} (per node) or
     * {@code c} (per CPU); bare numbers are MiB.
     *
     * @param text the value as printed ({@code 300M}, {@code 4000Mn}, {@code 4Gc})
     * @return the request; {@link Per#UNSPECIFIED} without a suffix
     * @throws IllegalArgumentException if the amount is not a memory amount (null and empty included)
     */
    public static MemoryRequest parseReqMem(String text) {
        String s = text == null ? "" : text.trim();
        if (s.endsWith("n") || s.endsWith("c")) {
            Per per = s.endsWith("n") ? Per.NODE : Per.CPU;
            return new MemoryRequest(MemorySize.parseBytes(s.substring(0, s.length() - 1)), per);
        }
        return new MemoryRequest(MemorySize.parseBytes(s), Per.UNSPECIFIED);
    }

    /**
     * A request per node, as {@code --mem} makes it.
     *
     * @param bytes the amount in bytes; not negative
     * @return the request
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static MemoryRequest perNode(long bytes) {
        return new MemoryRequest(bytes, Per.NODE);
    }

    /**
     * A request per allocated CPU, as {@code --mem-per-cpu} makes it.
     *
     * @param bytes the amount in bytes; not negative
     * @return the request
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static MemoryRequest perCpu(long bytes) {
        return new MemoryRequest(bytes, Per.CPU);
    }

    /** {@return the amount in whole MiB, rounded down (the unit of sbatch's {@code --mem})} */
    public long mib() {
        return MemorySize.toMib(bytes);
    }
}
