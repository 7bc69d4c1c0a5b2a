package io.github.slurm4j.redis.collect;

import io.github.slurm4j.exec.ExecRequest;
import io.github.slurm4j.exec.ExecResult;
import io.github.slurm4j.exec.slurm.SlurmClient;
import io.github.slurm4j.model.SlurmException;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.redis.stats.PowerReading;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a cluster with two Slurm commands per cycle — {@code scontrol -o show node} (every node,
 * once) and {@code scontrol -o -d show job} (streamed) — plus, when configured, one facility
 * power command (and an IT power command when the nodes report no energy), all through the
 * client's shell. Uses {@code slurm-exec}, an optional dependency of this module: only this class
 * needs it.
 */
public final class SlurmClusterSource implements ClusterSource {
    private final SlurmClient client;
    private final List<String> facilityPowerCommand;
    private final List<String> itPowerCommand;

    /**
     * A source without power commands: the PUE hash then holds no {@code pue} ratio, only the IT
     * {@code power} summed from the nodes' {@code CurrentWatts} when they report it.
     *
     * @param client the client whose commands, shell and zone are used
     * @throws NullPointerException if {@code client} is null
     */
    public SlurmClusterSource(SlurmClient client) {
        this(client, null, null);
    }

    /**
     * A source with power commands, each run through the client's shell once per cycle; a command
     * that exits non-zero or prints no number fails the reading with a {@code SlurmException}.
     *
     * @param client the client whose commands, shell and zone are used
     * @param facilityPowerCommand a command printing the facility's power in watts (a number, or
     *     {@code ipmitool dcmi power reading}'s output), or null: no {@code pue} then
     * @param itPowerCommand a command printing the IT power likewise, used when the nodes report no
     *     {@code CurrentWatts}, or null
     * @throws NullPointerException if {@code client} is null
     */
    public SlurmClusterSource(SlurmClient client, List<String> facilityPowerCommand, List<String> itPowerCommand) {
        this.client = Objects.requireNonNull(client, "client");
        this.facilityPowerCommand = facilityPowerCommand == null ? null : List.copyOf(facilityPowerCommand);
        this.itPowerCommand = itPowerCommand == null ? null : List.copyOf(itPowerCommand);
    }

    @Override
    public ClusterReading read() {
        ZonedDateTime time = ZonedDateTime.now(client.zone());
        List<Node> nodes = client.nodes();
        List<Job> jobs = new ArrayList<>();
        client.streamJobs(jobs::add);
        boolean energy = nodes.stream().anyMatch(n -> n.usage().currentWatts() != null && n.usage().currentWatts() > 0);
        Double facility = facilityPowerCommand == null ? null : watts(facilityPowerCommand);
        Double it = energy || itPowerCommand == null ? null : watts(itPowerCommand);
        return new ClusterReading(nodes, jobs, new PowerReading(it, facility), time);
    }

    private Double watts(List<String> command) {
        ExecResult r = client.shell().run(ExecRequest.of(command));
        String out = r.stdout().strip();
        if (r.exitCode() != 0) {
            throw new SlurmException("power command " + command + " exited " + r.exitCode());
        }
        if (out.contains("Instantaneous power reading")) {
            return PowerReading.parseIpmiDcmi(out);
        }
        try {
            return Double.parseDouble(out.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new SlurmException("power command " + command + " printed no number: '" + out + "'", e);
        }
    }
}
