package io.github.slurm4j.samples.gateway;

import java.util.Objects;

/**
 * One {@code --machine}: {@code NAME=local} (Slurm's commands on this host, as the gateway's
 * own user) or {@code NAME=ssh://user@host[:port]} (on a login node over SSH, as {@code user}).
 *
 * @param name the machine's name in the API's paths
 * @param sshTarget {@code user@host[:port]}, or {@code null} for {@code local}
 */
record MachineSpec(String name, String sshTarget) {
    MachineSpec {
        Objects.requireNonNull(name, "name");
    }

    boolean local() {
        return sshTarget == null;
    }

    /** The SSH user, or {@code null} for {@code local}. */
    String sshUser() {
        return sshTarget == null ? null : sshTarget.substring(0, sshTarget.indexOf('@'));
    }

    /** Parses {@code NAME=local} or {@code NAME=ssh://user@host[:port]}. */
    static MachineSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--machine wants NAME=local or NAME=ssh://user@host[:port], not '" + text + "'");
        }
        String name = text.substring(0, eq);
        String where = text.substring(eq + 1);
        if (!Routes.MACHINE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--machine: a name is letters, digits, '.', '_' and '-' (at most 64), not '" + name + "'");
        }
        if (where.equals("local")) {
            return new MachineSpec(name, null);
        }
        if (!where.startsWith("ssh://")) {
            throw new IllegalArgumentException("--machine " + name + ": 'local' or 'ssh://user@host[:port]', not '" + where + "'");
        }
        String target = where.substring("ssh://".length());
        if (target.endsWith("/")) {
            target = target.substring(0, target.length() - 1);
        }
        int at = target.indexOf('@');
        if (at <= 0 || at == target.length() - 1 || target.indexOf('@', at + 1) >= 0 || target.contains("/")) {
            throw new IllegalArgumentException("--machine " + name + ": ssh://user@host[:port], not '" + where + "'");
        }
        return new MachineSpec(name, target);
    }
}
