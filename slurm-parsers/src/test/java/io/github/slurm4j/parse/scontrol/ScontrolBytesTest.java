package io.github.slurm4j.parse.scontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slurm4j.fixtures.Fixtures;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.model.node.Node;
import io.github.slurm4j.parse.SlurmParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser reads bytes ({@code parseJobs(InputStream)}); text given as a {@code String} or
 * {@code Reader} is encoded first. All three entry points must give the same objects, and bytes
 * that are not UTF-8 must come out as the decoding {@code Reader} path makes them.
 */
class ScontrolBytesTest {

    private static List<Job> jobsFromBytes(byte[] bytes) {
        List<Job> out = new ArrayList<>();
        ScontrolParser.parseJobs(new ByteArrayInputStream(bytes), out::add);
        return out;
    }

    private static List<Job> jobsFromDecodingReader(byte[] bytes) {
        List<Job> out = new ArrayList<>();
        ScontrolParser.parseJobs(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), out::add);
        return out;
    }

    private static List<Fixtures.Case> cases(String showWhat) {
        List<Fixtures.Case> out = new ArrayList<>();
        for (String name : Fixtures.names()) {
            Fixtures.Case c = Fixtures.load(name);
            if (c.rc() == 0 && c.cmd().contains("scontrol") && c.cmd().contains("show " + showWhat)
                    && !c.stdout().isBlank() && !c.stdout().startsWith("No ")) {
                out.add(c);
            }
        }
        for (String name : List.of("scontrol-job-multiline-newlines", "scontrol-job-oneliner-newlines",
                "scontrol-job-multiline-comment-trailing-space", "scontrol-job-oneliner-comment-trailing-space")) {
            if (showWhat.equals("job")) {
                out.add(Fixtures.load("lab-22.05", name));
            }
        }
        return out;
    }

    @Test
    void everyCapturedJobOutputGivesTheSameJobsFromBytesReaderAndString() {
        List<Fixtures.Case> cases = cases("job");
        assertThat(cases).hasSizeGreaterThan(10);
        for (Fixtures.Case c : cases) {
            List<Job> fromString = ScontrolParser.parseJobs(c.stdout());
            assertThat(fromString).as(c.name()).isNotEmpty();
            assertThat(jobsFromBytes(c.stdoutBytes())).as(c.name()).isEqualTo(fromString);
            assertThat(jobsFromDecodingReader(c.stdoutBytes())).as(c.name()).isEqualTo(fromString);
        }
    }

    @Test
    void everyCapturedNodeOutputGivesTheSameNodesFromBytesAndString() {
        List<Fixtures.Case> cases = cases("node");
        assertThat(cases).hasSizeGreaterThan(3);
        for (Fixtures.Case c : cases) {
            List<Node> fromBytes = new ArrayList<>();
            ScontrolParser.parseNodes(new ByteArrayInputStream(c.stdoutBytes()), fromBytes::add);
            assertThat(fromBytes).as(c.name()).isNotEmpty().isEqualTo(ScontrolParser.parseNodes(c.stdout()));
        }
    }

    @Test
    void aNameCutMidCharacterIsReplacedAndTheRestOfTheJobIsWhole() throws Exception {
        String line = Fixtures.load("scontrol-job-oneliner-running").stdout().strip();
        int at = line.indexOf(" UserId=");
        int nameAt = line.indexOf("JobName=") + "JobName=".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line.substring(0, nameAt).getBytes(StandardCharsets.UTF_8));
        // 训练 cut after its second byte, then a stray continuation byte and a 4-byte emoji cut short
        out.write(new byte[] {(byte) 0xe8, (byte) 0xae, ' ', (byte) 0x80, 'x', (byte) 0xf0, (byte) 0x9f, (byte) 0x98});
        out.write(line.substring(at).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        byte[] bytes = out.toByteArray();

        List<Job> fromBytes = jobsFromBytes(bytes);
        List<Job> fromReader = jobsFromDecodingReader(bytes);
        assertThat(fromBytes).hasSize(1).isEqualTo(fromReader);
        Job job = fromBytes.get(0);
        assertThat(job.name()).startsWith("\ufffd").contains(" \ufffdx\ufffd").doesNotContain("UserId");
        assertThat(job).isEqualTo(ScontrolParser.parseJobs(new String(bytes, StandardCharsets.UTF_8)).get(0));
        Job original = ScontrolParser.parseJobs(line).get(0);
        assertThat(job.identity().user()).isEqualTo(original.identity().user());
        assertThat(job.status()).isEqualTo(original.status());
        assertThat(job.io()).isEqualTo(original.io());
    }

    @Test
    void anErrorAfterMultiByteTextNamesTheColumnInCharacters() {
        String text = "JobId=1 JobName=训练 UserId=alice(1001) GroupId=alice(1001) Priority=x\n";
        assertThatThrownBy(() -> jobsFromBytes(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SlurmParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("Priority");
                    assertThat(e.excerpt()).isEqualTo("Priority=x");
                });
    }
}
