package io.github.slurm4j.parse.scontrol;

import io.github.slurm4j.model.Partition;
import io.github.slurm4j.model.Reservation;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.JobStep;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 *       come out whole;</li>
 *   <li>after any other key, any {@code Word=} token ends the value, so keys of newer Slurm
 *       versions land in {@code extras};</li>
 *   <li>the end of a line ends every value.</li>
 * </ul>
 * A free-text value that itself contains {@code " Key="} of an unseen known key cannot be told
 * apart from the next field; scontrol gives no way to.
 *
 * <h2>Trailing spaces: where a value's end is known</h2>
 * scontrol (22.05 through 25.05) separates fields by one space in {@code -o} and by a line break
 * and three spaces in the multi-line form; a job record also ends with that separator
 * ({@code -o}: {@code "Power= \n"}), node, partition, reservation and step records do not. So the
 * end of a value is known, and its own trailing spaces are kept verbatim:
 * <ul>
 *   <li>multi-line form: a value that ends its line ends at the line break
 *       ({@code "   Comment=owner=ops team  \n"});</li>
 *   <li>{@code -o}: a value ends at the one separator space before the next key, so a value
 *       followed by two spaces ended with one ({@code "Comment=owner=ops team  Extra="} of a node
 *       gives {@code "owner=ops team "}); the last value of a job (or step) line ends before one
 *       final space, that of a node, partition or reservation line at the line end.</li>
 * </ul>
 * On top of that, scontrol prints some values with one space of its own before the separator:
 * a job's {@code Comment}, {@code AdminComment}, {@code SystemComment} (and {@code Extra} from
 * 23.02) as {@code "Comment=%s "}, a node's {@code OS=%s }, and a node's reason as
 * {@code "Reason=%s [user@time]"}. That one space is removed and the value's own are kept: a job
 * submitted with {@code --comment='owner=ops team '} prints {@code "Comment=owner=ops team   StdErr="}
 * ({@code -o}, three spaces) and {@code "   Comment=owner=ops team  "} (two), and both give
 * {@code "owner=ops team "} (captured: {@code lab-22.05/scontrol-job-*-comment-trailing-space}).
 * Values that scontrol pads and that are not free text (node {@code CoresPerSocket=8 },
 * {@code Partitions=a,b }, {@code Port=}..., and every non-free-text node, partition and
 * reservation value) are right-trimmed: they are numbers, names and lists.
 *
 * <p>Where the output does not tell, the parser follows 22.05 through 25.05 and cannot do better:
 * <ul>
 *   <li>Slurm 25.11 dropped the space of its own after the job comments and {@code Extra}, and
 *       right-trims a whole job record before its line break. A 25.11 comment's last trailing space
 *       is therefore removed as if it were scontrol's (the output does not say which version wrote
 *       it), and the last value of a 25.11 job record (of the {@code -o} line, or of the last
 *       multi-line line) has already lost its trailing spaces in scontrol.</li>
 *   <li>Output whose line ends were stripped on the way (an editor, a transport that trims lines)
 *       has lost the spaces before them; the parser reads what it is given.</li>
 *   <li>A node reason holding line breaks is printed as further lines indented by seven spaces:
 *       refused in the multi-line form (not {@code Key=value}); in {@code -o} each line break reads
 *       as eight spaces of the reason, which is kept whole.</li>
 * </ul>
 *
 * <h2>Typed values</h2>
 * {@code (null)} of lists and free text becomes the empty string; times become
 * {@link io.github.slurm4j.model.SlurmTime} (with its {@code Unknown}/{@code None}/{@code N/A}
 * sentinels); memory becomes bytes; Slurm 22.05's {@code TRES=} goes to
 * {@link Job.Resources#tres()} as printed (it is the allocated TRES for started jobs and the
 * requested TRES for pending ones; 23.02+ prints {@code ReqTRES}/{@code AllocTRES} separately).
 *
 * <h2>Streaming</h2>
 * The {@code InputStream} and {@code Reader} variants hold one record at a time, so
 * {@code scontrol -o show job} of any size parses in constant memory; records before a parse
 * error have already been delivered (jobs: all but the last record before the error, see below).
 * Prefer the {@code InputStream} variant for a command's stdout: the parser works on the UTF-8
 * bytes as they come (every delimiter is ASCII) and decodes only the values it keeps, with
 * malformed bytes replaced by U+FFFD; text given as a {@code String} or {@code Reader} is encoded
 * to UTF-8 first.
 *
 * <h2>Line breaks inside values (jobs)</h2>
 * scontrol prints a job's name, comment, work dir, command and std paths raw, line breaks included.
 * In job output, a line that is neither a record start ({@code JobId=} at column 0), nor a key line
 * (three spaces or a tab, then {@code Key=}), nor blank continues the previous line's last value;
 * the value keeps the line terminators as read ({@code \n}, {@code \r\n}, {@code \r}). Blank
 * lines belong to the value when a continuation or key line follows, else they end the record.
 * Because a value can also hold text shaped like a record start or a key, such output is refused
 * (a {@link SlurmParseException} at the line) when: a record start follows a record that lacks
 * one of the keys every job record has ({@code UserId=}, {@code GroupId=}, {@code JobState=},
 * {@code RunTime=}, {@code TimeLimit=}, {@code SubmitTime=}, {@code Partition=}, {@code Command=},
 * {@code WorkDir=}); the output has several records and one of them lacks one; a record whose value
 * held a line break lacks one; a known key appears twice in a record; or a line of a multi-line
 * record holds more than 20 keys (an {@code -o} value ending in a line break and two spaces). A job
 * record is delivered only after the next one passed these checks. Not detectable from the text:
 * a value that holds a whole forged record (every required key, then a line break and a record
 * start) — the output is then byte for byte that of two real jobs; and an {@code -o} record whose
 * last value ends in line breaks (they read as blank lines after it). Node, partition,
 * reservation and step records take no continuation lines (an error, as before).
 * Caches of repeated values live for one call. All methods are thread-safe (no shared state).
 */
