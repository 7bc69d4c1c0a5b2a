package io.github.slurm4j.parse;

import io.github.slurm4j.model.JobId;
import io.github.slurm4j.model.metrics.JobPid;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code scontrol listpids [job]}: a header {@code PID JOBID STEPID LOCALID GLOBALID} and one
 * whitespace-separated row per process of the job's steps on this node. {@code -1} in {@code PID}
 * and {@code -} in {@code LOCALID}/{@code GLOBALID} become {@code null}.
 */
public final class ListPidsParser {
    /** The command name used in parse errors. */
    public static final String COMMAND = "scontrol listpids";

    private static final List<String> HEADER = List.of("PID", "JOBID", "STEPID", "LOCALID", "GLOBALID");

    private ListPidsParser() {
    }

    /**
     * Parses the output; blank output gives an empty list.
     *
     * @param stdout the decoded standard output; may be null
     * @return one row per process line, in printed order
     * @throws SlurmParseException when the header is missing or different, or a row does not read
     */
    public static List<JobPid> parse(String stdout) {
        String[] lines = (stdout == null ? "" : stdout).split("\r?\n", -1);
        List<JobPid> out = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            List<String> tokens = List.of(line.split("\\s+"));
            if (!header) {
                if (!tokens.equals(HEADER)) {
                    throw new SlurmParseException(COMMAND, no, "header", lines[i], "expected the header " + String.join(" ", HEADER));
                }
                header = true;
                continue;
            }
            if (tokens.size() != HEADER.size()) {
                throw new SlurmParseException(COMMAND, no, null, lines[i], "expected 5 columns, found " + tokens.size());
            }
            out.add(row(tokens, no, lines[i]));
        }
        return out;
    }

    private static JobPid row(List<String> t, int no, String line) {
        Long pid;
        String p = t.get(0);
        if (p.equals("-1")) {
            pid = null;
        } else if (p.matches("\\d{1,18}")) {
            pid = Long.valueOf(p);
        } else {
            throw new SlurmParseException(COMMAND, no, "PID", line, "not a process id: '" + p + "'");
        }
        JobId job;
        try {
            job = JobId.parse(t.get(1));
        } catch (IllegalArgumentException e) {
            throw new SlurmParseException(COMMAND, no, "JOBID", line, e.getMessage(), e);
        }
        return new JobPid(pid, job, t.get(2), rank(t.get(3), "LOCALID", no, line), rank(t.get(4), "GLOBALID", no, line));
    }

    private static Integer rank(String s, String field, int no, String line) {
        if (s.equals("-")) {
            return null;
        }
        if (!s.matches("\\d{1,9}")) {
            throw new SlurmParseException(COMMAND, no, field, line, "not a task id: '" + s + "'");
        }
        return Integer.valueOf(s);
    }
}
