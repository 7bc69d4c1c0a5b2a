package io.github.slurm4j.parse;

import io.github.slurm4j.parse.internal.ShellWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Slurm command as it was run: the tool ({@code squeue}, {@code scontrol}, …) and its
 * arguments, read from a command line the way a shell splits it. A leading
 * {@code runuser -u U --}, {@code sudo [-u U]}, {@code env} and {@code NAME=value} assignments
 * are skipped, and a path ({@code /usr/bin/squeue}) is reduced to the tool's name.
 *
 * <p>Option readers understand Slurm's spellings: {@code -o X}, {@code -oX}, {@code --format X},
 * {@code --format=X}.
 */
public final class SlurmCommandLine {
    private final String tool;
    private final List<String> args;
    private final String line;

    private SlurmCommandLine(String tool, List<String> args, String line) {
        this.tool = tool;
        this.args = Collections.unmodifiableList(new ArrayList<>(args));
        this.line = line;
    }

    /**
     * Builds from an argument list (what the command layer runs); the same prefixes are skipped as
     * for a command line.
     *
     * @param argv the program and its arguments, unquoted
     * @return the command; {@link #line()} is the words joined by spaces
     * @throws IllegalArgumentException for an empty list or one with nothing but prefixes
     */
    public static SlurmCommandLine of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        return fromWords(argv, String.join(" ", argv));
    }

    /**
     * Reads every simple command of a shell command line ({@code sinfo -d; echo ===; sinfo -r} has
     * three).
     *
     * @param line the command line as a shell would read it
     * @return the commands, in order; each keeps the whole line as {@link #line()}
     * @throws IllegalArgumentException for an empty or badly quoted command line
     */
    public static List<SlurmCommandLine> parseAll(String line) {
        List<SlurmCommandLine> out = new ArrayList<>();
        for (ShellWords.SimpleCommand c : ShellWords.split(line)) {
            out.add(fromWords(c.words(), line));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        return out;
    }

    /**
     * Reads a command line that holds one command.
     *
     * @param line the command line as a shell would read it
     * @return the command
     * @throws IllegalArgumentException for an empty line, bad quoting, or several commands
     */
    public static SlurmCommandLine parse(String line) {
        List<SlurmCommandLine> all = parseAll(line);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one command, found " + all.size() + ": " + line);
        }
        return all.get(0);
    }

    private static SlurmCommandLine fromWords(List<String> words, String line) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (w.equals("runuser") || w.equals("sudo")) {
                i++;
                while (i < words.size() && words.get(i).startsWith("-")) {
                    String opt = words.get(i);
                    i++;
                    if (opt.equals("--")) {
                        break;
                    }
                    if ((opt.equals("-u") || opt.equals("-g") || opt.equals("--user") || opt.equals("--group")) && i < words.size()) {
                        i++;
                    }
                }
            } else if (w.equals("env") || w.equals("exec") || w.equals("command") || w.equals("time")) {
                i++;
            } else if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else {
                break;
            }
        }
        if (i >= words.size()) {
            throw new IllegalArgumentException("no command in: " + line);
        }
        String first = words.get(i);
        String tool = first.substring(first.lastIndexOf('/') + 1);
        return new SlurmCommandLine(tool, words.subList(i + 1, words.size()), line);
    }

    /** {@return the tool's name without its path: {@code squeue}, {@code scontrol}, {@code sacct}, …} */
    public String tool() {
        return tool;
    }

    /** {@return the arguments after the tool's name, unquoted; unmodifiable} */
    public List<String> args() {
        return args;
    }

    /** {@return the command line this was read from (for {@link #of} the words joined by spaces)} */
    public String line() {
        return line;
    }

    /**
     * Whether any of the flags is present before a {@code --}; short flags may be bundled
     * ({@code -Nel} has {@code -N}), long flags may carry a value ({@code --format=X}).
     *
     * @param flags the flags as written ({@code -o}, {@code --oneliner})
     * @return true when one of them is present
     */
    public boolean has(String... flags) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            for (String f : flags) {
                if (a.equals(f) || (f.startsWith("--") && a.startsWith(f + "="))) {
                    return true;
                }
                if (isShortFlag(f) && isBundle(a) && a.indexOf(f.charAt(1), 1) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isShortFlag(String f) {
        return f.length() == 2 && f.charAt(0) == '-' && f.charAt(1) != '-';
    }

    /** {@code -Nel}: several flag letters after one dash. */
    private static boolean isBundle(String a) {
        if (a.length() <= 2 || a.charAt(0) != '-' || a.charAt(1) == '-') {
            return false;
        }
        for (int i = 1; i < a.length(); i++) {
            if (!Character.isLetter(a.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of an option given as {@code -o X}, {@code -oX}, {@code --format X} or
     * {@code --format=X}; the last one wins, as in Slurm.
     *
     * @param shortFlag e.g. {@code -o}, or {@code null}
     * @param longFlag e.g. {@code --format}, or {@code null}
     * @return the value; empty when the option is not given (or given last without a value)
     */
    public Optional<String> value(String shortFlag, String longFlag) {
        String found = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals(shortFlag) || a.equals(longFlag)) {
                if (i + 1 < args.size()) {
                    found = args.get(++i);
                }
            } else if (longFlag != null && a.startsWith(longFlag + "=")) {
                found = a.substring(longFlag.length() + 1);
            } else if (shortFlag != null && a.startsWith(shortFlag) && a.length() > shortFlag.length() && !a.startsWith("--")) {
                found = a.substring(shortFlag.length());
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * {@return the arguments that do not start with {@code -}, in order: sub-commands and ids
     * ({@code show}, {@code job}, {@code 42}), and also the values of options written as a separate word}
     */
    public List<String> positionals() {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlurmCommandLine && ((SlurmCommandLine) o).tool.equals(tool) && ((SlurmCommandLine) o).args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tool, args);
    }

    @Override
    public String toString() {
        return tool + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }
}
