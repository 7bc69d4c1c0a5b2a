package io.github.slurm4j.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.cluster.ControllerStatus;
import io.github.slurm4j.model.cluster.License;
import io.github.slurm4j.model.cluster.LicenseView;
import io.github.slurm4j.model.cluster.SlurmConfig;
import io.github.slurm4j.model.cluster.SlurmConfigView;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScontrolAdminParserTest {

    @Test
    void showConfig() {
        Fixtures.Case c = Fixtures.load("scontrol-show-config");
        SlurmConfig config = ScontrolAdminParser.parseConfig(c.stdout());
        assertThat(config.asOf()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 30, 57));
        assertThat(config.entries()).hasSize(c.stdout().split("\n").length - 3);
        assertThat(config.entries().keySet()).first().isEqualTo("AccountingStorageBackupHost");
        assertThat(config.entries().keySet()).last().isEqualTo("X11Parameters");
        assertThat(config.get("ClusterName")).contains("localcluster");
        assertThat(config.get("SLURM_VERSION")).contains("22.05.8");
        // padded keys, '=' inside values, spaces inside values, empty values, sentinels kept raw
        assertThat(config.get("AccountingStorageHost")).contains("localhost");
        assertThat(config.get("GpuFreqDef")).contains("high,memory=high");
        assertThat(config.get("InteractiveStepOptions")).contains("--interactive --preserve-env --pty $SHELL");
        assertThat(config.get("PowerPlugin")).contains("");
        assertThat(config.get("SlurmctldHost[0]")).contains("vm(localhost)");
        assertThat(config.get("AuthInfo")).contains("(null)");
        assertThat(config.value("AuthInfo")).isEmpty();
        assertThat(config.value("PowerPlugin")).isEmpty();
        assertThat(config.value("AccountingStorageUser")).isEmpty();
        assertThat(config.value("MinJobAge")).contains("86400 sec");
        assertThat(config.get("NoSuchKey")).isEmpty();
        assertThat(config.sections()).isEmpty();
        assertThat(config.controllers()).containsExactly(new ControllerStatus("primary", "vm", true));

        Map<String, Object> view = SlurmConfigView.toMap(config);
        assertThat(view).containsEntry("as_of", "2026-11-20T22:30:57");
        assertThat(map(view.get("entries"))).containsEntry("ClusterName", "localcluster");
        assertThat(list(view.get("controllers"))).isEqualTo(List.of(Map.of("role", "primary", "host", "vm", "up", true)));
    }

    @Test
    void configSectionsAndBackups() {
        String text = "Configuration data as of 10/01 12:00:00\n"
                + "ClusterName = c\n\n"
                + "Cgroup Support Configuration:\n"
                + "AllowedRAMSpace          = 100.0%\n"
                + "CgroupPlugin             = autodetect\n\n"
                + "MPI Plugins Configuration:\n"
                + "PMIxDebug               = 0\n\n"
                + "Slurmctld(primary) at h1 is UP\n"
                + "Slurmctld(backup) at h2 is DOWN\n";
        SlurmConfig config = ScontrolAdminParser.parseConfig(text);
        assertThat(config.asOf()).as("non-ISO date is not guessed").isNull();
        assertThat(config.entries()).containsExactly(Map.entry("ClusterName", "c"));
        assertThat(config.sections()).containsOnlyKeys("Cgroup Support Configuration", "MPI Plugins Configuration");
        assertThat(config.sections().get("Cgroup Support Configuration"))
                .containsExactly(Map.entry("AllowedRAMSpace", "100.0%"), Map.entry("CgroupPlugin", "autodetect"));
        assertThat(config.get("PMIxDebug")).contains("0");
        assertThat(config.controllers()).containsExactly(new ControllerStatus("primary", "h1", true),
                new ControllerStatus("backup", "h2", false));
        assertThat(map(SlurmConfigView.toMap(config).get("sections"))).containsKey("MPI Plugins Configuration");
        assertThat(SlurmConfigView.toMap(config)).containsEntry("as_of", null);
    }

    @Test
    void configErrors() {
        assertThatThrownBy(() -> ScontrolAdminParser.parseConfig("A = 1\nwhat is this\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.excerpt()).isEqualTo("what is this");
                });
        assertThatThrownBy(() -> ScontrolAdminParser.parseConfig("A = 1\nA = 2\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("A"));
        assertThatThrownBy(() -> ScontrolAdminParser.parseConfig("S:\nA = 1\n\nS:\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("section repeated");
        assertThatThrownBy(() -> ScontrolAdminParser.parseConfig("\n\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("empty output");
    }

    @Test
    void licenses() {
        Fixtures.Case c = Fixtures.load("scontrol-licenses");
        List<License> licenses = ScontrolAdminParser.parseLicenses(c.stdout());
        assertThat(licenses).containsExactly(
                new License("ansys", 1, 0, 1, 0L, false, Map.of()),
                new License("matlab", 2, 1, 1, 0L, false, Map.of()));
        Map<String, Object> view = LicenseView.toMap(licenses.get(1));
        assertThat(view).containsEntry("name", "matlab").containsEntry("total", 2L).containsEntry("used", 1L)
                .containsEntry("free", 1L).containsEntry("reserved", 0L).containsEntry("remote", false)
                .containsEntry("extras", Map.of());
    }

    @Test
    void licensesOneLinerNewerKeysAndNone() {
        String text = "LicenseName=fluent Total=10 Used=3 Free=7 Reserved=0 Remote=yes LastConsumed=3 LastDeficit=0 LastUpdate=2025-01-01T10:00:00\n"
                + "LicenseName=x Total=1 Used=0 Free=1\n";
        List<License> l = ScontrolAdminParser.parseLicenses(text);
        assertThat(l.get(0).remote()).isTrue();
        assertThat(l.get(0).extras()).containsExactly(Map.entry("LastConsumed", "3"), Map.entry("LastDeficit", "0"),
                Map.entry("LastUpdate", "2025-01-01T10:00:00"));
        assertThat(l.get(1).reserved()).isNull();
        assertThat(l.get(1).remote()).isNull();
        assertThat(ScontrolAdminParser.parseLicenses("No licenses configured in Slurm.\n")).isEmpty();
        assertThat(ScontrolAdminParser.parseLicenses("")).isEmpty();
    }

    @Test
    void licenseErrors() {
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName=a\n    Total=x Used=0 Free=1\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.field()).isEqualTo("Total");
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName=a Used=0 Free=1\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.reason()).isEqualTo("missing Total="));
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName=a Total=1 Used=0 Free=1 Remote=maybe\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.field()).isEqualTo("Remote"));
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("Total=1\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("before the first LicenseName");
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName=a garbage\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("garbage");
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName=a Total=1 Total=2 Used=0 Free=1\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> ScontrolAdminParser.parseLicenses("LicenseName= Total=1 Used=0 Free=1\n"))
                .isInstanceOf(SlurmParseException.class).hasMessageContaining("empty license name");
    }

    @Test
    void hostnames() {
        Fixtures.Case c = Fixtures.load("scontrol-show-hostnames");
        assertThat(c.cmd()).endsWith("localhost,gpu[01-02],cpu[01-03]");
        assertThat(ScontrolAdminParser.parseHostnames(c.stdout()))
                .containsExactly("localhost", "gpu01", "gpu02", "cpu01", "cpu02", "cpu03");
        assertThat(ScontrolAdminParser.parseHostnames("")).isEmpty();
        assertThatThrownBy(() -> ScontrolAdminParser.parseHostnames("a\nb c\n"))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        return (List<?>) o;
    }
}
