package io.github.slurm4j.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.slurm4j.parse.CommandOutput;
import io.github.slurm4j.parse.CommandOutputParser;
import io.github.slurm4j.parse.ParsedOutput;
import io.github.slurm4j.parse.SlurmParseException;
import io.github.slurm4j.parse.Texts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code parse} sample: reads a Slurm command's captured output and prints what slurm4j makes
 * of it, as one JSON document. This is how to check (or report) a parser problem:
 *
 * <pre>
 * java -jar samples/target/slurm4j-samples.jar parse --cmd 'squeue -o "%i|%j"' --stdout out.txt
 * </pre>
 *
 * <p>Prints {@code {"command": …, "kind": …, "items": […], "error": null}}, or with an
 * {@code "error": {"type": …, "message": …}} for an error output. Exit codes: 0 parsed (also for a
 * classified Slurm error), 1 bad usage or unreadable file, 2 output that cannot be parsed (a
 * one-line message on stderr that says where).
 */
public final class ParseTool {
    private ParseTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String cmd = null;
        String stdoutFile = null;
        String stderrFile = null;
        int rc = 0;
        ZoneId zone = ZoneId.systemDefault();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage(out);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--cmd":
                        cmd = v;
                        break;
                    case "--stdout":
                        stdoutFile = v;
                        break;
                    case "--stderr":
                        stderrFile = v;
                        break;
                    case "--rc":
                        rc = Integer.parseInt(v.trim());
                        break;
                    case "--tz":
                        zone = ZoneId.of(v);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (cmd == null || stdoutFile == null) {
                throw new IllegalArgumentException("--cmd and --stdout are required");
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("parse: " + e.getMessage());
            usage(err);
            return 1;
        }
        String stdout;
        String stderr;
        try {
            stdout = read(Paths.get(stdoutFile));
            stderr = stderrFile == null ? "" : read(Paths.get(stderrFile));
        } catch (IOException e) {
            err.println("parse: cannot read " + e.getMessage());
            return 1;
        }
        ParsedOutput parsed;
        try {
            parsed = CommandOutputParser.parse(new CommandOutput(cmd, stdout, stderr, rc), zone);
        } catch (SlurmParseException e) {
            err.println("parse: " + e.getMessage().replace('\n', ' '));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("parse: " + e.getMessage().replace('\n', ' '));
            return 2;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", parsed.command());
        doc.put("kind", parsed.kind());
        doc.put("items", parsed.items());
        if (parsed.error() == null) {
            doc.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", parsed.error().type().wireName());
            error.put("message", parsed.error().message());
            doc.put("error", error);
        }
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            err.println("parse: cannot write JSON: " + e.getOriginalMessage());
            return 1;
        }
        return 0;
    }

    private static String read(Path p) throws IOException {
        return Texts.decode(Files.readAllBytes(p));
    }

    private static void usage(PrintStream s) {
        s.println("usage: parse --cmd '<the exact command line>' --stdout FILE [--stderr FILE] [--rc N] [--tz ZONE]");
    }
}
