package io.github.slurm4j.samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples' command-line: {@code --name value} options, {@code --flag}s, positional words and
 * everything after {@code --}. Unknown options are refused, so a typo never runs a command.
 */
final class SampleArgs {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> rest = new ArrayList<>();

    private SampleArgs() {
    }

    /**
     * @param valued the options that take a value (without {@code --})
     * @param flagNames the options that take none
     */
    static SampleArgs parse(String[] args, Set<String> valued, Set<String> flagNames) {
        SampleArgs out = new SampleArgs();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                out.rest.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        inline = args[++i];
                    }
                    out.values.put(name, inline);
                } else if (flagNames.contains(name) && inline == null) {
                    out.flags.add(name);
                } else {
                    throw new IllegalArgumentException("unknown option: --" + name);
                }
            } else {
                out.positional.add(a);
            }
        }
        return out;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    int intValue(String name) {
        String v = values.get(name);
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a positive whole number, not '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }

    List<String> rest() {
        return rest;
    }
}
