package io.github.slurm4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * slurm4j-bom lists every published module of the reactor (a module that is not installed or
 * deployed, such as this one, is not published) and nothing else, at the reactor's version; and
 * it has no parent, so that importing it manages no third-party versions. Reads the POMs of the
 * repository this module is built in.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void theBomListsEveryPublishedModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> published = new ArrayList<>();
        Matcher m = MODULE.matcher(parent);
        while (m.find()) {
            String pom = Files.readString(ROOT.resolve(m.group(1)).resolve("pom.xml"));
            boolean isPom = pom.contains("<packaging>pom</packaging>");
            if (!isPom && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(artifactId(pom));
            }
        }
        assertThat(published).contains("slurm-model", "slurm-exec", "slurm-exec-ssh", "slurm-testkit");

        String bom = Files.readString(ROOT.resolve("slurm4j-bom/pom.xml"));
        assertThat(bom).as("no <parent> element").doesNotContainPattern("(?m)^\\s*<parent>");
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        List<String> listed = new ArrayList<>();
        Matcher a = ARTIFACT.matcher(managed);
        while (a.find()) {
            listed.add(a.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(managed).doesNotContain("<groupId>org.").doesNotContain("<groupId>com.");
        assertThat(versionOf(bom)).isEqualTo(versionOf(parent));
    }

    private static String artifactId(String pom) {
        String afterParent = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
        Matcher m = ARTIFACT.matcher(afterParent);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String versionOf(String pom) {
        String own = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(own);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
