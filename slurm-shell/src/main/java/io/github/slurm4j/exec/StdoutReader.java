package io.github.slurm4j.exec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes a command's stdout as it arrives; see {@link Shell#stream(ExecRequest, StdoutReader)}.
 * Decode with {@code new InputStreamReader(stdout, StandardCharsets.UTF_8)} (slurm4j's shells set
 * {@code LANG=C.UTF-8}). The stream must not be closed by the reader.
 */
@FunctionalInterface
public interface StdoutReader<T> {
    T read(InputStream stdout) throws IOException;
}
