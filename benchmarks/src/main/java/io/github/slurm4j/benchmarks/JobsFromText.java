package io.github.slurm4j.benchmarks;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.ScontrolParser;
import java.io.Reader;
import java.util.function.Consumer;

/** Streams {@code scontrol -o show job} text to the library's {@link Job}s, one at a time. */
final class JobsFromText {
    private JobsFromText() {
    }

    /** Parses every job of {@code reader} with {@link ScontrolParser} and hands it to {@code sink}; returns the count. */
    static long forEach(Reader reader, Consumer<? super Job> sink) {
        long[] n = new long[1];
        ScontrolParser.parseJobs(reader, job -> {
            sink.accept(job);
            n[0]++;
        });
        return n[0];
    }
}
