package io.github.slurm4j.benchmarks;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.ScontrolParser;
import java.io.InputStream;
import java.io.Reader;
import java.util.function.Consumer;

/** Streams {@code scontrol -o show job} text to the library's {@link Job}s, one at a time. */
final class JobsFromText {
    private JobsFromText() {
    }

    /** Parses every job of the UTF-8 bytes with {@link ScontrolParser} and hands it to {@code sink}; returns the count. */
    static long forEach(InputStream in, Consumer<? super Job> sink) {
        long[] n = new long[1];
        ScontrolParser.parseJobs(in, job -> {
            sink.accept(job);
            n[0]++;
        });
        return n[0];
    }

    /** As {@link #forEach(InputStream, Consumer)}, from characters (encoded to UTF-8 by the parser). */
    static long forEach(Reader reader, Consumer<? super Job> sink) {
        long[] n = new long[1];
        ScontrolParser.parseJobs(reader, job -> {
            sink.accept(job);
            n[0]++;
        });
        return n[0];
    }
}
