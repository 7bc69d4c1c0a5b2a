package io.github.slurm4j.parse;

import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobStep;
import io.github.slurm4j.model.node.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Parses {@code scontrol show job|node|partition|reservation|step}, in the multi-line form and the
 * {@code -o} one-liner form (detected per record), with or without {@code -d}.
 *
 * <h2>Records</h2>
 * A record starts with a line beginning with its first key ({@code JobId=}, {@code NodeName=},
 * {@code PartitionName=}, {@code ReservationName=}, {@code StepId=}); lines that start with a space
 * continue it; blank lines end it. A record of one line is the {@code -o} form. A first line
 * {@code No jobs in the system} (or nodes, partitions...) gives an empty result. Anything else —
 * text before the first record, a continuation line without a record, a token that is not
 * {@code Key=value}, a typed value that does not parse — throws {@link SlurmParseException} with
 * the command, the 1-based line, the key and an excerpt; no half-filled object is returned.
 *
 * <h2>Values are not quoted</h2>
 * scontrol prints {@code Key=value} pairs separated by one space, and values may hold spaces and
 * {@code =}. The tokenizer decides where a value ends from the key set of the record type:
 * <ul>
 *   <li>after a <b>free-text key</b> — jobs: {@code JobName, Comment, AdminComment, SystemComment,
 *       Extra, WorkDir, Command, StdOut, StdErr, StdIn, Container, BurstBuffer}; nodes:
 *       {@code Reason, OS, Comment, Extra}; reservations: {@code Comment}; steps: {@code Name} —
 *       only a known key of that record type not yet seen in the record ends the value, so
 *       {@code JobName=a|b,c=d "q" 's'} and {@code Comment=key=value spaces = signs; owner=ops team }
 *       come out whole (the single space scontrol 22.05 prints after every comment is removed, a
 *       comment's own trailing space is kept);</li>
 *   <li>after any other key, any {@code Word=} token ends the value, so keys of newer Slurm
 *       versions land in {@code extras};</li>
 *   <li>the end of a line ends every value.</li>
 * </ul>
 * Job and step values keep every space but the single separator (the {@code -o} form's trailing
 * separator space is removed); node, partition and reservation values are right-trimmed, because
 * scontrol pads some of them ({@code CoresPerSocket=1  CPUAlloc=0}, {@code OS=... @0 }).
 * A free-text value that itself contains {@code " Key="} of an unseen known key cannot be told
 * apart from the next field; scontrol gives no way to.
 *
 * <h2>Typed values</h2>
 * {@code (null)} of lists and free text becomes the empty string; times become
 * {@link io.github.slurm4j.model.SlurmTime} (with its {@code Unknown}/{@code None}/{@code N/A}
 * sentinels); memory becomes bytes; Slurm 22.05's {@code TRES=} goes to
 * {@link Job.Resources#tres()} as printed (it is the allocated TRES for started jobs and the
 * requested TRES for pending ones; 23.02+ prints {@code ReqTRES}/{@code AllocTRES} separately).
 *
 * <h2>Streaming</h2>
 * The {@code Reader} variants hold one record at a time, so {@code scontrol -o show job} of any
 * size parses in constant memory; records before a parse error have already been delivered.
 * Caches of repeated values live for one call. All methods are thread-safe (no shared state).
 */
public final class ScontrolParser {
    private ScontrolParser() {
    }

    /** Parses {@code scontrol [-d] [-o] show job} output. */
    public static List<Job> parseJobs(String text) {
        return collect(text, new JobRecordMapper());
    }

    /** Streams {@code scontrol [-d] [-o] show job} output to {@code sink}, one job at a time. */
    public static void parseJobs(Reader reader, Consumer<? super Job> sink) {
        parse(reader, new JobRecordMapper(), sink);
    }

    /** Parses {@code scontrol [-d] [-o] show node} output. */
    public static List<Node> parseNodes(String text) {
        return collect(text, new NodeRecordMapper());
    }

    /** Streams {@code scontrol [-d] [-o] show node} output. */
    public static void parseNodes(Reader reader, Consumer<? super Node> sink) {
        parse(reader, new NodeRecordMapper(), sink);
    }

    /** Parses {@code scontrol [-o] show partition} output. */
    public static List<Partition> parsePartitions(String text) {
        return collect(text, new PartitionRecordMapper());
    }

    /** Parses {@code scontrol show reservation} output. */
    public static List<Reservation> parseReservations(String text) {
        return collect(text, new ReservationRecordMapper());
    }

    /** Parses {@code scontrol [-o] show step} output. */
    public static List<JobStep> parseSteps(String text) {
        return collect(text, new StepRecordMapper());
    }

    private static <T> List<T> collect(String text, RecordMapper<T> mapper) {
        Objects.requireNonNull(text, "text");
        List<T> out = new ArrayList<>();
        parse(new StringReader(text), mapper, out::add);
        return out;
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmptyMarker(String line) {
        String s = line.strip();
        return s.startsWith("No ") && s.endsWith(" in the system");
    }

    static <T> void parse(Reader reader, RecordMapper<T> mapper, Consumer<? super T> sink) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sink, "sink");
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        String firstKey = mapper.firstKey();
        List<String> lines = new ArrayList<>(48);
        int first = 0;
        int lineNo = 0;
        boolean sawRecord = false;
        boolean sawEmptyMarker = false;
        try {
            String line;
            while ((line = br.readLine()) != null) {
                lineNo++;
                if (isBlank(line)) {
                    if (!lines.isEmpty()) {
                        sink.accept(mapper.map(lines, first));
                        lines.clear();
                    }
                    continue;
                }
                char c = line.charAt(0);
                if (c == ' ' || c == '\t') {
                    if (lines.isEmpty()) {
                        throw new SlurmParseException(mapper.command(), lineNo, null, line,
                                "continuation line outside a record");
                    }
                    lines.add(line);
                    continue;
                }
                if (!lines.isEmpty()) {
                    sink.accept(mapper.map(lines, first));
                    lines.clear();
                }
                if (!line.startsWith(firstKey)) {
                    if (!sawRecord && !sawEmptyMarker && isEmptyMarker(line)) {
                        sawEmptyMarker = true;
                        continue;
                    }
                    throw new SlurmParseException(mapper.command(), lineNo, null, line,
                            "expected a record starting with " + firstKey);
                }
                if (sawEmptyMarker) {
                    throw new SlurmParseException(mapper.command(), lineNo, null, line,
                            "record after an empty-result message");
                }
                sawRecord = true;
                first = lineNo;
                lines.add(line);
            }
            if (!lines.isEmpty()) {
                sink.accept(mapper.map(lines, first));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
