package io.github.slurm4j.parse;

import io.github.slurm4j.parse.scontrol.ScontrolParser;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.job.SqueueRow;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.model.node.SinfoRow;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of every parser entry point with mutated bytes of the captured cases (every corpus):
 * bit flips, inserted and deleted bytes, duplicated and deleted lines, truncation, and one
 * delimiter byte swapped for another, one to eight of them per sample. Whatever the input, the
 * only exception that may escape is {@link SlurmParseException} (with its command, a line, and a
 * reason), and what is returned is whole: the identity fields of the returned objects are set.
 *
 * <p>{@code sbatch} and the action parsers also report a refusal Slurm printed as a
 * {@link SlurmCommandException}: that is their documented answer to an error output, not a crash,
 * so it is allowed for them alone.
 *
 * <p>Each test runs {@value #DEFAULT_SAMPLES} samples (a few seconds per parser) from a random seed (in CI,
 * {@code CI=true}, from {@link #CI_SEED}, so every CI run judges the same samples);
 * a failure names the seed, the case and the mutations. A sample that takes longer than
 * {@value #SLOW_MILLIS} ms fails too. {@code -Dslurm4j.fuzz.samples=N} runs
 * more, {@code -Dslurm4j.fuzz.seed=S} replays a seed:
 * {@code mvn -B -pl slurm-parsers -am test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djacoco.skip=true -Dslurm4j.fuzz.samples=20000}.
 */
class ParserFuzzTest {
    /** The base seed of CI's runs (any other run draws a random one). */
    static final long CI_SEED = 20_261_202L;


    /** Every captured case of every corpus. */
    static final List<Fixtures.Case> CASES = loadAll();

    private static List<Fixtures.Case> loadAll() {
        List<Fixtures.Case> all = new ArrayList<>();
        for (String corpus : Fixtures.corpora()) {
            for (String name : Fixtures.names(corpus)) {
                all.add(Fixtures.load(corpus, name));
            }
        }
        return List.copyOf(all);
    }

    private static List<Fixtures.Case> casesOf(String... tools) {
        Set<String> wanted = Set.of(tools);
        List<Fixtures.Case> out = new ArrayList<>();
        for (Fixtures.Case c : CASES) {
            if (wanted.contains(tool(c))) {
                out.add(c);
            }
        }
        assertThat(out).as("cases of %s", Arrays.toString(tools)).isNotEmpty();
        return out;
    }

    private static String tool(Fixtures.Case c) {
        try {
            return SlurmCommandLine.parseAll(c.cmd()).get(0).tool();
        } catch (RuntimeException e) {
            return "";
        }
    }

    // ---- mutations ----

    /** One change to the bytes of a captured output; positions are taken modulo the length. */
    interface Mutation {
        byte[] apply(byte[] in);
    }

    record BitFlip(int at, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            out[at % in.length] ^= (byte) (1 << bit);
            return out;
        }
    }

    record InsertByte(int at, byte value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int p = at % (in.length + 1);
            byte[] out = new byte[in.length + 1];
            System.arraycopy(in, 0, out, 0, p);
            out[p] = value;
            System.arraycopy(in, p, out, p + 1, in.length - p);
            return out;
        }
    }

    record DeleteByte(int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int p = at % in.length;
            byte[] out = new byte[in.length - 1];
            System.arraycopy(in, 0, out, 0, p);
            System.arraycopy(in, p + 1, out, p, in.length - p - 1);
            return out;
        }
    }

    record DuplicateLine(int line) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            if (lines.isEmpty()) {
                return in;
            }
            int k = line % lines.size();
            lines.add(k, lines.get(k));
            return join(lines);
        }
    }

    record DeleteLine(int line) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            if (lines.isEmpty()) {
                return in;
            }
            lines.remove(line % lines.size());
            return join(lines);
        }
    }

    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, length % (in.length + 1));
        }
    }

    /** The {@code nth} delimiter byte (of {@link #DELIMITERS}) becomes another delimiter byte. */
    record SwapDelimiter(int nth, byte replacement) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < in.length; i++) {
                if (DELIMITERS.indexOf(in[i]) >= 0) {
                    at.add(i);
                }
            }
            if (at.isEmpty()) {
                return in;
            }
            byte[] out = in.clone();
            out[at.get(nth % at.size())] = replacement;
            return out;
        }
    }

    static final String DELIMITERS = "| =,:;\t\n\u001f()[]/-+*.";
    /** Bytes worth inserting: delimiters, digits, letters that start keywords, broken UTF-8. */
    private static final byte[] INTERESTING = "|=,:;\t\n\r\u001f()[]/-+*.%09AZaz#\"'\\ ".getBytes(StandardCharsets.ISO_8859_1);

    private static List<byte[]> lines(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                out.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            out.add(Arrays.copyOfRange(in, start, in.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines) {
        int n = lines.stream().mapToInt(l -> l.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, out, at, l.length);
            at += l.length;
        }
        return out;
    }

    private static Mutation mutation(Random r) {
        int pos = r.nextInt(1 << 20);
        switch (r.nextInt(7)) {
            case 0:
                return new BitFlip(pos, r.nextInt(8));
            case 1:
                return new InsertByte(pos, r.nextBoolean() ? (byte) r.nextInt(256) : INTERESTING[r.nextInt(INTERESTING.length)]);
            case 2:
                return new DeleteByte(pos);
            case 3:
                return new DuplicateLine(pos);
            case 4:
                return new DeleteLine(pos);
            case 5:
                return new Truncate(pos);
            default:
                byte[] d = DELIMITERS.getBytes(StandardCharsets.ISO_8859_1);
                return new SwapDelimiter(pos, d[r.nextInt(d.length)]);
        }
    }

    /** A captured case with its stdout (or its stderr) mutated. */
    record Mutated(Fixtures.Case seed, boolean stderr, List<Mutation> mutations) {
        byte[] stdoutBytes() {
            return stderr ? seed.stdoutBytes() : applyAll(seed.stdoutBytes());
        }

        String stdout() {
            return Texts.decode(stdoutBytes());
        }

        String stderrText() {
            return stderr ? Texts.decode(applyAll(seed.stderr().getBytes(StandardCharsets.UTF_8))) : seed.stderr();
        }

        private byte[] applyAll(byte[] in) {
            byte[] b = in;
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            return b;
        }

        @Override
        public String toString() {
            return seed.name() + (stderr ? " (stderr)" : "") + " " + mutations;
        }
    }

    static final int DEFAULT_SAMPLES = 150;
    /** A sample slower than this fails (a super-linear parser: see {@code FuzzFindingsTest}). */
    static final long SLOW_MILLIS = 30_000;

    /**
     * Runs {@code check} over {@code slurm4j.fuzz.samples} mutated cases drawn from {@code seeds}; a
     * failure names the seed that replays it.
     */
    private static void fuzz(List<Fixtures.Case> seeds, Consumer<Mutated> check) {
        int samples = Integer.getInteger("slurm4j.fuzz.samples", DEFAULT_SAMPLES);
        String fixed = System.getProperty("slurm4j.fuzz.seed");
        // CI (CI=true) draws the same samples every run, so a submission is judged by its code, not
        // by the draw; every other run draws new ones (a finding names its seed, which replays it)
        long base = fixed != null ? Long.parseLong(fixed)
                : "true".equalsIgnoreCase(System.getenv("CI")) ? CI_SEED : new Random().nextLong();
        for (int i = 0; i < samples; i++) {
            long seed = base + i;
            Random r = new Random(seed);
            Fixtures.Case c = seeds.get(r.nextInt(seeds.size()));
            List<Mutation> ms = new ArrayList<>();
            for (int k = 1 + r.nextInt(8); k > 0; k--) {
                ms.add(mutation(r));
            }
            Mutated m = new Mutated(c, r.nextInt(4) == 0, ms);
            long t0 = System.nanoTime();
            try {
                check.accept(m);
                // a hang guard, far above the second or so the largest inputs take through every parser
                long took = (System.nanoTime() - t0) / 1_000_000;
                assertThat(took).as("milliseconds for %s", m).isLessThan(SLOW_MILLIS);
            } catch (AssertionError e) {
                throw new AssertionError("-Dslurm4j.fuzz.seed=" + seed + " replays: " + e.getMessage(), e);
            }
        }
    }

    // ---- the contract ----

    /** Runs a parse; only a well-formed SlurmParseException (or an allowed type) may escape. */
    private static <T> T run(String entry, Mutated m, java.util.function.Supplier<T> parse, Class<?>... allowed) {
        try {
            return parse.get();
        } catch (SlurmParseException e) {
            assertThat(e.command()).as("%s: command of %s", entry, m).isNotBlank();
            assertThat(e.line()).as("%s: line of %s", entry, m).isNotNegative();
            assertThat(e.reason()).as("%s: reason of %s", entry, m).isNotBlank();
            assertThat(e.excerpt().length()).isLessThanOrEqualTo(SlurmParseException.MAX_EXCERPT);
            return null;
        } catch (RuntimeException | Error e) {
            for (Class<?> a : allowed) {
                if (a.isInstance(e)) {
                    return null;
                }
            }
            throw new AssertionError(entry + " threw " + e + " for " + m, e);
        }
    }

    private static <T> void whole(String entry, Mutated m, List<T> items, Predicate<T> identity) {
        if (items == null) {
            return;
        }
        for (T item : items) {
            assertThat(item).as("%s: null item for %s", entry, m).isNotNull();
            assertThat(identity.test(item)).as("%s: half-filled %s for %s", entry, item, m).isTrue();
        }
    }

    /** Command lines of the corpus that the dispatcher cannot read at all (not an output problem). */
    private static final Map<String, Boolean> REFUSED_COMMAND_LINES = new HashMap<>();

    private static boolean commandLineRefused(Fixtures.Case c) {
        return REFUSED_COMMAND_LINES.computeIfAbsent(c.name() + "\u0000" + c.cmd(), k -> {
            try {
                CommandOutputParser.parse(new CommandOutput(c.cmd(), c.stdout(), c.stderr(), c.rc()), ZoneOffset.UTC);
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * The key a dispatched item must carry, by tool and kind. (squeue, sinfo, sacct and the tables
     * print what their format names, so an identity field may rightly be absent there.)
     */
    private static final Map<String, String> IDENTITY = Map.of("scontrol node", "name", "scontrol partition", "name",
            "scontrol reservation", "name", "scontrol license", "name", "scontrol job", "job_id", "sbatch submit", "job_id",
            "sbatch submit_test", "job_id", "seff seff", "job_id", "ps process", "pid");

    @Test
    void theDispatcherOverEveryCapturedCommandLine() {
        fuzz(CASES, ParserFuzzTest::dispatch);
    }

    private static void dispatch(Mutated m) {
        CommandOutput out = new CommandOutput(m.seed().cmd(), m.stdout(), m.stderrText(), m.seed().rc());
        Class<?>[] allowed = commandLineRefused(m.seed()) ? new Class<?>[] {IllegalArgumentException.class} : new Class<?>[0];
        ParsedOutput parsed = run("CommandOutputParser", m, () -> CommandOutputParser.parse(out, ZoneOffset.UTC), allowed);
        if (parsed == null) {
            return;
        }
        assertThat(parsed.kind()).isNotBlank();
        if (parsed.error() != null) {
            assertThat(parsed.items()).isEmpty();
            assertThat(parsed.error().message()).isNotBlank();
            return;
        }
        String key = IDENTITY.get(parsed.command() + " " + parsed.kind());
        whole("CommandOutputParser", m, parsed.items(), item -> key == null || item.get(key) != null);
        if (parsed.kind().equals("gpu_process")) {
            // a pmon row of a GPU without processes has no pid, but always its GPU
            whole("CommandOutputParser", m, parsed.items(), item -> item.get("pid") != null || item.get("gpu") != null);
        }
    }

    @Test
    void scontrol() {
        fuzz(casesOf("scontrol"), ParserFuzzTest::scontrolSample);
    }

    private static void scontrolSample(Mutated m) {
        String text = m.stdout();
        byte[] bytes = m.stdoutBytes();
        whole("parseJobs", m, run("parseJobs", m, () -> ScontrolParser.parseJobs(text)), j -> j.identity() != null);
        List<Job> streamed = new ArrayList<>();
        run("parseJobs(InputStream)", m, () -> {
            ScontrolParser.parseJobs(new ByteArrayInputStream(bytes), streamed::add);
            return streamed;
        });
        whole("parseJobs(InputStream)", m, streamed, j -> j.identity() != null);
        List<Job> read = new ArrayList<>();
        run("parseJobs(Reader)", m, () -> {
            ScontrolParser.parseJobs(new StringReader(text), read::add);
            return read;
        });
        whole("parseNodes", m, run("parseNodes", m, () -> ScontrolParser.parseNodes(text)), (Node n) -> n.name() != null);
        List<Node> nodes = new ArrayList<>();
        run("parseNodes(InputStream)", m, () -> {
            ScontrolParser.parseNodes(new ByteArrayInputStream(bytes), nodes::add);
            return nodes;
        });
        whole("parseNodes(InputStream)", m, nodes, n -> n.name() != null);
        whole("parsePartitions", m, run("parsePartitions", m, () -> ScontrolParser.parsePartitions(text)), p -> p.name() != null);
        whole("parseReservations", m, run("parseReservations", m, () -> ScontrolParser.parseReservations(text)), r -> r.name() != null);
        whole("parseSteps", m, run("parseSteps", m, () -> ScontrolParser.parseSteps(text)), s -> s.stepId() != null);
        run("parseConfig", m, () -> ScontrolAdminParser.parseConfig(text));
        whole("parseLicenses", m, run("parseLicenses", m, () -> ScontrolAdminParser.parseLicenses(text)), l -> l.name() != null);
        whole("parseHostnames", m, run("parseHostnames", m, () -> ScontrolAdminParser.parseHostnames(text)), h -> !h.isBlank());
        whole("ListPidsParser", m, run("ListPidsParser", m, () -> ListPidsParser.parse(text)), p -> p != null);
        run("ActionOutputParser", m, () -> ActionOutputParser.parse(m.seed().cmd(), text, m.stderrText(), m.seed().rc()),
                SlurmCommandException.class);
    }

    @Test
    void squeue() {
        fuzz(casesOf("squeue"), ParserFuzzTest::squeueSample);
    }

    private static void squeueSample(Mutated m) {
        byte[] bytes = m.stdoutBytes();
        List<SqueueParser> parsers = List.of(SqueueParser.defaultFormat(), SqueueParser.longFormat(), SqueueParser.stepsFormat(),
                SqueueParser.startFormat(), SqueueParser.forFormat("%all"), SqueueParser.forFormat("%i|%j|%u|%T|%M|%R"),
                SqueueParser.forFormatLong("JobID:\u001f,Name:\u001f,Comment:\u001f,WorkDir:"));
        for (SqueueParser p : parsers) {
            for (SqueueParser q : List.of(p, p.withoutHeader())) {
                whole("SqueueParser " + q.fields(), m, run("SqueueParser", m, () -> q.parse(bytes)), (SqueueRow r) -> r.extras() != null);
            }
        }
        whole("SqueueJsonParser", m, run("SqueueJsonParser", m, () -> SqueueJsonParser.parse(bytes, ZoneOffset.UTC).items()),
                j -> j.identity() != null);
    }

    @Test
    void sinfo() {
        fuzz(casesOf("sinfo"), ParserFuzzTest::sinfoSample);
    }

    private static void sinfoSample(Mutated m) {
        byte[] bytes = m.stdoutBytes();
        List<SinfoParser> parsers = List.of(SinfoParser.defaultFormat(), SinfoParser.nodeFormat(), SinfoParser.longFormat(),
                SinfoParser.nodeLongFormat(), SinfoParser.reasonsFormat(), SinfoParser.forFormat("%all"),
                SinfoParser.forFormat("%P|%a|%l|%D|%t|%N"));
        for (SinfoParser p : parsers) {
            for (SinfoParser q : List.of(p, p.withoutHeader())) {
                whole("SinfoParser " + q.fields(), m, run("SinfoParser", m, () -> q.parse(bytes)), (SinfoRow r) -> r.extras() != null);
            }
        }
        whole("NodesJsonParser", m, run("NodesJsonParser", m, () -> NodesJsonParser.parse(bytes, ZoneOffset.UTC).items()),
                n -> n.name() != null);
    }

    @Test
    void sacctAndSstat() {
        fuzz(casesOf("sacct", "sstat"), ParserFuzzTest::sacctAndSstatSample);
    }

    private static void sacctAndSstatSample(Mutated m) {
        String text = m.stdout();
        byte[] bytes = m.stdoutBytes();
        List<SacctParser> parsers = List.of(SacctParser.fromHeader(), SacctParser.parsable(SacctParser.DEFAULT_FIELDS),
                SacctParser.parsableWithTrailingDelimiter(SacctParser.BRIEF_FIELDS), SacctParser.fixedWidth(),
                SacctParser.fixedWidth("JobID,JobName,State,ExitCode"), SacctParser.fromHeader().withDelimiter("\u001f"),
                SacctParser.json());
        for (SacctParser p : parsers) {
            whole("SacctParser", m, run("SacctParser", m, () -> p.parse(bytes)), (AccountingRecord r) -> r.values() != null);
            run("SacctParser(String)", m, () -> p.parseJobs(text));
        }
        for (SstatParser p : List.of(SstatParser.fromHeader(), SstatParser.parsable(SstatParser.DEFAULT_FIELDS))) {
            whole("SstatParser", m, run("SstatParser", m, () -> p.parse(text)), r -> r.values() != null);
        }
    }

    @Test
    void seffSbatchAndActions() {
        fuzz(casesOf("seff", "sbatch", "scancel"), ParserFuzzTest::seffSbatchAndActionsSample);
    }

    private static void seffSbatchAndActionsSample(Mutated m) {
        String text = m.stdout();
        String err = m.stderrText();
        int rc = m.seed().rc();
        run("SeffParser", m, () -> SeffParser.parse(text));
        run("SbatchParser", m, () -> SbatchParser.parse(text, err, rc), SlurmCommandException.class);
        run("SbatchParser.parseTestOnly", m, () -> SbatchParser.parseTestOnly(text, err, rc), SlurmCommandException.class);
        run("ActionOutputParser", m, () -> ActionOutputParser.parse(m.seed().cmd(), text, err, rc), SlurmCommandException.class);
        run("SlurmErrors", m, () -> SlurmErrors.classify(m.seed().cmd(), text, err, rc));
    }

    @Test
    void processesAndGpus() {
        fuzz(metricsCases(), ParserFuzzTest::processesAndGpusSample);
    }

    private static void processesAndGpusSample(Mutated m) {
        String text = m.stdout();
        whole("PsParser", m, run("PsParser", m, () -> PsParser.parse(text)), p -> p.pid() >= 0);
        for (String format : List.of(PsParser.FORMAT, "pid,ppid,pcpu,pmem,rss,vsz,etimes,comm",
                "user,pid,ppid,%cpu,%mem,rss,vsz,etime,etimes,time,stat,comm,args", "stat,etime,pid,command", "pid=,ppid=,etimes=,comm=")) {
            PsParser p = PsParser.forFormat(format);
            for (PsParser q : List.of(p, p.withoutHeader())) {
                whole("PsParser " + format, m, run("PsParser", m, () -> q.read(text)), r -> r.pid() >= 0);
            }
        }
        whole("ListPidsParser", m, run("ListPidsParser", m, () -> ListPidsParser.parse(text)), p -> p != null);
        whole("NvidiaSmiParser", m, run("NvidiaSmiParser", m, () -> NvidiaSmiParser.parseComputeApps(text)), g -> g.pid() >= 0);
        whole("NvidiaSmiParser.pmon", m, run("NvidiaSmiParser.pmon", m, () -> NvidiaSmiParser.parsePmon(text)), g -> g.gpu() >= 0);
    }

    private static List<Fixtures.Case> metricsCases() {
        List<Fixtures.Case> seeds = new ArrayList<>(casesOf("ps", "nvidia-smi"));
        for (Fixtures.Case c : CASES) {
            if (c.name().contains("listpids")) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    @Test
    void reportTablesAndDiagnostics() {
        fuzz(casesOf("sacctmgr", "sshare", "sprio", "sreport", "sdiag"), ParserFuzzTest::reportTablesAndDiagnosticsSample);
    }

    private static void reportTablesAndDiagnosticsSample(Mutated m) {
        byte[] bytes = m.stdoutBytes();
        String text = m.stdout();
        List<SlurmTableParser> parsers = List.of(SlurmTableParser.parsable("t"), SlurmTableParser.fixedWidth("t"),
                SlurmTableParser.headerAligned("t"), SlurmTableParser.parsable("t").withColumns(List.of("User", "DefaultAccount", "Admin")),
                SlurmTableParser.parsable("t").withColumns(List.of("Account", "User", "RawShares", "NormShares", "FairShare"))
                        .withoutHeader(false));
        for (SlurmTableParser p : parsers) {
            var table = run("SlurmTableParser", m, () -> p.parse(bytes));
            if (table != null) {
                whole("SlurmTableParser", m, table.rows(), r -> r.values().size() == table.columns().size());
            }
        }
        run("SdiagParser", m, () -> SdiagParser.parse(text));
    }

}
