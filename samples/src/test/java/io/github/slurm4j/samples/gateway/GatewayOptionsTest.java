package io.github.slurm4j.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayOptionsTest {
    @Test
    void repeatableMachinesAndTheRest() {
        GatewayOptions o = GatewayOptions.parse("--port", "8080", "--machine", "hpc=local", "--machine=lab=ssh://alice@127.0.0.1:2222",
                "--identity", "/k", "--known-hosts", "/kh", "--redis", "redis://localhost:6379/0", "--allow-commands",
                "--token-file", "/t", "--stale-after", "60");
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.machines()).containsExactly(new MachineSpec("hpc", null), new MachineSpec("lab", "alice@127.0.0.1:2222"));
        assertThat(o.machines().get(1).sshUser()).isEqualTo("alice");
        assertThat(o.allowCommands()).isTrue();
        assertThat(o.demo()).isFalse();
        assertThat(o.staleAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.maxBody()).isEqualTo(Bodies.DEFAULT_LIMIT);
        assertThat(GatewayOptions.parse("--port", "0", "--demo").machines()).isEmpty();
    }

    @Test
    void wrongCommandLinesSayWhy() {
        assertThatThrownBy(() -> GatewayOptions.parse("--demo")).hasMessageContaining("--port is needed");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1")).hasMessageContaining("no machine");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "x", "--demo")).hasMessageContaining("--port needs a whole number");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--demo", "--prot", "2")).hasMessage("unknown option: --prot");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--machine", "a=local", "--machine", "a=local"))
                .hasMessage("two machines named a");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--machine", "lab=ssh://alice@h"))
                .hasMessageContaining("need --identity FILE and --known-hosts FILE");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--machine", "a=local", "--identity", "k"))
                .hasMessageContaining("there is none");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--demo", "--bind", "0.0.0.0"))
                .hasMessageContaining("without --token-file the gateway listens on the loopback only");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--demo", "--demo")).hasMessageContaining("twice");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--demo", "--machine", "demo=local"))
                .hasMessageContaining("name yours otherwise");
        assertThatThrownBy(() -> GatewayOptions.parse("--port", "1", "--demo", "extra")).hasMessageContaining("unexpected argument");
    }

    @Test
    void machineSpecs() {
        assertThat(MachineSpec.parse("hpc=local").local()).isTrue();
        assertThat(MachineSpec.parse("x=ssh://bob@login1/").sshTarget()).isEqualTo("bob@login1");
        for (String bad : new String[] {"local", "=local", "a b=local", "a=remote", "a=ssh://host", "a=ssh://@host",
            "a=ssh://u@", "a=ssh://u@h/path", "a=ssh://u@v@h"}) {
            assertThatThrownBy(() -> MachineSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
