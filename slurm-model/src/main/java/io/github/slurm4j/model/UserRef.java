package io.github.slurm4j.model;

/**
 * A user or group as Slurm prints it: {@code alice(1001)}, a bare name ({@code alice}) or a bare
 * id ({@code 1001}).
 *
 * @param name the name, or {@code null} when only the id was printed
 * @param id the numeric id, or {@code null} when only the name was printed
 */
public record UserRef(String name, Long id) {
    /**
     * Checks that at least one of name and id is present.
     *
     * @param name the name, or {@code null} when only the id was printed
     * @param id the numeric id, or {@code null} when only the name was printed
     * @throws IllegalArgumentException if both {@code name} and {@code id} are {@code null}
     */
    public UserRef {
        if (name == null && id == null) {
            throw new IllegalArgumentException("a user needs a name or an id");
        }
    }

    /**
     * Parses {@code name(id)}, {@code name} or {@code id}. A text of digits only is an id;
     * {@code (1001)} is an id without a name.
     *
     * @param text the user or group as printed, surrounding spaces ignored
     * @return the reference
     * @throws IllegalArgumentException for null or empty text
     */
    public static UserRef parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty user");
        }
        if (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            if (open >= 0) {
                String inner = s.substring(open + 1, s.length() - 1);
                if (isDigits(inner)) {
                    String name = s.substring(0, open);
                    return new UserRef(name.isEmpty() ? null : name, Long.parseLong(inner));
                }
            }
        }
        if (isDigits(s)) {
            return new UserRef(null, Long.parseLong(s));
        }
        return new UserRef(s, null);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (name != null && id != null) {
            return name + "(" + id + ")";
        }
        return name != null ? name : Long.toString(id);
    }
}
