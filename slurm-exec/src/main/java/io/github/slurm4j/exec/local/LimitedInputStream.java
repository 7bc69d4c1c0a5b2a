package io.github.slurm4j.exec.local;

import java.io.IOException;
import java.io.InputStream;

/**
 * A command's stdout as a {@link io.github.slurm4j.exec.StdoutReader} sees it: at most
 * {@code limit} bytes, then end-of-file. Closing it does nothing (the shell drains and closes the
 * underlying stream).
 */
final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private final long limit;
    private long delivered;
    private boolean truncated;

    LimitedInputStream(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        if (delivered >= limit) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            delivered++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = limit - delivered;
        if (left <= 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            delivered += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), limit - delivered);
    }

    @Override
    public void close() {
        // the shell owns the stream
    }

    /** Reads the rest to its end, dropping it, then closes; returns whether anything past the limit arrived. */
    boolean drain() throws IOException {
        byte[] skip = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(skip)) >= 0) {
                if (n > 0 && delivered + n > limit) {
                    truncated = true;
                }
                delivered = Math.min(limit, delivered + n);
            }
        }
        return truncated;
    }

    /** Whether bytes past the limit were seen so far. */
    boolean truncated() {
        return truncated;
    }
}
