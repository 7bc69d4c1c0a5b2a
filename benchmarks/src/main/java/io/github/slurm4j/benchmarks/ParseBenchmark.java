package io.github.slurm4j.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation reads all generated jobs (100,000 by default) from bytes held in memory, so
 * the time per operation divided by the job count is the time per job. The inputs are the same
 * jobs in both renderings (see {@link Generator}).
 *
 * <ul>
 *   <li>{@link #floor}: {@code BufferedReader.readLine} over the scontrol bytes, counting lines;
 *   <li>{@link #scontrolParser}: the library's streaming {@code scontrol -o show job} parser to
 *       {@code Job}s, from the bytes ({@code parseJobs(InputStream, ...)}, what {@code SlurmClient}
 *       does with a command's stdout);
 *   <li>{@link #scontrolParserReader}: the same parser handed the floor's decoding
 *       {@code InputStreamReader} ({@code parseJobs(Reader, ...)}, context);
 *   <li>{@link #mapSplit}: each line split into a {@code HashMap} of key to value (context);
 *   <li>{@link #jacksonJson}: Jackson databind reading the {@code squeue --json} jobs one at a time
 *       into {@link JsonJob} records.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class ParseBenchmark {

    /** The scontrol input as bytes. */
    @State(Scope.Benchmark)
    public static class TextInput {
        byte[] bytes;

        @Setup
        public void load() throws IOException {
            bytes = BenchInputs.read(BenchInputs.scontrol());
        }

        Reader reader() {
            return new InputStreamReader(stream(), StandardCharsets.UTF_8);
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** The squeue --json input as bytes, and the reader Jackson binds with. */
    @State(Scope.Benchmark)
    public static class JsonInput {
        byte[] bytes;
        ObjectMapper mapper;
        ObjectReader jobReader;

        @Setup
        public void load() throws IOException {
            bytes = BenchInputs.read(BenchInputs.json());
            mapper = new ObjectMapper();
            jobReader = mapper.readerFor(JsonJob.class);
        }
    }

    /** The floor: decoding and splitting into lines, nothing else. */
    @Benchmark
    public long floor(TextInput in) throws IOException {
        long lines = 0;
        try (BufferedReader r = new BufferedReader(in.reader(), 1 << 16)) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** The library: {@code ScontrolParser} streaming the bytes to {@code Job}s. */
    @Benchmark
    public long scontrolParser(TextInput in, Blackhole bh) {
        return JobsFromText.forEach(in.stream(), bh::consume);
    }

    /** Context: the same parser over the floor's decoding reader (the parser re-encodes to UTF-8). */
    @Benchmark
    public long scontrolParserReader(TextInput in, Blackhole bh) {
        return JobsFromText.forEach(in.reader(), bh::consume);
    }

    /** Context: each line into a {@code HashMap<String,String>} (no typing, no validation). */
    @Benchmark
    public long mapSplit(TextInput in, Blackhole bh) throws IOException {
        long n = 0;
        try (BufferedReader r = new BufferedReader(in.reader(), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                bh.consume(OnelinerFields.toMap(line));
                n++;
            }
        }
        return n;
    }

    /** Jackson databind, streaming over the {@code jobs} array one record at a time. */
    @Benchmark
    public long jacksonJson(JsonInput in, Blackhole bh) throws IOException {
        return JacksonJobs.forEach(in.mapper, in.jobReader, in.bytes, bh::consume);
    }

    /** Reads the {@code jobs} array of a {@code squeue --json} document, one job at a time. */
    static final class JacksonJobs {
        private JacksonJobs() {
        }

        static long forEach(ObjectMapper mapper, ObjectReader jobReader, byte[] json,
                java.util.function.Consumer<JsonJob> sink) throws IOException {
            long n = 0;
            try (JsonParser p = mapper.getFactory().createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("jobs".equals(field) && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            sink.accept(jobReader.<JsonJob>readValue(p));
                            n++;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            return n;
        }
    }
}
