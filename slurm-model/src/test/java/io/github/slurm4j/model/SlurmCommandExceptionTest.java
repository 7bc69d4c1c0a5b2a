package io.github.slurm4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlurmCommandExceptionTest {

    private static final String LONG_FORMAT = "JobID:|,HetJobID:|,HetJobOffset:|,ArrayJobID:|,ArrayTaskID:|,Name:|,UserName:|,"
            + "State:|,Reason:|,Partition:|,NumCPUs:|,NumNodes:|,MinMemory:|,TimeLimit:|,TimeUsed:|,SubmitTime:|";

    @Test
    void messageHasSlurmsTextAndAShortCommand() {
        String command = "squeue -h -O " + LONG_FORMAT + " -t PENDING (on localhost)";
        SlurmCommandException e = new SlurmCommandException(new SlurmError(SlurmErrorType.CONTROLLER_UNAVAILABLE,
                "slurm_load_jobs error: Unable to contact slurm controller (connect failure)"), command, 1);
        assertThat(e.getMessage()).isEqualTo("squeue -h -O JobID:|,HetJobID:|,HetJo… -t PENDING (on localhost): "
                + "controller_unavailable (exit 1): slurm_load_jobs error: Unable to contact slurm controller (connect failure)");
        assertThat(e.command()).isEqualTo(command);
    }

    @Test
    void shortCommand() {
        assertThat(SlurmCommandException.shortCommand("scontrol hold 3")).isEqualTo("scontrol hold 3");
        assertThat(SlurmCommandException.shortCommand(null)).isEmpty();
        String many = "scancel" + " 123456789".repeat(30);
        assertThat(SlurmCommandException.shortCommand(many)).hasSize(161).endsWith("…").startsWith("scancel 123456789 ");
        // a cut never splits a surrogate pair
        String emoji = "sbatch -J " + "😀".repeat(30);
        assertThat(SlurmCommandException.shortCommand(emoji)).isEqualTo("sbatch -J " + "😀".repeat(12) + "…");
    }
}
