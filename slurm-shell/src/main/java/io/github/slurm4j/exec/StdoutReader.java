package io.github.slurm4j.exec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes a command's stdout as it arrives; see {@link Shell#stream(ExecRequest, StdoutReader)}.
 * Decode with {@code new InputStreamReader(stdout, StandardCharsets.UTF_8)} (slurm4j's shells set
 * {@code LANG=C.UTF-8}). The stream must not be closed by the reader.
 *
 * @param <T> what the reader makes of stdout
 */
@FunctionalInterface
public interface StdoutReader<T> {
    /**
     * Reads the command's stdout, as far as it needs.
     *
     * @param stdout the output as it arrives, ending at the output limit; do not close it
     * @return what was read, for {@link StreamResult#value()}
     * @throws IOException when reading fails; reported in {@link StreamResult#failure()}
     */
    T read(InputStream stdout) throws IOException;
}
