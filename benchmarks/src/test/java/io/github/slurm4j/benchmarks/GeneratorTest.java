package io.github.slurm4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.slurm4j.model.job.Job;
import io.github.slurm4j.parse.scontrol.ScontrolParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final int N = 3_000;

    @Test
    void sameSeedGivesSameBytesAndOtherSeedsDiffer(@TempDir Path dir) throws IOException {
        Generator g = new Generator();
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Path c = dir.resolve("c.txt");
        g.writeScontrol(a, N, 7);
        new Generator().writeScontrol(b, N, 7);
        g.writeScontrol(c, N, 8);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        assertThat(Files.readAllLines(a)).hasSize(N);
    }

    @Test
    void everyTemplateIsUsedAndTheTrapsAreThere() {
        Generator g = new Generator();
        assertThat(g.templateCount()).isEqualTo(67);
        StringBuilder all = new StringBuilder();
        for (Iterator<Generator.GeneratedJob> it = g.jobs(N, 1); it.hasNext();) {
            all.append(it.next().scontrolLine());
        }
        String text = all.toString();
        assertThat(text).contains("JobName=训练任务 中文名", "JobName=a|b,c=d \"q\" 's'", "JobName=sweep lr=0.",
                "Comment=key=value spaces = signs; owner=ops team", "JobState=PENDING", "JobState=RUNNING",
                "ArrayTaskId=", "HetJobOffset=1", "NodeList=cn[", "projects/genome assembly/");
    }

    @Test
    void theLibraryParserReadsBackWhatWasGenerated() {
        Generator g = new Generator();
        List<Generator.GeneratedJob> want = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Iterator<Generator.GeneratedJob> it = g.jobs(N, 42); it.hasNext();) {
            Generator.GeneratedJob job = it.next();
            want.add(job);
            text.append(job.scontrolLine());
        }
        List<Job> got = new ArrayList<>();
        assertThat(JobsFromText.forEach(new StringReader(text.toString()), got::add)).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(StreamingCheck.compare(want.get(i), got.get(i))).as("job %d", i).isEmpty();
        }
        assertThat(got.get(0).jobId()).isEqualTo(Generator.FIRST_JOB_ID);
        assertThat(ScontrolParser.parseJobs(want.get(5).scontrolLine()).get(0).name()).isEqualTo(want.get(5).name());
    }

    @Test
    void compareReportsAWrongValue() {
        Generator.GeneratedJob want = new Generator().jobs(1, 3).next();
        Job other = ScontrolParser.parseJobs(new Generator().jobs(2, 4).next().scontrolLine()).get(0);
        assertThat(StreamingCheck.compare(want, other)).isNotEmpty();
    }

    @Test
    void theJsonCarriesTheSameJobs(@TempDir Path dir) throws IOException {
        Generator g = new Generator();
        Path json = dir.resolve("jobs.json");
        g.writeSqueueJson(json, N, 42);
        assertThat(Files.readString(json)).contains("\"meta\"", "\"errors\"", "openapi\\/v0.0.38");
        List<JsonJob> jobs = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        long n = ParseBenchmark.JacksonJobs.forEach(mapper, mapper.readerFor(JsonJob.class), Files.readAllBytes(json), jobs::add);
        assertThat(n).isEqualTo(N);
        Iterator<Generator.GeneratedJob> want = g.jobs(N, 42);
        for (JsonJob got : jobs) {
            Generator.GeneratedJob w = want.next();
            assertThat(got.jobId()).isEqualTo(w.jobId());
            assertThat(got.name()).isEqualTo(w.name());
            assertThat(got.userName()).isEqualTo(w.userName());
            assertThat(got.jobState()).isEqualTo(w.state());
            assertThat(got.stateReason()).isEqualTo(w.reason());
            assertThat(got.nodes()).isEqualTo(w.nodeList());
            assertThat(got.comment()).isEqualTo(w.comment() == null ? "" : w.comment());
            assertThat(got.workDir()).isEqualTo(w.workDir());
        }
    }

    @Test
    void ensureWritesBothFilesOnce(@TempDir Path dir) throws IOException {
        Generator.ensure(dir, 100, 5);
        Path text = Generator.scontrolFile(dir, 100, 5);
        Path json = Generator.jsonFile(dir, 100, 5);
        assertThat(text).exists();
        assertThat(json).exists();
        long modified = Files.getLastModifiedTime(text).toMillis();
        Files.writeString(text, "kept");
        Generator.ensure(dir, 100, 5);
        assertThat(Files.readString(text)).isEqualTo("kept");
        assertThat(modified).isPositive();
    }

    @Test
    void minutesOfTimeLimits() {
        assertThat(Generator.minutes("1-02:04:00")).isEqualTo(1564);
        assertThat(Generator.minutes("00:20:00")).isEqualTo(20);
        assertThat(Generator.minutes("05:30")).isEqualTo(5);
        assertThat(Generator.minutes("UNLIMITED")).isNull();
        assertThat(Generator.minutes("x-01:00:00")).isNull();
        assertThat(Generator.minutes("aa:bb:cc")).isNull();
    }

    @Test
    void onelinerFieldsKeepValuesWithSpacesAndEquals() {
        String line = "JobId=14 JobName=a b=c UserId=root(0) Command=/x.sh 1 2 WorkDir=/w "
                + "Comment=key=value spaces = signs; owner=ops team  StdErr=/e Power= \n";
        Map<String, String> map = OnelinerFields.toMap(line);
        assertThat(map).containsEntry("JobName", "a b=c")
                .containsEntry("Command", "/x.sh 1 2")
                .containsEntry("Comment", "key=value spaces = signs; owner=ops team ")
                .containsEntry("Power", "")
                .hasSize(8);
        assertThatThrownBy(() -> OnelinerFields.split("no fields here"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportPrintsRatiosAndSizes() {
        Map<String, double[]> scores = new HashMap<>();
        scores.put("floor", new double[] {400, 10});
        scores.put("scontrolParser", new double[] {900, 20});
        scores.put("jacksonJson", new double[] {1200, 30});
        Properties checks = new Properties();
        checks.setProperty("jobs", "100000");
        checks.setProperty("retained.jobs.bytes", Long.toString(150L * 1024 * 1024));
        checks.setProperty("retained.jobs.count", "100000");
        checks.setProperty("streaming.count", "100000");
        checks.setProperty("streaming.status", "passed");
        checks.setProperty("streaming.mismatches", "0");
        String md = Report.render(scores, checks);
        assertThat(md).contains("| time: ScontrolParser / readLine floor | 2.25x (900 / 400 ms) | <= 2.5x |")
                .contains("0.75x (900 / 1200 ms)")
                .contains("150.0 MB (1572 B/job)")
                .contains("passed, 100000 jobs, 0 mismatches")
                .contains("| time: HashMap split / readLine floor (context) | not measured");
    }
}
