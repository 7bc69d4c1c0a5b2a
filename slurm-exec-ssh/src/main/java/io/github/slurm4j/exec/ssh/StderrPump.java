package io.github.slurm4j.exec.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a remote command's stderr up to a limit, taking out the wrapper's pid line
 * ({@link RemoteCommandLine#PID_MARKER}) and publishing the pid. Anything a login script wrote
 * before the pid line is kept as stderr. Package-private.
 */
final class StderrPump implements Callable<StderrPump> {
    private static final byte[] MARKER = RemoteCommandLine.PID_MARKER.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 64 * 1024;

    private final InputStream in;
    private final long limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Long> pid = new CompletableFuture<>();
    private long total;

    StderrPump(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** Completes with the remote process group id, or {@code null} if stderr ended without it. */
    CompletableFuture<Long> pid() {
        return pid;
    }

    @Override
    public StderrPump call() throws IOException {
        byte[] buf = new byte[8192];
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        boolean looking = true;
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (!looking) {
                    keep(buf, 0, n);
                    continue;
                }
                head.write(buf, 0, n);
                byte[] h = head.toByteArray();
                int at = indexOf(h, MARKER, 0);
                int nl = at < 0 ? -1 : indexOf(h, new byte[] {'\n'}, at);
                if (nl >= 0) {
                    keep(h, 0, at);
                    pid.complete(parsePid(new String(h, at + MARKER.length, nl - at - MARKER.length, StandardCharsets.US_ASCII)));
                    keep(h, nl + 1, h.length - nl - 1);
                    looking = false;
                } else if (h.length > MAX_HEAD) {
                    keep(h, 0, h.length);
                    pid.complete(null);
                    looking = false;
                }
            }
            if (looking) {
                byte[] h = head.toByteArray();
                keep(h, 0, h.length);
            }
            return this;
        } finally {
            pid.complete(null);
        }
    }

    static Long parsePid(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void keep(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        long room = limit - out.size();
        if (room > 0) {
            out.write(b, off, (int) Math.min(room, len));
        }
        total += len;
    }

    static int indexOf(byte[] h, byte[] needle, int from) {
        outer:
        for (int i = from; i <= h.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (h[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    boolean truncated() {
        return total > limit;
    }
}
