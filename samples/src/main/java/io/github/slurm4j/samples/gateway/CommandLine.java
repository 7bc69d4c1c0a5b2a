package io.github.slurm4j.samples.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@code command} of {@code POST /api/command} into an argument list the way a POSIX
 * shell splits words — white space, {@code '…'}, {@code "…"} and backslash escapes — and does
 * nothing else: no variables, globs, pipes, redirections or command substitution. The words are
 * run as they are, without a shell.
 */
final class CommandLine {
    private CommandLine() {
    }

    /** @throws ApiError 400 {@code invalid_argument} for an unterminated quote or an empty command */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw ApiError.badRequest("invalid_argument", "the command has an unterminated ' quote");
                }
                w.append(command, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = command.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(command.charAt(i + 1)) >= 0) {
                        w.append(command.charAt(i + 1));
                        i += 2;
                    } else {
                        w.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw ApiError.badRequest("invalid_argument", "the command has an unterminated \" quote");
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    w.append(command.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        if (words.isEmpty()) {
            throw ApiError.missing("command", "the command is empty");
        }
        return words;
    }
}
