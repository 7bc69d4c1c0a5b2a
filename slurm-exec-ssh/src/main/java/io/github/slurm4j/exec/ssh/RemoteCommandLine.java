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
 * <p>The line is {@code echo "<marker>$$" >&2; unset 'X' …; export 'LANG=C.UTF-8' …; [cd -- 'dir' &&] exec 'prog' 'arg'…}
 * (POSIX builtins only: one program start per command, as with a local {@code ProcessBuilder}).
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
     * The environment part of the line: {@code unset 'X' …; export 'LANG=C.UTF-8' … 'NAME=value';}
     * — the removed variables (except those the request sets), then the fixed ones (unless the
     * request sets them), then the request's. Shell builtins, so no extra program ({@code env})
     * starts for every command; every word is quoted by {@link #quote(List)}.
     */
    static String environmentLine(ExecRequest request) {
        List<String> unset = new ArrayList<>();
        unset.add("unset");
        for (String name : SlurmEnvironment.UNSET) {
            if (!request.environment().containsKey(name)) {
                unset.add(name);
            }
        }
        List<String> export = new ArrayList<>();
        export.add("export");
        for (Map.Entry<String, String> e : SlurmEnvironment.SET.entrySet()) {
            if (!request.environment().containsKey(e.getKey())) {
                export.add(e.getKey() + "=" + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : request.environment().entrySet()) {
            export.add(e.getKey() + "=" + e.getValue());
        }
        return quote(unset) + "; " + quote(export) + "; ";
    }

    /** The whole line for the remote login shell; see the class comment. */
    static String commandLine(ExecRequest request) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("echo \"").append(PID_MARKER).append("$$\" >&2; ");
        sb.append(environmentLine(request));
        request.workingDirectory().ifPresent(dir -> sb.append(quote(List.of("cd", "--", dir))).append(" && "));
        sb.append("exec ").append(quote(request.command()));
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
