package io.github.slurm4j.parse;

import io.github.slurm4j.model.job.AccountingValues;
import io.github.slurm4j.model.job.StepStatRecord;
import io.github.slurm4j.parse.internal.AccountingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code sstat} output into {@link StepStatRecord}s, one per step.
 *
 * <p>sstat prints its header even when it fails ({@code No steps running for job 24}, controller
 * down) and exits 0: such output parses to an empty list; classifying the stderr is the caller's
 * job. Immutable: build one with {@link #fromHeader()} ({@code -P}/{@code -p}) or
 * {@link #parsable(List)} ({@code -n -P} with the {@code -o} fields).
 */
public final class SstatParser {
    /** The fields of {@code sstat} without {@code -o} (22.05), as {@code -P} prints them. */
    public static final List<String> DEFAULT_FIELDS = List.of("JobID", "MaxVMSize", "MaxVMSizeNode", "MaxVMSizeTask",
            "AveVMSize", "MaxRSS", "MaxRSSNode", "MaxRSSTask", "AveRSS", "MaxPages", "MaxPagesNode", "MaxPagesTask",
            "AvePages", "MinCPU", "MinCPUNode", "MinCPUTask", "AveCPU", "NTasks", "AveCPUFreq", "ReqCPUFreqMin",
            "ReqCPUFreqMax", "ReqCPUFreqGov", "ConsumedEnergy", "MaxDiskRead", "MaxDiskReadNode", "MaxDiskReadTask",
            "AveDiskRead", "MaxDiskWrite", "MaxDiskWriteNode", "MaxDiskWriteTask", "AveDiskWrite", "TRESUsageInAve",
            "TRESUsageInMax", "TRESUsageInMaxNode", "TRESUsageInMaxTask", "TRESUsageInMin", "TRESUsageInMinNode",
            "TRESUsageInMinTask", "TRESUsageInTot", "TRESUsageOutAve", "TRESUsageOutMax", "TRESUsageOutMaxNode",
            "TRESUsageOutMaxTask", "TRESUsageOutMin", "TRESUsageOutMinNode", "TRESUsageOutMinTask", "TRESUsageOutTot");

    private static final String COMMAND = "sstat";

    private final AccountingTable table;
    private final List<String> fields;

    private SstatParser(String delimiter, List<String> fields) {
        this.fields = fields;
        this.table = new AccountingTable(COMMAND, delimiter, fields, null, null, false);
    }

    /** {@return a parser of {@code -P} or {@code -p} output with its header} */
    public static SstatParser fromHeader() {
        return new SstatParser("|", null);
    }

    /**
     * {@code -n -P} output of the given {@code -o} fields.
     *
     * @param fields the field names in {@code -o} order; copied; not null
     * @return the parser
     * @throws NullPointerException if {@code fields} is null
     */
    public static SstatParser parsable(List<String> fields) {
        return new SstatParser("|", List.copyOf(Objects.requireNonNull(fields, "fields")));
    }

    /**
     * The same parser for {@code --delimiter=...} output.
     *
     * @param delimiter the delimiter given to sstat; not null
     * @return a new parser; this one is unchanged
     */
    public SstatParser withDelimiter(String delimiter) {
        return new SstatParser(Objects.requireNonNull(delimiter, "delimiter"), fields);
    }

    /**
     * Parses sstat's output.
     *
     * @param output the decoded standard output; not null
     * @return one record per step row, in printed order; unmodifiable
     * @throws SlurmParseException when a row does not fit the format or a value does not read as its field's type
     */
    public List<StepStatRecord> parse(String output) {
        List<AccountingValues> rows = table.read(Objects.requireNonNull(output, "output"));
        List<StepStatRecord> out = new ArrayList<>(rows.size());
        for (AccountingValues v : rows) {
            out.add(new StepStatRecord(v));
        }
        return List.copyOf(out);
    }
}
