package io.github.slurm4j.parse;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.SlurmCommandException;
import io.github.slurm4j.model.SlurmError;
import io.github.slurm4j.model.SlurmTime;
import io.github.slurm4j.model.job.SubmitResult;
import io.github.slurm4j.model.job.SubmitTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code sbatch} printed: {@code Submitted batch job 57},
 * {@code Submitted batch job 57 on cluster c1}, or with {@code --parsable} {@code 57} /
 * {@code 57;c1}; and, for {@code --test-only}, the estimate {@code Job 57 to start at T using C
 * processors on nodes X in partition P} ({@link #parseTestOnly}).
 *
 * <p>A job id on stdout means the job exists, whatever the exit code ({@code sbatch --wait} exits
 * with the job's code) and whatever else was printed: the other lines, on stdout or stderr, become
 * {@link SubmitResult#warnings()} (perl-style noise aside). Treating such an output as a failure
 * could make a caller submit the job twice. Without an id, the output is classified by
 * {@link SlurmErrors}.
 */
public final class SbatchParser {
    private SbatchParser() {
    }

    private static final String COMMAND = "sbatch";
    private static final Pattern SUBMITTED = Pattern.compile("^Submitted batch job (\\d{1,18})(?: on cluster (\\S+))?$");
    private static final Pattern PARSABLE = Pattern.compile("^(\\d{1,18})(?:;(\\S+))?$");
    /** {@code sbatch --test-only}'s estimate, on stderr (Slurm's {@code info()}, prefixed {@code sbatch: }). */
    private static final Pattern TEST_ONLY = Pattern.compile(
            "^(?:sbatch: )?Job (\\d{1,18}) to start at (\\S+) using (\\d{1,9}) processors on nodes (\\S+) in partition (\\S+)$");

    /**
     * Parses one sbatch run. A job id, when printed, wins: the other lines become warnings.
     *
     * @param stdout the decoded standard output ({@code Submitted batch job 57}, or {@code 57;c1}
     *     with {@code --parsable}); may be null
     * @param stderr the decoded standard error; may be null
     * @param exitCode the exit code, used only to classify an output without an id
     * @return the id, cluster and warnings of the accepted job
     * @throws SlurmCommandException when sbatch refused the job (classified: submit_rejected,
     *     invalid_argument, controller_unavailable, ...)
     * @throws SlurmParseException when the output holds neither a job id nor an error, or two ids
     */
    public static SubmitResult parse(String stdout, String stderr, int exitCode) {
        String out = stdout == null ? "" : stdout;
        SubmitResult result = find(out, stderr == null ? "" : stderr);
        if (result != null) {
            return result;
        }
        Optional<SlurmError> error = SlurmErrors.classify(COMMAND, out, stderr, exitCode);
        if (error.isPresent()) {
            throw new SlurmCommandException(error.get(), COMMAND, exitCode);
        }
        throw new SlurmParseException(COMMAND, out.isEmpty() ? 0 : 1, "job id", out,
                "no 'Submitted batch job N' line and no error in sbatch output");
    }

    /**
     * Parses one {@code sbatch --test-only} run: the {@code Job N to start at T using C processors
     * on nodes X in partition P} line (sbatch writes it to stderr; stdout is read too). Nothing is
     * submitted by such a run.
     *
     * @param stdout the decoded standard output; may be null
     * @param stderr the decoded standard error, where sbatch writes the estimate; may be null
     * @param exitCode the exit code, used to classify an output without an estimate
     * @return the estimate
     * @throws SlurmCommandException when sbatch refused the test (classified as for a submission)
     * @throws SlurmParseException when the output holds no estimate and no error, or two estimates
     */
    public static SubmitTestResult parseTestOnly(String stdout, String stderr, int exitCode) {
        String out = stdout == null ? "" : stdout;
        String err = stderr == null ? "" : stderr;
        SubmitTestResult found = null;
        List<String> warnings = new ArrayList<>();
        for (String text : List.of(out, err)) {
            int lineNo = 0;
            for (String raw : text.split("\n", -1)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || SlurmErrors.isNoise(line)) {
                    continue;
                }
                Matcher m = TEST_ONLY.matcher(line);
                if (!m.matches()) {
                    warnings.add(line);
                    continue;
                }
                if (found != null) {
                    throw new SlurmParseException(COMMAND, lineNo, "job id", line,
                            "a second test-only estimate in one sbatch output (first was job " + found.jobId() + ")");
                }
                SlurmTime start;
                try {
                    start = SlurmTime.parse(m.group(2));
                } catch (IllegalArgumentException e) {
                    throw new SlurmParseException(COMMAND, lineNo, "start time", line, e.getMessage(), e);
                }
                found = new SubmitTestResult(JobId.of(Long.parseLong(m.group(1))), start, Integer.parseInt(m.group(3)),
                        m.group(4), m.group(5), List.of());
            }
        }
        if (found != null) {
            return new SubmitTestResult(found.jobId(), found.startTime(), found.processors(), found.nodeList(),
                    found.partition(), warnings);
        }
        Optional<SlurmError> error = SlurmErrors.classify(COMMAND, out, err, exitCode);
        if (error.isPresent()) {
            throw new SlurmCommandException(error.get(), COMMAND, exitCode);
        }
        throw new SlurmParseException(COMMAND, err.isEmpty() ? 0 : 1, "job id", err.isEmpty() ? out : err,
                "no 'Job N to start at T using C processors on nodes X in partition P' line and no error in "
                        + "sbatch --test-only output");
    }

    /** {@code true} when stdout holds a submission line (used by {@link SlurmErrors}). */
    static boolean hasSubmission(String stdout) {
        for (String line : SlurmErrors.lines(stdout)) {
            if (SUBMITTED.matcher(line).matches() || PARSABLE.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    private static SubmitResult find(String stdout, String stderr) {
        JobId id = null;
        String cluster = null;
        List<String> warnings = new ArrayList<>();
        int lineNo = 0;
        for (String raw : stdout.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = SUBMITTED.matcher(line);
            if (!m.matches()) {
                m = PARSABLE.matcher(line);
            }
            if (m.matches()) {
                if (id != null) {
                    throw new SlurmParseException(COMMAND, lineNo, "job id", line,
                            "a second job id in one sbatch output (first was " + id + ")");
                }
                id = JobId.of(Long.parseLong(m.group(1)));
                cluster = m.group(2);
            } else {
                warnings.add(line);
            }
        }
        if (id == null) {
            return null;
        }
        // every stderr line next to an id is kept, error-looking ones too: the job exists, but the
        // user should see what sbatch said about it
        for (String line : SlurmErrors.lines(stderr)) {
            if (!SlurmErrors.isNoise(line)) {
                warnings.add(line);
            }
        }
        return new SubmitResult(id, cluster, warnings);
    }
}
