package io.github.slurm4j.testkit;

import io.github.slurm4j.exec.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Slurm cluster of the lab, by version: 22.05 on this machine itself, 24.11 and 26.05 each
 * in a Debian chroot under {@code <lab dir>/chroots/<version>} that {@code scripts/lab.sh up}
 * builds and starts. Every cluster has its own sshd for {@code alice} on 127.0.0.1 (the lab's user
 * keys, a {@code known_hosts} of its own), its own slurmctld/slurmd/slurmdbd ports and accounting
 * database; the users, accounts, QOS, partitions and node scenery are the same on all three.
 *
 * <p>Version-sensitive ITs run once per cluster ({@link Lab#CLUSTERS}) and name the version in their
 * display name; {@link #requireSlurm()} and {@link #requireSshd()} skip them without the cluster and
 * fail them with {@code CI=true}, as {@link Lab}'s do.
 */
public final class LabCluster {
    private final String version;
    private final int sshPort;
    private final Path chroot;

    LabCluster(String version, int sshPort, Path chroot) {
        this.version = version;
        this.sshPort = sshPort;
        this.chroot = chroot;
    }

    /** {@return the Slurm release, {@code "22.05"}, {@code "24.11"} or {@code "26.05"}} */
    public String version() {
        return version;
    }

    /** {@return the release as a number for comparisons: 2205, 2411, 2605} */
    public int release() {
        return Integer.parseInt(version.replace(".", ""));
    }

    /** {@return whether this is the cluster on the host itself (22.05), not one in a chroot} */
    public boolean onHost() {
        return chroot == null;
    }

    /** {@return the chroot folder of a newer version; {@code null} for the host's 22.05} */
    public Path chroot() {
        return chroot;
    }

    /** {@return the address of this cluster's sshd: 127.0.0.1, as for every cluster of the lab} */
    public String sshHost() {
        return Lab.SSH_HOST;
    }

    /** {@return the port of this cluster's sshd: 2222 (22.05), 2411, 2605} */
    public int sshPort() {
        return sshPort;
    }

    /** {@return the user the sshd lets in: {@code alice}, on every cluster} */
    public String sshUser() {
        return Lab.SSH_USER;
    }

    /** {@return alice's ed25519 key (the same for every cluster)} */
    public Path userKey() {
        return Lab.userKey();
    }

    /** {@return the known_hosts file with every host key of this cluster's sshd} */
    public Path knownHosts() {
        return onHost() ? Lab.knownHosts() : Lab.sshDir().resolve("known_hosts-" + version);
    }

    /**
     * A command to run as root on this cluster from this machine: the command itself for 22.05,
     * {@code chroot <dir> <command>} for a chroot cluster (needs root).
     *
     * @param command the program and its arguments
     * @return the argument list to run; unmodifiable
     */
    public List<String> rootCommand(List<String> command) {
        if (onHost()) {
            return List.copyOf(command);
        }
        List<String> out = new ArrayList<>(command.size() + 2);
        out.add("chroot");
        out.add(chroot.toString());
        out.addAll(command);
        return List.copyOf(out);
    }

    /**
     * A shell that runs every command as root on this cluster: {@code local} itself for 22.05, and
     * for a chroot cluster {@code local} running each command as {@code chroot <dir> <command>}
     * ({@link #rootCommand}; a working directory becomes {@code env -C <dir>} inside the chroot,
     * files are written under the chroot's folder).
     *
     * @param local a shell that runs commands as root on this machine, such as slurm-exec's
     *     {@code LocalShell} (the testkit does not depend on slurm-exec); closed with the result
     * @return {@code local}, or a shell that runs through it into the chroot
     */
    public Shell rootShell(Shell local) {
        return onHost() ? local : new RootInChroot(local, this);
    }

    /** Requires this cluster's sshd: its port answers and its known_hosts and alice's key exist. */
    public void requireSshd() {
        boolean up = Lab.portOpen(Lab.SSH_HOST, sshPort) && Files.isReadable(userKey()) && Files.isReadable(knownHosts());
        Lab.require(up, "the lab sshd of Slurm " + version + " on " + Lab.SSH_HOST + ":" + sshPort);
    }

    /** Requires this cluster's Slurm: {@code scontrol ping} says UP and {@code sacctmgr} answers (as root). */
    public void requireSlurm() {
        boolean up = Lab.run(rootCommand(List.of("scontrol", "ping"))).contains("is UP")
                && !Lab.run(rootCommand(List.of("sacctmgr", "-n", "-P", "list", "cluster", "format=Cluster"))).isBlank();
        Lab.require(up, "the lab Slurm " + version + " (slurmctld + slurmd + slurmdbd)");
    }

    /**
     * Stops, starts or restarts one of this cluster's daemons through {@code scripts/lab.sh}
     * ({@code slurmctld}, {@code slurmdbd}, {@code slurmd}, {@code munge}, {@code sshd}).
     *
     * @param action {@code stop}, {@code start} or {@code restart}
     * @param service the daemon's name, without the version (added here for a chroot cluster)
     */
    public void control(String action, String service) {
        Lab.control(action, onHost() ? service : service + "@" + version);
    }

    @Override
    public String toString() {
        return "Slurm " + version;
    }
}
