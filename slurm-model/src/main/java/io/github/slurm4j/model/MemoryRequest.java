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
        NODE,
        CPU,
        /** Slurm did not say (sacct of 22.05+ prints ReqMem without n/c for per-node totals). */
        UNSPECIFIED
    }

    public MemoryRequest {
        Objects.requireNonNull(per, "per");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative memory: " + bytes);
        }
    }

    /**
     * Parses sacct's {@code ReqMem}: an amount with an optional trailing {@code n} (per node) or
     * {@code c} (per CPU); bare numbers are MiB.
     */
    public static MemoryRequest parseReqMem(String text) {
        String s = text == null ? "" : text.trim();
        if (s.endsWith("n") || s.endsWith("c")) {
            Per per = s.endsWith("n") ? Per.NODE : Per.CPU;
            return new MemoryRequest(MemorySize.parseBytes(s.substring(0, s.length() - 1)), per);
        }
        return new MemoryRequest(MemorySize.parseBytes(s), Per.UNSPECIFIED);
    }

    public static MemoryRequest perNode(long bytes) {
        return new MemoryRequest(bytes, Per.NODE);
    }

    public static MemoryRequest perCpu(long bytes) {
        return new MemoryRequest(bytes, Per.CPU);
    }

    /** Whole MiB. */
    public long mib() {
        return MemorySize.toMib(bytes);
    }
}