public final class ScontrolParser {
    private ScontrolParser() {
    }

    /**
     * Parses {@code scontrol [-d] [-o] show job} output.
     *
     * @param text the decoded standard output; {@code No jobs in the system} gives no jobs; not null
     * @return the jobs in printed order
     * @throws SlurmParseException for output that does not read (see the rules above)
     */
    public static List<Job> parseJobs(String text) {
        return collect(text, new JobRecordMapper());
    }

    /**
     * Streams {@code scontrol [-d] [-o] show job} output (UTF-8 bytes) to {@code sink}, one job at a time.
     *
     * @param in the command's standard output, read to its end
     * @param sink gets each job once it passed the checks, in printed order
     * @throws SlurmParseException for output that does not read; jobs before it were delivered
     * @throws java.io.UncheckedIOException when reading {@code in} fails
     */
    public static void parseJobs(InputStream in, Consumer<? super Job> sink) {
        parse(in, new JobRecordMapper(), sink);
    }

    /**
     * Streams {@code scontrol [-d] [-o] show job} output to {@code sink}, one job at a time.
     *
     * @param reader the decoded output, read to its end (encoded to UTF-8 as it is read); not null
     * @param sink gets each job once it passed the checks, in printed order
     * @throws SlurmParseException for output that does not read; jobs before it were delivered
     * @throws java.io.UncheckedIOException when reading fails
     */
    public static void parseJobs(Reader reader, Consumer<? super Job> sink) {
        parse(new Utf8InputStream(Objects.requireNonNull(reader, "reader")), new JobRecordMapper(), sink);
    }

    /**
     * Parses {@code scontrol [-d] [-o] show node} output.
     *
     * @param text the decoded standard output; not null
     * @return the nodes in printed order
     * @throws SlurmParseException for output that does not read
     */
    public static List<Node> parseNodes(String text) {
        return collect(text, new NodeRecordMapper());
    }

    /**
     * Streams {@code scontrol [-d] [-o] show node} output (UTF-8 bytes) to {@code sink}, one node at a time.
     *
     * @param in the command's standard output, read to its end
     * @param sink gets each node, in printed order
     * @throws SlurmParseException for output that does not read; nodes before it were delivered
     * @throws java.io.UncheckedIOException when reading {@code in} fails
     */
    public static void parseNodes(InputStream in, Consumer<? super Node> sink) {
        parse(in, new NodeRecordMapper(), sink);
    }

