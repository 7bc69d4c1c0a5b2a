package io.github.slurm4j.benchmarks;

import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.io.InputStream;
import java.io.Reader;
import java.util.function.Consumer;

/** Streams {@code scontrol -o show job} text to the library's {@link Job}s, one at a time. */
final class JobsFromText {
    private JobsFromText() {
    }

    /** Parses every job of the UTF-8 bytes with {@link ScontrolParser} and hands it to {@code sink}; returns the count. */
    static long forEach(InputStream in, Consumer<? super Job> sink) {
        return counted(sink, c -> ScontrolParser.parseJobs(in, c));
    }

    /** As {@link #forEach(InputStream, Consumer)}, through the parser's {@code Reader} entry point. */
    static long forEach(Reader reader, Consumer<? super Job> sink) {
        return counted(sink, c -> ScontrolParser.parseJobs(reader, c));
    }

    private static long counted(Consumer<? super Job> sink, Consumer<Consumer<Job>> parse) {
        long[] n = new long[1];
        parse.accept(job -> {
            sink.accept(job);
            n[0]++;
        });
        return n[0];
    }
}
