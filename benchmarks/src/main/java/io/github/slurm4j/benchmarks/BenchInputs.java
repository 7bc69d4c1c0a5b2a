package io.github.slurm4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the generated inputs live: the directory in system property {@value #DIR_PROPERTY}
 * (default {@code target/bench-data}), with {@value #COUNT_PROPERTY} jobs (default 100,000) of seed
 * {@link Generator#DEFAULT_SEED}. Generated on first use, then reused by every fork and check.
 */
final class BenchInputs {
    static final String DIR_PROPERTY = "slurm4j.bench.dir";
    static final String COUNT_PROPERTY = "slurm4j.bench.jobs";

    private BenchInputs() {
    }

    static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "target/bench-data")).toAbsolutePath();
    }

    static int count() {
        return Integer.getInteger(COUNT_PROPERTY, Generator.DEFAULT_JOBS);
    }

    /** The {@code scontrol -o show job} input, generated if missing. */
    static Path scontrol() throws IOException {
        Generator.ensure(dir(), count(), Generator.DEFAULT_SEED);
        return Generator.scontrolFile(dir(), count(), Generator.DEFAULT_SEED);
    }

    /** The {@code squeue --json} input, generated if missing. */
    static Path json() throws IOException {
        Generator.ensure(dir(), count(), Generator.DEFAULT_SEED);
        return Generator.jsonFile(dir(), count(), Generator.DEFAULT_SEED);
    }

    static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