    /**
     * Streams {@code scontrol [-d] [-o] show node} output to {@code sink}, one node at a time.
     *
     * @param reader the decoded output, read to its end; not null
     * @param sink gets each node, in printed order
     * @throws SlurmParseException for output that does not read; nodes before it were delivered
     * @throws java.io.UncheckedIOException when reading fails
     */
    public static void parseNodes(Reader reader, Consumer<? super Node> sink) {
        parse(new Utf8InputStream(Objects.requireNonNull(reader, "reader")), new NodeRecordMapper(), sink);
    }

    /**
     * Parses {@code scontrol [-o] show partition} output.
     *
     * @param text the decoded standard output; not null
     * @return the partitions in printed order
     * @throws SlurmParseException for output that does not read
     */
    public static List<Partition> parsePartitions(String text) {
        return collect(text, new PartitionRecordMapper());
    }

    /**
     * Parses {@code scontrol show reservation} output.
     *
     * @param text the decoded standard output; {@code No reservations in the system} gives none; not null
     * @return the reservations in printed order
     * @throws SlurmParseException for output that does not read
     */
    public static List<Reservation> parseReservations(String text) {
        return collect(text, new ReservationRecordMapper());
    }

    /**
     * Parses {@code scontrol [-o] show step} output.
     *
     * @param text the decoded standard output; not null
     * @return the steps in printed order
     * @throws SlurmParseException for output that does not read
     */
    public static List<JobStep> parseSteps(String text) {
        return collect(text, new StepRecordMapper());
    }

