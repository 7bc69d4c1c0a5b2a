package io.github.slurm4j.jobs.console;

import io.github.slurm4j.model.JobId;
import java.util.List;
import java.util.Objects;

/**
 * The last lines of a job's output file, as {@link JobConsole#tail} read them.
 *
 * @param job the job asked for
 * @param stream which output
 * @param path the file on the cluster, patterns expanded ({@link StdioPaths})
 * @param lines the lines, oldest first, without their line ends; bytes that are not UTF-8 are
 *     U+FFFD; a last line without a newline (the job is still writing it) is included
 * @param exists whether the file exists; {@code false} (and no lines) for a job that has not
 *     started yet or whose output went elsewhere
 */
public record ConsoleLines(JobId job, ConsoleStream stream, String path, List<String> lines, boolean exists) {
    /**
     * Copies the lines.
     *
     * @param job the job asked for
     * @param stream which output
     * @param path the file on the cluster, patterns expanded
     * @param lines the lines, oldest first, without their line ends; copied
     * @param exists whether the file exists
     * @throws NullPointerException if {@code job}, {@code stream}, {@code path} or {@code lines} is
     *     {@code null}, or a line is
     */
    public ConsoleLines {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }
}
