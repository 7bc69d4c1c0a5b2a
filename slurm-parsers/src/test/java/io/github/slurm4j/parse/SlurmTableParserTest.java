package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.SlurmTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmTableParserTest {

    @Test
    void sacctmgrListUsersFlagsTruncatedAdmin() {
        Fixtures.Case c = Fixtures.load("sacctmgr-list-users");
        SlurmTable t = SlurmTableParser.fixedWidth("sacctmgr").parse(c.stdoutBytes());
        assertThat(t.columns()).containsExactly("User", "Def Acct", "Admin");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.get(0, "User")).isEqualTo("alice");
        assertThat(t.get(1, "Def Acct")).isEqualTo("chemistry");
        assertThat(t.get(2, "Admin")).isEqualTo("Administ+");
        assertThat(t.rows().get(2).isTruncated(2)).isTrue();
        assertThat(t.rows().get(0).isTruncated(2)).isFalse();
        assertThat(t.get(0, "nope")).isNull();
    }

    @Test
    void sacctmgrShowAssocParsable() {
        Fixtures.Case c = Fixtures.load("sacctmgr-show-assoc-parsable");
        SlurmTable t = SlurmTableParser.parsable("sacctmgr").parse(c.stdout());
        assertThat(t.columns()).containsExactly("Cluster", "Account", "User", "Partition", "Share", "MaxJobs", "MaxSubmit", "QOS", "Def QOS");
        assertThat(t.rows()).hasSize(9);
        assertThat(t.asMaps().get(6)).containsEntry("Account", "chemistry").containsEntry("User", "bob")
                .containsEntry("MaxJobs", "1").containsEntry("MaxSubmit", "3").containsEntry("QOS", "normal");
        assertThat(t.asMaps().get(1)).containsEntry("QOS", "high,normal").containsEntry("Def QOS", "");
    }

    @Test
    void sacctmgrShowClusterTruncatedName() {
        Fixtures.Case c = Fixtures.load("sacctmgr-show-cluster");
        SlurmTable t = SlurmTableParser.fixedWidth("sacctmgr").parse(c.stdout());
        assertThat(t.columns()).hasSize(14).startsWith("Cluster", "ControlHost", "ControlPort", "RPC");
        assertThat(t.get(0, "Cluster")).isEqualTo("localclus+");
        assertThat(t.rows().get(0).isTruncated(t.indexOf("Cluster"))).isTrue();
        assertThat(t.get(0, "ControlHost")).isEqualTo("127.0.0.1");
        assertThat(t.get(0, "ControlPort")).isEqualTo("6817");
        assertThat(t.get(0, "QOS")).isEqualTo("normal");
        assertThat(t.get(0, "MaxWall")).isEmpty();
    }

    @Test
    void sshareDefaultKeepsAccountIndentation() {
        Fixtures.Case c = Fixtures.load("sshare-default");
        SlurmTable t = SlurmTableParser.fixedWidth("sshare").parse(c.stdout());
        assertThat(t.columns()).containsExactly("Account", "User", "RawShares", "NormShares", "RawUsage", "EffectvUsage", "FairShare");
        assertThat(t.rows()).hasSize(6);
        assertThat(t.get(0, "Account")).isEqualTo("root");
        assertThat(t.get(1, "Account")).isEqualTo(" root");
        assertThat(t.get(1, "User")).isEqualTo("root");
        assertThat(t.get(1, "FairShare")).isEqualTo("0.200000");
        assertThat(t.get(3, "Account")).isEqualTo("  research");
        assertThat(t.get(5, "RawShares")).isEqualTo("60");
        assertThat(t.get(0, "RawUsage")).isEqualTo("287");
    }

    @Test
    void sshareParsable() {
        Fixtures.Case c = Fixtures.load("sshare-parsable");
        SlurmTable t = SlurmTableParser.parsable("sshare").parse(c.stdout());
        assertThat(t.rows()).hasSize(9);
        assertThat(t.get(5, "Account")).isEqualTo("   chemistry");
        assertThat(t.get(5, "User")).isEqualTo("alice");
        assertThat(t.get(8, "RawUsage")).isEqualTo("13");
        assertThat(t.get(0, "FairShare")).isEmpty();
    }

    @Test
    void sprioWeightsRepeatedPartitionColumn() {
        Fixtures.Case c = Fixtures.load("sprio-weights");
        SlurmTable t = SlurmTableParser.headerAligned("sprio").parse(c.stdout());
        assertThat(t.columns()).containsExactly("JOBID", "PARTITION", "PRIORITY", "SITE", "AGE", "FAIRSHARE", "JOBSIZE", "PARTITION", "QOS");
        assertThat(t.rows()).hasSize(1);
        List<String> w = t.rows().get(0).values();
        assertThat(w).containsExactly("Weights", "", "", "1", "1000", "10000", "1000", "1000", "1000");
        assertThat(t.get(0, "FAIRSHARE")).isEqualTo("10000");
    }

    @Test
    void sreportClusterUtilizationKeepsTitleAsPreamble() {
        Fixtures.Case c = Fixtures.load("sreport-cluster-utilization");
        SlurmTable t = SlurmTableParser.fixedWidth("sreport").parse(c.stdout());
        assertThat(t.preamble()).containsExactly("Cluster Utilization 2026-11-19T00:00:00 - 2026-11-19T23:59:59",
                "Usage reported in CPU Minutes");
        assertThat(t.columns()).containsExactly("Cluster", "Allocate", "Down", "PLND Dow", "Idle", "Planned", "Reported");
        assertThat(t.rows()).isEmpty();
    }

    @Test
    void errorsAndEdges() {
        assertThat(SlurmTableParser.parsable("x").parse("").columns()).isEmpty();
        assertThat(SlurmTableParser.fixedWidth("x").parse("\n").rows()).isEmpty();
        assertThat(SlurmTableParser.headerAligned("x").parse("").rows()).isEmpty();
        SlurmTable trailing = SlurmTableParser.parsable("x").parse("A|B|\n1|2|\n");
        assertThat(trailing.asMaps().get(0)).containsEntry("A", "1").containsEntry("B", "2");
        assertThat(SlurmTableParser.parsable("x").withDelimiter(";").parse("A;B\n1;2\n").get(0, "B")).isEqualTo("2");
        assertThatThrownBy(() -> SlurmTableParser.fixedWidth("x").withDelimiter(";")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlurmTableParser.parsable("sacctmgr").parse("A|B\n1|2|3\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> SlurmTableParser.parsable("sacctmgr").parse("A|B\n1\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("B"));
        assertThatThrownBy(() -> SlurmTableParser.parsable("x").parse("A|B|\n1|2\n")).isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> SlurmTableParser.fixedWidth("x").parse("A B\n1 2\n")).isInstanceOf(SlurmParseException.class);
        assertThatThrownBy(() -> SlurmTableParser.headerAligned("sprio").parse("   A    B\n  1111111\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> SlurmTableParser.headerAligned("sprio").parse("   A    B\n          9\n"))
                .isInstanceOf(SlurmParseException.class);
    }
}
