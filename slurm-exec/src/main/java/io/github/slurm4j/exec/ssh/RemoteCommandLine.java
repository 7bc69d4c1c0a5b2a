package io.github.slurm4j.exec.ssh;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.internal.SlurmEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a request into the one string an SSH server hands to the user's POSIX login shell
 * ({@code $SHELL -c <string>}). The only place where slurm4j quotes for a remote shell.
 *
 * <p>The line is {@code echo "<marker>$$" >&2; [cd -- 'dir' &&] exec 'env' '-u' 'X' … '--' 'LANG=C.UTF-8' … 'prog' 'arg'…}.
 * The first statement reports the shell's pid on stderr before anything else runs: OpenSSH starts
 * each session in a new session and process group led by that shell, and {@code exec} keeps the
 * pid, so it is the process group and session id of the command and of everything it starts. On
 * a timeout {@link #killLine(long)} kills that group and session from a second channel.
 */
final class RemoteCommandLine {
    /** Prefix of the line the wrapper writes first on stderr; never shown to callers. */
    static final String PID_MARKER = "slurm4j-remote-pid:";

    private RemoteCommandLine() {
    }

    /** Each word single-quoted ({@code '} becomes {@code '\''}), joined by spaces. */
    static String quote(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            appendQuoted(sb, w);
        }
        return sb.toString();
    }

    private static void appendQuoted(StringBuilder sb, String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in an argument: " + ExecRequest.display(List.of(word)));
        }
        sb.append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'') {
                sb.append("'\\''");
            } else {
                sb.append(c);
            }
        }
        sb.append('\'');
    }

    /**
     * The argument list that runs on the remote side: {@code env}, the unset options, {@code --}
     * (the end of env's options: GNU env takes a {@code --} after an assignment for the program's
     * name), the fixed variables, the request's variables, the command. Because env reads every
     * leading {@code NAME=value} word as an assignment, a program name containing {@code =} is
     * refused.
     */
    static List<String> envCommand(ExecRequest request) {
        String program = request.command().get(0);
        if (program.indexOf('=') >= 0) {
            throw new IllegalArgumentException("a program name containing '=' cannot be run through env: "
                    + ExecRequest.display(List.of(program)));
        }
        List<String> words = new ArrayList<>();
        words.add("env");
        for (String name : SlurmEnvironment.UNSET) {
            if (!request.environment().containsKey(name)) {
                words.add("-u");
                words.add(name);
            }
        }
        words.add("--");
        for (Map.Entry<String, String> e : SlurmEnvironment.SET.entrySet()) {
            if (!request.environment().containsKey(e.getKey())) {
                words.add(e.getKey() + "=" + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : request.environment().entrySet()) {
            words.add(e.getKey() + "=" + e.getValue());
        }
        words.addAll(request.command());
        return words;
    }

    /** The whole line for the remote login shell; see the class comment. */
    static String commandLine(ExecRequest request) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("echo \"").append(PID_MARKER).append("$$\" >&2; ");
        request.workingDirectory().ifPresent(dir -> sb.append(quote(List.of("cd", "--", dir))).append(" && "));
        sb.append("exec ").append(quote(envCommand(request)));
        return sb.toString();
    }

    /**
     * A line that ends the process group and session {@code id} (see the class comment): TERM,
     * up to 2 s of grace, then KILL. Run on a channel of its own; it is in another session, so
     * it does not kill itself.
     */
    static String killLine(long id) {
        if (id <= 1) {
            throw new IllegalArgumentException("not a process group to kill: " + id);
        }
        String alive = "{ kill -0 -- -" + id + " 2>/dev/null || pgrep -s " + id + " >/dev/null 2>&1; }";
        return "kill -TERM -- -" + id + " 2>/dev/null; pkill -TERM -s " + id + " 2>/dev/null; "
                + "i=0; while [ $i -lt 20 ] && " + alive + "; do sleep 0.1; i=$((i+1)); done; "
                + "kill -KILL -- -" + id + " 2>/dev/null; pkill -KILL -s " + id + " 2>/dev/null; exit 0";
    }
}
