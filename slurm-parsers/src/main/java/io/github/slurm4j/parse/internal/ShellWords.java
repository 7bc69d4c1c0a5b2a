package io.github.slurm4j.parse.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a POSIX shell command line into simple commands and their words, the way {@code bash -c}
 * would for the plain command lines users paste: single quotes, double quotes (with {@code \"},
 * {@code \\}, {@code \$}, {@code \`} escapes), backslash escapes outside quotes, {@code ;},
 * {@code &&}, {@code ||} and {@code |} between commands, and redirections ({@code < file},
 * {@code > file}, {@code 2>&1}), which are dropped, and {@code #} comments (a word that starts with
 * {@code #} runs to the end of the line). Nothing is expanded or executed: {@code $(…)} stays text.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** One simple command of a command line. */
    public record SimpleCommand(List<String> words) {
        public SimpleCommand {
            words = Collections.unmodifiableList(new ArrayList<>(words));
        }
    }

    /**
     * Splits {@code line} into simple commands.
     *
     * @throws IllegalArgumentException for an unterminated quote or a trailing backslash
     */
    public static List<SimpleCommand> split(String line) {
        List<SimpleCommand> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean redirectNext = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at column " + (i + 1) + ": " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                        if (line.charAt(i + 1) != '\n') {
                            word.append(line.charAt(i + 1));
                        }
                        i += 2;
                        continue;
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated double quote: " + line);
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("trailing backslash: " + line);
                }
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
                if (inWord) {
                    redirectNext = endWord(words, word, redirectNext);
                    inWord = false;
                }
                if (c == '<' || c == '>') {
                    // "2>&1", ">>", "<", ">": the next word (if any) is a file name
                    int j = i + 1;
                    while (j < n && (line.charAt(j) == '>' || line.charAt(j) == '&')) {
                        j++;
                    }
                    boolean fdDup = j > i + 1 && line.charAt(j - 1) == '&';
                    if (!words.isEmpty() && isDigits(words.get(words.size() - 1)) && i > 0 && line.charAt(i - 1) != ' ') {
                        words.remove(words.size() - 1); // the "2" of "2>"
                    }
                    if (fdDup) {
                        while (j < n && Character.isDigit(line.charAt(j))) {
                            j++;
                        }
                    } else {
                        redirectNext = true;
                    }
                    i = j;
                    continue;
                }
                if (c == ';' || c == '&' || c == '|' || c == '\n') {
                    if (!words.isEmpty()) {
                        commands.add(new SimpleCommand(words));
                        words.clear();
                    }
                }
                i++;
            } else if (c == '#' && !inWord) {
                // a comment, as bash -c reads it: a word that starts with '#' runs to the line end
                while (i < n && line.charAt(i) != '\n') {
                    i++;
                }
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            endWord(words, word, redirectNext);
        }
        if (!words.isEmpty()) {
            commands.add(new SimpleCommand(words));
        }
        return commands;
    }

    private static boolean endWord(List<String> words, StringBuilder word, boolean isRedirectTarget) {
        if (!isRedirectTarget) {
            words.add(word.toString());
        }
        word.setLength(0);
        return false;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
