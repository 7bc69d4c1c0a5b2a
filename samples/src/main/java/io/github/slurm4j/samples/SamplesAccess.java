package io.github.slurm4j.samples;

import io.github.slurm4j.exec.Shell;
import io.github.slurm4j.fixtures.Fixtures;

/**
 * What the samples' subpackages ({@code gateway}) reuse from this package, whose helpers are
 * package-private: the SSH shell of {@code --ssh} (built by {@link SshShells}, so sshj loads only
 * when SSH is used) and the demo cluster's captured node and partition outputs.
 */
public final class SamplesAccess {
    private SamplesAccess() {
    }

    /**
     * A {@code RemoteShell} to {@code user@host[:port]}, its key and known_hosts verified as the
     * samples' {@code --ssh} does.
     */
    public static Shell ssh(String target, String identity, String knownHosts) {
        return SshShells.open(target, identity, knownHosts);
    }

    /** The demo cluster's nodes: a real Slurm 22.05 {@code scontrol show node}, one record a line. */
    public static String demoNodes() {
        return ClusterStatsSample.oneLiners(Fixtures.load("slurm-22.05", "scontrol-node-all-multiline").stdout());
    }

    /** The demo cluster's partitions: a real Slurm 22.05 {@code scontrol -o show partition}. */
    public static String demoPartitions() {
        return Fixtures.load("slurm-22.05", "scontrol-partition-all-oneliner").stdout();
    }
}
