package io.github.slurm4j.exec.ssh;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a stdout reader sees: the channel's stream up to a byte limit, then end-of-file; it
 * remembers whether more was there and whether the channel itself failed (so a reader's error
 * can be told apart from a broken connection). Package-private.
 */
final class CappedInputStream extends InputStream {
    private final InputStream in;
    private final long limit;
    /** Bytes taken from the channel (delivered or dropped). */
    private long count;
    private volatile IOException channelFailure;

    CappedInputStream(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (count >= limit) {
            if (count == limit && underlyingRead(new byte[1], 0, 1) > 0) {
                count++;
            }
            return -1;
        }
        int n = underlyingRead(b, off, (int) Math.min(len, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    private int underlyingRead(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            channelFailure = e;
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        return count >= limit ? 0 : (int) Math.min(in.available(), limit - count);
    }

    /** Reads and drops the rest of the channel's stream (what the reader left or what is past the limit). */
    void drain() throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = underlyingRead(buf, 0, buf.length)) >= 0) {
            count += n;
        }
    }

    /** Whether the stream had more bytes than the limit. */
    boolean truncated() {
        return count > limit;
    }

    /** The channel's own failure, or {@code null}. */
    IOException channelFailure() {
        return channelFailure;
    }

    /** Not closed by the reader: the shell owns the channel. */
    @Override
    public void close() {
    }
}
