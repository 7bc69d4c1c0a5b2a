package io.github.slurm4j.exec.ssh;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What slf4j-simple (the tests' binding: INFO and up, to {@code System.err}, which it looks up on
 * every line) prints while a piece of code runs, from any thread, as lines.
 */
final class StderrCapture {
    private StderrCapture() {
    }

    interface Body {
        void run() throws Exception;
    }

    static List<String> linesOf(Body body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(original::println);
        return lines;
    }
}
