package io.github.slurm4j.exec;

import io.github.slurm4j.exec.internal.ShellThreads;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an argument list and returns what it printed. The one seam between slurm4j and the
 * machine Slurm lives on: {@code LocalShell} (a {@link ProcessBuilder}), {@code RemoteShell}
 * (SSH), {@code FakeShell} (tests).
 *
 * <p>The contract every implementation keeps (and {@code ShellContractTest} checks):
 * <ul>
 *   <li>the arguments reach the program verbatim, whatever they contain; nothing is interpreted
 *       by a shell on the way;</li>
 *   <li>a non-zero exit is a result ({@link ExecResult#exitCode()}), not an exception; an
 *       exception ({@link ShellException}) means the command could not run or did not finish:
 *       {@link ShellTimeoutException} when the request's timeout passed, in which case the
 *       command (and every process it started) has been killed;</li>
 *   <li>stdout and stderr are read concurrently, each up to the request's output limit; what
 *       is beyond the limit is read and dropped, and the result says {@code truncated};</li>
 *   <li>a shell is safe for concurrent use by several threads.</li>
 * </ul>
 */
public interface Shell extends AutoCloseable {

    /**
     * Runs the command and waits for it (at most the request's timeout).
     *
     * @param request the command and its settings
     * @return how it ended, a non-zero exit included
     * @throws ShellTimeoutException when the timeout passed; the command was killed
     * @throws ShellException when the command could not be started or its end not seen (connection lost)
     */
    ExecResult run(ExecRequest request);

    /**
     * Runs {@code command} with the defaults of {@link ExecRequest}.
     *
     * @param command the program and its arguments, passed verbatim
     * @return how it ended, a non-zero exit included
     * @throws ShellException as {@link #run(ExecRequest)}
     */
    default ExecResult run(String... command) {
        return run(ExecRequest.of(command));
    }

    /**
     * Runs the command and hands its stdout to {@code reader} as it arrives, without buffering it
     * (a 100 MB {@code scontrol -o show job} goes straight into the parser). The reader runs on
     * the calling thread; stderr is collected meanwhile. If the reader returns before the end
     * of stdout, the rest is read and dropped. If it throws, the command is still waited for (or
     * killed at the timeout) and the exception is returned in {@link StreamResult#failure()}, so
     * the caller can first look at the exit code and stderr: a parse error over the output of a
     * failed command is not the real error. The reader sees at most the request's output limit
     * (then end-of-file; the rest is read and dropped, and the status says {@code truncated}).
     *
     * @param <T> what the reader makes of stdout
     * @param request the command and its settings
     * @param reader reads stdout as it arrives; must not close the stream
     * @return the reader's value or failure, and how the command ended (with an empty stdout)
     * @throws ShellException when the command could not be run or did not finish, as for
     *     {@link #run(ExecRequest)}
     */
    <T> StreamResult<T> stream(ExecRequest request, StdoutReader<T> reader);

    /**
     * Runs the command without blocking the caller. The default runs {@link #run(ExecRequest)}
     * on a shared pool of daemon threads; the future fails with the {@link ShellException} that
     * {@code run} would throw.
     *
     * @param request the command and its settings
     * @return a future of the result
     */
    default CompletableFuture<ExecResult> runAsync(ExecRequest request) {
        return CompletableFuture.supplyAsync(() -> run(request), ShellThreads.pool());
    }

    /**
     * Writes a file at {@code path} on the machine the commands run on (for job scripts that must
     * live at a given path), creating or replacing it, with the given POSIX permission bits
     * (e.g. {@code 0755}). The file is written beside the target under a temporary name and
     * renamed over it, so a reader sees the old file or the whole new one, never a part, and a
     * failed write leaves the old file; the directory must therefore be writable.
     *
     * @param path the file's path on that machine
     * @param content the whole content
     * @param permissions the mode bits, e.g. {@code 0755} for a script, {@code 0600} for a private file
     * @throws ShellException when the file could not be written
     */
    void writeFile(String path, byte[] content, int permissions);

    /** {@return where commands run, for messages and logs: {@code local}, {@code ssh alice@login1:22}} */
    String target();

    /** Releases connections and threads. Commands still running are killed. Idempotent. */
    @Override
    void close();
}
