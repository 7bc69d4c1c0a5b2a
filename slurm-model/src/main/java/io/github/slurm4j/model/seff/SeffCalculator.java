package io.github.slurm4j.model.seff;

import io.github.slurm4j.model.ExitCode;
import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.MemoryRequest;
import io.github.slurm4j.model.MemorySize;
import io.github.slurm4j.model.Tres;
import io.github.slurm4j.model.UserRef;
import io.github.slurm4j.model.job.AccountingField;
import io.github.slurm4j.model.job.AccountingJob;
import io.github.slurm4j.model.job.AccountingRecord;
import io.github.slurm4j.model.job.JobState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Computes the report of Slurm 22.05's {@code seff} (contribs/seff, the Perl script) from
 * {@code sacct} rows, for clusters that do not ship {@code seff}.
 *
 * <p>The arithmetic is seff's:
 * <ul>
 *   <li>CPUs = {@code AllocCPUS} (else the {@code cpu=} of {@code AllocTRES}); nodes = {@code NNodes}
 *       (else {@code node=} of {@code AllocTRES}); a missing or zero count counts as 1. One CPU gives
 *       the {@code Cores: 1} variant, more give {@code Nodes: N} and {@code Cores per node:} (CPUs /
 *       nodes, truncated).</li>
 *   <li>CPU utilized = the sum of {@code TotalCPU} (user + system) over <em>all</em> step rows
 *       ({@code batch}, {@code extern}, numbered steps), the sub-second parts summed and rounded
 *       half up to whole seconds; CPU efficiency = that / ({@code Elapsed} × CPUs) × 100, 0 when
 *       the core-walltime is 0.</li>
 *   <li>Memory utilized = the largest step {@code MaxRSS} (the first step that reaches it) times
 *       that step's {@code NTasks}; "(estimated maximum)" whenever that task count is not 1 (also
 *       when no step has a MaxRSS: 0 × 0 tasks). Memory efficiency = that / the job's memory × 100,
 *       0 when the job has no memory.</li>
 *   <li>The job's memory = {@code ReqMem}: per CPU × CPUs or per node × nodes when sacct says which
 *       ({@code 256Mc}/{@code 256Mn}, before 21.08); otherwise {@code ReqMem} is already the total
 *       (22.05 prints the total without a suffix); without {@code ReqMem} the {@code mem=} of
 *       {@code AllocTRES}.</li>
 *   <li>State: the base state name ({@code CANCELLED by 0} → {@code CANCELLED}); the exit code is
 *       the status half of {@code ExitCode} ({@code 0:15} → 0), absent for PENDING and RUNNING. A
 *       PENDING job has no usage; a RUNNING job gets the warning.</li>
 *   <li>Numbers are rounded as seff prints them ({@code %.2f} of the binary value, durations in whole
 *       seconds, memory through seff's {@code kbytes2str} in binary units with two decimals, the
 *       byte counts being those of the printed text: 8000 MiB is reported as 7.81 GiB), so the
 *       report equals what {@code SeffParser} reads from seff's output. {@link SeffReport#printed()}
 *       holds the lines seff would print (without {@code Cluster:} when the rows have no Cluster).</li>
 * </ul>
 *
 * <p>Known differences from seff, each documented where it arises:
 * <ul>
 *   <li>The {@code (X MB/core)} / {@code (X MB/node)} part (printed with "(estimated maximum)") needs
 *       to know whether memory was requested per CPU or per node; sacct 22.05 no longer prints that,
 *       so {@link SeffReport.Usage#memoryRequestedPer()} and its amount are {@code null} unless
 *       {@code ReqMem} carries an {@code n}/{@code c} suffix.</li>
 *   <li>sacct prints {@code TotalCPU} with milliseconds below an hour and whole seconds above; seff
 *       sums microseconds. The rounded sum can differ by a second when the fractions sum to within
 *       milliseconds of one half, or when steps ran over an hour.</li>
 *   <li>For 0 &lt; memory &lt; 1 MiB seff 22.05's {@code kbytes2str} prints the amount with an
 *       {@code EB} label (a negative array index); this class reports the true amount (as
 *       {@code KB}).</li>
 *   <li>A per-CPU request is stored by sacct 22.05 as requested CPUs × amount; seff multiplies by
 *       the allocated CPUs. They differ only when Slurm allocated more CPUs than requested.</li>
 * </ul>
 *
 * <p>Pure: no I/O. Input that lacks what the report needs is refused with an
 * {@link IllegalArgumentException} rather than turned into a wrong number.
 */
public final class SeffCalculator {
    /** The sacct -o fields compute() needs (the command layer runs sacct -P with exactly these). */
    public static final List<String> SACCT_FIELDS = List.of("JobID", "JobIDRaw", "Cluster", "User", "Group", "State",
            "ExitCode", "Elapsed", "TotalCPU", "AllocCPUS", "NNodes", "NTasks", "ReqMem", "AllocTRES", "MaxRSS");

    private static final String[] UNITS = {"K", "M", "G", "T", "P", "E"};

    private SeffCalculator() {
    }

    /**
     * seff's report for one job (with its steps), as the seff script of Slurm 22.05 computes it.
     *
     * <p>Give the job row with all its step rows (sacct without {@code -X}); for an array element or
     * a het-job component {@code JobIDRaw} is needed (seff prints the job's own id).
     *
     * @param job the job row and its steps, e.g. one element of {@code SacctParser.parseJobs(...)}
     * @return the report seff would print for the job, usage included unless the job is PENDING
     * @throws IllegalArgumentException when the rows lack a field the report needs, when there is no
     *     job row, or for an array row that is not a single element ({@code 17_[3-6%2]}: seff refuses
     *     those too)
     */
    public static SeffReport compute(AccountingJob job) {
        if (job == null || job.job() == null) {
            throw new IllegalArgumentException("seff needs the job row, not only steps");
        }
        AccountingRecord row = job.job();
        JobId printedId = row.jobId();
        if (printedId == null) {
            throw missing("JobID", row);
        }
        if (printedId.isArrayRange()) {
            throw new IllegalArgumentException("seff reports single jobs, not the array range " + printedId);
        }
        JobId jobId = jobId(row, printedId);
        JobId arrayJobId = printedId.isArray() ? printedId.job() : null;
        String cluster = blankToNull(row.get(AccountingField.CLUSTER));
        String userName = blankToNull(row.user());
        String groupName = blankToNull(row.group());

        JobState sacctState = row.state();
        if (sacctState == null) {
            throw missing("State", row);
        }
        JobState state = sacctState.state() == JobState.Name.UNKNOWN
                ? sacctState : JobState.parse(sacctState.state().name());
        boolean pending = sacctState.is(JobState.Name.PENDING);
        boolean running = sacctState.is(JobState.Name.RUNNING);
        Integer exitCode = null;
        if (!pending && !running) {
            ExitCode ec = row.exitCode();
            if (ec == null) {
                throw missing("ExitCode", row);
            }
            exitCode = ec.status();
        }

        Tres alloc = row.allocTres();
        long ncpus = count(row.allocCpus(), alloc == null ? OptionalLong.empty() : alloc.cpus());
        long nnodes = count(row.nnodes(), alloc == null ? OptionalLong.empty() : alloc.nodes());
        Integer cores = null;
        Integer nodes = null;
        Integer perNode = null;
        if (ncpus == 1) {
            cores = 1;
        } else {
            nodes = Math.toIntExact(nnodes);
            perNode = Math.toIntExact(ncpus / nnodes);
        }

        Map<String, String> printed = new LinkedHashMap<>();
        printed.put("Job ID", Long.toString(jobId.id()));
        if (arrayJobId != null) {
            printed.put("Array Job ID", arrayJobId.toString());
        }
        if (cluster != null) {
            printed.put("Cluster", cluster);
        }
        printed.put("User/Group", (userName == null ? "" : userName) + "/" + (groupName == null ? "" : groupName));
        printed.put("State", exitCode == null ? state.raw() : state.raw() + " (exit code " + exitCode + ")");
        if (cores != null) {
            printed.put("Cores", cores.toString());
        } else {
            printed.put("Nodes", nodes.toString());
            printed.put("Cores per node", perNode.toString());
        }

        SeffReport.Usage usage = null;
        if (!pending) {
            usage = usage(job, row, ncpus, nnodes, printed);
        }
        return new SeffReport(jobId, arrayJobId, cluster, userName == null ? null : UserRef.parse(userName),
                groupName == null ? null : UserRef.parse(groupName), state, exitCode, cores, nodes, perNode, usage,
                running, printed, Map.of(), List.of());
    }

    private static SeffReport.Usage usage(AccountingJob job, AccountingRecord row, long ncpus, long nnodes,
            Map<String, String> printed) {
        Duration elapsed = row.elapsed();
        if (elapsed == null) {
            throw missing("Elapsed", row);
        }
        long walltime = elapsed.getSeconds();

        long cpuSeconds = 0;
        long cpuNanos = 0;
        for (AccountingRecord step : job.steps()) {
            Duration total = step.totalCpu();
            if (total == null) {
                if (step.raw("TotalCPU") == null) {
                    throw missing("TotalCPU", step);
                }
                continue;
            }
            cpuSeconds += total.getSeconds();
            cpuNanos += total.getNano();
        }
        Duration jobTotal = row.totalCpu();
        if (job.steps().isEmpty() && jobTotal != null && !jobTotal.isZero()) {
            throw new IllegalArgumentException("job " + row.jobId() + " used CPU time but no step rows were given:"
                    + " seff needs the steps (run sacct without -X)");
        }
        long cput = cpuSeconds + (cpuNanos + 500_000_000L) / 1_000_000_000L;

        long maxBytes = 0;
        long ntasks = 0;
        for (AccountingRecord step : job.steps()) {
            Long rss = stepMaxRss(step);
            if (rss != null && rss > maxBytes) {
                maxBytes = rss;
                Long tasks = step.ntasks();
                if (tasks == null) {
                    throw missing("NTasks", step);
                }
                ntasks = tasks;
            }
        }
        BigDecimal memKib = BigDecimal.valueOf(maxBytes).multiply(BigDecimal.valueOf(ntasks))
                .divide(BigDecimal.valueOf(1024));
        boolean estimated = ntasks != 1;

        MemoryRequest req = row.reqMem();
        long reqBytes;
        String per = null;
        if (req != null) {
            switch (req.per()) {
                case CPU:
                    reqBytes = Math.multiplyExact(req.bytes(), ncpus);
                    per = "core";
                    break;
                case NODE:
                    reqBytes = Math.multiplyExact(req.bytes(), nnodes);
                    per = "node";
                    break;
                default:
                    reqBytes = req.bytes();
                    break;
            }
        } else {
            Tres alloc = row.allocTres();
            OptionalLong mem = alloc == null ? OptionalLong.empty() : alloc.memoryBytes();
            if (mem.isEmpty()) {
                throw missing("ReqMem", row);
            }
            reqBytes = mem.getAsLong();
        }
        BigDecimal reqKib = BigDecimal.valueOf(reqBytes).divide(BigDecimal.valueOf(1024));

        long corewall = Math.multiplyExact(walltime, ncpus);
        double cpuEff = corewall == 0 ? 0.0 : (double) cput / (double) corewall * 100;
        double memEff = reqBytes == 0 ? 0.0 : memKib.doubleValue() / reqKib.doubleValue() * 100;

        String cpuEffText = fixed2(cpuEff);
        String memEffText = fixed2(memEff);
        Kbytes used = kbytes(memKib);
        Kbytes requested = kbytes(reqKib);
        Kbytes perUnit = null;
        if (estimated && per != null) {
            perUnit = kbytes(reqKib.divide(BigDecimal.valueOf("core".equals(per) ? ncpus : nnodes), 20,
                    RoundingMode.HALF_EVEN));
        } else {
            per = null;
        }

        printed.put("CPU Utilized", time(cput));
        printed.put("CPU Efficiency", cpuEffText + "% of " + time(corewall) + " core-walltime");
        printed.put("Job Wall-clock time", time(walltime));
        printed.put("Memory Utilized", used.text + (estimated ? " (estimated maximum)" : ""));
        printed.put("Memory Efficiency", memEffText + "% of " + requested.text
                + (perUnit == null ? "" : " (" + perUnit.text + "/" + per + ")"));

        return new SeffReport.Usage(Duration.ofSeconds(cput), Double.parseDouble(cpuEffText),
                Duration.ofSeconds(corewall), Duration.ofSeconds(walltime), used.bytes, estimated,
                Double.parseDouble(memEffText), requested.bytes, perUnit == null ? null : perUnit.bytes, per);
    }

    /** The step's MaxRSS in bytes (else the {@code mem=} of TRESUsageInMax); 0 when printed empty. */
    private static Long stepMaxRss(AccountingRecord step) {
        Long rss = step.maxRss();
        if (rss != null) {
            return rss;
        }
        Tres max = step.tresUsageInMax();
        if (max != null && max.bytes("mem").isPresent()) {
            return max.bytes("mem").getAsLong();
        }
        if (step.raw("MaxRSS") == null && step.raw("TRESUsageInMax") == null) {
            throw missing("MaxRSS", step);
        }
        return 0L;
    }

    private static JobId jobId(AccountingRecord row, JobId printedId) {
        JobId raw = row.jobIdRaw();
        if (raw != null) {
            return JobId.of(raw.id());
        }
        if (printedId.isArray() || printedId.isHetComponent()) {
            throw new IllegalArgumentException("JobIDRaw is needed for " + printedId
                    + ": seff prints the job's own id, which JobID does not show");
        }
        return JobId.of(printedId.id());
    }

    /** A count as seff takes it: the field, else the TRES count; missing or 0 counts as 1. */
    private static long count(Long field, OptionalLong tres) {
        long n = field != null ? field : tres.orElse(0L);
        return n <= 0 ? 1 : n;
    }

    private static IllegalArgumentException missing(String field, AccountingRecord row) {
        return new IllegalArgumentException("sacct row " + row.jobId() + " lacks " + field
                + ": run sacct -o " + String.join(",", SACCT_FIELDS));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** C's {@code %.2f}: the exact binary value, ties to even (as glibc rounds). */
    static String fixed2(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** seff's {@code time2str}: {@code [D-]HH:MM:SS}. */
    static String time(long seconds) {
        long days = seconds / 86400;
        long rest = seconds % 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
        return days < 1 ? hms : days + "-" + hms;
    }

    /** A memory amount as seff prints it and as that text reads back in bytes. */
    record Kbytes(String text, long bytes) {
    }

    /**
     * seff's {@code kbytes2str}: KiB divided by the largest power of 1024 not above it, two decimals,
     * {@code MB} for 1024^1, {@code GB} for 1024^2...; {@code 0.00 MB} for 0. Below 1 MiB the amount
     * is given in {@code KB} (seff 22.05 mislabels it, see the class comment).
     */
    static Kbytes kbytes(BigDecimal kib) {
        if (kib.signum() == 0) {
            return new Kbytes("0.00 MB", 0);
        }
        int exp = 0;
        BigDecimal scaled = kib;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (exp < UNITS.length - 1 && scaled.compareTo(k) >= 0) {
            scaled = scaled.divide(k);
            exp++;
        }
        // seff divides doubles; round the double it would print, as C's %.2f does.
        String number = fixed2(scaled.doubleValue());
        String unit = UNITS[exp];
        long multiplier = unit.equals("E") ? MemorySize.PIB * 1024 : MemorySize.multiplier(unit.charAt(0));
        long bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new Kbytes(number + " " + unit + "B", bytes);
    }
}