    private static <T> List<T> collect(String text, RecordMapper<?, T> mapper) {
        Objects.requireNonNull(text, "text");
        List<T> out = new ArrayList<>();
        parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), mapper, out::add);
        return out;
    }

    private static boolean isBlank(byte[] s, int start, int end) {
        for (int i = start; i < end; i++) {
            byte c = s[i];
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes start with the ASCII {@code prefix}. */
    private static boolean startsWith(byte[] s, int start, int end, String prefix) {
        int n = prefix.length();
        if (end - start < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmptyMarker(String line) {
        String s = line.strip();
        return s.startsWith("No ") && s.endsWith(" in the system");
    }

    /**
     * Whether the line is a key line of a multi-line record: at least three spaces (or a tab) of
     * indentation, then a key word and {@code =}. One or two spaces are the {@code -o} separator
     * after a value that ends in a line break (and a space).
     */
    private static boolean isKeyLine(byte[] s, int start, int end) {
        int i = start;
        while (i < end && s[i] == ' ') {
            i++;
        }
        if (i - start < 3 && !(i < end && s[i] == '\t')) {
            return false;
        }
        while (i < end && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i >= end || !((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) {
            return false;
        }
        for (i++; i < end; i++) {
            byte c = s[i];
            if (c == '=') {
                return true;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '/' || c == ':' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    /**
     * The record loop. Lines are read as bytes into one buffer ({@link LineReader}) and a record's
     * lines stay there, as ranges, until the record is mapped: no decoding of the whole text and no
     * {@code String} per line.
     *
     * <p>When the mapper's values may hold line breaks ({@link RecordMapper#valuesMayHoldNewlines}),
     * a line that is neither a record start, nor a key line, nor blank continues the previous line
     * (its range grows over the line break, kept as read); blank lines are held until the next line
     * tells whether they were inside a value (a continuation or key line follows) or ended the
     * record (a record start or the end follows). A record start is accepted only after a
     * {@linkplain RecordMapper#lastRecordComplete complete} record, and the last record must be
     * complete too when it had a continuation or is not the first (a fake record start inside a
     * value always makes two records, one of them cut short unless the value holds a whole
     * forged record). In that mode a record is delivered only after the next record passed these
     * checks (or at the end), so that a record whose value was cut by a fake record start is never
     * delivered; streaming lags one record.
     */
    static <T> void parse(InputStream input, RecordMapper<?, T> mapper, Consumer<? super T> sink) {
        Objects.requireNonNull(input, "in");
        Objects.requireNonNull(sink, "sink");
        LineReader in = new LineReader(input, 1 << 16);
        RecordLines lines = RecordLines.over(in);
        String firstKey = mapper.firstKey();
        final boolean newlines = mapper.valuesMayHoldNewlines();
        int lineNo = 0;
        boolean sawRecord = false;
        boolean sawEmptyMarker = false;
        /* the end of the blank lines held after the open record's last line, or -1 */
        int heldBlankEnd = -1;
        boolean continued = false;
        /* a record was delivered: every further one must be complete (a fake start makes two) */
        boolean sawSecond = false;
        /* a record is delivered only once the next one is known to be sound (newlines mode) */
        T held = null;
        try {
            while (in.next()) {
                lineNo++;
                byte[] s = in.bytes();
                int ls = in.lineStart();
                int le = in.lineEnd();
                if (isBlank(s, ls, le)) {
                    if (!newlines && le > ls && !lines.isEmpty() && (s[ls] == ' ' || s[ls] == '\t')) {
                        // 24.11 prints an indented line without a key inside a node record (where
                        // 22.05 and 26.05 print nothing): the record goes on; records end at an empty line
                        continue;
                    }
                    if (!lines.isEmpty()) {
                        if (newlines) {
                            heldBlankEnd = lines.currentEnd();
                            continue;
                        }
                        sink.accept(mapper.map(lines));
                        lines.clear();
                        in.unmark();
                    }
                    continue;
                }
                byte c = s[ls];
                if (c == ' ' || c == '\t') {
                    if (lines.isEmpty()) {
                        throw new SlurmParseException(mapper.command(), lineNo, null, in.line(),
                                "continuation line outside a record");
                    }
                    if (newlines) {
                        if (!isKeyLine(s, ls, le)) {
                            lines.extendLastToCurrent();
                            heldBlankEnd = -1;
                            continued = true;
                            continue;
                        }
                        if (heldBlankEnd >= 0) {
                            lines.extendLast(heldBlankEnd);
                            heldBlankEnd = -1;
                            continued = true;
                        }
                    }
                    lines.addCurrent(lineNo);
                    continue;
                }
                boolean start = startsWith(s, ls, le, firstKey);
                if (!lines.isEmpty()) {
                    if (newlines && !start) {
                        lines.extendLastToCurrent();
                        heldBlankEnd = -1;
                        continued = true;
                        continue;
                    }
                    T record = mapper.map(lines);
                    if (newlines) {
                        if (!mapper.lastRecordComplete()) {
                            throw incomplete(mapper, lines.firstLine(), lineNo, in.line(),
                                    "a record starts here, but the record before it lacks one of ");
                        }
                        if (held != null) {
                            sink.accept(held);
                        }
                        held = record;
                    } else {
                        sink.accept(record);
                    }
                    lines.clear();
                    in.unmark();
                    heldBlankEnd = -1;
                    continued = false;
                    sawSecond = true;
                }
                if (!start) {
                    String line = in.line();
                    if (!sawRecord && !sawEmptyMarker && isEmptyMarker(line)) {
                        sawEmptyMarker = true;
                        continue;
                    }
                    throw new SlurmParseException(mapper.command(), lineNo, null, line,
                            "expected a record starting with " + firstKey);
                }
                if (sawEmptyMarker) {
                    throw new SlurmParseException(mapper.command(), lineNo, null, in.line(),
                            "record after an empty-result message");
                }
                sawRecord = true;
                in.mark();
                lines.addCurrent(lineNo);
            }
            if (!lines.isEmpty()) {
                T record = mapper.map(lines);
                if (newlines && (continued || sawSecond) && !mapper.lastRecordComplete()) {
                    throw incomplete(mapper, lines.firstLine(), lines.firstLine(), lines.line(0),
                            "a value holds a line break, but the record lacks one of ");
                }
                if (held != null) {
                    sink.accept(held);
                }
                sink.accept(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SlurmParseException incomplete(RecordMapper<?, ?> mapper, int recordLine, int lineNo,
            String excerpt, String what) {
        return new SlurmParseException(mapper.command(), lineNo, null, excerpt, what + mapper.requiredKeys()
                + " (record at line " + recordLine + "): a value holding a line break followed by text shaped "
                + "like a record cannot be read unambiguously; refused");
    }
}
